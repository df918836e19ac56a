"""What changed between two versions of a document.

Projects are matched by 项目编码, then by 项目名称 (a project whose code changed but whose name
did not is the same project); what is left over is added or removed. Within a matched project
every changed field is one :class:`Change` with its old and new text. Indicator rows are matched
by their 一级/二级/三级 text, not by position, so that a row inserted at the top is one addition
and not a change to every row below; rows left over within the same 一级/二级 are paired in
order (a 三级 renamed is one change of ``level3``).

Texts are compared exactly as the clerk wrote them, except that Windows line ends count as
plain ones (a file saved on another PC must not differ in every paragraph). The bureau's review
and the previous year's 指标值 are not the text and are not compared.
"""

from __future__ import annotations

import difflib
from collections import defaultdict, deque
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Callable, Sequence

from perfdesk.model import Document, Indicator, Measure, Project, SubGoal, format_amount
from perfdesk.review.findings import FIELDS

ADDED, REMOVED, CHANGED = "added", "removed", "changed"

KIND_LABELS = {ADDED: "新增", REMOVED: "删除", CHANGED: "修改"}
# The labels FIELDS (the review's headings) has no word for: the cover's other fields and the
# two whole-thing kinds of change.
EXTRA_LABELS = {"status": "状态", "prepared_by": "编制", "reviewed_by": "审核", "project": "项目",
                "indicator": "指标"}

AMOUNT_FIELDS = ("budget_total", "budget_fiscal", "budget_other")
ROW_CELLS = ("level3", "description", "value", "basis")  # level1/level2 are equal in a pair
COVER_FIELDS = ("department", "year", "status", "prepared_by", "reviewed_by")
# Leftover rows of one 二级指标 beyond which pairing goes by plain order instead of likeness
# (the likeness table costs n × m text comparisons).
ALIGN_LIMIT = 2500


def field_label(field: str) -> str:
    """The Chinese heading of a field name (``budget_total`` → 预算数)."""
    return FIELDS.get(field) or EXTRA_LABELS.get(field, field)


@dataclass(frozen=True)
class Change:
    """One difference. ``project_code``/``project_name`` name the project (of the new version
    when it has one, else of the old; None for the document's own fields); ``field`` is a model
    field name (``budget_total``, ``goals``, ``value`` …, or ``project`` / ``indicator`` for a
    whole project or row added or removed); ``indicator`` names the row as ``一级/二级/三级`` (of
    the new version when it has one); ``old``/``new`` are texts as the clerk wrote them (None
    for what is not there). ``unit``/``project``/``row``/``item`` place it in the NEW document
    (0-based; None where there is none, e.g. a removed project), so the window can go there."""

    kind: str
    field: str
    old: str | None = None
    new: str | None = None
    project_code: str | None = None
    project_name: str | None = None
    indicator: str | None = None
    unit: int | None = None
    project: int | None = None
    row: int | None = None
    item: int | None = None

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "project_code": self.project_code, "project_name": self.project_name,
                "field": self.field, "indicator": self.indicator, "old": self.old, "new": self.new}

    def describe(self, new_document: Document | None = None) -> str:
        """One Chinese line: ``[修改] 预算数：12.50 → 15.00``, ``[新增] 指标 产出指标/数量指标/…``.
        With the new document the spending plan's checkpoint is named (6月底) rather than numbered."""
        kind = f"[{KIND_LABELS.get(self.kind, self.kind)}]"
        if self.field == "indicator":
            return f"{kind} 指标 {self.indicator}"
        if self.field == "project":
            return f"{kind} 项目 {_shown(self.new if self.kind == ADDED else self.old)}"
        where = field_label(self.field)
        if self.indicator is not None:
            where = f"指标 {self.indicator} {where}"
        elif self.item is not None:
            where += self._item_place(new_document)
        if self.kind == CHANGED:
            return f"{kind} {where}：{_shown(self.old)} → {_shown(self.new)}"
        return f"{kind} {where}：{_shown(self.new if self.kind == ADDED else self.old)}"

    def _item_place(self, new_document: Document | None) -> str:
        if self.field == "spending_plan":
            if new_document is not None and self.unit is not None and self.project is not None:
                checkpoints = new_document.project(self.unit, self.project).spending_plan.checkpoints
                if self.item < len(checkpoints):
                    return f" {checkpoints[self.item].label}"
            return f" 第 {self.item + 1} 列"
        return f" 第 {self.item + 1} 条" if self.field == "goals" else f" 第 {self.item + 1} 项"


def _shown(text: str | None) -> str:
    """A text on one line of a report: blank as （空）, each line break as ↵ (the lines stay
    readable and the report keeps one line per change)."""
    if text is None or text == "":
        return "（空）"
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "↵")


# ------------------------------------------------------------------ texts as compared and shown
def _same(a: str | None, b: str | None) -> bool:
    return _key(a) == _key(b)


def _key(text: str | None) -> str | None:
    # Only the Windows line end is forgiven; every other character is the clerk's.
    return None if text is None else text.replace("\r\n", "\n")


def _amount(value: Decimal | None) -> str | None:
    return None if value is None else format_amount(value)


def _percent(value: Decimal | None) -> str | None:
    """A checkpoint as printed: 30 → ``30%``, 12.5 → ``12.5%``; None when blank."""
    return None if value is None else f"{format(value.normalize(), 'f')}%"


def _sub_goal_text(sub_goal: SubGoal) -> str:
    """A sub-goal as printed: its title, then the labelled goal and indicator text."""
    lines = [sub_goal.title]
    if sub_goal.goal:
        lines.append(f"绩效目标：{sub_goal.goal}")
    if sub_goal.indicators:
        lines.append(f"绩效指标：{sub_goal.indicators}")
    return "\n".join(lines)


def _measure_text(measure: Measure) -> str:
    """A measure as printed: its text, then each sub-item on a line of its own."""
    return "\n".join([measure.text, *measure.items])


def _path(row: Indicator) -> str:
    return f"{row.level1}/{row.level2}/{row.level3}"


# ------------------------------------------------------------------ lists
def _list_changes(old: Sequence[str], new: Sequence[str], make: Callable[..., Change]) -> list[Change]:
    """A list of texts compared with difflib: a rewritten item is one change at its new index,
    an inserted one an addition, a deleted one a removal (placed nowhere in the new list)."""
    matcher = difflib.SequenceMatcher(a=[_key(t) for t in old], b=[_key(t) for t in new], autojunk=False)
    changes: list[Change] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        paired = min(i2 - i1, j2 - j1)
        for k in range(paired):
            changes.append(make(CHANGED, old=old[i1 + k], new=new[j1 + k], item=j1 + k))
        for j in range(j1 + paired, j2):
            changes.append(make(ADDED, new=new[j], item=j))
        for i in range(i1 + paired, i2):
            changes.append(make(REMOVED, old=old[i]))
    return changes


# ------------------------------------------------------------------ the document's own fields
def _document_changes(old: Document, new: Document) -> list[Change]:
    changes = []
    for field in COVER_FIELDS:
        before, after = _cover_text(old, field), _cover_text(new, field)
        if not _same(before, after):
            changes.append(Change(CHANGED, field, old=before, new=after))
    if not _same(old.part1.overall_goal, new.part1.overall_goal):
        changes.append(Change(CHANGED, "overall_goal", old=old.part1.overall_goal, new=new.part1.overall_goal))
    for field, text in (("sub_goals", _sub_goal_text), ("measures", _measure_text)):
        before = [text(item) for item in getattr(old.part1, field)]
        after = [text(item) for item in getattr(new.part1, field)]
        changes += _list_changes(before, after, lambda kind, field=field, **rest: Change(kind, field, **rest))
    return changes


def _cover_text(document: Document, field: str) -> str | None:
    value = getattr(document, field)
    if field == "year":
        return None if value is None else str(value)
    if field == "status":
        return value.value
    return value


# ------------------------------------------------------------------ matching projects
Located = tuple[int, int, Project]  # unit index, project index, project


def _match_projects(old: Document, new: Document) -> tuple[dict[int, Located], list[Located]]:
    """Pairs: new project's print position → the old project it continues; and the old
    projects no new one continues. By code where it names one project on both sides, then by
    name among those left (several of one name paired in order)."""
    olds = [(u, p, project) for u, p, _, project in old.projects()]
    news = [(u, p, project) for u, p, _, project in new.projects()]
    pairs: dict[int, Located] = {}
    taken: set[int] = set()

    def unique_codes(items: list[Located]) -> dict[str, int]:
        seen: dict[str, list[int]] = defaultdict(list)
        for index, (_, _, project) in enumerate(items):
            if project.code.strip():
                seen[project.code.strip()].append(index)
        return {code: found[0] for code, found in seen.items() if len(found) == 1}

    old_codes, new_codes = unique_codes(olds), unique_codes(news)
    for code, j in new_codes.items():
        if code in old_codes:
            pairs[j] = olds[old_codes[code]]
            taken.add(old_codes[code])
    by_name: dict[str, deque[int]] = defaultdict(deque)
    for i, (_, _, project) in enumerate(olds):
        if i not in taken and project.name.strip():
            by_name[_key(project.name.strip())].append(i)
    for j, (_, _, project) in enumerate(news):
        waiting = by_name.get(_key(project.name.strip()))
        if j not in pairs and project.name.strip() and waiting:
            i = waiting.popleft()
            pairs[j] = olds[i]
            taken.add(i)
    return pairs, [located for i, located in enumerate(olds) if i not in taken]


# ------------------------------------------------------------------ one project
class _ProjectDiff:
    """The changes inside one matched pair of projects, placed in the new document."""

    def __init__(self, old: Project, new: Project, unit: int, index: int) -> None:
        self.old, self.new = old, new
        self.place = {"project_code": new.code, "project_name": new.name, "unit": unit, "project": index}
        self.changes: list[Change] = []

    def add(self, kind: str, field: str, **rest: Any) -> Change:
        change = Change(kind, field, **self.place, **rest)
        self.changes.append(change)
        return change

    def text(self, field: str, before: str | None, after: str | None) -> None:
        if not _same(before, after):
            self.add(CHANGED, field, old=before, new=after)

    def run(self, old_unit: str, new_unit: str) -> list[Change]:
        old, new = self.old, self.new
        self.text("code", old.code, new.code)
        self.text("name", old.name, new.name)
        self.text("unit", old_unit, new_unit)
        for field in AMOUNT_FIELDS:
            self.text(field, _amount(getattr(old, field)), _amount(getattr(new, field)))
        self.text("purpose", old.purpose, new.purpose)
        self.spending_plan()
        self.changes += _list_changes(old.goals, new.goals,
                                      lambda kind, **rest: Change(kind, "goals", **self.place, **rest))
        self.indicators()
        return self.changes

    def spending_plan(self) -> None:
        before, after = self.old.spending_plan.checkpoints, self.new.spending_plan.checkpoints
        if [c.label for c in before] != [c.label for c in after]:  # 月底 ↔ 季度: one change, not four
            self.add(CHANGED, "spending_plan", old="、".join(c.label for c in before),
                     new="、".join(c.label for c in after))
        for index in range(max(len(before), len(after))):
            was = _percent(before[index].value) if index < len(before) else None
            now = _percent(after[index].value) if index < len(after) else None
            if was != now:
                self.add(CHANGED, "spending_plan", old=was, new=now, item=index if index < len(after) else None)

    def indicators(self) -> None:
        old_rows, new_rows = self.old.indicators, self.new.indicators
        partner = _pair_rows(old_rows, new_rows)
        paired_old = set(partner.values())
        for j, row in enumerate(new_rows):
            if j not in partner:
                self.add(ADDED, "indicator", new=row.level3, indicator=_path(row), row=j)
                continue
            was = old_rows[partner[j]]
            for field in ROW_CELLS:
                before, after = getattr(was, field), getattr(row, field)
                if not _same(before, after):
                    self.add(CHANGED, field, old=before, new=after, indicator=_path(row), row=j)
        for i, row in enumerate(old_rows):
            if i not in paired_old:
                self.add(REMOVED, "indicator", old=row.level3, indicator=_path(row))


def _row_key(row: Indicator, depth: int) -> tuple[str | None, ...]:
    return tuple(_key(getattr(row, f)) for f in ("level1", "level2", "level3")[:depth])


def _pair_rows(old: list[Indicator], new: list[Indicator]) -> dict[int, int]:
    """New row index → old row index. First rows with the same 一级/二级/三级 (several of one
    key in order), so a row moved or pushed down by an insertion is the same row; then what is
    left within each 一级/二级, in order, the most alike together (a renamed 三级)."""
    partner: dict[int, int] = {}
    waiting: dict[tuple, deque[int]] = defaultdict(deque)
    for i, row in enumerate(old):
        waiting[_row_key(row, 3)].append(i)
    for j, row in enumerate(new):
        queue = waiting.get(_row_key(row, 3))
        if queue:
            partner[j] = queue.popleft()
    used = set(partner.values())
    groups_old: dict[tuple, list[int]] = defaultdict(list)
    groups_new: dict[tuple, list[int]] = defaultdict(list)
    for i, row in enumerate(old):
        if i not in used:
            groups_old[_row_key(row, 2)].append(i)
    for j, row in enumerate(new):
        if j not in partner:
            groups_new[_row_key(row, 2)].append(j)
    for group, new_left in groups_new.items():
        old_left = groups_old.get(group, [])
        for i, j in _align(old_left, new_left, lambda i, j: _likeness(old[i], new[j])):
            partner[j] = i
    return partner


def _likeness(a: Indicator, b: Indicator) -> float:
    """0 … 1: how alike two rows' own cells are (三级, 描述, 指标值, 依据)."""
    return difflib.SequenceMatcher(a="\x1f".join(_key(getattr(a, f)) for f in ROW_CELLS),
                                   b="\x1f".join(_key(getattr(b, f)) for f in ROW_CELLS),
                                   autojunk=False).ratio()


def _align(old: list[int], new: list[int], likeness: Callable[[int, int], float]) -> list[tuple[int, int]]:
    """Order-keeping pairs of ``old`` and ``new`` items: as many pairs as the shorter list has
    items (the rest are added or removed), and among those the most alike. The lists are
    usually the few rows of one 二级指标, so the quadratic table is small."""
    n, m = len(old), len(new)
    if not n or not m:
        return []
    if n * m > ALIGN_LIMIT:  # a pasted table of hundreds of rows: simple order, in a blink
        return list(zip(old, new))
    # score[i][j]: best (pairs, likeness) using old[:i] and new[:j]; pairs count first, so that a
    # renamed row is never split into a removal and an addition when it can be paired.
    score = [[(0, 0.0)] * (m + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            pairs, alike = score[i - 1][j - 1]
            score[i][j] = max(score[i - 1][j], score[i][j - 1],
                              (pairs + 1, alike + likeness(old[i - 1], new[j - 1])))
    result = []
    i, j = n, m
    while i and j:
        if score[i][j] == score[i - 1][j]:
            i -= 1
        elif score[i][j] == score[i][j - 1]:
            j -= 1
        else:
            result.append((old[i - 1], new[j - 1]))
            i, j = i - 1, j - 1
    return result[::-1]


# ------------------------------------------------------------------ the whole document
def compare_documents(old: Document, new: Document) -> list[Change]:
    """Every change from ``old`` to ``new``: the document's own fields first, then project by
    project in the new version's order, removed projects last."""
    changes = _document_changes(old, new)
    pairs, removed = _match_projects(old, new)
    for j, (u, p, unit, project) in enumerate(new.projects()):
        if j not in pairs:
            changes.append(Change(ADDED, "project", new=project.name, project_code=project.code,
                                  project_name=project.name, unit=u, project=p))
            continue
        old_u, _, was = pairs[j]
        changes += _ProjectDiff(was, project, u, p).run(old.units[old_u].label, unit.label)
    for _, _, project in removed:
        changes.append(Change(REMOVED, "project", old=project.name, project_code=project.code,
                              project_name=project.name))
    return changes
