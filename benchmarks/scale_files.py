"""Benchmark: do reading, writing and checking files stay linear up to 2,000 projects?

Baseline (named ``200 projects``): the same steps on a 200-project document in the same run.
A linear implementation takes about 10 × the baseline for 2,000 projects; a quadratic one
about 100 ×. Steps: ``save_document`` (perfdesk's own workbook, one sheet per project),
``load_document`` of it, and ``load_document`` of a hand-made workbook with every table
stacked on one sheet (the tolerant reader, which finds tables by label), and
``perfdesk check`` of the saved workbook.

    .venv/bin/python -m benchmarks.scale_files [--small 200] [--large 2000]
"""

from __future__ import annotations

import argparse
import io
import sys
import tempfile
import time
from contextlib import redirect_stdout
from pathlib import Path

from openpyxl import Workbook

from benchmarks.generate import generate_document
from perfdesk.cli.main import main as cli_main
from perfdesk.fileio import load_document, save_document
from perfdesk.model import Document, format_amount

MONTHS = ("3月底", "6月底", "10月底", "12月底")


def stacked_workbook(document: Document, path: Path, projects_per_sheet: int | None = None) -> None:
    """Every project as a hand-made table on one sheet, as a clerk's template has them.

    ``projects_per_sheet``: start a new sheet (项目表2, 项目表3, …) after that many tables — the
    reader keeps at most ``xlsx_cells.MAX_ROWS`` rows with content per sheet (about 1,200 of
    these tables), so a larger document stacked on one sheet is not read whole."""
    wb = Workbook()
    ws = wb.active
    ws.title = "项目表"
    r, number = 1, 0
    for unit in document.units:
        for project in unit.projects:
            if projects_per_sheet and number and number % projects_per_sheet == 0:
                ws = wb.create_sheet(f"项目表{number // projects_per_sheet + 1}")
                r = 1
            number += 1
            ws.cell(r, 1, f"{number}.{project.name}绩效目标表")
            ws.cell(r + 1, 1, unit.label); ws.cell(r + 1, 7, "单位：万元")
            ws.cell(r + 2, 1, "项目编码"); ws.cell(r + 2, 2, project.code)
            ws.cell(r + 2, 4, "项目名称"); ws.cell(r + 2, 5, project.name)
            ws.cell(r + 3, 1, "预算规模及资金用途"); ws.cell(r + 3, 2, "预算数")
            ws.cell(r + 3, 3, format_amount(project.budget_total))
            ws.cell(r + 3, 4, "其中：财政资金"); ws.cell(r + 3, 5, format_amount(project.budget_fiscal))
            ws.cell(r + 3, 6, "其他资金"); ws.cell(r + 3, 7, format_amount(project.budget_other))
            ws.cell(r + 4, 2, project.purpose)
            ws.cell(r + 5, 1, "资金支出计划（%）")
            for column, checkpoint in zip((2, 4, 6, 7), project.spending_plan.checkpoints):
                ws.cell(r + 5, column, checkpoint.label)
                ws.cell(r + 6, column, None if checkpoint.value is None else f"{checkpoint.value}%")
            ws.cell(r + 7, 1, "绩效目标")
            ws.cell(r + 7, 2, "\n".join(f"{i}.{g}" for i, g in enumerate(project.goals, 1)))
            for column, label in zip((1, 2, 3, 4, 6, 7), ("一级指标", "二级指标", "三级指标", "绩效指标描述",
                                                          "指标值", "指标值确定依据")):
                ws.cell(r + 8, column, label)
            r += 9
            for row in project.indicators:
                for column, value in zip((1, 2, 3, 4, 6, 7), (row.level1, row.level2, row.level3,
                                                               row.description, row.value, row.basis)):
                    ws.cell(r, column, value)
                r += 1
            r += 2
    wb.save(path)


def _timed(step) -> float:
    start = time.perf_counter()
    step()
    return time.perf_counter() - start


def measure(projects: int, folder: Path) -> dict[str, float]:
    document = generate_document(projects=projects)
    own, stacked = folder / f"own-{projects}.xlsx", folder / f"stacked-{projects}.xlsx"
    # Above about 1,200 tables one sheet passes the reader's row cap (xlsx_cells.MAX_ROWS): a
    # document that large is stacked 1,000 tables to a sheet, as the export benchmark does.
    stacked_workbook(document, stacked, 1000 if projects > 1000 else None)
    times = {"save_document": _timed(lambda: save_document(document, own))}
    times["load_document (perfdesk's workbook)"] = _timed(lambda: load_document(own))
    loaded: list[Document] = []
    times["load_document (stacked hand-made sheet)"] = _timed(lambda: loaded.append(load_document(stacked)))
    assert loaded[0].project_count() == projects, "the stacked sheet must read back every table"
    with redirect_stdout(io.StringIO()):
        times["perfdesk check"] = _timed(lambda: cli_main(["check", str(own)]))
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", type=int, default=200)
    parser.add_argument("--large", type=int, default=2000)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        small = measure(args.small, Path(folder))
        large = measure(args.large, Path(folder))
    factor = args.large / args.small
    print(f"| step | {args.small} projects (baseline) | {args.large} projects | ratio (linear ≈ {factor:g}) |")
    print("|---|---|---|---|")
    for step in small:
        print(f"| {step} | {small[step]:.2f} s | {large[step]:.2f} s | {large[step] / small[step]:.1f} × |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
