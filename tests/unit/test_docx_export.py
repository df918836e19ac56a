"""The Word export, opened with python-docx the way Word reads it: every table field of both
examples, the merges of DOMAIN.md §2, the repeating header row, rows kept whole, headings as
Word heading styles, the 目录 as a TOC field, and each profile's margins and fonts.

Expected values come from the hand-typed samples (tests/expected_samples); the page numbers of
the 目录 are those of the PDF laid out with the same profile (the PDF tests check those)."""

from __future__ import annotations

import zipfile
from decimal import Decimal

import docx
import pytest
from docx.oxml.ns import qn

from expected_samples import fengrun_2022, funing_2024
from perfdesk.cli.main import main
from perfdesk.errors import PerfdeskError, SaveError
from perfdesk.pdf import export_pdf
from perfdesk.word import export_docx

HEADER = ["一级指标", "二级指标", "三级指标", "绩效指标描述", None, "指标值", "指标值确定依据"]
SAMPLES = {"funing-2024": funing_2024, "fengrun-2022": fengrun_2022}


# ------------------------------------------------------------------ reading a .docx back
def cell_text(tc) -> str:
    """A cell's text, its paragraphs and line breaks joined (as the PDF test joins wrapped lines)."""
    parts = []
    for node in tc.iter(qn("w:t"), qn("w:br")):
        parts.append(node.text or "" if node.tag == qn("w:t") else "")
    return "".join(parts)


def grid(table) -> list[list[str | None]]:
    """The table on its 7-column grid: a cell's text in its first column, None where a
    horizontal span or a vertical merge continues (as pdf_readback reads merged cells)."""
    rows = []
    for tr in table._tbl.findall(qn("w:tr")):
        row: list[str | None] = []
        for tc in tr.findall(qn("w:tc")):
            properties = tc.find(qn("w:tcPr"))
            span = properties.find(qn("w:gridSpan"))
            merge = properties.find(qn("w:vMerge"))
            continued = merge is not None and merge.get(qn("w:val"), "continue") == "continue"
            row.append(None if continued else cell_text(tc))
            row += [None] * ((int(span.get(qn("w:val"))) if span is not None else 1) - 1)
        assert len(row) == 7, row
        rows.append(row)
    return rows


def body_items(document):
    """The body in order: ("p", paragraph) and ("t", table)."""
    paragraphs = {id(p._p): p for p in document.paragraphs}
    tables = {id(t._tbl): t for t in document.tables}
    for child in document.element.body:
        if id(child) in paragraphs:
            yield "p", paragraphs[id(child)]
        elif id(child) in tables:
            yield "t", tables[id(child)]


def project_tables(document) -> dict[str, tuple[str, list, list]]:
    """title -> (unit line, top table's grid, indicator table's grid), read in body order."""
    found, title, unit, tables = {}, None, None, []
    for kind, item in body_items(document):
        if kind == "p" and item.style.name == "Heading 2" and item.text.endswith("绩效目标表"):
            title, unit, tables = item.text, None, []
        elif kind == "p" and title and unit is None and item.text.strip():
            unit = item.text
        elif kind == "t" and title:
            tables.append(item)
            if len(tables) == 2:
                found[title] = (unit, tables[0], tables[1])
                title = None
    return found


def _amount(value: Decimal | None) -> str:
    return "" if value is None else f"{value:.2f}"


def _percent(value: Decimal | None) -> str:
    if value is None:
        return ""
    return f"{int(value) if value == int(value) else value}%"


def indicator_rows(rows) -> list[tuple[str, ...]]:
    result, level1, level2 = [], "", ""
    for row in rows:
        level1 = row[0] if row[0] is not None else level1
        level2 = row[1] if row[1] is not None else level2
        result.append((level1, level2, row[2], row[3], row[5], row[6]))
    return result


# ------------------------------------------------------------------ fixtures
@pytest.fixture(scope="module", params=["compact", "gbt9704"])
def profile(request):
    return request.param


@pytest.fixture(scope="module", params=list(SAMPLES))
def exported(request, profile, tmp_path_factory):
    document = SAMPLES[request.param].build()
    path = tmp_path_factory.mktemp("docx") / f"{request.param}-{profile}.docx"
    result = export_docx(document, path, profile=profile)
    return document, path, result, profile


# ------------------------------------------------------------------ the tables
def test_every_field_of_every_project_reads_back(exported):
    example, path, result, _ = exported
    tables = project_tables(docx.Document(str(path)))
    assert result.tables == len(tables) == example.project_count() == 10
    for u, p, unit, project in example.projects():
        title = f"{example.project_number(u, p)}.{project.name}绩效目标表"
        unit_line, top, indicators = tables[title]
        assert unit_line == f"{unit.code}{unit.name}\t单位：万元", title
        rows = grid(top)
        assert rows[0] == ["项目编码", project.code, None, "项目名称", project.name, None, None], title
        assert rows[1] == ["预算规模及资金用途", "预算数", _amount(project.budget_total), "其中：财政资金",
                           _amount(project.budget_fiscal), "其他资金", _amount(project.budget_other)], title
        assert rows[2] == [None, project.purpose, None, None, None, None, None], title
        plan = project.spending_plan.checkpoints
        assert rows[3] == ["资金支出计划（%）", plan[0].label, None, plan[1].label, None, plan[2].label, plan[3].label]
        assert rows[4] == [None, _percent(plan[0].value), None, _percent(plan[1].value), None,
                           _percent(plan[2].value), _percent(plan[3].value)], title
        assert rows[5] == ["绩效目标", "".join(f"{n}.{goal}" for n, goal in enumerate(project.goals, 1)),
                           None, None, None, None, None], title
        assert len(rows) == 6
        rows = grid(indicators)
        assert rows[0] == HEADER, title
        assert indicator_rows(rows[1:]) == [indicator.cells() for indicator in project.indicators], title


def test_merges_are_those_of_the_official_table(profile, tmp_path):
    """一级 merged over its rows, 二级 over equal neighbours, as in DOMAIN.md §2 (first table of 抚宁)."""
    path = tmp_path / "funing.docx"
    export_docx(funing_2024.build(), path, project_codes=["13030624P00530210007P"], profile=profile)
    _, top, indicators = project_tables(docx.Document(str(path)))["1.2024年改制企业相关费用绩效目标表"]
    rows = grid(indicators)[1:]
    # 9 rows: 产出指标 over six (数量指标 over three), then 效益指标 over two, 满意度指标 one.
    assert [row[0] for row in rows] == ["产出指标", None, None, None, None, None, "效益指标", None, "满意度指标"]
    assert [row[1] for row in rows[:4]] == ["数量指标", None, None, "质量指标"]
    # 预算规模及资金用途 and 资金支出计划 each over their two rows: restart, then continue.
    merges = [tc.find(qn("w:tcPr")).find(qn("w:vMerge")) for tc in (
        tr.findall(qn("w:tc"))[0] for tr in top._tbl.findall(qn("w:tr")))]
    assert [m.get(qn("w:val")) if m is not None else "-" for m in merges] == ["-", "restart", None, "restart", None, "-"]


def test_header_repeats_and_rows_do_not_break(exported):
    _, path, _, _ = exported
    for _, top, indicators in project_tables(docx.Document(str(path))).values():
        header_rows = [bool(tr.find(qn("w:trPr")).findall(qn("w:tblHeader")))
                       for tr in indicators._tbl.findall(qn("w:tr"))]
        assert header_rows[0] and not any(header_rows[1:])
        for table in (top, indicators):
            rows = table._tbl.findall(qn("w:tr"))
            for r, tr in enumerate(rows):
                assert tr.find(qn("w:trPr")).find(qn("w:cantSplit")) is not None
                for tc in tr.findall(qn("w:tc")):
                    borders = tc.find(qn("w:tcPr")).find(qn("w:tcBorders"))
                    sides = {side: borders.find(qn(f"w:{side}")).get(qn("w:val"))
                             for side in ("top", "left", "bottom", "right")}
                    # The top table's last line is drawn by the indicator table's top border.
                    closed_below = table is top and r == len(rows) - 1
                    assert sides == {"top": "single", "left": "single", "right": "single",
                                     "bottom": "nil" if closed_below else "single"}


# ------------------------------------------------------------------ headings, 目录, pages
def test_headings_are_word_heading_styles(exported):
    example, path, _, profile = exported
    document = docx.Document(str(path))
    by_style: dict[str, list[str]] = {}
    for paragraph in document.paragraphs:
        by_style.setdefault(paragraph.style.name, []).append(paragraph.text)
    assert by_style["Heading 1"] == ["第一部分\n部门整体绩效目标", "第二部分\n预算项目绩效目标"]
    titles = [f"{example.project_number(u, p)}.{project.name}绩效目标表" for u, p, _, project in example.projects()]
    assert by_style["Heading 2"] == ["一、总体绩效目标", "二、分项绩效目标", "三、工作保障措施", *titles]
    sub_goals = [f"（{n}）{sub.title}" for n, sub in zip("一二三四五六七八九", example.part1.sub_goals)]
    assert by_style["Heading 3"][:len(sub_goals)] == sub_goals
    # The navigation pane works from the outline levels of these styles.
    for name, level in (("Heading 1", "0"), ("Heading 2", "1"), ("Heading 3", "2")):
        style = document.styles[name].element
        assert style.find(qn("w:pPr")).find(qn("w:outlineLvl")).get(qn("w:val")) == level
    # Part 1's running text is there, in the body style.
    assert any(text.startswith(example.part1.overall_goal[:20]) for text in by_style["Normal"])


def test_contents_is_a_toc_field_with_the_pdfs_page_numbers(exported, tmp_path):
    example, path, result, profile = exported
    document = docx.Document(str(path))
    instructions = [node.text for node in document.element.body.iter(qn("w:instrText"))]
    assert any(text.strip().startswith("TOC \\o \"1-2\"") for text in instructions)
    pdf = export_pdf(example, tmp_path / "same.pdf", profile=profile)
    lines = [p.text for p in document.paragraphs if p.style.name in ("toc 1", "toc 2")]
    titles = [f"{example.project_number(u, p)}.{project.name}绩效目标表" for u, p, _, project in example.projects()]
    expected = ["第一部分 部门整体绩效目标", "一、总体绩效目标", "二、分项绩效目标", "三、工作保障措施",
                "第二部分 预算项目绩效目标", *titles]
    assert [line.split("\t")[0] for line in lines] == expected
    page_of_key = {heading.key: heading.page for heading in pdf.headings}
    keys = ["part1", "part1-1", "part1-2", "part1-3", "part2",
            *[f"project-{example.project_number(u, p)}" for u, p, _, _ in example.projects()]]
    assert [int(line.split("\t")[1]) for line in lines] == [page_of_key[key] for key in keys]
    # The first table stands on the page of the 第二部分 title, as in the PDF.
    assert result.pages["project-1"] == result.pages["part2"]


def test_pages_sections_and_page_numbers(exported):
    _, path, _, profile = exported
    document = docx.Document(str(path))
    cover, body = document.sections
    for section in (cover, body):
        assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    margins = {"compact": (22, 20, 22, 20), "gbt9704": (37, 28, 35, 26)}[profile]
    assert tuple(round(getattr(body, f"{side}_margin").mm, 1) for side in ("top", "left", "bottom", "right")) == margins
    # The cover and 目录 carry no number; the body counts from 1 with a PAGE field.
    assert body._sectPr.find(qn("w:pgNumType")).get(qn("w:start")) == "1"
    assert cover._sectPr.find(qn("w:footerReference")) is None
    footer = body.footer.paragraphs[0]
    assert "PAGE" in "".join(node.text for node in footer._p.iter(qn("w:instrText")))
    if profile == "gbt9704":
        assert footer.text == "— 1 —" and footer.alignment == 2  # right on odd pages
        assert document.settings.odd_and_even_pages_header_footer
        even = body.even_page_footer.paragraphs[0]
        assert even.text == "— 1 —" and even.alignment == 0  # left on even pages
    else:
        assert footer.text == "- 1 -" and footer.alignment == 1


def _east_asian(document, style: str) -> tuple[str, float]:
    element = document.styles[style].element
    fonts = element.find(qn("w:rPr")).find(qn("w:rFonts"))
    return fonts.get(qn("w:eastAsia")), document.styles[style].font.size.pt


def test_fonts_of_each_profile_are_named_for_east_asian_text(exported):
    _, path, _, profile = exported
    document = docx.Document(str(path))
    if profile == "compact":
        assert _east_asian(document, "Normal") == ("宋体", 12)
        assert _east_asian(document, "Heading 2") == ("黑体", 14)
        assert _east_asian(document, "表格文字") == ("宋体", 9)
    else:
        assert _east_asian(document, "Normal") == ("仿宋", 16)
        assert _east_asian(document, "Heading 2") == ("黑体", 16)
        assert _east_asian(document, "Heading 3") == ("楷体", 16)
        assert _east_asian(document, "Heading 1") == ("方正小标宋简体", 22)
        assert _east_asian(document, "封面标题") == ("方正小标宋简体", 22)
        assert _east_asian(document, "表格文字")[1] in (10.5, 12)  # 五号 or 小四
        # 22 lines of 28.95 pt on the page grid, the body's lines exactly on it.
        grid_element = document.sections[1]._sectPr.find(qn("w:docGrid"))
        assert grid_element.get(qn("w:linePitch")) == "579"
        assert document.styles["Normal"].paragraph_format.line_spacing.pt == pytest.approx(28.95, abs=0.05)
    # Named, not embedded: the package holds no font files.
    with zipfile.ZipFile(path) as archive:
        assert not [name for name in archive.namelist() if name.startswith("word/fonts/")]


# ------------------------------------------------------------------ choices and refusals
def test_chosen_projects_only_in_one_numbered_section(tmp_path):
    example = funing_2024.build()
    codes = [project.code for *_, project in example.projects()][2:4]
    path = tmp_path / "two.docx"
    result = export_docx(example, path, project_codes=codes)
    document = docx.Document(str(path))
    assert result.tables == 2 and len(document.sections) == 1
    assert [p.text for p in document.paragraphs if p.style.name == "Heading 2"] == [
        t for t in project_tables(document)]
    assert [t.split(".")[0] for t in project_tables(document)] == ["3", "4"]
    with pytest.raises(PerfdeskError, match="X123"):
        export_docx(example, tmp_path / "none.docx", project_codes=["X123"])


def test_a_workbook_is_never_replaced_by_a_word_file(tmp_path):
    from perfdesk.fileio import save_document

    workbook = tmp_path / "book.xlsx"
    save_document(funing_2024.build(), workbook)
    renamed = tmp_path / "renamed.docx"  # a workbook whose name a slip made .docx
    renamed.write_bytes(workbook.read_bytes())
    for target in (workbook, renamed):
        before = target.read_bytes()
        with pytest.raises(SaveError, match="不是 Word 文件"):
            export_docx(funing_2024.build(), target)
        assert target.read_bytes() == before
    # An earlier export is replaced.
    earlier = tmp_path / "earlier.docx"
    export_docx(funing_2024.build(), earlier, project_codes=[next(funing_2024.build().projects())[3].code])
    export_docx(funing_2024.build(), earlier)
    assert len(docx.Document(str(earlier)).sections) == 2


def test_command_line_writes_docx_with_a_profile(tmp_path, capsys):
    source = tmp_path.parent / "funing.xlsx"
    from perfdesk.fileio import save_document

    save_document(funing_2024.build(), source)
    out = tmp_path / "out.docx"
    assert main(["export", str(source), str(out), "--profile", "gbt9704"]) == 0
    assert "公文格式" in capsys.readouterr().out
    assert round(docx.Document(str(out)).sections[1].top_margin.mm) == 37
    assert main(["export", str(source), str(tmp_path / "x.docx"), "--profile", "无此版式"]) == 2
    assert "没有名为“无此版式”的版式" in capsys.readouterr().err
    assert main(["export", str(source), str(tmp_path / "x.doc")]) == 2
    assert ".pdf 或 .docx" in capsys.readouterr().err


def test_markup_like_text_control_characters_and_an_empty_document(tmp_path):
    from perfdesk.model import BudgetUnit, Document, Project

    export_docx(Document(), tmp_path / "empty.docx")
    assert len(docx.Document(str(tmp_path / "empty.docx")).sections) == 2
    odd = Project(code="P1", name="名称\x0b含<b>标记</b>&\x01", purpose="第一行\n第二行", goals=["目标<1>"])
    document = Document(department="测试局", year=2025, units=[BudgetUnit(code="1", name="单位", projects=[odd])])
    export_docx(document, tmp_path / "odd.docx", profile="gbt9704")
    word = docx.Document(str(tmp_path / "odd.docx"))
    # Text is text (no markup), a pasted line break is a break, other control characters go.
    assert [p.text for p in word.paragraphs if p.style.name == "Heading 2"][-1] == "1.名称\n含<b>标记</b>&绩效目标表"
    _, top, _ = project_tables(word)["1.名称\n含<b>标记</b>&绩效目标表"]
    assert grid(top)[2][1] == "第一行第二行" and grid(top)[5][1] == "1.目标<1>"
