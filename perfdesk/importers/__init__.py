"""Bringing in last year's published text (.txt copied from Word or PDF, .docx or .pdf) and
rolling a document forward to next year's draft. No Qt here: the window and the command
line call :func:`import_file` (or :func:`import_text`) and :func:`rollover`.

    import_file(path) -> ImportResult(document, notes)   .txt (UTF-8/GB18030), .docx or .pdf
    import_pdf(path) -> ImportResult                     a PDF; notes name page and line
    import_text(text) -> ImportResult                    text copied out of Word or a PDF
    rollover(document, year) -> (Document, [str])        next year's draft, changes in Chinese
"""

from perfdesk.importers.files import import_file
from perfdesk.importers.pdf import import_pdf  # pdfplumber itself is loaded only to read a PDF
from perfdesk.importers.result import ImportNote, ImportResult
from perfdesk.importers.roll_forward import rollover
from perfdesk.importers.text import import_text

__all__ = ["ImportNote", "ImportResult", "import_text", "import_file", "import_pdf", "rollover"]
