"""The bundled examples (抚宁 2024, 丰润 2022, transcribed by hand) printed to PDF and read
back page by page."""

from __future__ import annotations

import re
from decimal import Decimal

import pdfplumber
import pytest
from pypdf import PdfReader

from expected_samples import fengrun_2022, funing_2024
from expected_samples.funing_2024 import build
from pdf_readback import compact, contents, indicator_rows, page_text, printed_number, read_project_tables
from perfdesk.errors import PerfdeskError, SaveError
from perfdesk.model import DocumentStatus
from perfdesk.pdf import export_pdf

A4 = (595.28, 841.89)


@pytest.fixture(scope="module")
def example():
    return build()


@pytest.fixture(scope="module")
def example_pdf(example, tmp_path_factory):
    path = tmp_path_factory.mktemp("pdf") / "funing.pdf"
    result = export_pdf(example, path)
    return path, result


@pytest.fixture(scope="module", params=[funing_2024, fengrun_2022], ids=["funing-2024", "fengrun-2022"])
def bundled(request, tmp_path_factory):
    """Each bundled example (its hand-typed source) and its PDF."""
    document = request.param.build()
    path = tmp_path_factory.mktemp("pdf") / "bundled.pdf"
    export_pdf(document, path)
    return document, path


def _amount(value: Decimal | None) -> str:
    return "" if value is None else f"{value:.2f}"


def _percent(value: Decimal | None) -> str:
    if value is None:
        return ""
    return f"{int(value) if value == int(value) else value}%"


def test_first_table_reads_back_as_typed_in_the_source(example_pdf):
    path, _ = example_pdf
    table = read_project_tables(path)["1.2024年改制企业相关费用绩效目标表"]
    rows = [[compact(c) if c is not None else None for c in row] for row in table.rows]
    assert rows[0] == ["项目编码", "13030624P00530210007P", None, "项目名称", "2024年改制企业相关费用", None, None]
    assert rows[1] == ["预算规模及资金用途", "预算数", "564.00", "其中：财政资金", "564.00", "其他资金", ""]
    assert rows[2][1] == "用于改制企业人员生活费及社会保险缴费"
    assert rows[3] == ["资金支出计划（%）", "3月底", None, "6月底", None, "10月底", "12月底"]
    assert rows[4] == [None, "25%", None, "50%", None, "75%", "100%"]
    assert rows[5][:2] == ["绩效目标", "1.保障改制企业人员生活费2.保证社会保险按时缴纳3.维护社会稳定"]
    assert rows[6] == ["一级指标", "二级指标", "三级指标", "绩效指标描述", None, "指标值", "指标值确定依据"]
    # 一级 merged over its six rows, 二级 over the three 数量指标 rows.
    assert [row[0] for row in rows[7:13]] == ["产出指标", None, None, None, None, None]
    assert [row[1] for row in rows[7:10]] == ["数量指标", None, None]
    assert indicator_rows(table)[0] == ("产出指标", "数量指标", "改制企业家数", "改制企业完成家数", "≥15家", "工作计划")
    assert indicator_rows(table)[-1] == ("满意度指标", "服务对象满意度指标", "群众满意度", "群众的满意度比例", "≥90%", "电话回访")
    assert table.unit_line.startswith("471001秦皇岛市抚宁区科技和工业信息化局本级")
    assert table.unit_line.endswith("单位：万元")


def test_every_field_of_every_project_reads_back(bundled):
    example, path = bundled
    tables = read_project_tables(path)
    assert len(tables) == example.project_count() == 10
    for u, p, unit, project in example.projects():
        title = f"{example.project_number(u, p)}.{project.name}绩效目标表"
        table = tables[title]
        rows = [[compact(c) if c is not None else None for c in row] for row in table.rows]
        assert table.unit_line.replace(" ", "").startswith(unit.code + unit.name), title
        assert (rows[0][1], rows[0][4]) == (project.code, project.name), title
        assert (rows[1][2], rows[1][4], rows[1][6]) == (
            _amount(project.budget_total), _amount(project.budget_fiscal), _amount(project.budget_other)), title
        assert rows[2][1] == project.purpose, title
        plan = project.spending_plan.checkpoints
        assert [rows[3][i] for i in (1, 3, 5, 6)] == [c.label for c in plan], title
        assert [rows[4][i] for i in (1, 3, 5, 6)] == [_percent(c.value) for c in plan], title
        assert rows[5][1] == "".join(f"{n}.{goal}" for n, goal in enumerate(project.goals, 1)), title
        assert indicator_rows(table) == [indicator.cells() for indicator in project.indicators], title


def test_contents_numbers_are_the_numbers_printed_on_the_heading_pages(bundled):
    example, path = bundled
    titles = ["一、总体绩效目标", "二、分项绩效目标", "三、工作保障措施"] + [
        f"{example.project_number(u, p)}.{project.name}绩效目标表" for u, p, _, project in example.projects()]
    with pdfplumber.open(path) as pdf:
        entries = contents(pdf)
        assert [title for title, _ in entries] == titles
        body = pdf.pages[2:]
        texts = [re.sub(r"\s", "", page_text(page)) for page in body]
        for title, number in entries:
            where = next(i for i, text in enumerate(texts) if re.sub(r"\s", "", title) in text)
            assert printed_number(body[where]) == number, title
        # Cover and 目录 carry no number; the body is numbered from 1 without gaps.
        assert printed_number(pdf.pages[0]) is None and printed_number(pdf.pages[1]) is None
        assert [printed_number(page) for page in body] == list(range(1, len(body) + 1))


def test_pages_are_a4_and_every_font_that_draws_text_is_embedded(example_pdf):
    path, result = example_pdf
    reader = PdfReader(path)
    assert len(reader.pages) == result.pages
    embedded: dict[str, bool] = {}

    def collect(resources):
        resources = resources.get_object() if resources is not None else {}
        for font in (resources.get("/Font") or {}).values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            name = str(font.get("/BaseFont")).lstrip("/")
            embedded[name] = descriptor is not None and "/FontFile2" in descriptor.get_object()
        for xobject in (resources.get("/XObject") or {}).values():
            xobject = xobject.get_object()
            if xobject.get("/Subtype") == "/Form":
                collect(xobject.get("/Resources"))

    for page in reader.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert (round(width, 1), round(height, 1)) == (round(A4[0], 1), round(A4[1], 1))
        collect(page.get("/Resources"))
    with pdfplumber.open(path) as pdf:
        drawing = {char["fontname"] for page in pdf.pages for char in page.chars}
    assert drawing  # the text is real text, drawn with fonts
    assert all(embedded.get(name) for name in drawing), {name: embedded.get(name) for name in drawing}
    # No font is even listed without being embedded (a viewer would substitute it).
    assert all(embedded.values()), embedded


def test_metadata_and_bookmarks(example_pdf):
    path, _ = example_pdf
    reader = PdfReader(path)
    assert reader.metadata.title == "秦皇岛市抚宁区科技和工业信息化局2024年部门预算绩效文本"
    assert reader.metadata.author == "秦皇岛市抚宁区科技和工业信息化局"
    assert reader.page_mode == "/UseOutlines"  # the viewer opens with the bookmarks shown
    outline = reader.outline
    top = [item.title for item in outline if not isinstance(item, list)]
    assert top == ["第一部分 部门整体绩效目标", "第二部分 预算项目绩效目标"]
    part1_children, part2_children = [item for item in outline if isinstance(item, list)]
    assert [item.title for item in part1_children] == ["一、总体绩效目标", "二、分项绩效目标", "三、工作保障措施"]
    assert len(part2_children) == 10
    assert part2_children[6].title == "7.提前下达2023年支持工业互联网创新发展等项目资金绩效目标表"
    # Each bookmark opens the page where its table stands.
    with pdfplumber.open(path) as pdf:
        for item in part2_children:
            page = pdf.pages[reader.get_destination_page_number(item)]
            assert item.title in re.sub(r"\s", "", page_text(page))


def test_cover_and_part1_read_like_the_official_text(example_pdf):
    path, _ = example_pdf
    with pdfplumber.open(path) as pdf:
        cover = re.sub(r"\s", "", page_text(pdf.pages[0]))
        body = re.sub(r"\s", "", "".join(page_text(page) for page in pdf.pages[2:4]))
    assert cover == ("秦皇岛市抚宁区科技和工业信息化局2024年部门预算绩效文本（草案）"
                     "秦皇岛市抚宁区科技和工业信息化局编制秦皇岛市抚宁区财政局审核")
    assert body.startswith("第一部分部门整体绩效目标一、总体绩效目标负责日常经济运行的调节")
    order = ["二、分项绩效目标", "（一）全力加强工业技改项目建设", "绩效目标：采用新技术、新工艺",
             "（四）全面深入推进食品产业强区建设。", "三、工作保障措施", "（一）完善制度建设。进一步完善制度建设",
             "（七）加强宣传培训调研等。"]
    positions = [body.index(text) for text in order]
    assert positions == sorted(positions)


def test_a_final_text_has_no_draft_mark(example, tmp_path):
    final = example.model_copy(deep=True)
    final.update(status=DocumentStatus.FINAL)
    export_pdf(final, tmp_path / "final.pdf")
    with pdfplumber.open(tmp_path / "final.pdf") as pdf:
        assert "草案" not in page_text(pdf.pages[0])


def test_chosen_projects_only(example, tmp_path):
    codes = ["13030624P00D2K010004P", "13030623P000009100042"]  # tables 3 and 7
    result = export_pdf(example, tmp_path / "two.pdf", project_codes=codes)
    tables = read_project_tables(tmp_path / "two.pdf")
    assert list(tables) == ["3.工业技改项目中小微企业发展项目跑办费绩效目标表",
                            "7.提前下达2023年支持工业互联网创新发展等项目资金绩效目标表"]
    assert result.pages == 2
    with pdfplumber.open(tmp_path / "two.pdf") as pdf:
        assert [printed_number(page) for page in pdf.pages] == [1, 2]
        assert "目录" not in re.sub(r"\s", "", page_text(pdf.pages[0]))


def test_unknown_project_code_is_refused_and_the_old_file_kept(example, tmp_path):
    target = tmp_path / "old.pdf"
    target.write_bytes(b"previous export")
    with pytest.raises(PerfdeskError, match="没有项目编码为“X123”的项目"):
        export_pdf(example, target, project_codes=["X123"])
    assert target.read_bytes() == b"previous export"


def test_unwritable_target_raises_save_error_and_leaves_nothing(example, tmp_path):
    with pytest.raises(SaveError, match="无法写入"):
        export_pdf(example, tmp_path / "missing-folder" / "out.pdf")
    assert list(tmp_path.iterdir()) == []
