"""Bringing in last year's published text (.txt copied from Word or PDF, .docx or .pdf) and
rolling a document forward to next year's draft. No Qt here: the window and the command
line call :func:`import_file` (or :func:`import_text`) and :func:`rollover`.

    import_file(path) -> ImportResult(document, notes)   .txt (UTF-8/GB18030), .docx or .pdf
    import_pdf(path) -> ImportResult                     a PDF; notes name page and line
    import_text(text) -> ImportResult                    text copied out of Word or a PDF
    rollover(document, year) -> (Document, [str])        next year's draft, changes in Chinese
"""

from __future__ import annotations

import importlib

# Loaded on first use: the workbook reader needs only this package's cell and text parsers
# (perfdesk.importers.cells, .part1 …), not the .docx/.pdf importers, and `perfdesk info`
# should spend its time reading, not importing.
_HOMES = {"import_file": "files", "import_pdf": "pdf", "ImportNote": "result", "ImportResult": "result",
          "rollover": "roll_forward", "import_text": "text"}

__all__ = ["ImportNote", "ImportResult", "import_text", "import_file", "import_pdf", "rollover"]


def __getattr__(name: str):
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{_HOMES[name]}"), name)
    globals()[name] = value
    return value
