"""Benchmark: read a generated 300-project workbook into the model, against openpyxl.

Baseline (named ``openpyxl.load_workbook``): a bare ``openpyxl.load_workbook(path)`` of the
same file, which only builds openpyxl's cells. Also shown, for reference: openpyxl's
read-only mode iterating every cell. Runs alternate between the readers in the same process
and the median of each is compared. Target: perfdesk ≤ 0.5 × baseline.

    .venv/bin/python -m benchmarks.read_workbook [--projects 300] [--repeat 5] [--unmarked]

``--unmarked`` writes the workbook without perfdesk's format mark, so that it is read the way a
clerk's own workbook is (labels looked up by meaning, notes on what is not placed).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import openpyxl

from benchmarks.generate import generate_document
from perfdesk.fileio import read_workbook, write_workbook


def _openpyxl_full(path: Path) -> None:
    openpyxl.load_workbook(path)


def _openpyxl_read_only(path: Path) -> None:
    workbook = openpyxl.load_workbook(path, read_only=True)
    for sheet in workbook.worksheets:
        for _ in sheet.iter_rows(values_only=True):
            pass
    workbook.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--projects", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--unmarked", action="store_true", help="read as a clerk's own workbook")
    args = parser.parse_args(argv)
    document = generate_document(args.projects)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "generated.xlsx"
        write_workbook(document, path, marked=not args.unmarked)
        size = path.stat().st_size
        assert read_workbook(path) == document, "the workbook did not read back to the generated document"
        readers = {"openpyxl.load_workbook": _openpyxl_full, "openpyxl read-only, all cells": _openpyxl_read_only,
                   "perfdesk read_workbook": read_workbook}
        times: dict[str, list[float]] = {name: [] for name in readers}
        for _ in range(args.repeat):
            for name, reader in readers.items():
                start = time.perf_counter()
                reader(path)
                times[name].append(time.perf_counter() - start)
    baseline = statistics.median(times["openpyxl.load_workbook"])
    rows = sum(len(p.indicators) for *_, p in document.projects())
    print(f"{args.projects} projects, {rows} indicator rows, {size / 1024:.0f} KiB, {args.repeat} runs each (median, min)")
    for name, values in times.items():
        median = statistics.median(values)
        print(f"  {name:32s} {median:7.3f} s  (min {min(values):.3f})  ratio {median / baseline:.2f}")
    ratio = statistics.median(times["perfdesk read_workbook"]) / baseline
    print(f"perfdesk / baseline = {ratio:.2f} (target ≤ 0.50): {'met' if ratio <= 0.5 else 'NOT met'}")
    return 0 if ratio <= 0.5 else 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
