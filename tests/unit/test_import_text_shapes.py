"""Texts shaped as other counties' copies are, beyond the two samples.

1. A PDF extract (a row per line, cells split by tabs) whose rows a line break or a page
   break cut: the rest of a row on the next line, or on the next page after a page number,
   a running header and the repeated header row; the tail of one cell on a line of its own.
2. A PDF viewer's copy (Adobe Reader) without a single tab, every cell wrapped over lines.
3. Texts far too large, or full of noise: read in linear time, refused or noted, in seconds.

Every text is written here by hand (``→`` stands for a tab), and so is every expected value.
"""

from __future__ import annotations

import time
from decimal import Decimal

import pytest

from perfdesk.errors import FileFormatError
from perfdesk.importers import import_text
from perfdesk.model import QUARTER_CHECKPOINTS, DocumentStatus, Indicator, SpendingPlan


def row(*cells: str) -> Indicator:
    return Indicator(**dict(zip(("level1", "level2", "level3", "description", "value", "basis"), cells)))


def line_of(text: str, start: str, whole: bool = False) -> int:
    """The number of the first line of ``text`` that starts with ``start`` (→ for a tab), or
    that is ``start`` when ``whole``."""
    start = start.replace("→", "\t")
    return next(number for number, line in enumerate(text.split("\n"), start=1)
                if line == start or (not whole and line.startswith(start)))


def plan(*values: str | None) -> SpendingPlan:
    return SpendingPlan.of([None if v is None else Decimal(v) for v in values])


# ------------------------------------------------------------ 1. rows cut by breaks
# Three tables. The first has a row whose 描述 goes on at the start of the next line with the
# rest of the row, a 依据 whose end sits on a line with the row's closing tab, and a row cut by
# a page break (page number, running header, repeated header row between its two halves).
# The second has its 资金用途 cut by a page break, a 描述 whose end is on a line of its own in
# its own column, and a 二级指标 cut by a page break ("服务对象满" / "意度指标"). The third has
# a goal cut by a page break and a row cut by a page break, its rest in its own columns.
TAB_TEXT = """\
某某县科学技术局
2025年部门预算绩效文本
（正式）
第二部分 预算项目绩效目标
1.科技特派员奖补资金绩效目标表
100101 某某县科学技术局本级
单位：万元
项目编码→13012325P00000110001A→→项目名称→科技特派员奖补资金→→
预算规模及资金用途→预算数→5.00→其中：财政资金→5.00→其他资金→
→用于奖励优秀科技特派员→→→→→
资金支出计划（%）→3月底→→6月底→→10月底→12月底
→30%→→60%→→90%→100%
绩效目标→1.奖励优秀科技特派员5人 2.带动农民增收→→→→→
一级指标→二级指标→三级指标→绩效指标描述→指标值→指标值确定依据→
产出指标→数量指标→奖补人数→优秀科技特派员奖励
人数→≥5人→资金发放表→
→质量指标→奖补合格率→奖补对象符合条件的比例→100%→工作
标准→
→时效指标→发放时间→奖补资金发放
— 3 —
某某县科学技术局2025年部门预算绩效文本
一级指标→二级指标→三级指标→绩效指标描述→指标值→指标值确定依据→
时间→年底前→工作计划→
→成本指标→人均奖励→每名特派员奖励金额→≤1万元→计划标准→
效益指标→社会效益指标→带动农户增收→带动服务农户增收→≥100户→工作计划→
满意度指标→服务对象满意度指标→农户满意度→服务农户满意度→≥95%→问卷调查→

2.科技创新券补助资金绩效目标表
100101 某某县科学技术局本级
单位：万元
项目编码→13012325P00000210001B→→项目名称→科技创新券补助资金→→
预算规模及资金用途→预算数→20.00→其中：财政资金→15.00→其他资金→5.00
→用于中小企业购买科技服务的
第 4 页
某某县科学技术局2025年部门预算绩效文本
创新券补助→→→→→
资金支出计划（%）→3月底→→6月底→→10月底→12月底
→20%→→50%→→80%→100%
绩效目标→1.发放创新券支持企业30家 2.带动企业研发投入→→→→→
→3.提升企业创新能力→→→→→
一级指标→二级指标→三级指标→绩效指标描述→指标值→指标值确定依据→
产出指标→数量指标→支持企业数→获得创新券的企业数量→≥30家→工作计划→
→质量指标→服务合格率→科技服务验收合格的→≥95%→行业标准→
→→→比例
→时效指标→兑付时间→创新券兑付完成时间→2025年11月底前→工作计划→
→成本指标→单个企业补助→每家企业补助上限→≤0.5万元→计划标准→
效益指标→经济效益指标→带动研发投入→带动企业研发投入金额→≥100万元→工作计划→
满意度指标→服务对象满→企业满意度→服务企业的满意度→≥95%→问卷调查→
- 5 -
某某县科学技术局2025年部门预算绩效文本
一级指标→二级指标→三级指标→绩效指标描述→指标值→指标值确定依据→
→意度指标→→→→→

3.科普活动经费绩效目标表
100101 某某县科学技术局本级
单位：万元
项目编码→13012325P00000310001C→→项目名称→科普活动经费→→
预算规模及资金用途→预算数→3.00→其中：财政资金→3.00→其他资金→
→用于举办科普日活动→→→→→
资金支出计划（%）→3月底→→6月底→→10月底→12月底
→→→50%→→80%→100%
绩效目标→1.举办科普活动3场 2.向青少年普及科学→→→→→
第 6 页
→知识 3.提升公民科学素质→→→→→
一级指标→二级指标→三级指标→绩效指标描述→指标值→指标值确定依据→
产出指标→数量指标→活动场次→举办科普活动场次→≥3场→工作计划→
→质量指标→活动覆盖→参与活动的群众
- 7 -
一级指标→二级指标→三级指标→绩效指标描述→指标值→指标值确定依据→
→→人数→人次→≥500人次→工作计划→
效益指标→社会效益指标→公民科学素质→提升公民科学素质水平→稳步提升→工作计划→
满意度指标→服务对象满意度指标→群众满意度→参与群众满意度→≥90%→问卷调查→
""".replace("→", "\t")



@pytest.fixture(scope="module")
def tabs():
    return import_text(TAB_TEXT)


def test_every_field_of_rows_cut_at_line_and_page_breaks_lands_in_its_column(tabs) -> None:
    first, second, third = (project for _, _, _, project in tabs.document.projects())
    assert first.indicators == [
        row("产出指标", "数量指标", "奖补人数", "优秀科技特派员奖励人数", "≥5人", "资金发放表"),
        row("产出指标", "质量指标", "奖补合格率", "奖补对象符合条件的比例", "100%", "工作标准"),
        row("产出指标", "时效指标", "发放时间", "奖补资金发放时间", "年底前", "工作计划"),
        row("产出指标", "成本指标", "人均奖励", "每名特派员奖励金额", "≤1万元", "计划标准"),
        row("效益指标", "社会效益指标", "带动农户增收", "带动服务农户增收", "≥100户", "工作计划"),
        row("满意度指标", "服务对象满意度指标", "农户满意度", "服务农户满意度", "≥95%", "问卷调查"),
    ]
    assert second.indicators == [
        row("产出指标", "数量指标", "支持企业数", "获得创新券的企业数量", "≥30家", "工作计划"),
        row("产出指标", "质量指标", "服务合格率", "科技服务验收合格的比例", "≥95%", "行业标准"),
        row("产出指标", "时效指标", "兑付时间", "创新券兑付完成时间", "2025年11月底前", "工作计划"),
        row("产出指标", "成本指标", "单个企业补助", "每家企业补助上限", "≤0.5万元", "计划标准"),
        row("效益指标", "经济效益指标", "带动研发投入", "带动企业研发投入金额", "≥100万元", "工作计划"),
        row("满意度指标", "服务对象满意度指标", "企业满意度", "服务企业的满意度", "≥95%", "问卷调查"),
    ]
    assert third.indicators == [
        row("产出指标", "数量指标", "活动场次", "举办科普活动场次", "≥3场", "工作计划"),
        row("产出指标", "质量指标", "活动覆盖人数", "参与活动的群众人次", "≥500人次", "工作计划"),
        row("效益指标", "社会效益指标", "公民科学素质", "提升公民科学素质水平", "稳步提升", "工作计划"),
        row("满意度指标", "服务对象满意度指标", "群众满意度", "参与群众满意度", "≥90%", "问卷调查"),
    ]


def test_head_fields_cut_by_page_breaks_are_whole(tabs) -> None:
    first, second, third = (project for _, _, _, project in tabs.document.projects())
    assert [(p.code, p.name) for p in (first, second, third)] == [
        ("13012325P00000110001A", "科技特派员奖补资金"),
        ("13012325P00000210001B", "科技创新券补助资金"),
        ("13012325P00000310001C", "科普活动经费"),
    ]
    assert (second.budget_total, second.budget_fiscal, second.budget_other) == (
        Decimal("20.00"), Decimal("15.00"), Decimal("5.00"))
    assert second.purpose == "用于中小企业购买科技服务的创新券补助"
    assert second.goals == ["发放创新券支持企业30家", "带动企业研发投入", "提升企业创新能力"]
    assert third.goals == ["举办科普活动3场", "向青少年普及科学知识", "提升公民科学素质"]
    assert first.spending_plan == plan("30", "60", "90", "100")
    assert third.spending_plan == plan(None, "50", "80", "100")
    assert (tabs.document.department, tabs.document.year) == ("某某县科学技术局", 2025)


def test_each_joined_line_is_noted_where_it_stands(tabs) -> None:
    joined = [n.line for n in tabs.notes if "后半" in n.reason or "并入上一行" in n.reason]
    assert joined == [line_of(TAB_TEXT, start) for start in (
        "人数→≥5人", "标准→", "时间→年底前", "创新券补助→", "→→→比例", "→意度指标", "→→人数→人次")]
    headers = [n.line for n in tabs.notes if "页眉" in n.reason]
    assert len(headers) == 3
    assert not tabs.warnings
    assert not any("未导入" in n.reason for n in tabs.notes if "页眉" not in n.reason)


def test_a_short_line_with_a_label_is_a_row_of_its_own() -> None:
    # Two short lines whose second opens with a label are two rows, not one cut in two.
    text = TAB_TEXT.replace("→用于奖励优秀科技特派员→→→→→", "→用于奖励优秀科技特派员")
    first = import_text(text).document.project(0, 0)
    assert first.purpose == "用于奖励优秀科技特派员"
    assert first.spending_plan == plan("30", "60", "90", "100")


# ------------------------------------------------- 2. a PDF viewer's copy, cells wrapped
# No tab anywhere: one space between the cells of a printed line, a long cell going on in the
# lines below. Table 1: code and name each wrapped, the name's label between the code's two
# pieces; 产出指标 printed on the second of its rows (the merged cell's middle); a 描述 whose
# end "数" is on a line of its own; 满意度指标 and 服务对象满意度指标 each cut in two. Table 2:
# the label 其中：财政资金 cut (its "资金" on the next line, before the 资金用途 text), two plan
# values for four checkpoints, a goal wrapped, a row with only three cells, a page break with
# its running header and the header row repeated (wrapped too). Table 3: 项目名称 before
# 项目编号, a plan by quarter, a value the PDF spaced out ("2022 年 9 月底前"), 效果指标.
WRAPPED_TEXT = """\
唐山市丰润区科学技术局
2022年部门预算绩效文本
（正式）
第二部分 预算项目绩效目标
1.科技特派员奖补绩效目标表
339003 唐山市丰润区科学技术局 单位：万元
项目编码 13020822P0087
1410001L 项目名称 科技特派
员奖补
预算规模及 预算数 1.00 其中：财政资金 1.00 其他资金
资金用途 用于2021年度优秀科技特派员奖励资金
资金支出计划 3月底 6月底 10月底 12月底
（%） 30% 60% 90% 100%
绩效目标 1.奖励优秀科技特派员5人 2.带动农民增收
一级指标 二级指标 三级指标 绩效指标描述 指标值 指标值确定
依据
数量指标 奖补数量 优秀特派员奖励人 ≥5人 资金发放表
数
产出指标 质量指标 奖补质量 优秀特派员质量 ≥95% 工作标准
时效指标 奖补时间 奖励金发放时间 年底之前 工作计划
成本指标 奖补成本 奖励金发放成本 ≤0.2万元 历史标准
效益指标 社会效益指标 社会影响 优秀特派员的社会影响 ≥95% 工作计划
满意度指 服务对象满 受益人员满意度 符合奖励人员满意度 ≥95% 问卷调查
标 意度指标
2.科技创新扶持资金绩效目标表
339003 唐山市丰润区科学技术局 单位：万元
项目编码 13020822P00933810001D 项目名称 科技创新扶持资金
预算规模及 预算数 300.00 其中：财政 250.00 其他资金 50.00
资金用途 资金 用于支持企业研发平台建设和科技成果
转化
资金支出计划 3月底 6月底 10月底 12月底
（%） 60% 100%
绩效目标 1.支持企业建设研发平台 2.推动科技成果在本地转化 3.培育高新技术
企业
一级指标 二级指标 三级指标 绩效指标描述 指标值 指标值确定
依据
产出指标 数量指标 扶持企业数量 扶持企业研发平台数量 ≥10家 工作计划
质量指标 平台验收合格率 ≥90% 行业标准
- 5 -
唐山市丰润区科学技术局2022年部门预算绩效文本
一级指标 二级指标 三级指标 绩效指标描述 指标值 指标值确定
依据
时效指标 资金拨付时间 扶持资金拨付时间 年底前 工作计划
效益指标 经济效益指标 带动企业研发投入 带动企业研发投入金额 ≥500万元 工作计划
满意度指标 服务对象满意度指标 企业满意度 扶持企业满意度 ≥90% 问卷调查
3.科普日活动经费绩效目标表
339003 唐山市丰润区科学技术局 单位：万元
项目名称 科普日活动经费 项目编号 13020822P00123410002K
预算规模及 预算数 2.50 其中：财政资金 2.50 其他资金
资金用途 用于举办全国科普日活动
资金支出计划 第一季度 第二季度 第三季度 第四季度
（%） 10% 40% 80% 100%
绩效目标 1.举办科普日主题活动1次
一级指标 二级指标 三级指标 绩效指标描述 指标值 指标值确定依据
产出指标 数量指标 活动次数 举办科普日活动次数 ≥1次 工作计划
时效指标 完成时间 活动完成时间 2022 年 9 月底前 工作计划
效果指标 社会效益指标 公众参与 参与活动的公众人数 ≥300人 工作计划
满意度指标 服务对象满意度指标 公众满意度 参与公众满意度 ≥90% 问卷调查
"""


@pytest.fixture(scope="module")
def wrapped():
    return import_text(WRAPPED_TEXT)


def test_wrapped_copy_finds_every_project_by_its_code_and_name(wrapped) -> None:
    doc = wrapped.document
    assert (doc.department, doc.year, doc.status) == ("唐山市丰润区科学技术局", 2022, DocumentStatus.FINAL)
    assert [(u.code, u.name) for u in doc.units] == [("339003", "唐山市丰润区科学技术局")]
    assert [(p.code, p.name) for _, _, _, p in doc.projects()] == [
        ("13020822P00871410001L", "科技特派员奖补"),
        ("13020822P00933810001D", "科技创新扶持资金"),
        ("13020822P00123410002K", "科普日活动经费"),
    ]
    assert not wrapped.warnings
    assert wrapped.notes[0].line == 1 and "没有制表符" in wrapped.notes[0].reason


def test_wrapped_copy_amounts_purpose_plan_and_goals(wrapped) -> None:
    first, second, third = (project for _, _, _, project in wrapped.document.projects())
    assert [(p.budget_total, p.budget_fiscal, p.budget_other) for p in (first, second, third)] == [
        (Decimal("1.00"), Decimal("1.00"), None),
        (Decimal("300.00"), Decimal("250.00"), Decimal("50.00")),
        (Decimal("2.50"), Decimal("2.50"), None),
    ]
    assert [p.purpose for p in (first, second, third)] == [
        "用于2021年度优秀科技特派员奖励资金", "用于支持企业研发平台建设和科技成果转化", "用于举办全国科普日活动"]
    assert first.spending_plan == plan("30", "60", "90", "100")
    # Two values for four checkpoints: the plan ends at 100, so they are the last two.
    assert second.spending_plan == plan(None, None, "60", "100")
    assert third.spending_plan == SpendingPlan.of(["10", "40", "80", "100"], QUARTER_CHECKPOINTS)
    assert first.goals == ["奖励优秀科技特派员5人", "带动农民增收"]
    assert second.goals == ["支持企业建设研发平台", "推动科技成果在本地转化", "培育高新技术企业"]
    assert third.goals == ["举办科普日主题活动1次"]


def test_wrapped_copy_indicator_rows(wrapped) -> None:
    first, second, third = (project for _, _, _, project in wrapped.document.projects())
    assert first.indicators == [
        row("产出指标", "数量指标", "奖补数量", "优秀特派员奖励人数", "≥5人", "资金发放表"),
        row("产出指标", "质量指标", "奖补质量", "优秀特派员质量", "≥95%", "工作标准"),
        row("产出指标", "时效指标", "奖补时间", "奖励金发放时间", "年底之前", "工作计划"),
        row("产出指标", "成本指标", "奖补成本", "奖励金发放成本", "≤0.2万元", "历史标准"),
        row("效益指标", "社会效益指标", "社会影响", "优秀特派员的社会影响", "≥95%", "工作计划"),
        row("满意度指标", "服务对象满意度指标", "受益人员满意度", "符合奖励人员满意度", "≥95%", "问卷调查"),
    ]
    assert second.indicators == [
        row("产出指标", "数量指标", "扶持企业数量", "扶持企业研发平台数量", "≥10家", "工作计划"),
        row("产出指标", "质量指标", "平台验收合格率", "", "≥90%", "行业标准"),
        row("产出指标", "时效指标", "资金拨付时间", "扶持资金拨付时间", "年底前", "工作计划"),
        row("效益指标", "经济效益指标", "带动企业研发投入", "带动企业研发投入金额", "≥500万元", "工作计划"),
        row("满意度指标", "服务对象满意度指标", "企业满意度", "扶持企业满意度", "≥90%", "问卷调查"),
    ]
    assert third.indicators == [
        row("产出指标", "数量指标", "活动次数", "举办科普日活动次数", "≥1次", "工作计划"),
        row("产出指标", "时效指标", "完成时间", "活动完成时间", "2022年9月底前", "工作计划"),
        row("效果指标", "社会效益指标", "公众参与", "参与活动的公众人数", "≥300人", "工作计划"),
        row("满意度指标", "服务对象满意度指标", "公众满意度", "参与公众满意度", "≥90%", "问卷调查"),
    ]


def test_wrapped_copy_notes_what_it_could_not_place_surely(wrapped) -> None:
    placed = {(n.line, n.text) for n in wrapped.notes if "请核对" in n.reason}
    assert placed == {
        (line_of(WRAPPED_TEXT, "数", whole=True), "数"),
        (line_of(WRAPPED_TEXT, "（%） 60%"), "60% 100%"),
        (line_of(WRAPPED_TEXT, "质量指标 平台验收合格率"), "平台验收合格率 ≥90% 行业标准"),
    }
    # The cut names, the label's "资金", the wrapped header and the page's furniture are no
    # content: nothing else is reported but the running header.
    others = [n for n in wrapped.notes[1:] if "请核对" not in n.reason]
    assert [(n.line, "页眉" in n.reason) for n in others] == [
        (line_of(WRAPPED_TEXT, "唐山市丰润区科学技术局2022年"), True)]


def test_wrapped_piece_before_any_row_is_noted_not_dropped() -> None:
    text = WRAPPED_TEXT.replace("依据\n数量指标 奖补数量", "依据\n（单位：人）\n数量指标 奖补数量")
    result = import_text(text)
    (note,) = [n for n in result.notes if n.text == "（单位：人）"]
    assert note.line == line_of(text, "（单位：人）") and "未导入" in note.reason
    assert result.document.project(0, 0).indicators[0].description == "优秀特派员奖励人数"


def test_mof_framework_names_begin_rows_too() -> None:
    # The framework is data: under the Ministry's, 成本指标 is a 一级指标 with its own 二级指标.
    text = WRAPPED_TEXT.replace("成本指标 奖补成本 奖励金发放成本", "成本指标 经济成本指标 奖补成本 奖励金发放成本")
    project = import_text(text, framework="mof2021").document.project(0, 0)
    assert row("成本指标", "经济成本指标", "奖补成本", "奖励金发放成本", "≤0.2万元", "历史标准") in project.indicators


# ------------------------------------------- never a quiet success with projects unread
def test_code_lines_not_read_as_projects_are_a_loud_warning() -> None:
    # A PDF extract (tabs elsewhere) whose second and third tables lost their tabs: their
    # titles make projects, but nothing of the tables was read.
    lines = TAB_TEXT.split("\n")
    second, third = line_of(TAB_TEXT, "项目编码→13012325P00000210001B"), line_of(TAB_TEXT, "项目编码→13012325P00000310001C")
    for number in (second, third):
        lines[number - 1] = lines[number - 1].replace("\t", " ")
    result = import_text("\n".join(lines))
    assert result.document.project_count() == 3
    (warning,) = [w for w in result.warnings if "项目编码" in w]
    assert warning.startswith("【导入不完整】原文有 3 行项目编码")
    assert f"第 {second}、{third} 行" in warning
    assert result.notes[0].reason.startswith("【导入不完整】")


def test_a_text_whose_tables_cannot_be_found_is_never_a_quiet_success() -> None:
    # The 目录 keeps its tabs, the tables none (each label with its value on one line): no
    # project is read, and the import says so, naming the lines.
    text = ("某某县科学技术局\n2025年部门预算绩效文本\n目录\n第一部分 部门整体绩效目标\t1\n"
            "第一部分 部门整体绩效目标\n一、总体绩效目标\n推动科技创新。\n"
            "项目编码：13012325P00000110001A 项目名称：科技特派员奖补资金\n预算数：5.00\n"
            "项目编码：13012325P00000210001B 项目名称：科技创新券补助资金\n预算数：20.00\n")
    result = import_text(text)
    assert result.document.project_count() == 0
    assert any(w.startswith("【导入不完整】原文有 2 行项目编码，读到 0 个项目") and "第 8、10 行" in w
               for w in result.warnings)


def test_the_command_line_says_an_incomplete_import_with_its_status(tmp_path, capsys) -> None:
    """`perfdesk import` writes what it read but exits 1 (not 0) when the import is far from
    complete, so that a script does not take it for done; the warning is on stderr."""
    from perfdesk.cli.main import main

    source = tmp_path / "copied.txt"
    source.write_text("某某县科学技术局\n2025年部门预算绩效文本\n目录\n第一部分 部门整体绩效目标\t1\n"
                      "第一部分 部门整体绩效目标\n一、总体绩效目标\n推动科技创新。\n"
                      "项目编码：13012325P00000110001A 项目名称：科技特派员奖补资金\n预算数：5.00\n", "utf-8")
    assert main(["import", str(source), str(tmp_path / "out.xlsx")]) == 1
    assert "【导入不完整】" in capsys.readouterr().err
    assert (tmp_path / "out.xlsx").is_file()


def test_wrapped_labels_run_together_with_their_values_are_read() -> None:
    text = ("项目编码：13012325P00000110001A；项目名称：科技特派员奖补资金\n"
            "预算规模及 资金用途 预算数 5.00 其中：财政 资金 5.00 其他资金\n"
            "用于奖励优秀科技特派员\n")
    project = import_text(text).document.project(0, 0)
    assert (project.code, project.name) == ("13012325P00000110001A", "科技特派员奖补资金")
    assert (project.budget_total, project.budget_fiscal, project.purpose) == (
        Decimal("5.00"), Decimal("5.00"), "用于奖励优秀科技特派员")


# ----------------------------------------------------- 3. linear time, sane limits
# Sanity bounds only (speed is measured in benchmarks/import_text.py): a step that grew with
# the square of the text would take minutes here, not seconds.
SECONDS = 10.0


def timed(function):  # noqa: ANN001, ANN201
    start = time.perf_counter()
    outcome = function()
    return outcome, time.perf_counter() - start


def refusal(text: str) -> str:
    with pytest.raises(FileFormatError) as caught:
        import_text(text)
    return str(caught.value)


@pytest.mark.parametrize("line", ["项目名称\t科技项目", "项目名称 科技项目", "项目编码\t13012325P00000110001A"])
def test_five_thousand_tables_are_refused_in_seconds(line: str) -> None:
    message, seconds = timed(lambda: refusal((line + "\n") * 5000))
    assert "读到 5000 个项目，不像是一份部门预算绩效文本" in message
    assert seconds < SECONDS


def test_five_thousand_titles_without_tables_are_refused_once_read() -> None:
    # No label to count beforehand: the titles make the projects, counted when read.
    text = "".join(f"{n}.科技项目{n}绩效目标表\n" for n in range(1, 5001))
    message, seconds = timed(lambda: refusal(text))
    assert "读到 5000 个项目，不像是一份部门预算绩效文本" in message
    assert seconds < SECONDS


def test_five_thousand_projects_worth_of_tables_are_refused_in_seconds() -> None:
    table = TAB_TEXT[TAB_TEXT.index("1.科技特派员"):TAB_TEXT.index("2.科技创新券")]
    message, seconds = timed(lambda: refusal(table * 5000))
    assert "读到 5000 个项目" in message
    assert seconds < SECONDS


NOISE = "".join(chr(0x4E00 + (i * 7919) % 20000) for i in range(40))


def test_fifty_thousand_lines_of_noise_inside_a_table_are_noted_in_seconds() -> None:
    table = TAB_TEXT[:TAB_TEXT.index("2.科技创新券")]
    text = table + "\n".join(NOISE[i % 20:] + NOISE[:i % 20] for i in range(50_000)) + "\n"
    result, seconds = timed(lambda: import_text(text))
    assert seconds < SECONDS
    assert result.document.project_count() == 1
    # A blank line ends the table: the noise is no table's, and every line of it is noted.
    assert sum(1 for n in result.notes if "未导入" in n.reason) >= 50_000
    assert result.warnings  # most of the text became notes: a loud warning heads them


def test_a_cell_wrapped_over_fifty_thousand_lines_is_read_in_seconds() -> None:
    table = WRAPPED_TEXT[:WRAPPED_TEXT.index("2.科技创新扶持资金")]
    cut = table.index("产出指标 质量指标")
    text = table[:cut] + "".join(f"{NOISE[i % 20:i % 20 + 3]}\n" for i in range(50_000)) + table[cut:]
    result, seconds = timed(lambda: import_text(text))
    assert seconds < SECONDS
    indicators = result.document.project(0, 0).indicators
    assert len(indicators) == 6 and len(indicators[0].description) == len("优秀特派员奖励人数") + 150_000


def test_fifty_thousand_lines_of_noise_alone_are_refused_in_seconds() -> None:
    text = "\n".join(" ".join(NOISE[i % 20:i % 20 + 10]) for i in range(50_000))
    message, seconds = timed(lambda: refusal(text))
    assert "没有在文件中找到部门预算绩效文本的内容" in message
    assert seconds < SECONDS


def test_a_title_broken_just_before_its_last_character_is_one_title() -> None:
    """A PDF line ends after “绩效目标” and “表” stands alone on the next line."""
    text = TAB_TEXT.replace("3.科普活动经费绩效目标表\n", "3.科普活动经费绩效目标\n表\n")
    assert text != TAB_TEXT
    result = import_text(text)
    names = [project.name for _, _, _, project in result.document.projects()]
    assert names[-1] == "科普活动经费" and len(names) == 3
    assert not [note for note in result.notes if note.text in ("表", "3.科普活动经费绩效目标")]
