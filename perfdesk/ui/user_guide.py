"""Help ▸ 使用说明 (F1): the user guide in a window beside the editor.

The guide is data, not code: ``resources/help/guide_zh_CN.html`` in Simplified Chinese (the
clerks' language) and a shorter ``resources/help/guide_en.html`` for ``--lang en`` (both shown
with ``resources/help/guide.css``), chosen by
the interface's language (:func:`perfdesk.ui.app.current_language`). Both are plain HTML that
QTextBrowser renders (headings, paragraphs, lists, tables, ``<a name>`` anchors, no scripts and
no external links) and are found through :func:`perfdesk.resources.resource_path`, so the
PyInstaller bundle, which carries all of ``resources/``, has them.

The dialog is not modal: a clerk reads it while typing in the main window. The window keeps
one guide; F1 again brings it back where it was left.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from perfdesk.resources import resource_path
from perfdesk.ui.app import DEFAULT_LANGUAGE, current_language

GUIDE_FILES = {"zh_CN": "guide_zh_CN.html", "en": "guide_en.html"}
STYLE_FILE = "guide.css"  # the style sheet both guides are shown with
CONTENTS_ANCHOR = "contents"  # the short list of sections at the top of each guide


def guide_path(language: str | None = None) -> Path:
    """The guide for ``language`` (None: the interface's); an unknown language gets the Chinese one."""
    name = GUIDE_FILES.get(language or current_language(), GUIDE_FILES[DEFAULT_LANGUAGE])
    return resource_path("help", name)


class UserGuideDialog(QDialog):
    """The guide in a QTextBrowser, with "back to contents" and "close" buttons."""

    def __init__(self, parent: QWidget | None = None, language: str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("userGuide")
        self.setWindowTitle(self.tr("User guide"))
        self.setModal(False)

        self.browser = QTextBrowser(self)
        self.browser.setObjectName("userGuideText")
        self.browser.setOpenExternalLinks(False)  # the guide links only to its own sections
        # The guide is always longer than the window. A scroll bar that appears after the first
        # layout left the full-width tables 14 px too wide, with a needless horizontal scroll bar.
        self.browser.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        font = self.browser.font()
        if font.pointSizeF() > 0:  # a little larger than the menus: this is text to read
            font.setPointSizeF(font.pointSizeF() + 1)
            self.browser.setFont(font)
        self.path = guide_path(language)
        style = resource_path("help", STYLE_FILE)  # one look for both languages
        if style.is_file():
            self.browser.document().setDefaultStyleSheet(style.read_text("utf-8"))
        if self.path.is_file():
            self.browser.setSource(QUrl.fromLocalFile(str(self.path)))
        else:  # a broken installation: say what is missing instead of an empty window
            self.browser.setPlainText(self.tr("The user guide was not found: %1").replace("%1", str(self.path)))

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        self.contents_button = QPushButton(self.tr("Back to contents"), self)
        self.contents_button.setObjectName("userGuideContents")
        self.contents_button.clicked.connect(self.show_contents)
        buttons.addButton(self.contents_button, QDialogButtonBox.ButtonRole.ActionRole)

        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        self.resize(800, 700)

    def show_contents(self) -> None:
        """Back to the top, where the title and the list of sections are."""
        self.browser.verticalScrollBar().setValue(0)


def show_user_guide(parent: QWidget | None = None) -> UserGuideDialog:
    """Show the guide beside ``parent`` without blocking it; the same dialog is shown again next time."""
    dialog = parent.findChild(UserGuideDialog, "userGuide") if parent is not None else None
    if dialog is None:
        dialog = UserGuideDialog(parent)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog
