"""Table cells drawn without Paragraphs: PDF export of generated projects, this tree against a baseline.

    .venv/bin/python -m benchmarks.pdf_cells --baseline /tmp/cells-base [--new .] [--projects 300]
                                             [--repeat 5] [--profile]

``--baseline`` is a checkout of the code to compare with, e.g. made before a change with
``git worktree add /tmp/cells-base HEAD``. Each run is a fresh process with that tree first on
PYTHONPATH (so the two never share modules or font caches); it generates the document
(benchmarks.generate, seed 0; not timed) and times ``export_pdf(document, BytesIO(), jobs=1)``
(one process: the cells' cost, not the machine's cores). Runs alternate baseline/new, and the
script prints the median of each, the ratio new/baseline, and with ``--profile`` a cProfile
top-15 (by own time) of one export of each tree.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_RUN = r"""
import io, json, sys, time, inspect
from benchmarks.generate import generate_document
from perfdesk.pdf import export_pdf
document = generate_document({projects})
options = {{"jobs": 1}} if "jobs" in inspect.signature(export_pdf).parameters else {{}}
if {profile}:
    import cProfile, pstats
    profiler = cProfile.Profile()
    profiler.enable()
start = time.perf_counter()
result = export_pdf(document, io.BytesIO(), **options)
seconds = time.perf_counter() - start
if {profile}:
    profiler.disable()
    stats = pstats.Stats(profiler, stream=sys.stderr)
    stats.sort_stats("tottime").print_stats(15)
print(json.dumps({{"seconds": seconds, "pages": result.pages}}))
"""


def _run(tree: Path, projects: int, profile: bool = False) -> tuple[float, int, str]:
    env = dict(os.environ, PYTHONPATH=str(tree))
    code = _RUN.format(projects=projects, profile=profile)
    done = subprocess.run([sys.executable, "-c", code], env=env, cwd=tree, capture_output=True, text=True,
                          check=False)
    if done.returncode != 0:
        raise SystemExit(f"{tree}: export failed\n{done.stderr[-3000:]}")
    data = json.loads(done.stdout.strip().splitlines()[-1])
    return data["seconds"], data["pages"], done.stderr


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", type=Path, required=True, help="checkout of the code to compare with")
    parser.add_argument("--new", type=Path, default=ROOT, help="tree to measure (default: this one)")
    parser.add_argument("--projects", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--profile", action="store_true", help="also print a cProfile top-15 of each")
    args = parser.parse_args(argv)
    trees = {"baseline": args.baseline.resolve(), "new": args.new.resolve()}
    times: dict[str, list[float]] = {name: [] for name in trees}
    pages: dict[str, int] = {}
    for _ in range(args.repeat):
        for name, tree in trees.items():  # alternate, so that load on the machine hits both alike
            seconds, count, _ = _run(tree, args.projects)
            times[name].append(seconds)
            pages[name] = count
    for name in trees:
        print(f"{name:9} {trees[name]}: median {statistics.median(times[name]):.2f} s "
              f"({', '.join(f'{t:.2f}' for t in times[name])}), {pages[name]} pages")
    ratio = statistics.median(times["new"]) / statistics.median(times["baseline"])
    print(f"ratio new/baseline: {ratio:.2f}")
    if pages["new"] != pages["baseline"]:
        print("page counts differ!")
    if args.profile:
        for name, tree in trees.items():
            _, _, stats = _run(tree, args.projects, profile=True)
            print(f"\n--- cProfile, {name} ({tree}), top 15 by own time")
            lines = [line for line in stats.splitlines() if line.strip()]
            print("\n".join(lines[:25]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
