"""Benchmark of the department tree and the indicator grid on a 300-project document.

Each figure is the median time of one user step with the real widgets shown offscreen and
events processed (so the views relayout and repaint), compared in the same run with the
named baseline: the same step done by a full model reset, which is what a non-incremental
model would do on every change.

Run by hand: ``QT_QPA_PLATFORM=offscreen .venv/bin/python -m benchmarks.bench_tree_grid``
"""

from __future__ import annotations

import os
import statistics
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QUndoStack  # noqa: E402
from PySide6.QtWidgets import QApplication, QSplitter  # noqa: E402

from benchmarks.generate import generate_document  # noqa: E402
from perfdesk.model import Indicator  # noqa: E402
from perfdesk.ui.department_tree import DepartmentTree  # noqa: E402
from perfdesk.ui.indicator_grid import IndicatorGrid  # noqa: E402

ROUNDS = 40


def median_ms(step, rounds: int = ROUNDS) -> float:
    app = QApplication.instance()
    times = []
    for i in range(rounds):
        start = time.perf_counter()
        step(i)
        app.processEvents()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    document = generate_document(300)
    stack = QUndoStack()
    window = QSplitter()
    tree = DepartmentTree(document, stack, window)
    grid = IndicatorGrid(document, stack, window)
    tree.nodeSelected.connect(lambda kind, u, p: grid.set_project(u, p) if kind == "project" else None)
    window.resize(1400, 800)
    window.show()
    app.processEvents()
    locations = [(u, p) for u, p, _, _ in document.projects()]
    tree_model = tree.tree_model()

    def select(i: int) -> None:
        u, p = locations[(i * 37) % len(locations)]
        tree.select_node("project", u, p)

    def select_next(i: int) -> None:
        u, p = locations[i % len(locations)]
        tree.select_node("project", u, p)

    def reset_tree(i: int) -> None:
        tree_model.beginResetModel()
        tree_model.endResetModel()
        tree.expandAll()
        select(i)

    def type_value(i: int) -> None:
        grid.model.setData(grid.model.index(0, 4), f"≥{i}人")

    def type_value_with_reset(i: int) -> None:
        type_value(i)
        u, p = grid.model.location
        grid.set_project(u, p)

    def insert_project_row(i: int) -> None:
        grid.model.insert_indicator(0, Indicator(level3=f"新指标{i}"))

    def reset_tree_after_insert(i: int) -> None:
        grid.model.insert_indicator(0, Indicator(level3=f"新指标{i}"))
        tree_model.beginResetModel()
        tree_model.endResetModel()
        tree.expandAll()

    rows = [
        ("select a far project (tree scrolls + grid)", median_ms(select), "full tree reset + expand",
         median_ms(reset_tree)),
        ("select the next project (tree + grid)", median_ms(select_next), "full tree reset + expand",
         median_ms(reset_tree)),
    ]
    tree.select_node("project", *locations[150])
    rows.append(("type a 指标值 into the grid (undo command)", median_ms(type_value),
                 "same + grid model reset", median_ms(type_value_with_reset)))
    rows.append(("insert an indicator row", median_ms(insert_project_row),
                 "same + tree reset", median_ms(reset_tree_after_insert)))
    print(f"document: {document.project_count()} projects, {len(document.units)} units, "
          f"{sum(len(p.indicators) for *_, p in document.projects())} indicators; median of {ROUNDS} rounds")
    print(f"{'step':45} {'ms':>8}   {'baseline':32} {'ms':>8}  ratio")
    for name, ms, base_name, base_ms in rows:
        print(f"{name:45} {ms:8.2f}   {base_name:32} {base_ms:8.2f}  {base_ms / ms:5.1f}×")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
