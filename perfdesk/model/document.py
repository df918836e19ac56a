"""The document: one department's budget performance text for one year.

The document changes only through its named mutators (insert / remove / move / update of
units, projects, goals, indicators, Part 1 items and the cover fields). Each mutator tells
its observers before and after the change with a :class:`Change`, so that Qt item models can
follow, and returns what an undo command needs to reverse it. Sheets of the clerk's workbook
that perfdesk does not understand ride along unedited in ``kept_sheets`` (no mutator: they are
carried through a save, not edited). No Qt and no file format here.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from enum import Enum
from typing import Any, Callable, Iterator

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

from perfdesk.model.framework import DEFAULT_FRAMEWORK
from perfdesk.model.kept_sheet import KeptSheet
from perfdesk.model.part1 import Measure, Part1, SubGoal
from perfdesk.model.project import Indicator, Project
from perfdesk.model.review_marks import Acceptance

SCHEMA_VERSION = 1


class DocumentStatus(str, Enum):
    DRAFT = "草案"
    FINAL = "正式"


class BudgetUnit(BaseModel):
    """A 预算单位: 6-digit code, name, and its projects in print order."""

    model_config = ConfigDict(validate_assignment=True, extra="forbid")

    code: str = ""
    name: str = ""
    projects: list[Project] = Field(default_factory=list)

    @property
    def label(self) -> str:
        """As printed above each table: ``339003唐山市丰润区科学技术局``."""
        return f"{self.code}{self.name}"


@dataclass(frozen=True)
class Change:
    """What a mutator changes. ``target`` names the kind of thing, ``action`` what happened.

    target: document | part1 | sub_goal | measure | unit | project | goal | indicator
    action: inserted | removed | moved | updated | reset
    ``unit``/``project`` locate the owner, ``index`` the item in its list; for moves
    ``to_unit``/``to_index`` give where it lands (index after removal).
    """

    target: str
    action: str
    unit: int | None = None
    project: int | None = None
    index: int | None = None
    to_unit: int | None = None
    to_index: int | None = None
    fields: tuple[str, ...] = ()


Observer = Callable[[Change], None]


class Document(BaseModel):
    model_config = ConfigDict(validate_assignment=True, extra="forbid")

    schema_version: int = SCHEMA_VERSION
    department: str = ""
    year: int | None = None
    status: DocumentStatus = DocumentStatus.DRAFT
    prepared_by: str = ""
    reviewed_by: str = ""
    framework: str = DEFAULT_FRAMEWORK
    part1: Part1 = Field(default_factory=Part1)
    units: list[BudgetUnit] = Field(default_factory=list)
    # Sheets of the clerk's workbook that are none of the above, written back after the tables.
    kept_sheets: list[KeptSheet] = Field(default_factory=list)
    # Findings about the document as a whole that the bureau's reviewer accepted (已核实，保留).
    accepted: list[Acceptance] = Field(default_factory=list)

    _before: list[Observer] = PrivateAttr(default_factory=list)
    _after: list[Observer] = PrivateAttr(default_factory=list)

    def __eq__(self, other: object) -> bool:
        # Observers are not content: two documents with the same text are equal.
        if not isinstance(other, Document):
            return NotImplemented
        return all(getattr(self, name) == getattr(other, name) for name in type(self).model_fields)

    __hash__ = None  # type: ignore[assignment]

    def __deepcopy__(self, memo: dict | None = None) -> "Document":
        # A copy has the same text and no observers (they belong to the open window).
        fields = {name: copy.deepcopy(getattr(self, name), memo) for name in type(self).model_fields}
        return type(self).model_construct(**fields)

    # ----------------------------------------------------------------- reading
    def projects(self) -> Iterator[tuple[int, int, BudgetUnit, Project]]:
        """Every project in print order: (unit index, project index, unit, project)."""
        for u, unit in enumerate(self.units):
            for p, project in enumerate(unit.projects):
                yield u, p, unit, project

    def project(self, unit: int, index: int) -> Project:
        return self.units[unit].projects[index]

    def has_review(self) -> bool:
        """Whether the bureau recorded anything: a status, a comment or an accepted finding."""
        return bool(self.accepted) or any(not p.review.is_empty for _, _, _, p in self.projects())

    def project_count(self) -> int:
        return sum(len(unit.projects) for unit in self.units)

    def project_number(self, unit: int, index: int) -> int:
        """The 1-based number printed before the table title (numbered across the document)."""
        return sum(len(u.projects) for u in self.units[:unit]) + index + 1

    def locate(self, number: int) -> tuple[int, int]:
        """(unit index, project index) of the project printed with ``number``."""
        for u, p, _, _ in self.projects():
            number -= 1
            if number == 0:
                return u, p
        raise IndexError("没有这个编号的项目")

    @property
    def title(self) -> str:
        year = f"{self.year}年" if self.year else ""
        return f"{self.department}{year}部门预算绩效文本"

    # --------------------------------------------------------------- observers
    def subscribe(self, after: Observer, before: Observer | None = None) -> None:
        """Call ``before(change)`` just before and ``after(change)`` just after every change."""
        self._after.append(after)
        if before is not None:
            self._before.append(before)

    def unsubscribe(self, after: Observer, before: Observer | None = None) -> None:
        if after in self._after:
            self._after.remove(after)
        if before is not None and before in self._before:
            self._before.remove(before)

    def _notify(self, change: Change, apply: Callable[[], Any]) -> Any:
        for observer in list(self._before):
            observer(change)
        result = apply()
        for observer in list(self._after):
            observer(change)
        return result

    # ------------------------------------------------------ generic list edits
    def _list(self, target: str, unit: int | None, project: int | None) -> list:
        if target == "unit":
            return self.units
        if target == "sub_goal":
            return self.part1.sub_goals
        if target == "measure":
            return self.part1.measures
        if target == "project":
            return self.units[unit].projects
        owner = self.units[unit].projects[project]
        return owner.goals if target == "goal" else owner.indicators

    def _insert(self, target: str, index: int, item: Any, unit: int | None = None, project: int | None = None) -> None:
        items = self._list(target, unit, project)
        if not 0 <= index <= len(items):
            raise IndexError(index)
        change = Change(target, "inserted", unit=unit, project=project, index=index)
        self._notify(change, lambda: items.insert(index, item))

    def _remove(self, target: str, index: int, unit: int | None = None, project: int | None = None) -> Any:
        items = self._list(target, unit, project)
        items[index]  # raises IndexError before anyone is told
        return self._notify(Change(target, "removed", unit=unit, project=project, index=index), lambda: items.pop(index))

    def _move(self, target: str, index: int, to_index: int, unit: int | None = None, project: int | None = None) -> None:
        items = self._list(target, unit, project)
        if not (0 <= index < len(items) and 0 <= to_index < len(items)):
            raise IndexError(to_index)
        if index == to_index:
            return
        change = Change(target, "moved", unit=unit, project=project, index=index, to_unit=unit, to_index=to_index)
        self._notify(change, lambda: items.insert(to_index, items.pop(index)))

    def _update(self, target: str, obj: BaseModel, fields: dict[str, Any], index: int | None = None,
                unit: int | None = None, project: int | None = None) -> dict[str, Any]:
        unknown = set(fields) - set(type(obj).model_fields)
        if unknown:
            raise KeyError(", ".join(sorted(unknown)))
        old = {name: getattr(obj, name) for name in fields}
        # Validate on a shallow copy first, so a bad value leaves the object untouched; only the
        # assigned fields are validated (a cover edit must not re-validate 300 projects).
        checked = obj.model_copy()
        for name, value in fields.items():
            setattr(checked, name, copy.deepcopy(value))  # never share a list with the caller
        change = Change(target, "updated", unit=unit, project=project, index=index, fields=tuple(fields))

        def apply() -> None:
            for name in fields:
                object.__setattr__(obj, name, getattr(checked, name))

        self._notify(change, apply)
        return old

    # ------------------------------------------- generic forms for undo commands
    def insert_item(self, target: str, index: int, item: Any, unit: int | None = None,
                    project: int | None = None) -> None:
        """Insert into the list named by ``target`` (see :class:`Change`)."""
        self._insert(target, index, item, unit, project)

    def remove_item(self, target: str, index: int, unit: int | None = None, project: int | None = None) -> Any:
        return self._remove(target, index, unit, project)

    def move_item(self, target: str, index: int, to_index: int, unit: int | None = None,
                  project: int | None = None) -> None:
        self._move(target, index, to_index, unit, project)

    def item(self, target: str, index: int | None = None, unit: int | None = None, project: int | None = None) -> Any:
        if target == "document":
            return self
        if target == "part1":
            return self.part1
        return self._list(target, unit, project)[index]

    def update_item(self, target: str, fields: dict[str, Any], index: int | None = None,
                    unit: int | None = None, project: int | None = None) -> dict[str, Any]:
        """Update fields of any item; for a goal, ``fields`` is ``{"text": ...}``. Returns old values."""
        if target == "document":
            return self.update(**fields)
        if target == "part1":
            return self.update_part1(**fields)
        if target == "goal":
            return {"text": self.update_goal(unit, project, index, fields["text"])}
        updaters = {"sub_goal": self.update_sub_goal, "measure": self.update_measure, "unit": self.update_unit}
        if target in updaters:
            return updaters[target](index, **fields)
        if target == "project":
            return self.update_project(unit, index, **fields)
        return self.update_indicator(unit, project, index, **fields)

    # ------------------------------------------------------------ cover fields
    def update(self, **fields: Any) -> dict[str, Any]:
        """Change cover fields (department, year, status, prepared_by, reviewed_by, framework)."""
        if {"units", "part1", "schema_version", "kept_sheets"} & set(fields):
            raise KeyError("use the named mutators for parts of the document")
        return self._update("document", self, fields)

    def replace_contents(self, other: "Document") -> None:
        """Take over another document's contents in place (observers stay subscribed)."""
        def apply() -> None:
            for name in type(self).model_fields:
                object.__setattr__(self, name, getattr(other, name))

        self._notify(Change("document", "reset"), apply)

    # ------------------------------------------------------------------ Part 1
    def update_part1(self, **fields: Any) -> dict[str, Any]:
        if {"sub_goals", "measures"} & set(fields):
            raise KeyError("use the sub-goal and measure mutators")
        return self._update("part1", self.part1, fields)

    def insert_sub_goal(self, index: int, sub_goal: SubGoal) -> None:
        self._insert("sub_goal", index, sub_goal)

    def remove_sub_goal(self, index: int) -> SubGoal:
        return self._remove("sub_goal", index)

    def move_sub_goal(self, index: int, to_index: int) -> None:
        self._move("sub_goal", index, to_index)

    def update_sub_goal(self, index: int, **fields: Any) -> dict[str, Any]:
        return self._update("sub_goal", self.part1.sub_goals[index], fields, index=index)

    def insert_measure(self, index: int, measure: Measure) -> None:
        self._insert("measure", index, measure)

    def remove_measure(self, index: int) -> Measure:
        return self._remove("measure", index)

    def move_measure(self, index: int, to_index: int) -> None:
        self._move("measure", index, to_index)

    def update_measure(self, index: int, **fields: Any) -> dict[str, Any]:
        return self._update("measure", self.part1.measures[index], fields, index=index)

    # ------------------------------------------------------------------- units
    def insert_unit(self, index: int, unit: BudgetUnit) -> None:
        self._insert("unit", index, unit)

    def remove_unit(self, index: int) -> BudgetUnit:
        return self._remove("unit", index)

    def move_unit(self, index: int, to_index: int) -> None:
        self._move("unit", index, to_index)

    def update_unit(self, index: int, **fields: Any) -> dict[str, Any]:
        if "projects" in fields:
            raise KeyError("use the project mutators")
        return self._update("unit", self.units[index], fields, index=index)

    # ---------------------------------------------------------------- projects
    def insert_project(self, unit: int, index: int, project: Project) -> None:
        self._insert("project", index, project, unit=unit)

    def remove_project(self, unit: int, index: int) -> Project:
        return self._remove("project", index, unit=unit)

    def move_project(self, unit: int, index: int, to_unit: int, to_index: int) -> None:
        """Move a project within its unit or to another unit (``to_index`` after removal)."""
        if to_unit == unit:
            self._move("project", index, to_index, unit=unit)
            return
        source, dest = self.units[unit].projects, self.units[to_unit].projects
        source[index]
        if not 0 <= to_index <= len(dest):
            raise IndexError(to_index)
        change = Change("project", "moved", unit=unit, index=index, to_unit=to_unit, to_index=to_index)
        self._notify(change, lambda: dest.insert(to_index, source.pop(index)))

    def update_project(self, unit: int, index: int, **fields: Any) -> dict[str, Any]:
        """Change project fields (code, name, amounts, purpose, spending_plan, goals ...)."""
        if "indicators" in fields:
            raise KeyError("use the indicator mutators")
        return self._update("project", self.units[unit].projects[index], fields, index=index, unit=unit)

    # ------------------------------------------------------------------- goals
    def insert_goal(self, unit: int, project: int, index: int, text: str) -> None:
        self._insert("goal", index, str(text), unit=unit, project=project)

    def remove_goal(self, unit: int, project: int, index: int) -> str:
        return self._remove("goal", index, unit=unit, project=project)

    def move_goal(self, unit: int, project: int, index: int, to_index: int) -> None:
        self._move("goal", index, to_index, unit=unit, project=project)

    def update_goal(self, unit: int, project: int, index: int, text: str) -> str:
        goals = self.units[unit].projects[project].goals
        old = goals[index]
        change = Change("goal", "updated", unit=unit, project=project, index=index)
        self._notify(change, lambda: goals.__setitem__(index, str(text)))
        return old

    # -------------------------------------------------------------- indicators
    def insert_indicator(self, unit: int, project: int, index: int, indicator: Indicator) -> None:
        self._insert("indicator", index, indicator, unit=unit, project=project)

    def remove_indicator(self, unit: int, project: int, index: int) -> Indicator:
        return self._remove("indicator", index, unit=unit, project=project)

    def move_indicator(self, unit: int, project: int, index: int, to_index: int) -> None:
        self._move("indicator", index, to_index, unit=unit, project=project)

    def update_indicator(self, unit: int, project: int, index: int, **fields: Any) -> dict[str, Any]:
        indicator = self.units[unit].projects[project].indicators[index]
        return self._update("indicator", indicator, fields, index=index, unit=unit, project=project)
