"""Rebuild the bundled fonts in static/fonts/ from the Debian Noto fonts (`make fonts`).

Each script the languages need (the ``font`` key in feedback_app/languages.yaml) gets one
Noto family, subset with pyftsubset to the Unicode ranges below, in regular and bold:
WOFF2 for browsers (small, Brotli-compressed) and TrueType for WeasyPrint. Every OpenType
layout feature is kept, because Arabic joining, Pashto and Sorani letter forms and
Vietnamese stacked accents are all made by those features. Hinting is dropped: phones and
PDFs do not use it, and it is a third of the size.

Run it after changing a range or adding a script, then commit static/fonts/ and update the
``unicode-range`` in static/css/app.css if a range changed (tests check both).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from fontTools import subset

SOURCE_DIR = Path("/usr/share/fonts/truetype/noto")
TARGET_DIR = Path(__file__).resolve().parent.parent / "static" / "fonts"
#: Punctuation, digits and symbols every script's text may contain.
COMMON = "U+0000-00FF,U+2000-206F,U+20AC,U+2122,U+2190-2193,U+2212,U+25CC,U+FEFF,U+FFFD"


@dataclass(frozen=True)
class Script:
    """One font key of languages.yaml: the Noto family that draws it and what it must cover."""

    key: str
    family: str
    source: str  # file name stem, without -Regular/-Bold
    target: str
    unicodes: str


SCRIPTS = (
    # English, Albanian (ç, ë) and Vietnamese (Ơ ơ Ư ư in Latin Extended-B, the stacked tone
    # marks in Latin Extended Additional, combining marks for decomposed input).
    Script("latin", "Noto Sans", "NotoSans", "noto-sans-latin",
           f"{COMMON},U+0100-024F,U+0300-036F,U+1E00-1EFF"),
    # Arabic, Pashto (ټ ځ څ ډ ړ ږ ښ ګ ڼ ۍ ې), Dari (پ چ ژ گ ک ی) and Sorani (ڕ ڵ ۆ ێ ە ھ):
    # the Arabic block and its supplements, presentation forms, and the joiners and
    # direction marks mixed-direction text needs.
    Script("arabic", "Noto Naskh Arabic", "NotoNaskhArabic", "noto-naskh-arabic",
           f"{COMMON},U+0600-06FF,U+0750-077F,U+08A0-08FF,U+FB50-FDFF,U+FE70-FEFF"),
    # Tigrinya: the Ethiopic syllabary and its supplement and extensions (ቐ, ኸ series).
    Script("ethiopic", "Noto Sans Ethiopic", "NotoSansEthiopic", "noto-sans-ethiopic",
           f"{COMMON},U+1200-139F,U+2D80-2DDF,U+AB00-AB2F"),
)
WEIGHTS = ("Regular", "Bold")


def pyftsubset_args(source: Path, output: Path, unicodes: str, flavor: str | None) -> list[str]:
    """Return the pyftsubset command line (also shown in static/fonts/README.md)."""
    args = [str(source), f"--unicodes={unicodes}", "--layout-features=*", "--name-IDs=*",
            "--no-hinting", f"--output-file={output}"]
    if flavor:
        args.append(f"--flavor={flavor}")
    return args


def build(script: Script) -> list[Path]:
    """Subset one script's regular and bold fonts to WOFF2 and TTF; return the files written."""
    written = []
    for weight in WEIGHTS:
        source = SOURCE_DIR / f"{script.source}-{weight}.ttf"
        for suffix, flavor in (("woff2", "woff2"), ("ttf", None)):
            output = TARGET_DIR / f"{script.target}-{weight.lower()}.{suffix}"
            subset.main(pyftsubset_args(source, output, script.unicodes, flavor))
            written.append(output)
    return written


def main() -> int:
    missing = [f"{s.source}-{w}.ttf" for s in SCRIPTS for w in WEIGHTS
               if not (SOURCE_DIR / f"{s.source}-{w}.ttf").exists()]
    if missing:
        print(f"Missing in {SOURCE_DIR}: {', '.join(missing)}.\n"
              "Install them with: sudo apt-get install fonts-noto-core", file=sys.stderr)
        return 1
    TARGET_DIR.mkdir(parents=True, exist_ok=True)
    for script in SCRIPTS:
        for path in build(script):
            print(f"{path.relative_to(TARGET_DIR.parent.parent)}  {path.stat().st_size:>8} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
