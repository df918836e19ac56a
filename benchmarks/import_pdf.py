"""Benchmark importing a published PDF against exporting the same document to PDF.

    .venv/bin/python -m benchmarks.import_pdf [--projects 300] [--repeat 3]

Generates a ``--projects`` document (``benchmarks.generate``), saves it as a workbook, then
times, as real commands in fresh processes and alternating, ``perfdesk export IN.xlsx OUT.pdf``
(the baseline: the same document, the other way) and ``perfdesk import OUT.pdf BACK.xlsx``. The
import must give back every project. Prints the median and the minimum of each and their
ratio; nothing is asserted (tests do not time).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.generate import generate_document
from perfdesk.fileio import load_document, save_document

ROOT = Path(__file__).resolve().parent.parent


def _timed(*args: str) -> float:
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "perfdesk", *args], cwd=ROOT, capture_output=True)
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise SystemExit(f"perfdesk {' '.join(args)} failed: {done.stderr.decode('utf-8', 'replace')}")
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--projects", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="perfdesk-bench-") as folder:
        workbook, pdf, back = (Path(folder) / name for name in ("in.xlsx", "out.pdf", "back.xlsx"))
        document = generate_document(projects=args.projects, seed=11, units=4)
        save_document(document, workbook)
        exports, imports = [], []
        for _ in range(args.repeat):
            exports.append(_timed("export", str(workbook), str(pdf)))
            imports.append(_timed("import", str(pdf), str(back)))
        read_back = load_document(back)
        if read_back.project_count() != document.project_count():
            raise SystemExit(f"the import read {read_back.project_count()} of {document.project_count()} projects")
        pages = pdf.read_bytes().count(b"/Type /Page\n") or pdf.read_bytes().count(b"/Type /Page")
    for name, times in (("export (baseline)", exports), ("import", imports)):
        print(f"{name:18} median {statistics.median(times):6.2f} s   min {min(times):6.2f} s")
    print(f"{args.projects} projects, about {pages} pages; import / export: "
          f"median {statistics.median(imports) / statistics.median(exports):.2f} ×, "
          f"min {min(imports) / min(exports):.2f} ×")
    return 0


if __name__ == "__main__":
    sys.exit(main())
