"""``perfdesk export IN OUT.pdf [--project CODE ...] [--body-font F --heading-font F]``: print a
document to the official PDF. The font options (or PERFDESK_BODY_FONT / PERFDESK_HEADING_FONT)
play the part of the window's font settings on a machine without the usual CJK fonts. What
opening the input could not place is listed on stderr (:mod:`perfdesk.cli.notes`)."""

from __future__ import annotations

import argparse
from pathlib import Path

from perfdesk.errors import SaveError


def run_export(args: argparse.Namespace) -> int:
    # Imported here so that other subcommands do not pay for ReportLab.
    from perfdesk.cli.notes import open_with_notes
    from perfdesk.pdf import export_pdf
    from perfdesk.pdf.fonts import FontPaths

    if Path(args.output).suffix.lower() != ".pdf":
        raise SaveError(f"导出的文件名应以 .pdf 结尾，而不是“{Path(args.output).name}”。")
    document = open_with_notes(args.input).document
    codes = list(args.project) if getattr(args, "project", None) else None
    fonts = FontPaths(body=getattr(args, "body_font", None), heading=getattr(args, "heading_font", None))
    result = export_pdf(document, args.output, project_codes=codes, fonts=fonts)
    for note in result.notes:
        print(f"注意：{note}")
    tables = sum(1 for heading in result.headings if heading.key.startswith("project-"))
    print(f"已导出“{args.output}”：共 {result.pages} 页，{tables} 张绩效目标表。")
    return 0
