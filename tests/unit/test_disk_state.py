"""Before saving, perfdesk checks that the workbook on disk is still the one it read."""

from __future__ import annotations

import os

import openpyxl

from perfdesk.fileio.disk_state import Fingerprint


def _write(path, value):
    book = openpyxl.Workbook()
    book.active["A1"] = value
    book.save(path)


def test_unchanged_file_is_not_changed(tmp_path):
    path = tmp_path / "绩效.xlsx"
    _write(path, "项目名称")
    assert not Fingerprint.of(path).changed(path)


def test_rewritten_by_openpyxl_is_changed(tmp_path):
    path = tmp_path / "绩效.xlsx"
    _write(path, "项目名称")
    print_ = Fingerprint.of(path)
    _write(path, "另一个项目名称，更长")
    assert print_.changed(path)


def test_same_size_new_content_new_time_is_changed(tmp_path):
    path = tmp_path / "绩效.txt"
    path.write_bytes(b"aaaa")
    print_ = Fingerprint.of(path, path.read_bytes())
    path.write_bytes(b"bbbb")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 5_000_000_000))
    assert print_.changed()


def test_touched_only_is_not_changed(tmp_path):
    path = tmp_path / "绩效.xlsx"
    _write(path, "项目名称")
    print_ = Fingerprint.of(path)
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 60_000_000_000))
    assert print_.changed(path) is False


def test_missing_file_is_changed(tmp_path):
    path = tmp_path / "绩效.xlsx"
    _write(path, "项目名称")
    print_ = Fingerprint.of(path)
    path.unlink()
    assert print_.changed(path)


def test_a_file_not_yet_saved_is_unchanged_while_still_absent(tmp_path):
    path = tmp_path / "新建.xlsx"
    print_ = Fingerprint.of(path)
    assert not print_.changed(path)
    _write(path, "别人先保存了")
    assert print_.changed(path)


def test_same_size_same_time_different_bytes_is_not_detectable(tmp_path):
    """Documented limit: a rewrite that keeps size and time is invisible without hashing on
    every check (see perfdesk/fileio/disk_state.py)."""
    path = tmp_path / "绩效.txt"
    path.write_bytes(b"aaaa")
    print_ = Fingerprint.of(path)
    stat = path.stat()
    path.write_bytes(b"bbbb")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert print_.changed(path) is False
