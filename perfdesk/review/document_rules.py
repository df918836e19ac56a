"""Checks on the document as a whole: cover, Part 1, budget units, and across projects."""

from __future__ import annotations

from perfdesk.model import Document
from perfdesk.review.context import Report
from perfdesk.review.findings import Fix
from perfdesk.review.ruledata import has_markup, strip_markup


def check_cover(document: Document, report: Report) -> None:
    rules = report.rules
    department = document.department.strip()
    if not department:
        report.add("department-missing", "部门名称为空，请在封面填写部门全称。", field="department")
    elif rules.is_placeholder(department):
        report.add("cover-placeholder", f"部门名称“{department}”含有占位文字，请填写部门全称。", field="department")
    low, high = rules.year_range
    if document.year is None:
        report.add("year-missing", "预算年度为空，请在封面填写预算年度。", field="year")
    elif not low <= document.year <= high:
        report.add("year-implausible", f"预算年度 {document.year} 不合理，请核对。", field="year")
    for attribute, name in (("prepared_by", "编制"), ("reviewed_by", "审核")):
        text = getattr(document, attribute).strip()
        if not text:
            report.add("cover-missing", f"封面的{name}单位为空，打印时“{name}”一行会空着；如需打印，请在封面填写。",
                       field="cover")
        elif rules.is_placeholder(text):
            report.add("cover-placeholder", f"封面的{name}单位“{text}”留有占位文字（如 XXX），请填写实际单位名称。",
                       field="cover")


def check_part1(document: Document, report: Report) -> None:
    rules, part1 = report.rules, document.part1
    overall = part1.overall_goal.strip()
    if not overall or rules.is_placeholder(overall):
        what = "为空" if not overall else f"是占位文字“{overall}”"
        report.add("overall-goal-empty", f"第一部分的总体绩效目标{what}，请概述部门全年要达到的目标。",
                   field="overall_goal")
    elif has_markup(part1.overall_goal):
        report.add("markup", "总体绩效目标含有从网页粘贴带入的标记（如 <p>），请清除。", field="overall_goal",
                   fix=Fix("清除标记", (("part1", {"overall_goal": strip_markup(part1.overall_goal)}, None, None, None),)))
    if not part1.sub_goals:
        report.add("sub-goals-empty", "第一部分没有分项绩效目标，请至少填写一项。", field="sub_goals")
    for i, sub_goal in enumerate(part1.sub_goals):
        missing = [name for name, text in (("标题", sub_goal.title), ("绩效目标", sub_goal.goal),
                                           ("绩效指标", sub_goal.indicators))
                   if not text.strip() or rules.is_placeholder(text)]
        if missing:
            report.add("sub-goal-incomplete", f"第 {i + 1} 项分项绩效目标的{'、'.join(missing)}为空或是占位文字，请填写。",
                       field="sub_goals", item=i)
        stripped = {name: strip_markup(getattr(sub_goal, name)) for name in ("title", "goal", "indicators")
                    if has_markup(getattr(sub_goal, name))}
        if stripped:
            report.add("markup", f"第 {i + 1} 项分项绩效目标含有从网页粘贴带入的标记，请清除。", field="sub_goals",
                       item=i, fix=Fix("清除标记", (("sub_goal", stripped, i, None, None),)))
    if not part1.measures:
        report.add("measures-empty", "第一部分没有工作保障措施，请至少填写一项。", field="measures")
    for i, measure in enumerate(part1.measures):
        if not measure.text.strip() and not any(item.strip() for item in measure.items):
            report.add("measure-empty", f"第 {i + 1} 项保障措施为空，请填写或删除。", field="measures", item=i)
        changed = {}
        if has_markup(measure.text):
            changed["text"] = strip_markup(measure.text)
        if any(has_markup(item) for item in measure.items):
            changed["items"] = [strip_markup(item) for item in measure.items]
        if changed:
            report.add("markup", f"第 {i + 1} 项保障措施含有从网页粘贴带入的标记，请清除。", field="measures", item=i,
                       fix=Fix("清除标记", (("measure", changed, i, None, None),)))


def check_units(document: Document, report: Report) -> None:
    rules = report.rules
    if document.project_count() == 0:
        report.add("no-projects", "文本中还没有预算项目；本部门如有项目支出，请为每个项目添加绩效目标表。", field="unit")
    for u, unit in enumerate(document.units):
        report.unit = u  # so that activating the finding can select the unit
        code, name = unit.code.strip(), unit.name.strip()
        problems = []
        if rules.unit_code_re and not rules.unit_code_re.match(code):
            problems.append(f"编码“{code}”不是 6 位数字" if code else "编码为空")
        if not name:
            problems.append("名称为空")
        if problems:
            report.add("unit-incomplete", f"第 {u + 1} 个预算单位{'，'.join(problems)}，请核对（如“339003 唐山市丰润区科学技术局”）。",
                       field="unit", item=u)
        if not unit.projects and document.project_count():
            report.add("unit-empty", f"预算单位“{unit.label}”下没有项目，打印时会被略过。", field="unit", item=u)
    report.unit = None


def check_across_projects(document: Document, report: Report) -> None:
    """Findings that compare projects with each other (so an edit may change others')."""
    first: dict[str, tuple[int, str]] = {}
    for number, (u, p, _, project) in enumerate(document.projects(), start=1):
        code = project.code.strip()
        if not code:
            continue
        if code in first:
            other, name = first[code]
            named = f"（{name}）" if name else ""
            report.unit, report.project, report.number, report.project_code = u, p, number, code
            report.add("code-duplicate", f"项目编码“{code}”与第 {other} 个项目{named}相同；每个项目的编码应各不相同，"
                                         f"请按预算系统核对。", field="code")
        else:
            first[code] = (number, project.name.strip())
    report.unit = report.project = report.number = report.project_code = None
