"""Model → xlsx → model is lossless; xlsx → model → xlsx and xlsx → json → xlsx keep every cell."""

from __future__ import annotations

import io
import tempfile
from pathlib import Path
from decimal import Decimal

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings

from benchmarks.generate import generate_document
from perfdesk.fileio import load_document, read_workbook, save_document, write_workbook
from perfdesk.model import BudgetUnit, Document, Indicator, Measure, Part1, Project, SpendingPlan, SubGoal
from strategies import documents


def example_document() -> Document:
    """Project 1 and part of Part 1 of the 2022 Fengrun text (tests/data/samples), typed by hand."""
    project = Project(
        code="13020822P00871410001L", name="优秀科技特派员奖励（2021年借款）",
        budget_total=Decimal("1.00"), budget_fiscal=Decimal("1.00"), budget_other=None,
        purpose="用于2021年度优秀科技特派员奖励资金",
        spending_plan=SpendingPlan.of([Decimal(100), None, None, None]),
        goals=["目标内容1"],
        indicators=[
            Indicator(level1="产出指标", level2="数量指标", level3="奖补数量", description="优秀特派员奖励人数",
                      value="≥5人", basis="资金发放表"),
            Indicator(level1="产出指标", level2="质量指标", level3="奖补质量", description="优秀特派员质量",
                      value="≥95百分比", basis="工作标准"),
            Indicator(level1="产出指标", level2="时效指标", level3="奖补时间", description="优秀特派员奖励金发放时间",
                      value="年底之前", basis="工作计划"),
            Indicator(level1="产出指标", level2="成本指标", level3="奖补成本", description="优秀特派员奖励金发放成本",
                      value="≤0.2万元", basis="历史标准"),
            Indicator(level1="效益指标", level2="社会效益指标", level3="社会影响", description="优秀特派员的社会影响",
                      value="≥95百分比", basis="工作计划"),
            Indicator(level1="效益指标", level2="可持续影响指标", level3="服务企业的影响",
                      description="对科技企业的可持续性影响", value="≥95百分比", basis="工作计划"),
            Indicator(level1="满意度指标", level2="服务对象满意度指标", level3="收益人员满意度",
                      description="符合奖励人员满意度", value="≥95百分比", basis="问卷调查"),
        ],
    )
    part1 = Part1(
        overall_goal="组织实施全区工业的发展规划，推进产业结构战略性调整和优化升级，推进信息化和工业化融合；",
        sub_goals=[SubGoal(title="科技创新项目支撑",
                           goal="推进实施有关国家和省、市、区科技重大专项，推进相关科研成果产业化，促进区科技型企业的发展。",
                           indicators="国家和省、市、区科技重大项目的数量，完成工作任务大于等于80%")],
        measures=[Measure(text="基础工作保障措施", items=["科技创新平台建设：科研开发能力和创新贡献持续提升。"]),
                  Measure(text="机制保障措施", items=["完善制度建设。", "加强支出管理。"])],
    )
    return Document(department="唐山市丰润区科学技术局", year=2022, part1=part1,
                    units=[BudgetUnit(code="339003", name="唐山市丰润区科学技术局", projects=[project]),
                           BudgetUnit(code="339004", name="没有项目的单位")])


def cell_values(path) -> dict[str, list[tuple]]:
    workbook = openpyxl.load_workbook(path)
    return {ws.title: [tuple(c.value for c in row) for row in ws.iter_rows()] for ws in workbook.worksheets}


def test_example_round_trips_through_xlsx(tmp_path):
    document = example_document()
    save_document(document, tmp_path / "丰润.xlsx")
    assert load_document(tmp_path / "丰润.xlsx") == document


EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "resources" / "examples").glob("*.json"))


@pytest.mark.parametrize("example", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_bundled_examples_round_trip_through_xlsx(example, tmp_path):
    document = load_document(example)
    assert document.project_count() > 0
    save_document(document, tmp_path / "e.xlsx")
    assert load_document(tmp_path / "e.xlsx") == document


def test_example_project_sheet_has_the_official_layout(tmp_path):
    write_workbook(example_document(), tmp_path / "a.xlsx")
    workbook = openpyxl.load_workbook(tmp_path / "a.xlsx")
    assert workbook.sheetnames == ["第一部分", "目录", "1.优秀科技特派员奖励（2021年借款）"]
    ws = workbook["1.优秀科技特派员奖励（2021年借款）"]
    assert ws["A1"].value == "1.优秀科技特派员奖励（2021年借款）绩效目标表"
    assert (ws["A2"].value, ws["F2"].value) == ("339003唐山市丰润区科学技术局", "单位：万元")
    assert [ws[c].value for c in ("A3", "B3", "D3", "E3")] == ["项目编码", "13020822P00871410001L", "项目名称",
                                                               "优秀科技特派员奖励（2021年借款）"]
    assert [ws[c].value for c in ("B4", "C4", "D4", "E4", "F4", "G4")] == ["预算数", 1, "其中：财政资金", 1, "其他资金", None]
    assert ws["C4"].number_format == "0.00"
    assert ws["B5"].value == "用于2021年度优秀科技特派员奖励资金"
    assert [ws[c].value for c in ("B6", "D6", "F6", "G6")] == ["3月底", "6月底", "10月底", "12月底"]
    assert ws["B7"].value == 1 and ws["B7"].number_format == "0%"  # Excel shows 100%
    assert ws["B8"].value == "1.目标内容1"
    assert [ws[f"{c}9"].value for c in "ABCDFG"] == ["一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据"]
    assert [ws[f"{c}10"].value for c in "ABCDFG"] == ["产出指标", "数量指标", "奖补数量", "优秀特派员奖励人数", "≥5人", "资金发放表"]
    merges = {str(m) for m in ws.merged_cells.ranges}
    assert {"B3:C3", "E3:G3", "A4:A5", "B5:G5", "A6:A7", "B6:C6", "D6:E6", "B8:G8", "D9:E9",
            "A10:A13", "A14:A15", "D10:E10"} <= merges
    assert ws["A10"].border.left.style == "thin" and ws["D10"].alignment.wrap_text
    assert int(ws.page_setup.paperSize) == 9  # A4 and ws.page_setup.orientation == "portrait"
    assert ws.page_setup.fitToWidth == 1 and ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.print_title_rows == "$9:$9"  # the indicator header repeats on every printed page
    assert ws.column_dimensions["E"].width > 0 and ws.row_dimensions[5].height >= 20


def test_units_without_projects_are_listed_on_the_contents_sheet(tmp_path):
    write_workbook(example_document(), tmp_path / "a.xlsx")
    ws = openpyxl.load_workbook(tmp_path / "a.xlsx")["目录"]
    rows = [tuple(c.value for c in row[:5]) for row in ws.iter_rows(min_row=3)]
    assert rows[0][:3] == ("预算单位", "339003", "唐山市丰润区科学技术局")
    assert rows[1] == (1, "13020822P00871410001L", "优秀科技特派员奖励（2021年借款）", 1, "1.优秀科技特派员奖励（2021年借款）")
    assert rows[2][:3] == ("预算单位", "339004", "没有项目的单位")
    assert rows[3][0] == "合计"


def test_generated_document_round_trips_and_writing_is_deterministic(tmp_path):
    document = generate_document(projects=25, seed=7, units=3)
    first, second = io.BytesIO(), io.BytesIO()
    write_workbook(document, first)
    write_workbook(document, second)
    assert first.getvalue() == second.getvalue()
    (tmp_path / "g.xlsx").write_bytes(first.getvalue())
    assert read_workbook(tmp_path / "g.xlsx") == document


def test_text_that_looks_like_a_formula_is_written_as_text(tmp_path):
    document = example_document()
    document.units[0].projects[0].indicators[0].value = "=1+1"
    document.units[0].projects[0].indicators[1].value = "@SUM(A1)"
    write_workbook(document, tmp_path / "f.xlsx")
    ws = openpyxl.load_workbook(tmp_path / "f.xlsx").worksheets[2]
    assert ws["F10"].value == "=1+1" and ws["F10"].data_type == "s" and ws["F10"].quotePrefix
    assert ws["F11"].value == "@SUM(A1)" and ws["F11"].data_type == "s"
    assert load_document(tmp_path / "f.xlsx").units[0].projects[0].indicators[0].value == "=1+1"


def test_xlsx_to_model_to_xlsx_and_via_json_keep_every_cell(tmp_path):
    original = tmp_path / "o.xlsx"
    write_workbook(generate_document(projects=12, seed=3, units=2), original)
    save_document(load_document(original), tmp_path / "again.xlsx")
    save_document(load_document(original), tmp_path / "via.json")
    save_document(load_document(tmp_path / "via.json"), tmp_path / "back.xlsx")
    expected = cell_values(original)
    assert cell_values(tmp_path / "again.xlsx") == expected
    assert cell_values(tmp_path / "back.xlsx") == expected
    assert original.read_bytes() == (tmp_path / "back.xlsx").read_bytes()


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(document=documents)
def test_any_document_round_trips_through_xlsx_and_json(document):
    buffer = io.BytesIO()
    write_workbook(document, buffer)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "h.xlsx"
        path.write_bytes(buffer.getvalue())
        assert read_workbook(path) == document
        save_document(document, Path(folder) / "h.json")
        assert load_document(Path(folder) / "h.json") == document


def test_checkpoints_labelled_like_the_indicator_header_stay_checkpoints(tmp_path):
    # Found by hypothesis: a plan whose labels were 一级指标, 二级指标 was read as the header.
    plan = SpendingPlan.of([None, "40"], labels=["一级指标", "二级指标"])
    rows = [Indicator(level1="产出指标", level2="数量指标", level3="奖补数量", value="≥200家")]
    document = Document(units=[BudgetUnit(code="1", name="u", projects=[
        Project(name="p", spending_plan=plan, indicators=rows)])])
    save_document(document, tmp_path / "plan.xlsx")
    project = load_document(tmp_path / "plan.xlsx").project(0, 0)
    assert [(c.label, c.value) for c in project.spending_plan.checkpoints] == [("一级指标", None),
                                                                             ("二级指标", Decimal("40"))]
    assert [(i.level3, i.value) for i in project.indicators] == [("奖补数量", "≥200家")]


def test_sheet_names_are_safe_short_and_unique(tmp_path):
    names = ["a/b:c*?[x]\\'", "很长的项目名称" * 8, "很长的项目名称" * 8, "", "History"]
    document = Document(units=[BudgetUnit(code="1", name="u", projects=[Project(name=n) for n in names])])
    write_workbook(document, tmp_path / "n.xlsx")
    sheets = openpyxl.load_workbook(tmp_path / "n.xlsx").sheetnames[2:]
    assert sheets[0] == "1.abcx" and sheets[3] == "4.项目" and sheets[4] == "5.History"
    assert all(len(s) <= 31 for s in sheets) and len({s.lower() for s in sheets}) == len(sheets)
    assert read_workbook(tmp_path / "n.xlsx") == document
