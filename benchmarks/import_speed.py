"""Importing a published text: perfdesk's importer against named baselines, same run.

    .venv/bin/python -m benchmarks.import_speed [--projects 300] [--repeat 5]

Cases (medians of ``--repeat`` runs, timed alternately with their baseline):

  sample-pdf     the 10-project funing sample text (PDF shape)     import_text
  sample-word    the 10-project fengrun sample text (Word shape)   import_text
  big-pdf        a generated N-project document written as PDF-shaped text, import_text
  big-docx       the same document as a .docx in the official layout (merged cells), import_file

Baselines:
  xlsx-open      perfdesk.fileio.load_document of the same document saved as a workbook:
                 what opening this year's file costs, the clerk's yardstick for "quick"
  model-build    Document.model_validate(plain dict of the same document): pydantic alone
                 building the result, i.e. the floor for any importer producing this model
  docx-open      python-docx opening the same .docx (docx.Document(path)): the library's own
                 read of the file, before any text is looked at

The script prints seconds and the ratio importer / baseline, and whether the import of the
generated text gave back the generated document (a check that the case exercises the
whole importer, not a speed figure).
"""

from __future__ import annotations

import argparse
import importlib.util
import statistics
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.generate import generate_document
from perfdesk.importers import import_file, import_text
from perfdesk.model import Document, format_amount

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "tests" / "data" / "samples"


def pdf_shaped_text(document: Document) -> str:
    """The document as a PDF extract shows it: one table row per line, cells tab-separated."""
    out = [document.department, f"{document.year}年部门预算绩效文本", f"({document.status.value})",
           f"{document.prepared_by}编制", f"{document.reviewed_by}审核", "", "第一部分", "部门整体绩效目标",
           "一、总体绩效目标"]
    for paragraph in document.part1.overall_goal.split("\n"):
        out += ["", paragraph]  # a PDF shows paragraphs apart; lines run together are wraps
    out.append("二、分项绩效目标")
    numbers = "一二三四五六七八九十"
    for i, sub_goal in enumerate(document.part1.sub_goals):
        out += [f"（{numbers[i % 10]}）{sub_goal.title}", f"绩效目标：{sub_goal.goal}",
                f"绩效指标：{sub_goal.indicators}"]
    out.append("三、工作保障措施")
    grouped = any(measure.items for measure in document.part1.measures)
    for i, measure in enumerate(document.part1.measures):
        if grouped:  # one numbering style for the top level, as a printed list has
            out.append(f"{numbers[i % 10]}、{measure.text}")
            out += [f"（{numbers[j % 10]}）{item}" for j, item in enumerate(measure.items)]
        else:
            out.append(f"（{numbers[i % 10]}）{measure.text}")
    out += ["", "第二部分", "预算项目绩效目标"]
    for u, p, unit, project in document.projects():
        plan = ["" if v is None else f"{v}%" for v in project.spending_plan.values]
        goals = " ".join(f"{n}.{g}" for n, g in enumerate(project.goals, start=1))
        out += [f"{document.project_number(u, p)}.{project.name}绩效目标表", unit.label, "单位：万元",
                f"项目编码\t{project.code}\t\t项目名称\t{project.name}\t\t",
                f"预算规模及资金用途\t预算数\t{format_amount(project.budget_total)}\t其中：财政资金\t"
                f"{format_amount(project.budget_fiscal)}\t其他资金\t{format_amount(project.budget_other)}",
                f"\t{project.purpose}\t\t\t\t\t",
                "资金支出计划（%）\t3月底\t\t6月底\t\t10月底\t12月底",
                f"\t{plan[0]}\t\t{plan[1]}\t\t{plan[2]}\t{plan[3]}",
                f"绩效目标\t{goals}\t\t\t\t\t",
                "一级指标\t二级指标\t三级指标\t绩效指标描述\t指标值\t指标值确定依据\t"]
        previous = None
        for indicator in project.indicators:
            level1 = "" if previous == indicator.level1 else indicator.level1
            previous = indicator.level1
            out.append("\t".join((level1, *indicator.cells()[1:], "")))
    return "\n".join(out) + "\n"


def _docx_writer():
    # The official-layout .docx writer lives with the importer's tests; reuse it, not copy it.
    path = ROOT / "tests" / "unit" / "test_import_docx.py"
    sys.path.insert(0, str(ROOT / "tests"))
    spec = importlib.util.spec_from_file_location("import_docx_layout", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.write_official_docx


def _median(function, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _pair(name: str, ours, baseline_name: str, baseline, repeat: int) -> None:  # noqa: ANN001
    ours(), baseline()  # warm caches (framework file, regexes, imports)
    mine, base = [], []
    for _ in range(repeat):  # alternate so that load from other users hits both alike
        mine.append(_median(ours, 1))
        base.append(_median(baseline, 1))
    a, b = statistics.median(mine), statistics.median(base)
    print(f"{name:12s} {a:8.3f} s   {baseline_name:12s} {b:8.3f} s   ratio {a / b:6.2f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--projects", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)

    import docx

    from perfdesk.fileio import load_document, save_document

    folder = tempfile.TemporaryDirectory()
    workbook = Path(folder.name) / "same.xlsx"
    cases = [(name, (SAMPLES / file).read_text(encoding="utf-8"))
             for name, file in (("sample-pdf", "funing-2024-pdf-extract.txt"),
                                ("sample-word", "fengrun-2022-docx-extract.txt"))]
    big = generate_document(projects=args.projects, seed=0)
    cases.append(("big-pdf", pdf_shaped_text(big)))
    print(f"generated: {args.projects} projects, {len(cases[-1][1].splitlines())} lines of text; "
          f"import gives it back: {import_text(cases[-1][1]).document == big}")
    for name, text in cases:
        document = import_text(text).document
        data = document.model_dump()
        save_document(document, workbook)
        _pair(name, lambda t=text: import_text(t), "xlsx-open", lambda: load_document(workbook), args.repeat)
        _pair(name, lambda t=text: import_text(t), "model-build", lambda d=data: Document.model_validate(d),
              args.repeat)

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "big.docx"
        _docx_writer()(big, path)
        same = import_file(path).document == big
        print(f"docx: {path.stat().st_size // 1024} KiB; import gives it back: {same}")
        _pair("big-docx", lambda: import_file(path), "docx-open", lambda: docx.Document(str(path)), args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
