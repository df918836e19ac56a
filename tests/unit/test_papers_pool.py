"""``perfdesk check --jobs N``: many files checked in a process pool, reported in the files' order.

The first file is a 500-project text (saved as JSON, which is quick to write); reading and
checking it takes longer than all the small workbooks after it together (with two workers
they all finish before it, as seen once with ``as_completed``): the report must not follow
the order of finishing. Unreadable files among them are reported as such and the others are
still checked.
"""

from __future__ import annotations

import json

import pytest

from benchmarks.generate import generate_document
from perfdesk.cli.main import main
from perfdesk.fileio import save_document


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> list[str]:
    folder = tmp_path_factory.mktemp("pool")
    big = folder / "z大局.json"  # named to sort last, listed first: the order given is the order kept
    save_document(generate_document(projects=500, seed=7, units=2), big)
    names = [str(big)]
    for n in range(8):
        path = folder / f"small{n}.xlsx"
        save_document(generate_document(projects=2 + n % 3, seed=n, units=1), path)
        names.append(str(path))
    garbage = folder / "损坏.xlsx"
    garbage.write_bytes(b"\x00not a workbook")
    truncated = folder / "截断.xlsx"
    truncated.write_bytes((folder / "small0.xlsx").read_bytes()[:3000])
    names[3:3] = [str(garbage)]
    names[7:7] = [str(truncated), str(folder / "不存在.xlsx")]
    return names


def _run(capsys, *args: str) -> tuple[int, str, str]:
    status = main(["check", *args])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_two_workers_report_in_the_files_order(files, capsys):
    status, out, _ = _run(capsys, "--jobs", "2", "--json", *files)
    records = json.loads(out)
    # every file has at least one record here (generated texts always raise something; the
    # unreadable ones one each), so the order of first appearance is the order reported
    assert list(dict.fromkeys(r["file"] for r in records)) == files
    assert status == 2
    status, out, _ = _run(capsys, "--jobs", "2", *files)
    assert [line[3:] for line in out.splitlines() if line.startswith("== ")] == files
    summary = out[out.index(f"共审核 {len(files)} 个文件："):].splitlines()[1:]
    assert [line.strip().split("：")[0] for line in summary] == files


def test_one_worker_and_two_give_the_same_report(files, capsys):
    one = _run(capsys, "--jobs", "1", "--json", *files)
    two = _run(capsys, "--jobs", "2", "--json", *files)
    assert two == one
    assert len(json.loads(one[1])) > 200  # the big file's findings came through the pool too


def test_unreadable_files_do_not_stop_the_others(files, capsys):
    status, out, _ = _run(capsys, "--jobs", "2", "--json", *files)
    records = json.loads(out)
    unreadable = [r["file"] for r in records if r["rule"] == "file-unreadable"]
    assert sorted(unreadable) == sorted(name for name in files if "损坏" in name or "截断" in name
                                        or "不存在" in name)
    for name in unreadable:
        assert [r["rule"] for r in records if r["file"] == name] == ["file-unreadable"]
    # the files after each unreadable one were still read and checked, their findings placed
    readable = [name for name in files if name not in unreadable]
    assert {r["file"] for r in records if r["rule"] != "file-unreadable"} == set(readable)
    assert all(r["sheet"] and r["cell"] for r in records if r["file"].endswith("small7.xlsx"))
    assert status == 2


def _dies_on_the_third(name: str, rules=None, keep_document=False):
    """Checks a file as perfdesk does, except that the worker given ``small2.xlsx`` dies (as a
    process killed for want of memory does)."""
    import os

    from perfdesk.papers.checked import check_file

    if name.endswith("small2.xlsx"):
        os._exit(9)
    return check_file(name, rules, keep_document)


def test_a_worker_that_dies_costs_only_its_own_file(files):
    from perfdesk.papers.checked import check_files

    names = [name for name in files if "small" in name]
    results = list(check_files(names, jobs=2, work=_dies_on_the_third))
    assert [checked.name for checked in results] == names  # every file reported, in order
    failed = [checked.name for checked in results if checked.failure]
    assert failed == [name for name in names if name.endswith("small2.xlsx")]
    assert "意外退出" in next(c.failure for c in results if c.failure)
    assert all(checked.facts is not None for checked in results if not checked.failure)
