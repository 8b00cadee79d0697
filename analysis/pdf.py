"""Render HTML to PDF with WeasyPrint, loading nothing but the platform's bundled assets.

WeasyPrint fetches every URL a document names. A report quotes what respondents wrote, so
markup that slipped into one could make the server read its own files or call internal
services (PITFALLS.md). Here the only URLs that load are files under the static folder,
addressed as ``/static/...`` (what Flask's ``url_for('static', ...)`` produces); ``data:``
URLs are allowed because they carry their content with them. Everything else is refused.

Usage::

    from analysis.pdf import render_pdf

    html = '<link rel="stylesheet" href="/static/css/print-fonts.css"><p lang="ar" dir="rtl">…</p>'
    pdf_bytes = render_pdf(html)
"""

from __future__ import annotations

import mimetypes
from collections.abc import Mapping
from pathlib import Path
from urllib.parse import unquote, urlsplit

from weasyprint import HTML  # type: ignore[import-untyped]
from weasyprint.urls import URLFetcher, URLFetcherResponse  # type: ignore[import-untyped]

#: The repository's static folder: stylesheets, fonts and images.
STATIC_DIR = Path(__file__).resolve().parent.parent / "static"
#: Documents are rendered as if served from here; ``.invalid`` never resolves (RFC 2606).
ASSET_ORIGIN = "https://assets.invalid"


class RefusedURL(ValueError):
    """A document named a URL that is not one of the bundled assets."""


class BundledAssetFetcher(URLFetcher):  # type: ignore[misc]  # weasyprint is untyped
    """Serve ``/static/...`` from ``static_dir`` and ``data:`` URLs; refuse every other URL.

    ``file:``, ``http:`` and any other host are refused before anything is opened, and a
    path that leaves ``static_dir`` (``..``, symlinks) is refused after resolving it.
    """

    def __init__(self, static_dir: Path = STATIC_DIR, static_url_path: str = "/static") -> None:
        super().__init__(allowed_protocols=("data",), allow_redirects=False)
        self.static_dir = static_dir.resolve()
        self.prefix = ASSET_ORIGIN + "/" + static_url_path.strip("/") + "/"

    def fetch(self, url: str, headers: Mapping[str, str] | None = None) -> URLFetcherResponse:
        if url.startswith("data:"):
            return super().fetch(url, headers)
        if not url.startswith(self.prefix):
            raise RefusedURL(f"refused {url[:120]!r}: only bundled assets may be loaded")
        relative = unquote(urlsplit(url).path)[len(urlsplit(self.prefix).path):]
        path = (self.static_dir / relative).resolve()
        if not path.is_relative_to(self.static_dir) or not path.is_file():
            raise RefusedURL(f"refused {url[:120]!r}: not a bundled asset")
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": content_type})


def render_pdf(html: str, *, static_dir: Path = STATIC_DIR,
               static_url_path: str = "/static") -> bytes:
    """Return ``html`` as PDF bytes, its assets read only from ``static_dir``.

    ``html`` must come from an autoescaping template. Relative and root-relative URLs
    resolve against the asset origin, so ``/static/css/print-fonts.css`` (and the fonts
    that stylesheet names) load from ``static_dir``; anything else is left out, with a
    warning in WeasyPrint's log.
    """
    fetcher = BundledAssetFetcher(static_dir, static_url_path)
    document = HTML(string=html, base_url=ASSET_ORIGIN + "/", url_fetcher=fetcher)
    pdf: bytes = document.write_pdf()
    return pdf
