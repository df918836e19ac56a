"""Benchmark the indicator library (指标库): indexing 100 workbooks, and query latency on
20,000 rows.

    .venv/bin/python -m benchmarks.library [--files 100] [--projects 25] [--queries 300]

1. Writes ``--files`` generated workbooks (``benchmarks.generate``, 6–9 rows a project) to a
   temporary folder (27 projects each: about 20,000 rows). Times a cold index of the folder (a new index file) against the baseline
   of reading the same workbooks with ``load_document`` alone (what any index must pay), then
   an update when nothing changed and one after a single file changed.
2. Query latency of ``perfdesk.library.search`` (match, rank, group, variants, sources: what
   a completion shows, 12 suggestions) on about 20,000 rows, against the baseline of a plain
   Python scan (``fragment in 三级指标`` over the same rows held in a list, then counted by
   二级/三级 and sorted). Two libraries: the generated workbooks as they are (few distinct
   三级指标, each in thousands of rows: the most grouping work), and 20,000 rows whose 三级指标
   are all different (the most matching work). Fragments of 2 and of 3 characters drawn from
   the 三级指标, and some that match nothing. p50 and p95 of each, and their ratios.

Nothing is asserted (tests do not time); the numbers go into docs/performance.md.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from benchmarks.generate import generate_document
from perfdesk.library import LibraryIndex, search
from perfdesk.library.index import normalize


def _write(job: tuple[int, int, str]) -> int:
    from perfdesk.fileio import save_document

    seed, projects, folder = job
    document = generate_document(projects=projects, seed=seed, units=2)
    save_document(document, Path(folder) / f"dept{seed:03d}.xlsx")
    return sum(len(p.indicators) for _, _, _, p in document.projects())


def _percentiles(times: list[float]) -> tuple[float, float]:
    ordered = sorted(times)
    return statistics.median(ordered) * 1000, ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))] * 1000


def _queries(names: list[str], count: int, rng: random.Random) -> list[str]:
    queries = []
    for number in range(count):
        if number % 10 == 9:
            queries.append(rng.choice(("差旅费", "无此指标", "公务用车", "zz")))  # nothing matches
            continue
        name = rng.choice(names)
        size = 2 if number % 2 else 3
        start = rng.randrange(max(1, len(name) - size + 1))
        queries.append(name[start:start + size])
    return queries


def _scan(rows: list[tuple[str, str, str]], fragment: str, limit: int = 12) -> list[tuple[str, str, int]]:
    """The baseline: a substring scan of every row, counted by group and sorted."""
    key = normalize(fragment)
    counts = Counter((key2, key3) for key2, key3, _ in rows if key in key3)
    return sorted(((k2, k3, n) for (k2, k3), n in counts.items()), key=lambda g: (-g[2], g[1]))[:limit]


def query_latency(index: LibraryIndex, queries: list[str], label: str) -> None:
    rows = list(index.connection.execute("SELECT key2, key3, level3 FROM rows"))
    for name, sizes in (("2 个字", {2}), ("3 个字", {3})):
        chosen = [q for q in queries if len(q) in sizes]
        ours, base = [], []
        for fragment in chosen:  # alternating, so that the shared machine's noise hits both alike
            start = time.perf_counter()
            found = search(index, fragment, limit=12)
            ours.append(time.perf_counter() - start)
            start = time.perf_counter()
            scanned = _scan(rows, fragment)
            base.append(time.perf_counter() - start)
            assert bool(found) == bool(scanned), fragment
        p50, p95 = _percentiles(ours)
        b50, b95 = _percentiles(base)
        print(f"  {label}，{name}片段 ×{len(chosen)}：search p50 {p50:.2f} ms p95 {p95:.2f} ms；"
              f"Python 扫描 p50 {b50:.2f} ms p95 {b95:.2f} ms；比值 p50 {p50 / b50:.2f} p95 {p95 / b95:.2f}")


def distinct_library(rows: int, rng: random.Random) -> LibraryIndex:
    """``rows`` rows whose 三级指标 all differ (topic + a generated name + a number), in 100
    files of 200 rows."""
    from benchmarks.generate import ROWS, TOPICS
    from perfdesk.model import BudgetUnit, Document, Indicator, Project

    index = LibraryIndex(":memory:")
    level1 = {"数量指标": "产出指标", "质量指标": "产出指标", "时效指标": "产出指标", "成本指标": "产出指标",
              "服务对象满意度指标": "满意度指标"}
    per_file = 200
    for file_number in range(rows // per_file):
        indicators = []
        for number in range(per_file):
            level2 = rng.choice(list(ROWS))
            level3, description, value = rng.choice(ROWS[level2])
            topic = rng.choice(TOPICS)
            indicators.append(Indicator(level1=level1.get(level2, "效益指标"), level2=level2,
                                        level3=f"{topic}{level3}{file_number * per_file + number}",
                                        description=description.format(topic=topic, n=5, amount="1"),
                                        value=value.format(topic=topic, n=5, amount="1"), basis="工作计划"))
        document = Document(units=[BudgetUnit(projects=[Project(name=f"项目{file_number}", indicators=indicators)])])
        index.add_document(f"/bench/distinct{file_number:03d}.xlsx", document, summarize=False)
    index.summarize()
    return index


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="指标库：建索引和查询的耗时")
    parser.add_argument("--files", type=int, default=100)
    parser.add_argument("--projects", type=int, default=27, help="每个工作簿的项目数（每个项目 6–9 行指标）")
    parser.add_argument("--queries", type=int, default=300)
    args = parser.parse_args(argv)
    rng = random.Random(22)
    from perfdesk.fileio import load_document

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "往年文本"
        folder.mkdir()
        with ProcessPoolExecutor() as pool:
            total = sum(pool.map(_write, [(seed, args.projects, str(folder)) for seed in range(args.files)]))
        print(f"{args.files} 个工作簿，共 {total} 行指标")
        def read_all() -> float:
            start = time.perf_counter()
            for path in sorted(folder.glob("*.xlsx")):
                load_document(path)
            return time.perf_counter() - start

        first_read = read_all()  # before and after the index, the faster counts (caches, noise)
        index = LibraryIndex(Path(tmp) / "index.sqlite")
        start = time.perf_counter()
        report = index.update([folder])
        cold = time.perf_counter() - start
        assert report.read == args.files and not report.failed
        read = min(first_read, read_all())
        start = time.perf_counter()
        index.summarize()
        print(f"  重建汇总表一次 {(time.perf_counter() - start) * 1000:.0f} ms")
        print(f"  读取全部工作簿（load_document，基准）{read:.2f} s；建索引 {cold:.2f} s；比值 {cold / read:.2f}")
        start = time.perf_counter()
        report = index.update([folder])
        warm = time.perf_counter() - start
        print(f"  无变化时更新 {warm * 1000:.1f} ms（{report.unchanged} 个文件未变）")
        changed = sorted(folder.glob("*.xlsx"))[0]
        _write((0, args.projects, str(folder)))  # the same content written again: a new mtime
        start = time.perf_counter()
        report = index.update([folder])
        one = time.perf_counter() - start
        print(f"  改动一个文件后更新 {one * 1000:.1f} ms（重读 {report.read} 个：{changed.name}）")
        names = [row[0] for row in index.connection.execute("SELECT DISTINCT level3 FROM rows")]
        query_latency(index, _queries(names, args.queries, rng), f"生成的工作簿（{index.row_count()} 行，"
                                                               f"{len(names)} 种三级指标）")
        index.close()
    distinct = distinct_library(20_000, rng)
    names = [row[0] for row in distinct.connection.execute("SELECT level3 FROM rows")]
    query_latency(distinct, _queries(names, args.queries, rng), f"各不相同的三级指标（{distinct.row_count()} 行）")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
