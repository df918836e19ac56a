"""How quickly the main window answers with a large document open (run by hand, not a test).

Drives the real MainWindow offscreen with the whole stack (tree, editors, indicator grid,
review dock, status bar) through real input events (QTest mouse clicks and key presses, as a
clerk gives them), each followed by the events they cause and a synchronous repaint:

* open file      — File ▸ Open of the .xlsx until the document is in (a large one is read by
                   the worker process); with the longest stall of the event loop meanwhile;
* select project — a click on the project's row in the tree (the editor and grid show it);
* grid commit    — F2 in a 指标值 cell, a few keys, Enter (one undo command, all observers);
* field keystroke — one key typed into the 项目名称 field (a merging undo command);
* undo           — Ctrl+Z;
* review check   — the review dock's re-check after a keystroke (it runs when typing pauses);
* search keystroke — one key typed into the "查找项目" field above the tree (the tree filters);
* search cleared — Escape in that field (every row shows again, focus back in the tree);
* save           — Ctrl+S until the file is written (a large document is written by the worker
                   process while the window goes on); with the longest stall meanwhile.

Stalls are measured with a 5 ms QTimer that records when the event loop reached it: the
longest gap between two ticks is the longest time the window did not answer.

The baseline, measured in the same run, is the first size (30 projects); every document comes
from benchmarks.generate, saved as .xlsx and opened as a clerk would, each in its own window.
The operations run round after round over the windows, so that the shared machine's busy
moments fall on every size alike. Goal: grid commit,
keystroke and undo at 2,000 projects within 1.5 × the same at 30.

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python -m benchmarks.gui_latency [--projects 30,300,2000] [--repeat 30]``
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

from PySide6.QtCore import QSettings, Qt, QTimer  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

# What the clerk types into the search field, one key at a time (ASCII: QTest presses keys).
SEARCHES = ("p00", "12.", "zz")
CTRL = Qt.KeyboardModifier.ControlModifier


class Ticks:
    """A 5 ms timer; the longest gap between its ticks is the longest stall of the event loop."""

    def __init__(self) -> None:
        self.times: list[float] = []
        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(lambda: self.times.append(time.perf_counter()))

    def __enter__(self) -> "Ticks":
        self.times = [time.perf_counter()]
        self.timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.timer.stop()
        self.times.append(time.perf_counter())

    def longest_ms(self) -> float:
        return max(b - a for a, b in zip(self.times, self.times[1:])) * 1000


def _timed(app: QApplication, window, action) -> float:
    start = time.perf_counter()
    action()
    app.processEvents()
    window.repaint()
    return (time.perf_counter() - start) * 1000


def _wait(app: QApplication, done, timeout: float = 600) -> None:
    end = time.perf_counter() + timeout
    while not done():
        if time.perf_counter() > end:
            raise SystemExit("timed out")
        QTest.qWait(5)


def _activate(app: QApplication, window) -> None:
    """Make ``window`` the active one: shortcuts such as Ctrl+S go to the active window."""
    window.activateWindow()
    _wait(app, lambda: QApplication.activeWindow() is window, timeout=10)


def _click_project(window, unit: int, project: int) -> None:
    tree = window.tree
    index = tree.tree_model().index_of("project", unit, project)
    tree.scrollTo(index)
    QTest.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualRect(index).center())


def _commit_cell(app: QApplication, window, text: str) -> float:
    """F2 on the first row's 指标值, type, then time Enter (the commit) and what follows."""
    view = window.grid.view
    view.setFocus()
    view.setCurrentIndex(view.model().index(0, 4))
    QTest.keyClick(view, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    editor.selectAll()
    QTest.keyClicks(editor, text)
    return _timed(app, window, lambda: QTest.keyClick(editor, Qt.Key.Key_Return))


def open_window(app: QApplication, path: Path) -> tuple[object, dict[str, list[float]]]:
    """A window with ``path`` opened through File ▸ Open, and the open's figures."""
    from perfdesk.ui.main_window import MainWindow

    window = MainWindow()
    window.resize(1366, 768)
    window.show()
    ended: list[bool] = []
    window.files.openEnded.connect(ended.append)
    with Ticks() as ticks:
        start = time.perf_counter()
        window.files.open(path)
        _wait(app, lambda: ended)
        app.processEvents()
        opened = (time.perf_counter() - start) * 1000
    return window, {"open file": [opened], "open stall": [ticks.longest_ms()], "select project": [],
                    "grid commit": [], "field keystroke": [], "undo": [], "review check": [],
                    "search keystroke": [], "search cleared": [], "save": [], "save stall": []}


def one_round(app: QApplication, window, n: int, times: dict[str, list[float]]) -> None:
    """Each operation once, on the n-th project chosen across the document."""
    places = [(u, p) for u, p, _, _ in window.document.projects()]
    unit, project = places[(n * max(1, len(places) // 7) + n) % len(places)]
    _activate(app, window)
    times["select project"].append(_timed(app, window, lambda: _click_project(window, unit, project)))
    if window.grid.view.model().rowCount():
        times["grid commit"].append(_commit_cell(app, window, f"{n + 1}"))
        times["undo"].append(_timed(app, window, lambda: QTest.keyClick(window.grid.view, Qt.Key.Key_Z, CTRL)))
    name = window.project_editor.name
    name.setFocus()
    name.end(False)
    times["field keystroke"].append(_timed(app, window, lambda: QTest.keyClick(name, Qt.Key.Key_A)))
    times["review check"].append(_timed(app, window, window.review.refresh_now))
    search = window.search
    search.setFocus()
    for char in SEARCHES[n % len(SEARCHES)]:
        times["search keystroke"].append(_timed(app, window, lambda: QTest.keyClick(search, char)))
    times["search cleared"].append(_timed(app, window, lambda: QTest.keyClick(search, Qt.Key.Key_Escape)))


def save_twice(app: QApplication, window, times: dict[str, list[float]]) -> None:
    """Ctrl+S (in the background from 30 projects on), an edit, Ctrl+S again."""
    from perfdesk.ui.background import process_ready

    _wait(app, process_ready if window.document.project_count() >= 30 else (lambda: True))
    _activate(app, window)
    for _ in range(2):
        saved: list[bool] = []
        window.files.saveEnded.connect(saved.append)
        with Ticks() as ticks:
            start = time.perf_counter()
            QTest.keyClick(window.tree, Qt.Key.Key_S, CTRL)
            _wait(app, lambda: saved)
            times["save"].append((time.perf_counter() - start) * 1000)
        times["save stall"].append(ticks.longest_ms())
        window.files.saveEnded.disconnect()
        _commit_cell(app, window, "9")  # something to save the second time


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--projects", default="30,300,2000", help="sizes, the first is the baseline")
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args(argv)
    sizes = [int(size) for size in args.projects.split(",")]

    folder = Path(tempfile.mkdtemp(prefix="perfdesk-bench-"))
    os.environ.setdefault("PERFDESK_DATA_DIR", str(folder / "appdata"))
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    for fmt in (QSettings.Format.IniFormat, QSettings.Format.NativeFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(folder))

    from benchmarks.generate import generate_document
    from perfdesk.fileio import save_document
    from perfdesk.ui.app import make_app

    app = make_app(lang=None)
    results: dict[int, dict[str, list[float]]] = {}
    windows = {}
    for size in sizes:
        path = folder / f"generated-{size}.xlsx"
        save_document(generate_document(projects=size), path)
        windows[size], results[size] = open_window(app, path)
    # Round after round over the sizes, so that a busy moment of the shared machine falls on
    # every size alike and the ratios stay meaningful.
    for n in range(args.repeat):
        for size in sizes:
            one_round(app, windows[size], n, results[size])
    for size in sizes:
        save_twice(app, windows[size], results[size])
        windows[size].undo_stack.setClean()
        windows[size].close()
    base = results[sizes[0]]
    header = f"{'operation':<17}" + "".join(f"{f'{size} median':>14}" for size in sizes)
    header += "".join(f"{f'{size} max':>11}" for size in sizes[1:]) + "".join(f"{f'ratio {size}':>11}" for size in sizes[1:])
    print(header)
    for name in base:
        medians = [statistics.median(results[size][name]) for size in sizes]
        line = f"{name:<17}" + "".join(f"{m:>11.1f} ms" for m in medians)
        line += "".join(f"{max(results[size][name]):>8.1f} ms" for size in sizes[1:])
        line += "".join(f"{m / medians[0]:>11.2f}" for m in medians[1:])
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
