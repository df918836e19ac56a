"""``perfdesk export IN OUT.pdf|OUT.docx [--project CODE ...] [--profile NAME] [--jobs N]
[--body-font F --heading-font F]``: print a document to the official PDF, or write it as a Word file, set by
a print profile (resources/profiles: ``compact`` by default, ``gbt9704`` the 公文 format). The
font options (or PERFDESK_BODY_FONT / PERFDESK_HEADING_FONT) play the part of the window's font
settings on a machine without the usual CJK fonts. What opening the input could not place is
listed on stderr (:mod:`perfdesk.cli.notes`)."""

from __future__ import annotations

import argparse
from pathlib import Path

from perfdesk.errors import SaveError


def run_export(args: argparse.Namespace) -> int:
    # Imported here so that other subcommands do not pay for ReportLab or python-docx.
    from perfdesk.cli.notes import open_with_notes
    from perfdesk.layout.profile import load_profile
    from perfdesk.pdf.fonts import FontPaths

    suffix = Path(args.output).suffix.lower()
    if suffix not in (".pdf", ".docx"):
        raise SaveError(f"导出的文件名应以 .pdf 或 .docx 结尾，而不是“{Path(args.output).name}”。")
    profile = load_profile(getattr(args, "profile", None))  # an unknown profile is refused before reading
    document = open_with_notes(args.input).document
    codes = list(args.project) if getattr(args, "project", None) else None
    fonts = FontPaths(body=getattr(args, "body_font", None), heading=getattr(args, "heading_font", None))
    jobs = getattr(args, "jobs", None)
    if suffix == ".docx":
        from perfdesk.word import export_docx

        result = export_docx(document, args.output, project_codes=codes, profile=profile, fonts=fonts, jobs=jobs)
        for note in result.notes:
            print(f"注意：{note}")
        print(f"已导出“{args.output}”（Word，{profile.label}）：{result.tables} 张绩效目标表。")
        return 0
    from perfdesk.pdf import export_pdf

    result = export_pdf(document, args.output, project_codes=codes, fonts=fonts, profile=profile, jobs=jobs)
    for note in result.notes:
        print(f"注意：{note}")
    tables = sum(1 for heading in result.headings if heading.key.startswith("project-"))
    print(f"已导出“{args.output}”：共 {result.pages} 页，{tables} 张绩效目标表。")
    return 0
