"""The indicator table of one project as a Qt table model (one row per indicator): the six
columns of the official table, then 上年指标值 (last year's value, read-only, not printed).

Cells show the clerk's text exactly. Beside it the model offers what the grid needs: the
framework's 一级/二级 choices, the reading of each 指标值 (tooltip), a quiet mark where a
number is expected but the value has none, and whether a 一级/二级 cell continues a run of
equal cells above or below (drawn merged as in the official layout). Edits are undo
commands; a paste of several rows is one macro. The clipboard's tab-separated text is read
and written by :mod:`perfdesk.qtmodels.clipboard_rows`.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QColor, QUndoCommand, QUndoStack

from perfdesk.model import (
    INDICATOR_FIELDS,
    INDICATOR_HEADERS,
    Change,
    Document,
    Indicator,
    Project,
    ValueKind,
    load_framework,
)
from perfdesk.qtmodels.clipboard_rows import indicator_rows, rows_from_tsv, rows_to_tsv  # noqa: F401 - re-exported
from perfdesk.review import ReviewRules, load_rules
from perfdesk.undo import InsertCommand, MoveCommand, RemoveCommand, UpdateCommand

COL_LEVEL1, COL_LEVEL2, COL_LEVEL3, COL_DESCRIPTION, COL_VALUE, COL_BASIS, COL_PREVIOUS = range(7)
PREVIOUS_HEADER = "上年指标值"

ReadingRole = Qt.ItemDataRole.UserRole + 1         # the ValueReading of a 指标值 cell
MissingNumberRole = Qt.ItemDataRole.UserRole + 2   # True: a number is expected but absent
ContinuesAboveRole = Qt.ItemDataRole.UserRole + 3  # 一级/二级 cell equal to the one above
ContinuesBelowRole = Qt.ItemDataRole.UserRole + 4  # 一级/二级 cell equal to the one below

# Roles as plain ints: the views ask data() for a dozen roles per cell on every paint, and
# comparing ints is much cheaper than comparing Qt enum members in PySide6.
_DISPLAY, _EDIT, _TOOLTIP, _BACKGROUND = (int(role.value) for role in (
    Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.BackgroundRole))
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole.value)
_HANDLED_ROLES = frozenset({_DISPLAY, _EDIT, _TOOLTIP, _BACKGROUND, _FOREGROUND, ReadingRole, MissingNumberRole,
                            ContinuesAboveRole, ContinuesBelowRole})
_CELL_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable
_READ_ONLY_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
PREVIOUS_FOREGROUND = QColor("#707070")

BASIS_CHOICES = ("工作计划", "计划标准", "历史标准", "行业标准", "工作标准", "资金发放表", "问卷调查",
                 "电话回访", "年初预算")
MISSING_NUMBER_BACKGROUND = QColor("#fff3d6")


class IndicatorTableModel(QAbstractTableModel):
    def __init__(self, document: Document, undo_stack: QUndoStack | None = None, parent=None) -> None:
        super().__init__(parent)
        self._document = document
        self._undo_stack = undo_stack
        self._unit, self._project = -1, -1
        self._current: Project | None = None
        self._resetting = False
        self._moving: list[bool] = []
        self._rules: ReviewRules | None = None  # None: the bundled region's rule data
        document.subscribe(self._after, self._before)

    # ----------------------------------------------------------------- location
    @property
    def document(self) -> Document:
        return self._document

    @property
    def location(self) -> tuple[int, int]:
        """(unit, project) shown, or (-1, -1)."""
        return self._unit, self._project

    @property
    def project(self) -> Project | None:
        return self._current

    def detach(self) -> None:
        self._document.unsubscribe(self._after, self._before)

    def set_project(self, unit: int, project: int) -> None:
        """Show the indicators of one project; (-1, -1) shows none."""
        self.beginResetModel()
        if unit >= 0 and project >= 0:
            self._unit, self._project = unit, project
            self._current = self._document.project(unit, project)
        else:
            self._unit, self._project, self._current = -1, -1, None
        self.endResetModel()

    def indicator(self, row: int) -> Indicator:
        assert self._current is not None
        return self._current.indicators[row]

    # --------------------------------------------------------- framework help
    def framework(self):
        try:
            return load_framework(self._document.framework)
        except (KeyError, ValueError):
            return load_framework()

    def level1_choices(self) -> list[str]:
        return self.framework().level1_names()

    def level2_choices(self, row: int) -> list[str]:
        """二级 names under the row's 一级; all of them if its 一级 is not in the framework."""
        framework = self.framework()
        level1 = self.indicator(row).level1 if 0 <= row < self.rowCount() else ""
        if framework.find_level1(level1):
            return framework.level2_names(level1)
        return [child.name for level in framework.levels for child in level.children]

    @staticmethod
    def basis_choices() -> list[str]:
        return list(BASIS_CHOICES)

    def set_rules(self, rules: ReviewRules | None) -> None:
        """Mark missing numbers as ``rules`` (the review dock's; None: the bundled ones) see them."""
        self._rules = rules
        if self.rowCount():
            column = self.index(0, COL_VALUE)
            self.dataChanged.emit(column, self.index(self.rowCount() - 1, COL_VALUE))

    def missing_number(self, row: int) -> bool:
        """A 指标值 that should carry a number and has none, as the review's ``value-not-numeric``
        judges it: ``年底前`` is a fine 时效指标, ``稳步提升`` no 质量指标."""
        item = self.indicator(row)
        level2 = item.level2.strip()
        kind = self.framework().canonical_level2(level2) if level2 else None
        rules = self._rules or load_rules()
        return rules.lacks_number(kind, item.value.strip(), item.reading.kind is ValueKind.QUANTITATIVE)

    def continues(self, row: int, column: int, step: int) -> bool:
        """Whether the 一级/二级 cell at (row, column) equals the one ``step`` rows away (±1)."""
        other = row + step
        if self._current is None or not 0 <= other < len(self._current.indicators):
            return False
        here, there = self._current.indicators[row], self._current.indicators[other]
        if column == COL_LEVEL1:
            return here.level1 != "" and here.level1 == there.level1
        return here.level2 != "" and (here.level1, here.level2) == (there.level1, there.level2)

    # ------------------------------------------------------- the model proper
    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        if parent.isValid() or self._current is None:
            return 0
        return len(self._current.indicators)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(INDICATOR_FIELDS) + 1

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            # The interface's words (Chinese: the official table's headers 一级指标 … 指标值确定依据
            # and 上年指标值); the model's data and the printed table keep INDICATOR_HEADERS.
            headers = (self.tr("Level 1"), self.tr("Level 2"), self.tr("Level 3"), self.tr("Description"),
                       self.tr("Target value"), self.tr("Basis"), self.tr("Last year's value"))
            return headers[section] if 0 <= section < len(headers) else None
        return str(section + 1)

    def data(self, index: QModelIndex, role: int = _DISPLAY) -> Any:
        if role not in _HANDLED_ROLES or self._current is None or not index.isValid():
            return None
        row, column = index.row(), index.column()
        item = self._current.indicators[row]
        if column == COL_PREVIOUS:
            return self._previous_data(item, role)
        if role == _DISPLAY or role == _EDIT:
            return getattr(item, INDICATOR_FIELDS[column])
        if column == COL_VALUE:
            if role == ReadingRole:
                return item.reading
            if role == MissingNumberRole:
                return self.missing_number(row)
            if role == _TOOLTIP:
                tip = item.reading.describe()
                if self.missing_number(row):
                    rules = self._rules or load_rules()
                    if self.framework().canonical_level2(item.level2.strip()) in rules.time_kinds:
                        hint = self.tr("A %1 should name a deadline or a rate, e.g. 年底前 or ≥95%.")
                    else:
                        hint = self.tr("A %1 should have a number, e.g. ≥5人 or 100%.")
                    tip += "\n" + hint.replace("%1", item.level2.strip())
                return tip
            if role == _BACKGROUND and self.missing_number(row):
                return MISSING_NUMBER_BACKGROUND
            return None
        if column == COL_LEVEL1 or column == COL_LEVEL2:
            if role == ContinuesAboveRole:
                return self.continues(row, column, -1)
            if role == ContinuesBelowRole:
                return self.continues(row, column, 1)
            if role == _TOOLTIP and column == COL_LEVEL2 and item.level2:
                if not self.framework().contains(item.level1, item.level2):
                    return self.tr("This second-level indicator does not belong under %1.").replace(
                        "%1", item.level1 or "—")
        if role == _TOOLTIP:
            return getattr(item, INDICATOR_FIELDS[column]) or None
        return None

    def _previous_data(self, item: Indicator, role: int) -> Any:
        """上年指标值: last year's text as rollover kept it, shown grey (not edited, not printed)."""
        if role == _DISPLAY:
            return item.previous_value
        if role == _FOREGROUND:
            return PREVIOUS_FOREGROUND
        if role == _TOOLTIP:
            return self.tr("Last year's value (filled when next year's draft is made; not printed)")
        return None

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return _READ_ONLY_FLAGS if index.column() == COL_PREVIOUS else _CELL_FLAGS

    def setData(self, index: QModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (role != Qt.ItemDataRole.EditRole or not index.isValid() or self._current is None
                or index.column() >= len(INDICATOR_FIELDS)):
            return False
        field = INDICATOR_FIELDS[index.column()]
        text = "" if value is None else str(value)
        if getattr(self.indicator(index.row()), field) == text:
            return False
        self.push(UpdateCommand(self._document, "indicator", {field: text}, index=index.row(),
                                unit=self._unit, project=self._project,
                                text=f"修改{INDICATOR_HEADERS[index.column()]}"))
        return True

    # ------------------------------------------------------------ user edits
    def push(self, command: QUndoCommand) -> None:
        if self._undo_stack is not None:
            self._undo_stack.push(command)
        else:
            command.redo()

    def _macro(self, text: str, commands: list[QUndoCommand]) -> None:
        if not commands:
            return
        if len(commands) == 1:
            commands[0].setText(text)
            self.push(commands[0])
        elif self._undo_stack is not None:
            self._undo_stack.beginMacro(text)
            for command in commands:
                self._undo_stack.push(command)
            self._undo_stack.endMacro()
        else:
            for command in commands:
                command.redo()

    def insert_indicator(self, row: int, indicator: Indicator | None = None) -> None:
        if self._current is None:
            return
        self.push(InsertCommand(self._document, "indicator", row, indicator or Indicator(),
                                unit=self._unit, project=self._project, text="插入绩效指标"))

    def remove_indicators(self, rows: list[int]) -> None:
        if self._current is None:
            return
        # Highest first, so the rows still to go keep their numbers.
        commands = [RemoveCommand(self._document, "indicator", row, unit=self._unit, project=self._project)
                    for row in sorted(set(rows), reverse=True) if 0 <= row < self.rowCount()]
        self._macro(f"删除{len(commands)}行绩效指标", commands)

    def move_indicator(self, row: int, to_row: int) -> bool:
        if self._current is None or not (0 <= row < self.rowCount() and 0 <= to_row < self.rowCount()):
            return False
        if row == to_row:
            return False
        self.push(MoveCommand(self._document, "indicator", row, to_row, unit=self._unit, project=self._project,
                              text="移动绩效指标"))
        return True

    def clear_cells(self, cells: list[tuple[int, int]]) -> None:
        """Empty the given (row, column) cells, one undo step for all of them."""
        if self._current is None:
            return
        by_row: dict[int, dict[str, str]] = {}
        for row, column in cells:
            if column >= len(INDICATOR_FIELDS):
                continue  # 上年指标值 is last year's, not the clerk's to clear
            if 0 <= row < self.rowCount() and getattr(self.indicator(row), INDICATOR_FIELDS[column]):
                by_row.setdefault(row, {})[INDICATOR_FIELDS[column]] = ""
        commands = [UpdateCommand(self._document, "indicator", fields, index=row, unit=self._unit,
                                  project=self._project) for row, fields in sorted(by_row.items())]
        self._macro("清除内容", commands)

    def set_cells(self, values: dict[tuple[int, int], str], text: str) -> None:
        """Set the given (row, column) cells to their texts, one undo step named ``text``
        (fill down, a paste over selected cells). 上年指标值 and unchanged cells are left alone."""
        if self._current is None:
            return
        by_row: dict[int, dict[str, str]] = {}
        for (row, column), value in values.items():
            if not (0 <= row < self.rowCount() and 0 <= column < len(INDICATOR_FIELDS)):
                continue
            field = INDICATOR_FIELDS[column]
            if getattr(self.indicator(row), field) != value:
                by_row.setdefault(row, {})[field] = value
        commands = [UpdateCommand(self._document, "indicator", fields, index=row, unit=self._unit,
                                  project=self._project) for row, fields in sorted(by_row.items())]
        self._macro(text, commands)

    def copy_rows(self, rows: list[int], columns: list[int] | None = None) -> str:
        """The given rows (and columns, all six by default) as tab-separated text."""
        columns = list(range(len(INDICATOR_FIELDS))) if columns is None else \
            [column for column in columns if column < len(INDICATOR_FIELDS)] or list(range(len(INDICATOR_FIELDS)))
        cells = [[self.indicator(row).cells()[column] for column in columns] for row in sorted(set(rows))]
        return rows_to_tsv(cells)

    def paste(self, text: str, row: int, column: int) -> tuple[int, int]:
        """Paste tab-separated text at (row, column); returns (first row, number of rows) touched.

        Whole rows (six cells or more) are inserted as new indicators below ``row`` (at the
        end when ``row`` is past it); narrower blocks overwrite cells from (row, column) on,
        adding rows past the end.
        The whole paste is one undo step.
        """
        if self._current is None:
            return row, 0
        rows = indicator_rows(rows_from_tsv(text))
        if not rows:
            return row, 0
        width = len(INDICATOR_FIELDS)
        count = self.rowCount()
        loc = {"unit": self._unit, "project": self._project}
        commands: list[QUndoCommand] = []
        if max(len(cells) for cells in rows) >= width or column <= 0 and row >= count:
            at = count if row >= count else max(row + 1, 0)
            for offset, cells in enumerate(rows):
                fields = dict(zip(INDICATOR_FIELDS, cells[:width]))
                commands.append(InsertCommand(self._document, "indicator", at + offset, Indicator(**fields), **loc))
            self._macro(f"粘贴{len(rows)}行绩效指标", commands)
            return at, len(rows)
        row, column = min(max(row, 0), count), max(column, 0)
        if column >= width:
            return row, 0  # a block pasted at 上年指标值 (read-only) would only add empty rows
        for offset, cells in enumerate(rows):
            target = row + offset
            fields = {INDICATOR_FIELDS[column + i]: cell for i, cell in enumerate(cells) if column + i < width}
            if target >= count:  # past the end: rows are appended in order
                commands.append(InsertCommand(self._document, "indicator", target, Indicator(**fields), **loc))
                continue
            current = self.indicator(target)
            fields = {name: value for name, value in fields.items() if getattr(current, name) != value}
            if fields:
                commands.append(UpdateCommand(self._document, "indicator", fields, index=target, **loc))
        self._macro(f"粘贴{len(rows)}行绩效指标", commands)
        return row, len(rows)

    # ------------------------------------------------- following the document
    def _mine(self, change: Change) -> bool:
        return self._current is not None and (change.unit, change.project) == (self._unit, self._project)

    def _vanishes(self, change: Change) -> bool:
        """Whether ``change`` takes the shown project out of the document."""
        if self._current is None:
            return False
        if change.target == "document" and change.action == "reset":
            return True
        if change.action != "removed":
            return False
        if change.target == "unit":
            return change.index == self._unit
        return change.target == "project" and (change.unit, change.index) == (self._unit, self._project)

    def _before(self, change: Change) -> None:
        if self._vanishes(change):
            self._resetting = True
            self.beginResetModel()
            return
        if change.target != "indicator" or not self._mine(change):
            return
        index = change.index
        if change.action == "inserted":
            self.beginInsertRows(QModelIndex(), index, index)
        elif change.action == "removed":
            self.beginRemoveRows(QModelIndex(), index, index)
        elif change.action == "moved":
            destination = change.to_index + (1 if change.to_index > index else 0)
            moved = self.beginMoveRows(QModelIndex(), index, index, QModelIndex(), destination)
            if not moved:
                self.layoutAboutToBeChanged.emit()
            self._moving.append(moved)

    def _after(self, change: Change) -> None:
        if self._resetting:
            self._resetting = False
            self._unit, self._project, self._current = -1, -1, None
            self.endResetModel()
            return
        if change.target in ("unit", "project") and change.action in ("inserted", "removed", "moved"):
            self._relocate()
            return
        if change.target == "document" and "framework" in change.fields and self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))
            return
        if change.target != "indicator" or not self._mine(change):
            return
        index = change.index
        if change.action == "inserted":
            self.endInsertRows()
        elif change.action == "removed":
            self.endRemoveRows()
        elif change.action == "moved":
            if self._moving.pop():
                self.endMoveRows()
            else:
                self.layoutChanged.emit()
        elif change.action == "updated":
            columns = [INDICATOR_FIELDS.index(name) for name in change.fields if name in INDICATOR_FIELDS]
            if not columns:
                return
            first, last = index, index
            if COL_LEVEL1 in columns or COL_LEVEL2 in columns:
                # The merged look of the neighbours depends on this row's 一级/二级.
                first, last = max(index - 1, 0), min(index + 1, self.rowCount() - 1)
                columns += [COL_LEVEL1, COL_LEVEL2]
            self.dataChanged.emit(self.index(first, min(columns)), self.index(last, max(columns)))

    def _relocate(self) -> None:
        """Find the shown project again after units or projects were inserted, removed or moved."""
        if self._current is None:
            return
        for unit, project, _, item in self._document.projects():
            if item is self._current:
                self._unit, self._project = unit, project
                return
