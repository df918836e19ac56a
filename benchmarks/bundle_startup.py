"""Benchmark the installer bundle: how long the frozen executable takes to start and to export
the bundled example, against the named baseline of the same command run from the source
checkout with the venv's Python (``python -m perfdesk``), in the same run.

    .venv/bin/python -m benchmarks.bundle_startup [--bundle dist/perfdesk] [--rounds 7]

Without a built bundle at ``--bundle`` it builds one first (installer/build.py into a temporary
folder) and reports the build time and size too. Prints medians and ratios; asserts nothing.
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

ROOT = Path(__file__).resolve().parent.parent


def median_seconds(command: list[str], rounds: int, env: dict[str, str]) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        subprocess.run(command, env=env, check=True, capture_output=True, cwd=ROOT)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def tree_mib(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink()) / 2**20


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "perfdesk")
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    scratch = Path(tempfile.mkdtemp(prefix="perfdesk-bundle-bench-"))
    bundle = args.bundle
    if not (bundle / "perfdesk").exists():
        start = time.perf_counter()
        subprocess.run([sys.executable, str(ROOT / "installer" / "build.py"), "--no-setup",
                        "--dist", str(scratch / "dist"), "--work", str(scratch / "work")],
                       check=True, capture_output=True)
        print(f"build (PyInstaller, clean work folder): {time.perf_counter() - start:.1f} s")
        bundle = scratch / "dist" / "perfdesk"
    print(f"bundle size: {tree_mib(bundle):.1f} MiB")

    example = ROOT / "resources" / "examples" / "funing-2024.xlsx"
    if not example.exists():
        example = example.with_suffix(".json")
    bare = {"PATH": "/usr/bin:/bin", "HOME": str(scratch)}
    source_env = dict(bare, PYTHONPATH=str(ROOT))
    frozen = [str(bundle / "perfdesk")]
    source = [sys.executable, "-m", "perfdesk"]
    out = str(scratch / "out.pdf")
    for label, tail in (("--version", ["--version"]),
                        (f"export {example.name}", ["export", str(example), out])):
        baseline = median_seconds(source + tail, args.rounds, source_env)
        bundled = median_seconds(frozen + tail, args.rounds, bare)
        print(f"{label:>24}: source (baseline) {baseline * 1000:7.0f} ms, bundle {bundled * 1000:7.0f} ms,"
              f" ratio {bundled / baseline:.2f}")
    print(f"(median of {args.rounds}; machine load from other work affects both alike)")
    shutil.rmtree(scratch, ignore_errors=True)
    return 0


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.exit(main())
