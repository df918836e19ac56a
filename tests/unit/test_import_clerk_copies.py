"""Texts as clerks' copying leaves them: tabs turned into spaces, double spacing, UTF-16,
non-breaking spaces, a Word table copied row by row, page furniture inside a table.

Every input is written here by hand, and so is every expected value.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from perfdesk.importers import import_file, import_text
from perfdesk.model import Indicator

# One small project table as a PDF extract shows it: a row per line, cells split by tabs.
PDF_TABLE = (
    "1.测试项目绩效目标表\n"
    "100101 某某局本级\n"
    "单位：万元\n"
    "项目编码\t13012325P00123410001X\t\t项目名称\t测试项目\t\t\n"
    "预算规模及 资金用途\t预算数\t4.00\t其中：财政 资金\t4.00\t其他资金\t\n"
    "\t用于 2025 年测试\t\t\t\t\t\n"
    "资金支出计划（%）\t3 月底\t\t6 月底\t\t10 月底\t12 月底\n"
    "\t25%\t\t50%\t\t75%\t100%\n"
    "绩效目标\t1.目标一 2.目标二\t\t\t\t\t\n"
    "一级指标\t二级指标\t三级指标\t绩效指标描述\t指标值\t指标值确定依据\t\n"
    "产出指标\t数量指标\t企业数\t支持企业数量\t≥15 家\t工作计划\t\n"
    "\t质量指标\t合格率\t验收合格率\t≥90%\t行业标准\t\n"
)
PDF_INDICATORS = [
    Indicator(level1="产出指标", level2="数量指标", level3="企业数", description="支持企业数量",
              value="≥15家", basis="工作计划"),
    Indicator(level1="产出指标", level2="质量指标", level3="合格率", description="验收合格率",
              value="≥90%", basis="行业标准"),
]

# The same table copied out of Word: a cell per line after a tab, a blank line ends a row.
WORD_TABLE = (
    "1.测试项目绩效目标表\n"
    "\t100101某某局本级\n\t单位：万元\n\n"
    "\t项目编码\n\t13012325P00123410001X\n\t项目名称\n\t测试项目\n\n"
    "\t预算规模及资金用途\n\t预算数\n\t4.00\n\t其中：财政    资金\n\t4.00\n\t其他资金\n\t\n\n"
    "\t\n\t用于测试\n\n"
    "\t资金支出计划（%）\n\t3月底\n\t6月底\n\t10月底\n\t12月底\n\n"
    "\t\n\t25%\n\t50%\n\t75%\n\t100%\n\n"
    "\t绩效目标\n\t1.目标一\n\n"
    "\t一级指标\n\t二级指标\n\t三级指标\n\t绩效指标描述\n\t指标值\n\t指标值确定依据\n\n"
    "\t产出指标\n\t数量指标\n\t企业数\n\t支持企业数量\n\t≥15家\n\t资金发放表\n\n"
    "\t\n\t质量指标\n\t合格率\n\t验收合格率\n\t≥90%\n\t行业标准\n\n"
)
WORD_INDICATORS = [
    Indicator(level1="产出指标", level2="数量指标", level3="企业数", description="支持企业数量",
              value="≥15家", basis="资金发放表"),
    Indicator(level1="产出指标", level2="质量指标", level3="合格率", description="验收合格率",
              value="≥90%", basis="行业标准"),
]


def check_pdf_table(result) -> None:  # noqa: ANN001 - an ImportResult
    project = result.document.project(0, 0)
    assert (project.code, project.name) == ("13012325P00123410001X", "测试项目")
    assert (project.budget_total, project.budget_fiscal, project.budget_other) == (
        Decimal("4.00"), Decimal("4.00"), None)
    assert project.purpose == "用于2025年测试"
    assert project.spending_plan.values == [Decimal("25"), Decimal("50"), Decimal("75"), Decimal("100")]
    assert project.goals == ["目标一", "目标二"]
    assert project.indicators == PDF_INDICATORS


def check_word_table(result) -> None:  # noqa: ANN001
    project = result.document.project(0, 0)
    assert (project.code, project.name, project.purpose) == ("13012325P00123410001X", "测试项目", "用于测试")
    assert (project.budget_total, project.budget_fiscal) == (Decimal("4.00"), Decimal("4.00"))
    assert project.spending_plan.values == [Decimal("25"), Decimal("50"), Decimal("75"), Decimal("100")]
    assert project.goals == ["目标一"]
    assert project.indicators == WORD_INDICATORS


def test_the_hand_written_tables_import_as_written() -> None:
    check_pdf_table(import_text(PDF_TABLE))
    check_word_table(import_text(WORD_TABLE))


# --------------------------------------------------------------- tabs as spaces
@pytest.mark.parametrize("width", [2, 4])
def test_pdf_rows_with_tabs_turned_into_spaces(width: int) -> None:
    result = import_text(PDF_TABLE.replace("\t", " " * width))
    check_pdf_table(result)
    assert [n.line for n in result.notes if "连续的空格" in n.reason] == [1]
    assert not any("未导入" in n.reason for n in result.notes)


def test_word_cells_with_the_leading_tab_turned_into_spaces() -> None:
    result = import_text(WORD_TABLE.replace("\t", "    "))
    check_word_table(result)
    # Runs of spaces inside a cell are the clerk's: only the label matching looks through them.
    assert not any("未导入" in n.reason for n in result.notes)


def test_a_short_run_inside_a_cell_stays_when_a_tab_was_four_spaces() -> None:
    text = PDF_TABLE.replace("支持企业数量", "支持企业  数量").replace("\t", "    ")
    project = import_text(text).document.project(0, 0)
    # Two spaces are narrower than one tab (four): not a cell boundary. The PDF clean-up
    # then takes them out, as it does any space between two Chinese characters.
    assert project.indicators[0].description == "支持企业数量"
    assert project.indicators[0].value == "≥15家"


# ------------------------------------------------------------------ loud warning
def test_projects_without_any_indicator_are_flagged_first() -> None:
    text = PDF_TABLE.replace("\t", " | ")
    result = import_text(text)
    assert result.document.project_count() == 1
    assert result.warnings and all("导入不完整" in w for w in result.warnings)
    assert result.notes[0].reason == result.warnings[0]
    assert "没有读到任何一行绩效指标" in result.warnings[0]


def test_a_good_import_has_no_warning() -> None:
    assert import_text(PDF_TABLE).warnings == []


# ------------------------------------------------------------------ double spacing
def test_word_text_with_a_blank_line_after_every_line() -> None:
    doubled = "".join(line + "\n\n" for line in WORD_TABLE.split("\n"))
    result = import_text(doubled)
    check_word_table(result)
    (note,) = [n for n in result.notes if "双倍行距" in n.reason]
    assert note.line == 1


def test_notes_still_point_at_lines_of_the_double_spaced_text() -> None:
    doubled = "".join(line + "\n\n" for line in (WORD_TABLE + "注：金额单位为万元\n").split("\n"))
    result = import_text(doubled)
    (note,) = [n for n in result.notes if n.text == "注：金额单位为万元"]
    # WORD_TABLE is 56 lines, so the note is line 57; doubled, line 2 × 57 − 1 = 113.
    assert note.line == 113


# ------------------------------------------------------------------------ UTF-16
@pytest.mark.parametrize("encoding, bom", [("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff")])
def test_utf16_with_byte_order_mark(tmp_path: Path, encoding: str, bom: bytes) -> None:
    path = tmp_path / "notepad-unicode.txt"
    path.write_bytes(bom + PDF_TABLE.replace("\n", "\r\n").encode(encoding))
    check_pdf_table(import_file(path))


# ------------------------------------------------------------------------- NBSP
def test_non_breaking_spaces_from_a_browser_are_spaces() -> None:
    text = PDF_TABLE.replace("≥15 家", "≥15\u00a0家").replace("2025 年", "2025\u00a0年")
    check_pdf_table(import_text(text))


def test_non_breaking_space_in_word_text_is_kept_as_a_plain_space() -> None:
    text = WORD_TABLE.replace("\t用于测试", "\t用于\u00a0测试")
    assert import_text(text).document.project(0, 0).purpose == "用于 测试"


# ------------------------------------------------------------- Word rows, tabbed
WORD_ROWS = (
    "[bookmark: _Toc_1]1.唐财教（2021）42号 市级技术创新引导资金绩效目标表\n"
    "339003唐山市丰润区科学技术局\t单位：万元\n\n"
    "项目编码\t13020822P00955410001L\t项目名称\t唐财教（2021）42号 市级技术创新引导资金\n\n"
    "预算规模及资金用途\t预算数\t115.00\t其中：财政    资金\t115.00\t其他资金\t \n\n"
    "\t市级技术创新  引导资金\n\n"
    "资金支出计划（%）\t3月底\t6月底\t10月底\t12月底\n\n"
    "\t30%\t60%\t90%\t100%\n\n"
    "绩效目标\t1.奖补资金按时拨付到位\n\n"
    "一级指标\t二级指标\t三级指标\t绩效指标描述\t指标值\t指标值确定依据\n\n"
    "产出指标\t数量指标\t奖补数量\t奖补企业数量\t≥12家\t资金发放表\n\n"
)


def test_word_table_copied_as_rows_keeps_the_clerks_spaces() -> None:
    project = import_text(WORD_ROWS).document.project(0, 0)
    assert project.name == "唐财教（2021）42号 市级技术创新引导资金"
    assert project.purpose == "市级技术创新  引导资金"
    assert project.budget_fiscal == Decimal("115.00")
    assert project.indicators[0].value == "≥12家"


def test_pdf_text_still_loses_its_extraction_spaces() -> None:
    project = import_text(PDF_TABLE.replace("测试项目\t\t\n", "唐财教（2021）42号 市级 资金\t\t\n")).document.project(0, 0)
    assert project.name == "唐财教（2021）42号市级资金"


# -------------------------------------------------------------- page furniture
def test_page_number_between_a_cells_paragraphs_is_not_part_of_the_cell() -> None:
    text = WORD_TABLE.replace("\t资金发放表\n", "\t资金发放表\n— 5 —\n")
    check_word_table(import_text(text))


def test_page_number_after_the_empty_first_cell_of_a_row() -> None:
    text = WORD_TABLE.replace("\t\n\t质量指标", "\t\n第 5 页\n\t质量指标")
    check_word_table(import_text(text))


def test_running_header_between_pdf_rows_is_noted_not_glued_on() -> None:
    text = PDF_TABLE.replace("\t工作计划\t\n", "\t工作计划\t\n— 5 —\n某某局 2025 年部门预算绩效文本\n")
    result = import_text(text)
    check_pdf_table(result)
    (note,) = [n for n in result.notes if "页眉" in n.reason]
    assert (note.line, note.text) == (13, "某某局2025年部门预算绩效文本")


def test_a_label_broken_by_the_extractor_is_enough_to_tell_a_pdf() -> None:
    # No "2025 年"-style gap anywhere: the wrapped label alone says where the text came from.
    text = (PDF_TABLE.replace("用于 2025 年测试", "用于测试").replace("3 月底", "3月底").replace("6 月底", "6月底")
            .replace("10 月底", "10月底").replace("12 月底", "12月底").replace("≥15 家", "≥15家")
            .replace("\t支持企业数量\t", "\t支持企业 数量\t"))
    project = import_text(text).document.project(0, 0)
    assert project.indicators[0].description == "支持企业数量"
