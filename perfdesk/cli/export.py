"""``perfdesk export IN OUT.pdf [--project CODE ...]``: print a document to the official PDF."""

from __future__ import annotations

import argparse


def run_export(args: argparse.Namespace) -> int:
    # Imported here so that other subcommands do not pay for ReportLab.
    from perfdesk.fileio import load_document
    from perfdesk.pdf import export_pdf

    document = load_document(args.input)
    codes = list(args.project) if getattr(args, "project", None) else None
    result = export_pdf(document, args.output, project_codes=codes)
    for note in result.notes:
        print(f"注意：{note}")
    tables = sum(1 for heading in result.headings if heading.key.startswith("project-"))
    print(f"已导出“{args.output}”：共 {result.pages} 页，{tables} 张绩效目标表。")
    return 0
