"""Importing last year's published PDF (``perfdesk import IN.pdf OUT.xlsx``).

The bundled examples (抚宁 2024, 丰润 2022, transcribed by hand in tests/expected_samples) are
printed with perfdesk's own exporter, and the Word files of tests/data/import/word were printed
by LibreOffice; each must come back equal to the example it was made from, field by field.
A PDF that cannot be read is refused with a Chinese message, never a traceback.
"""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pdfplumber
import pytest
from pypdf import PdfReader, PdfWriter
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

from expected_samples import fengrun_2022, funing_2024, long_table
from perfdesk.cli.main import main
from perfdesk.errors import FileFormatError
from perfdesk.fileio import load_document
from perfdesk.importers import import_file
from perfdesk.model import Document, Measure
from perfdesk.pdf import export_pdf

ROOT = Path(__file__).resolve().parents[2]
WORD = Path(__file__).resolve().parent.parent / "data" / "import" / "word"
EXAMPLES = {"funing-2024": funing_2024, "fengrun-2022": fengrun_2022, "long-table": long_table}


def differences(got: object, expected: object, path: str = "document") -> list[str]:
    """Every field (department, Part 1, each unit, project and indicator cell) that differs."""
    if hasattr(type(expected), "model_fields") and type(got) is type(expected):
        found = []
        for name in type(expected).model_fields:
            found += differences(getattr(got, name), getattr(expected, name), f"{path}.{name}")
        return found
    if isinstance(expected, list) and isinstance(got, list):
        found = [f"{path}: {len(got)} items, expected {len(expected)}"] if len(got) != len(expected) else []
        for index, (a, b) in enumerate(zip(got, expected)):
            found += differences(a, b, f"{path}[{index}]")
        return found
    return [] if got == expected else [f"{path}: {got!r}, expected {expected!r}"]


def assert_same(got: Document, expected: Document) -> None:
    assert differences(got, expected) == []
    assert got == expected


@pytest.fixture(scope="module")
def funing_pdf(tmp_path_factory):
    path = tmp_path_factory.mktemp("pdf") / "抚宁2024.pdf"
    return path, export_pdf(funing_2024.build(), path)


# ------------------------------------------------------------------ printed by perfdesk
@pytest.mark.parametrize("name", EXAMPLES)
def test_an_example_printed_by_perfdesk_imports_as_it_was_typed(name, tmp_path):
    expected = EXAMPLES[name].build()
    path = tmp_path / f"{name}.pdf"
    export_pdf(expected, path)
    result = import_file(path)
    assert_same(result.document, expected)
    assert not result.warnings


def test_text_that_wraps_comes_back_as_typed(tmp_path):
    """Lines a PDF broke are joined as the clerk typed them: no space inside Chinese, one
    between English words; a line break typed inside a cell or paragraphs of Part 1 stay."""
    expected = funing_2024.build()
    expected.part1.overall_goal += ("\n第二段很短。\nThe third paragraph is written in English so that its words "
                                    "wrap at spaces across several lines of the page, and come back with single spaces.")
    expected.part1.measures.append(Measure(text="分组措施", items=["第一项内容比较长，需要换行显示，" * 4 + "完。", "第二项。"]))
    project = expected.units[0].projects[0]
    project.name = "项目名称很长" * 9  # its title wraps, in the 目录 too
    project.purpose = ("Used for the annual science and technology innovation programme including training, "
                       "publicity, expert review and consulting services for enterprises in the district.")
    project.goals = ["达到95%", "完成2023 年 8 月底前的任务", "第三个目标比较长" * 8]
    project.indicators[0].description = "第一行\n第二行"
    project.indicators[1].value = "2023 年 8 月底前"
    project.indicators[2].basis = "《秦皇岛市抚宁区科技创新专项资金管理办法》（秦抚政办〔2023〕12号）"
    project.indicators[3].level3 = "ABC Tech Park"
    path = tmp_path / "wrapped.pdf"
    export_pdf(expected, path)
    assert_same(import_file(path).document, expected)


def test_the_fields_a_clerk_checks_first_come_back(funing_pdf):
    document = import_file(funing_pdf[0]).document
    assert (document.department, document.year) == ("秦皇岛市抚宁区科技和工业信息化局", 2024)
    assert (document.prepared_by, document.reviewed_by) == ("秦皇岛市抚宁区科技和工业信息化局", "秦皇岛市抚宁区财政局")
    first = document.units[0].projects[0]
    assert (first.code, first.name) == ("13030624P00530210007P", "2024年改制企业相关费用")
    assert (first.budget_total, first.budget_fiscal, first.budget_other) == (Decimal("564.00"), Decimal("564.00"), None)
    assert first.goals == ["保障改制企业人员生活费", "保证社会保险按时缴纳", "维护社会稳定"]
    # A cell wrapped over two lines in the print reads as one text (群众投诉下降 / 率%).
    assert first.indicators[-2].level3 == "群众投诉下降率%"


def test_a_note_names_the_page_and_the_line_on_it(funing_pdf):
    path, printed = funing_pdf
    notes = [note for note in import_file(path).notes if "<p>" in note.text]
    # Project 3's goals hold web markup. On its page: the title, the unit line, then the rows
    # 项目编码, 预算数, 资金用途, the checkpoints, their percentages and 绩效目标: line 8.
    page = next(heading.sheet for heading in printed.headings if heading.key == "project-3")
    assert [(note.page, note.line) for note in notes] == [(page, 8)]
    assert str(notes[0]).startswith(f"第 {page} 页第 8 行：")


def test_the_command_line_writes_the_workbook(funing_pdf, tmp_path, capsys):
    out = tmp_path / "抚宁2024.xlsx"
    assert main(["import", str(funing_pdf[0]), str(out)]) == 0
    printed = capsys.readouterr()
    assert "已导入 10 个项目" in printed.out and "页第 8 行" in printed.err  # the notes on stderr
    assert load_document(out) == funing_2024.build()


def test_a_document_of_many_projects_imports_whole(tmp_path):
    """Sixty generated projects over three units, every field back; the 300-project import is
    timed in benchmarks/import_pdf.py, not here."""
    sys.path.insert(0, str(ROOT))
    from benchmarks.generate import generate_document

    expected = generate_document(projects=60, seed=0, units=3)
    path = tmp_path / "big.pdf"
    export_pdf(expected, path)
    result = import_file(path)
    assert result.document.project_count() == 60
    assert_same(result.document, expected)


# ------------------------------------------------------------------ printed from Word
WORD_FIXTURES = {"funing_2024": funing_2024, "fengrun_2022": fengrun_2022, "funing_2024_long": long_table}


@pytest.mark.parametrize("name", WORD_FIXTURES)
def test_a_word_file_printed_to_pdf_imports_as_it_was_typed(name):
    # Each was written from its expected document by tests/data/import/word/make_fixtures.py
    # and printed by LibreOffice: footers "— n —", a typed or field 目录 with dot leaders, the
    # Symbol font's ≥, auto-numbered lists, a 60-row table over three pages.
    result = import_file(WORD / f"{name}.pdf")
    assert_same(result.document, WORD_FIXTURES[name].build())
    assert not result.warnings


def test_a_row_cut_by_a_page_break_is_put_back_together_and_noted():
    result = import_file(WORD / "funing_2024_long.pdf")
    project = result.document.units[0].projects[long_table.LONG_PROJECT]
    assert project.indicators == long_table.build().units[0].projects[long_table.LONG_PROJECT].indicators
    cut = [note for note in result.notes if "分页处断开" in note.reason]
    assert len(cut) == 1 and cut[0].page is not None and str(cut[0]).startswith(f"第 {cut[0].page} 页")


# ------------------------------------------------------------------ what cannot be read
def _scan(source: Path, target: Path) -> None:
    """A 'scanned' PDF: each page of ``source`` as a picture, no text at all."""
    with pdfplumber.open(source) as pdf:
        pictures = [page.to_image(resolution=50).original for page in pdf.pages[:2]]
    drawing = canvas.Canvas(str(target))
    for picture in pictures:
        drawing.drawImage(ImageReader(picture), 0, 0, width=595, height=842)
        drawing.showPage()
    drawing.save()


def _encrypted(source: Path, target: Path, user: str, owner: str) -> None:
    writer = PdfWriter(clone_from=source)
    writer.encrypt(user_password=user, owner_password=owner)
    with open(target, "wb") as handle:
        writer.write(handle)


def _refusal(path: Path, capsys) -> str:
    with pytest.raises(FileFormatError) as caught:
        import_file(path)
    message = str(caught.value)
    assert path.name in message
    # The command line says the same in one line and writes nothing.
    out = path.with_suffix(".xlsx")
    assert main(["import", str(path), str(out)]) == 2
    printed = capsys.readouterr()
    assert caught.value.detail in printed.err and "Traceback" not in printed.err
    assert not out.exists()
    return message


def test_a_scan_without_text_is_refused(funing_pdf, tmp_path, capsys):
    path = tmp_path / "扫描件.pdf"
    _scan(funing_pdf[0], path)
    assert "这是扫描件，没有文字层，无法导入" in _refusal(path, capsys)


def test_a_password_protected_pdf_is_refused(funing_pdf, tmp_path, capsys):
    path = tmp_path / "加密.pdf"
    _encrypted(funing_pdf[0], path, user="123456", owner="123456")
    assert "PDF 有密码保护，无法读取" in _refusal(path, capsys)


def test_a_pdf_that_only_restricts_editing_opens_without_a_password(funing_pdf, tmp_path):
    path = tmp_path / "限制编辑.pdf"
    _encrypted(funing_pdf[0], path, user="", owner="owner")
    assert import_file(path).document == funing_2024.build()


def test_a_text_file_renamed_pdf_is_refused(tmp_path, capsys):
    path = tmp_path / "复制的文字.pdf"
    path.write_text("2024年部门预算绩效文本\n项目编码\t13030624P00530210007P\n", encoding="utf-8")
    assert "这不是 PDF 文件" in _refusal(path, capsys)


def test_a_pdf_cut_short_is_refused(funing_pdf, tmp_path, capsys):
    path = tmp_path / "没下载完.pdf"
    data = funing_pdf[0].read_bytes()
    path.write_bytes(data[: len(data) // 2])
    assert "PDF 文件已损坏" in _refusal(path, capsys)


def test_a_pdf_with_a_damaged_body_is_refused(tmp_path, capsys):
    path = tmp_path / "损坏.pdf"
    path.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 40 + b"\n%%EOF\n")
    assert "PDF 文件已损坏" in _refusal(path, capsys)


def test_a_pdf_far_too_big_for_a_budget_text_is_refused(tmp_path, capsys):
    path = tmp_path / "巨大.pdf"
    with open(path, "wb") as handle:
        handle.write(b"%PDF-1.7\n")
        handle.truncate(201 * 1024 * 1024)  # sparse: nothing is written
    assert "太大，不像是一份部门预算绩效文本" in _refusal(path, capsys)


def test_a_pdf_of_thousands_of_pages_is_refused(tmp_path, capsys):
    path = tmp_path / "两千页.pdf"
    writer = PdfWriter()
    for _ in range(2001):
        writer.add_blank_page(595, 842)
    with open(path, "wb") as handle:
        writer.write(handle)
    assert "2001 页，太多" in _refusal(path, capsys)


def test_a_scanned_page_among_text_pages_is_noted(funing_pdf, tmp_path):
    scan, path = tmp_path / "scan.pdf", tmp_path / "附扫描页.pdf"
    _scan(funing_pdf[0], scan)
    writer = PdfWriter(clone_from=funing_pdf[0])
    writer.add_page(PdfReader(scan).pages[0])
    with open(path, "wb") as handle:
        writer.write(handle)
    pages = len(PdfReader(path).pages)
    result = import_file(path)
    assert result.document == funing_2024.build()
    assert [note.page for note in result.notes if "扫描件" in note.reason] == [pages]


def test_other_commands_do_not_load_the_pdf_reader():
    code = "import sys, perfdesk.importers, perfdesk.cli.main; print('pdfplumber' in sys.modules)"
    shown = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert shown.stdout.strip() == "False"


def test_import_note_without_a_page_reads_as_before():
    from perfdesk.importers import ImportNote

    assert str(ImportNote(12, "目标内容1", "占位文字")) == "第 12 行：占位文字：“目标内容1”"
    assert str(ImportNote(3, "", "没有封面", page=2)) == "第 2 页第 3 行：没有封面"


def test_a_blank_pdf_is_refused(tmp_path):
    # Pages with nothing on them (no text, no picture): refused, not imported as an empty text.
    path = tmp_path / "空白.pdf"
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    with open(path, "wb") as handle:
        writer.write(handle)
    with pytest.raises(FileFormatError, match="没有可读取的文字"):
        import_file(path)


def test_without_the_pdf_reader_installed_the_clerk_is_told_what_to_do(funing_pdf, tmp_path):
    # The installer bundle leaves out what it does not list; a PDF must then be refused in words.
    code = ("import sys; sys.modules['pdfplumber'] = None\n"
            "from perfdesk.cli.main import main\n"
            f"sys.exit(main(['import', {str(funing_pdf[0])!r}, {str(tmp_path / 'out.xlsx')!r}]))")
    shown = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert shown.returncode == 2
    assert "缺少读取 PDF 的组件" in shown.stderr and "Traceback" not in shown.stderr
