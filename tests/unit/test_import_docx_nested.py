"""Word files as clerks' templates make them: each project boxed in a one-cell layout table with
the real 7-column table nested inside, and a text saved as GBK (“ANSI”) by Notepad, both through
``perfdesk import``. Expected documents: the hand transcription of the Funing 2024 text."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import docx

from expected_samples import funing_2024
from perfdesk.cli.main import main
from perfdesk.fileio import load_document
from perfdesk.importers import import_file

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("official_docx", HERE / "test_import_docx.py")
official_docx = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(official_docx)


def boxed_docx(path: Path, projects: int = 3) -> list:
    """Cover lines as paragraphs, then each project's title, unit line and table inside the one
    cell of an outer table (what a Word template that frames every page does)."""
    document = funing_2024.build()
    word = docx.Document()
    word.add_paragraph(document.department)
    word.add_paragraph(f"{document.year}年部门预算绩效文本")
    word.add_paragraph("第二部分 预算项目绩效目标")
    chosen = list(document.projects())[:projects]
    for u, p, unit, project in chosen:
        box = word.add_table(rows=1, cols=1).cell(0, 0)
        box.paragraphs[0].text = f"{document.project_number(u, p)}.{project.name}绩效目标表"
        box.add_paragraph(f"{unit.label}\t单位：万元")
        official_docx._project_table(box, project)
    word.save(str(path))
    return [project for _, _, _, project in chosen]


def test_tables_nested_in_a_layout_table_import_whole(tmp_path):
    path = tmp_path / "套表.docx"
    expected = boxed_docx(path)
    result = import_file(path)
    assert [project for _, _, _, project in result.document.projects()] == expected
    assert [unit.label for unit in result.document.units] == ["471001秦皇岛市抚宁区科技和工业信息化局本级"]


def test_cli_import_of_a_boxed_docx_and_of_a_gbk_text(tmp_path, capsys):
    path = tmp_path / "套表.docx"
    expected = boxed_docx(path, projects=2)
    assert main(["import", str(path), str(tmp_path / "out.xlsx")]) == 0
    assert [p for _, _, _, p in load_document(tmp_path / "out.xlsx").projects()] == expected

    text = (HERE.parent / "data" / "samples" / "funing-2024-pdf-extract.txt").read_text(encoding="utf-8")
    gbk = tmp_path / "记事本另存.txt"
    gbk.write_bytes(text.encode("gbk"))
    assert main(["import", str(gbk), str(tmp_path / "from-gbk.xlsx")]) == 0
    assert load_document(tmp_path / "from-gbk.xlsx") == import_file(gbk).document == funing_2024.build()
    assert "Traceback" not in capsys.readouterr().err
