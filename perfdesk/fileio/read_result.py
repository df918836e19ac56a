"""What opening a file gives back besides the document: notes and where each field came from.

A :class:`ReadNote` names the sheet and cell of something the reader saw but could not place
(a labelled cell it did not use, rows under a table it did not take, a sheet it does not
understand), what is there and why it is reported, so that the clerk can find it before a
save could drop it. ``kept`` says the content goes through a save all the same (an extra
sheet carried over as it is); every other note is about content a save would not write.

:class:`Origins` keeps, for the document as read, the sheet and cell of each field, so that
findings and comparisons can point at the clerk's own workbook rather than at perfdesk's
layout. Positions are those of the file; a document edited since may have moved its rows.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from perfdesk.model import Document, Project


@dataclass(frozen=True)
class CellRef:
    """A place in the workbook that was read: sheet name and Excel reference (``"F12"``)."""

    sheet: str
    cell: str

    def __str__(self) -> str:
        return f"工作表“{self.sheet}” {self.cell}" if self.cell else f"工作表“{self.sheet}”"


@dataclass(frozen=True)
class ReadNote:
    sheet: str
    cell: str  # "B12", "A40:G9000" for a run of rows, "" for the whole sheet
    text: str
    reason: str
    kept: bool = False  # carried through a save all the same (an extra sheet)

    @property
    def place(self) -> CellRef:
        return CellRef(self.sheet, self.cell)

    def __str__(self) -> str:
        shown = self.text if len(self.text) <= 60 else self.text[:57] + "…"
        return f"{self.place}：{self.reason}" + (f"：“{shown}”" if shown else "")


@dataclass
class ProjectOrigin:
    """Where one project's table was read: its sheet, each field's cell, each goal's and each
    indicator row's cells (keyed by the model's field names)."""

    sheet: str
    fields: dict[str, CellRef] = field(default_factory=dict)
    goals: list[CellRef] = field(default_factory=list)
    indicators: list[dict[str, CellRef]] = field(default_factory=list)
    checkpoints: list[CellRef] = field(default_factory=list)  # each 资金支出计划 value cell
    table: CellRef | None = None  # the table's first cell (its 项目编码 label)


@dataclass
class Origins:
    """Where the fields of a document read from a workbook came from (empty for JSON)."""

    cover: dict[str, CellRef] = field(default_factory=dict)
    part1: dict[str, CellRef] = field(default_factory=dict)  # overall_goal, sub_goals, measures
    projects: dict[int, ProjectOrigin] = field(default_factory=dict)  # id(Project) → origin
    rows: dict[int, dict[str, CellRef]] = field(default_factory=dict)  # id(Indicator) → its cells
    _owners: list = field(default_factory=list, repr=False)  # keep the ids valid

    def add(self, project: Project, origin: ProjectOrigin) -> None:
        """Record a project as read. Rows are also kept by the indicator object itself, so that
        a row keeps its cells when rows are inserted or moved above it in the window."""
        self._owners.append(project)
        self.projects[id(project)] = origin
        for indicator, cells in zip(project.indicators, origin.indicators):
            self._owners.append(indicator)
            self.rows[id(indicator)] = cells

    def of(self, project: Project) -> ProjectOrigin | None:
        """The origin of a project of the document as read (None for one added since)."""
        return self.projects.get(id(project))

    def row(self, indicator: object) -> dict[str, CellRef] | None:
        """The cells an indicator row was read from (None for a row added since)."""
        return self.rows.get(id(indicator))


@dataclass
class ReadResult:
    document: Document
    notes: list[ReadNote] = field(default_factory=list)
    origins: Origins = field(default_factory=Origins)

    @property
    def lost(self) -> list[ReadNote]:
        """The notes about content a save would not write."""
        return [note for note in self.notes if not note.kept]
