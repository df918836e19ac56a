"""Printing a 300-project workbook to PDF: perfdesk (ReportLab) against LibreOffice, same run.

    .venv/bin/python -m benchmarks.export_pdf [--projects 300] [--repeat 3] [--keep DIR]

Generates a document (benchmarks.generate, seed 0), saves it as a workbook with
perfdesk.fileio.save_document, then times, alternately and on the same workbook:

  perfdesk   load_document(workbook) + export_pdf(document, out.pdf)   (in this process)
  baseline   soffice --headless --convert-to pdf workbook               (LibreOffice Calc)

LibreOffice runs once first, untimed, to create its user profile (a one-off cost a clerk
pays once). The target is perfdesk <= 0.5 x LibreOffice; the script prints the medians and
the ratio and exits 1 if the target is missed.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGET_RATIO = 0.5


def _perfdesk(workbook: Path, out: Path) -> tuple[float, float, int]:
    from perfdesk.fileio import load_document
    from perfdesk.pdf import export_pdf

    start = time.perf_counter()
    document = load_document(workbook)
    loaded = time.perf_counter()
    result = export_pdf(document, out)
    end = time.perf_counter()
    return end - start, end - loaded, result.pages


def _libreoffice(soffice: str, workbook: Path, outdir: Path, profile: Path) -> float:
    start = time.perf_counter()
    subprocess.run(
        [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
         "--convert-to", "pdf", "--outdir", str(outdir), str(workbook)],
        check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=1800,
    )
    return time.perf_counter() - start


def _pdf_pages(path: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(path).pages)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--projects", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--keep", type=Path, default=None, help="keep the workbook and PDFs in this folder")
    args = parser.parse_args(argv)

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        print("LibreOffice (soffice) is not installed: apt-get install libreoffice-calc", file=sys.stderr)
        return 2

    from benchmarks.generate import generate_document
    from perfdesk.fileio import save_document

    work = args.keep or Path(tempfile.mkdtemp(prefix="perfdesk-bench-pdf-"))
    work.mkdir(parents=True, exist_ok=True)
    workbook = work / f"generated-{args.projects}.xlsx"
    document = generate_document(args.projects)
    save_document(document, workbook)
    print(f"workbook: {workbook} ({workbook.stat().st_size / 1e6:.1f} MB, {document.project_count()} projects,"
          f" {sum(len(p.indicators) for _, _, _, p in document.projects())} indicator rows)")

    profile = work / "lo-profile"
    office_dir = work / "libreoffice"
    office_dir.mkdir(exist_ok=True)
    warm = _libreoffice(soffice, workbook, office_dir, profile)
    print(f"LibreOffice first run (profile creation, not counted): {warm:.2f} s")

    ours, ours_export, theirs = [], [], []
    pages = 0
    for run in range(1, args.repeat + 1):
        total, export_only, pages = _perfdesk(workbook, work / "perfdesk.pdf")
        ours.append(total)
        ours_export.append(export_only)
        theirs.append(_libreoffice(soffice, workbook, office_dir, profile))
        print(f"run {run}: perfdesk {total:.2f} s (export {export_only:.2f} s) | LibreOffice {theirs[-1]:.2f} s")

    office_pdf = office_dir / (workbook.stem + ".pdf")
    median_ours, median_theirs = statistics.median(ours), statistics.median(theirs)
    ratio = median_ours / median_theirs
    print(f"pages: perfdesk {pages}, LibreOffice {_pdf_pages(office_pdf) if office_pdf.exists() else '?'}")
    print(f"median: perfdesk load+export {median_ours:.2f} s (export alone {statistics.median(ours_export):.2f} s),"
          f" LibreOffice {median_theirs:.2f} s, ratio {ratio:.3f} (target <= {TARGET_RATIO})")
    if args.keep is None:
        shutil.rmtree(work, ignore_errors=True)
    return 0 if ratio <= TARGET_RATIO else 1


if __name__ == "__main__":  # pragma: no cover
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.exit(main())
