"""``perfdesk export IN.xlsx OUT.pdf [--project CODE ...]`` on a real workbook."""

from __future__ import annotations

from expected_samples.funing_2024 import build
from pdf_readback import indicator_rows, read_project_tables
from perfdesk.cli.main import main
from perfdesk.fileio import save_document


def test_export_a_workbook_whole_and_by_project(tmp_path, capsys):
    document = build()
    workbook = tmp_path / "抚宁2024.xlsx"
    save_document(document, workbook)

    assert main(["export", str(workbook), str(tmp_path / "all.pdf")]) == 0
    assert "已导出" in capsys.readouterr().out
    tables = read_project_tables(tmp_path / "all.pdf")
    assert len(tables) == 10
    first = document.units[0].projects[0]
    assert indicator_rows(tables["1.2024年改制企业相关费用绩效目标表"]) == [i.cells() for i in first.indicators]

    code = "13030624P00554910003D"  # table 6
    assert main(["export", str(workbook), str(tmp_path / "one.pdf"), "--project", code]) == 0
    assert list(read_project_tables(tmp_path / "one.pdf")) == ["6.历史遗留人员及政府返聘人员所需费用绩效目标表"]


def test_errors_are_one_chinese_line_and_status_2(tmp_path, capsys):
    workbook = tmp_path / "doc.xlsx"
    save_document(build(), workbook)
    target = tmp_path / "out.pdf"
    assert main(["export", str(workbook), str(target), "--project", "NOPE"]) == 2
    error = capsys.readouterr().err
    assert error.startswith("perfdesk: ") and "NOPE" in error and "Traceback" not in error
    assert not target.exists()

    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"not a workbook")
    assert main(["export", str(broken), str(target)]) == 2
    assert "Traceback" not in capsys.readouterr().err
    assert not target.exists()
