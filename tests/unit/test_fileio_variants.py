"""Hand-filled workbooks (tests/data/workbooks, made by make_variants.py) read to the documents a
clerk typed. Expected values are written here by hand from the cells of each workbook."""

from __future__ import annotations

import importlib.util
from decimal import Decimal
from pathlib import Path

import openpyxl

from perfdesk.fileio import load_document
from perfdesk.model import BudgetUnit, Checkpoint, Indicator, Measure, Project, SpendingPlan, SubGoal

WORKBOOKS = Path(__file__).resolve().parents[1] / "data" / "workbooks"
MONTHS = ("3月底", "6月底", "10月底", "12月底")
ROWS_A = [
    Indicator(level1="产出指标", level2="数量指标", level3="奖补数量", description="优秀特派员奖励人数", value="≥5人", basis="资金发放表"),
    Indicator(level1="产出指标", level2="数量指标", level3="培训人次", description="组织培训人次", value="≥100人次", basis="工作计划"),
    Indicator(level1="产出指标", level2="时效指标", level3="发放时间", description="奖励金发放时间", value="年底之前", basis="工作计划"),
    Indicator(level1="效益指标", level2="社会效益指标", level3="社会影响", description="特派员的社会影响", value="效果明显", basis="工作计划"),
    Indicator(level1="满意度指标", level2="服务对象满意度指标", level3="满意度", description="受奖励人员满意度", value="≥95%", basis="问卷调查"),
]


def plan(*values, labels=MONTHS) -> SpendingPlan:
    return SpendingPlan(checkpoints=[Checkpoint(label=label, value=None if v is None else Decimal(v))
                                     for label, v in zip(labels, values)])


def test_tables_stacked_on_one_sheet_with_two_units():
    document = load_document(WORKBOOKS / "stacked.xlsx")
    assert [(u.code, u.name) for u in document.units] == [("339003", "唐山市丰润区科学技术局"),
                                                          ("339004", "唐山市丰润区科学技术协会")]
    first, second = document.units[0].projects
    assert first == Project(code="13020822P00871410001L", name="科技特派员奖补", budget_total=Decimal("1.00"),
                            budget_fiscal=Decimal("1.00"), budget_other=None, purpose="用于优秀科技特派员奖励",
                            spending_plan=plan(30, 60, 90, 100), goals=["奖励优秀科技特派员", "带动科技服务"],
                            indicators=ROWS_A)
    # The second table has no unit line of its own: it belongs to the unit above it.
    assert second == Project(code="13020822P00871410002M", name="科普宣传经费", budget_total=Decimal("2.50"),
                             budget_fiscal=Decimal("2.00"), budget_other=Decimal("0.50"), purpose="科普宣传",
                             spending_plan=plan(25, 50, 75, 100), goals=["开展科普宣传"], indicators=ROWS_A[:2])
    (third,) = document.units[1].projects
    assert third.name == "协会运行经费" and third.spending_plan == plan(None, None, None, 100)
    assert third.indicators == ROWS_A[4:]


def test_project_number_label_effect_indicators_quarters_and_cumulative_heading():
    document = load_document(WORKBOOKS / "other-labels.xlsx")
    assert document.units == [BudgetUnit(code="112001", name="某县工业和信息化局", projects=[Project(
        code="604002B16DX0021", name="安全生产检查经费", budget_total=Decimal(20), budget_fiscal=Decimal(20),
        purpose="检查检测", spending_plan=plan(30, 60, 90, 100, labels=("第一季度", "第二季度", "第三季度", "第四季度")),
        goals=["完成年度检查"],
        indicators=[
            Indicator(level1="产出指标", level2="数量指标", level3="检测次数", description="年度检测次数", value="4次", basis="工作计划"),
            # The older spelling is kept as typed; the framework knows it as an alias of 效益指标.
            Indicator(level1="效果指标", level2="社会效益指标", level3="安全水平", description="全区安全生产水平",
                      value="稳步提升", basis="行业标准"),
        ])])]


def test_percentages_typed_as_fractions_formatted_as_percent():
    project = load_document(WORKBOOKS / "percent-fraction.xlsx").units[0].projects[0]
    assert project.spending_plan == plan(30, 60, 90, 100)
    assert (project.budget_total, project.budget_fiscal, project.budget_other) == (
        Decimal("12.50"), Decimal("10.00"), Decimal("2.50"))


def test_level_names_merged_repeated_or_blank_under_the_first_and_rows_with_only_a_level2():
    document = load_document(WORKBOOKS / "level-styles.xlsx")
    level2_only = Indicator(level1="效益指标", level2="可持续影响指标")
    expected = ROWS_A[:4] + [level2_only] + ROWS_A[4:]
    merged, repeated, blank = document.units[0].projects
    assert merged.indicators == expected
    assert repeated.indicators == expected
    # The last row carries only 生态效益指标; its 一级 comes from the framework, not from the row above.
    assert blank.indicators == expected + [Indicator(level1="效益指标", level2="生态效益指标")]


def test_numbers_as_text_full_width_stray_spaces_and_line_breaks():
    document = load_document(WORKBOOKS / "messy.xlsx")
    assert (document.department, document.year) == ("某县科学技术局", 2025)
    assert document.part1.overall_goal == "推进科技创新。\n提升服务水平。"
    assert document.part1.sub_goals == [SubGoal(title="科技创新", goal="完成科技项目", indicators="项目数量≥3个")]
    assert document.part1.measures == [Measure(text="加强组织领导", items=["成立领导小组"]), Measure(text="强化资金管理")]
    (unit,) = document.units
    assert (unit.code, unit.name) == ("112001", "某县科学技术局")
    assert unit.projects == [Project(
        code="13020825P0000000009L", name="科技培训经费", budget_total=Decimal("12.50"),
        budget_fiscal=Decimal("1000.00"), budget_other=None, purpose="用于科技培训。",
        spending_plan=plan(30, 60, 90, 100), goals=["开展培训", "提升能力"],
        indicators=[
            Indicator(level1="产出指标", level2="数量指标", level3="培训人次", description="组织科技\n培训人次",
                      value="≥ 100人次", basis="工作计划"),
            Indicator(level1="效益指标", level2="社会效益指标", level3="创新能力", description="全区创新能力",
                      value="稳步提升", basis="工作计划"),
        ])]


def test_part1_typed_down_one_column_as_in_the_published_texts():
    document = load_document(WORKBOOKS / "part1-one-column.xlsx")
    assert document.department == "唐山市丰润区科学技术局" and document.units == []
    part1 = document.part1
    assert part1.overall_goal == ("组织实施全区工业的发展规划，推进产业结构战略性调整和优化升级。\n"
                                  "落实创新驱动发展战略方针。")
    assert part1.sub_goals == [SubGoal(title="科技创新项目支撑", goal="推进实施有关国家和省、市、区科技重大专项。",
                                       indicators="国家和省、市、区科技重大项目的数量，完成工作任务大于等于80%")]
    assert part1.measures == [Measure(text="基础工作保障措施", items=["科技创新环境建设：创新体系进一步完善。"]),
                              Measure(text="机制保障措施", items=["完善制度建设。"])]


def test_committed_fixtures_match_their_builder(tmp_path):
    spec = importlib.util.spec_from_file_location("make_variants", WORKBOOKS / "make_variants.py")
    builder = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(builder)
    builder.main(tmp_path)
    for name in builder.BUILDERS:
        fresh, committed = openpyxl.load_workbook(tmp_path / name), openpyxl.load_workbook(WORKBOOKS / name)
        assert fresh.sheetnames == committed.sheetnames
        for a, b in zip(fresh.worksheets, committed.worksheets):
            assert [[c.value for c in row] for row in a.iter_rows()] == [[c.value for c in row] for row in b.iter_rows()]


def test_blank_template_filled_by_hand_reads_back(tmp_path):
    """`perfdesk new` writes an unmarked template; one typed into with openpyxl reads tolerantly."""
    from perfdesk.fileio import new_template, save_document

    path = tmp_path / "template.xlsx"
    save_document(new_template("某县科学技术局", 2026), path, marked=False)
    workbook = openpyxl.load_workbook(path)
    ws = workbook.worksheets[2]
    ws["B3"], ws["E3"], ws["C4"], ws["E4"] = "13020826P00000000001L", " 科普经费 ", "５.00", "5"
    ws["B7"] = "100%"
    ws["C10"], ws["D10"], ws["F10"], ws["G10"] = "宣传次数", "开展宣传次数", "≥3次", "工作计划"
    workbook.save(path)
    project = load_document(path).units[0].projects[0]
    assert (project.code, project.name, project.budget_total, project.budget_fiscal) == (
        "13020826P00000000001L", "科普经费", Decimal("5.00"), Decimal("5.00"))
    assert project.spending_plan.values == [Decimal(100), None, None, None]
    assert project.indicators[0] == Indicator(level1="产出指标", level2="数量指标", level3="宣传次数",
                                              description="开展宣传次数", value="≥3次", basis="工作计划")
    assert [i.level2 for i in project.indicators[1:4]] == ["质量指标", "时效指标", "成本指标"]
