"""What every export from the window shares (PDF, Word): asking whether to go on despite the
review's errors, asking for the target file, and offering to open it afterwards."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget


def go_on_despite_errors(parent: QWidget, errors: int, title: str, question: str) -> bool:
    """True when the review found no error, or the clerk chose to export anyway (default: no)."""
    if not errors:
        return True
    answer = QMessageBox.question(parent, title, question,
                                  QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                  QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


def ask_target(window, title: str, file_filter: str, suffix: str) -> Path | None:  # noqa: ANN001 - MainWindow
    """The file the clerk chose to write (``suffix`` added when typed without it), or None; the
    dialog starts beside the open workbook, under its name, or under the document's title."""
    start = str(window.path.with_suffix(suffix)) if window.path else (window.document.title or "perfdesk") + suffix
    path, _ = QFileDialog.getSaveFileName(window, title, start, file_filter)
    if not path:
        return None
    return Path(path if path.lower().endswith(suffix) else path + suffix)

def offer_opening(parent: QWidget, path, *, name: str, title: str, text: str,
                  labels: tuple[str, str, str], open_name: str) -> QMessageBox:
    """After an export, a non-modal message: open the file / open its folder / close
    (``labels`` in that order; the buttons are named ``open_name``, "open_folder", "close")."""
    path = Path(path)
    box = QMessageBox(parent)
    box.setObjectName(name)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(title)
    box.setText(text)
    open_file = box.addButton(labels[0], QMessageBox.ButtonRole.AcceptRole)
    open_folder = box.addButton(labels[1], QMessageBox.ButtonRole.ActionRole)
    close = box.addButton(labels[2], QMessageBox.ButtonRole.RejectRole)
    open_file.setObjectName(open_name)
    open_folder.setObjectName("open_folder")
    close.setObjectName("close")
    box.setDefaultButton(open_file)
    box.setEscapeButton(close)

    def clicked(button) -> None:  # noqa: ANN001 - Qt's signal argument
        if button is open_file:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        elif button is open_folder:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))

    box.buttonClicked.connect(clicked)
    box.open()
    return box
