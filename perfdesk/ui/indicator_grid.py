"""The indicator grid: a project's 绩效指标 table with a small toolbar.

``IndicatorGrid`` holds the toolbar and ``view`` (objectName "indicatorGrid"), a table view
over :class:`~perfdesk.qtmodels.indicator_model.IndicatorTableModel`. Its actions (insert
row above/below, delete rows, move up/down, copy, paste, fill down) are public so the main
window can put them in its menus and the grid's right-click menu; copy and paste speak
tab-separated text, as Excel and WPS do. The keys behave as there: Enter after typing goes
to the cell below (or, after a run of Tabs along a row, to the column where the Tabs
began, one row down), Ctrl+D fills down, Ctrl+wheel zooms and Ctrl+0 resets the zoom.
With an indicator library (``set_library``) 三级指标 offers completions and 从指标库选择…
inserts rows chosen from it in their 一级/二级 place.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer
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

from perfdesk.library import insertion_row
from perfdesk.model import INDICATOR_FIELDS, Document, Indicator
from perfdesk.qtmodels.clipboard_rows import indicator_rows, rows_from_tsv
from perfdesk.qtmodels.indicator_model import COL_BASIS, COL_LEVEL3, COL_PREVIOUS, IndicatorTableModel
from perfdesk.undo import InsertCommand
from perfdesk.ui.delegates import IndicatorDelegate

# Column widths follow the grid's width (issue 23): each column gets its minimum, and what is
# left over is shared out by these weights, 绩效指标描述 taking the most (so it is never narrower
# than 指标值). In model order: 一级, 二级, 三级, 描述, 指标值, 依据, 上年指标值.
_COLUMN_MINIMUMS = (56, 72, 84, 120, 64, 64, 56)
_COLUMN_WEIGHTS = (0.06, 0.11, 0.14, 0.33, 0.14, 0.14, 0.08)
ZOOM_STEPS = (80, 90, 100, 110, 125, 150, 175, 200)  # per cent, as Ctrl+wheel steps through them


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
        # Tab along a row, then Enter: back to the column where the Tabs began, one row down
        # (as in Excel). (row, start column, column the last Tab went to), or None. A click or
        # any other move elsewhere ends the run: the current cell is then not where Tab went.
        self._tab_run: tuple[int, int, int] | None = None
        self._zoom = 100
        self._base_point_size = self.font().pointSizeF()
        # The columns are fitted to the width on every resize until the clerk drags one by hand.
        self._auto_widths = True
        self._fitting_columns = False
        header.sectionResized.connect(self._column_resized)

    def setModel(self, model) -> None:  # noqa: N802 - Qt's name
        super().setModel(model)
        header = self.horizontalHeader()
        header.setStretchLastSection(False)
        for column in range(len(_COLUMN_MINIMUMS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        self._auto_widths = True
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
        self._fit_columns()
        self.resizeRowsToContents()

    # ------------------------------------------------------------ column widths
    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if self._auto_widths:
            self._fit_columns()

    def _fit_columns(self) -> None:
        """Share the grid's width out among the shown columns: each its minimum (grown with
        the zoom), the rest by _COLUMN_WEIGHTS. The vertical scroll bar's width is always kept
        free, so that its coming and going does not make the columns jump."""
        model = self.model()
        if model is None:
            return
        header = self.horizontalHeader()
        columns = [column for column in range(min(model.columnCount(), len(_COLUMN_MINIMUMS)))
                   if not header.isSectionHidden(column)]
        if not columns:
            return
        scale = self._zoom / 100
        minimums = {column: round(_COLUMN_MINIMUMS[column] * scale) for column in columns}
        available = (self.width() - 2 * self.frameWidth() - self.verticalHeader().width()
                     - self.verticalScrollBar().sizeHint().width())
        spare = max(0, available - sum(minimums.values()))
        weight = sum(_COLUMN_WEIGHTS[column] for column in columns)
        self._fitting_columns = True
        try:
            for column in columns:
                header.resizeSection(column, minimums[column] + int(spare * _COLUMN_WEIGHTS[column] / weight))
        finally:
            self._fitting_columns = False

    def _column_resized(self, column: int, old: int, new: int) -> None:
        if self._fitting_columns:
            return
        if QGuiApplication.mouseButtons() != Qt.MouseButton.NoButton:
            self._auto_widths = False  # the clerk dragged (or double-clicked) a column edge
        elif self._auto_widths and (old == 0 or new == 0):
            QTimer.singleShot(0, self, self._fit_columns_if_auto)  # 上年指标值 shown or hidden

    def _fit_columns_if_auto(self) -> None:
        if self._auto_widths:
            self._fit_columns()

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
        hints = QAbstractItemDelegate.EndEditHint
        if hint in (hints.EditNextItem, hints.EditPreviousItem):
            # Tab / Shift+Tab in an editor: the text is committed already; go to the next
            # cell without opening its editor (typing there starts one), as Excel does.
            super().closeEditor(editor, hints.NoHint)
            action = (QAbstractItemView.CursorAction.MoveNext if hint == hints.EditNextItem
                      else QAbstractItemView.CursorAction.MovePrevious)
            target = self.moveCursor(action, Qt.KeyboardModifier.NoModifier)
            if target.isValid():
                self.selectionModel().setCurrentIndex(target, QItemSelectionModel.SelectionFlag.ClearAndSelect)
            return
        super().closeEditor(editor, hint)
        # Enter (SubmitModelCache) goes on to the cell below, as in Excel and WPS, so a clerk
        # can type a column of 指标值 one after another; after a run of Tabs along the row it
        # goes back to the column where the run began, so a clerk can type row after row.
        if hint == hints.SubmitModelCache:
            current = self.currentIndex()
            if not current.isValid():
                return
            column = current.column()
            if self._in_tab_run(current):
                column = self._tab_run[1]
            self._tab_run = None
            below = current.sibling(current.row() + 1, column)
            if below.isValid():
                self.selectionModel().setCurrentIndex(below, QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def moveCursor(self, action, modifiers) -> QModelIndex:  # noqa: N802 - Qt's name
        """Tab and Shift+Tab go to the next (previous) visible editable column, skipping the
        read-only 上年指标值, and remember where a run of Tabs began; other moves end the run."""
        actions = QAbstractItemView.CursorAction
        if action not in (actions.MoveNext, actions.MovePrevious):
            self._tab_run = None
            return super().moveCursor(action, modifiers)
        current = self.currentIndex()
        model = self.model()
        if not current.isValid() or model is None:
            return super().moveCursor(action, modifiers)
        header = self.horizontalHeader()
        step = 1 if action == actions.MoveNext else -1
        columns = [header.logicalIndex(visual) for visual in range(header.count())]
        columns = [column for column in columns if not header.isSectionHidden(column)
                   and model.flags(model.index(current.row(), column)) & Qt.ItemFlag.ItemIsEditable]
        if current.column() not in columns:
            return super().moveCursor(action, modifiers)
        start = self._tab_run[1] if self._in_tab_run(current) else current.column()
        position = columns.index(current.column()) + step
        if 0 <= position < len(columns):
            self._tab_run = (current.row(), start, columns[position])
            return current.sibling(current.row(), columns[position])
        # Past the end of the row: on to the next row, where the run began (or its first
        # column); before the start of a row: the last column of the row above.
        row = current.row() + step
        if not 0 <= row < model.rowCount():
            return current
        if step > 0:
            self._tab_run = None
            return current.sibling(row, start)
        self._tab_run = None
        return current.sibling(row, columns[-1])

    def _in_tab_run(self, current: QModelIndex) -> bool:
        """Whether ``current`` is the cell the last Tab of a run went to."""
        return self._tab_run is not None and self._tab_run[0] == current.row() and self._tab_run[2] == current.column()

    # --------------------------------------------------------------------- zoom
    @property
    def zoom(self) -> int:
        """The zoom in per cent (100: the normal size)."""
        return self._zoom

    def set_zoom(self, percent: int) -> None:
        """Show the table's text at ``percent`` of its normal size (kept within ZOOM_STEPS)."""
        percent = min(max(int(percent), ZOOM_STEPS[0]), ZOOM_STEPS[-1])
        if percent == self._zoom:
            return
        ratio = percent / self._zoom
        self._zoom = percent
        font = self.font()
        font.setPointSizeF(self._base_point_size * percent / 100)
        self.setFont(font)
        header = self.horizontalHeader()
        for column in range(header.count()):
            if header.sectionResizeMode(column) != QHeaderView.ResizeMode.Stretch:
                header.resizeSection(column, round(header.sectionSize(column) * ratio))
        self.resizeRowsToContents()

    def zoom_by(self, steps: int) -> None:
        """Go ``steps`` zoom steps up (positive) or down (negative) from the current zoom."""
        if steps > 0:
            larger = [step for step in ZOOM_STEPS if step > self._zoom]
            self.set_zoom(larger[min(steps, len(larger)) - 1] if larger else ZOOM_STEPS[-1])
        elif steps < 0:
            smaller = [step for step in ZOOM_STEPS if step < self._zoom]
            self.set_zoom(smaller[-min(-steps, len(smaller))] if smaller else ZOOM_STEPS[0])

    def wheelEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            delta = event.angleDelta().y()
            if delta:
                self.zoom_by(1 if delta > 0 else -1)
            event.accept()
            return
        super().wheelEvent(event)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.key() == Qt.Key.Key_0 and event.modifiers() == Qt.KeyboardModifier.ControlModifier:
            self.set_zoom(100)  # Ctrl+0: the normal size again
            event.accept()
            return
        super().keyPressEvent(event)

    def _fit_rows(self, first: int, last: int) -> None:
        for row in range(first, last + 1):
            self.resizeRowToContents(row)

    def _fit_all_rows_later(self, *_: object) -> None:
        # Column resizes come in bursts (window resize): fit once when they are over.
        if not self._fit_all_pending:
            self._fit_all_pending = True
            QTimer.singleShot(0, self, self._fit_all_rows)  # not after the grid is gone

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

        self.insert_row_action = self._action(self.tr("Insert row above"), self.insert_row, "Ctrl++",
                                              self.tr("Insert an indicator above the current row"))
        self.insert_row_below_action = self._action(self.tr("Insert row below"), self.insert_row_below,
                                                    QKeySequence(),
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
                                         self.tr("Paste rows copied from Excel or WPS, or fill the selected cells"))
        # Ctrl+D here only while the grid has focus: the department tree's Ctrl+D duplicates a project.
        self.fill_down_action = self._action(self.tr("Fill down"), self.fill_down, "Ctrl+D",
                                             self.tr("Copy the top row of the selection into the rows below it"))
        for action in (self.insert_row_action, self.insert_row_below_action, self.delete_rows_action, None,
                       self.move_up_action, self.move_down_action, None, self.copy_action, self.paste_action):
            if action is None:
                self.toolbar.addSeparator()
                self.view.addAction(self._separator())
            else:
                self.toolbar.addAction(action)
                self.view.addAction(action)
        self.choose_from_library_action = self._action(
            self.tr("Choose from library…"), self.choose_from_library, QKeySequence(),
            self.tr("Insert indicators chosen from the indicator library, each under its level 1 and level 2"))
        self.view.addAction(self.fill_down_action)
        self.view.addAction(self.clear_cells_action)  # the Delete key; not worth a button
        self.view.addAction(self._separator())
        self.view.addAction(self.choose_from_library_action)
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
        self.library = None  # the indicator library (perfdesk.ui.library_settings.LibraryService)
        self.library_dialog = None  # the 从指标库选择… dialog while it is open
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

    def set_library(self, library) -> None:
        """Offer ``library``'s suggestions: completions in 三级指标, and 从指标库选择…."""
        self.library = library
        self.view.itemDelegate().library = library
        self._update_actions()

    def choose_from_library(self) -> None:
        """Open 从指标库选择… for the current row's 二级; the rows chosen are inserted on 插入."""
        if self.library is None or self.model.project is None:
            return
        from perfdesk.ui.library_dialog import LibraryDialog

        row = self.current_row()
        level2 = self.model.indicator(row).level2 if row >= 0 else ""
        dialog = LibraryDialog(self.library, level2, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.insert_from_library(dialog.chosen()))
        dialog.destroyed.connect(lambda *_: setattr(self, "library_dialog", None))
        self.library_dialog = dialog
        dialog.open()

    def insert_from_library(self, rows: list[dict[str, str]]) -> None:
        """Insert rows (six fields each) in their 一级/二级 place, as one undo step."""
        if self.model.project is None or not rows:
            return
        framework = self.model.framework()
        current = list(self.model.project.indicators)
        unit, project = self.model.location
        self.undo_stack.beginMacro(f"从指标库插入{len(rows)}行绩效指标")
        try:
            first = None
            for fields in rows:
                item = Indicator(**{name: fields.get(name, "") for name in INDICATOR_FIELDS})
                if not item.level1 and item.level2:
                    item.level1 = framework.parent_of(item.level2) or ""
                at = insertion_row(current, item.level1, item.level2, framework)
                current.insert(at, item)
                self.undo_stack.push(InsertCommand(self.document, "indicator", at, item, unit=unit, project=project,
                                                   text="从指标库插入绩效指标"))
                first = at if first is None else min(first, at)
        finally:
            self.undo_stack.endMacro()
        if first is not None:
            self._go_to(self.model.index(first, COL_LEVEL3))

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
        """A new row above the current one (as Excel inserts), under the same 一级/二级."""
        self._insert(0)

    def insert_row_below(self) -> None:
        """A new row below the current one, under the same 一级/二级 (the usual next row)."""
        self._insert(1)

    def _insert(self, offset: int) -> None:
        """Insert a row ``offset`` rows after the current one (0: above it, 1: below it); with
        no current row, at the end."""
        if self.model.project is None:
            return
        row = self.current_row()
        if row >= 0:
            here = self.model.indicator(row)
            item, at = Indicator(level1=here.level1, level2=here.level2), row + offset
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

    def _selected_cells(self) -> list[tuple[int, int]]:
        """(row, column) of the selected cells, or of the current cell when none is selected."""
        indexes = self.view.selectionModel().selectedIndexes() or [self.view.currentIndex()]
        return sorted({(index.row(), index.column()) for index in indexes if index.isValid()})

    def fill_down(self) -> None:
        """Ctrl+D as in Excel: the top selected cell of each column is copied into the selected
        cells below it; a single cell takes the text of the cell above. One undo step."""
        if self.model.project is None:
            return
        cells = [(row, column) for row, column in self._selected_cells() if column < len(INDICATOR_FIELDS)]
        if not cells:
            return
        if len(cells) == 1:
            row, column = cells[0]
            if row > 0:
                self.model.set_cells({(row, column): self.model.index(row - 1, column).data() or ""}, "向下填充")
            return
        top: dict[int, int] = {}
        for row, column in cells:
            top[column] = min(row, top.get(column, row))
        values = {(row, column): self.model.index(top[column], column).data() or ""
                  for row, column in cells if row != top[column]}
        self.model.set_cells(values, "向下填充")

    def paste_text(self, text: str) -> None:
        """Paste tab-separated text: over the selected cells when several are selected and the
        text is a block narrower than a whole row (tiled over them as Excel does, a single cell
        into each), else at the current cell (see IndicatorTableModel.paste)."""
        if self.model.project is None:
            return
        if self._paste_over_selection(text):
            return
        current = self.view.currentIndex()
        row, column = (current.row(), current.column()) if current.isValid() else (self.model.rowCount(), 0)
        first, count = self.model.paste(text, row, column)
        if count:
            self._go_to(self.model.index(first, max(column, 0) if current.isValid() else 0))

    def _paste_over_selection(self, text: str) -> bool:
        """Fill a multi-cell selection with a copied block; False when this is not such a paste."""
        cells = self._selected_cells()
        if len(cells) < 2:
            return False
        block = indicator_rows(rows_from_tsv(text))
        if not block or max(len(line) for line in block) >= len(INDICATOR_FIELDS):
            return False  # whole rows: inserted as new indicators
        width = max(len(row) for row in block)
        block = [row + [""] * (width - len(row)) for row in block]
        # The read-only 上年指标值 takes nothing; the others in the order they are seen.
        header = self.view.horizontalHeader()
        columns = sorted({column for _, column in cells if column < len(INDICATOR_FIELDS)}, key=header.visualIndex)
        rows = sorted({row for row, _ in cells})
        if not columns:
            return True  # only 上年指标值 selected: nothing to paste into
        if len(rows) < len(block) or len(columns) < width:
            return False  # a block larger than the selection: pasted whole at the current cell
        values = {(row, column): block[rows.index(row) % len(block)][columns.index(column) % width]
                  for row, column in cells if column < len(INDICATOR_FIELDS)}
        self.model.set_cells(values, "粘贴")
        return True

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
        self.insert_row_below_action.setEnabled(has_project)
        self.fill_down_action.setEnabled(has_project and row >= 0)
        self.paste_action.setEnabled(has_project)
        self.delete_rows_action.setEnabled(has_project and row >= 0)
        self.clear_cells_action.setEnabled(has_project and row >= 0)
        self.copy_action.setEnabled(has_project and row >= 0)
        self.move_up_action.setEnabled(has_project and row > 0)
        self.move_down_action.setEnabled(has_project and 0 <= row < rows - 1)
        self.choose_from_library_action.setEnabled(has_project and self.library is not None)


__all__ = ["IndicatorGrid", "IndicatorTableView"]
