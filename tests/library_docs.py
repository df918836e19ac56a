"""The bureau's past documents the indicator library tests build their library from: two
years of a 科学技术局's text, the rows written by hand, saved as real .xlsx and .json files."""

from __future__ import annotations

from pathlib import Path

from perfdesk.fileio import save_document
from perfdesk.model import BudgetUnit, Document, Indicator, Project

FIELDS = ("level1", "level2", "level3", "description", "value", "basis")

# 2023.xlsx
AWARD_2023 = [
    ("产出指标", "数量指标", "补助特派员人数", "补助科技特派员人数", "≥30人", "资金发放表"),
    ("产出指标", "时效指标", "资金发放及时率", "补助资金按时发放", "100%", "工作计划"),
    ("满意度指标", "服务对象满意度指标", "特派员满意度", "科技特派员对补助的满意程度", "≥95%", "问卷调查"),
]
OUTREACH_2023 = [
    ("产出指标", "数量指标", "科普活动场次", "开展科普活动场次", "≥12场", "工作计划"),
    ("产出指标", "质量指标", "任务完成率", "年度任务完成比例", "100%", "工作计划"),
    ("满意度指标", "服务对象满意度指标", "特派员满意度", "科技特派员对补助的满意程度", "≥95%", "问卷调查"),
]
# 2024.json
AWARD_2024 = [
    ("产出指标", "数量指标", "补助特派员人数", "补助科技特派员人数", "≥35人", "资金发放表"),
    ("产出指标", "时效指标", "资金发放及时率", "补助资金按时发放", "100%", "工作计划"),
    ("效益指标", "社会效益指标", "宣传任务完成率", "科普宣传任务完成情况", "≥90%", "工作计划"),
    ("效益指标", "经济效益指标", "R&D投入增长率", "带动企业研发投入增长", "≥5%", "历史标准"),
    ("满意度指标", "服务对象满意度指标", "特派员满意度", "特派员满意程度", "≥90%", "问卷调查"),
]

ALL_ROWS = AWARD_2023 + OUTREACH_2023 + AWARD_2024


def _project(code: str, name: str, rows) -> Project:
    return Project(code=code, name=name, budget_total="10.00",
                   indicators=[Indicator(**dict(zip(FIELDS, row))) for row in rows])


def document(year: int, projects: list[Project]) -> Document:
    return Document(department="某县科学技术局", year=year,
                    units=[BudgetUnit(code="339003", name="某县科学技术局", projects=projects)])


def write_library(folder: Path) -> tuple[Path, Path]:
    """The two files, in ``folder``: 2023.xlsx (two projects) and 2024.json (one)."""
    folder.mkdir(parents=True, exist_ok=True)
    first, second = folder / "2023.xlsx", folder / "2024.json"
    save_document(document(2023, [_project("P1", "科技特派员补助", AWARD_2023),
                                  _project("P2", "科普活动经费", OUTREACH_2023)]), first)
    save_document(document(2024, [_project("P1", "科技特派员补助", AWARD_2024)]), second)
    return first.resolve(), second.resolve()
