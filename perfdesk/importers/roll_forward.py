"""Rolling a document forward: next year's draft from this year's text.

The copy gets the new year and the status 草案. Where a project name or a Part 1 sub-goal
title names the document's own year (``2024年改制企业相关费用``), that year moves on by the
same step; other years (a 2023 grant paid out in 2024, a file number ``唐财教（2021）42号``)
are the clerk's facts and stay. A name that is the title of one grant's document — it carries
a file number (``唐财教（2021）98号``, ``冀财教〔2021〕5号``) or reads ``关于…``/``提前下达…`` —
names that grant, year and all: it stays as it is and is listed for the clerk, since next
year's grant (if any) comes with a document of its own. Everything else is kept as the starting point of the new draft, and
the list of changes also points at what the clerk should look at by hand: project codes
issued for the old year, and the old year still named in purposes, goals and indicators.
Every indicator row keeps this year's 指标值 as its 上年指标值 (``previous_value``), so that the
new year's targets are set, and reviewed, against the old ones.
"""

from __future__ import annotations

import copy
import re

from perfdesk.errors import PerfdeskError
from perfdesk.model import Document, DocumentStatus


def _year_pattern(year: int) -> re.Pattern[str]:
    # Only a year written as a year ("2024年", "2024 年度"), never part of a longer number or a
    # file number such as "（2024）5号".
    return re.compile(rf"(?<!\d){year}(?=\s*年)")


# A file number: issuer, the year in brackets, a serial and 号 ("唐财教（2021）98号").
FILE_NUMBER = re.compile(r"[（(〔\[【]\s*(?:19|20)\d{2}\s*[）)〕\]】]\s*第?\s*\d+\s*号")
GRANT_TITLE = re.compile(r"^\s*(?:关于|提前下达)")


def names_a_grant(name: str) -> bool:
    """Whether a name is the title of one grant's document, whose year is a fact, not a cycle."""
    return bool(FILE_NUMBER.search(name) or GRANT_TITLE.match(FILE_NUMBER.sub("", name, count=1).strip()))


def rollover(document: Document, year: int) -> tuple[Document, list[str]]:
    """A new draft for ``year`` and the changes, in Chinese, for the clerk to review."""
    if not isinstance(year, int) or not 2000 <= year <= 2100:
        raise PerfdeskError(f"新的预算年度“{year}”不对，应为四位数的年份，如 2026")
    old = document.year
    if old is not None and year <= old:
        raise PerfdeskError(f"新的预算年度（{year}）应晚于文件的年度（{old}）")
    draft = copy.deepcopy(document)
    changes = [f"预算年度：{old if old is not None else '（空）'} → {year}"]
    draft.year = year
    if document.status is not DocumentStatus.DRAFT:
        changes.append(f"状态：{document.status.value} → {DocumentStatus.DRAFT.value}")
    draft.status = DocumentStatus.DRAFT
    rows = 0
    for _, _, _, project in draft.projects():
        for indicator in project.indicators:
            # this year's target is next year's 上年指标值; an older one is two years back
            indicator.previous_value = indicator.value
            rows += 1
    if rows:
        changes.append(f"绩效指标：{rows} 行指标的原指标值已记为“上年指标值”（不打印），供设定新年度目标时对照")
    if old is None:
        changes.append("原文件没有预算年度，项目名称中的年份没有改动，请逐一核对")
        return draft, changes
    pattern, new = _year_pattern(old), str(year)

    for index, sub_goal in enumerate(draft.part1.sub_goals, start=1):
        renamed = pattern.sub(new, sub_goal.title)
        if renamed == sub_goal.title:
            continue
        if names_a_grant(sub_goal.title):
            changes.append(f"请核对：分项绩效目标（{index}）标题“{sub_goal.title}”是一份拨款文件的标题，"
                           f"其中的年份没有改动")
            continue
        changes.append(f"分项绩效目标（{index}）标题：“{sub_goal.title}” → “{renamed}”")
        sub_goal.title = renamed
    for u, p, unit, project in draft.projects():
        number = draft.project_number(u, p)
        renamed = pattern.sub(new, project.name)
        if renamed != project.name and names_a_grant(project.name):
            changes.append(f"请核对：项目 {number} 名称“{project.name}”是一份拨款文件的标题（文号或“关于”“提前下达”），"
                           f"其中的 {old} 年没有改动；新年度若仍有这笔资金，请按新的文件改名")
        elif renamed != project.name:
            changes.append(f"项目 {number} 名称：“{project.name}” → “{renamed}”")
            project.name = renamed
        changes.extend(_to_review(number, project, old))
    return draft, changes


def _to_review(number: int, project, old: int) -> list[str]:  # noqa: ANN001 - a Project
    notes = []
    code_year = project.code[6:8] if len(project.code) >= 9 and project.code[8] == "P" else ""
    if code_year == f"{old % 100:02d}":
        notes.append(f"请核对：项目 {number} 的项目编码 {project.code} 是 {old} 年的编码，"
                     "新年度的编码需在预算系统中取得")
    pattern = _year_pattern(old)
    places = []
    if pattern.search(project.purpose):
        places.append("资金用途")
    if any(pattern.search(goal) for goal in project.goals):
        places.append("绩效目标")
    if any(pattern.search(text) for i in project.indicators for text in i.cells()):
        places.append("绩效指标")
    if places:
        notes.append(f"请核对：项目 {number}（{project.name}）的{'、'.join(places)}中仍写着“{old}年”")
    return notes
