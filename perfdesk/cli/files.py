"""The file subcommands: ``perfdesk new``, ``perfdesk convert``, ``perfdesk info``.

Each takes the parsed arguments and returns the exit status; errors are raised as
PerfdeskError and printed to stderr with status 2 by ``perfdesk.cli.main``. What opening the
input could not place is listed on stderr (:mod:`perfdesk.cli.notes`).
"""

from __future__ import annotations

import argparse
import sys
from decimal import Decimal
from pathlib import Path

from perfdesk.cli.notes import open_with_notes
from perfdesk.errors import PerfdeskError, SaveError
from perfdesk.fileio import new_template, save_document
from perfdesk.model import format_amount


def run_new(args: argparse.Namespace) -> int:
    """Write a blank template workbook, unmarked so that hand-filling it is read tolerantly."""
    output = Path(args.output)
    if output.suffix.lower() != ".xlsx":
        raise SaveError(f"模板应保存为 .xlsx 工作簿，而不是“{output.suffix or output.name}”。")
    if output.exists():
        raise SaveError(f"“{output}”已存在，为免覆盖，请换一个文件名。")
    if args.year is not None and not 2000 <= args.year <= 2100:
        raise PerfdeskError(f"预算年度“{args.year}”不对，应为四位数的年份，如 2026。")
    save_document(new_template(args.department, args.year), output, marked=False)
    print(f"已写出空白模板：{output}")
    return 0


def run_convert(args: argparse.Namespace) -> int:
    source, target = Path(args.input), Path(args.output)
    if source.resolve() == target.resolve():
        raise SaveError("输入和输出是同一个文件。")
    document = open_with_notes(source).document
    save_document(document, target)
    print(f"已转换：{source} → {target}（{document.project_count()} 个项目）")
    return 0


def _amount(value: Decimal | None) -> str:
    return format_amount(value) or "-"


def run_info(args: argparse.Namespace) -> int:
    document = open_with_notes(args.file).document
    out = sys.stdout
    year = document.year if document.year is not None else "（未填）"
    print(f"部门：{document.department or '（未填）'}", file=out)
    print(f"年度：{year}    状态：{document.status.value}    指标体系：{document.framework}", file=out)
    grand = {"total": Decimal(0), "fiscal": Decimal(0), "other": Decimal(0)}
    for u, unit in enumerate(document.units):
        unit_total = sum((p.budget_total or Decimal(0) for p in unit.projects), Decimal(0))
        print(f"\n预算单位：{unit.label or '（未填）'}    项目 {len(unit.projects)} 个    预算数合计 {_amount(unit_total)} 万元",
              file=out)
        for p, project in enumerate(unit.projects):
            number = document.project_number(u, p)
            print(f"  {number:>3}. {project.code or '（无编码）'}  {project.name or '（未命名）'}  "
                  f"预算数 {_amount(project.budget_total)}", file=out)
            grand["total"] += project.budget_total or 0
            grand["fiscal"] += project.budget_fiscal or 0
            grand["other"] += project.budget_other or 0
    print(f"\n合计：{len(document.units)} 个预算单位，{document.project_count()} 个项目；"
          f"预算数 {_amount(grand['total'])} 万元（财政资金 {_amount(grand['fiscal'])}，"
          f"其他资金 {_amount(grand['other'])}）", file=out)
    return 0
