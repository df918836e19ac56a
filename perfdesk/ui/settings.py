"""What the window remembers between runs (QSettings "perfdesk"/"perfdesk"): geometry and dock
layout, recent files, the PDF fonts, the review rule data file, the indicator library's folders
and the interface language; and the dialog for the fonts.

Tests point QSettings at a temporary folder (``QSettings.setPath`` with the INI format) so
that they never touch a clerk's settings.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

MAX_RECENT = 8


class Settings:
    """Typed access to the stored settings."""

    def __init__(self) -> None:
        self.store = QSettings("perfdesk", "perfdesk")

    # ------------------------------------------------------------ window state
    def geometry(self) -> QByteArray | None:
        value = self.store.value("window/geometry")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def window_state(self) -> QByteArray | None:
        value = self.store.value("window/state")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def save_window(self, geometry: QByteArray, state: QByteArray) -> None:
        self.store.setValue("window/geometry", geometry)
        self.store.setValue("window/state", state)

    # ------------------------------------------------------------ recent files
    def recent_files(self) -> list[str]:
        value = self.store.value("files/recent", [])
        if isinstance(value, str):  # QSettings gives a lone string for a one-item list
            value = [value]
        return [str(v) for v in (value or []) if v][:MAX_RECENT]

    def add_recent(self, path: str | Path) -> list[str]:
        path = str(Path(path).resolve())
        files = [path] + [f for f in self.recent_files() if f != path]
        self.store.setValue("files/recent", files[:MAX_RECENT])
        return files[:MAX_RECENT]

    def remove_recent(self, path: str) -> None:
        self.store.setValue("files/recent", [f for f in self.recent_files() if f != path])

    def clear_recent(self) -> None:
        self.store.setValue("files/recent", [])

    # ------------------------------------------------------------ PDF fonts
    def pdf_fonts(self) -> tuple[str, str]:
        """(body font file, heading font file); empty strings mean the export's own choice."""
        return (str(self.store.value("pdf/body_font", "") or ""), str(self.store.value("pdf/heading_font", "") or ""))

    def set_pdf_fonts(self, body: str, heading: str) -> None:
        self.store.setValue("pdf/body_font", body)
        self.store.setValue("pdf/heading_font", heading)

    # ------------------------------------------------------------ review rules
    def review_rules(self) -> str:
        """The review rule data file chosen in the window; "" for the bundled rules."""
        return str(self.store.value("review/rules", "") or "")

    def set_review_rules(self, path: str) -> None:
        self.store.setValue("review/rules", str(path or ""))

    # ------------------------------------------------------------ indicator library
    def library_folders(self) -> list[str]:
        """The folders of past documents the indicator library (指标库) is built from."""
        value = self.store.value("library/folders", [])
        if isinstance(value, str):  # QSettings gives a lone string for a one-item list
            value = [value]
        return [str(v) for v in (value or []) if v]

    def set_library_folders(self, folders: list[str]) -> None:
        self.store.setValue("library/folders", [str(f) for f in folders])

    def library_common(self) -> bool:
        """Whether the shipped 通用共性指标 are offered after the bureau's own rows."""
        return str(self.store.value("library/common", "true")).lower() not in ("false", "0")

    def set_library_common(self, shown: bool) -> None:
        self.store.setValue("library/common", "true" if shown else "false")

    # ------------------------------------------------------------ language
    def language(self) -> str | None:
        value = self.store.value("ui/language", "")
        return str(value) if value else None

    def set_language(self, lang: str) -> None:
        """Remember the interface language ("zh_CN" or "en") for the next start."""
        self.store.setValue("ui/language", lang)

    # ------------------------------------------------------------ print profile
    def print_profile(self) -> str:
        """The print profile chosen in the export dialog (a name in resources/profiles)."""
        return str(self.store.value("export/profile", "") or "") or "compact"

    def set_print_profile(self, name: str) -> None:
        self.store.setValue("export/profile", str(name or "compact"))

    def sync(self) -> None:
        self.store.sync()


class FontSettingsDialog(QDialog):
    """Choose the fonts the PDF export embeds (body: 仿宋/宋体, headings: 黑体): by name from the
    Chinese TrueType fonts installed (as fontconfig, WPS and the user's font folder have them),
    or any font file."""

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("PDF fonts"))
        body, heading = settings.pdf_fonts()
        # Imported here: ReportLab and the font lookup load only when the dialog is opened.
        from perfdesk.pdf.fonts import available_fonts

        self.installed = available_fonts()
        self.body = QLineEdit(body)
        self.heading = QLineEdit(heading)
        self.body.setObjectName("bodyFontFile")
        self.heading.setObjectName("headingFontFile")
        self.body_choice = self._choice(self.body, "bodyFontChoice")
        self.heading_choice = self._choice(self.heading, "headingFontChoice")
        for edit in (self.body, self.heading):
            edit.setPlaceholderText(self.tr("Automatic (installed CJK font)"))
            edit.setMinimumWidth(360)
        form = QFormLayout()
        form.addRow(self.tr("Body text font:"), self.body_choice)
        form.addRow("", self._with_browse(self.body))
        form.addRow(self.tr("Heading font:"), self.heading_choice)
        form.addRow("", self._with_browse(self.heading))
        found = (self.tr("Chinese TrueType fonts found on this computer: %1.").replace("%1", str(len(self.installed)))
                 if self.installed else
                 self.tr("No Chinese TrueType font was found on this computer: copy one (e.g. simfang.ttf, "
                         "simhei.ttf) into your own fonts folder, %1, or choose a font file.")
                 .replace("%1", str(_user_font_folder())))
        note = QLabel(found + " " + self.tr("TrueType (.ttf/.ttc) files are embedded in the PDF so that it prints "
                                            "the same on every computer."))
        note.setObjectName("fontsFoundNote")
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def _choice(self, edit: QLineEdit, name: str) -> QComboBox:
        """The installed fonts by name; choosing one puts its file in ``edit``, and a file typed
        or browsed there shows its name (or "Another font file")."""
        combo = QComboBox()
        combo.setObjectName(name)
        combo.addItem(self.tr("Automatic (installed CJK font)"), "")
        for font_name, path in self.installed:
            combo.addItem(f"{font_name}（{Path(path.split('#')[0]).name}）", path)
        combo.addItem(self.tr("Another font file"), None)

        def show(text: str) -> None:
            index = combo.findData(text.strip())
            combo.blockSignals(True)
            combo.setCurrentIndex(index if index >= 0 else combo.count() - 1)
            combo.blockSignals(False)

        def chosen(index: int) -> None:
            path = combo.itemData(index)
            if path is not None and path != edit.text().strip():
                edit.setText(path)

        show(edit.text())
        edit.textChanged.connect(show)
        combo.currentIndexChanged.connect(chosen)
        return combo

    def _with_browse(self, edit: QLineEdit) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(edit, 1)
        button = QPushButton(self.tr("Browse…"))
        button.clicked.connect(lambda: self._browse(edit))
        row.addWidget(button)
        return row

    def _browse(self, edit: QLineEdit) -> None:
        folder = _user_font_folder()
        start = edit.text().split("#")[0] or str(folder if folder.is_dir() else "/usr/share/fonts")
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a font file"), start,
                                              self.tr("TrueType fonts (*.ttf *.ttc)"))
        if path:
            edit.setText(path)

    def accept(self) -> None:
        self.settings.set_pdf_fonts(self.body.text().strip(), self.heading.text().strip())
        super().accept()


def _user_font_folder() -> Path:
    from perfdesk.pdf.font_lookup import user_font_folder

    return user_font_folder()
