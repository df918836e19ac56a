"""The owner file beside an open workbook: who holds it, as Excel, WPS, LibreOffice and a second
perfdesk see it; stale ones from a crash; never an exception from a folder that cannot be written."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from perfdesk.fileio.owner_file import OwnerFile, held_in_this_process, holder, take

REPO = Path(__file__).resolve().parents[2]


def _workbook(tmp_path: Path) -> Path:
    path = tmp_path / "绩效文本.xlsx"
    path.write_bytes(b"PK\x03\x04 not parsed here")
    return path


def _excel_owner_file(user: str) -> bytes:
    """An owner file laid out byte by byte as Excel writes it (165 bytes), made by hand."""
    record = bytes([len(user)]) + user.encode("gbk")
    record += b" " * (55 - len(record))
    record += bytes([len(user), 0]) + user.encode("utf-16-le")
    while len(record) < 165:
        record += b" \x00"
    return record[:165]


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_excel_owner_file_names_the_user(tmp_path):
    workbook = _workbook(tmp_path)
    (tmp_path / "~$绩效文本.xlsx").write_bytes(_excel_owner_file("张三"))
    found = holder(workbook)
    assert found is not None
    assert found.user == "张三"
    assert found.perfdesk is False
    assert str(found) == "张三（Excel 或 WPS）"


def test_unreadable_excel_owner_file_still_means_held(tmp_path):
    workbook = _workbook(tmp_path)
    (tmp_path / "~$绩效文本.xlsx").write_bytes(b"\x00" * 10)
    found = holder(workbook)
    assert found is not None and str(found) == "另一位用户（Excel 或 WPS）"


def test_libreoffice_lock_file_names_user_and_host(tmp_path):
    workbook = _workbook(tmp_path)
    (tmp_path / ".~lock.绩效文本.xlsx#").write_text("王五,wangwu,财政局-PC,07.12.2026 09:05,file:///home/wangwu;",
                                                    encoding="utf-8")
    found = holder(workbook)
    assert (found.user, found.host, found.since) == ("王五", "财政局-PC", datetime(2026, 12, 7, 9, 5))
    assert "王五" in str(found) and "LibreOffice" in str(found) and "财政局-PC" in str(found)


def test_nobody_holds_a_workbook_without_owner_file(tmp_path):
    assert holder(_workbook(tmp_path)) is None


def test_own_owner_file_is_excels_format_and_released(tmp_path):
    workbook = _workbook(tmp_path)
    owner = take(workbook, user="张三")
    path = tmp_path / "~$绩效文本.xlsx"
    data = path.read_bytes()
    # What Excel/WPS read: the first 165 bytes, name length, ANSI name, then UTF-16 name at 55.
    assert data[:165] == _excel_owner_file("张三")
    assert data[0] == 2 and data[55:57] == b"\x02\x00" and data[57:61].decode("utf-16-le") == "张三"
    assert owner.held and held_in_this_process(workbook)
    assert holder(workbook) is None  # this process' own owner file
    owner.release()
    assert not path.exists() and not held_in_this_process(workbook)
    owner.release()  # idempotent
    assert not path.exists()


def test_release_leaves_an_owner_file_that_is_no_longer_ours(tmp_path):
    workbook = _workbook(tmp_path)
    owner = take(workbook, user="张三")
    path = tmp_path / "~$绩效文本.xlsx"
    path.unlink()  # e.g. removed by hand, then Excel opened the workbook
    path.write_bytes(_excel_owner_file("李四"))
    owner.release()
    assert path.read_bytes() == _excel_owner_file("李四")


def test_take_never_overwrites_someone_elses_owner_file(tmp_path):
    workbook = _workbook(tmp_path)
    path = tmp_path / "~$绩效文本.xlsx"
    path.write_bytes(_excel_owner_file("李四"))
    owner = take(workbook)
    assert not owner.held
    owner.release()
    assert path.read_bytes() == _excel_owner_file("李四")


def test_two_windows_of_one_process_share_the_owner_file(tmp_path):
    workbook = _workbook(tmp_path)
    first, second = take(workbook, user="张三"), take(workbook, user="张三")
    path = tmp_path / "~$绩效文本.xlsx"
    first.release()
    assert path.exists()  # the second window still has it open
    second.release()
    assert not path.exists()


def test_a_second_perfdesk_process_sees_the_holder(tmp_path):
    workbook = _workbook(tmp_path)
    owner = take(workbook, user="张三")
    try:
        script = ("import sys; from perfdesk.fileio.owner_file import holder; h = holder(sys.argv[1]); "
                  "print(h.user, h.perfdesk, h.pid, h.host); print(str(h))")
        result = subprocess.run([sys.executable, "-c", script, str(workbook)], capture_output=True,
                                cwd=REPO, timeout=60, env={**os.environ, "PYTHONIOENCODING": "utf-8"})
        lines = result.stdout.decode("utf-8").splitlines()
        assert lines[0] == f"张三 True {os.getpid()} {socket.gethostname()}", result.stderr.decode("utf-8", "replace")
        assert lines[1].startswith("张三（本机 perfdesk，") and lines[1].endswith(" 起）")
        assert (tmp_path / "~$绩效文本.xlsx").exists()  # a holder that is alive is not removed
    finally:
        owner.release()


def test_stale_owner_file_of_a_dead_perfdesk_is_removed(tmp_path):
    workbook = _workbook(tmp_path)
    info = {"user": "张三", "host": socket.gethostname(), "pid": _dead_pid(),
            "since": "2026-12-07T10:31:00+08:00", "token": "abc"}
    path = tmp_path / "~$绩效文本.xlsx"
    path.write_bytes(_excel_owner_file("张三") + b"\r\nperfdesk-owner 1\r\n" + json.dumps(info).encode())
    assert holder(workbook) is None
    assert not path.exists()
    owner = take(workbook)
    assert owner.held
    owner.release()


def test_owner_file_from_another_computer_is_kept(tmp_path):
    workbook = _workbook(tmp_path)
    info = {"user": "李四", "host": "科室-电脑2", "pid": _dead_pid(), "since": "2026-12-07T10:31:00", "token": "x"}
    path = tmp_path / "~$绩效文本.xlsx"
    path.write_bytes(_excel_owner_file("李四") + b"\r\nperfdesk-owner 1\r\n"
                     + json.dumps(info, ensure_ascii=False).encode())
    found = holder(workbook)
    assert found.perfdesk and found.host == "科室-电脑2"
    assert str(found) == "李四（电脑“科室-电脑2”上的 perfdesk，2026-12-07 10:31 起）"
    assert path.exists()


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs a folder root cannot be kept out of")
def test_read_only_folder_gives_an_owner_file_that_holds_nothing(tmp_path):
    workbook = _workbook(tmp_path)
    tmp_path.chmod(0o555)
    try:
        owner = take(workbook)
        assert isinstance(owner, OwnerFile) and not owner.held
        owner.release()
    finally:
        tmp_path.chmod(0o755)
    assert not (tmp_path / "~$绩效文本.xlsx").exists()


def test_folder_that_does_not_exist_gives_an_owner_file_that_holds_nothing(tmp_path):
    owner = take(tmp_path / "没有这个文件夹" / "绩效文本.xlsx")
    assert not owner.held
    owner.release()


def test_a_long_chinese_user_name_keeps_excels_layout(tmp_path):
    workbook = _workbook(tmp_path)
    name = "欧阳" * 30  # 60 characters: Excel keeps 52
    owner = take(workbook, user=name)
    data = (tmp_path / "~$绩效文本.xlsx").read_bytes()
    assert data[0] == 52 and data[53:55] == b"  " and data[55:57] == b"\x34\x00"
    assert data[57:57 + 104].decode("utf-16-le") == name[:52]
    owner.release()
