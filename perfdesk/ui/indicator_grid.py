"""The indicator grid: a project's 绩效指标 table with a small toolbar.

``IndicatorGrid`` holds the toolbar and ``view`` (objectName "indicatorGrid"), a table view
over :class:`~perfdesk.qtmodels.indicator_model.IndicatorTableModel`. Its actions (insert
row, delete rows, move up/down, copy, paste) are public so the main window can put them in
its menus and the grid's right-click menu; copy and paste speak tab-separated text, as Excel
and WPS do, and Enter after typing goes to the cell below, as there.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from perfdesk.model import INDICATOR_FIELDS, Document, Indicator
from perfdesk.qtmodels.indicator_model import COL_BASIS, COL_DESCRIPTION, COL_LEVEL3, COL_PREVIOUS, IndicatorTableModel
from perfdesk.ui.delegates import IndicatorDelegate

_COLUMN_WIDTHS = (88, 136, 150, 260, 110, 110, 100)


class IndicatorTableView(QTableView):
    """The table itself: grid lines come from the delegate so that runs can look merged."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("indicatorGrid")
        self.setShowGrid(False)
        self.setWordWrap(True)
        self.setAlternatingRowColors(False)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.setItemDelegate(IndicatorDelegate(self))
        # Rows fit their wrapped text, measured only where something changed: ResizeToContents
        # would measure every cell on every change and make typing slow.
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self._fit_all_pending = False
        self.verticalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setMinimumSectionSize(48)

    def setModel(self, model) -> None:  # noqa: N802 - Qt's name
        super().setModel(model)
        header = self.horizontalHeader()
        for column, width in enumerate(_COLUMN_WIDTHS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        header.setSectionResizeMode(COL_DESCRIPTION, QHeaderView.ResizeMode.Stretch)
        # 上年指标值 is the model's last column (the official six keep their numbers for copy and
        # paste) but stands beside 指标值, where a clerk compares the two.
        if header.visualIndex(COL_PREVIOUS) != header.visualIndex(COL_BASIS):
            header.moveSection(header.visualIndex(COL_PREVIOUS), header.visualIndex(COL_BASIS))
        header.sectionResized.connect(self._fit_all_rows_later)
        model.modelReset.connect(self.resizeRowsToContents)
        model.layoutChanged.connect(self.resizeRowsToContents)
        model.rowsInserted.connect(lambda parent, first, last: self._fit_rows(first, last))
        model.rowsMoved.connect(self._fit_all_rows_later)
        model.dataChanged.connect(lambda top_left, bottom_right, roles=(): self._fit_rows(
            top_left.row(), bottom_right.row()))
        self.resizeRowsToContents()

    def scrollContentsBy(self, dx: int, dy: int) -> None:  # noqa: N802 - Qt's name
        super().scrollContentsBy(dx, dy)
        if dy:
            # Qt moves the painted pixels and repaints only the uncovered strip; the top row's
            # 一级/二级 text depends on its being the top row, so repaint the whole table.
            self.viewport().update()

    def inputMethodEvent(self, event) -> None:  # noqa: N802 - Qt's name
        # An input method may send a finished word or a Chinese punctuation mark ("，" "≥")
        # without composing it first. Qt then opened the editor on the old text and dropped
        # what was typed; start editing with the typed text instead, as a typed key does.
        text, index = event.commitString(), self.currentIndex()
        if (text and not event.preeditString() and self.state() != QAbstractItemView.State.EditingState
                and index.isValid() and self.edit(index, QAbstractItemView.EditTrigger.AnyKeyPressed, event)):
            editor = self.indexWidget(index)
            if isinstance(editor, QLineEdit):
                editor.setText(text)
                return
            if isinstance(editor, QComboBox) and editor.isEditable():
                editor.setEditText(text)
                return
        super().inputMethodEvent(event)

    def closeEditor(self, editor, hint) -> None:  # noqa: N802 - Qt's name
        super().closeEditor(editor, hint)
        # Enter (SubmitModelCache) goes on to the cell below, as in Excel and WPS, so a clerk
        # can type a column of 指标值 one after another.
        if hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache:
            current = self.currentIndex()
            below = current.sibling(current.row() + 1, current.column()) if current.isValid() else current
            if below.isValid():
                self.selectionModel().setCurrentIndex(below, QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def _fit_rows(self, first: int, last: int) -> None:
        for row in range(first, last + 1):
            self.resizeRowToContents(row)

    def _fit_all_rows_later(self, *_: object) -> None:
        # Column resizes come in bursts (window resize): fit once when they are over.
        if not self._fit_all_pending:
            self._fit_all_pending = True
            QTimer.singleShot(0, self._fit_all_rows)

    def _fit_all_rows(self) -> None:
        self._fit_all_pending = False
        self.resizeRowsToContents()


class IndicatorGrid(QWidget):
    def __init__(self, document: Document, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.toolbar = QToolBar(self)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.view = IndicatorTableView(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.view)

        self.insert_row_action = self._action(self.tr("Insert row"), self.insert_row, "Ctrl++",
                                              self.tr("Insert an indicator below the current row"))
        self.delete_rows_action = self._action(self.tr("Delete rows"), self.delete_rows, "Ctrl+-",
                                               self.tr("Delete the selected indicator rows"))
        self.clear_cells_action = self._action(self.tr("Clear cells"), self.clear_cells,
                                               QKeySequence.StandardKey.Delete,
                                               self.tr("Empty the selected cells"))
        self.move_up_action = self._action(self.tr("Move up"), self.move_up, "Ctrl+Up")
        self.move_down_action = self._action(self.tr("Move down"), self.move_down, "Ctrl+Down")
        self.copy_action = self._action(self.tr("Copy"), self.copy, QKeySequence.StandardKey.Copy,
                                        self.tr("Copy the selected rows as tab-separated text"))
        self.paste_action = self._action(self.tr("Paste"), self.paste, QKeySequence.StandardKey.Paste,
                                         self.tr("Paste rows copied from Excel or WPS"))
        for action in (self.insert_row_action, self.delete_rows_action, None, self.move_up_action,
                       self.move_down_action, None, self.copy_action, self.paste_action):
            if action is None:
                self.toolbar.addSeparator()
                self.view.addAction(self._separator())
            else:
                self.toolbar.addAction(action)
                self.view.addAction(action)
        self.view.addAction(self.clear_cells_action)  # the Delete key; not worth a button
        self.view.addAction(self._separator())
        self.show_previous_action = QAction(self.tr("Show last year's values"), self)
        self.show_previous_action.setCheckable(True)
        self.show_previous_action.setChecked(True)
        self.show_previous_action.setToolTip(self.tr("Show the 上年指标值 column (when the document has last year's values)"))
        self.show_previous_action.toggled.connect(self._show_previous)
        self.view.addAction(self.show_previous_action)
        # A right click in the grid offers the same, as it does in Excel and WPS.
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

        self.model: IndicatorTableModel | None = None
        self.set_document(document, undo_stack)

    def _action(self, text: str, slot, shortcut, tip: str = "") -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(shortcut))
        # Only while the grid has focus: the department tree uses Ctrl+Up/Down too.
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        if tip:
            action.setToolTip(tip)
            action.setStatusTip(tip)
        action.triggered.connect(slot)
        return action

    def _separator(self) -> QAction:
        separator = QAction(self)
        separator.setSeparator(True)
        return separator

    # ------------------------------------------------------------------ public
    def set_document(self, document: Document, undo_stack: QUndoStack) -> None:
        """Show another document (the grid starts empty until set_project)."""
        old = self.model
        self.document, self.undo_stack = document, undo_stack
        self.model = IndicatorTableModel(document, undo_stack, self)
        self.view.setModel(self.model)
        self.view.selectionModel().currentChanged.connect(self._update_actions)
        self.view.selectionModel().selectionChanged.connect(self._update_actions)
        self.model.modelReset.connect(self._update_actions)
        self.model.rowsInserted.connect(self._update_actions)
        self.model.rowsRemoved.connect(self._update_actions)
        self.model.rowsMoved.connect(self._update_actions)
        if old is not None:
            old.detach()
            old.deleteLater()
        self._update_actions()

    def set_project(self, unit: int, project: int) -> None:
        """Show one project's indicators; (-1, -1) (or a place with no project) clears the grid."""
        units = self.document.units
        if not (0 <= unit < len(units) and 0 <= project < len(units[unit].projects)):
            unit, project = -1, -1
        self.model.set_project(unit, project)
        self._show_previous()
        if self.model.rowCount():
            self.view.setCurrentIndex(self.model.index(0, COL_LEVEL3))

    def _show_previous(self, *_: object) -> None:
        """The 上年指标值 column: shown when the document holds last year's values (a rolled-
        forward draft) and the clerk has not hidden it; an empty column would only take room."""
        has = any(row.previous_value for _, _, _, project in self.document.projects() for row in project.indicators)
        self.show_previous_action.setEnabled(has)
        self.view.setColumnHidden(COL_PREVIOUS, not (has and self.show_previous_action.isChecked()))

    def select_cell(self, row: int, field: str) -> None:
        """Make a cell current (e.g. to show a review finding); field is one of INDICATOR_FIELDS."""
        index = self.model.index(row, INDICATOR_FIELDS.index(field))
        if index.isValid():
            self.view.setCurrentIndex(index)
            self.view.scrollTo(index)

    def current_row(self) -> int:
        return self.view.currentIndex().row()

    def selected_rows(self) -> list[int]:
        rows = {index.row() for index in self.view.selectionModel().selectedIndexes()}
        if not rows and self.view.currentIndex().isValid():
            rows.add(self.view.currentIndex().row())
        return sorted(rows)

    # ----------------------------------------------------------------- actions
    def insert_row(self) -> None:
        """A new row below the current one, under the same 一级/二级 (the usual next row)."""
        if self.model.project is None:
            return
        row = self.current_row()
        if row >= 0:
            above = self.model.indicator(row)
            item, at = Indicator(level1=above.level1, level2=above.level2), row + 1
        else:
            item, at = Indicator(), self.model.rowCount()
        self.model.insert_indicator(at, item)
        self._go_to(self.model.index(at, COL_LEVEL3))

    def delete_rows(self) -> None:
        rows = self.selected_rows()
        if not rows:
            return
        column = max(self.view.currentIndex().column(), 0)
        self.model.remove_indicators(rows)
        remaining = self.model.rowCount()
        if remaining:
            self._go_to(self.model.index(min(rows[0], remaining - 1), column))

    def move_up(self) -> None:
        self._move(-1)

    def move_down(self) -> None:
        self._move(1)

    def _move(self, step: int) -> None:
        current = self.view.currentIndex()
        if not current.isValid():
            return
        if self.model.move_indicator(current.row(), current.row() + step):
            # The view's current index followed the row; keep just that cell selected.
            self.view.selectionModel().setCurrentIndex(
                self.view.currentIndex(), QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def clear_cells(self) -> None:
        indexes = self.view.selectionModel().selectedIndexes() or [self.view.currentIndex()]
        self.model.clear_cells([(index.row(), index.column()) for index in indexes if index.isValid()])

    def copy(self) -> None:
        """Copy the selected block (or whole rows) as tab-separated text."""
        indexes = self.view.selectionModel().selectedIndexes() or [self.view.currentIndex()]
        indexes = [index for index in indexes if index.isValid()]
        if not indexes:
            return
        rows = sorted({index.row() for index in indexes})
        columns = sorted({index.column() for index in indexes})
        QGuiApplication.clipboard().setText(self.model.copy_rows(rows, columns))

    def paste(self) -> None:
        self.paste_text(QGuiApplication.clipboard().text())

    def paste_text(self, text: str) -> None:
        """Paste tab-separated text at the current cell (see IndicatorTableModel.paste)."""
        if self.model.project is None:
            return
        current = self.view.currentIndex()
        row, column = (current.row(), current.column()) if current.isValid() else (self.model.rowCount(), 0)
        first, count = self.model.paste(text, row, column)
        if count:
            self._go_to(self.model.index(first, max(column, 0) if current.isValid() else 0))

    def _go_to(self, index) -> None:
        """Make ``index`` the current and only selected cell.

        ``view.setCurrentIndex`` reads the keys held down: called from Ctrl++ it added the new
        row to the old selection, and the Ctrl+- that followed deleted both rows.
        """
        self.view.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def _update_actions(self, *_: object) -> None:
        has_project = self.model is not None and self.model.project is not None
        row = self.current_row() if has_project else -1
        rows = self.model.rowCount() if has_project else 0
        self.insert_row_action.setEnabled(has_project)
        self.paste_action.setEnabled(has_project)
        self.delete_rows_action.setEnabled(has_project and row >= 0)
        self.clear_cells_action.setEnabled(has_project and row >= 0)
        self.copy_action.setEnabled(has_project and row >= 0)
        self.move_up_action.setEnabled(has_project and row > 0)
        self.move_down_action.setEnabled(has_project and 0 <= row < rows - 1)


__all__ = ["IndicatorGrid", "IndicatorTableView"]
