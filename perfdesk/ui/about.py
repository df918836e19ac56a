"""The About box: perfdesk's version and purpose, and the licences of the parts it bundles.

The installer ships the licence texts in a ``licenses`` folder (see installer/perfdesk.spec);
the box lists each bundled part with the version actually running and its licence, and opens
that folder. Qt is used under the LGPL, which the box states: the clerk's IT department may
need to know.
"""

from __future__ import annotations

import importlib.metadata
import platform
import sys
from dataclasses import dataclass
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, QUrl, qVersion
from PySide6.QtGui import QDesktopServices, QPixmap
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QHBoxLayout, QHeaderView, QLabel, QPushButton, QTreeWidget,
    QTreeWidgetItem, QVBoxLayout, QWidget,
)

from perfdesk import __version__
from perfdesk.resources import resource_path


@dataclass(frozen=True)
class BundledPart:
    name: str
    version: str
    licence: str


# (shown name, distribution whose installed version is shown, SPDX licence)
_PARTS = (
    ("PySide6 / shiboken6", "PySide6-Essentials", "LGPL-3.0"),
    ("openpyxl", "openpyxl", "MIT"),
    ("ReportLab", "reportlab", "BSD"),
    ("pydantic", "pydantic", "MIT"),
    ("defusedxml", "defusedxml", "PSF-2.0"),
    ("python-docx", "python-docx", "MIT"),
    ("lxml", "lxml", "BSD-3-Clause"),
    ("Pillow", "pillow", "MIT-CMU"),
)


def _installed_version(distribution: str) -> str:
    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:  # a bundle built without its metadata
        return "—"


def bundled_parts() -> list[BundledPart]:
    """The parts perfdesk is built from, with the versions running now."""
    parts = [
        BundledPart("Qt", qVersion(), "LGPL-3.0"),
        BundledPart("Python", platform.python_version(), "PSF-2.0"),
    ]
    for name, distribution, licence in _PARTS:
        version = pyside_version if distribution == "PySide6-Essentials" else _installed_version(distribution)
        parts.append(BundledPart(name, version, licence))
    return parts


def licenses_dir() -> Path:
    """Where the licence texts are: beside the bundle's resources, or in installer/ in a checkout."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "licenses"
    return Path(__file__).resolve().parents[2] / "installer" / "licenses"


class AboutDialog(QDialog):
    COL_NAME, COL_VERSION, COL_LICENCE = range(3)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("About perfdesk"))

        icon = QLabel()
        icon.setPixmap(QPixmap(str(resource_path("icons", "perfdesk-64.png"))))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.title = QLabel("<b style='font-size:16pt'>perfdesk</b>&nbsp;&nbsp;"
                            + self.tr("Version %1").replace("%1", __version__))
        self.title.setObjectName("aboutTitle")
        self.description = QLabel(self.tr(
            "An offline editor in which county bureaus write, check and print their "
            "department's yearly budget performance text."))
        self.description.setObjectName("aboutDescription")
        self.description.setWordWrap(True)
        heading = QVBoxLayout()
        heading.addWidget(self.title)
        heading.addWidget(self.description)
        top = QHBoxLayout()
        top.addWidget(icon)
        top.addLayout(heading, 1)

        self.parts = QTreeWidget()
        self.parts.setObjectName("bundledParts")
        self.parts.setRootIsDecorated(False)
        self.parts.setHeaderLabels([self.tr("Part"), self.tr("Version"), self.tr("Licence")])
        for part in bundled_parts():
            self.parts.addTopLevelItem(QTreeWidgetItem([part.name, part.version, part.licence]))
        self.parts.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

        self.notes = QLabel(
            self.tr("Qt and PySide6 are used under the GNU LGPL version 3: their libraries are "
                    "separate files in the installation folder and may be replaced.")
            + "\n" + self.tr("No fonts are bundled: the PDF export uses the fonts of the system "
                             "(SimSun, SimHei and FangSong on Windows).")
        )
        self.notes.setObjectName("aboutNotes")
        self.notes.setWordWrap(True)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.licence_button = QPushButton(self.tr("Licence texts…"))
        self.licence_button.setObjectName("licenceTexts")
        self.licence_button.setEnabled(licenses_dir().is_dir())
        self.licence_button.clicked.connect(self.open_licences)
        buttons.addButton(self.licence_button, QDialogButtonBox.ButtonRole.ActionRole)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.parts, 1)
        layout.addWidget(self.notes)
        layout.addWidget(buttons)
        self.resize(560, 460)

    def open_licences(self) -> bool:
        """Show the folder of licence texts in the system's file manager."""
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(licenses_dir())))


def show_about(parent: QWidget | None = None) -> AboutDialog:
    """Show the About box modally; returns the closed dialog."""
    dialog = AboutDialog(parent)
    dialog.exec()
    return dialog
