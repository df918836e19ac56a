"""What opening a workbook could not place is listed on stderr by ``perfdesk info``, ``convert``,
``check`` and ``export`` (headed like the import notes, one per line); stdout, ``check --json``
and the exit statuses are those of the same workbook without it.

The clerk's workbook is the Funing example with a 说明 sheet added (neither Part 1, the 目录
nor a project table) and a remark beside an indicator row, next to an unchanged copy of the
example under the same name.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import openpyxl
import pytest

from perfdesk.cli.main import main
from perfdesk.fileio import open_document
from perfdesk.resources import resource_path

EXAMPLE = resource_path("examples", "funing-2024.xlsx")
NAME = "抚宁.xlsx"


@pytest.fixture
def folders(tmp_path, monkeypatch) -> tuple[Path, Path]:
    """(the clerk's folder, a folder with the plain example), each holding 抚宁.xlsx."""
    clerk, plain = tmp_path / "clerk", tmp_path / "plain"
    clerk.mkdir()
    plain.mkdir()
    book = openpyxl.load_workbook(EXAMPLE)
    sheet = book.create_sheet("说明")
    sheet["A1"] = "填表说明：金额单位为万元"
    sheet["B3"] = "联系人：张三"
    book["1.2024年改制企业相关费用"]["H12"] = "按上年实际核定"  # a remark beside an indicator row
    book.save(clerk / NAME)
    shutil.copy(EXAMPLE, plain / NAME)
    return clerk, plain


def run(capsys, monkeypatch, folder: Path, *args: str) -> tuple[int, str, str]:
    """``perfdesk args…`` run in ``folder`` (so that file names in the output are the same)."""
    monkeypatch.chdir(folder)
    status = main(list(args))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def expected_lines(folder: Path, name: str | None = None) -> list[str]:
    """What stderr should say about ``folder/抚宁.xlsx``: its notes under their headings."""
    result = open_document(folder / NAME)
    lost, kept = result.lost, [note for note in result.notes if note.kept]
    assert lost, "the test workbook should hold something a save does not write"
    opened = f"“{name}”打开时" if name else "打开时"
    lines = [f"{opened}有 {len(lost)} 处内容未能读入，请核对：", *(f"  {note}" for note in lost)]
    if kept:
        lines += [f"{opened}有 {len(kept)} 处内容不作编辑，保存时原样保留：", *(f"  {note}" for note in kept)]
    return lines


def assert_listed(err: str, folder: Path, name: str | None = None) -> None:
    assert err.splitlines() == expected_lines(folder, name)
    assert any(line.startswith("  工作表“说明”") for line in err.splitlines()), err


@pytest.mark.parametrize("command", [["info", NAME], ["convert", NAME, "out.json"], ["check", NAME]])
def test_notes_go_to_stderr_and_stdout_is_unchanged(capsys, monkeypatch, folders, command):
    clerk, plain = folders
    status, out, err = run(capsys, monkeypatch, clerk, *command)
    plain_status, plain_out, plain_err = run(capsys, monkeypatch, plain, *command)
    assert (status, out) == (plain_status, plain_out)
    assert plain_err == ""
    assert_listed(err, clerk)
    assert "Traceback" not in err


def test_convert_still_writes_the_document(capsys, monkeypatch, folders):
    clerk, plain = folders
    assert run(capsys, monkeypatch, clerk, "convert", NAME, "out.json")[0] == 0
    assert run(capsys, monkeypatch, plain, "convert", NAME, "out.json")[0] == 0
    converted = json.loads((clerk / "out.json").read_text("utf-8"))
    # the 说明 sheet goes along as a kept sheet; everything else is the plain example's
    assert [sheet["name"] for sheet in converted.pop("kept_sheets")] == ["说明"]
    assert converted == json.loads((plain / "out.json").read_text("utf-8"))


def test_check_names_each_file_when_there_are_several(capsys, monkeypatch, folders):
    clerk, plain = folders
    shutil.copy(plain / NAME, clerk / "干净.xlsx")
    status, out, err = run(capsys, monkeypatch, clerk, "check", NAME, "干净.xlsx")
    assert status == 2  # the published example has review errors, as before
    assert_listed(err, clerk, NAME)
    assert "干净.xlsx" not in err  # nothing to say about it
    assert "共审核 2 个文件：" in out and "打开时" not in out


def test_check_json_is_unchanged_and_the_notes_go_to_stderr(capsys, monkeypatch, folders):
    clerk, plain = folders
    status, out, err = run(capsys, monkeypatch, clerk, "check", NAME, "--json")
    plain_status, plain_out, _ = run(capsys, monkeypatch, plain, "check", NAME, "--json")
    assert status == plain_status == 2
    assert json.loads(out) == json.loads(plain_out)  # a list of findings: no place for the notes
    assert_listed(err, clerk)


def test_export_lists_the_notes_on_stderr(capsys, monkeypatch, folders):
    clerk, _ = folders
    status, out, err = run(capsys, monkeypatch, clerk, "export", NAME, "out.pdf", "--project", "13030624P00554910003D")
    assert status == 0 and out.startswith("已导出“out.pdf”") and (clerk / "out.pdf").is_file()
    assert_listed(err, clerk)


def test_a_workbook_without_notes_prints_nothing_on_stderr(capsys, monkeypatch, folders):
    _, plain = folders
    for command in (["info", NAME], ["check", NAME]):
        assert run(capsys, monkeypatch, plain, *command)[2] == ""


def test_kept_notes_are_listed_under_their_own_heading(capsys):
    from perfdesk.cli.notes import print_read_notes
    from perfdesk.fileio import ReadNote

    print_read_notes([ReadNote("说明", "", "填表说明", "原样保留的工作表", kept=True),
                      ReadNote("1.项目", "H12", "备注", "在指标表的栏目之外，未读入")])
    err = capsys.readouterr().err
    assert err.splitlines() == ["打开时有 1 处内容未能读入，请核对：",
                                "  工作表“1.项目” H12：在指标表的栏目之外，未读入：“备注”",
                                "打开时有 1 处内容不作编辑，保存时原样保留：",
                                "  工作表“说明”：原样保留的工作表：“填表说明”"]


def test_rollover_lists_the_notes_on_stderr(capsys, monkeypatch, folders):
    clerk, plain = folders
    status, out, err = run(capsys, monkeypatch, clerk, "rollover", NAME, "2025.xlsx", "--year", "2025")
    plain_status, plain_out, _ = run(capsys, monkeypatch, plain, "rollover", NAME, "2025.xlsx", "--year", "2025")
    assert (status, out) == (plain_status, plain_out) == (0, plain_out)
    assert_listed(err, clerk)
