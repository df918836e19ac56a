"""A save's picture of the document, independent of the edits the clerk makes meanwhile, and
the two pieces of work the worker process does for the window (write a workbook, read one).

The GUI thread takes a :class:`Snapshot` in a few tens of ms (the model's JSON, about 40 ms
for 2,000 projects, plus the live project and indicator objects in print order); the worker
process turns the JSON back into a document and writes that (:func:`save_snapshot`).

The workbook writer and reader say where each field is (:class:`~perfdesk.fileio.Origins`),
keyed by object ids, which mean nothing in another process. They travel as
:class:`PlacedOrigins`, by position (the n-th project's table, its m-th indicator row), and
are keyed again here: by the live objects that stood in those places when the snapshot was
taken, so that a finding after the save names the cell of the file as saved even if rows
were inserted or projects moved while it was written. No Qt here: the worker process
imports this module.
"""

from __future__ import annotations

import pickle
from dataclasses import dataclass, field
from pathlib import Path

from perfdesk.fileio.read_result import CellRef, Origins, ProjectOrigin, ReadNote
from perfdesk.model import Document, Indicator, Project


@dataclass
class PlacedOrigins:
    """Origins by position: each project's ProjectOrigin pickled on its own (2,000 small byte
    strings rather than a few hundred thousand objects, which the receiving process would
    otherwise have to build, and its garbage collector walk, while the clerk types)."""

    cover: dict[str, CellRef] = field(default_factory=dict)
    part1: dict[str, CellRef] = field(default_factory=dict)
    projects: list[bytes | None] = field(default_factory=list)  # in print order

    @classmethod
    def of(cls, document: Document, origins: Origins) -> "PlacedOrigins":
        return cls(dict(origins.cover), dict(origins.part1),
                   [None if (origin := origins.of(project)) is None else pickle.dumps(origin, pickle.HIGHEST_PROTOCOL)
                    for _, _, _, project in document.projects()])

    def origins_for(self, projects: list[tuple[Project, list[Indicator]]]) -> Origins:
        """Keyed by these objects (each project with its indicator rows, in print order)."""
        return LazyOrigins(self, projects)


class LazyOrigins(Origins):
    """Origins whose projects are unpickled when a finding asks for one (only the findings on
    screen do). Answers :meth:`of` and :meth:`row` as :class:`Origins` does."""

    def __init__(self, placed: PlacedOrigins, projects: list[tuple[Project, list[Indicator]]]) -> None:
        super().__init__(cover=dict(placed.cover), part1=dict(placed.part1))
        self._blobs = placed.projects
        self._decoded: dict[int, ProjectOrigin | None] = {}
        self._index = {id(project): number for number, (project, _) in enumerate(projects)}
        # (project, row) packed in one int: ints are not tracked by the garbage collector, tuples are.
        self._row_index = {id(indicator): number * _ROWS + row for number, (_, indicators) in enumerate(projects)
                           for row, indicator in enumerate(indicators)}
        self._owners = [project for project, _ in projects] + [i for _, rows in projects for i in rows]

    def _origin(self, number: int) -> ProjectOrigin | None:
        if number not in self._decoded:
            blob = self._blobs[number] if number < len(self._blobs) else None
            self._decoded[number] = None if blob is None else pickle.loads(blob)
        return self._decoded[number]

    def of(self, project: Project) -> ProjectOrigin | None:
        number = self._index.get(id(project))
        return None if number is None else self._origin(number)

    def row(self, indicator: object) -> dict[str, CellRef] | None:
        packed = self._row_index.get(id(indicator))
        if packed is None:
            return None
        origin = self._origin(packed // _ROWS)
        row = packed % _ROWS
        return origin.indicators[row] if origin is not None and row < len(origin.indicators) else None


_ROWS = 1 << 20  # more indicator rows than any project has


def layout(document: Document) -> list[tuple[Project, list[Indicator]]]:
    """The document's projects with their indicator rows, in print order."""
    return [(project, list(project.indicators)) for _, _, _, project in document.projects()]


@dataclass
class Snapshot:
    json: str
    projects: list[tuple[Project, list[Indicator]]]  # the live objects when it was taken

    @classmethod
    def of(cls, document: Document) -> "Snapshot":
        return cls(document.model_dump_json(), layout(document))

    def origins_for_live(self, placed: PlacedOrigins) -> Origins:
        """Where the saved file holds each field, keyed by the live objects saved there."""
        return placed.origins_for(self.projects)


# ------------------------------------------------------------ in the worker process
def save_snapshot(json: str, path: str) -> PlacedOrigins:
    """Write the document of ``json`` to ``path`` (as ``save_document`` does: atomic, keeps
    ``name~.xlsx``); where each field went, by position."""
    from perfdesk.fileio import save_document

    copy = Document.model_validate_json(json)
    return PlacedOrigins.of(copy, save_document(copy, Path(path)))


@dataclass
class ReadForWindow:
    """What reading a file gives the window, in a form that travels between processes."""

    json: str
    notes: list[ReadNote]
    origins: PlacedOrigins

    def result(self):  # noqa: ANN201 - perfdesk.fileio.ReadResult
        """The ReadResult of the file, with its own document objects (call it in this process)."""
        from perfdesk.fileio import ReadResult

        document = Document.model_validate_json(self.json)
        return ReadResult(document, list(self.notes), self.origins.origins_for(layout(document)))


def read_file(path: str) -> ReadForWindow:
    """Read a workbook or JSON file whole (``open_document``) for the window."""
    from perfdesk.fileio import open_document

    result = open_document(Path(path))
    return ReadForWindow(result.document.model_dump_json(), list(result.notes),
                         PlacedOrigins.of(result.document, result.origins))
