"""The indicator library (指标库): every indicator row of the bureau's own past documents,
indexed for search, and the shipped common indicators (通用共性指标). No Qt here.

    LibraryIndex(path)            the SQLite index of folders of .xlsx/.json (``":memory:"`` for one run)
    LibraryIndex.update(folders)  re-reads only what changed (path + size + mtime); a file that
                                  fails to read is noted and skipped
    search(index, text, ...)      suggestions: rows with the same 二级/三级 grouped, ranked,
                                  with their variants, count and source files
    common_rows()                 the shipped 通用共性指标
    insertion_row(...)            where a chosen row goes in a project's table (its 一级/二级 place)
"""

from perfdesk.library.common import COMMON_SOURCE, CommonRow, common_rows
from perfdesk.library.index import IndexReport, LibraryIndex, library_files
from perfdesk.library.placement import insertion_row
from perfdesk.library.search import Suggestion, Variant, load_details, search

__all__ = ["LibraryIndex", "IndexReport", "library_files", "search", "load_details", "Suggestion", "Variant", "common_rows",
           "CommonRow", "COMMON_SOURCE", "insertion_row"]
