"""The official document as a Word file (.docx), from the same layout as the PDF:
``export_docx(document, target, profile=...)``."""

from perfdesk.word.export import WordResult, export_docx

__all__ = ["WordResult", "export_docx"]
