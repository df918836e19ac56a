"""Writing a 300-project workbook as Word (.docx): perfdesk against LibreOffice, same run.

    .venv/bin/python -m benchmarks.export_docx [--projects 300] [--repeat 3] [--profile compact]

Generates a document (benchmarks.generate, seed 0), saves it as a workbook with
perfdesk.fileio.save_document, then times, alternately and on the same workbook:

  perfdesk    perfdesk export workbook out.docx   (a fresh process, as a clerk runs it)
  split       in this process: load_document, the PDF layout that gives the 目录 its page
              numbers, and writing the .docx (perfdesk.word.export.build_docx)
  baseline    LibreOffice: soffice --convert-to docx of the workbook alone stops with "no
              export filter", so Calc writes it as HTML and Writer converts that to .docx
              (two soffice runs, both timed)

LibreOffice runs once first, untimed, to create its user profile. The script prints the
medians, the split and the ratio perfdesk / LibreOffice.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def _perfdesk(workbook: Path, out: Path, profile: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "perfdesk", "export", str(workbook), str(out), "--profile", profile],
                   check=True, stdout=subprocess.DEVNULL, timeout=1800)
    return time.perf_counter() - start


def _split(workbook: Path, profile_name: str) -> dict[str, float]:
    from perfdesk.fileio import load_document
    from perfdesk.layout import document_layout, load_profile
    from perfdesk.word.export import build_docx, heading_pages

    times = {}
    start = time.perf_counter()
    document = load_document(workbook)
    times["load"] = time.perf_counter() - start
    profile = load_profile(profile_name)
    start = time.perf_counter()
    layout = document_layout(document, None, profile.cover_space_mm)
    pages, _ = heading_pages(layout, profile)
    times["pdf layout (目录 page numbers)"] = time.perf_counter() - start
    start = time.perf_counter()
    build_docx(layout, profile, pages)
    times["write .docx"] = time.perf_counter() - start
    return times


def _libreoffice(soffice: str, workbook: Path, outdir: Path, profile: Path) -> float:
    """Workbook -> .docx by LibreOffice. ``--convert-to docx`` of a workbook alone stops with
    "no export filter" (Calc has no Word filter), so it goes as LibreOffice can: Calc writes
    the workbook as HTML, Writer reads that and writes the .docx. Both steps are timed."""
    def run(*args: str) -> None:
        subprocess.run([soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore", *args],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=1800)

    start = time.perf_counter()
    run("--convert-to", "html", "--outdir", str(outdir), str(workbook))
    run("--infilter=HTML (StarWriter)", "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(outdir),
        str(outdir / (workbook.stem + ".html")))
    elapsed = time.perf_counter() - start
    if not (outdir / (workbook.stem + ".docx")).is_file():
        raise SystemExit("LibreOffice wrote no .docx")
    return elapsed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--projects", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--profile", default="compact")
    args = parser.parse_args(argv)
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        print("LibreOffice (soffice) is not installed: no baseline.", file=sys.stderr)
        return 2

    from benchmarks.generate import generate_document
    from perfdesk.fileio import save_document

    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        workbook = folder / "bench.xlsx"
        save_document(generate_document(args.projects, seed=0), workbook)
        lo_profile, lo_out = folder / "lo-profile", folder / "lo"
        lo_out.mkdir()
        _libreoffice(soffice, workbook, lo_out, lo_profile)  # untimed: creates the profile
        (lo_out / "bench.docx").unlink()
        ours, theirs = [], []
        for _ in range(args.repeat):
            ours.append(_perfdesk(workbook, folder / "out.docx", args.profile))
            theirs.append(_libreoffice(soffice, workbook, lo_out, lo_profile))
        split = _split(workbook, args.profile)
        size = (folder / "out.docx").stat().st_size
        lo_size = (lo_out / "bench.docx").stat().st_size
    ratio = statistics.median(ours) / statistics.median(theirs)
    print(f"{args.projects} projects, profile {args.profile}, {args.repeat} runs each")
    print(f"perfdesk export .docx   median {statistics.median(ours):.2f} s  min {min(ours):.2f} s  ({size // 1024} KiB)")
    print(f"soffice --convert-to docx median {statistics.median(theirs):.2f} s  min {min(theirs):.2f} s  ({lo_size // 1024} KiB)")
    print("split (in process): " + ", ".join(f"{name} {seconds:.2f} s" for name, seconds in split.items()))
    print(f"ratio perfdesk / LibreOffice: {ratio:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
