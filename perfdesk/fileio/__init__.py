"""Files: the native .xlsx workbook, the JSON serialisation, and safe saving.

    load_document(path) -> Document        .xlsx or .json by suffix; raises FileFormatError
    open_document(path) -> ReadResult      the same, with the notes on what could not be placed
                                           (sheet and cell) and where each field came from
    save_document(document, path)          atomic, keeps the previous version as ``name~.xlsx``
    new_template(department, year)         a blank document to fill in by hand
    write_workbook(document, target)       to a path or binary stream; read_workbook(path)
"""

from perfdesk.fileio.api import load_document, new_template, open_document, save_document
from perfdesk.fileio.read_result import CellRef, Origins, ProjectOrigin, ReadNote, ReadResult
from perfdesk.fileio.xlsx_read import read_workbook


def __getattr__(name: str):
    # The writer is loaded when something is written, not by every command that only reads.
    if name == "write_workbook":
        from perfdesk.fileio.xlsx_write import write_workbook

        return write_workbook
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["load_document", "open_document", "ReadResult", "ReadNote", "CellRef", "Origins", "ProjectOrigin", "save_document", "new_template", "write_workbook", "read_workbook"]
