"""Project tables whose rows a PDF extract or another layout moved about.

The 12月底 value on a line of its own or in front of the next label, a goal wrapped onto a
line without a tab, amounts with more than two decimals or a dash, 项目名称 before 项目编码,
a whole row with a blank cell after a page break, titles without their numbers. Inputs and
expected values are written by hand.
"""

from __future__ import annotations

from decimal import Decimal

from perfdesk.importers import import_text
from perfdesk.model import Indicator

HEAD = (
    "1.测试项目绩效目标表\n"
    "100101 某某局本级\n"
    "单位：万元\n"
    "项目编码\t13012325P00123410001X\t\t项目名称\t测试项目\t\t\n"
    "预算规模及资金用途\t预算数\t4.00\t其中：财政资金\t4.00\t其他资金\t\n"
    "\t用于测试\t\t\t\t\t\n"
)
INDICATORS = (
    "一级指标\t二级指标\t三级指标\t绩效指标描述\t指标值\t指标值确定依据\t\n"
    "产出指标\t数量指标\t数\t数量\t≥1个\t工作计划\t\n"
)
FULL_PLAN = [Decimal("25"), Decimal("50"), Decimal("75"), Decimal("100")]


def only_project(text: str):  # noqa: ANN201
    result = import_text(text)
    assert result.document.project_count() == 1
    return result, result.document.project(0, 0)


# ------------------------------------------------------------ the spending plan
def test_12_month_value_with_its_label_alone_on_the_next_line() -> None:
    text = (HEAD + "资金支出计划（%）\t3 月底\t\t6 月底\t\t10 月底\t\n"
            "\t25%\t\t50%\t\t75%\t\n"
            "12 月底 100%\n"
            "绩效目标\t1.目标一 2.目标二\t\t\t\t\t\n" + INDICATORS)
    result, project = only_project(text)
    assert project.spending_plan.values == FULL_PLAN
    assert project.purpose == "用于测试"
    assert project.goals == ["目标一", "目标二"]
    assert not any(n.line == 9 for n in result.notes)  # label and value together: nothing to guess


def test_12_month_value_alone_under_a_label_in_the_row() -> None:
    text = (HEAD + "资金支出计划（%）\t3月底\t\t6月底\t\t10月底\t12月底\n"
            "\t25%\t\t50%\t\t75%\t\n"
            "100%\n"
            "绩效目标\t1.目标一\t\t\t\t\t\n" + INDICATORS)
    result, project = only_project(text)
    assert project.spending_plan.values == FULL_PLAN
    assert project.purpose == "用于测试"
    (note,) = [n for n in result.notes if n.line == 9]
    assert note.text == "100%" and "资金支出计划" in note.reason


def test_12_month_value_in_front_of_the_goal_label() -> None:
    text = (HEAD + "资金支出计划（%）\t3月底\t\t6月底\t\t10月底\t12月底\n"
            "\t25%\t\t50%\t\t75%\t\n"
            "100%\t绩效目标\t1.目标一 2.目标二\t\t\t\t\n" + INDICATORS)
    _, project = only_project(text)
    assert project.spending_plan.values == FULL_PLAN
    assert project.goals == ["目标一", "目标二"]


def test_12_month_label_in_front_of_the_goal_label_and_its_value_below() -> None:
    text = (HEAD + "资金支出计划（%）\t3月底\t\t6月底\t\t10月底\t\n"
            "\t25%\t\t50%\t\t75%\t\n"
            "12月底\t绩效目标\t1.目标一 2.目标二\t\t\t\t\n"
            "100%\n" + INDICATORS)
    _, project = only_project(text)
    assert project.spending_plan.values == FULL_PLAN
    assert project.goals == ["目标一", "目标二"]
    assert project.purpose == "用于测试"


def test_a_line_after_the_plan_that_is_no_plan_value_goes_nowhere_silently() -> None:
    text = (HEAD + "资金支出计划（%）\t3月底\t\t6月底\t\t10月底\t12月底\n"
            "\t25%\t\t50%\t\t75%\t100%\n"
            "见附件\n"
            "绩效目标\t1.目标一\t\t\t\t\t\n" + INDICATORS)
    result, project = only_project(text)
    assert project.purpose == "用于测试"  # not glued onto the purpose two rows up
    (note,) = [n for n in result.notes if n.line == 9]
    assert note.text == "见附件" and "未导入" in note.reason


def test_goal_wrapped_onto_a_line_without_a_tab() -> None:
    text = (HEAD + "资金支出计划（%）\t3月底\t\t6月底\t\t10月底\t12月底\n"
            "\t25%\t\t50%\t\t75%\t100%\n"
            "绩效目标\t1.目标一 2.目标\t\t\t\t\t\n"
            "二的后半\n" + INDICATORS)
    result, project = only_project(text)
    assert project.goals == ["目标一", "目标二的后半"]
    assert project.purpose == "用于测试"
    (note,) = [n for n in result.notes if n.line == 10]
    assert "绩效目标" in note.reason


# ---------------------------------------------------------------------- amounts
def test_amount_with_four_decimals_is_left_blank_and_noted() -> None:
    text = HEAD.replace("\t4.00\t其中：财政资金\t4.00\t其他资金\t\n", "\t0.1234\t其中：财政资金\t0.1200\t其他资金\t—\n")
    result, project = only_project(text)
    assert project.budget_total is None  # 0.1234 is not rounded to 0.12
    assert project.budget_fiscal == Decimal("0.12")  # 0.1200 is exactly 0.12
    assert project.budget_other is None  # a dash is a blank, as in the workbook reader
    notes = [n for n in result.notes if n.line == 5]
    assert [n.text for n in notes] == ["0.1234"]
    assert "两位小数" in notes[0].reason and "0.12" in notes[0].reason


def test_an_amount_too_large_for_cents_is_noted_not_a_crash() -> None:
    text = HEAD.replace("\t4.00\t其中：财政资金", "\t1e300\t其中：财政资金", 1)
    result, project = only_project(text)
    assert project.budget_total is None and project.budget_fiscal == Decimal("4.00")
    assert [n.text for n in result.notes if n.line == 5] == ["1e300"]


# ---------------------------------------------------------- name before code
NAME_FIRST = (
    "100101 某某局本级\t单位：万元\n"
    "项目名称\t甲项目\t\t项目编码\t13012325P00000110001A\t\t\n"
    "预算规模及资金用途\t预算数\t564.00\t其中：财政资金\t564.00\t其他资金\t\n"
    "\t用于甲\t\t\t\t\t\n"
    "绩效目标\t1.甲目标\t\t\t\t\t\n" + INDICATORS +
    "项目名称\t乙项目\t\t项目编码\t13012325P00000210001B\t\t\n"
    "预算规模及资金用途\t预算数\t1.87\t其中：财政资金\t1.87\t其他资金\t\n"
    "\t用于乙\t\t\t\t\t\n"
    "绩效目标\t1.乙目标\t\t\t\t\t\n" + INDICATORS
)


def test_name_before_code_starts_each_project() -> None:
    result = import_text(NAME_FIRST)
    projects = [p for _, _, _, p in result.document.projects()]
    assert [(p.code, p.name, p.budget_total, p.purpose, p.goals) for p in projects] == [
        ("13012325P00000110001A", "甲项目", Decimal("564.00"), "用于甲", ["甲目标"]),
        ("13012325P00000210001B", "乙项目", Decimal("1.87"), "用于乙", ["乙目标"]),
    ]


def test_a_second_budget_row_without_a_code_row_starts_a_new_project() -> None:
    text = NAME_FIRST.replace("项目名称\t乙项目\t\t项目编码\t13012325P00000210001B\t\t\n", "")
    result = import_text(text)
    first, second = (p for _, _, _, p in result.document.projects())
    assert (first.budget_total, first.purpose) == (Decimal("564.00"), "用于甲")
    assert (second.budget_total, second.purpose) == (Decimal("1.87"), "用于乙")
    (note,) = [n for n in result.notes if n.line == 8]
    assert "另起一个项目" in note.reason


def test_an_amount_read_already_is_not_overwritten() -> None:
    text = HEAD.replace("\t其他资金\t\n", "\t其他资金\t\t预算数\t5.00\n")
    result, project = only_project(text)
    assert project.budget_total == Decimal("4.00")
    (note,) = [n for n in result.notes if n.line == 5]
    assert note.text == "5.00" and "4.00" in note.reason


# ------------------------------------------------------------------ page break
def test_whole_row_with_a_blank_basis_after_a_page_break_is_its_own_row() -> None:
    text = (HEAD + "一级指标\t二级指标\t三级指标\t绩效指标描述\t指标值\t指标值确定依据\t\n"
            "产出指标\t数量指标\t差旅费费用\t下乡次数\t≥200次\t工作计划\t\n"
            "第 7 页\n"
            "一级指标\t二级指标\t三级指标\t绩效指标描述\t指标值\t指标值确定依据\t\n"
            "\t\t支持中小企业家数\t支持的企业数量\t≥4家\t\t\n")
    _, project = only_project(text)
    assert project.indicators == [
        Indicator(level1="产出指标", level2="数量指标", level3="差旅费费用", description="下乡次数",
                  value="≥200次", basis="工作计划"),
        Indicator(level1="产出指标", level2="数量指标", level3="支持中小企业家数", description="支持的企业数量",
                  value="≥4家", basis=""),
    ]


def test_row_cut_by_a_page_break_is_still_joined() -> None:
    text = (HEAD + "一级指标\t二级指标\t三级指标\t绩效指标描述\t指标值\t指标值确定依据\t\n"
            "产出指标\t质量指标\t帮扶单位数量\t给予补贴的各类\t≥4个\t实际工作完成\t\n"
            "— 7 —\n"
            "一级指标\t二级指标\t三级指标\t绩效指标描述\t指标值\t指标值确定依据\t\n"
            "\t\t（个）\t企事业单位个数\t\t情况\t\n")
    _, project = only_project(text)
    assert project.indicators == [
        Indicator(level1="产出指标", level2="质量指标", level3="帮扶单位数量（个）",
                  description="给予补贴的各类企事业单位个数", value="≥4个", basis="实际工作完成情况"),
    ]


# ------------------------------------------------------------ unnumbered titles
def test_titles_without_numbers_start_their_projects() -> None:
    text = NAME_FIRST.replace("100101 某某局本级\t单位：万元\n", "").replace(
        "项目名称\t甲项目", "甲项目绩效目标表\n100101 某某局本级\n项目名称\t甲项目").replace(
        "项目名称\t乙项目", "乙项目绩效目标表\n100101 某某局本级\n项目名称\t乙项目")
    result = import_text(text)
    assert [p.name for _, _, _, p in result.document.projects()] == ["甲项目", "乙项目"]
    assert not any("未导入" in n.reason or "接在" in n.reason for n in result.notes)


def test_title_without_number_wrapped_over_two_lines() -> None:
    text = (HEAD.replace("1.测试项目绩效目标表\n", "") + INDICATORS
            + "关于下达2025年省级专项资金的\n通知绩效目标表\n100101 某某局本级\n"
            + "项目编码\t13012325P00000310001C\t\t项目名称\t关于下达2025年省级专项资金的通知\t\t\n"
            + "预算规模及资金用途\t预算数\t2.00\t其中：财政资金\t2.00\t其他资金\t\n")
    result = import_text(text)
    first, second = (p for _, _, _, p in result.document.projects())
    assert first.indicators[-1].basis == "工作计划"
    assert second.name == "关于下达2025年省级专项资金的通知"
    assert second.budget_total == Decimal("2.00")
    assert not any("表中的项目名称与表题" in n.reason for n in result.notes)
