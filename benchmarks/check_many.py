"""Benchmark the process pool of ``perfdesk check``: one worker against one per core.

    .venv/bin/python -m benchmarks.check_many [--files 100] [--min-projects 10] [--max-projects 60] [--repeat 5]

Writes ``--files`` generated workbooks of varied size (``--min-projects`` to
``--max-projects`` projects, 1–3 units, a few faults planted in each: empty 指标值, funds
that do not add up) to a temporary folder, then times ``perfdesk check FOLDER --json`` as the
real command in a fresh process, ``--jobs 1`` (the baseline) against the default (one worker
per core), runs alternating. Both must print the same JSON. Prints the median and the minimum
of each and their ratio; nothing is asserted (tests do not time).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from decimal import Decimal
from pathlib import Path

from benchmarks.generate import generate_document
from perfdesk.fileio import save_document
from perfdesk.model import Document

ROOT = Path(__file__).resolve().parent.parent


def planted_document(seed: int, low: int, high: int) -> Document:
    """A generated text of ``low``–``high`` projects with some faults a reviewer raises."""
    rng = random.Random(seed)
    document = generate_document(projects=rng.randint(low, high), seed=seed, units=rng.randint(1, 3))
    places = [(u, p, project) for u, p, _, project in document.projects()]
    for u, p, project in rng.sample(places, k=max(1, len(places) // 10)):
        if rng.random() < 0.5 and project.indicators:
            document.update_indicator(u, p, rng.randrange(len(project.indicators)), value="")
        elif project.budget_total is not None:
            document.update_project(u, p, budget_fiscal=project.budget_total + Decimal("0.01"))
    return document


def _write(job: tuple[int, int, int, str]) -> int:
    seed, low, high, folder = job
    document = planted_document(seed, low, high)
    save_document(document, Path(folder) / f"dept{seed:03d}.xlsx")
    return document.project_count()


def write_folder(folder: Path, files: int, low: int, high: int) -> int:
    """The workbooks (written by a pool too: setting up is not what is measured); their projects."""
    with ProcessPoolExecutor() as pool:
        return sum(pool.map(_write, [(seed, low, high, str(folder)) for seed in range(files)]))


def _run(command: list[str]) -> tuple[float, bytes]:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    start = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, check=False)
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1, 2):
        raise SystemExit(f"perfdesk check failed ({done.returncode}): {done.stderr.decode(errors='replace')}")
    return elapsed, done.stdout


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=100)
    parser.add_argument("--min-projects", type=int, default=10)
    parser.add_argument("--max-projects", type=int, default=60)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        start = time.perf_counter()
        projects = write_folder(folder, args.files, args.min_projects, args.max_projects)
        size = sum(p.stat().st_size for p in folder.iterdir())
        print(f"{args.files} workbooks, {projects} projects ({args.min_projects}–{args.max_projects} each), "
              f"{size / 2**20:.1f} MiB, written in {time.perf_counter() - start:.0f} s; "
              f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}")
        check = [sys.executable, "-m", "perfdesk", "check", str(folder), "--json"]
        variants = {"--jobs 1 (baseline)": check + ["--jobs", "1"], "default (one per core)": check}
        times: dict[str, list[float]] = {label: [] for label in variants}
        outputs: dict[str, set[bytes]] = {label: set() for label in variants}
        for _ in range(args.repeat):
            for label, command in variants.items():  # alternating, so load changes hit both
                elapsed, out = _run(command)
                times[label].append(elapsed)
                outputs[label].add(out)
        same = len(set.union(*outputs.values())) == 1
        findings = next(iter(outputs["--jobs 1 (baseline)"])).count(b'"rule"')
        print(f"{findings} findings; every run printed the same JSON: {'yes' if same else 'NO'}")
        print(f"load average after the runs {os.getloadavg()[0]:.1f}")
    base = times["--jobs 1 (baseline)"]
    for label, measured in times.items():
        print(f"  {label:24} median {statistics.median(measured):6.2f} s   min {min(measured):6.2f} s   "
              f"runs {', '.join(f'{t:.2f}' for t in measured)}")
    pooled = times["default (one per core)"]
    print(f"  ratio default / --jobs 1: median {statistics.median(pooled) / statistics.median(base):.2f}, "
          f"min {min(pooled) / min(base):.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
