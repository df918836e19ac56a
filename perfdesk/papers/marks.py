"""Telling perfdesk's own review papers apart from a department's workbook.

The summary workbook and the annotated copy carry a mark in their keywords (文件属性 ▸
关键词), so that checking a folder where a bureau keeps them does not count them again as
departments' texts, and writing a new summary may replace an old one. Reading the mark opens
only the small ``docProps/core.xml`` member: cheap enough for every file of a folder.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

SUMMARY_MARK = "perfdesk-check-summary"
ANNOTATED_MARK = "perfdesk-annotated"


def _keywords(path: Path) -> bytes:
    try:
        with zipfile.ZipFile(path) as archive:
            return archive.read("docProps/core.xml")
    except (OSError, KeyError, zipfile.BadZipFile, RuntimeError, ValueError):
        return b""


def is_summary(path: Path) -> bool:
    """Whether ``path`` is a summary ``check --summary`` wrote."""
    return SUMMARY_MARK.encode() in _keywords(path)


def is_paper(path: Path) -> bool:
    """Whether ``path`` is a summary or an annotated copy perfdesk wrote (not a department's text)."""
    keywords = _keywords(path)
    return SUMMARY_MARK.encode() in keywords or ANNOTATED_MARK.encode() in keywords


def with_mark(keywords: str | None, mark: str) -> str:
    """The workbook's keywords with ``mark`` added (the clerk's own keywords are kept)."""
    words = (keywords or "").split()
    return " ".join(words if mark in words else [*words, mark])
