"""The 打开说明 dock (Opening notes): what the reader saw in the workbook but could not place.

Opening a workbook gives, besides the document, notes naming the sheet and cell of each thing
perfdesk did not take (see :mod:`perfdesk.fileio.read_result`). The window lists them here,
beside the review dock, as soon as the file is open, and keeps them while the clerk works: an
introduction saying how many items a save will not write (and how many are carried over as
they are), then one row per note — 位置 / 说明 / 内容. The list belongs to the document that
was opened; another document (opened, new, imported) empties it.

The notes are shown as the reader gave them (its reasons are Chinese, like the importer's);
only the place is worded in the interface's language.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from perfdesk.fileio.read_result import ReadNote

COL_PLACE, COL_REASON, COL_TEXT = range(3)
COLUMNS = 3
SHOWN_TEXT = 200  # a whole sheet's first cell may be a page of text: the tooltip has it all
Index = QModelIndex | QPersistentModelIndex


class OpenNotesModel(QAbstractTableModel):
    """The notes of one opened file, read-only: place, reason, content."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._notes: list[ReadNote] = []

    def set_notes(self, notes: Sequence[ReadNote]) -> None:
        self.beginResetModel()
        self._notes = list(notes)
        self.endResetModel()

    def notes(self) -> list[ReadNote]:
        return list(self._notes)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt's name
        return 0 if parent.isValid() else len(self._notes)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {COL_PLACE: self.tr("Place"), COL_REASON: self.tr("Note"), COL_TEXT: self.tr("Content")}.get(section)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._notes):
            return None
        note = self._notes[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == COL_PLACE:
                return self.place(note)
            if column == COL_REASON:
                return note.reason
            if column == COL_TEXT:
                text = " ".join(note.text.split())  # one line in the table; the tooltip keeps the breaks
                return text if len(text) <= SHOWN_TEXT else text[:SHOWN_TEXT - 1] + "…"
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = {COL_PLACE: self.place(note), COL_REASON: note.reason, COL_TEXT: note.text}.get(column, "")
            if note.kept:
                tip += "\n" + self.tr("Carried over as it is when saving.")
            return tip
        if role == Qt.ItemDataRole.ForegroundRole and note.kept:
            return QPalette().brush(QPalette.ColorGroup.Active, QPalette.ColorRole.PlaceholderText)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def place(self, note: ReadNote) -> str:
        """工作表“说明” B12 (or the sheet alone, for a note about the whole sheet)."""
        if note.cell:
            return self.tr("Sheet “%1” %2").replace("%1", note.sheet).replace("%2", note.cell)
        return self.tr("Sheet “%1”").replace("%1", note.sheet)


class OpenNotesPanel(QWidget):
    """The dock's contents: an introduction and the table of notes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("openNotesPanel")
        self.intro = QLabel(self)
        self.intro.setObjectName("openNotesIntro")
        self.intro.setWordWrap(True)
        self.intro.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.model = OpenNotesModel(self)
        self.view = QTableView(self)
        self.view.setObjectName("openNotesTable")
        self.view.setModel(self.model)
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(False)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.view.verticalHeader().setDefaultSectionSize(self.view.fontMetrics().height() + 8)
        header = self.view.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(COL_PLACE, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_REASON, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        metrics = self.view.fontMetrics()
        header.resizeSection(COL_PLACE, metrics.horizontalAdvance("工作表“1.2024年改制企业相关费用” A40:G90") + 16)
        header.resizeSection(COL_REASON, metrics.horizontalAdvance("这个工作表不是第一部分、目录或绩效目标表，共 12 个有内容的单元格，未读入") + 16)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.intro)
        layout.addWidget(self.view, 1)

    def set_notes(self, notes: Sequence[ReadNote], source: Path | None = None) -> None:
        self.model.set_notes(notes)
        self.intro.setText(self.introduction(notes, source))

    def introduction(self, notes: Sequence[ReadNote], source: Path | None) -> str:
        lost = sum(1 for note in notes if not note.kept)
        kept = len(notes) - lost
        name = source.name if source else self.tr("the file")
        parts = []
        if lost:
            parts.append(self.tr("%n item(s) in “%1” could not be placed when it was opened and are listed below "
                                 "with their sheet and cell: saving will not write them.", "", lost).replace("%1", name))
        if kept:
            parts.append(self.tr("%n item(s) (in grey) are not edited in perfdesk: saving carries them over as "
                                 "they are.", "", kept))
        return "\n".join(parts)
