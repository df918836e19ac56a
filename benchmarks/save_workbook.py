"""Benchmark: saving the workbook, against a bare openpyxl load + save of the same workbook.

Three measurements, each against its baseline timed in the same run:

1. **Save vs openpyxl.** perfdesk's ``save_document`` of a generated document (300 and 2,000
   projects) against the baseline named ``openpyxl load+save``: ``openpyxl.load_workbook`` of the
   file perfdesk wrote and ``Workbook.save`` to another file, i.e. what openpyxl itself costs to
   hold and write the same cells, merges and styles. Runs alternate; medians compared.
   Target: ≤ 0.3 × baseline.
2. **Linear in rows and merges.** One project with 2,000 and with 20,000 indicator rows (each
   row a merged 描述 cell, the 一级/二级 runs merged down): time per row of each; the 2,000-row
   figure is the baseline. Linear means the per-row times are about equal (quadratic: 10 ×).
3. **Start-up.** ``perfdesk info`` on resources/examples/fengrun-2022.xlsx in a fresh process
   against the baseline ``python -c pass``; also ``python -c "import perfdesk.cli.main"`` to show
   how much of it is importing. Several runs each, alternating, medians.

With ``--options`` the save is also timed through the other writers that were measured to
choose this one, all fed the same cells, styles and merges (perfdesk's layout, ``build_workbook``):
openpyxl with merges registered directly (no per-merge scan, borders set on each cell),
openpyxl's write-only mode, and XlsxWriter when it can be imported (it is not a dependency:
``pip install --target DIR xlsxwriter`` and ``PYTHONPATH=DIR``).

    .venv/bin/python -m benchmarks.save_workbook [--projects 300,2000] [--rows 2000,20000]
                                                 [--repeat 3] [--runs 7] [--options]
"""

from __future__ import annotations

import argparse
import importlib.util
import io
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from xml.sax.saxutils import unescape

from benchmarks.generate import generate_document
from perfdesk.fileio import save_document
from perfdesk.fileio.xlsx_write import build_workbook
from perfdesk.model import Document

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "resources" / "examples" / "fengrun-2022.xlsx"
TARGET = 0.3


def _median_of(function, repeat: int) -> tuple[float, float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times), min(times)


def _openpyxl_load_save(path: Path, out: Path) -> None:
    import openpyxl

    openpyxl.load_workbook(path).save(out)


# ------------------------------------------------------------------ the options measured
def _cell_value(kind: str, payload: str):
    if kind == "s":
        return unescape(payload).replace("&#13;", "\r")
    if kind == "n":
        return float(payload)
    if kind == "b":
        return payload == "1"
    if kind == "f":
        return "=" + unescape(payload)
    return None


def _openpyxl_styles(book):
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    thin = Side(style="thin")
    styles = []
    for style in book.styles.xfs:
        font = style.font
        styles.append({
            "font": Font(name=font.name, size=font.size, bold=font.bold, color=font.color,
                         underline="single" if font.underline else None),
            "alignment": Alignment(style.alignment.horizontal, style.alignment.vertical,
                                   wrap_text=style.alignment.wrap) if style.alignment else Alignment(),
            "border": Border(left=thin, right=thin, top=thin, bottom=thin) if style.box else Border(),
            "fill": PatternFill("solid", start_color=style.fill, end_color=style.fill) if style.fill else PatternFill(),
            "number_format": style.number_format, "quotePrefix": style.quote_prefix,
        })
    return styles


def _openpyxl_direct_merges(document: Document, write_only: bool) -> bytes:
    """openpyxl fed perfdesk's cells: merges added to the sheet's set directly (merge_cells scans
    all earlier merges and re-styles borders), or the write-only mode, rows appended in order."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.cell_range import CellRange

    book = build_workbook(document)
    styles = _openpyxl_styles(book)
    wb = Workbook(write_only=write_only)
    if not write_only:
        wb.remove(wb.active)
    for sheet in book.sheets:
        ws = wb.create_sheet(sheet.title)
        for col, width in sheet.widths.items():
            ws.column_dimensions[get_column_letter(col)].width = width
        for row, height in sheet.heights.items():
            ws.row_dimensions[row].height = height
        for r1, c1, r2, c2 in sheet.merges:
            ws.merged_cells.ranges.add(CellRange(min_col=c1, min_row=r1, max_col=c2, max_row=r2))
        if sheet.print_area:
            ws.print_area = sheet.print_area
        if write_only:
            last = 0
            for row in sorted(sheet.rows):
                for _ in range(last + 1, row):
                    ws.append([])
                cells = sheet.rows[row]
                values = [None] * (max(cells) if cells else 0)
                for col, (kind, payload, s) in cells.items():
                    cell = WriteOnlyCell(ws, _cell_value(kind, payload))
                    for name, value in styles[s].items():
                        setattr(cell, name, value)
                    values[col - 1] = cell
                ws.append(values)
                last = row
        else:
            for row, cells in sheet.rows.items():
                for col, (kind, payload, s) in cells.items():
                    cell = ws.cell(row, col, _cell_value(kind, payload))
                    for name, value in styles[s].items():
                        setattr(cell, name, value)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def _xlsxwriter(document: Document) -> bytes:
    import xlsxwriter

    book = build_workbook(document)
    buffer = io.BytesIO()
    wb = xlsxwriter.Workbook(buffer, {"in_memory": True})
    formats = []
    for style in book.styles.xfs:
        spec = {"font_name": style.font.name, "font_size": style.font.size, "bold": style.font.bold,
                "num_format": style.number_format, "quote_prefix": style.quote_prefix}
        if style.font.color:
            spec["font_color"] = "#" + style.font.color
        if style.alignment:
            spec.update(align=style.alignment.horizontal, valign="vcenter" if style.alignment.vertical == "center"
                        else style.alignment.vertical, text_wrap=style.alignment.wrap)
        if style.box:
            spec["border"] = 1
        if style.fill:
            spec.update(pattern=1, bg_color="#" + style.fill)
        formats.append(wb.add_format(spec))
    for sheet in book.sheets:
        ws = wb.add_worksheet(sheet.title)
        for col, width in sheet.widths.items():
            ws.set_column(col - 1, col - 1, width)
        for row, height in sheet.heights.items():
            ws.set_row(row - 1, height)
        for row, cells in sheet.rows.items():
            for col, (kind, payload, s) in cells.items():
                value = _cell_value(kind, payload)
                if kind == "s":
                    ws.write_string(row - 1, col - 1, value, formats[s])
                elif kind == "n":
                    ws.write_number(row - 1, col - 1, value, formats[s])
                elif kind == "b":
                    ws.write_boolean(row - 1, col - 1, value, formats[s])
                elif kind == "f":
                    ws.write_formula(row - 1, col - 1, value, formats[s])
                else:
                    ws.write_blank(row - 1, col - 1, None, formats[s])
        for r1, c1, r2, c2 in sheet.merges:
            kind, payload, s = sheet.rows.get(r1, {}).get(c1, ("", "", 0))
            ws.merge_range(r1 - 1, c1 - 1, r2 - 1, c2 - 1, _cell_value(kind, payload) or "", formats[s])
        if sheet.orientation:
            ws.set_paper(9)
            ws.fit_to_pages(1, 0)
            ws.center_horizontally()
        if sheet.print_titles:
            ws.repeat_rows(sheet.print_titles[0] - 1, sheet.print_titles[1] - 1)
    wb.close()
    return buffer.getvalue()


def _options() -> dict:
    options = {"openpyxl, merges added directly": lambda d: _openpyxl_direct_merges(d, False),
               "openpyxl write-only": lambda d: _openpyxl_direct_merges(d, True)}
    if importlib.util.find_spec("xlsxwriter"):
        options["XlsxWriter"] = _xlsxwriter
    else:
        print("  (XlsxWriter not importable: not measured)")
    return options


# ------------------------------------------------------------------ the three measurements
def measure_save(projects: int, repeat: int, with_options: bool) -> float:
    document = generate_document(projects)
    with tempfile.TemporaryDirectory() as folder:
        path, out = Path(folder) / "perfdesk.xlsx", Path(folder) / "openpyxl.xlsx"
        save_document(document, path)  # warm up, and the file the baseline loads
        runs = {"perfdesk save_document": lambda: save_document(document, path),
                "openpyxl load+save": lambda: _openpyxl_load_save(path, out)}
        if with_options:
            runs.update({name: (lambda f=f: f(document)) for name, f in _options().items()})
        times: dict[str, list[float]] = {name: [] for name in runs}
        for _ in range(repeat):
            for name, run in runs.items():
                start = time.perf_counter()
                run()
                times[name].append(time.perf_counter() - start)
        size = path.stat().st_size
    baseline = statistics.median(times["openpyxl load+save"])
    rows = sum(len(p.indicators) for *_, p in document.projects())
    print(f"{projects} projects, {rows} indicator rows, {size / 1024:.0f} KiB, {repeat} runs each (median, min)")
    for name, values in times.items():
        median = statistics.median(values)
        print(f"  {name:34s} {median:8.3f} s  (min {min(values):.3f})  ratio {median / baseline:.3f}")
    ratio = statistics.median(times["perfdesk save_document"]) / baseline
    print(f"  save / openpyxl load+save = {ratio:.3f} (target ≤ {TARGET}): {'met' if ratio <= TARGET else 'NOT met'}")
    return ratio


def one_project(rows: int) -> Document:
    document = generate_document(1, seed=1, units=1)
    project = document.units[0].projects[0]
    base = list(project.indicators)
    project.indicators = [base[i % len(base)].model_copy() for i in range(rows)]
    return document


def measure_rows(counts: list[int], repeat: int) -> float:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "rows.xlsx"
        per_row = {}
        for rows in counts:
            document = one_project(rows)
            median, low = _median_of(lambda: save_document(document, path), repeat)
            merges = len(build_workbook(document).sheets[2].merges)
            per_row[rows] = median / rows
            print(f"one project, {rows:6d} indicator rows, {merges:6d} merges: {median:7.3f} s (min {low:.3f})"
                  f"  {median / rows * 1e6:7.1f} µs per row")
    first, last = counts[0], counts[-1]
    growth = per_row[last] / per_row[first]
    print(f"  per-row time at {last} / at {first} = {growth:.2f} (linear ≈ 1, quadratic ≈ {last / first:.0f})")
    return growth


def measure_startup(runs: int) -> float:
    commands = {
        "python -c pass": [sys.executable, "-c", "pass"],
        "import perfdesk.cli.main": [sys.executable, "-c", "import perfdesk.cli.main"],
        "perfdesk info (example)": [sys.executable, "-m", "perfdesk.cli.main", "info", str(EXAMPLE)],
    }
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            start = time.perf_counter()
            subprocess.run(command, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
            times[name].append(time.perf_counter() - start)
    baseline = statistics.median(times["python -c pass"])
    print(f"start-up, {runs} runs each (median, min)")
    for name, values in times.items():
        median = statistics.median(values)
        print(f"  {name:26s} {median:6.3f} s  (min {min(values):.3f})  ratio {median / baseline:.2f}")
    return statistics.median(times["perfdesk info (example)"]) / baseline


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--projects", default="300,2000", help="document sizes, comma-separated")
    parser.add_argument("--rows", default="2000,20000", help="indicator rows of the one-project document")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--runs", type=int, default=7, help="runs of each start-up command")
    parser.add_argument("--options", action="store_true", help="also time the other writers measured")
    args = parser.parse_args(argv)
    met = True
    for projects in (int(n) for n in args.projects.split(",") if n):
        met &= measure_save(projects, args.repeat, args.options) <= TARGET
    if args.rows:
        measure_rows([int(n) for n in args.rows.split(",")], args.repeat)
    if args.runs:
        measure_startup(args.runs)
    return 0 if met else 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
