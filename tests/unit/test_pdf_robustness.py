"""Awkward documents still print, with every character the clerk typed."""

from __future__ import annotations

import re
from decimal import Decimal

import pdfplumber
import pytest

from pdf_readback import contents, indicator_rows, page_text, read_project_tables
from perfdesk.errors import PerfdeskError
from perfdesk.model import BudgetUnit, Document, Indicator, Measure, Part1, Project, SubGoal
from perfdesk.pdf import export_pdf


def _text(path) -> str:
    with pdfplumber.open(path) as pdf:
        return "".join(re.sub(r"\s", "", page_text(page)) for page in pdf.pages)


def test_an_empty_new_document_prints_cover_contents_and_both_parts(tmp_path):
    result = export_pdf(Document(), tmp_path / "empty.pdf")
    assert result.pages == 4  # cover, 目录, Part 1, Part 2 heading
    text = _text(tmp_path / "empty.pdf")
    assert "部门预算绩效文本" in text and "第二部分预算项目绩效目标" in text


def test_markup_ampersands_and_line_breaks_print_as_typed(tmp_path):
    project = Project(code="A&B<1>", name="名称<b>加粗</b>&amp;", budget_total=Decimal("1234567.5"),
                      purpose="第一行\r\n第二行", goals=["<p>目标</p>", "a & b"],
                      indicators=[Indicator(level1="产出指标", level2="数量指标", level3="x<y",
                                            description="https://example.org/a_very_long_address_without_any_spaces_at_all_0123456789",
                                            value="≥1", basis="<p>工作计划</p>")])
    document = Document(department="测试<局>", year=2025,
                        units=[BudgetUnit(code="112001", name="本级", projects=[project])])
    export_pdf(document, tmp_path / "markup.pdf")
    table = read_project_tables(tmp_path / "markup.pdf")["1.名称<b>加粗</b>&amp;绩效目标表"]
    assert table.rows[0][1] == "A&B<1>"
    assert table.rows[1][2] == "1234567.50"
    assert table.rows[2][1] == "第一行\n第二行"
    assert table.rows[5][1].replace("\n", "") == "1.<p>目标</p>2.a & b"
    assert indicator_rows(table) == [project.indicators[0].cells()]


def test_runs_of_spaces_print_as_typed(tmp_path):
    name = "唐财教（2021）99号  关于提前下达专项资金"  # two spaces, as in the 丰润 text
    project = Project(code="C001", name=name, purpose="第一项   第二项",
                      indicators=[Indicator(level1="产出指标", level2="数量指标", level3="a  b",
                                            description="描述  两个空格", value="≥1", basis="工作计划")])
    document = Document(department="测试局", year=2025, units=[BudgetUnit(code="112001", name="本级", projects=[project])])
    export_pdf(document, tmp_path / "spaces.pdf")
    table = read_project_tables(tmp_path / "spaces.pdf")[f"1.{name}绩效目标表"]
    assert table.rows[0][4] == name
    assert table.rows[2][1] == "第一项   第二项"
    assert indicator_rows(table) == [project.indicators[0].cells()]
    with pdfplumber.open(tmp_path / "spaces.pdf") as pdf:
        chars = "".join(char["text"] for char in pdf.pages[1].chars)  # the 目录
    assert f"1.{name}绩效目标表" in chars


def test_part1_numbering_is_added_by_the_printer(tmp_path):
    part1 = Part1(overall_goal="1.第一项\n2.第二项",
                  sub_goals=[SubGoal(title="甲", goal="目标甲", indicators="指标甲"), SubGoal(title="乙")],
                  measures=[Measure(text="基础工作保障措施", items=["环境建设", "平台建设"]), Measure(text="机制保障措施")])
    export_pdf(Document(department="测试局", year=2025, part1=part1), tmp_path / "part1.pdf")
    text = _text(tmp_path / "part1.pdf")
    body = text[text.rindex("第一部分部门整体绩效目标一、"):]  # the second time: after the 目录
    assert body.startswith("第一部分部门整体绩效目标一、总体绩效目标1.第一项2.第二项二、分项绩效目标"
                           "（一）甲绩效目标：目标甲绩效指标：指标甲（二）乙三、工作保障措施"
                           "一、基础工作保障措施（一）环境建设（二）平台建设二、机制保障措施")


def test_a_title_longer_than_a_page_and_300_projects_of_contents(tmp_path):
    long_name = "很长的项目名称" * 400  # 2800 characters
    projects = [Project(code=f"C{i:03d}", name=long_name if i == 0 else f"项目{i}") for i in range(300)]
    document = Document(department="测试局", year=2025, units=[BudgetUnit(code="112001", name="本级", projects=projects)])
    result = export_pdf(document, tmp_path / "long-title.pdf")
    with pdfplumber.open(tmp_path / "long-title.pdf") as pdf:
        entries = contents(pdf)
    numbers = {title: number for title, number in entries}
    first_title, first_number = entries[3]  # after the three Part 1 lines: shortened with …
    assert first_title.startswith("1.很长的项目名称") and first_title.endswith("…")
    assert first_number == next(h.page for h in result.headings if h.key == "project-1")
    assert numbers["2.项目1绩效目标表"] == result.page_of("2.项目1绩效目标表")
    assert numbers["300.项目299绩效目标表"] == result.page_of("300.项目299绩效目标表")
    assert len(entries) == 3 + 300  # every 目录 page read
    # The long name prints whole: in the title (over pages) and in the table's 项目名称 cell.
    text = re.sub(r"-\d+-", "", _text(tmp_path / "long-title.pdf"))
    assert f"1.{long_name}绩效目标表" in text
    assert text.count("很长的项目名称") >= 2 * 400


def test_choosing_no_project_is_refused(tmp_path):
    with pytest.raises(PerfdeskError, match="没有选择要导出的项目"):
        export_pdf(Document(), tmp_path / "none.pdf", project_codes=[])
    assert not (tmp_path / "none.pdf").exists()
