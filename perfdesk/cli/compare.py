"""``perfdesk compare OLD NEW [--json] [--pdf OUT.pdf]``: what changed between two versions of a
document (last year's and this year's, the 草案 and the 正式), whatever layouts they were read from.

A readable report grouped by project (the new version's numbering; removed projects last), or
with ``--json`` one object ``{"changes": [...]}``. What opening a file could not place is listed
on stderr. Exit status: 0 the same, 1 changes found, 2 an error (reported by ``main``).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, TextIO

from perfdesk.cli.notes import open_with_notes
from perfdesk.compare import Change, compare_documents
from perfdesk.errors import PerfdeskError
from perfdesk.model import Document


def _heading(change: Change, new: Document) -> str:
    """The group a change is listed under."""
    if change.project is not None and change.unit is not None:
        number = new.project_number(change.unit, change.project)
        return f"== 第 {number} 个项目 {change.project_code or ''} {change.project_name or ''}".rstrip()
    if change.project_code is not None or change.project_name is not None:
        return f"== 已删除的项目 {change.project_code or ''} {change.project_name or ''}".rstrip()
    return "== 封面和第一部分"


def write_report(changes: list[Change], new: Document, out: TextIO) -> None:
    """The changes under their headings, then the summary line."""
    current = None
    for change in changes:
        heading = _heading(change, new)
        if heading != current:
            if current is not None:
                print(file=out)
            print(heading, file=out)
            current = heading
        print(f"  {change.describe(new)}", file=out)
    if changes:
        print(file=out)
        print(f"共 {len(changes)} 处不同", file=out)
    else:
        print("两个版本内容相同", file=out)


def run_compare(args: Any, out: TextIO | None = None) -> int:
    """Compare ``args.old`` with ``args.new``; print the report (or JSON with ``args.json``);
    write the PDF asked for; 0 when the two are the same, 1 when not."""
    out = out or sys.stdout
    pdf = getattr(args, "pdf", None)
    if pdf and Path(pdf).suffix.lower() != ".pdf":  # refused before two workbooks are read
        raise PerfdeskError(f"--pdf 要写出 .pdf 文件，“{Path(pdf).name}”的扩展名不对。")
    old_name, new_name = Path(args.old).name, Path(args.new).name
    old = open_with_notes(args.old, old_name).document
    new = open_with_notes(args.new, new_name).document
    changes = compare_documents(old, new)
    if args.json:
        json.dump({"changes": [change.to_json() for change in changes]}, out, ensure_ascii=False, indent=1)
        print(file=out)
    else:
        write_report(changes, new, out)
    if pdf:
        from perfdesk.compare.pdf import write_comparison  # ReportLab only when a PDF is asked for

        write_comparison(old, new, changes, Path(pdf), old_name, new_name)
        print(f"已写出对比报告：{pdf}", file=sys.stderr if args.json else out)
    return 1 if changes else 0
