"""How quickly the main window answers with a large document open (run by hand, not a test).

Drives the real MainWindow offscreen with the whole stack (tree, editors, indicator grid,
review dock, status bar) and times what a clerk waits for, each followed by a synchronous
repaint of the window:

* select project — the tree selection changes, the project editor and grid show another project;
* grid edit      — a new 指标值 committed into a grid cell (one undo command, all observers);
* field keystroke — one key typed into the project name field (a merging undo command);
* undo           — Ctrl+Z of a grid edit;
* review check   — the review dock's debounced re-check after an edit (runs when typing pauses);
* search keystroke — one key typed into the "查找项目" field above the tree (the tree filters);
* search cleared — Escape in that field (every row shows again, focus back in the tree).

The baseline, measured in the same run, is the same window with the 10-project Funing 2024
example; the 300-project workbook comes from benchmarks.generate (saved and opened as .xlsx,
as a clerk would). Goal: select and typing under 100 ms. For the search field the script also
prints each document's search keystroke against selecting a project in the same window.

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python -m benchmarks.gui_latency [--projects 300] [--repeat 40]``
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from PySide6.QtCore import QSettings, Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402


# What the clerk types into the search field, one key at a time: parts of names found in both
# documents, a 项目编码 fragment (lower case), a project number and a text that finds nothing.
SEARCHES = ("专项", "p00", "补助资金", "12.", "科技创新", "没有")


def _timed(app: QApplication, window, action) -> float:
    start = time.perf_counter()
    action()
    app.processEvents()
    window.repaint()
    return (time.perf_counter() - start) * 1000


def measure(app: QApplication, path: Path, repeat: int) -> dict[str, list[float]]:
    from perfdesk.ui.main_window import MainWindow

    window = MainWindow()
    window.resize(1366, 768)
    window.show()
    start = time.perf_counter()
    if not window.files.open(path):
        raise SystemExit(f"could not open {path}")
    app.processEvents()
    opened = (time.perf_counter() - start) * 1000
    places = [(u, p) for u, p, _, _ in window.document.projects()]
    step = max(1, len(places) // 7)
    times: dict[str, list[float]] = {"open file": [opened], "select project": [], "grid edit": [],
                                     "field keystroke": [], "undo": [], "review check": [],
                                     "search keystroke": [], "search cleared": []}
    for n in range(repeat):
        unit, project = places[(n * step + n) % len(places)]
        times["select project"].append(_timed(app, window, lambda: window.select("project", unit, project)))
        model = window.grid.view.model()
        if model.rowCount():
            index = model.index(0, 4)
            times["grid edit"].append(_timed(app, window, lambda: model.setData(index, f"≥{n + 1}人")))
            times["undo"].append(_timed(app, window, window.undo_action.trigger))
        name = window.project_editor.name
        name.setFocus()
        name.end(False)
        times["field keystroke"].append(_timed(app, window, lambda: name.insert("甲") or name.textEdited.emit(name.text())))
        times["review check"].append(_timed(app, window, window.review.refresh_now))
        search = window.search
        search.setFocus()
        for char in SEARCHES[n % len(SEARCHES)]:
            times["search keystroke"].append(_timed(app, window, lambda: search.insert(char)))
        times["search cleared"].append(_timed(app, window, lambda: QTest.keyClick(search, Qt.Key.Key_Escape)))
    window.undo_stack.setClean()
    window.close()
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--projects", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=40)
    args = parser.parse_args(argv)

    folder = Path(tempfile.mkdtemp(prefix="perfdesk-bench-"))
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    for fmt in (QSettings.Format.IniFormat, QSettings.Format.NativeFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(folder))

    from benchmarks.generate import generate_document
    from expected_samples.funing_2024 import build
    from perfdesk.fileio import save_document
    from perfdesk.ui.app import make_app

    app = make_app(lang=None)
    baseline, large = folder / "funing-2024.xlsx", folder / f"generated-{args.projects}.xlsx"
    save_document(build(), baseline)
    save_document(generate_document(projects=args.projects), large)

    results = {"baseline (Funing 2024, 10 projects)": measure(app, baseline, args.repeat),
               f"{args.projects} projects": measure(app, large, args.repeat)}
    base, big = results.values()
    print(f"{'operation':<16} {'baseline median':>16} {'large median':>13} {'large p95':>10} {'large max':>10} "
          f"{'ratio':>6}")
    for name in base:
        b, g = statistics.median(base[name]), statistics.median(big[name])
        p95 = sorted(big[name])[max(0, int(len(big[name]) * 0.95) - 1)]
        print(f"{name:<16} {b:>13.1f} ms {g:>10.1f} ms {p95:>7.1f} ms {max(big[name]):>7.1f} ms {g / b:>6.2f}")
    for label, times in results.items():
        key, select = statistics.median(times["search keystroke"]), statistics.median(times["select project"])
        print(f"{label}: search keystroke {key:.1f} ms / select project {select:.1f} ms = {key / select:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
