"""One project's 绩效目标表 (laid out by :func:`perfdesk.layout.blocks.project_table`, DOMAIN.md
§2) as a GridTable: each cell's text becomes a CellText (its runs of fonts, as the markup
would have them) in the profile's cell style; spans and merged groups are carried over as
they are."""

from __future__ import annotations

from perfdesk.layout.blocks import ProjectTable, TableRow
from perfdesk.layout.profile import PrintProfile
from perfdesk.pdf.fonts import FontSet
from perfdesk.pdf.cells import CellText
from perfdesk.pdf.grid import Cell, GridRow, GridTable, Group, Ruling
from perfdesk.pdf.styles import Styles


def grid_table(table: ProjectTable, fonts: FontSet, styles: Styles, profile: PrintProfile) -> GridTable:
    def paragraph(text: str, align: str) -> CellText:
        return CellText(fonts.runs(text), styles.cell_left if align == "left" else styles.cell)

    groups: dict = {}

    def group(column: int, spec) -> Group:
        # One Group object per merged cell: the GridTable tells runs apart by key.
        key = (column, spec.key)
        if key not in groups:
            groups[key] = Group(spec.key, paragraph(spec.text, spec.align))
        return groups[key]

    def row(spec: TableRow) -> GridRow:
        return GridRow([Cell(c.first, c.last, paragraph(c.text, c.align)) for c in spec.cells],
                       {column: group(column, g) for column, g in spec.groups.items()},
                       header=spec.header, keep_with_next=spec.keep_with_next)

    rows = [row(spec) for spec in table.rows]
    header = rows[table.header_index]
    geometry = profile.table
    return GridTable(rows, geometry.widths, profile.frame_height, header,
                     Ruling(geometry.padding, geometry.min_row, geometry.rule))
