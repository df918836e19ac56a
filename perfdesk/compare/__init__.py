"""Comparing two versions of a document (two years, or 草案 and 正式): what changed, field by
field, whatever the template shapes the two were read from. No Qt, no file formats."""

from perfdesk.compare.diff import ADDED, CHANGED, REMOVED, Change, compare_documents

__all__ = ["ADDED", "CHANGED", "REMOVED", "Change", "compare_documents"]
