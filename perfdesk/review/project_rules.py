"""Checks on a project's own fields: code, name, amounts, purpose, spending plan, goals."""

from __future__ import annotations

import re
from decimal import Decimal

from perfdesk.model import SpendingPlan, format_amount
from perfdesk.review.context import ProjectScope
from perfdesk.review.findings import Fix, Severity
from perfdesk.review.ruledata import fold, has_markup, strip_markup

HUNDRED = Decimal(100)
_GOAL_NUMBER = re.compile(r"^\s*(?:[0-9]{1,2}\s*[.、．](?![0-9])|[（(][0-9一二三四五六七八九十]{1,2}[)）]|[一二三四五六七八九十]{1,2}、)\s*")
_TITLE_SUFFIX = "绩效目标表"


def check_fields(scope: ProjectScope) -> None:
    _code(scope)
    _name_and_purpose(scope)
    _budget(scope)
    _spending_plan(scope)
    _goals(scope)


def _code(scope: ProjectScope) -> None:
    code, rules = scope.project.code.strip(), scope.rules
    if not code:
        scope.add("code-missing", "项目编码为空，请填写预算系统中的项目编码。", field="code")
        return
    match = rules.code_re.match(code) if rules.code_re else None
    if rules.code_re and not match:
        example = f"（如 {rules.code_example}）" if rules.code_example else ""
        scope.add("code-shape", f"项目编码“{code}”不是常见的 {len(rules.code_example) or 21} 位格式{example}，请核对。",
                  field="code")
        return
    year = scope.document.year
    if match and "year" in match.groupdict() and year:
        short = match.group("year")
        if int(short) != year % 100:
            full = year // 100 * 100 + int(short)
            if f"{full}年" in fold(scope.project.name):
                # "提前下达 2023 年…专项资金": funds of that year, whose project was set up then.
                scope.add("code-year", f"项目编码中的年度“{short}”与预算年度 {year} 不一致，项目名称也写明 {full} 年；"
                                       f"如是 {full} 年下达或结转的资金，可不改；如是从上年文本复制来的，请更新编码和名称。",
                          field="code", severity=Severity.HINT)
            else:
                scope.add("code-year", f"项目编码中的年度“{short}”与预算年度 {year} 不一致；"
                                       f"如不是上年结转项目，请按预算系统核对编码。", field="code")


def _name_and_purpose(scope: ProjectScope) -> None:
    project, rules = scope.project, scope.rules
    name = project.name.strip()
    if not name or rules.is_placeholder(name):
        what = "为空" if not name else f"是占位文字“{name}”"
        scope.add("name-missing", f"项目名称{what}，请填写项目名称。", field="name")
    elif name.endswith(_TITLE_SUFFIX) and len(name) > len(_TITLE_SUFFIX):
        fixed = name[: -len(_TITLE_SUFFIX)]
        scope.add("name-title-suffix", f"项目名称以“{_TITLE_SUFFIX}”结尾，打印时标题会重复，请删去。", field="name",
                  fix=scope.project_fix(f"改为“{fixed}”", name=fixed))
    purpose = project.purpose.strip()
    if not purpose or rules.is_placeholder(purpose):
        what = "为空" if not purpose else f"是占位文字“{purpose}”"
        scope.add("purpose-missing", f"资金用途{what}，请写明资金用于什么。", field="purpose")
    for field in ("name", "purpose"):
        text = getattr(project, field)
        if has_markup(text):
            name = "项目名称" if field == "name" else "资金用途"
            scope.add("markup", f"{name}含有从网页粘贴带入的标记（如 <p>），打印时会原样出现，请清除。", field=field,
                      fix=scope.project_fix("清除标记", **{field: strip_markup(text)}))


def _budget(scope: ProjectScope) -> None:
    project = scope.project
    total, fiscal, other = project.budget_total, project.budget_fiscal, project.budget_other
    if total is None:
        scope.add("budget-missing", "预算数为空，请填写项目预算数（万元）。", field="budget_total")
    for field, value in (("budget_total", total), ("budget_fiscal", fiscal), ("budget_other", other)):
        if value is not None and value < 0:
            scope.add("budget-negative", f"金额 {format_amount(value)} 为负数，请核对。", field=field)
    if total is None:
        return
    parts = (fiscal or Decimal(0)) + (other or Decimal(0))
    if parts != total:
        fix = None
        rest = total - (other or Decimal(0))
        if rest >= 0:
            fix = scope.project_fix(f"财政资金改为 {format_amount(rest)}（预算数 − 其他资金）", budget_fiscal=rest)
        scope.add("budget-sum", f"财政资金 {format_amount(fiscal) or '空'} 加其他资金 {format_amount(other) or '空'} "
                                f"等于 {format_amount(parts)}，不等于预算数 {format_amount(total)}，请核对金额。",
                  field="budget_fiscal", fix=fix)


def _percent(value: Decimal) -> Decimal:
    rounded = value.quantize(Decimal("0.01"))
    return rounded.quantize(Decimal(1)) if rounded == rounded.to_integral_value() else rounded


def _plan_fix(scope: ProjectScope, label: str, values: list[Decimal | None]) -> Fix:
    plan = SpendingPlan.of(values, scope.project.spending_plan.labels)
    return scope.project_fix(label, spending_plan=plan)


def _show(values: list[Decimal | None]) -> str:
    return "、".join("空" if v is None else f"{_percent(v)}" for v in values)


def _spending_plan(scope: ProjectScope) -> None:
    plan = scope.project.spending_plan
    values, labels = plan.values, plan.labels
    filled = [(i, v) for i, v in enumerate(values) if v is not None]
    if not filled:
        scope.add("plan-empty", "资金支出计划为空，请按 3月底、6月底、10月底、12月底 填写累计支出百分比。",
                  field="spending_plan")
        return
    numbers = [v for _, v in filled]
    if _amounts(scope, values, numbers) or _fractions(scope, values, numbers):
        return
    target = scope.rules.spending_plan_target
    for i, v in filled:
        if v > target or v < 0:
            scope.add("plan-over-100", f"{labels[i]}的支出计划 {_percent(v)}% 不在 0 到 100 之间，请填写累计百分比。",
                      field="spending_plan", item=i)
            return
    if len(numbers) >= 2 and sum(numbers) == target and numbers[-1] != target:
        running, cumulative = Decimal(0), []
        for v in values:
            if v is not None:
                running += v
            cumulative.append(None if v is None else running)
        scope.add("plan-shares", f"资金支出计划（{_show(values)}）像是各期各自的比例，应填写累计百分比，"
                                 f"最后一期为 100%。", field="spending_plan",
                  fix=_plan_fix(scope, f"改为累计：{_show(cumulative)}", cumulative))
        return
    for (i, before), (j, after) in zip(filled, filled[1:]):
        if after < before:
            scope.add("plan-not-cumulative", f"{labels[j]}的支出计划 {_percent(after)}% 小于{labels[i]}的 "
                                             f"{_percent(before)}%；支出计划是累计数，应逐期不减。",
                      field="spending_plan", item=j)
            break
    last_index, last = filled[-1]
    if last != target and last_index < len(values) - 1 and last < target:
        blank = "、".join(labels[last_index + 1:])
        # Only the last checkpoint missing (25% 50% 75% and a blank): filling it is the evident fix.
        fix = _plan_fix(scope, f"{labels[-1]}填 100%", values[:-1] + [target]) \
            if last_index == len(values) - 2 else None
        scope.add("plan-not-100", f"资金支出计划到{labels[last_index]}累计 {_percent(last)}%，{blank}为空；"
                                  f"累计支出应在{labels[-1]}达到 100%，请补填。", field="spending_plan",
                  item=len(values) - 1, fix=fix)
    elif last != target:
        scope.add("plan-not-100", f"资金支出计划到{labels[last_index]}累计 {_percent(last)}%，"
                                  f"累计支出应在{labels[-1]}达到 100%，请核对。", field="spending_plan", item=last_index)
    first_index = filled[0][0]
    for i in range(first_index + 1, last_index):
        if values[i] is None:
            scope.add("plan-gap", f"{labels[i]}的支出计划为空，而前后都有数；累计计划请逐期填写。",
                      field="spending_plan", item=i)
            break
    if last == target and last_index < len(values) - 1:
        completed = values[: last_index + 1] + [target] * (len(values) - last_index - 1)
        scope.add("plan-trailing-blank", f"支出计划在{labels[last_index]}已达 100%，之后各期按累计应同为 100%。",
                  field="spending_plan", item=last_index + 1,
                  fix=_plan_fix(scope, "之后各期填 100%", completed))


def _amounts(scope: ProjectScope, values: list[Decimal | None], numbers: list[Decimal]) -> bool:
    """Amounts in 万元 typed where percentages belong (``1.00 2.00 3.00 4.00`` for 4.00)."""
    budget = scope.budget
    if budget is None or budget <= 0 or budget == HUNDRED or numbers[-1] == HUNDRED:
        return False
    if max(numbers) == budget and numbers == sorted(numbers):
        converted = [None if v is None else _percent(v / budget * HUNDRED) for v in values]
    elif sum(numbers) == budget and len(numbers) >= 2:
        running, converted = Decimal(0), []
        for v in values:
            if v is not None:
                running += v
            converted.append(None if v is None else _percent(running / budget * HUNDRED))
    else:
        return False
    scope.add("plan-amounts", f"资金支出计划（{_show(values)}）像是按金额（万元）填写的，而预算数是 "
                              f"{format_amount(budget)} 万元；此处应填写累计支出百分比。", field="spending_plan",
              fix=_plan_fix(scope, f"换算为百分比：{_show(converted)}", converted))
    return True


def _fractions(scope: ProjectScope, values: list[Decimal | None], numbers: list[Decimal]) -> bool:
    """Fractions of 1 typed where percentages belong (``0.3 0.6 0.9 1`` for 30% … 100%): in a
    cell of General format Excel keeps 0.3, which the workbook reads as 0.3%. Either the plan
    ends at 1 or it has a fraction in it; a plan of only 0s is not taken for one."""
    if any(v < 0 or v > 1 for v in numbers):
        return False
    if numbers[-1] != 1 and all(v == v.to_integral_value() for v in numbers):
        return False
    converted = [None if v is None else _percent(v * HUNDRED) for v in values]
    meant = "、".join(f"{v}%" for v in converted if v is not None)
    typed = "、".join("空" if v is None else format(v.normalize(), "f") for v in values)
    scope.add("plan-fractions", f"资金支出计划（{typed}）都不超过 1，像是把百分比按小数填写了；"
                                f"应填写累计支出百分比，即 {meant}。", field="spending_plan",
              fix=_plan_fix(scope, f"换算为百分比：{_show(converted)}", converted))
    return True


def _goals(scope: ProjectScope) -> None:
    goals, rules = scope.project.goals, scope.rules
    if not [g for g in goals if g.strip()]:
        scope.add("goals-missing", "没有绩效目标，请写明本项目年度内要达到的目标。", field="goals")
        return
    real = any(g.strip() and not rules.is_placeholder(g.strip()) for g in goals)
    for i, goal in enumerate(goals):
        text = goal.strip()
        if not text or rules.is_placeholder(text):
            # Only when other real goals remain is taking the line out a fix; else it needs writing.
            remove = scope.removal_fix("删除这一条", "goal", i) if real else None
            if not text:
                scope.add("goal-empty", f"第 {i + 1} 条绩效目标为空，打印时只有编号；请填写或删除这一条。",
                          field="goals", item=i, fix=remove)
            else:
                scope.add("goal-placeholder", f"第 {i + 1} 条绩效目标是模板中的占位文字“{text}”，请改为本项目的实际目标"
                                              f"{'或删除这一条' if real else ''}。", field="goals", item=i, fix=remove)
            continue
        if has_markup(goal):
            scope.add("markup", f"第 {i + 1} 条绩效目标含有从网页粘贴带入的标记（如 <p>），请清除。", field="goals",
                      item=i, fix=scope.goal_fix("清除标记", i, strip_markup(goal)))
            continue
        numbered = _GOAL_NUMBER.match(goal)
        if numbered and fold(goal[numbered.end():]):
            bare = goal[numbered.end():]
            scope.add("goal-numbered", f"第 {i + 1} 条绩效目标自带编号“{numbered.group(0).strip()}”，"
                                       f"打印时会重复编号，请删去。", field="goals", item=i,
                      fix=scope.goal_fix("删去编号", i, bare))
