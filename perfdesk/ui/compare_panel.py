"""File ▸ 与其他版本比较…: what changed between another version of the text and the one open.

The other file (last year's text, or the draft the bureau sent back) is read whole and kept;
the open document is the new version, so every change found in it can be gone to: a double
click (or Enter) emits ``changeActivated(unit, project, row, field)``, as the review dock does
for a finding. The list is grouped by project in the open document's order (removed projects
last) and is worked out again on "Compare again" after edits. "Print…" writes the comparison
as a PDF (old and new side by side) for the reviewer.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from perfdesk.compare import Change, compare_documents
from perfdesk.compare.diff import field_label
from perfdesk.model import Document

COL_PLACE, COL_OLD, COL_NEW, COL_KIND = range(4)
ChangeRole = Qt.ItemDataRole.UserRole + 1


def _short(text: str | None) -> str:
    """One line of a cell's text for the list (the whole text is in the tooltip)."""
    if text is None:
        return ""
    line = " ".join(text.split())
    return line if len(line) <= 80 else line[:79] + "…"


class ComparePanel(QWidget):
    changeActivated = Signal(int, int, int, str)  # unit, project, indicator row (-1), field

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("comparePanel")
        self.document: Document | None = None  # the open document: the new version
        self.other: Document | None = None      # the version compared with: the old one
        self.other_path: Path | None = None
        self.changes: list[Change] = []

        self.heading = QLabel(self)
        self.heading.setObjectName("compareHeading")
        self.heading.setWordWrap(True)
        self.again_button = QPushButton(self.tr("Compare again"), self)
        self.again_button.setObjectName("compareAgain")
        self.again_button.clicked.connect(self.refresh)
        self.print_button = QPushButton(self.tr("Print…"), self)
        self.print_button.setObjectName("comparePrint")
        self.print_button.clicked.connect(self.export_pdf)
        self.view = QTreeWidget(self)
        self.view.setObjectName("compareChanges")
        self.view.setColumnCount(4)
        self.view.setHeaderLabels([self.tr("Place"), self.tr("Old version"), self.tr("New version"),
                                   self.tr("Change")])
        self.view.setUniformRowHeights(True)
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.view.header()
        header.setStretchLastSection(False)
        for column in (COL_PLACE, COL_OLD, COL_NEW):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_KIND, QHeaderView.ResizeMode.ResizeToContents)
        self.view.itemActivated.connect(self._activated)

        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.heading, 1)
        bar.addWidget(self.again_button)
        bar.addWidget(self.print_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        self._show()

    # ------------------------------------------------------------------ input
    def compare(self, document: Document, other: Document, other_path: Path | None) -> list[Change]:
        """Compare ``other`` (the old version) with ``document`` (the open one) and list it."""
        self.document, self.other, self.other_path = document, other, other_path
        return self.refresh()

    def set_document(self, document: Document) -> None:
        """Another document was opened: the comparison no longer applies."""
        self.document, self.other, self.other_path, self.changes = document, None, None, []
        self._show()

    def refresh(self) -> list[Change]:
        """Work the changes out again (after edits of the open document)."""
        if self.document is not None and self.other is not None:
            self.changes = compare_documents(self.other, self.document)
        self._show()
        return self.changes

    # ---------------------------------------------------------------- showing
    def _show(self) -> None:
        self.view.clear()
        compared = self.other is not None
        self.again_button.setEnabled(compared)
        self.print_button.setEnabled(compared)
        if not compared:
            self.heading.setText(self.tr("Choose File ▸ Compare with another version… to see what changed."))
            return
        name = self.other_path.name if self.other_path else ""
        if not self.changes:
            self.heading.setText(self.tr("“%1” and the open text have the same content.").replace("%1", name))
            return
        self.heading.setText(self.tr("%n difference(s) from “%1” (old) to the open text (new). "
                                     "Double-click one to go there.", "", len(self.changes)).replace("%1", name))
        groups: dict[tuple, QTreeWidgetItem] = {}
        for change in self.changes:
            key = (change.project_code, change.project_name)  # (None, None): the document's own fields
            group = groups.get(key)
            if group is None:
                title = self._group_title(change)
                group = QTreeWidgetItem(self.view, [title])
                group.setFirstColumnSpanned(True)
                groups[key] = group
            item = QTreeWidgetItem(group, [self._place(change), _short(change.old), _short(change.new),
                                           self._kind(change.kind)])
            item.setData(COL_PLACE, ChangeRole, change)
            item.setToolTip(COL_OLD, change.old or "")
            item.setToolTip(COL_NEW, change.new or "")
        self.view.expandAll()

    def _group_title(self, change: Change) -> str:
        if change.project_code is None and change.project_name is None:
            return self.tr("Document (cover, Part 1)")
        number = ""
        if change.unit is not None and change.project is not None and self.document is not None:
            number = f"{self.document.project_number(change.unit, change.project)}. "
        return f"{number}{change.project_code or ''} {change.project_name or ''}".strip()

    def _place(self, change: Change) -> str:
        if change.field == "project":
            return self.tr("Project")
        if change.field == "indicator":
            row = self.tr("Indicator")  # outside the f-string, where lupdate finds it
            return f"{row} {change.indicator}"
        where = field_label(change.field)
        if change.indicator:
            where = f"{change.indicator} {where}"
        elif change.item is not None:
            where = f"{where} 第 {change.item + 1} 条" if change.field != "spending_plan" else where
        return where

    def _kind(self, kind: str) -> str:
        return {"added": self.tr("Added"), "removed": self.tr("Removed"), "changed": self.tr("Changed")}.get(kind, kind)

    # ---------------------------------------------------------------- actions
    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        change = item.data(COL_PLACE, ChangeRole)
        if change is not None:
            self.go_to(change)

    def go_to(self, change: Change) -> None:
        """Show the place of ``change`` in the open document (nothing to show for a removal)."""
        unit = -1 if change.unit is None else change.unit
        project = -1 if change.project is None else change.project
        row = -1 if change.row is None else change.row
        field = "level3" if change.field == "indicator" else ("name" if change.field == "project" else change.field)
        self.changeActivated.emit(unit, project, row, field)

    def export_pdf(self) -> bool:
        """Write the comparison as a PDF the reviewer can print (asks where)."""
        if self.other is None or self.document is None:
            return False
        window = self.window()
        start = (self.other_path.with_name(f"{self.other_path.stem}（比较）.pdf") if self.other_path
                 else Path.home() / "比较.pdf")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Print the comparison"), str(start),
                                              self.tr("PDF files (*.pdf)"))
        if not path:
            return False
        target = Path(path if path.lower().endswith(".pdf") else path + ".pdf")
        files = getattr(window, "files", None)
        try:
            from perfdesk.compare.pdf import write_comparison

            new_name = window.path.name if getattr(window, "path", None) else self.tr("open text")
            write_comparison(self.other, self.document, self.changes, target,
                             self.other_path.name if self.other_path else "", new_name,
                             fonts=files.pdf_fonts() if files else None)
        except Exception as error:  # noqa: BLE001 - a message, never a traceback
            if files is not None:
                files.show_error(self.tr("Print the comparison"), error)
            return False
        if hasattr(window, "statusBar"):
            window.statusBar().showMessage(self.tr("Comparison written: %1").replace("%1", str(target)), 8000)
        return True
