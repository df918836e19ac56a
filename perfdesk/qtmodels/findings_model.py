"""The review findings as a two-level Qt item model: one group per place, its findings below.

Groups are "document" (cover, Part 1, units) and one per project, in print order, titled
``3. 科技创新扶持资金`` as the project prints. A severity filter hides findings (and groups
left empty). Findings the bureau accepted (已核实，保留) are hidden unless asked for, and then
shown greyed with the reason. The fix column says what 修正 would do. The place column names the cell of the clerk's workbook the
finding is about (``工作表“3.…” F15 第 6 行 指标值``) when a locator is set. New findings replace
only the groups that differ (:meth:`FindingsModel.set_findings`), or only the groups a re-check
names (:meth:`FindingsModel.update_groups`, which never visits the others); the view keeps
its expanded groups by :data:`GroupKeyRole`.
"""

from __future__ import annotations

import bisect
from typing import Any, Callable

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QStyle

from perfdesk.model import Document
from perfdesk.review import Finding, Severity

COL_MESSAGE = 0
COL_SEVERITY = 1
COL_PLACE = 2
COL_FIX = 3       # what 修正 would do (the fix's label), empty when there is none
COLUMN_COUNT = 4

FindingRole = Qt.ItemDataRole.UserRole + 1   # the Finding (None on group rows)
GroupKeyRole = Qt.ItemDataRole.UserRole + 2  # (unit, project) or (-1, -1) for the document group
SeverityRole = Qt.ItemDataRole.UserRole + 3  # "error" | "warning" | "hint" on finding rows
AcceptedRole = Qt.ItemDataRole.UserRole + 4  # the reviewer's reason on accepted findings, else None

_GROUP = 0  # internalId of group rows; a finding's internalId is its group's uid
_ICONS = {Severity.ERROR: QStyle.StandardPixmap.SP_MessageBoxCritical,
          Severity.WARNING: QStyle.StandardPixmap.SP_MessageBoxWarning,
          Severity.HINT: QStyle.StandardPixmap.SP_MessageBoxInformation}

_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

Index = QModelIndex | QPersistentModelIndex


class _Group:
    """One group row. ``uid`` is the internalId of its findings' indexes: unlike a row it
    does not change when groups above are inserted or removed."""

    __slots__ = ("key", "title", "findings", "uid")
    _next_uid = 1

    def __init__(self, key: tuple[int, int], title: str) -> None:
        self.key, self.title, self.findings = key, title, []
        self.uid = _Group._next_uid
        _Group._next_uid += 1


MANY_GROUPS = 100  # above this, a new locator is announced by placesChanged alone


class FindingsModel(QAbstractItemModel):
    placesChanged = Signal()  # the place column's text changed everywhere (a new locator)

    def __init__(self, document: Document | None = None, parent=None) -> None:
        super().__init__(parent)
        self._document = document
        self._all: list[Finding] | None = []  # None: to be rebuilt from _by_key
        self._by_key: dict[tuple[int, int], list[Finding]] = {}  # every finding, by group
        self._visible = {Severity.ERROR, Severity.WARNING, Severity.HINT}
        self._groups: list[_Group] = []
        self._group_rows: dict[tuple[int, int], int] = {}
        self._uid_rows: dict[int, int] = {}
        self._accepted: dict[Finding, str] = {}  # accepted finding → the reviewer's reason
        self._show_accepted = False
        self._locate: Callable[[Finding], Any] | None = None  # finding → CellRef or None

    # ------------------------------------------------------------------ input
    def set_document(self, document: Document) -> None:
        self.beginResetModel()
        self._document = document
        self._all, self._by_key = [], {}
        self._set_groups([])
        self.endResetModel()

    def set_findings(self, findings: list[Finding], accepted: dict[Finding, str] | None = None) -> None:
        """Show new findings, telling views only about the groups that changed. ``accepted``:
        the findings the bureau accepted, with the reason given.

        After one edit usually a single project's group differs; views keep their scroll
        position and expanded groups, and a 300-project document updates in milliseconds.
        """
        self._all = list(findings)
        self._by_key = {}
        for finding in self._all:
            self._by_key.setdefault(_key(finding), []).append(finding)
        self._accepted = dict(accepted or {})
        self._apply(self._grouped())

    def update_groups(self, groups: dict[tuple[int, int], tuple[list[Finding], dict[Finding, str]]]) -> None:
        """Replace the findings of some groups only: ``{(unit, project): (findings, accepted)}``,
        ``(-1, -1)`` for the document's. What a re-check after one edit changed; the other
        groups are not visited, so this costs the same at 2,000 projects as at 30."""
        for key, (findings, accepted) in groups.items():
            for old in self._by_key.get(key, ()):
                self._accepted.pop(old, None)
            self._accepted.update(accepted)
            if findings:
                self._by_key[key] = list(findings)
            else:
                self._by_key.pop(key, None)
            self._all = None
            self._replace_group(key, self._group_for(key, self._by_key.get(key, ())))

    def _group_for(self, key: tuple[int, int], findings) -> _Group | None:  # noqa: ANN001
        shown = [f for f in findings if f.severity in self._visible
                 and (self._show_accepted or f not in self._accepted)]
        if not shown:
            return None
        group = _Group(key, self._title(shown[0]))
        group.findings = sorted(shown, key=lambda f: (f.severity.rank, -1 if f.row is None else f.row))
        return group

    def _replace_group(self, key: tuple[int, int], fresh: _Group | None) -> None:
        row = self._group_rows.get(key)
        if row is not None and fresh is not None:
            self._update_group(row, self._groups[row], fresh)
        elif row is not None:
            self.beginRemoveRows(QModelIndex(), row, row)
            self._set_groups(self._groups[:row] + self._groups[row + 1:])
            self.endRemoveRows()
        elif fresh is not None:
            order = _order(fresh)
            row = bisect.bisect_left([_order(group) for group in self._groups], order)
            self.beginInsertRows(QModelIndex(), row, row)
            self._set_groups(self._groups[:row] + [fresh] + self._groups[row:])
            self.endInsertRows()

    def set_show_accepted(self, show: bool) -> None:
        self.beginResetModel()
        self._show_accepted = show
        self._set_groups(self._grouped())
        self.endResetModel()

    def set_locator(self, locate: Callable[[Finding], Any] | None) -> None:
        """``locate(finding)``: the cell of the clerk's workbook (a CellRef), or None. With many
        groups (after each save of a large document) views are told by :attr:`placesChanged`
        only: one dataChanged per group costs 0.2 s at 2,000 projects, and only the rows on
        screen show the place."""
        self._locate = locate
        self.placesChanged.emit()
        if self._groups:
            self.dataChanged.emit(self.index(0, COL_PLACE), self.index(len(self._groups) - 1, COL_PLACE))
            if len(self._groups) > MANY_GROUPS:
                return
            for row, group in enumerate(self._groups):
                if group.findings:
                    self.dataChanged.emit(self.createIndex(0, COL_PLACE, group.uid),
                                          self.createIndex(len(group.findings) - 1, COL_PLACE, group.uid))

    def accepted_reason(self, finding: Finding) -> str | None:
        return self._accepted.get(finding)

    def place_text(self, finding: Finding, with_project: bool = False) -> str:
        """Where the finding is: the workbook's cell and sheet when known, then in words —
        ``F14（工作表“1.改制费用”）第 5 行 指标值``. The cell comes first so that a narrow column
        still shows it; the sheet names of a clerk's workbook are long."""
        words = finding.place(with_project=with_project)
        cell = self._locate(finding) if self._locate is not None else None
        if cell is None:
            return words
        sheet = f"工作表“{cell.sheet}”"
        return f"{cell.cell}（{sheet}）{words}" if cell.cell else f"{sheet} {words}".strip()

    def set_visible_severities(self, severities: set[Severity]) -> None:
        self.beginResetModel()
        self._visible = set(severities)
        self._set_groups(self._grouped())
        self.endResetModel()

    def visible_severities(self) -> set[Severity]:
        return set(self._visible)

    def findings(self) -> list[Finding]:
        """All findings, whatever the filter."""
        return list(self._all_findings())

    def _all_findings(self) -> list[Finding]:
        if self._all is None:
            self._all = [f for key in sorted(self._by_key, key=lambda k: (k != (-1, -1), _first_number(self._by_key[k])))
                         for f in self._by_key[key]]
        return self._all

    def _grouped(self) -> list[_Group]:
        groups: dict[tuple[int, int], _Group] = {}
        for finding in self._all_findings():
            if finding.severity not in self._visible or (finding in self._accepted and not self._show_accepted):
                continue
            key = (-1, -1) if finding.project is None else (finding.unit, finding.project)
            group = groups.get(key)
            if group is None:
                group = groups[key] = _Group(key, self._title(finding))
            group.findings.append(finding)
        ordered = sorted(groups.values(), key=_order)
        for group in ordered:
            group.findings.sort(key=lambda f: (f.severity.rank, -1 if f.row is None else f.row))
        return ordered

    def _set_groups(self, groups: list[_Group]) -> None:
        self._groups = groups
        self._group_rows = {group.key: row for row, group in enumerate(groups)}
        self._uid_rows = {group.uid: row for row, group in enumerate(groups)}

    def _apply(self, new: list[_Group]) -> None:
        old = self._groups
        # The groups common to both at the start and at the end stay; the middle is replaced.
        start = 0
        while start < min(len(old), len(new)) and old[start].key == new[start].key:
            start += 1
        tail = 0
        while (tail < min(len(old), len(new)) - start
               and old[len(old) - 1 - tail].key == new[len(new) - 1 - tail].key):
            tail += 1
        if start < len(old) - tail:
            self.beginRemoveRows(QModelIndex(), start, len(old) - tail - 1)
            self._set_groups(old[:start] + old[len(old) - tail:])
            self.endRemoveRows()
        kept = list(self._groups)
        for row, group in list(enumerate(new[:start])) + [(len(new) - tail + i, new[len(new) - tail + i])
                                                           for i in range(tail)]:
            current_row = row if row < start else start + (row - (len(new) - tail))
            self._update_group(current_row, kept[current_row], group)
        if start < len(new) - tail:
            self.beginInsertRows(QModelIndex(), start, len(new) - tail - 1)
            self._set_groups(self._groups[:start] + new[start:len(new) - tail] + self._groups[start:])
            self.endInsertRows()
        self._set_groups(self._groups)

    def _update_group(self, row: int, current: _Group, fresh: _Group) -> None:
        before, after = current.findings, fresh.findings
        if [f.key() for f in before] == [f.key() for f in after] and current.title == fresh.title:
            current.findings = after  # same findings; fix objects may have been relocated
            return
        parent = self.createIndex(row, 0, _GROUP)
        if len(after) < len(before):
            self.beginRemoveRows(parent, len(after), len(before) - 1)
            current.findings = before[: len(after)]
            self.endRemoveRows()
        elif len(after) > len(before):
            self.beginInsertRows(parent, len(before), len(after) - 1)
            current.findings = before + after[len(before):]
            self.endInsertRows()
        current.findings, current.title = after, fresh.title
        self.dataChanged.emit(parent, self.createIndex(row, COLUMN_COUNT - 1, _GROUP))
        self.dataChanged.emit(self.createIndex(0, 0, current.uid),
                              self.createIndex(len(after) - 1, COLUMN_COUNT - 1, current.uid))

    def _title(self, finding: Finding) -> str:
        if finding.project is None:
            return self.tr("Document (cover, Part 1, units)")
        name = ""
        try:
            name = self._document.project(finding.unit, finding.project).name if self._document else ""
        except IndexError:
            pass
        return f"{finding.number}. {name}" if name else f"{finding.number}. {finding.project_code or ''}".rstrip()

    # --------------------------------------------------------------- lookups
    def _group_of(self, index: Index) -> _Group | None:
        """The group a finding index belongs to (None for group rows and stale indexes)."""
        row = self._uid_rows.get(index.internalId()) if index.isValid() else None
        return None if row is None else self._groups[row]

    def finding(self, index: Index) -> Finding | None:
        group = self._group_of(index)
        if group is None or not 0 <= index.row() < len(group.findings):
            return None
        return group.findings[index.row()]

    def group_index(self, key: tuple[int, int]) -> QModelIndex:
        row = self._group_rows.get(key)
        return QModelIndex() if row is None else self.createIndex(row, 0, _GROUP)

    def index_of(self, finding: Finding) -> QModelIndex:
        row = self._group_rows.get(_key(finding))  # its own group first: no walk over 2,000 groups
        if row is not None:
            for child, candidate in enumerate(self._groups[row].findings):
                if candidate == finding:
                    return self.index(child, 0, self.index(row, 0))
        for row, group in enumerate(self._groups):
            for child, candidate in enumerate(group.findings):
                if candidate == finding:
                    return self.index(child, 0, self.index(row, 0))
        return QModelIndex()

    # ------------------------------------------------------------- structure
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:
        if not 0 <= column < COLUMN_COUNT or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _GROUP) if row < len(self._groups) else QModelIndex()
        if parent.column() != 0 or parent.internalId() != _GROUP or parent.row() >= len(self._groups):
            return QModelIndex()
        group = self._groups[parent.row()]
        return self.createIndex(row, column, group.uid) if row < len(group.findings) else QModelIndex()

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        row = self._uid_rows.get(index.internalId()) if index.isValid() else None
        return QModelIndex() if row is None else self.createIndex(row, 0, _GROUP)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        if not parent.isValid():
            return len(self._groups)
        if parent.column() != 0 or parent.internalId() != _GROUP or parent.row() >= len(self._groups):
            return 0
        return len(self._groups[parent.row()].findings)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return COLUMN_COUNT

    def flags(self, index: Index) -> Qt.ItemFlag:
        return _FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {COL_MESSAGE: self.tr("Finding"), COL_SEVERITY: self.tr("Severity"),
                COL_PLACE: self.tr("Place"), COL_FIX: self.tr("Fix")}.get(section)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == _GROUP:
            if index.row() >= len(self._groups):
                return None
            return self._group_data(self._groups[index.row()], index.column(), role)
        finding = self.finding(index)
        if finding is None:
            return None
        column = index.column()
        if role == FindingRole:
            return finding
        if role == SeverityRole:
            return finding.severity.value
        if role == AcceptedRole:
            return self._accepted.get(finding)
        if role == Qt.ItemDataRole.ForegroundRole and finding in self._accepted:
            return QColor(Qt.GlobalColor.gray)
        if role == GroupKeyRole:
            return (-1, -1) if finding.project is None else (finding.unit, finding.project)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == COL_MESSAGE:
                reason = self._accepted.get(finding)
                if reason is not None:
                    mark = self.tr("Accepted by the reviewer")
                    return f"〔{mark}〕{finding.message}" + (f"\n{reason}" if reason and role != Qt.ItemDataRole.DisplayRole else "")
                if role == Qt.ItemDataRole.ToolTipRole and finding.fix is not None:
                    offer = self.tr("Fix available:")  # outside the f-string, where lupdate finds it
                    return f"{finding.message}\n{offer} {finding.fix.label}"
                return finding.message
            if column == COL_SEVERITY:
                return self.severity_text(finding.severity)
            if column == COL_PLACE:
                # The group row already names the project; here only the cell within it.
                return self.place_text(finding, with_project=role == Qt.ItemDataRole.ToolTipRole)
            if column == COL_FIX:
                return finding.fix.label if finding.fix is not None else ""
        if role == Qt.ItemDataRole.DecorationRole and column == COL_MESSAGE:
            style = QApplication.style() if QApplication.instance() else None
            return style.standardIcon(_ICONS[finding.severity]) if style else None
        return None

    def _group_data(self, group: _Group, column: int, role: int) -> Any:
        if role == GroupKeyRole:
            return group.key
        if role == Qt.ItemDataRole.DisplayRole and column == COL_MESSAGE:
            return f"{group.title}（{len(group.findings)}）"
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_MESSAGE:
            return group.title
        return None

    def severity_text(self, severity: Severity) -> str:
        return {Severity.ERROR: self.tr("Error"), Severity.WARNING: self.tr("Warning"),
                Severity.HINT: self.tr("Hint")}[severity]


def _number(group: _Group) -> int:
    return group.findings[0].number or 0 if group.findings else 0


def _order(group: _Group) -> tuple[bool, int]:
    """Where a group stands: the document's first, then the projects in print order."""
    return group.key != (-1, -1), _number(group)


def _first_number(findings: list[Finding]) -> int:
    return findings[0].number or 0 if findings else 0


def _key(finding: Finding) -> tuple[int, int]:
    return (-1, -1) if finding.project is None else (finding.unit, finding.project)
