"""Tables longer than a page: header repeated, 一级/二级 shown again, rows whole, no text lost."""

from __future__ import annotations

from decimal import Decimal

import pdfplumber

from pdf_readback import HEADER, compact, indicator_rows, printed_number, read_project_tables
from perfdesk.model import BudgetUnit, Document, Indicator, Project, SpendingPlan
from perfdesk.pdf import export_pdf

FILLER = "按照年度工作计划组织实施并接受主管部门和财政部门的监督检查，确保资金使用规范安全有效"


def _long_project() -> Project:
    levels = ([("产出指标", "数量指标")] * 10 + [("产出指标", "质量指标")] * 8 + [("产出指标", "时效指标")] * 7
              + [("效益指标", "社会效益指标")] * 11 + [("满意度指标", "服务对象满意度指标")] * 4)
    indicators = [
        Indicator(level1=l1, level2=l2, level3=f"第{i}项指标的名称比较长需要折行显示",
                  description=f"描述{i:02d}：{FILLER}{FILLER[: i % 30]}（完）",
                  value=f"≥{i}人", basis=f"依据{i:02d}：{FILLER[:40]}")
        for i, (l1, l2) in enumerate(levels, 1)
    ]
    return Project(code="13082125P00112345678X", name="很长的项目", budget_total=Decimal("12.30"),
                   budget_fiscal=Decimal("12.30"), purpose=FILLER * 3, goals=["目标一", "目标二"],
                   spending_plan=SpendingPlan.of([25, 50, 75, 100]), indicators=indicators)


def _document(project: Project) -> Document:
    return Document(department="测试局", year=2025, units=[BudgetUnit(code="112001", name="测试局本级", projects=[project])])


def test_forty_rows_with_long_texts_span_pages_with_header_and_groups_repeated(tmp_path):
    project = _long_project()
    assert len(project.indicators) == 40
    path = tmp_path / "long.pdf"
    export_pdf(_document(project), path, project_codes=[project.code])
    table = read_project_tables(path)["1.很长的项目绩效目标表"]
    assert table.pages >= 3
    assert table.header_on_every_page
    # Every row whole (a row cut across pages would read back as two), every character, in order.
    assert indicator_rows(table) == [indicator.cells() for indicator in project.indicators]
    # On each continuation page the first row shows its 一级 and 二级 text again.
    for rows in table.page_rows:
        start = [i for i, row in enumerate(rows) if [compact(c) if c is not None else None for c in row] == HEADER][0] + 1
        first = rows[start]
        indicator = next(i for i in project.indicators if i.level3 == compact(first[2]))
        assert (compact(first[0]), compact(first[1])) == (indicator.level1, indicator.level2)
    with pdfplumber.open(path) as pdf:
        assert [printed_number(page) for page in pdf.pages] == list(range(1, len(pdf.pages) + 1))


def test_a_row_taller_than_a_page_is_cut_inside_its_cells_and_keeps_all_text(tmp_path):
    tall_text = "".join(f"第{i}句说明文字，" for i in range(1, 401)) + "结束。"
    project = Project(
        code="13082125P00112345679X", name="一行超过一页", budget_total=Decimal("1"),
        indicators=[
            Indicator(level1="产出指标", level2="数量指标", level3="前一行", description="普通描述", value="≥5人", basis="工作计划"),
            Indicator(level1="产出指标", level2="数量指标", level3="超长行", description=tall_text, value="≥1人", basis="工作计划"),
            Indicator(level1="效益指标", level2="社会效益指标", level3="后一行", description="普通描述", value="效果明显", basis="工作计划"),
        ],
    )
    path = tmp_path / "tall.pdf"
    export_pdf(_document(project), path, project_codes=[project.code])
    table = read_project_tables(path)["1.一行超过一页绩效目标表"]
    assert table.pages >= 3
    assert table.header_on_every_page
    rows = indicator_rows(table)
    assert rows[0] == ("产出指标", "数量指标", "前一行", "普通描述", "≥5人", "工作计划")
    assert rows[-1] == ("效益指标", "社会效益指标", "后一行", "普通描述", "效果明显", "工作计划")
    pieces = rows[1:-1]
    assert len(pieces) == table.pages
    assert "".join(piece[3] for piece in pieces) == tall_text
    assert all(piece[:2] == ("产出指标", "数量指标") for piece in pieces)
    # The 一级/二级 cells are printed again on each page the row runs over.
    for page in table.page_rows[1:]:
        assert compact(page[1][0]) == "产出指标" and compact(page[1][1]) == "数量指标"
    assert "".join(piece[2] for piece in pieces) == "超长行"
    assert "".join(piece[4] for piece in pieces) == "≥1人"
