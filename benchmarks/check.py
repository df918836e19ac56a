"""Benchmark the review: ``perfdesk check`` over many workbooks, and re-checks after one edit.

    .venv/bin/python -m benchmarks.check [--files 100] [--projects 30] [--big 300] [--edits 40]

1. Writes ``--files`` generated workbooks, then times reading them all (the baseline: a check
   cannot be faster than loading) against ``perfdesk check`` over all of them, in-process and
   as the real command in a fresh process.
2. On a ``--big``-project document, times a full ``check_document`` (the baseline) against
   the incremental re-check after one edit (LiveReview.refresh), and the review dock's whole
   refresh (re-check + model reset + view) with Qt offscreen.
Prints median figures and ratios to the baseline; nothing is asserted (tests do not time).
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import SimpleNamespace

from benchmarks.generate import generate_document
from perfdesk.cli.check import run_check
from perfdesk.fileio import load_document, save_document
from perfdesk.review import check_document
from perfdesk.review.live import LiveReview

ROOT = Path(__file__).resolve().parent.parent


def _timed(function) -> float:
    start = time.perf_counter()
    function()
    return time.perf_counter() - start


def bench_many_files(files: int, projects: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for seed in range(files):
            path = Path(folder) / f"dept{seed:03d}.xlsx"
            save_document(generate_document(projects=projects, seed=seed, units=2), path)
            paths.append(str(path))
        load = min(_timed(lambda: [load_document(p) for p in paths]) for _ in range(2))
        documents = [load_document(p) for p in paths]
        rules_only = min(_timed(lambda: [check_document(d) for d in documents]) for _ in range(2))
        checked = min(_timed(lambda: run_check(SimpleNamespace(files=paths, json=False), out=io.StringIO()))
                      for _ in range(2))
        env = dict(os.environ, PYTHONPATH=str(ROOT))
        command = [sys.executable, "-m", "perfdesk", "check", "--json", *paths]
        process = min(_timed(lambda: subprocess.run(command, env=env, capture_output=True, check=False))
                      for _ in range(2))
        findings = sum(len(check_document(d)) for d in documents) / len(documents)
    print(f"{files} workbooks × {projects} projects (≈{findings:.0f} findings each)")
    print(f"  baseline  load all workbooks          {load:7.2f} s")
    print(f"  rules     check_document on all        {rules_only:7.2f} s   ratio {rules_only / load:5.2f} × load")
    print(f"  check     run_check in-process         {checked:7.2f} s   ratio {checked / load:5.2f} × load")
    print(f"  check     `perfdesk check --json` proc {process:7.2f} s   ratio {process / load:5.2f} × load")


def bench_recheck(projects: int, edits: int) -> None:
    document = generate_document(projects=projects, seed=1, units=3)
    full = statistics.median(_timed(lambda: check_document(document)) for _ in range(5))
    live = LiveReview(document)
    document.subscribe(live.note)
    live.refresh()
    places = [(u, p) for u, p, _, project in document.projects() if project.indicators]
    times = []
    for n in range(edits):
        u, p = places[(n * 37) % len(places)]
        document.update_indicator(u, p, 0, value=f"≥{n + 2}家")
        times.append(_timed(live.refresh))
    incremental = statistics.median(times)
    count = len(live.findings)
    print(f"{projects}-project document ({count} findings)")
    print(f"  baseline  full check_document          {full * 1000:7.1f} ms")
    print(f"  recheck   one edit (LiveReview)        {incremental * 1000:7.1f} ms   ratio {incremental / full:5.3f} × full"
          f"   (max {max(times) * 1000:.1f} ms)")
    _bench_panel(document, edits, full)


def _bench_panel(document, edits: int, full: float) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QApplication

    from perfdesk.ui.review_panel import ReviewPanel
    from perfdesk.undo import UpdateCommand

    app = QApplication.instance() or QApplication([])
    stack = QUndoStack()
    panel = ReviewPanel(document, stack)
    panel.resize(900, 700)
    panel.show()
    app.processEvents()
    places = [(u, p) for u, p, _, project in document.projects() if project.indicators]
    times = []
    for n in range(edits):
        u, p = places[(n * 53) % len(places)]
        stack.push(UpdateCommand(document, "indicator", {"value": f"≥{n + 3}人"}, 0, u, p))
        start = time.perf_counter()
        panel.refresh_now()
        app.processEvents()
        times.append(time.perf_counter() - start)
    median = statistics.median(times)
    print(f"  dock      one edit (re-check + view)   {median * 1000:7.1f} ms   ratio {median / full:5.3f} × full"
          f"   (max {max(times) * 1000:.1f} ms)")
    panel.detach()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=100)
    parser.add_argument("--projects", type=int, default=30, help="projects per workbook")
    parser.add_argument("--big", type=int, default=300, help="projects in the re-check document")
    parser.add_argument("--edits", type=int, default=40)
    args = parser.parse_args(argv)
    bench_recheck(args.big, args.edits)
    bench_many_files(args.files, args.projects)
    return 0


if __name__ == "__main__":
    sys.exit(main())
