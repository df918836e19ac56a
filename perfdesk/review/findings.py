"""What a review check reports: a :class:`Finding` (rule, severity, Chinese message, place)
and, for some, a :class:`Fix` the window can apply as undo commands.

The catalogue :data:`RULES` names every rule with its default severity and a short Chinese
title; a region's rule data may raise or lower a severity or switch a rule off.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import Enum
from typing import Any


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    HINT = "hint"

    @property
    def label(self) -> str:
        return {"error": "错误", "warning": "警告", "hint": "提示"}[self.value]

    @property
    def rank(self) -> int:
        """0 for errors, 1 for warnings, 2 for hints: the order findings are listed in."""
        return {"error": 0, "warning": 1, "hint": 2}[self.value]


# One document update, in the argument order of Document.update_item / UpdateCommand:
# (target, fields, index, unit, project).
Update = tuple[str, dict[str, Any], "int | None", "int | None", "int | None"]
# One item taken out, in the argument order of Document.remove_item / RemoveCommand:
# (target, index, unit, project).
Removal = tuple[str, int, "int | None", "int | None"]


@dataclass(frozen=True, eq=False)
class Fix:
    """A one-click correction: its Chinese label, the updates and then the removals to push
    in one macro. Removals are kept in descending index order, so that taking one out never
    shifts the place of the next."""

    label: str
    updates: tuple[Update, ...] = ()
    removals: tuple[Removal, ...] = ()

    def __post_init__(self) -> None:
        ordered = tuple(sorted(self.removals, key=lambda r: r[1], reverse=True))
        object.__setattr__(self, "removals", ordered)

    def apply(self, document: Any) -> None:
        """Apply straight to a document (no undo): what the window's macro does, for scripts and tests."""
        for target, fields, index, unit, project in self.updates:
            document.update_item(target, fields, index, unit, project)
        for target, index, unit, project in self.removals:
            document.remove_item(target, index, unit, project)


@dataclass(frozen=True, eq=False)
class Finding:
    """One thing a reviewer would point out.

    ``unit``/``project`` are 0-based indices (None for document-wide findings), ``number``
    the 1-based project number printed before the table title, ``row`` the 0-based
    indicator row, ``item`` the 0-based index inside a list field (goal, sub-goal, measure,
    spending-plan checkpoint). ``field`` is one of the names in :data:`FIELDS`.
    """

    rule: str
    severity: Severity
    message: str
    field: str | None = None
    unit: int | None = None
    project: int | None = None
    number: int | None = None
    project_code: str | None = None
    row: int | None = None
    item: int | None = None
    fix: Fix | None = None

    def key(self) -> tuple:
        """What makes two findings the same, whatever their fix objects."""
        return (self.rule, self.severity, self.message, self.field, self.unit, self.project, self.row, self.item)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Finding) and self.key() == other.key()

    def __hash__(self) -> int:
        return hash(self.key())

    def project_in(self, document: Any) -> Any:
        """The project of ``document`` this finding is about (None for document-wide findings,
        or when the document has changed so that the place no longer exists)."""
        if self.unit is None or self.project is None:
            return None
        try:
            return document.units[self.unit].projects[self.project]
        except IndexError:
            return None

    def relocated(self, unit: int, project: int, number: int) -> "Finding":
        """The same finding after its project moved (fix updates follow it)."""
        if (unit, project, number) == (self.unit, self.project, self.number):
            return self
        fix = self.fix
        if fix is not None:
            updates = tuple(_move_update(u, unit, project) for u in fix.updates)
            removals = tuple(_move_removal(r, unit, project) for r in fix.removals)
            fix = Fix(fix.label, updates, removals)
        return replace(self, unit=unit, project=project, number=number, fix=fix)

    def place(self, with_project: bool = True) -> str:
        """Where it is, in Chinese: ``第 2 个项目（1302…）第 3 行 指标值``."""
        parts = []
        if self.number is not None and with_project:
            code = f"（{self.project_code}）" if self.project_code else ""
            parts.append(f"第 {self.number} 个项目{code}")
        if self.row is not None:
            parts.append(f"第 {self.row + 1} 行")
        elif self.item is not None and self.field in ("goals", "sub_goals", "measures"):
            parts.append(f"第 {self.item + 1} 条")
        if self.field:
            parts.append(FIELDS.get(self.field, self.field))
        return " ".join(parts)

    def to_json(self, file: str) -> dict[str, Any]:
        """The ``perfdesk check --json`` record (indices 1-based there)."""
        return {
            "file": file,
            "rule": self.rule,
            "severity": self.severity.value,
            "message": self.message,
            "project_index": self.number,
            "project_code": self.project_code or None,
            "indicator_row": None if self.row is None else self.row + 1,
            "field": self.field,
        }


def _move_update(update: Update, unit: int, project: int) -> Update:
    target, fields, index, _, _ = update
    if target == "project":
        return (target, fields, project, unit, None)
    return (target, fields, index, unit, project)


def _move_removal(removal: Removal, unit: int, project: int) -> Removal:
    target, index, _, _ = removal
    if target == "project":
        return (target, project, unit, None)
    return (target, index, unit, project)


# Field names used in findings, with the Chinese heading a clerk sees.
FIELDS: dict[str, str] = {
    "department": "部门名称", "year": "预算年度", "cover": "封面", "overall_goal": "总体绩效目标",
    "sub_goals": "分项绩效目标", "measures": "工作保障措施", "unit": "预算单位", "code": "项目编码",
    "name": "项目名称", "budget_total": "预算数", "budget_fiscal": "财政资金", "budget_other": "其他资金",
    "purpose": "资金用途", "spending_plan": "资金支出计划", "goals": "绩效目标", "indicators": "绩效指标",
    "level1": "一级指标", "level2": "二级指标", "level3": "三级指标", "description": "绩效指标描述",
    "value": "指标值", "basis": "指标值确定依据",
}

E, W, H = Severity.ERROR, Severity.WARNING, Severity.HINT

# rule id -> (default severity, what it checks)
RULES: dict[str, tuple[Severity, str]] = {
    # the document's own fields
    "department-missing": (E, "部门名称为空"),
    "year-missing": (E, "预算年度为空"),
    "year-implausible": (E, "预算年度不合理"),
    "cover-placeholder": (W, "封面（编制、审核）留有占位文字"),
    "cover-missing": (H, "封面编制或审核单位为空"),
    "overall-goal-empty": (W, "总体绩效目标为空或是占位文字"),
    "sub-goals-empty": (W, "没有分项绩效目标"),
    "sub-goal-incomplete": (W, "分项绩效目标缺少标题、目标或指标"),
    "measures-empty": (W, "没有工作保障措施"),
    "measure-empty": (W, "保障措施为空"),
    "no-projects": (W, "没有预算项目"),
    "unit-incomplete": (W, "预算单位编码或名称有误"),
    "unit-empty": (H, "预算单位下没有项目"),
    "markup": (W, "粘贴带入的网页标记"),
    "code-duplicate": (W, "项目编码重复"),
    # project fields
    "code-missing": (E, "项目编码为空"),
    "code-shape": (W, "项目编码格式不符"),
    "code-year": (W, "项目编码年度与预算年度不一致"),
    "name-missing": (E, "项目名称为空或是占位文字"),
    "name-title-suffix": (H, "项目名称带有“绩效目标表”"),
    "budget-missing": (E, "预算数为空"),
    "budget-negative": (E, "金额为负数"),
    "budget-sum": (E, "财政资金与其他资金之和不等于预算数"),
    "purpose-missing": (W, "资金用途为空或是占位文字"),
    "plan-empty": (W, "资金支出计划为空"),
    "plan-amounts": (E, "资金支出计划填成了金额"),
    "plan-fractions": (E, "资金支出计划填成了小数（0.3 而非 30%）"),
    "plan-shares": (E, "资金支出计划填成了各期比例而非累计"),
    "plan-not-cumulative": (E, "资金支出计划不是累计数"),
    "plan-over-100": (E, "资金支出计划超过100%"),
    "plan-not-100": (E, "资金支出计划未达到100%"),
    "plan-gap": (W, "资金支出计划中间有空白"),
    "plan-trailing-blank": (H, "资金支出计划达到100%后留空"),
    "goals-missing": (E, "没有绩效目标"),
    "goal-placeholder": (E, "绩效目标是占位文字"),
    "goal-empty": (W, "绩效目标中有空行"),
    "goal-numbered": (H, "绩效目标自带编号"),
    # indicator rows
    "indicators-missing": (E, "没有绩效指标"),
    "level1-missing": (E, "一级指标为空"),
    "level1-unknown": (E, "一级指标不在指标体系中"),
    "level1-old-name": (H, "一级指标使用旧名称"),
    "level2-missing": (E, "二级指标为空"),
    "level2-unknown": (E, "二级指标不在指标体系中"),
    "level2-mismatch": (E, "二级指标放在了错误的一级指标下"),
    "level-scattered": (H, "同一指标分散在不相邻的行"),
    "required-missing": (W, "缺少必备的指标类别"),
    "row-empty": (W, "指标行没有内容"),
    "level3-empty": (E, "三级指标为空"),
    "value-empty": (E, "指标值为空"),
    "cell-empty": (W, "指标描述或确定依据为空"),
    "value-placeholder": (E, "指标值是占位文字"),
    "cell-placeholder": (W, "指标单元格是占位文字"),
    "value-not-numeric": (W, "应为数值的指标值没有数字"),
    "value-vague": (H, "指标值含糊"),
    "percent-over-100": (E, "百分比超过100%"),
    "cost-above-budget": (E, "成本指标金额超过预算数"),
    "cost-not-money": (W, "成本指标不是金额"),
    "cost-lower-bound": (H, "成本指标写成下限"),
    "time-value-unit": (W, "时效指标的指标值不是时间"),
    "time-before-year": (W, "时效指标的时限早于预算年度"),
    "satisfaction-not-percent": (W, "满意度指标不是百分比"),
    "satisfaction-below-floor": (W, "满意度低于下限"),
    "value-below-last-year": (H, "指标值比上年退步"),
    "value-echo": (E, "指标值只是重复三级指标或描述"),
    "description-echo": (H, "指标描述只是重复三级指标"),
    "basis-echo": (W, "确定依据只是重复三级指标或描述"),
    "row-duplicate": (W, "指标行重复"),
    "level3-duplicate": (H, "三级指标名称重复"),
}
