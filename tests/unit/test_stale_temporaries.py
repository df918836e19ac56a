"""A save killed half-way leaves ``.报表.xlsx.<pid>.tmp`` beside the workbook; the next save or
open removes it, but never a temporary file of a save that may still be running."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from perfdesk.fileio.api import open_document, save_document
from perfdesk.fileio.safe_save import remove_stale_temporaries, replace_file

REPO = Path(__file__).resolve().parents[2]

KILLED_SAVE = """
import os, sys
from pathlib import Path
target = Path(sys.argv[1])
temp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
temp.write_bytes(b"half a workbook")
os._exit(9)  # killed before the rename, as by the task manager
"""


def _killed_save(target: Path) -> Path:
    result = subprocess.run([sys.executable, "-c", KILLED_SAVE, str(target)], cwd=REPO, timeout=60)
    assert result.returncode == 9
    [temp] = [p for p in target.parent.iterdir() if p.name.endswith(".tmp")]
    return temp


def _age(path: Path, seconds: float) -> None:
    then = time.time() - seconds
    os.utime(path, (then, then))


def test_next_save_removes_the_temporary_of_a_killed_save(tmp_path):
    target = tmp_path / "报表.json"
    temp = _killed_save(target)
    _age(temp, 300)  # the killed save was some minutes ago
    replace_file(target, b"{}")
    assert not temp.exists()
    assert target.read_bytes() == b"{}"


def test_open_removes_it_too(tmp_path, ):
    from perfdesk.fileio.api import new_template
    target = tmp_path / "报表.json"
    save_document(new_template("财政局", 2026), target)
    temp = _killed_save(target)
    _age(temp, 300)
    open_document(target)
    assert not temp.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["报表.json"]


def test_backup_temporary_of_a_dead_process_is_removed(tmp_path):
    target = tmp_path / "报表.xlsx"
    temp = tmp_path / ".报表~.xlsx.4000000.tmp"  # no process has this id
    temp.write_bytes(b"old")
    _age(temp, 300)
    assert remove_stale_temporaries(target) == [temp]


def test_a_young_temporary_of_another_process_is_kept(tmp_path):
    """On a shared folder it may be another computer's save, about to be renamed into place."""
    target = tmp_path / "报表.xlsx"
    temp = tmp_path / ".报表.xlsx.4000000.tmp"
    temp.write_bytes(b"being written")
    assert remove_stale_temporaries(target) == []
    assert temp.exists()


def test_running_process_temporary_is_kept_unless_older_than_a_day(tmp_path):
    target = tmp_path / "报表.xlsx"
    parent = os.getppid()  # the pytest runner's parent: certainly running
    temp = tmp_path / f".报表.xlsx.{parent}.tmp"
    temp.write_bytes(b"x")
    _age(temp, 3600)
    assert remove_stale_temporaries(target) == []
    _age(temp, 25 * 3600)
    assert remove_stale_temporaries(target) == [temp]


def test_other_files_are_left_alone(tmp_path):
    target = tmp_path / "报表.xlsx"
    keep = [tmp_path / ".其他.xlsx.4000000.tmp", tmp_path / "报表.xlsx.4000000.tmp",
            tmp_path / ".报表.xlsx.abc.tmp", tmp_path / "报表~.xlsx"]
    for path in keep:
        path.write_bytes(b"x")
        _age(path, 3 * 24 * 3600)
    assert remove_stale_temporaries(target) == []
    assert all(path.exists() for path in keep)


def test_own_pid_leftover_does_not_block_a_save(tmp_path):
    """A killed run that had this very process id: the save must not fail on its temp file."""
    target = tmp_path / "报表.json"
    (tmp_path / f".报表.json.{os.getpid()}.tmp").write_bytes(b"old run")
    replace_file(target, b"{}")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["报表.json"]


def test_missing_folder_never_raises(tmp_path):
    assert remove_stale_temporaries(tmp_path / "没有" / "报表.xlsx") == []
