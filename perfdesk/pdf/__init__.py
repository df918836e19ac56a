"""The official document as PDF (ReportLab platypus; no Qt): ``export_pdf(document, target,
profile="compact")``, laid out by :mod:`perfdesk.layout` (the same blocks as the Word file)."""

from perfdesk.pdf.export import ExportResult, export_pdf
from perfdesk.pdf.fonts import FontPaths, FontSet, find_fonts
from perfdesk.pdf.layout import HeadingPage

__all__ = ["ExportResult", "export_pdf", "FontPaths", "FontSet", "find_fonts", "HeadingPage"]
