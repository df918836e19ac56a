"""Where a finding stands in the workbook the clerk has: sheet name and Excel cell.

The reader keeps where each field came from (:class:`perfdesk.fileio.Origins`); a finding
names a project, a field, an indicator row or an item. :func:`locate` joins the two: an
indicator row's own cell for the field, a plan checkpoint's cell, a goal's cell, a project
field's cell, else the project table's first cell; a Part 1 or cover field's cell for
findings about the document. Indicator rows are found by the row object, so a row inserted
above one in the window does not shift where it points.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from perfdesk.fileio.read_result import CellRef, Origins
from perfdesk.model import Document
from perfdesk.review import Finding
from perfdesk.review.acceptance import acceptance


@dataclass(frozen=True)
class Located:
    """A finding with its place in the clerk's workbook (None when it has no cell, e.g. a
    document read from JSON), its project's name, and the reviewer's reason when the finding
    was accepted (已核实，保留)."""

    finding: Finding
    place: CellRef | None = None
    project_name: str | None = None
    accepted: str | None = None

    @property
    def sheet(self) -> str | None:
        return self.place.sheet if self.place else None

    @property
    def cell(self) -> str | None:
        return self.place.cell or None if self.place else None

    def where(self) -> str:
        """``工作表“03” F12 第 2 个项目（1302…）第 3 行 指标值``: the cell first, as a reviewer
        with the workbook open looks for it, then the place in words."""
        words = self.finding.place()
        if self.place is None:
            return words
        return f"{self.place} {words}".strip()

    def to_json(self, file: str) -> dict[str, Any]:
        record = self.finding.to_json(file)
        record.update(sheet=self.sheet, cell=self.cell, project_name=self.project_name,
                      accepted=self.accepted is not None, accepted_reason=self.accepted)
        return record



def place_of(finding: Finding, document: Document, origins: Origins) -> CellRef | None:
    """The cell of the clerk's workbook ``finding`` is about, or None if none is known."""
    project = finding.project_in(document)
    if project is None:
        if finding.unit is not None and finding.unit < len(document.units):
            # a unit's finding: the table of its first project, under that unit's line
            first = next(iter(document.units[finding.unit].projects), None)
            origin = origins.of(first) if first is not None else None
            return origin.table if origin else None
        field = finding.field or ""
        return origins.cover.get(field) or origins.part1.get(field)
    origin = origins.of(project)
    if finding.row is not None and finding.row < len(project.indicators):
        cells = origins.row(project.indicators[finding.row])
        if cells:
            return cells.get(finding.field or "") or cells.get("level3") or next(iter(cells.values()))
    if origin is None:
        return None
    item = finding.item
    if finding.field == "spending_plan" and item is not None and item < len(origin.checkpoints):
        return origin.checkpoints[item]
    if finding.field == "goals" and item is not None and item < len(origin.goals):
        return origin.goals[item]
    return origin.fields.get(finding.field or "") or origin.table


def locate(findings: list[Finding], document: Document, origins: Origins | None = None) -> list[Located]:
    """Each finding with its cell (when the document was read from a workbook), its project's
    name and whether the bureau accepted it."""
    origins = origins or Origins()
    located = []
    for finding in findings:
        project = finding.project_in(document)
        accepted = acceptance(finding, document)
        located.append(Located(finding, place_of(finding, document, origins),
                               project.name if project is not None else None,
                               accepted.reason if accepted else None))
    return located
