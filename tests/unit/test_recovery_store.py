"""The Qt-free part of recovery copies (perfdesk.fileio.recovery_store): names, writing
atomically, reading back, finding a file's copies, setting unreadable ones aside, which
copies are still in use. No QApplication is made."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time

import pytest
from expected_samples.funing_2024 import build

from perfdesk.fileio.json_io import read_json
from perfdesk.model import Document
from perfdesk.fileio import recovery_store, safe_save
from perfdesk.fileio.owner_file import process_running as pid_alive
from perfdesk.fileio.recovery_store import (
    RecoveryCopy,
    RecoveryError,
    RecoveryStore,
    copy_name,
    same_file,
)


def test_names_are_per_file_and_per_window(tmp_path):
    a, b = tmp_path / "a" / "报表.xlsx", tmp_path / "b" / "报表.xlsx"
    assert copy_name(a, "t1") == copy_name(a, "t1")
    assert copy_name(a, "t1").startswith("报表-") and copy_name(a, "t1").endswith("-t1")
    assert copy_name(a, "t1") != copy_name(b, "t1")  # same name, other folder
    assert copy_name(a, "t1") != copy_name(a, "t2")  # another window
    assert copy_name(None, "t1") == "untitled-t1"
    assert "/" not in copy_name(tmp_path / "a b:c*.xlsx", "t") and " " not in copy_name(tmp_path / "a b.xlsx", "t")
    assert same_file(tmp_path / "a" / ".." / "a" / "报表.xlsx", a)


def test_a_written_copy_reads_back_with_its_record(tmp_path):
    store = RecoveryStore(tmp_path / "recovery")  # made when first written
    document = build()
    document.units[0].projects[1].name = "改过的名称"
    original = tmp_path / "抚宁.xlsx"
    before = time.time()
    written = store.write("抚宁-1", document, original)
    assert sorted(p.name for p in (tmp_path / "recovery").iterdir()) == ["抚宁-1.json", "抚宁-1.meta.json"]
    assert read_json(str(written.document_path)) == document  # the model's own JSON, lossless
    meta = json.loads(written.meta_path.read_text(encoding="utf-8"))
    assert meta["original"] == str(original) and meta["pid"] == os.getpid()
    assert meta["department"] == "秦皇岛市抚宁区科技和工业信息化局" and meta["year"] == 2024

    [found], problems = store.scan()
    assert problems == []
    assert (found.name, found.original, found.department, found.year) == ("抚宁-1", original, document.department, 2024)
    assert before <= found.saved_at <= time.time()
    assert found.load().project(0, 1).name == "改过的名称"
    assert store.copies_for(original) == [found] and store.copies_for(tmp_path / "other.xlsx") == []


def test_rewriting_replaces_the_copy_and_leaves_no_temporary_file(tmp_path):
    store = RecoveryStore(tmp_path)
    store.write("x", Document(department="一"), None)
    store.write("x", Document(department="二"), None)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.json", "x.meta.json"]
    assert store.scan()[0][0].load().department == "二"


def test_a_failed_write_raises_and_leaves_the_old_copy(tmp_path, monkeypatch):
    store = RecoveryStore(tmp_path)
    store.write("x", Document(department="一"), None)

    def full(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(safe_save.os, "replace", full)
    with pytest.raises(OSError):
        store.write("x", Document(department="二"), None)
    monkeypatch.undo()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.json", "x.meta.json"]
    assert store.scan()[0][0].load().department == "一"
    assert recovery_store.write_failure(OSError(28, "No space left on device")) == "磁盘空间不足"
    assert recovery_store.write_failure(PermissionError(13, "Permission denied")) == "没有写入权限"


def test_remove_and_the_newest_first(tmp_path):
    store = RecoveryStore(tmp_path)
    store.write("old", Document(), None)
    time.sleep(0.02)
    store.write("new", Document(), None)
    assert [c.name for c in store.scan()[0]] == ["new", "old"]
    store.remove("old")
    store.remove("never-there")  # quietly
    assert [c.name for c in store.scan()[0]] == ["new"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new.json", "new.meta.json"]


def test_unreadable_records_and_documents(tmp_path):
    store = RecoveryStore(tmp_path)
    store.write("cut", build(), tmp_path / "a.xlsx")
    store.write("badmeta", Document(), None)
    (tmp_path / "cut.json").write_bytes((tmp_path / "cut.json").read_bytes()[:300])
    (tmp_path / "badmeta.meta.json").write_text('{"original": null}', encoding="utf-8")  # no saved_at
    copies, problems = store.scan()
    assert [c.name for c in copies] == ["cut"]
    assert [name for name, _ in problems] == ["badmeta"] and "记录文件" in problems[0][1]
    with pytest.raises(RecoveryError, match="JSON"):
        copies[0].load()
    aside = store.set_aside("cut")
    assert aside == tmp_path / "cut.json.bad"
    store.set_aside("badmeta")
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "badmeta.json.bad", "badmeta.meta.json.bad", "cut.json.bad", "cut.meta.json.bad"]
    assert store.scan() == ([], [])


def test_a_document_without_its_record_is_still_found(tmp_path):
    store = RecoveryStore(tmp_path)
    store.write("lone", Document(department="孤"), None).meta_path.unlink()
    [copy], problems = store.scan()
    assert problems == [] and copy.original is None and copy.load().department == "孤"


def test_newer_than_the_original(tmp_path):
    original = tmp_path / "a.xlsx"
    original.write_bytes(b"x")
    copy = RecoveryCopy(name="a", folder=tmp_path, original=original, saved_at=time.time())
    os.utime(original, (time.time() - 100, time.time() - 100))
    assert copy.newer_than_original()
    os.utime(original, (time.time() + 100, time.time() + 100))
    assert not copy.newer_than_original()
    original.unlink()
    assert copy.newer_than_original()  # the file is gone: the copy is all there is
    assert RecoveryCopy(name="u", folder=tmp_path, original=None, saved_at=0).newer_than_original()


def test_in_use_only_while_a_live_process_writes_it(tmp_path):
    host = socket.gethostname()
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        live = RecoveryCopy(name="c", folder=tmp_path, original=None, saved_at=0, pid=child.pid, host=host)
        assert pid_alive(child.pid) and live.in_use()
        assert not RecoveryCopy(name="c", folder=tmp_path, original=None, saved_at=0, pid=child.pid,
                                host="another-computer").in_use()
    finally:
        child.kill()
        child.wait()
    assert not pid_alive(child.pid) and not live.in_use()  # crashed: offer it
    mine = RecoveryCopy(name="mine", folder=tmp_path, original=None, saved_at=0, pid=os.getpid(), host=host)
    assert not mine.in_use()
    recovery_store.OWNED.add("mine")
    try:
        assert mine.in_use()  # a window of this process writes it
    finally:
        recovery_store.OWNED.discard("mine")


def test_the_data_folder_follows_the_environment(tmp_path, monkeypatch):
    from perfdesk.ui import recovery  # the window's part says where the folder is

    store = RecoveryStore(recovery.recovery_folder)  # looked up when used, as the window does
    monkeypatch.setenv("PERFDESK_DATA_DIR", str(tmp_path / "data"))
    assert recovery.recovery_folder() == tmp_path / "data" / "recovery"
    assert store.folder == tmp_path / "data" / "recovery"
