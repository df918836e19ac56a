"""Importing a text stays linear in its size: 500 to 5,000 projects, and pages of noise.

    .venv/bin/python -m benchmarks.import_text [--sizes 500,1000,2000,5000] [--repeat 3]

Series (medians of ``--repeat`` runs of ``import_text``, each size in the same process):

  tabs N       ``generate_document(N)`` written as a PDF extract, one row per line with its
               cells split by tabs (``benchmarks.import_speed.pdf_shaped_text``)
  wrapped N    the same document as a PDF viewer copies it: no tabs, the cells of a printed
               line separated by a space, the code, long names and descriptions wrapped
               onto the next line (``wrapped_text`` below)
  noise L      one table followed by L lines of text that is no table's (each becomes a note)

Baseline: the first size of the same series, same run. The script prints seconds, seconds
per 1,000 projects (per 10,000 lines for noise) and that figure's ratio to the baseline's:
linear code stays near 1.0 as the size grows, quadratic code doubles it with every doubling.

A text of more than 3,000 tables is refused (``perfdesk.importers.text.MAX_PROJECTS``); for
the series the limit is lifted, so that 5,000 projects are read through. The refusal itself,
with the limit in place, is timed on its own at the largest size. Each generated text is
checked to import back to the generated projects (a check that the whole importer ran).
"""

from __future__ import annotations

import argparse
import sys
import time

import perfdesk.importers.text as text_module
from benchmarks.generate import generate_document
from benchmarks.import_speed import _median as median_of, pdf_shaped_text
from perfdesk.errors import FileFormatError
from perfdesk.importers import import_text
from perfdesk.model import Document, format_amount


def _cut(text: str, width: int) -> list[str]:
    return [text[i:i + width] for i in range(0, len(text), width)] or [""]


def wrapped_text(document: Document) -> str:
    """The document as Adobe Reader's copy shows it: no tab, cells wrapped at their column."""
    out = [document.department, f"{document.year}年部门预算绩效文本", f"({document.status.value})",
           "第二部分 预算项目绩效目标"]
    for u, p, unit, project in document.projects():
        code, name = project.code, project.name
        plan = " ".join(f"{value}%" for value in project.spending_plan.values if value is not None)
        goals = " ".join(f"{n}.{goal}" for n, goal in enumerate(project.goals, start=1))
        other = format_amount(project.budget_other)
        out += [f"{document.project_number(u, p)}.{name}绩效目标表", f"{unit.label} 单位：万元",
                f"项目编码 {code[:13]}", f"{code[13:]} 项目名称 {name[:8]}", *(_cut(name[8:], 8) if name[8:] else []),
                f"预算规模及 预算数 {format_amount(project.budget_total)} 其中：财政资金 "
                f"{format_amount(project.budget_fiscal)} 其他资金{' ' + other if other else ''}",
                f"资金用途 {project.purpose}", "资金支出计划 3月底 6月底 10月底 12月底", f"（%） {plan}",
                f"绩效目标 {goals}", "一级指标 二级指标 三级指标 绩效指标描述 指标值 指标值确定", "依据"]
        for indicator in project.indicators:
            description = _cut(indicator.description, 10)
            out.append(" ".join((indicator.level1, indicator.level2, indicator.level3, description[0],
                                 indicator.value, indicator.basis)))
            out += description[1:]
    return "\n".join(out) + "\n"


def noise_text(lines: int) -> str:
    """One small table, then ``lines`` lines of Chinese text that belongs to no table."""
    table = pdf_shaped_text(generate_document(projects=1, seed=0))
    noise = "".join(chr(0x4E00 + (i * 7919) % 20000) for i in range(40))
    return table + "\n" + "\n".join(noise[i % 20:] + noise[:i % 20] for i in range(lines)) + "\n"


def _same_projects(text: str, document: Document) -> str:
    got = import_text(text).document
    pairs = list(zip((p for *_, p in got.projects()), (p for *_, p in document.projects())))
    fields = ("code", "name", "budget_total", "budget_fiscal", "budget_other", "purpose", "spending_plan",
              "goals", "indicators")
    same = sum(all(getattr(a, f) == getattr(b, f) for f in fields) for a, b in pairs)
    return f"{same}/{document.project_count()} projects read back field for field"



def _series(name: str, cases: list[tuple[int, str]], unit: int, unit_name: str, repeat: int) -> None:
    print(f"\n{name}: size, seconds (median of {repeat}), seconds per {unit_name}, ratio to the first size")
    baseline = None
    for size, text in cases:
        seconds = median_of(lambda t=text: import_text(t), repeat)
        per = seconds / size * unit
        baseline = baseline or per
        print(f"  {size:>6}  {len(text.splitlines()):>7} lines  {seconds:7.2f} s  {per:6.3f} s  {per / baseline:5.2f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="500,1000,2000,5000")
    parser.add_argument("--noise", default="10000,20000,50000")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    sizes = [int(size) for size in args.sizes.split(",")]
    limit = text_module.MAX_PROJECTS

    documents = {size: generate_document(projects=size, seed=0) for size in sizes}
    tabs = [(size, pdf_shaped_text(documents[size])) for size in sizes]
    wrapped = [(size, wrapped_text(documents[size])) for size in sizes]
    text_module.MAX_PROJECTS = 10 ** 6  # the series reads every size through
    try:
        print(f"tabs {sizes[0]}: {_same_projects(tabs[0][1], documents[sizes[0]])}")
        print(f"wrapped {sizes[0]}: {_same_projects(wrapped[0][1], documents[sizes[0]])}")
        _series("tabs (PDF extract)", tabs, 1000, "1,000 projects", args.repeat)
        _series("wrapped (PDF viewer's copy)", wrapped, 1000, "1,000 projects", args.repeat)
        noise = [(int(lines), noise_text(int(lines))) for lines in args.noise.split(",")]
        _series("noise (lines of no table)", noise, 10_000, "10,000 lines", args.repeat)
    finally:
        text_module.MAX_PROJECTS = limit
    largest, text = tabs[-1]
    if largest > limit:
        start = time.perf_counter()
        try:
            import_text(text)
            outcome = "read (not refused)"
        except FileFormatError as error:
            outcome = f"refused: {error.detail[:40]}…"
        print(f"\nlimit {limit}: tabs {largest} {outcome} in {time.perf_counter() - start:.3f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
