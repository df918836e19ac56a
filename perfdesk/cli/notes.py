"""Notes for the clerk on the command line, one per line under a heading: what an import could
not place, and what opening a workbook could not place (on stderr, so that the output a
script reads — ``info``'s listing, ``check --json`` — stays as it was).
"""

from __future__ import annotations

import sys
from typing import Iterable, Sequence, TextIO

from perfdesk.fileio import ReadResult, open_document


def print_notes(heading: str, notes: Iterable[object], out: TextIO | None = None) -> None:
    """The heading, then each note indented on its own line."""
    out = out or sys.stdout
    print(heading, file=out)
    for note in notes:
        print(f"  {note}", file=out)


def print_read_notes(notes: Sequence, name: str | None = None, out: TextIO | None = None) -> None:
    """What opening a file did not place (``ReadNote``), on stderr unless told; nothing if none.
    ``name``: the file's name, when several files are reported together."""
    out = out or sys.stderr
    lost = [note for note in notes if not note.kept]
    kept = [note for note in notes if note.kept]
    opened = f"“{name}”打开时" if name else "打开时"
    if lost:
        print_notes(f"{opened}有 {len(lost)} 处内容未能读入，请核对：", lost, out)
    if kept:
        print_notes(f"{opened}有 {len(kept)} 处内容不作编辑，保存时原样保留：", kept, out)


def open_with_notes(path, name: str | None = None) -> ReadResult:
    """Open ``path`` like ``load_document`` and report on stderr what could not be placed."""
    result = open_document(path)
    print_read_notes(result.notes, name)
    return result
