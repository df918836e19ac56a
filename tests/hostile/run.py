"""Every ``perfdesk`` command on one file, in this process: how each ends, how long it takes.

    python -m hostile.run FILE [OUT_FOLDER]        (from tests/, with the repository on the path)

Prints one JSON object: for each command (info, check, check --json, convert, export, compare,
rollover, and ``fileio.open_document`` as the window opens a file) its exit status, seconds and
what it printed, then the process's peak memory in MB (``VmHWM``, or ``ru_maxrss``: run it in a fresh
process, so that the peak is this file's).
"""

from __future__ import annotations

import contextlib
import io
import json
import resource
import sys
import tempfile
import time
from pathlib import Path


def commands(path: Path, out: Path) -> dict[str, list[str]]:
    return {
        "info": ["info", str(path)],
        "check": ["check", str(path)],
        "check --json": ["check", "--json", str(path)],
        "convert": ["convert", str(path), str(out / "converted.json")],
        "export": ["export", str(path), str(out / "exported.pdf")],
        "compare": ["compare", str(path), str(path)],
        "rollover": ["rollover", "--year", "2027", str(path), str(out / "next.xlsx")],
    }


def run_all(path: Path, out: Path) -> dict:
    from perfdesk.cli.main import main
    from perfdesk.errors import PerfdeskError
    from perfdesk.fileio import open_document

    results: dict[str, dict] = {}
    for name, args in commands(path, out).items():
        stdout, stderr = io.StringIO(), io.StringIO()
        start = time.perf_counter()
        with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
            try:
                status = main(args)
            except BaseException as error:  # noqa: BLE001 - reported, that is the point
                status = f"raised {type(error).__name__}: {error}"
        results[name] = {"status": status, "seconds": round(time.perf_counter() - start, 2),
                         "stdout": stdout.getvalue()[-3000:], "stderr": stderr.getvalue()[-3000:]}
    start = time.perf_counter()
    try:
        read = open_document(path)
        opened = {"status": 0, "notes": [str(note) for note in read.notes[:50]]}
    except PerfdeskError as error:
        opened = {"status": 2, "stderr": str(error)}
    except BaseException as error:  # noqa: BLE001
        opened = {"status": f"raised {type(error).__name__}: {error}"}
    opened["seconds"] = round(time.perf_counter() - start, 2)
    results["open_document"] = opened
    return results


def peak_mb() -> int:
    """This process's peak memory: ``VmHWM`` where there is one (``ru_maxrss`` would carry the
    parent's peak across fork and exec), else ``ru_maxrss``."""
    try:
        with open("/proc/self/status") as status:
            return round(next(int(line.split()[1]) for line in status if line.startswith("VmHWM:")) / 1024)
    except (OSError, StopIteration):
        return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)


if __name__ == "__main__":
    target = Path(sys.argv[1])
    with tempfile.TemporaryDirectory() as scratch:
        found = run_all(target, Path(sys.argv[2]) if len(sys.argv) > 2 else Path(scratch))
    found["peak_mb"] = peak_mb()
    print(json.dumps(found, ensure_ascii=False))
