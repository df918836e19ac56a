"""Where pages break in a whole document: a heading never stands alone at a page's foot."""

from __future__ import annotations

import re
from decimal import Decimal

import pdfplumber
import pytest

from pdf_readback import HEADER, compact, page_text, printed_number
from perfdesk.model import BudgetUnit, Document, Indicator, Part1, Project, SpendingPlan, SubGoal
from perfdesk.pdf import export_pdf

LEVELS = [("产出指标", "数量指标"), ("产出指标", "质量指标"), ("产出指标", "时效指标"), ("产出指标", "成本指标"),
          ("效益指标", "社会效益指标"), ("效益指标", "可持续影响指标"), ("满意度指标", "服务对象满意度指标")]


def _project(code: str, name: str, rows: int) -> Project:
    indicators = [Indicator(level1=LEVELS[i * len(LEVELS) // rows][0], level2=LEVELS[i * len(LEVELS) // rows][1],
                            level3=f"指标{i + 1}", description=f"第{i + 1}项工作按计划完成", value="≥95%", basis="工作计划")
                  for i in range(rows)]
    return Project(code=code, name=name, budget_total=Decimal("10"), budget_fiscal=Decimal("10"),
                   purpose="用于科技创新工作", goals=["按时完成年度任务"], spending_plan=SpendingPlan.of([25, 50, 75, 100]),
                   indicators=indicators)


def _document(rows: int) -> Document:
    part1 = Part1(overall_goal="推进全区科技创新工作。", sub_goals=[SubGoal(title="科技创新", goal="完成任务", indicators="数量达标")])
    projects = [_project("13082125P00100000001", "科技特派员奖补资金", rows), _project("13082125P00100000002", "科普宣传经费", 7)]
    return Document(department="测试局", year=2025, part1=part1,
                    units=[BudgetUnit(code="112001", name="测试局本级", projects=projects)])


@pytest.mark.parametrize("rows", [32, 36, 40])
def test_part2_title_stays_with_the_first_table_that_runs_over_a_page(tmp_path, rows):
    path = tmp_path / "long-first.pdf"
    export_pdf(_document(rows), path)
    with pdfplumber.open(path) as pdf:
        texts = [re.sub(r"\s", "", page_text(page)) for page in pdf.pages]
        numbered = [printed_number(page) for page in pdf.pages]
        # No page holds a heading and nothing else (the footer aside).
        for sheet, (text, number) in enumerate(zip(texts, numbered), 1):
            body = text.removesuffix(f"-{number}-") if number is not None else text
            assert body not in ("第二部分预算项目绩效目标", "1.科技特派员奖补资金绩效目标表"), f"page {sheet}: {body}"
        where = next(i for i, text in enumerate(texts) if text.startswith("第二部分预算项目绩效目标"))  # not the 目录
        page = pdf.pages[where]
        text = texts[where]
        assert text.index("第二部分预算项目绩效目标") < text.index("1.科技特派员奖补资金绩效目标表") < text.index("112001测试局本级")
        # The table starts on that page: its top rows, the indicator header and rows after it.
        tables = page.find_tables()
        assert tables, "the first table does not start under the part title"
        rows_read = [[compact(cell) if cell is not None else None for cell in row] for row in tables[0].extract()]
        assert rows_read[0][0] == "项目编码"
        header = next(i for i, row in enumerate(rows_read) if row == HEADER)
        assert len(rows_read) > header + 1
        assert (where == len(pdf.pages) - 1) or "1.科技特派员奖补资金绩效目标表" not in texts[where + 1]
