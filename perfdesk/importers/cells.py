"""Reading single cells of a project table: amounts, the spending plan, goals, framework names.

Kept apart from the row-by-row reader so each rule can be tested and read on its own.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from perfdesk.importers.shape import squeeze
from perfdesk.model import MONTH_CHECKPOINTS, QUARTER_CHECKPOINTS, Framework, SpendingPlan, to_amount, typed_amount

_QUARTERS = {"一": 0, "二": 1, "三": 2, "四": 3, "1": 0, "2": 1, "3": 2, "4": 3}
CHECKPOINT = re.compile(r"(\d{1,2})月(?:底|末)|第?([一二三四1-4])季度")
PLAN_VALUE = re.compile(r"^[+]?(\d+(?:\.\d+)?)\s*(%|％|百分比)?$")


class TooPrecise(ValueError):
    """An amount with more than two decimals: perfdesk does not round money for the clerk."""

    def __init__(self, text: str, rounded: Decimal) -> None:
        super().__init__(text)
        self.rounded = rounded


def read_amount(text: str) -> Decimal | None:
    """An amount cell in 万元; blank (or a dash) is None.

    Raises ValueError for text that is no amount, and :class:`TooPrecise` for one with more
    than two decimals that are not zeros (``0.1234``), which is never rounded silently.
    """
    exact = typed_amount(text)
    amount = to_amount(exact)
    if amount != exact:
        raise TooPrecise(text, amount)
    return amount


def checkpoint_of(text: str) -> tuple[str, int, str] | None:
    """(kind, index, rest) for a cell that starts with a checkpoint label: ``12月底100%``."""
    key = squeeze(text)
    match = CHECKPOINT.match(key)
    if not match:
        return None
    if match.group(1):
        month = match.group(1)
        label = f"{month}月底"
        if label not in MONTH_CHECKPOINTS:
            return None
        return "month", MONTH_CHECKPOINTS.index(label), key[match.end():]
    return "quarter", _QUARTERS[match.group(2)], key[match.end():]


def plan_value(text: str) -> Decimal | None:
    """``25%`` → 25; ``1.00`` (typed as an amount) stays 1.00; raises ValueError otherwise."""
    key = squeeze(text)
    if not key:
        return None
    match = PLAN_VALUE.match(key)
    if not match:
        raise ValueError(text)
    try:
        return Decimal(match.group(1))
    except InvalidOperation:  # pragma: no cover - the pattern admits only decimals
        raise ValueError(text) from None


def assign_plan(labels: dict[int, int], values: dict[int, Decimal]) -> dict[int, Decimal]:
    """Give each value (by column) to a checkpoint; return checkpoint index → value.

    When every value stands in the column of a label, the columns decide (blank cells stay
    blank). Extraction does not always keep merged columns apart: when some value stands
    where no label is, the values are read in order under the labels in order, and values
    beyond the last label go to the checkpoints after it.
    """
    if all(column in labels for column in values):
        return {labels[column]: value for column, value in values.items()}
    order = [labels[column] for column in sorted(labels)]
    result: dict[int, Decimal] = {}
    for position, (_, value) in enumerate(sorted(values.items())):
        if position < len(order):
            checkpoint = order[position]
        else:
            checkpoint = (order[-1] if order else -1) + position - len(order) + 1
        if 0 <= checkpoint < 4 and checkpoint not in result:
            result[checkpoint] = value
    return result


def build_plan(kind: str, values: dict[int, Decimal]) -> SpendingPlan:
    labels = QUARTER_CHECKPOINTS if kind == "quarter" else MONTH_CHECKPOINTS
    return SpendingPlan.of([values.get(i) for i in range(4)], labels)


# 1. 1、 (1) （1） ①: a goal's number. "1." before a digit is a decimal (1.5万元), unless the
# digits end in a mark of their own: "1.1.为……" is goal 1 whose text the clerk began with "1.".
_NUMBER_MARK = re.compile(r"(?<![\d.])(?:(\d{1,2})\s*[.．、](?:(?!\d)|(?=\d{1,2}[.．、]\D))"
                          r"|[（(]\s*(\d{1,2})\s*[)）]|([①②③④⑤⑥⑦⑧⑨⑩]))")
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩"


def _mark_number(match: re.Match[str]) -> int:
    if match.group(3):
        return _CIRCLED.index(match.group(3)) + 1
    return int(match.group(1) or match.group(2))


def split_goals(text: str) -> list[str]:
    """Split ``1.甲 2.乙`` (or one goal per line) into goals without their numbers.

    Numbers must run 1, 2, 3… so that ``11.58万吨`` or ``第2.`` inside a goal do not split it.
    A goal wrapped in ``<p>…</p>`` keeps its markup (the review offers to strip it).
    """
    text = text.strip()
    if not text:
        return []
    cuts: list[tuple[int, int]] = []  # (start of the number, start of the goal text)
    expected = 1
    for match in _NUMBER_MARK.finditer(text):
        if _mark_number(match) != expected:
            continue
        before = text[: match.start()]
        # A number that starts a goal follows the start, a space, a break or a closing mark.
        if before.strip() and not re.search(r"[\s。；;，,>）)]$", before) and not re.search(r"<p>$", before):
            if not re.search(r"[\u4e00-\u9fff]$", before):
                continue
        cuts.append((match.start(), match.end()))
        expected += 1
    if not cuts:
        return [line.strip() for line in text.split("\n") if line.strip()]
    goals: list[str] = []
    head = text[: cuts[0][0]].strip()
    for index, (start, body) in enumerate(cuts):
        end = cuts[index + 1][0] if index + 1 < len(cuts) else len(text)
        goal = text[body:end].strip()
        if index + 1 < len(cuts):
            goal = goal.rstrip("；;，,").rstrip()  # "1、甲；2、乙": the mark between two goals
        if head:
            goal, head = head + goal, ""  # an opening <p> belongs to the first goal
        goals.append(goal)
    # Markup split by the cut: "<p>" before the next number belongs to the next goal.
    for index in range(len(goals) - 1):
        if goals[index].endswith("<p>"):
            goals[index] = goals[index][:-3].rstrip()
            goals[index + 1] = "<p>" + goals[index + 1]
    return [goal for goal in goals if goal]


def framework_name(framework: Framework, level1: str, level2: str | None = None) -> str | None:
    """The framework's own spelling of a 一级指标 (or of a 二级指标 under it), or None."""
    key1 = squeeze(level1)
    if level2 is None:
        return framework.canonical_level1(key1)
    key2 = squeeze(level2)
    found = framework.find_level1(key1)
    levels = [found] if found else framework.levels
    for level in levels:
        for child in level.children:
            if key2 == child.name or key2 in child.aliases:
                return child.name
    return None


# ------------------------------------------------ pieces of a table that lost its grid
# Where a copied table kept no column boundaries (see source.py, "wrapped cells"), what a
# piece of text says is all that tells its cell: these recognise the kinds of pieces.
BASES = ("工作计划", "计划标准", "历史标准", "行业标准", "工作标准", "资金发放表", "问卷调查", "电话回访",
         "年初预算", "实际工作完成情况", "项目合同", "项目可研报告")
_VALUE_LIKE = re.compile(r"^[≥≤＞＜>=<＝≧≦]|^\d|[%％]$|(?:以上|以下|以内|之前|底前|前完成)$")


def looks_like_value(text: str) -> bool:
    """``≥5人``, ``100%``, ``年底之前``: text shaped like a 指标值 (a guess, for placing pieces)."""
    return bool(_VALUE_LIKE.search(squeeze(text)))


def is_basis(text: str) -> bool:
    """A 指标值确定依据 that clerks commonly write (工作计划, 问卷调查 …)."""
    key = squeeze(text)
    return key in BASES or key.endswith(("标准", "计划", "调查", "回访", "预算", "发放表"))


def level_names(framework: Framework) -> tuple[dict[str, str], dict[str, str]]:
    """Every spelling of a 一级指标 → its framework name, and of a 二级指标 → its 一级指标's name."""
    level1: dict[str, str] = {}
    level2: dict[str, str] = {}
    for level in framework.levels:
        for name in (level.name, *level.aliases):
            level1[name] = level.name
        for child in level.children:
            for name in (child.name, *child.aliases):
                level2.setdefault(name, level.name)
    return level1, level2
