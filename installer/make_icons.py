"""Render the application icon from ``resources/icons/branchdesk.svg`` into PNG sizes and an .ico.

Run at build time (``make dist-linux``, ``installer/build_windows.ps1``) before PyInstaller; the
outputs go to ``build/icons/`` (not committed): ``branchdesk-<size>.png`` and ``branchdesk.ico``.
Qt renders the SVG (QtSvg ships with PySide6-Essentials); Pillow writes the multi-size .ico.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SVG = ROOT / "resources" / "icons" / "branchdesk.svg"
SIZES = (16, 24, 32, 48, 64, 128, 256)


def render(out_dir: Path) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PIL import Image
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"invalid SVG: {SVG}")
    out_dir.mkdir(parents=True, exist_ok=True)
    pngs = []
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        path = out_dir / f"branchdesk-{size}.png"
        if not image.save(str(path)):
            raise SystemExit(f"could not write {path}")
        pngs.append(path)
    largest = Image.open(out_dir / "branchdesk-256.png")
    largest.save(out_dir / "branchdesk.ico", sizes=[(s, s) for s in SIZES])
    return pngs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "icons")
    args = parser.parse_args()
    render(args.out)
    print(f"icons written to {args.out}")


if __name__ == "__main__":
    main()
