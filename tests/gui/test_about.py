"""The About box: version, the bundled parts with their licences, and its Chinese translation."""

from __future__ import annotations

import importlib.metadata
import tomllib
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QTreeWidget, QWidget

from perfdesk.ui.about import AboutDialog, licenses_dir, show_about

ROOT = Path(__file__).resolve().parents[2]
TSV = ROOT / "resources" / "translations" / "zh_CN.tsv"

# Licences of the parts the brief lists, as published by each project.
EXPECTED_LICENCES = {
    "Qt": "LGPL-3.0",
    "PySide6 / shiboken6": "LGPL-3.0",
    "openpyxl": "MIT",
    "ReportLab": "BSD",
    "pydantic": "MIT",
    "defusedxml": "PSF-2.0",
    "python-docx": "MIT",
}


def rows(dialog: AboutDialog) -> dict[str, tuple[str, str]]:
    tree = dialog.findChild(QTreeWidget, "bundledParts")
    return {tree.topLevelItem(i).text(0): (tree.topLevelItem(i).text(1), tree.topLevelItem(i).text(2))
            for i in range(tree.topLevelItemCount())}


def test_about_shows_the_version_of_pyproject(qtbot):
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    version = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["version"]
    assert f"Version {version}" in dialog.findChild(QLabel, "aboutTitle").text()
    assert "budget performance text" in dialog.findChild(QLabel, "aboutDescription").text()


def test_about_lists_bundled_parts_with_licence_and_running_version(qtbot):
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    shown = rows(dialog)
    for name, licence in EXPECTED_LICENCES.items():
        assert shown[name][1] == licence, name
    assert shown["openpyxl"][0] == importlib.metadata.version("openpyxl")
    assert shown["ReportLab"][0] == importlib.metadata.version("reportlab")
    assert shown["Qt"][0].startswith("6.")
    notes = dialog.findChild(QLabel, "aboutNotes").text()
    assert "LGPL" in notes and "may be replaced" in notes
    assert "No fonts are bundled" in notes


def test_licence_texts_are_there_to_open(qtbot):
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    assert dialog.findChild(QPushButton, "licenceTexts").isEnabled()
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in (licenses_dir() / "Qt-PySide6-LGPL-3.0.txt").read_text("utf-8")
    assert "GNU GENERAL PUBLIC LICENSE" in (licenses_dir() / "GPL-3.0.txt").read_text("utf-8")


def test_show_about_is_modal_over_its_parent_and_closes(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    seen: list[QWidget] = []

    def close_it() -> None:
        modal = QApplication.activeModalWidget()
        seen.append(modal)
        modal.reject()

    QTimer.singleShot(0, close_it)
    dialog = show_about(parent)
    assert seen == [dialog]
    assert dialog.parent() is parent
    assert not dialog.isVisible()


def test_every_string_of_the_box_has_a_chinese_translation(qtbot):
    pairs = {}
    for line in TSV.read_text("utf-8").splitlines():
        if "\t" in line and not line.startswith("#"):
            english, chinese = line.split("\t", 1)
            pairs[english] = chinese
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    texts = ["About perfdesk", "Version %1", dialog.findChild(QLabel, "aboutDescription").text(),
             dialog.findChild(QPushButton, "licenceTexts").text()]
    texts += dialog.findChild(QLabel, "aboutNotes").text().split("\n")
    header = dialog.findChild(QTreeWidget, "bundledParts").headerItem()
    texts += [header.text(column) for column in range(3)]
    assert dialog.windowTitle() == "About perfdesk"
    for text in texts:
        assert pairs.get(text, "").strip(), f"no Chinese for {text!r}"
    assert pairs["An offline editor in which county bureaus write, check and print their department's "
                 "yearly budget performance text."].startswith("离线编辑器")
