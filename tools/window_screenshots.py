"""Render the main window at 1366×768 with the bundled example open and save the screenshots
shown in the README (docs/images/window-*.png), and the Chinese project editor at 1024×600 (form
folded away), 1366×768 and 1920×1080 (window-1024x600.png …). Runs offscreen; settings go to a temporary folder.

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python tools/window_screenshots.py``
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

SIZE = (1366, 768)
SCREEN_SIZES = ((1024, 600), (1366, 768), (1920, 1080))  # the first with the form folded away


def example_path() -> Path:
    folder = ROOT / "resources" / "examples"
    for name in ("funing-2024.xlsx", "funing-2024.json"):
        if (folder / name).is_file():
            return folder / name
    raise SystemExit("resources/examples/funing-2024.xlsx (or .json) is missing")


def settle(app: QApplication) -> None:
    for _ in range(10):
        app.processEvents()


def show_review_marks(window) -> None:
    """The bureau's side: a project marked 需修改 with a comment, another 已通过, and a finding
    accepted with its reason, the accepted ones shown."""
    from perfdesk.model import ProjectReview, ReviewStatus
    from perfdesk.review.acceptance import acceptance_update

    document = window.document
    document.update_project(0, 1, review=ProjectReview(status=ReviewStatus.NEEDS_CHANGES,
                                                       comment="成本指标超过预算数，请核实后修改"))
    document.update_project(0, 0, review=ProjectReview(status=ReviewStatus.APPROVED))
    finding = next(f for f in window.review.findings() if f.project == 2)
    document.update_item(*acceptance_update(finding, document, "2023年下达资金，编码沿用"))
    window.review.accepted_filter.setChecked(True)
    window.select("project", 0, 1)


def screen_sizes(app: QApplication, window, out: Path) -> list[str]:
    """The project editor on a small, a common and a large screen (issue 23); on the small one
    the clerk has folded the project form away to see more indicator rows."""
    names = []
    window.review.accepted_filter.setChecked(False)
    for width, height in SCREEN_SIZES:
        window.resize(width, height)
        window.select("project", 0, 0)
        window.project_editor.collapse_form.setChecked((width, height) == SCREEN_SIZES[0])
        window.grid.select_cell(4, "value")
        window.review.refresh_now()
        settle(app)
        name = f"window-{width}x{height}.png"
        window.grab().save(str(out / name))
        names.append(name)
    window.project_editor.collapse_form.setChecked(False)
    window.resize(*SIZE)
    return names


def main() -> int:
    out = ROOT / "docs" / "images"
    out.mkdir(parents=True, exist_ok=True)
    settings = tempfile.mkdtemp(prefix="perfdesk-settings-")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    for fmt in (QSettings.Format.IniFormat, QSettings.Format.NativeFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, settings)

    from perfdesk.ui.app import make_app, set_language
    from perfdesk.ui.main_window import MainWindow

    app = make_app(lang=None)
    shots = []
    for lang, views in ((None, ("project", "cover", "part1", "review")), ("en", ("project",))):
        set_language(app, lang)
        window = MainWindow()
        window.resize(*SIZE)
        window.show()
        if not window.files.open(example_path()):
            raise SystemExit("the example could not be opened")
        window.resize(*SIZE)
        for view in views:
            if view == "project":
                window.select("project", 0, 1)
                window.grid.select_cell(4, "value")
            elif view == "cover":
                window.select("document")
            elif view == "review":
                show_review_marks(window)
            else:
                window.select("part1")
            window.review.refresh_now()
            settle(app)
            name = f"window-{view}{'-en' if lang == 'en' else ''}.png"
            window.grab().save(str(out / name))
            shots.append(name)
        if lang is None:
            shots += screen_sizes(app, window, out)
        window.undo_stack.setClean()
        window.close()
    print("wrote", ", ".join(f"docs/images/{name}" for name in shots))
    return 0


if __name__ == "__main__":
    sys.exit(main())
