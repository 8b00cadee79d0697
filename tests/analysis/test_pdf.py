"""PDFs print every supported script from the bundled fonts, and load nothing else."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import pytest
from pypdf import PdfReader

from analysis.pdf import ASSET_ORIGIN, STATIC_DIR, BundledAssetFetcher, RefusedURL, render_pdf

ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts" / "pdf"

#: One line per language, and the words pdftotext must give back from each.
SAMPLES = {
    "ar": ("rtl", "شكرًا لك، تم إرسال إجاباتك. اسمي Sarah والرمز <bdi dir=\"ltr\">ABCD-2345</bdi>.",
           ["إرسال", "إجاباتك", "Sarah", "ABCD-2345"]),
    "ps": ("rtl", "مننه، ستاسو ځوابونه ولېږل شول. ټ ځ څ ډ ړ ږ ښ ګ ڼ ۍ ې",
           ["ستاسو", "ځوابونه", "ولېږل"]),
    "fa-AF": ("rtl", "تشکر، جواب\u200cهای شما ذخیره شد. پ چ ژ گ ک ی",
              ["تشکر", "ذخیره"]),
    "ckb": ("rtl", "سوپاس، وەڵامەکانت نێردران. ڕ ڵ ۆ ێ ە ھ",
            ["سوپاس", "نێردران"]),
    "ti": ("ltr", "የቐንየልና፣ መልስታትኩም ተላኢኾም ኣለዉ። ቐ ኸ",
           ["የቐንየልና", "መልስታትኩም", "ተላኢኾም"]),
    "vi": ("ltr", "Cảm ơn bạn, câu trả lời của bạn đã được gửi. Ơ ơ Ư ư ặ ở",
           ["Cảm", "được", "gửi"]),
    "sq": ("ltr", "Faleminderit, përgjigjet tuaja u dërguan. ç ë",
           ["Faleminderit", "përgjigjet", "dërguan"]),
}
#: The bundled fonts, by the PostScript names WeasyPrint embeds them under.
BUNDLED_FONTS = {"Noto-Sans", "Noto-Naskh-Arabic", "Noto-Sans-Ethiopic"}
#: A fontconfig with no font folders: the render sees no font but the bundled ones.
NO_SYSTEM_FONTS = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig><cachedir>{cache}</cachedir></fontconfig>
"""
RENDER_SCRIPT = """
import sys, warnings
warnings.simplefilter("ignore")  # "No fonts configured in FontConfig": exactly the point
from analysis.pdf import render_pdf
sys.stdout.buffer.write(render_pdf(sys.stdin.read()))
"""
BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def sample_html() -> str:
    lines = "\n".join(
        f'<p lang="{code}" dir="{direction}"><b>{code}</b>: {text}</p>'
        for code, (direction, text, _) in SAMPLES.items()
    )
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        '<link rel="stylesheet" href="/static/css/print-fonts.css">'
        "<style>@page { size: A5 } body { font-size: 12pt }</style></head>"
        f"<body><h1>Every script</h1>{lines}</body></html>"
    )


@pytest.fixture(scope="module")
def sample_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Render the sample in a process that can see no system font at all."""
    work = tmp_path_factory.mktemp("pdf")
    config = work / "fonts.conf"
    config.write_text(NO_SYSTEM_FONTS.format(cache=work / "cache"), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-c", RENDER_SCRIPT], input=sample_html().encode(),
        capture_output=True, check=True, timeout=120,
        env={"FONTCONFIG_FILE": str(config), "PATH": "/usr/bin:/bin", "HOME": str(work)},
        cwd=STATIC_DIR.parent,
    )
    path = work / "every-script.pdf"
    path.write_bytes(result.stdout)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(path, ARTIFACTS / path.name)
    return path


def test_every_script_comes_back_out_of_the_pdf(sample_pdf: Path) -> None:
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(sample_pdf), "-"],
                          capture_output=True, text=True, check=True).stdout
    text = BIDI_CONTROLS.sub("", text)
    for code, (_, _, words) in SAMPLES.items():
        for word in words:
            assert word in text, (code, word)


def test_only_bundled_fonts_are_embedded_and_all_are(sample_pdf: Path) -> None:
    embedded = set()
    for page in PdfReader(sample_pdf).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            assert "/FontFile2" in descriptor, font["/BaseFont"]  # embedded TrueType
            embedded.add(str(font["/BaseFont"]).split("+", 1)[1].removesuffix("-Bold"))
    assert embedded == BUNDLED_FONTS


def test_the_pdf_rasterises_for_a_visual_check(sample_pdf: Path) -> None:
    """Keep a PNG beside the PDF (tests/artifacts/pdf/) for people and CI to look at."""
    subprocess.run(["pdftoppm", "-r", "110", "-png", "-singlefile", str(sample_pdf),
                    str(ARTIFACTS / "every-script")], check=True)
    assert (ARTIFACTS / "every-script.png").stat().st_size > 10_000


@pytest.mark.parametrize("url", [
    "file:///etc/passwd",
    "http://127.0.0.1/internal",
    "https://example.org/static/css/app.css",
    f"{ASSET_ORIGIN}/etc/passwd",
    f"{ASSET_ORIGIN}/staticx/css/app.css",
    f"{ASSET_ORIGIN}/static/%2e%2e/pyproject.toml",
    f"{ASSET_ORIGIN}/static/css/missing.css",
    f"{ASSET_ORIGIN}/static/",
    "ftp://127.0.0.1/x",
])
def test_the_fetcher_refuses_anything_but_bundled_assets(url: str) -> None:
    with pytest.raises((RefusedURL, ValueError)):
        BundledAssetFetcher().fetch(url)


def test_the_fetcher_serves_bundled_assets_and_data_urls() -> None:
    fetcher = BundledAssetFetcher()
    css = fetcher.fetch(f"{ASSET_ORIGIN}/static/css/print-fonts.css")
    assert css.content_type == "text/css" and b"@font-face" in css.read()
    font = fetcher.fetch(f"{ASSET_ORIGIN}/static/fonts/noto-sans-latin-regular.ttf")
    assert len(font.read()) > 10_000
    assert fetcher.fetch("data:text/plain;base64,aGk=").read() == b"hi"


def test_a_symlink_out_of_the_static_folder_is_refused(tmp_path: Path) -> None:
    static = tmp_path / "static"
    static.mkdir()
    (tmp_path / "secret.txt").write_text("secret", encoding="utf-8")
    (static / "leak.txt").symlink_to(tmp_path / "secret.txt")
    with pytest.raises(RefusedURL):
        BundledAssetFetcher(static).fetch(f"{ASSET_ORIGIN}/static/leak.txt")


@pytest.fixture
def internal_service() -> Iterator[tuple[str, list[str]]]:
    """A local HTTP server standing in for an internal service; records every request."""
    hits: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            hits.append(self.path)
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}", hits
    server.shutdown()
    server.server_close()
    thread.join()


def test_injected_markup_reaches_no_file_and_no_service(internal_service) -> None:
    base, hits = internal_service
    html = (
        f'<link rel="stylesheet" href="{base}/style.css">'
        f'<p>Quote</p><img src="{base}/image.png"><img src="file:///etc/hostname">'
        '<img src="/static/../pyproject.toml">'
        f'<style>@import url("{base}/import.css"); p {{ background: url("{base}/bg.png") }}</style>'
    )
    pdf = render_pdf(html)
    assert pdf.startswith(b"%PDF")
    assert hits == []
