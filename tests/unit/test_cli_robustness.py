"""The command line against what a bureau's folders and a clerk's typing hold: folders and
patterns of files to check with non-workbooks and Excel lock files among them, a lock file opened
by mistake, a machine without CJK fonts, and a bug of ours that must still not show a traceback."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from benchmarks.generate import generate_document
from perfdesk.cli.main import main
from perfdesk.fileio import save_document
from perfdesk.pdf import fonts as pdf_fonts


def pdf_text(path: Path) -> str:
    from pypdf import PdfReader

    return "".join(page.extract_text() or "" for page in PdfReader(path).pages)

UMING = Path("/usr/share/fonts/truetype/arphic/uming.ttc")
MICROHEI = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")


@pytest.fixture
def bureau(tmp_path) -> Path:
    """A bureau's folder: two departments' workbooks (one in a subfolder), a JSON copy, a note,
    a scanned PDF, and the lock file Excel leaves beside a workbook that is open."""
    folder = tmp_path / "2026年绩效文本"
    (folder / "乡镇").mkdir(parents=True)
    save_document(generate_document(projects=2, units=1, seed=1), folder / "科技局.xlsx")
    save_document(generate_document(projects=1, units=1, seed=2), folder / "乡镇" / "某镇.xlsx")
    save_document(generate_document(projects=1, units=1, seed=3), folder / "备份.json")
    (folder / "说明.txt").write_text("请于11月底前报送", encoding="utf-8")
    (folder / "扫描件.pdf").write_bytes(b"%PDF-1.4\n")
    (folder / "~$科技局.xlsx").write_bytes(b"\x06clerk " + b"\x00" * 100)
    return folder


def summary_names(out: str) -> list[str]:
    lines = out.split("共审核", 1)[1].splitlines()[1:]
    return [line.strip().rsplit("：", 1)[0] for line in lines if line.strip()]


def test_check_a_folder_checks_the_workbooks_in_it_and_below(bureau, capsys):
    status = main(["check", str(bureau)])
    out = capsys.readouterr().out
    assert "共审核 3 个文件" in out
    assert sorted(Path(n).name for n in summary_names(out)) == ["备份.json", "某镇.xlsx", "科技局.xlsx"]
    assert "无法读取" not in out and "~$" not in out
    assert status in (0, 1, 2)


def test_check_expands_a_pattern_itself_as_the_windows_prompt_does_not(bureau, capsys, monkeypatch):
    monkeypatch.chdir(bureau)
    main(["check", "*.xlsx"])
    out = capsys.readouterr().out
    assert summary_names(out) == ["科技局.xlsx"]  # the lock file ~$科技局.xlsx is skipped
    main(["check", "**/*.xlsx"])
    assert sorted(summary_names(capsys.readouterr().out)) == sorted(["科技局.xlsx", str(Path("乡镇") / "某镇.xlsx")])


def test_a_pattern_matching_nothing_is_reported_with_status_2(tmp_path, capsys):
    assert main(["check", str(tmp_path / "*.xlsx")]) == 2
    assert "无法读取" in capsys.readouterr().out


def test_a_file_named_explicitly_is_checked_even_if_it_is_not_a_workbook(bureau, capsys):
    assert main(["check", str(bureau / "科技局.xlsx"), str(bureau / "说明.txt")]) == 2
    out = capsys.readouterr().out
    assert "不支持的文件类型" in out and "共审核 2 个文件" in out


def test_opening_an_excel_lock_file_says_which_workbook_to_open(bureau, capsys):
    lock = bureau / "~$科技局.xlsx"
    before = lock.read_bytes()
    assert main(["info", str(lock)]) == 2
    err = capsys.readouterr().err
    assert "锁定文件" in err and "请打开“科技局.xlsx”" in err and "Traceback" not in err
    assert lock.read_bytes() == before


def test_export_on_a_machine_without_cjk_fonts(bureau, tmp_path, capsys, monkeypatch):
    # The machine has none of the usual fonts (the candidate files do not exist there).
    monkeypatch.setattr(pdf_fonts, "BODY_CANDIDATES", ((tmp_path / "simsun.ttc", 0),))
    monkeypatch.setattr(pdf_fonts, "HEADING_CANDIDATES", ((tmp_path / "simhei.ttf", 0),))
    monkeypatch.delenv("PERFDESK_BODY_FONT", raising=False)
    monkeypatch.delenv("PERFDESK_HEADING_FONT", raising=False)
    target = tmp_path / "out.pdf"
    assert main(["export", str(bureau / "科技局.xlsx"), str(target)]) == 2
    err = capsys.readouterr().err
    assert "字体" in err and "simsun.ttc" in err and "Traceback" not in err
    assert not target.exists()
    # The clerk names font files on the command line, or once in the environment.
    assert main(["export", str(bureau / "科技局.xlsx"), str(target),
                 "--body-font", str(UMING), "--heading-font", str(MICROHEI)]) == 0
    assert "绩效目标表" in pdf_text(target).replace(" ", "")
    target.unlink()
    monkeypatch.setenv("PERFDESK_BODY_FONT", str(UMING))
    monkeypatch.setenv("PERFDESK_HEADING_FONT", str(MICROHEI))
    assert main(["export", str(bureau / "科技局.xlsx"), str(target)]) == 0
    assert target.exists()


def test_a_bug_of_ours_is_one_chinese_line_not_a_traceback(bureau, capsys, monkeypatch):
    # Simulated bug: the info command meets an exception nobody anticipated.
    import perfdesk.cli.files as files

    def broken(args):
        raise KeyError("time-before-year")

    monkeypatch.setattr(files, "run_info", broken)
    monkeypatch.delenv("PERFDESK_DEBUG", raising=False)
    assert main(["info", str(bureau / "科技局.xlsx")]) == 2
    err = capsys.readouterr().err
    assert "内部错误" in err and "KeyError" in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
    monkeypatch.setenv("PERFDESK_DEBUG", "1")
    with pytest.raises(KeyError):
        main(["info", str(bureau / "科技局.xlsx")])


def test_check_goes_on_after_one_file_fails_to_be_reviewed(bureau, capsys, monkeypatch):
    import perfdesk.papers.checked as check

    real = check.check_document
    calls = []

    def flaky(document, rules=None):
        calls.append(document)
        if len(calls) == 1:
            raise KeyError("time-before-year")
        return real(document, rules=rules)

    monkeypatch.setattr(check, "check_document", flaky)
    # one process, so that the stand-in review is the one called
    assert main(["check", "--jobs", "1", str(bureau / "科技局.xlsx"), str(bureau / "乡镇" / "某镇.xlsx")]) == 2
    out = capsys.readouterr().out
    assert "内部错误" in out and "共审核 2 个文件" in out and len(calls) == 2


@pytest.mark.parametrize("argv, words", [
    (["export", "a.xlsx"], ["缺少参数", "output"]),
    (["check", "--jsn", "a.xlsx"], ["不认识的参数", "--jsn"]),
    (["rollover", "a.xlsx", "b.xlsx", "--year", "二〇二六"], ["--year", "二〇二六", "不是整数"]),
    (["--lang", "fr"], ["--lang", "fr", "不可用"]),
])
def test_mistyped_command_lines_are_told_in_chinese(argv, words, capsys):
    assert main(argv) == 2
    err = capsys.readouterr().err
    for word in words:
        assert word in err
    assert "error:" not in err and "Traceback" not in err


def test_new_refuses_a_year_that_is_not_one(tmp_path, capsys):
    target = tmp_path / "模板.xlsx"
    assert main(["new", str(target), "--year", "26"]) == 2
    assert "四位数的年份" in capsys.readouterr().err
    assert not target.exists()


def test_output_piped_into_a_pager_that_closes_early(bureau):
    import subprocess
    import sys

    # `perfdesk check 文件夹 | head -1`: the closed pipe is no error worth a message.
    pipeline = subprocess.Popen([sys.executable, "-c", "import sys; from perfdesk.cli.main import main; "
                                 "sys.exit(main(sys.argv[1:]))", "check", str(bureau)],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    pipeline.stdout.close()  # the pager is gone before perfdesk writes its first line
    err = pipeline.stderr.read().decode("utf-8", "replace")
    pipeline.wait(timeout=120)
    assert "Broken pipe" not in err and "Traceback" not in err and "文件操作失败" not in err


def test_export_never_overwrites_the_workbook_with_a_pdf(bureau, tmp_path, capsys):
    from perfdesk.errors import SaveError
    from perfdesk.fileio import load_document
    from perfdesk.pdf import export_pdf

    workbook = bureau / "科技局.xlsx"
    before = workbook.read_bytes()
    assert main(["export", str(workbook), str(workbook)]) == 2
    assert ".pdf" in capsys.readouterr().err
    # the same slip through the window's save dialog, which calls export_pdf directly
    with pytest.raises(SaveError, match="不是 PDF 文件"):
        export_pdf(load_document(workbook), workbook)
    assert workbook.read_bytes() == before
    assert not [p for p in bureau.iterdir() if p.name.endswith(".tmp")]


def test_an_exported_pdf_is_readable_by_colleagues_and_replaces_an_old_pdf(bureau, tmp_path):
    target = tmp_path / "文本.pdf"
    target.write_bytes(b"%PDF-1.4 old")
    os.chmod(target, 0o664)
    assert main(["export", str(bureau / "科技局.xlsx"), str(target)]) == 0
    assert target.read_bytes().startswith(b"%PDF-") and len(target.read_bytes()) > 1000
    assert target.stat().st_mode & 0o777 == 0o664
    fresh = tmp_path / "新.pdf"
    assert main(["export", str(bureau / "科技局.xlsx"), str(fresh)]) == 0
    assert fresh.stat().st_mode & 0o044 == 0o044  # not the private 0600 of a temporary file
