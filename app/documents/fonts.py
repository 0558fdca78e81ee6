"""The CJK TrueType font every printed document embeds, and which characters it cannot print.

On Windows a system 宋体 (simsun.ttc) or 仿宋 (simfang.ttf) is used where present; everywhere
else (and when neither can be read) the bundled WenQuanYi Micro Hei. reportlab embeds a subset of
the font in each PDF, so a document prints the same on every PC.

A character the font has no glyph for would print as a blank (or a box): rare characters in
names (䶮 of CJK extension A, 𠀾 of extension B) are the usual case. ``missing_characters`` finds
them so a producer can refuse the document and name the characters instead.

The font is read and registered with reportlab once per process (it is several megabytes).
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from app.resources import resource_path

#: The name documents use for the font in reportlab styles and canvases.
FONT_NAME = "BranchDeskCJK"


@dataclass(frozen=True, slots=True)
class FontFile:
    """A TrueType font file; ``subfont_index`` selects the face inside a collection (.ttc)."""

    path: Path
    subfont_index: int = 0


def bundled_font() -> FontFile:
    """The font shipped in ``resources/fonts`` (WenQuanYi Micro Hei, face 0 of the collection)."""
    return FontFile(resource_path("fonts", "wqy-microhei.ttc"), 0)


def font_candidates(platform: str | None = None, windir: str | None = None) -> list[FontFile]:
    """The fonts to try, best first: on Windows 宋体 then 仿宋 where the files exist, then the
    bundled font (always last, always listed)."""
    platform = sys.platform if platform is None else platform
    candidates: list[FontFile] = []
    if platform == "win32":
        fonts_dir = Path(windir or os.environ.get("WINDIR") or r"C:\Windows") / "Fonts"
        for name, index in (("simsun.ttc", 0), ("simfang.ttf", 0)):
            path = fonts_dir / name
            if path.is_file():
                candidates.append(FontFile(path, index))
    candidates.append(bundled_font())
    return candidates


@dataclass(frozen=True, slots=True)
class DocumentFont:
    """The registered font: its reportlab name, the file it came from and the code points it has
    glyphs for."""

    name: str
    file: FontFile
    codepoints: frozenset[int]

    def missing(self, texts: str | Iterable[str]) -> list[str]:
        """Characters of ``texts`` without a glyph, sorted by code point, each once. Whitespace
        is never missing: documents lay it out as space, not as glyphs."""
        if isinstance(texts, str):
            texts = (texts,)
        seen: set[str] = set()
        for text in texts:
            seen.update(text)
        return sorted(
            (ch for ch in seen if not ch.isspace() and ord(ch) not in self.codepoints), key=ord
        )


def read_font(file: FontFile) -> TTFont:
    """Parse ``file`` with reportlab (raises ``TTFError`` or ``OSError`` when it cannot)."""
    return TTFont(FONT_NAME, str(file.path), subfontIndex=file.subfont_index)


_lock = threading.Lock()
_font: DocumentFont | None = None


def document_font() -> DocumentFont:
    """The font documents use, read and registered with reportlab on the first call."""
    global _font
    with _lock:
        if _font is None:
            _font = _load(font_candidates())
        return _font


def _load(candidates: list[FontFile]) -> DocumentFont:
    last_error: Exception | None = None
    for file in candidates:
        try:
            face = read_font(file)
        except (TTFError, OSError) as error:  # damaged or unsupported: try the next one
            last_error = error
            continue
        pdfmetrics.registerFont(face)
        return DocumentFont(FONT_NAME, file, frozenset(face.face.charToGlyph))
    raise RuntimeError(f"no usable document font (last error: {last_error})")


def missing_characters(texts: str | Iterable[str]) -> list[str]:
    """Characters of ``texts`` the document font cannot print, sorted, each once."""
    return document_font().missing(texts)
