"""Texts shaped differently from the two samples, as other counties' files are.

tests/data/import holds hand-made variants: a PDF extract with the cover printed twice, a
目录 whose entry wraps, Part 1 lists wrapped over lines, three budget units, a 季度 spending
plan, a value pushed beside the 第四季度 label, a code with a stray space, rows broken at a
page break under a repeated header, 效果指标 (kept as written) and <p> markup, and no 第二部分
heading; and a Word copy with no cover, no 目录, amounts instead of percentages and a stray
note line.
Expected values below are written by hand from those files.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from perfdesk.errors import FileFormatError
from perfdesk.importers import import_file, import_text
from perfdesk.model import QUARTER_CHECKPOINTS, DocumentStatus, Indicator, SpendingPlan

DATA = Path(__file__).resolve().parent.parent / "data" / "import"


def row(*cells: str) -> Indicator:
    return Indicator(**dict(zip(("level1", "level2", "level3", "description", "value", "basis"), cells)))


@pytest.fixture(scope="module")
def pdf_variant():
    return import_file(DATA / "pdf-two-covers-three-units.txt")


@pytest.fixture(scope="module")
def word_variant():
    return import_file(DATA / "word-no-cover-two-units.txt")


def test_cover_printed_twice_is_read_once_and_noted(pdf_variant) -> None:
    doc = pdf_variant.document
    assert (doc.department, doc.year, doc.status) == ("某某县工业和信息化局", 2025, DocumentStatus.DRAFT)
    assert (doc.prepared_by, doc.reviewed_by) == ("某某县工业和信息化局", "某某县财政局")
    assert [n.line for n in pdf_variant.notes if "封面重复" in n.reason] == [8]


def test_part1_lists_wrapped_over_lines(pdf_variant) -> None:
    part1 = pdf_variant.document.part1
    assert part1.overall_goal == "推动全县工业经济平稳运行，培育壮大12家规模以上工业企业。\n做好中小企业服务工作。"
    assert [(s.title, s.goal, s.indicators) for s in part1.sub_goals] == [
        ("工业经济稳增长", "规模以上工业增加值增长6%。", "新增规模以上工业企业不少于5家。"),
        ("中小企业服务", "发放服务券。", "服务企业100家。"),
    ]
    assert [(m.text, m.items) for m in part1.measures] == [
        ("组织保障", ["成立工作专班，明确责任分工。", "定期调度。"]),
        ("资金保障", ["按进度拨付资金。"]),
    ]


def test_three_units_in_order_without_part2_heading(pdf_variant) -> None:
    doc = pdf_variant.document
    assert [(u.code, u.name, [p.name for p in u.projects]) for u in doc.units] == [
        ("100101", "某某县工业和信息化局本级", ["中小企业服务券补助资金"]),
        ("100102", "某某县中小企业服务中心", ["关于下达2025年省级工业转型升级（技术改造）专项资金的通知"]),
        ("100103", "某某县科学技术协会", ["科普活动经费"]),
    ]


def test_quarter_plan_with_value_beside_its_label_and_stray_space_in_code(pdf_variant) -> None:
    project = pdf_variant.document.project(0, 0)
    assert project.code == "13012325P00123410001X"
    assert any(n.line == 49 and "空格" in n.reason for n in pdf_variant.notes)
    assert (project.budget_total, project.budget_fiscal, project.budget_other) == (
        Decimal("50.00"), Decimal("40.00"), Decimal("10.00"))
    assert project.spending_plan == SpendingPlan.of(["10", "40", "70", "100"], QUARTER_CHECKPOINTS)
    assert project.goals == ["服务企业不少于100家", "企业满意度达到95%以上", "带动企业投资"]


def test_rows_broken_at_page_breaks_are_joined(pdf_variant) -> None:
    project = pdf_variant.document.project(0, 0)
    assert project.indicators == [
        row("产出指标", "数量指标", "服务企业数", "使用服务券的企业数量", "≥100家", "工作计划"),
        row("产出指标", "质量指标", "服务合格率", "服务验收合格的比例", "≥95%", "行业标准"),
        row("产出指标", "时效指标", "完成时间", "服务券兑付完成", "2025年11月底前", "工作计划"),
        row("产出指标", "成本指标", "单个企业补助", "每家企业补助上限", "≤0.5万", "计划标准"),
        row("效果指标", "社会效益指标", "带动就业", "带动企业新增就业", "≥50人", "工作计划"),
        row("满意度指标", "服务对象满意度指标", "企业满意度", "服务企业的满意度", "≥95%", "问卷调查"),
    ]
    joined = [n.line for n in pdf_variant.notes if "并入上一行" in n.reason]
    assert joined == [63, 67]
    # The older name is the clerk's text, not something the import changed: nothing to note.
    assert not any(n.line == 64 for n in pdf_variant.notes)


def test_wrapped_title_amount_plan_and_markup(pdf_variant) -> None:
    project = pdf_variant.document.project(1, 0)
    assert project.code == "13012325P00567810001A"
    assert project.budget_other is None
    assert project.spending_plan.values == [Decimal("1.00"), Decimal("2.00"), Decimal("3.00"), Decimal("4.00")]
    assert project.goals == ["<p>支持技改项目2个</p>"]
    assert any(n.line == 78 and "<p>" in n.reason for n in pdf_variant.notes)
    assert project.indicators[1] == row("效益指标", "经济效益指标", "新增产值", "项目投产新增产值", "≥1000万元",
                                        "项目可研报告")


def test_blank_spending_plan_stays_blank(pdf_variant) -> None:
    project = pdf_variant.document.project(2, 0)
    assert project.spending_plan.labels == ["3月底", "6月底", "10月底", "12月底"]
    assert project.spending_plan.values == [None, None, None, None]
    assert project.goals == ["举办科普活动3场"]


def test_word_copy_without_cover_or_toc(word_variant) -> None:
    doc = word_variant.document
    assert (doc.department, doc.year, doc.status) == ("某某区科学技术协会", 2023, DocumentStatus.FINAL)
    assert doc.part1.overall_goal == "保障科普工作正常开展。"
    assert [(s.title, s.goal, s.indicators) for s in doc.part1.sub_goals] == [
        ("科普宣传", "开展科普宣传。", "宣传活动 5 次。")]  # Word text keeps its spaces
    assert [(m.text, m.items) for m in doc.part1.measures] == [("加强组织领导。", []), ("加强资金管理。", [])]


def test_word_copy_projects(word_variant) -> None:
    doc = word_variant.document
    first, second = doc.project(0, 0), doc.project(1, 0)
    assert [(u.code, u.name) for u in doc.units] == [("200201", "某某区科学技术协会"),
                                                     ("200202", "某某区青少年科技活动中心")]
    assert first.spending_plan == SpendingPlan.of(["1.50", "3.00", "4.50", "6.00"], QUARTER_CHECKPOINTS)
    assert first.goals == ["开展科普宣传", "发放宣传册"]  # one cell of two paragraphs
    assert first.indicators == [
        row("产出指标", "数量指标", "宣传次数", "开展科普宣传次数", "≥5次", "工作计划"),
        row("产出指标", "数量指标", "宣传册数量", "发放宣传册数量", "≥1000册", "工作计划"),
        row("效果指标", "社会效益指标", "公众科学素质", "公众科学素质 提升", "稳步提升", "历史标准"),
    ]
    assert (second.budget_total, second.budget_fiscal, second.budget_other) == (
        Decimal("2.00"), Decimal("1.50"), Decimal("0.50"))
    assert second.spending_plan.values == [None, None, Decimal("50"), Decimal("100")]
    assert second.indicators[0].value == "2023 年10月底前"


def test_line_outside_any_table_is_reported_not_dropped(word_variant) -> None:
    (note,) = [n for n in word_variant.notes if n.line == 74]
    assert note.text == "注：以上金额单位均为万元"
    assert "未导入" in note.reason


@pytest.mark.parametrize("text", ["", "   \n\n", "你好，这是一封信。\n祝好", "a\tb\tc\n1\t2\t3"])
def test_unrecognisable_text_gives_a_clear_message(text: str) -> None:
    with pytest.raises(FileFormatError) as caught:
        import_text(text)
    assert "没有在文件中找到部门预算绩效文本" in str(caught.value)


def test_project_without_unit_line_is_kept_and_noted() -> None:
    text = "1.测试项目绩效目标表\n项目编码\tX1\t\t项目名称\t测试项目\t\t\n预算规模及资金用途\t预算数\t1.00\t其中：财政资金\t1.00\t其他资金\t\n"
    result = import_text(text)
    assert [(u.code, u.name) for u in result.document.units] == [("", "")]
    assert result.document.project(0, 0).budget_total == Decimal("1.00")
    assert any("预算单位" in n.reason for n in result.notes)


def test_bad_amount_is_noted_and_left_blank() -> None:
    text = "项目编码\tX1\t\t项目名称\t测试\t\t\n预算规模及资金用途\t预算数\t一百万\t其中：财政资金\t1.00\t其他资金\t\n"
    result = import_text(text)
    project = result.document.project(0, 0)
    assert project.budget_total is None and project.budget_fiscal == Decimal("1.00")
    assert any(n.line == 2 and n.text == "一百万" for n in result.notes)
