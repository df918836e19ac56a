"""Importing files and the ``perfdesk import`` command: encodings, workbooks, bad input."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from expected_samples import funing_2024
from perfdesk.cli.main import main
from perfdesk.errors import FileFormatError
from perfdesk.fileio import load_document
from perfdesk.importers import import_file

SAMPLES = Path(__file__).resolve().parent.parent / "data" / "samples"
FUNING = SAMPLES / "funing-2024-pdf-extract.txt"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030"])
def test_text_files_in_each_encoding_import_the_same(encoding: str, tmp_path: Path) -> None:
    path = tmp_path / f"funing-{encoding}.txt"
    path.write_bytes(FUNING.read_text(encoding="utf-8").encode(encoding))
    assert import_file(path).document == funing_2024.build()


def test_windows_line_endings(tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes(FUNING.read_text(encoding="utf-8").replace("\n", "\r\n").encode("utf-8"))
    assert import_file(path).document == funing_2024.build()


@pytest.mark.parametrize(("name", "content", "message"), [
    ("binary.txt", b"\x00\x01\x02\x03" * 50, "不是纯文本文件"),
    ("scan.pdf", b"%PDF-1.4\n", "PDF 文件已损坏"),  # a header and nothing else: cut short
    ("table.xlsx", b"PK\x03\x04", "只能导入 .txt 或 .docx"),
    ("latin.txt", "Dear colleague, see you.".encode("latin-1"), "没有在文件中找到部门预算绩效文本"),
])
def test_files_that_are_not_texts_give_clear_messages(name: str, content: bytes, message: str,
                                                      tmp_path: Path) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(FileFormatError) as caught:
        import_file(path)
    assert message in str(caught.value)
    assert name in str(caught.value)


def _cells(path: Path) -> list[tuple[str, list[tuple]]]:
    workbook = openpyxl.load_workbook(path)
    return [(sheet.title, [tuple(c.value for c in row) for row in sheet.iter_rows()]) for sheet in workbook]


def test_cli_import_writes_a_workbook_and_prints_the_notes(tmp_path: Path, capsys) -> None:
    out = tmp_path / "funing.xlsx"
    assert main(["import", str(FUNING), str(out)]) == 0
    printed = capsys.readouterr()
    assert "已导入 10 个项目" in printed.out
    assert "第 149 行" in printed.err and "<p>" in printed.err  # the notes, on stderr
    assert load_document(out) == funing_2024.build()


def test_importing_the_same_text_twice_gives_identical_workbooks(tmp_path: Path) -> None:
    first, second = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    assert main(["import", str(FUNING), str(first)]) == 0
    assert main(["import", str(FUNING), str(second)]) == 0
    assert _cells(first) == _cells(second)


def test_cli_import_of_an_unrecognisable_file_writes_nothing(tmp_path: Path, capsys) -> None:
    source, out = tmp_path / "letter.txt", tmp_path / "out.xlsx"
    source.write_text("各位同事：\n下周一开会。\n", encoding="utf-8")
    assert main(["import", str(source), str(out)]) == 2
    error = capsys.readouterr().err
    assert "没有在文件中找到部门预算绩效文本" in error and "Traceback" not in error
    assert not out.exists()


def test_cli_import_leaves_an_existing_output_untouched_on_error(tmp_path: Path) -> None:
    source, out = tmp_path / "broken.docx", tmp_path / "keep.xlsx"
    source.write_bytes(b"PK\x03\x04junk")
    out.write_bytes(b"previous contents")
    assert main(["import", str(source), str(out)]) == 2
    assert out.read_bytes() == b"previous contents"


def test_cli_import_refuses_to_overwrite_its_input(tmp_path: Path, capsys) -> None:
    source = tmp_path / "same.txt"
    source.write_bytes(FUNING.read_bytes())
    assert main(["import", str(source), str(source)]) == 2
    assert source.read_bytes() == FUNING.read_bytes()
    assert "不能与输入文件相同" in capsys.readouterr().err
