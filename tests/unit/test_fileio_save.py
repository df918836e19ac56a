"""Saving is atomic, keeps the previous version as ``name~.xlsx`` and never harms the old file."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from benchmarks.generate import generate_document
from perfdesk.errors import SaveError
from perfdesk.fileio import load_document, save_document
from perfdesk.fileio.safe_save import backup_path


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


@pytest.mark.parametrize("suffix", [".xlsx", ".json"])
def test_second_save_keeps_the_previous_version_as_backup(tmp_path, suffix):
    path = tmp_path / f"文本{suffix}"
    first, second = generate_document(projects=2, seed=1), generate_document(projects=3, seed=2)
    save_document(first, path)
    assert not backup_path(path).exists()
    old_bytes = path.read_bytes()
    save_document(second, path)
    assert backup_path(path) == tmp_path / f"文本~{suffix}"
    assert backup_path(path).read_bytes() == old_bytes
    assert load_document(path) == second and load_document(backup_path(path)) == first
    assert leftovers(tmp_path) == []


def test_permissions_of_the_old_file_are_kept(tmp_path):
    path = tmp_path / "a.xlsx"
    save_document(generate_document(projects=1), path)
    os.chmod(path, 0o640)
    save_document(generate_document(projects=2), path)
    assert (path.stat().st_mode & 0o777) == 0o640


@pytest.mark.parametrize("failing", ["fsync", "replace", "write"])
def test_a_save_interrupted_midway_leaves_the_old_file_intact(tmp_path, monkeypatch, failing):
    path = tmp_path / "a.xlsx"
    old = generate_document(projects=2, seed=1)
    save_document(old, path)
    before = path.read_bytes()

    def broken(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, failing, broken)  # the disk fills up while the new file is written
    with pytest.raises(SaveError) as caught:
        save_document(generate_document(projects=5, seed=2), path)
    monkeypatch.undo()
    assert "原来的文件没有改动" in str(caught.value) and "磁盘空间不足" in str(caught.value)
    assert path.read_bytes() == before
    assert load_document(path) == old
    assert leftovers(tmp_path) == []


def test_a_killed_save_leaves_the_old_file_and_no_temporary_file(tmp_path, monkeypatch):
    path = tmp_path / "a.xlsx"
    save_document(generate_document(projects=1), path)
    before = path.read_bytes()

    def killed(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", killed)
    with pytest.raises(KeyboardInterrupt):
        save_document(generate_document(projects=3), path)
    monkeypatch.undo()
    assert path.read_bytes() == before and leftovers(tmp_path) == []


def test_a_document_that_cannot_be_written_leaves_the_old_file(tmp_path):
    path = tmp_path / "a.xlsx"
    save_document(generate_document(projects=1), path)
    before = path.read_bytes()
    document = generate_document(projects=1, units=1)
    document.units[0].projects[0].purpose = "很长" * 20000  # more than one Excel cell holds
    with pytest.raises(SaveError, match="资金用途的文字太长"):
        save_document(document, path)
    assert path.read_bytes() == before and leftovers(tmp_path) == []


def test_saving_into_a_missing_folder_or_with_a_wrong_suffix(tmp_path):
    with pytest.raises(SaveError, match="无法保存"):
        save_document(generate_document(projects=1), tmp_path / "没有这个目录" / "a.xlsx")
    with pytest.raises(SaveError, match="不支持的文件类型"):
        save_document(generate_document(projects=1), tmp_path / "a.docx")
    assert list(tmp_path.iterdir()) == []
