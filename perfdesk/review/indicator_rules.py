"""Checks on a project's indicator table: framework levels, required kinds, the values.

A value is read with :func:`perfdesk.model.parse_value` (``≥95百分比`` is ≥ 95 %); which
二级指标 want a number, which are costs or satisfaction, and the word lists come from the
region's rule data. A row that carries last year's value (上年指标值) is also compared with it:
a target set lower than last year's wants its reason in the 指标值确定依据.
"""

from __future__ import annotations

import re
from decimal import Decimal

from perfdesk.model import Indicator, ValueKind, format_amount, parse_value
from perfdesk.review.context import ProjectScope
from perfdesk.review.ruledata import fold, has_markup, strip_markup

HUNDRED = Decimal(100)
# Examples of measurable values, by 二级指标, for the "no number" message.
_EXAMPLES = {"数量指标": "“≥5人”“≥10家”", "质量指标": "“≥95%”“验收合格率100%”",
             "成本指标": "“≤0.2万元”“≤500元/人”", "经济成本指标": "“≤0.2万元”"}
_LOWER_TO_UPPER = (("≥", "≤"), (">=", "<="), ("＞", "＜"), (">", "<"), ("不低于", "不超过"), ("不少于", "不超过"))
_YEAR = re.compile(r"(20[0-9]{2})年")
_CELL_NAMES = {"level1": "一级指标", "level2": "二级指标", "level3": "三级指标", "description": "绩效指标描述",
               "value": "指标值", "basis": "指标值确定依据"}


def check_indicators(scope: ProjectScope) -> None:
    indicators = scope.project.indicators
    if not indicators:
        scope.add("indicators-missing", "没有绩效指标，请按产出、效益、满意度指标填写指标表。", field="indicators")
        return
    kinds: list[str | None] = []
    described_by_name: list[int] = []
    for row, indicator in enumerate(indicators):
        kind = _levels(scope, row, indicator)
        kinds.append(kind)
        filled = _cells(scope, row, indicator)
        if filled:
            _value(scope, row, indicator, kind)
            _below_last_year(scope, row, indicator)
        if _echo(scope, row, indicator):
            described_by_name.append(row)
        for field in _CELL_NAMES:
            text = getattr(indicator, field)
            if has_markup(text):
                scope.add("markup", f"{_CELL_NAMES[field]}含有从网页粘贴带入的标记（如 <p>），请清除。", field=field,
                          row=row, fix=scope.indicator_fix("清除标记", row, **{field: strip_markup(text)}))
    if described_by_name:
        # Very common in published texts and not a mistake in itself: one hint per table,
        # not one per row, so that it does not bury the findings that matter.
        rows = "、".join(str(r + 1) for r in described_by_name)
        scope.add("description-echo", f"第 {rows} 行的绩效指标描述与三级指标相同；可写明指标的具体含义或计算口径"
                                      f"（如“奖补企业数量”写成“年内获得奖补的科技型企业家数”）。",
                  field="description", row=described_by_name[0])
    _required(scope, kinds)
    _duplicates(scope)
    _scattered(scope, kinds)


def _levels(scope: ProjectScope, row: int, indicator: Indicator) -> str | None:
    framework = scope.framework
    level1, level2 = indicator.level1.strip(), indicator.level2.strip()
    kind = framework.canonical_level2(level2) if level2 else None
    parent = framework.parent_of(level2) if level2 else None
    found = framework.find_level1(level1) if level1 else None
    fix = scope.indicator_fix(f"一级指标改为“{parent}”", row, level1=parent) if parent else None
    moved = framework.canonical_level2(level1) if level1 and found is None else None
    if moved and (parent is None or kind == moved):
        # The other layout (财政部 2021: 成本指标 at the first level, 经济成本指标 under it):
        # one finding for the row, which keeps its meaning (a cost) for the other checks.
        owner = framework.parent_of(moved)
        scope.add("level1-unknown", f"“{level1}”在{framework.name}中是“{owner}”下的二级指标；请把一级指标改为"
                                    f"“{owner}”，二级指标改为“{moved}”。", field="level1", row=row,
                  fix=scope.indicator_fix(f"改为“{owner}”／“{moved}”", row, level1=owner, level2=moved))
        return moved
    if not level1:
        scope.add("level1-missing", "一级指标为空，请选择产出、效益或满意度指标。", field="level1", row=row, fix=fix)
    elif found is None:
        scope.add("level1-unknown", f"一级指标“{level1}”不在{framework.name}中，请从指标体系中选择。",
                  field="level1", row=row, fix=fix)
    elif found.name != level1:
        scope.add("level1-old-name", f"一级指标“{level1}”是旧名称，现行指标体系称“{found.name}”。", field="level1",
                  row=row, fix=scope.indicator_fix(f"改为“{found.name}”", row, level1=found.name))
    if not level2:
        scope.add("level2-missing", "二级指标为空，请从指标体系中选择。", field="level2", row=row)
    elif parent is None:
        names = "、".join(framework.level2_names(level1)) if found else ""
        hint = f"（“{level1}”下可选：{names}）" if names else ""
        spelled = framework.canonical_level2(level2 + "指标")  # "成本" for 成本指标
        kind = spelled or kind  # still read the row as what it evidently is
        scope.add("level2-unknown", f"二级指标“{level2}”不在{framework.name}中{hint}。", field="level2", row=row,
                  fix=scope.indicator_fix(f"改为“{spelled}”", row, level2=spelled) if spelled else None)
    elif found is not None and parent != found.name:
        scope.add("level2-mismatch", f"二级指标“{level2}”属于“{parent}”，却放在了“{level1}”下。", field="level2",
                  row=row, fix=fix)
    return kind


def _cells(scope: ProjectScope, row: int, indicator: Indicator) -> bool:
    """Empty and placeholder cells; True when the value is worth reading further."""
    rules = scope.rules
    texts = [indicator.level3.strip(), indicator.description.strip(), indicator.value.strip(), indicator.basis.strip()]
    blank = [not text or rules.is_placeholder(text) for text in texts]
    if not any(blank):
        return True  # the usual row: nothing empty, nothing left from the template
    if all(blank):
        # A template row left as it was (often 生态效益指标 with 无 in every cell): one finding
        # for the row, not four, and taking it out is usually what the clerk means.
        kind = indicator.level2.strip() or indicator.level1.strip()
        named = f"“{kind}”这一行" if kind else "这一行"
        scope.add("row-empty", f"{named}没有填写指标内容（三级指标、描述、指标值、依据都为空或是占位文字）；"
                               f"本项目如没有此类指标，请删除这一行，否则请填写。", field="level3", row=row,
                  fix=scope.removal_fix("删除这一行", "indicator", row))
        return False
    for field, text, empty in zip(("level3", "description", "value", "basis"), texts, blank):
        if not empty:
            continue
        name = _CELL_NAMES[field]
        if not text:
            rule = {"level3": "level3-empty", "value": "value-empty"}.get(field, "cell-empty")
            scope.add(rule, f"{name}为空，请填写。", field=field, row=row)
        else:
            rule = "value-placeholder" if field == "value" else "cell-placeholder"
            scope.add(rule, f"{name}“{text}”是模板中的占位文字，请填写实际内容。", field=field, row=row)
    return not blank[2]


def _value(scope: ProjectScope, row: int, indicator: Indicator, kind: str | None) -> None:
    rules, text = scope.rules, indicator.value.strip()
    reading = indicator.reading
    quantitative = reading.kind is ValueKind.QUANTITATIVE
    if reading.is_percent and reading.number is not None and reading.number > HUNDRED:
        scope.add("percent-over-100", f"指标值“{text}”超过 100%，请核对。", field="value", row=row)
    if kind in rules.numeric_kinds:
        if rules.lacks_number(kind, text, quantitative):
            if kind in rules.time_kinds:
                month = f"{scope.document.year}年6月底前" if scope.document.year else "6月底前"
                scope.add("value-not-numeric", f"时效指标的指标值“{text}”没有写明时限，请写成“年底前”“{month}”"
                                               f"或“≥95%”（及时率）这样可核对的目标。", field="value", row=row,
                          severity=rules.numeric_kinds[kind])
            else:
                examples = _EXAMPLES.get(kind, "“≥5人”“≥95%”“≤0.2万元”")
                scope.add("value-not-numeric", f"{kind}的指标值“{text}”没有数字，年底无法考核；请写成{examples}"
                                               f"这样可衡量的目标。", field="value", row=row,
                          severity=rules.numeric_kinds[kind])
    elif rules.is_vague(text):
        scope.add("value-vague", f"指标值“{text}”比较笼统，如能量化（如“≥90%”）更便于评价。", field="value", row=row)
    if kind in rules.time_kinds:
        _deadline_year(scope, row, text)
    if not quantitative:
        if kind in rules.satisfaction_kinds:
            scope.add("satisfaction-not-percent", f"满意度指标的指标值“{text}”应写成百分比，如“≥90%”。",
                      field="value", row=row)
        return
    unit = reading.unit or ""
    if kind in rules.time_kinds and (unit in rules.money_units or unit in rules.head_count_units):
        scope.add("time-value-unit", f"时效指标的指标值“{text}”是金额或数量，不是时间；请写完成时限或及时率。",
                  field="value", row=row)
    if kind in rules.cost_kinds:
        _cost(scope, row, text, reading.comparison, reading.number, unit)
    if kind in rules.satisfaction_kinds:
        if not reading.is_percent:
            scope.add("satisfaction-not-percent", f"满意度指标的指标值“{text}”应写成百分比，如“≥90%”。",
                      field="value", row=row)
        elif rules.satisfaction_floor is not None and reading.number is not None \
                and reading.number < rules.satisfaction_floor:
            scope.add("satisfaction-below-floor", f"满意度目标“{text}”低于审核规则要求的 {rules.satisfaction_floor}%，"
                                                  f"请核对。",
                      field="value", row=row)


def _cost(scope: ProjectScope, row: int, text: str, comparison: str | None, number: Decimal | None, unit: str) -> None:
    rules = scope.rules
    if unit in rules.head_count_units:
        scope.add("cost-not-money", f"成本指标的指标值“{text}”是人数或个数，不是成本；请移到数量指标，"
                                    f"成本指标填写金额（如“≤0.2万元”）。", field="value", row=row)
        return
    if unit not in rules.money_units or number is None:
        return
    amount = number * rules.money_units[unit]
    budget = scope.budget
    # Beside a missing, zero or negative budget (budget-missing/-negative say so) “over budget” means nothing.
    if budget is not None and budget > 0 and amount > budget:
        scope.add("cost-above-budget", f"成本指标“{text}”（{format_amount(amount)} 万元）超过了项目预算数 "
                                       f"{format_amount(budget)} 万元，请核对。", field="value", row=row)
    if comparison in ("≥", ">"):
        fix = None
        for lower, upper in _LOWER_TO_UPPER:
            if text.startswith(lower):
                fixed = upper + text[len(lower):]
                fix = scope.indicator_fix(f"改为“{fixed}”", row, value=fixed)
                break
        scope.add("cost-lower-bound", f"成本指标“{text}”写成了下限（≥）；成本通常应控制在上限以内（≤）。",
                  field="value", row=row, fix=fix)


def _below_last_year(scope: ProjectScope, row: int, indicator: Indicator) -> None:
    """A target easier than last year's (≥ lower, ≤ higher) with no reason given in the basis.
    Only like with like: both values numbers in the same unit, last year's not bounded the
    other way (a ≤ turned into a ≥ is another target, not a lower one)."""
    previous = indicator.previous_value.strip()
    if not previous:
        return
    now, before = indicator.reading, parse_value(previous)
    if now.kind is not ValueKind.QUANTITATIVE or before.kind is not ValueKind.QUANTITATIVE:
        return
    if now.unit != before.unit or now.number is None or before.number is None:
        return
    text = indicator.value.strip()
    if now.comparison in ("≥", ">") and before.comparison not in ("≤", "<") and now.number < before.number:
        message = f"指标值“{text}”低于上年的“{previous}”，目标降低时请在指标值确定依据中说明原因。"
    elif now.comparison in ("≤", "<") and before.comparison not in ("≥", ">") and now.number > before.number:
        message = f"指标值“{text}”高于上年的“{previous}”，目标放宽时请在指标值确定依据中说明原因。"
    else:
        return
    if not scope.rules.states_a_reason(indicator.basis):
        scope.add("value-below-last-year", message, field="value", row=row)


def _deadline_year(scope: ProjectScope, row: int, text: str) -> None:
    """A deadline in a year before the budget year (a date copied from last year's table)."""
    year = scope.document.year
    named = [int(y) for y in _YEAR.findall(fold(text))]
    if year and named and max(named) < year:
        scope.add("time-before-year", f"时效指标的时限“{text}”在 {max(named)} 年，早于预算年度 {year} 年；"
                                      f"请改为本年度内的时限（如“{year}年底前”）。", field="value", row=row)


def _echo(scope: ProjectScope, row: int, indicator: Indicator) -> bool:
    """Cells that only repeat each other; True when the description merely repeats the name."""
    level3, description = fold(indicator.level3), fold(indicator.description)
    value, basis = fold(indicator.value), fold(indicator.basis)
    # Placeholders (无, 目标内容1) repeated across cells are reported as placeholders already.
    placeholder = scope.rules.is_placeholder
    if value and value in (level3, description) and not placeholder(indicator.value):
        scope.add("value-echo", f"指标值“{indicator.value.strip()}”只是重复了指标名称，没有写出目标；请填写可衡量的目标值。",
                  field="value", row=row)
    if basis and basis in (level3, description) and not placeholder(indicator.basis):
        scope.add("basis-echo", f"指标值确定依据“{indicator.basis.strip()}”只是重复了指标名称；请填写依据，"
                                f"如“工作计划”“历史标准”。", field="basis", row=row)
    return bool(description) and description == level3 and not placeholder(indicator.description)


def _required(scope: ProjectScope, kinds: list[str | None]) -> None:
    present = {k for k in kinds if k}
    known = {child.name for level in scope.framework.levels for child in level.children}
    for need in scope.rules.required:
        if not (set(need.any_of) & known):
            continue  # this framework has no such kind; the requirement does not apply
        if not (set(need.any_of) & present):
            scope.add("required-missing", f"缺少{need.label}，请至少补充一行。", field="indicators",
                      severity=need.severity)


def _duplicates(scope: ProjectScope) -> None:
    rows: dict[tuple[str, ...], int] = {}
    names: dict[tuple[str, str], int] = {}
    for row, indicator in enumerate(scope.project.indicators):
        cells = tuple(fold(c) for c in indicator.cells())
        if not any(cells):
            continue
        if cells in rows:
            scope.add("row-duplicate", f"这一行与第 {rows[cells] + 1} 行完全相同，打印时会出现两遍；请删除重复的行。",
                      field="level3", row=row, fix=scope.removal_fix("删除重复的行", "indicator", row))
            continue
        rows[cells] = row
        name = (fold(indicator.level2), cells[2])
        if cells[2] and name in names:
            scope.add("level3-duplicate", f"三级指标“{indicator.level3.strip()}”与第 {names[name] + 1} 行重名，"
                                          f"请合并或改名以便区分。", field="level3", row=row)
        names.setdefault(name, row)


def _scattered(scope: ProjectScope, kinds: list[str | None]) -> None:
    framework = scope.framework
    level1s = [framework.canonical_level1(i.level1) or fold(i.level1) for i in scope.project.indicators]
    _first_reappearance(scope, level1s, "level1")
    level2s = [(l1, k) for l1, k in zip(level1s, kinds)]
    _first_reappearance(scope, level2s, "level2")


def _first_reappearance(scope: ProjectScope, keys: list, field: str) -> None:
    seen, previous = set(), None
    for row, key in enumerate(keys):
        if key != previous and key in seen and (key[1] if isinstance(key, tuple) else key):
            name = key[1] if isinstance(key, tuple) else key
            scope.add("level-scattered", f"“{name}”的行不相邻（第 {row + 1} 行又出现），打印时无法合并单元格，"
                                         f"建议把同类指标排在一起。", field=field, row=row)
            return
        seen.add(key)
        previous = key
