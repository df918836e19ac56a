"""Saving where a clerk's PC says no: a read-only file, a workbook open in Excel, a missing
folder, a full disk. Each gives a Chinese reason and leaves the old file (and no debris)."""

from __future__ import annotations

import errno
import os
import stat

import pytest

from benchmarks.generate import generate_document
from perfdesk.cli.main import main
from perfdesk.errors import SaveError
from perfdesk.fileio import save_document


@pytest.fixture
def saved(tmp_path):
    path = tmp_path / "绩效文本.xlsx"
    save_document(generate_document(projects=2, units=1), path)
    return path


def test_a_read_only_file_is_not_overwritten(saved):
    before = saved.read_bytes()
    os.chmod(saved, stat.S_IRUSR | stat.S_IRGRP)
    try:
        with pytest.raises(SaveError, match="文件是只读的") as caught:
            save_document(generate_document(projects=3, units=1), saved)
        assert "另存为" in str(caught.value)
        assert saved.read_bytes() == before
        assert sorted(p.name for p in saved.parent.iterdir()) == ["绩效文本.xlsx"]  # no backup, no temp
    finally:
        os.chmod(saved, stat.S_IRUSR | stat.S_IWUSR)


def test_a_missing_folder_is_named_in_chinese(tmp_path):
    with pytest.raises(SaveError) as caught:
        save_document(generate_document(projects=1), tmp_path / "没有这个目录" / "a.xlsx")
    assert "文件夹" in str(caught.value) and "没有这个目录" in str(caught.value) and "不存在" in str(caught.value)
    assert "No such file" not in str(caught.value)


def test_a_full_disk_says_so_and_keeps_the_old_file(saved, monkeypatch):
    before = saved.read_bytes()
    real_write = os.write

    def full(fd, data):
        real_write(fd, bytes(data[:10]))
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "write", full)
    with pytest.raises(SaveError) as caught:
        save_document(generate_document(projects=3, units=1), saved)
    assert "磁盘空间不足" in str(caught.value) and "原来的文件没有改动" in str(caught.value)
    monkeypatch.undo()
    assert saved.read_bytes() == before
    assert sorted(p.name for p in saved.parent.iterdir()) == ["绩效文本.xlsx"]


def test_a_workbook_open_in_excel_is_named_as_the_reason(saved, monkeypatch):
    (saved.parent / f"~${saved.name}").write_bytes(b"\x05clerk" + b" " * 50)  # Excel's owner file
    real_replace = os.replace

    def locked(source, target):
        if str(target) == str(saved):  # Windows refuses to replace a file Excel holds open
            raise PermissionError(errno.EACCES, "Permission denied", str(target))
        return real_replace(source, target)

    monkeypatch.setattr(os, "replace", locked)
    before = saved.read_bytes()
    with pytest.raises(SaveError, match="文件正被.*（Excel 或 WPS）打开，请先关闭它"):
        save_document(generate_document(projects=3, units=1), saved)
    assert saved.read_bytes() == before


def test_cli_save_errors_are_one_chinese_line_with_status_2(saved, tmp_path, capsys):
    target = tmp_path / "只读.json"
    target.write_text("{}", encoding="utf-8")
    os.chmod(target, stat.S_IRUSR)
    try:
        assert main(["convert", str(saved), str(target)]) == 2
    finally:
        os.chmod(target, stat.S_IRUSR | stat.S_IWUSR)
    err = capsys.readouterr().err
    assert "只读" in err and "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert target.read_text(encoding="utf-8") == "{}"


def _listing(folder):
    return sorted(p.name for p in folder.iterdir())


def test_saving_onto_a_folder_says_so_in_chinese(tmp_path):
    target = tmp_path / "绩效文本.xlsx"
    target.mkdir()
    (target / "里面的文件.txt").write_text("不要动", encoding="utf-8")
    with pytest.raises(SaveError) as caught:
        save_document(generate_document(projects=1), target)
    message = str(caught.value)
    assert "“绩效文本.xlsx”是一个文件夹" in message and "换一个文件名" in message
    assert "Is a directory" not in message and "Errno" not in message
    assert target.is_dir() and _listing(target) == ["里面的文件.txt"]
    assert (target / "里面的文件.txt").read_text(encoding="utf-8") == "不要动"
    assert _listing(tmp_path) == ["绩效文本.xlsx"]  # no temporary file or backup left


def test_a_backup_name_taken_by_a_folder_is_named(saved):
    before = saved.read_bytes()
    (saved.parent / "绩效文本~.xlsx").mkdir()
    with pytest.raises(SaveError) as caught:
        save_document(generate_document(projects=3, units=1), saved)
    assert "备份文件名“绩效文本~.xlsx”已被一个文件夹占用" in str(caught.value)
    assert saved.read_bytes() == before and _listing(saved.parent) == ["绩效文本.xlsx", "绩效文本~.xlsx"]


def test_a_name_too_long_says_so_in_chinese(tmp_path):
    with pytest.raises(SaveError) as caught:
        save_document(generate_document(projects=1), tmp_path / ("长" * 200 + ".xlsx"))
    assert "文件名或路径太长" in str(caught.value) and "File name too long" not in str(caught.value)
    assert _listing(tmp_path) == []


@pytest.mark.parametrize("code, words", [
    (errno.EROFS, "只读"), (errno.EACCES, "没有写入权限"), (errno.EPERM, "没有写入权限"),
    (errno.ENOSPC, "磁盘空间不足"), (errno.EIO, "读写磁盘时出错"),
    (errno.ENOENT, "找不到要写入的位置"),  # the folder exists: it vanished during the save
    (errno.EXDEV, "错误代码 EXDEV"),  # rarer errors: Chinese, with the code for whoever helps
])
def test_each_system_error_is_told_in_chinese(saved, monkeypatch, code, words):
    before = saved.read_bytes()
    english = os.strerror(code)

    def refuse(source, target):
        raise OSError(code, english)

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(SaveError) as caught:
        save_document(generate_document(projects=3, units=1), saved)
    message = str(caught.value)
    assert words in message and english not in message and "原来的文件没有改动" in message
    monkeypatch.undo()
    assert saved.read_bytes() == before and _listing(saved.parent) == ["绩效文本.xlsx"]
