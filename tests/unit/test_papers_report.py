"""The 审核意见 PDF (``perfdesk check FILE --report OUT.pdf``), read back as the clerk reads it."""

from __future__ import annotations

import datetime
import re

import pdfplumber
import pytest

from perfdesk.cli.main import main
from perfdesk.errors import SaveError
from perfdesk.fileio import save_document
from perfdesk.model import Indicator, ProjectReview, ReviewStatus
from perfdesk.papers.checked import check_file
from perfdesk.papers.report_pdf import write_report
from perfdesk.review import check_document
from perfdesk.review.acceptance import accept

from unit.pdf_readback import pdf_fonts, cell_lines, flat, read_paper as read
from unit.review_documents import clean_document, clean_project

CLEAN_CODE = "13020822P00933810001D"


def planted_document():
    """Four projects: the clean one, an empty 指标值 (row 6), a budget that does not add up,
    and one more clean project."""
    document = clean_document()
    empty_value = clean_project("13020822P00933810002D")
    empty_value.name = "农业科技推广经费"
    empty_value.indicators[5].value = ""
    wrong_sum = clean_project("13020822P00933810003D")
    wrong_sum.name = "科普活动经费"
    wrong_sum.budget_fiscal = "250.00"
    other = clean_project("13020822P00933810004D")
    other.name = "实验室建设"
    document.units[0].projects += [empty_value, wrong_sum, other]
    return document


def test_report_names_the_department_reviewer_each_project_and_cell(tmp_path, capsys):
    path, out = tmp_path / "丰润科技局.xlsx", tmp_path / "审核意见.pdf"
    save_document(planted_document(), path)
    assert main(["check", str(path), "--report", str(out), "--reviewer", "张三"]) == 2
    assert f"已写出审核意见：{out}" in capsys.readouterr().out
    pages, cells = read(out)
    text = flat(pages)
    assert pages[0].splitlines()[0] == "唐山市丰润区科学技术局2022年度部门预算绩效文本审核意见"
    assert "文件：丰润科技局.xlsx" in text and "审核人：张三" in text
    assert "共4个项目；错误2个，警告0个，提示0个，已核实保留0个。" in text
    assert "第 2 个项目 13020822P00933810002D 农业科技推广经费" in pages[0]
    assert "第 3 个项目 13020822P00933810003D 科普活动经费" in pages[0]
    # the official layout: the header on row 9, so indicator row 6 is row 15; 指标值 is column F
    assert "工作表“2.农业科技推广经费”F15第6行指标值" in cells
    assert "工作表“3.科普活动经费”E4财政资金" in cells
    assert "指标值为空，请填写。" in cells
    assert ["序号", "位置", "问题", "严重程度"] == cells[:4]
    # the projects with nothing to say are not listed
    assert CLEAN_CODE not in text and "第1个项目" not in text and "实验室建设" not in text
    assert "一、全文" in text and "未发现问题。" in text  # no finding about the text as a whole
    assert pages[-1].strip().endswith("第 1 页 共 1 页")


def test_a_project_the_bureau_commented_on_shows_its_status_and_comment(tmp_path):
    path, out = tmp_path / "丰润.xlsx", tmp_path / "意见.pdf"
    save_document(planted_document(), path)
    checked = check_file(str(path), keep_document=True)
    checked.document.units[0].projects[3].review = ProjectReview(status=ReviewStatus.NEEDS_CHANGES,
                                                                 comment="请补充成本指标")
    write_report(checked, out, date=datetime.date(2026, 12, 6))
    text = flat(read(out)[0])
    assert "审核日期：2026年12月6日" in text
    assert "审核人：____" in text  # no reviewer given: a line to sign on
    assert "第4个项目13020822P00933810004D实验室建设审核状态：需修改审核意见：请补充成本指标" in text
    assert "第2个项目13020822P00933810002D农业科技推广经费审核状态：未审" in text
    assert CLEAN_CODE not in text


def test_accepted_findings_are_listed_apart_with_their_reasons(tmp_path):
    document = planted_document()
    wrong_sum = next(f for f in check_document(document) if f.rule == "budget-sum")
    document.units[0].projects[2].review.accepted.append(accept(wrong_sum, document, "上年结转资金另行安排"))
    path, out = tmp_path / "丰润.json", tmp_path / "意见.pdf"
    save_document(document, path)
    assert main(["check", str(path), "--report", str(out)]) == 2
    pages, cells = read(out)
    text = flat(pages)
    assert "错误1个，警告0个，提示0个，已核实保留1个。" in text
    assert "三、已核实保留的问题" in text
    assert "上年结转资金另行安排" in cells
    assert "第3个项目（13020822P00933810003D）财政资金" in cells
    # its only finding is accepted and the bureau wrote nothing: no heading of its own
    assert "第 3 个项目 13020822P00933810003D 科普活动经费" not in "".join(pages)
    assert "第 2 个项目 13020822P00933810002D 农业科技推广经费" in "".join(pages)


def test_a_clean_document_says_nothing_was_found(tmp_path):
    path, out = tmp_path / "clean.xlsx", tmp_path / "clean.pdf"
    save_document(clean_document(), path)
    assert main(["check", str(path), "--report", str(out), "--reviewer", "李四"]) == 0
    pages, cells = read(out)
    text = flat(pages)
    assert "经审核，未发现问题。" in text
    assert "共1个项目；错误0个，警告0个，提示0个，已核实保留0个。" in text
    assert "审核人：李四" in text and cells == [] and CLEAN_CODE not in text


def test_the_fonts_are_embedded_truetype_not_stsong(tmp_path):
    path, out = tmp_path / "丰润.xlsx", tmp_path / "意见.pdf"
    save_document(planted_document(), path)
    assert main(["check", str(path), "--report", str(out), "--reviewer", "张三"]) == 2
    fonts, used = pdf_fonts(out)
    assert fonts
    for name, font in fonts.items():
        assert "STSong" not in name and "Helvetica" not in name
        assert font["/Subtype"] == "/TrueType" and "/FontFile2" in font["/FontDescriptor"].get_object(), name
    assert used and not any("STSong" in name for name in used)


def test_sixty_findings_run_over_several_pages_with_the_header_and_numbers(tmp_path):
    document = clean_document()
    project = document.units[0].projects[0]
    empty = [Indicator(level1="产出指标", level2="数量指标", level3=f"奖补数量{n}", description=f"第{n}批奖补企业数量",
                       value="", basis="资金发放表") for n in range(1, 61)]
    project.indicators = empty + project.indicators[1:]
    path, out = tmp_path / "长.xlsx", tmp_path / "长.pdf"
    save_document(document, path)
    assert main(["check", str(path), "--report", str(out), "--reviewer", "张三"]) == 2
    pages, cells = read(out)
    assert len(pages) >= 3
    for number, page in enumerate(pages, 1):
        assert page.strip().splitlines()[-1] == f"第 {number} 页 共 {len(pages)} 页"
        assert re.search(r"序号\s*位置\s*问题\s*严重程度", page), f"no table header on page {number}"
    assert "共1个项目；错误60个" in flat(pages)
    # the first table starts on the first page, under its headings
    assert "第 1 个项目 13020822P00933810001D 科技创新扶持资金" in pages[0]
    assert re.search(r"^1\s", pages[0], re.MULTILINE)
    # every finding once, numbered 1..60, the last one on the last row of the sheet's indicators
    assert [cell for cell in cells if cell.isdigit()] == [str(n) for n in range(1, 61)]
    assert "工作表“1.科技创新扶持资金”F69第60行指标值" in cells
    with pdfplumber.open(out) as pdf:
        for page in pdf.pages:  # wrapped, not cut: nothing prints past the table's right ruling
            right = max(table.bbox[2] for table in page.find_tables())
            assert all(char["x1"] <= right for char in page.chars if char["top"] < page.height - 40)


def test_a_long_message_wraps_inside_its_cell(tmp_path):
    path, out = tmp_path / "丰润.xlsx", tmp_path / "意见.pdf"
    save_document(planted_document(), path)  # the budget message quotes three amounts: two lines
    main(["check", str(path), "--report", str(out)])
    with pdfplumber.open(out) as pdf:
        page = pdf.pages[0]
        boxes = [cell for cell in cell_lines(page) if len(cell.lines) > 1]
        assert any(any("请核对金额" in text for text in cell.texts()) for cell in boxes)
        for cell in boxes:
            left, _, right, _ = cell.box
            assert all(left <= char["x0"] and char["x1"] <= right for line in cell.lines for char in line)


def test_report_wants_one_file_and_a_pdf_name(tmp_path, capsys):
    for name in ("a.xlsx", "b.xlsx"):
        save_document(clean_document(), tmp_path / name)
    out = tmp_path / "意见.pdf"
    assert main(["check", str(tmp_path / "a.xlsx"), str(tmp_path / "b.xlsx"), "--report", str(out)]) == 2
    assert "--report 只能用于一个文件（现在是 2 个）" in capsys.readouterr().err
    assert not out.exists()
    checked = check_file(str(tmp_path / "a.xlsx"), keep_document=True)
    with pytest.raises(SaveError, match="PDF"):
        write_report(checked, tmp_path / "意见.xlsx")
    assert not (tmp_path / "意见.xlsx").exists()
    assert main(["check", str(tmp_path / "a.xlsx"), "--report", str(tmp_path / "a.xlsx")]) == 2
    error = capsys.readouterr().err
    assert ".pdf" in error and "“a.xlsx”" in error
    # the workbook named as the report is left as it was
    assert check_file(str(tmp_path / "a.xlsx")).failure is None
