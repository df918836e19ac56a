"""Render resources/icons/perfdesk.svg into the PNG sizes and the multi-size Windows .ico.

    QT_QPA_PLATFORM=offscreen python installer/make_icons.py

The SVGs are the source; the PNGs and the .ico are generated but committed, so that neither
the app nor the bundle build needs QtSvg. Sizes up to 32 px come from perfdesk-small.svg,
a simplified drawing that stays readable where the full one would blur into grey.
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)  # 256 is the largest size an .ico entry holds
SMALL_UP_TO = 32


def render(svg: Path, size: int) -> Image.Image:
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"make_icons: cannot read {svg}")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return Image.open(io.BytesIO(bytes(data))).convert("RGBA")


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841
    images = {}
    for size in SIZES:
        source = ICONS / ("perfdesk-small.svg" if size <= SMALL_UP_TO else "perfdesk.svg")
        images[size] = render(source, size)
        images[size].save(ICONS / f"perfdesk-{size}.png", optimize=True)
    # The window icon the main window loads.
    images[256].save(ICONS / "perfdesk.png", optimize=True)
    # Each .ico entry is its own drawing (not a downscale of the largest) so 16 px stays sharp.
    largest = images[max(ICO_SIZES)]
    largest.save(ICONS / "perfdesk.ico", format="ICO", sizes=[(s, s) for s in ICO_SIZES],
                 append_images=[images[s] for s in ICO_SIZES if s != max(ICO_SIZES)])
    print(f"make_icons: wrote {len(SIZES)} PNGs, perfdesk.png and perfdesk.ico to {ICONS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
