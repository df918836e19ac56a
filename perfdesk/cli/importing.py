"""``perfdesk import`` and ``perfdesk rollover``: bring in a published text, roll a file forward.

Both write the workbook only when reading succeeded (an error leaves nothing half-written)
and print, one per line, what the clerk has to look at: the import notes (on stderr, with the
page and line of a PDF), or the changes (and, on stderr, what opening the workbook to roll
forward could not place). An import whose result is far from complete exits with 1.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from perfdesk.cli.notes import open_with_notes, print_notes
from perfdesk.errors import PerfdeskError


def run_import(args: argparse.Namespace) -> int:
    from perfdesk.fileio import save_document
    from perfdesk.importers import import_file

    _refuse_same(args.input, args.output)
    result = import_file(args.input)
    save_document(result.document, args.output)
    document = result.document
    print(f"已导入 {document.project_count()} 个项目（{len(document.units)} 个预算单位）到 {args.output}")
    if result.notes:
        # On stderr, as every command's notes: the line above is what a script reads.
        print_notes(f"请核对以下 {len(result.notes)} 处（第几页、第几行，原文）：", result.notes, sys.stderr)
    # 1: written, but the import is far from complete (【导入不完整】): a script must not take it as done.
    return 1 if result.warnings else 0


def run_rollover(args: argparse.Namespace) -> int:
    from perfdesk.fileio import save_document
    from perfdesk.importers import rollover

    _refuse_same(args.input, args.output)
    document = open_with_notes(args.input).document
    draft, changes = rollover(document, args.year)
    save_document(draft, args.output)
    print(f"已写出 {args.year} 年度草案：{args.output}")
    for change in changes:
        print(f"  {change}")
    return 0


def _refuse_same(source: str, target: str) -> None:
    if Path(source).resolve() == Path(target).resolve():
        raise PerfdeskError("输出文件不能与输入文件相同，请换一个文件名")
