"""Printing a generated document to PDF: perfdesk against LibreOffice and a bare ReportLab floor, one run.

    PYTHONPATH=. .venv/bin/python -m benchmarks.export_pdf [--projects 300[,2000]] [--repeat 3]
        [--keep DIR] [--office-at-all-sizes]

Issue 24's benchmarks, each in this one run. For each size it generates a document
(benchmarks.generate, seed 0) and writes it as two workbooks:

  stacked     every project as a hand-made table on one sheet (benchmarks.scale_files.stacked_workbook;
              above 1,000 projects, 1,000 a sheet: the reader keeps 20,000 content rows a sheet)
  per-sheet   perfdesk's own workbook, one sheet per project (perfdesk.fileio.save_document)

and times, on each workbook, alternately (the order rotates every round), median of ``--repeat``:

  perfdesk          load_document(workbook) + export_pdf(document, out.pdf)          (default jobs)
  perfdesk jobs=1   the same with export_pdf(..., jobs=1)                            (one process)
  LibreOffice       soffice --headless --convert-to pdf workbook                     (Calc)
  floor             benchmarks.reportlab_floor on the loaded document                (ReportLab alone)

perfdesk and the floor each run in a fresh Python process (so every run pays the TrueType parse
and the worker start-up a clerk's first export pays); the clock runs inside that process around
load and export, imports excluded; the whole process's wall time is printed too. LibreOffice runs
once first, untimed, to create its user profile (a one-off cost a clerk pays once); it runs at
the smallest size only unless ``--office-at-all-sizes``. The floor prints the project tables
only (no cover, 目录 or Part 1), so its page count is a few pages lower than perfdesk's.

Targets (the script exits 1 if one is missed): perfdesk load+export ≤ 0.5 × LibreOffice on each
workbook (goal ≤ 0.25 ×, reported); perfdesk's export ≤ 0.6 × the floor (the floor lays out the
already loaded document, so the export alone is compared); with two or more sizes, perfdesk's
export time per project at the largest size ≤ 1.3 × that at the smallest (linear).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

OFFICE_TARGET = 0.5
OFFICE_GOAL = 0.25
FLOOR_TARGET = 0.6
LINEAR_LIMIT = 1.3
# The reader keeps at most 20,000 rows with content a sheet (perfdesk.fileio.xlsx_cells.MAX_ROWS):
# about 1,200 stacked tables. A larger document is stacked 1,000 tables a sheet.
STACKED_PER_SHEET = 1000
ROOT = Path(__file__).resolve().parent.parent
WORKBOOKS = ("stacked", "per-sheet")
CONTENDERS = ("perfdesk", "perfdesk jobs=1", "LibreOffice", "floor")


# ---------------------------------------------------------------------------- one timed run
def _child(kind: str, workbook: Path, out: Path, jobs: int | None) -> dict:
    """Runs in a fresh process: load the workbook, then export it (perfdesk) or lay it out with
    ReportLab alone (floor). Imports and font lookup happen before the clock starts."""
    from perfdesk.fileio import load_document

    if kind == "floor":
        from benchmarks.reportlab_floor import floor_pdf, font_files, table_data

        fonts = font_files()
    else:
        from perfdesk.pdf import export_pdf
    start = time.perf_counter()
    document = load_document(workbook)
    loaded = time.perf_counter()
    if kind == "floor":
        tables = table_data(document)
        data = time.perf_counter()
        pages = floor_pdf(tables, fonts, out)
    else:
        data = loaded
        pages = export_pdf(document, out, jobs=jobs).pages
    end = time.perf_counter()
    return {"load": loaded - start, "data": data - loaded, "export": end - data, "pages": pages,
            "projects": document.project_count()}


def _python(kind: str, workbook: Path, out: Path, jobs: int | None) -> dict:
    command = [sys.executable, "-m", "benchmarks.export_pdf", "--child", kind, "--workbook", str(workbook),
               "--out", str(out)]
    if jobs is not None:
        command += ["--jobs", str(jobs)]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, (str(ROOT), os.environ.get("PYTHONPATH"))))}
    start = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=3600)
    wall = time.perf_counter() - start
    if done.returncode != 0:  # reported, and the run goes on with the other contenders
        last = [line for line in done.stderr.strip().splitlines() if line.strip()][-1:] or ["?"]
        return {"failed": last[0][:300], "process": wall}
    result = json.loads(done.stdout.strip().splitlines()[-1])
    result["process"] = wall
    return result


def _libreoffice(soffice: str, workbook: Path, outdir: Path, profile: Path) -> dict:
    start = time.perf_counter()
    subprocess.run(
        [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
         "--convert-to", "pdf", "--outdir", str(outdir), str(workbook)],
        check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=3600,
    )
    wall = time.perf_counter() - start
    return {"load": None, "export": None, "total": wall, "process": wall,
            "pages": _pdf_pages(outdir / (workbook.stem + ".pdf"))}


def _pdf_pages(path: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(path).pages)


# ---------------------------------------------------------------------------- the run
def _tree() -> str:
    """The commit measured, and whether perfdesk/ has uncommitted changes (others edit the tree)."""
    try:
        found = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                               text=True, timeout=30)
        if found.returncode != 0:
            return "not a git checkout"
        commit = found.stdout.strip()
        changed = subprocess.run(["git", "status", "--short", "--", "perfdesk"], cwd=ROOT, capture_output=True,
                                 text=True, timeout=30).stdout.split("\n")
    except OSError:
        return "not a git checkout"
    changed = [line for line in changed if line.strip()]
    return f"{commit or '?'}" + (f" + {len(changed)} changed file(s) under perfdesk/" if changed else " (clean)")


def _loadavg() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "?"


def _median(runs: list[dict], key: str) -> float | None:
    values = [run[key] for run in runs if run.get(key) is not None]
    return statistics.median(values) if values else None


def _s(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f} s"


def _div(a: float | None, b: float | None) -> float | None:
    return a / b if a is not None and b else None


def _x(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f} ×"


def measure_size(projects: int, repeat: int, work: Path, soffice: str | None, office: bool,
                 problems: list[str]) -> dict:
    """All contenders on both workbooks of one size: {workbook: {contender: [run, ...]}}."""
    from benchmarks.generate import generate_document
    from benchmarks.scale_files import stacked_workbook
    from perfdesk.fileio import save_document

    document = generate_document(projects)
    books = {"stacked": work / f"stacked-{projects}.xlsx", "per-sheet": work / f"per-sheet-{projects}.xlsx"}
    split = projects > STACKED_PER_SHEET
    stacked_workbook(document, books["stacked"], STACKED_PER_SHEET if split else None)
    save_document(document, books["per-sheet"])
    rows = sum(len(p.indicators) for _, _, _, p in document.projects())
    for name, path in books.items():
        sheets = (f", {-(-projects // STACKED_PER_SHEET)} sheets of {STACKED_PER_SHEET:,} stacked tables"
                  if name == "stacked" and split else "")
        print(f"{projects} projects, {name}: {path.name} ({path.stat().st_size / 1e6:.1f} MB,"
              f" {document.project_count()} projects, {rows} indicator rows{sheets})", flush=True)

    office = office and soffice is not None
    contenders = [c for c in CONTENDERS if office or c != "LibreOffice"]
    office_dir, lo_profile = work / "libreoffice", work / "lo-profile"
    if office:
        office_dir.mkdir(exist_ok=True)
        warm = _libreoffice(soffice, books["stacked"], office_dir, lo_profile)
        print(f"LibreOffice warm-up (profile creation, not counted): {warm['total']:.2f} s", flush=True)

    results = {book: {c: [] for c in contenders} for book in books}
    for round_ in range(repeat):
        for b in range(len(books)):
            book = list(books)[(b + round_) % len(books)]
            order = contenders[round_ % len(contenders):] + contenders[:round_ % len(contenders)]
            line = []
            for contender in order:
                out = work / f"{contender.replace(' ', '-').replace('=', '')}-{book}-{projects}.pdf"
                if contender == "LibreOffice":
                    run = _libreoffice(soffice, books[book], office_dir, lo_profile)
                else:
                    kind = "floor" if contender == "floor" else "perfdesk"
                    jobs = 1 if contender == "perfdesk jobs=1" else None
                    run = _python(kind, books[book], out, jobs)
                    if "failed" in run:
                        problems.append(f"{projects} {book}: {contender} failed: {run['failed']}")
                        results[book][contender].append(run)
                        line.append(f"{contender} FAILED")
                        continue
                    if run["projects"] != projects:  # measured anyway, and the run fails
                        problems.append(f"{projects} {book}: {contender} read back {run['projects']} projects,"
                                        f" not {projects}")
                    run["total"] = run["load"] + run["data"] + run["export"]
                results[book][contender].append(run)
                detail = f" (load {run['load']:.2f} + export {run['export']:.2f})" if run["load"] is not None else ""
                line.append(f"{contender} {run['total']:.2f} s{detail}")
            print(f"round {round_ + 1}, {projects} {book}: " + " | ".join(line), flush=True)
    return results


def report(sizes: list[int], all_results: dict[int, dict]) -> list[str]:
    """Print the medians, ratios and page counts; returns the missed targets."""
    missed: list[str] = []
    print("\nMedians (load+export = load_document + export_pdf, inside the process; process = the whole"
          " child process, start-up and imports included):\n")
    print("| projects | workbook | contender | load | export | load+export | process | pages |")
    print("|---:|---|---|---:|---:|---:|---:|---:|")
    for size in sizes:
        for book, by in all_results[size].items():
            for contender, runs in by.items():
                pages = sorted({run["pages"] for run in runs if "pages" in run})
                failed = sum("failed" in run for run in runs)
                print(f"| {size} | {book} | {contender} | {_s(_median(runs, 'load'))} | {_s(_median(runs, 'export'))}"
                      f" | {_s(_median(runs, 'total'))} | {_s(_median(runs, 'process'))}"
                      f" | {', '.join(map(str, pages))}{f' ({failed} run(s) failed)' if failed else ''} |")

    print(f"\nRatios (medians). Targets: perfdesk/LibreOffice ≤ {OFFICE_TARGET} × (goal ≤ {OFFICE_GOAL} ×),"
          f" load+export; perfdesk/floor ≤ {FLOOR_TARGET} ×, export alone.\n")
    print("| projects | workbook | perfdesk / LibreOffice | jobs=1 / LibreOffice | perfdesk / floor | jobs=1 / floor"
          " | parallel / jobs=1 (export) | parallel / jobs=1 (load+export) |")
    print("|---:|---|---:|---:|---:|---:|---:|---:|")
    for size in sizes:
        for book, by in all_results[size].items():
            m = {c: (_median(runs, "total"), _median(runs, "export")) for c, runs in by.items()}
            office = m.get("LibreOffice", (None, None))[0]
            ours, ours_export = m["perfdesk"]
            one, one_export = m["perfdesk jobs=1"]
            floor = m["floor"][1]
            vs_office, vs_floor = _div(ours, office), _div(ours_export, floor)
            print(f"| {size} | {book} | {_x(vs_office)} | {_x(_div(one, office))} | {_x(vs_floor)}"
                  f" | {_x(_div(one_export, floor))} | {_x(_div(ours_export, one_export))} | {_x(_div(ours, one))} |")
            if vs_office is not None and vs_office > OFFICE_TARGET:
                missed.append(f"{size} {book}: perfdesk/LibreOffice {vs_office:.3f} > {OFFICE_TARGET}")
            if vs_floor is not None and vs_floor > FLOOR_TARGET:
                missed.append(f"{size} {book}: perfdesk/floor {vs_floor:.3f} > {FLOOR_TARGET}")

    if len(sizes) > 1:
        small, large = sizes[0], sizes[-1]
        print(f"\nLinearity: export time per project at {large:,} ÷ at {small:,} (linear ≈ 1; target ≤ {LINEAR_LIMIT}"
              f" for perfdesk's export with the default jobs).\n")
        print(f"| workbook | contender | per project at {small:,} | per project at {large:,} | ratio |")
        print("|---|---|---:|---:|---:|")
        for book in WORKBOOKS:
            for contender in ("perfdesk", "perfdesk jobs=1", "floor"):
                for key, label in (("export", "export"), ("total", "load+export")):
                    if contender == "floor" and key == "total":
                        continue
                    a = _div(_median(all_results[small][book][contender], key), small)
                    b = _div(_median(all_results[large][book][contender], key), large)
                    if a is None or b is None:
                        print(f"| {book} | {contender} ({label}) | — | — | — (failed) |")
                        continue
                    print(f"| {book} | {contender} ({label}) | {a * 1000:.1f} ms | {b * 1000:.1f} ms | {b / a:.2f} × |")
                    if contender == "perfdesk" and key == "export" and b / a > LINEAR_LIMIT:
                        missed.append(f"{book}: export per project at {large} ÷ at {small} = {b / a:.2f} > {LINEAR_LIMIT}")
    return missed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--projects", default="300", help="sizes, comma-separated (e.g. 300,2000)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--keep", type=Path, default=None, help="keep the workbooks and PDFs in this folder")
    parser.add_argument("--office-at-all-sizes", action="store_true",
                        help="run LibreOffice at every size, not only the smallest")
    parser.add_argument("--child", choices=("perfdesk", "floor"), help=argparse.SUPPRESS)
    parser.add_argument("--workbook", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--jobs", type=int, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(_child(args.child, args.workbook, args.out, args.jobs)))
        return 0

    sizes = sorted({int(size) for size in args.projects.split(",") if size.strip()})
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        print("LibreOffice (soffice) is not installed: apt-get install libreoffice-calc", file=sys.stderr)
    import reportlab

    print(f"# export_pdf benchmark, {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC")
    print(f"machine: {platform.platform()}, os.cpu_count() = {os.cpu_count()}, Python {platform.python_version()},"
          f" ReportLab {reportlab.Version}")
    print(f"tree: {ROOT} at {_tree()}")
    print(f"sizes {sizes}, repeat {args.repeat}, LibreOffice: {soffice or 'missing'}"
          f" ({'every size' if args.office_at_all_sizes else f'{sizes[0]} projects only'})")
    before = _loadavg()
    print(f"load average before: {before}", flush=True)

    work = args.keep or Path(tempfile.mkdtemp(prefix="perfdesk-bench-pdf-"))
    work.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    try:
        problems: list[str] = []
        results = {size: measure_size(size, args.repeat, work, soffice, args.office_at_all_sizes or size == sizes[0],
                                      problems) for size in sizes}
        missed = problems + report(sizes, results)
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    print(f"\nload average before: {before}; after: {_loadavg()}; whole run {time.perf_counter() - started:.0f} s")
    if not soffice:
        return 2
    if missed:
        print("Targets missed:\n  " + "\n  ".join(missed))
        return 1
    print("All targets met.")
    return 0


if __name__ == "__main__":  # pragma: no cover
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.exit(main())
