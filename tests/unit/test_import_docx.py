"""A .docx in the official layout, with merged cells, imports like the text it was made from.

The tests write the .docx themselves with python-docx: cover and Part 1 as paragraphs, each
project as the 7-column table of DOMAIN.md §2 (code B:C and name E:G merged, 预算规模及资金用途
and 资金支出计划 merged down over two rows, 3月底 B:C and 6月底 D:E, goals B:G, description D:E,
一级指标 merged down over its rows and 二级指标 over equal neighbours). The document it is
written from is the hand transcription, so the import must give that document back.
"""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from expected_samples import fengrun_2022, funing_2024
from perfdesk.errors import FileFormatError
from perfdesk.importers import import_file
from perfdesk.model import Document, DocumentStatus, format_amount


def _plan_cell(value) -> str:  # noqa: ANN001
    return "" if value is None else f"{value}%"


def _project_table(word, project) -> None:  # noqa: ANN001
    rows = 7 + len(project.indicators)
    table = word.add_table(rows=rows, cols=7)
    table.style = "Table Grid"
    cell = table.cell

    def put(r: int, c: int, text: str, to: int | None = None) -> None:
        target = cell(r, c) if to is None else cell(r, c).merge(cell(r, to))
        target.text = text

    put(0, 0, "项目编码"), put(0, 1, project.code, 2), put(0, 3, "项目名称"), put(0, 4, project.name, 6)
    cell(1, 0).merge(cell(2, 0)).text = "预算规模及资金用途"
    for c, text in enumerate(("预算数", format_amount(project.budget_total), "其中：财政资金",
                              format_amount(project.budget_fiscal), "其他资金",
                              format_amount(project.budget_other)), start=1):
        put(1, c, text)
    put(2, 1, project.purpose, 6)
    cell(3, 0).merge(cell(4, 0)).text = "资金支出计划（%）"
    labels, values = project.spending_plan.labels, project.spending_plan.values
    for (start, end), label, value in zip(((1, 2), (3, 4), (5, 5), (6, 6)), labels, values):
        put(3, start, label, end if end != start else None)
        put(4, start, _plan_cell(value), end if end != start else None)
    goals = cell(5, 1).merge(cell(5, 6))
    put(5, 0, "绩效目标")
    goals.text = ""
    for number, goal in enumerate(project.goals, start=1):
        paragraph = goals.paragraphs[0] if number == 1 else goals.add_paragraph()
        paragraph.text = f"{number}.{goal}"
    for c, text in zip((0, 1, 2, 3, 5, 6), ("一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据")):
        put(6, c, text, 4 if c == 3 else None)
    first = 7
    for offset, indicator in enumerate(project.indicators):
        r = first + offset
        put(r, 2, indicator.level3), put(r, 3, indicator.description, 4)
        put(r, 5, indicator.value), put(r, 6, indicator.basis)
    # Merge 一级指标 over its rows, 二级指标 over equal neighbours within them.
    _merge_runs(table, first, [i.level1 for i in project.indicators], 0)
    keys = [(i.level1, i.level2) for i in project.indicators]
    _merge_runs(table, first, keys, 1, [i.level2 for i in project.indicators])


def _merge_runs(table, first: int, keys: list, column: int, texts: list[str] | None = None) -> None:  # noqa: ANN001
    texts = texts or keys
    start = 0
    for end in range(1, len(keys) + 1):
        if end == len(keys) or keys[end] != keys[start]:
            merged = table.cell(first + start, column)
            if end - 1 > start:
                merged = merged.merge(table.cell(first + end - 1, column))
            merged.text = texts[start]
            start = end


def write_official_docx(document: Document, path: Path, cover: bool = True) -> None:
    word = docx.Document()
    if cover:
        word.add_paragraph(document.department)
        word.add_paragraph(f"{document.year}年部门预算绩效文本")
        word.add_paragraph(f"（{document.status.value}）")
        if document.prepared_by:
            word.add_paragraph(f"{document.prepared_by}编制")
        if document.reviewed_by:
            word.add_paragraph(f"{document.reviewed_by}审核")
    part1 = document.part1
    word.add_paragraph("第一部分 部门整体绩效目标")
    word.add_paragraph("一、总体绩效目标")
    for paragraph in part1.overall_goal.split("\n"):
        word.add_paragraph(paragraph)
    word.add_paragraph("二、分项绩效目标")
    numbers = "一二三四五六七八九十"
    for index, sub_goal in enumerate(part1.sub_goals):
        word.add_paragraph(f"（{numbers[index]}）{sub_goal.title}")
        word.add_paragraph(f"绩效目标：{sub_goal.goal}")
        word.add_paragraph(f"绩效指标：{sub_goal.indicators}")
    word.add_paragraph("三、工作保障措施")
    grouped = any(measure.items for measure in part1.measures)
    for index, measure in enumerate(part1.measures):
        if grouped:
            word.add_paragraph(f"{numbers[index]}、{measure.text}")
            for number, item in enumerate(measure.items):
                word.add_paragraph(f"（{numbers[number]}）{item}")
        else:
            word.add_paragraph(f"（{numbers[index]}）{measure.text}")
    word.add_paragraph("第二部分 预算项目绩效目标")
    for u, p, unit, project in document.projects():
        word.add_paragraph(f"{document.project_number(u, p)}.{project.name}绩效目标表")
        word.add_paragraph(f"{unit.label}\t单位：万元")
        _project_table(word, project)
        word.add_paragraph("")
    word.save(str(path))


@pytest.mark.parametrize("module", [fengrun_2022, funing_2024], ids=["fengrun", "funing"])
def test_official_layout_docx_imports_to_the_same_document(module, tmp_path: Path) -> None:
    want = module.build()
    path = tmp_path / "text.docx"
    write_official_docx(want, path)
    result = import_file(path)
    got = result.document
    assert (got.department, got.year, got.status) == (want.department, want.year, want.status)
    for number in range(1, want.project_count() + 1):
        mine, theirs = got.project(*got.locate(number)), want.project(*want.locate(number))
        assert mine == theirs, f"项目 {number}"
    assert got.part1 == want.part1
    assert got == want
    assert all("分页" not in note.reason for note in result.notes)


def test_merged_cells_really_are_merged_in_the_written_file(tmp_path: Path) -> None:
    # Guard the test itself: the table must use gridSpan and vMerge, not repeated text.
    path = tmp_path / "text.docx"
    write_official_docx(funing_2024.build(), path)
    xml = docx.Document(str(path)).tables[0]._tbl.xml
    assert 'w:gridSpan w:val="3"' in xml and 'w:vMerge w:val="restart"' in xml


def test_docx_without_cover_reads_as_published(tmp_path: Path) -> None:
    path = tmp_path / "no-cover.docx"
    write_official_docx(fengrun_2022.build(), path, cover=False)
    document = import_file(path).document
    assert (document.department, document.year, document.status) == ("唐山市丰润区科学技术局", 2022,
                                                                      DocumentStatus.FINAL)


def test_damaged_docx_gives_a_clear_message(tmp_path: Path) -> None:
    path = tmp_path / "broken.docx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(FileFormatError) as caught:
        import_file(path)
    assert "已损坏或不是 Word 文档" in str(caught.value) and "broken.docx" in str(caught.value)


def test_encrypted_or_old_doc_gives_a_clear_message(tmp_path: Path) -> None:
    path = tmp_path / "locked.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0" + b"\x00" * 600)
    with pytest.raises(FileFormatError, match="已加密"):
        import_file(path)
    old = tmp_path / "old.doc"
    old.write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(FileFormatError, match="另存为 .docx"):
        import_file(old)


def test_docx_with_no_budget_text_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "letter.docx"
    word = docx.Document()
    word.add_paragraph("关于召开年终总结会的通知")
    word.save(str(path))
    with pytest.raises(FileFormatError, match="没有在文件中找到部门预算绩效文本"):
        import_file(path)
