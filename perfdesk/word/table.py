"""One project's 绩效目标表 as Word tables (OOXML written directly: python-docx has no row
properties and is slow on cell access for a few hundred tables).

Word repeats only header rows at the *top* of a table, and the official table's repeating
row (一级指标 … 指标值确定依据) stands in its middle. So the table is written as two tables
on one column grid: the top rows (项目编码 … 绩效目标), then the indicator header — marked
``w:tblHeader`` and repeated by Word, WPS and LibreOffice on every page — with the indicator
rows. A 1-point paragraph between them keeps them apart (two tables that touch are joined
into one by Word); the first table has no bottom border (the second's top border, repeated
with its header on every page, closes it), so the two print as one ruled grid.
Spans are ``w:gridSpan``; a group (一级/二级, 预算规模及资金用途, 资金支出计划) is a cell
``w:vMerge="restart"`` followed by ``w:vMerge`` continuation cells. Every row is
``w:cantSplit``, every cell has its four borders.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from perfdesk.layout.blocks import ProjectTable, TableRow, runs
from perfdesk.layout.profile import PrintProfile
from perfdesk.word.styles import NSDECL, twips

_SIDES = ("top", "left", "bottom", "right")


def _text_runs(text: str) -> str:
    """Runs of a paragraph; a line break inside a cell (goals, 预算规模及/资金用途) is ``w:br``."""
    parts = []
    # \x0b and \x0c: line breaks pasted from Word, printed as breaks in the PDF too.
    for index, line in enumerate(text.replace("\x0b", "\n").replace("\x0c", "\n").split("\n")):
        if index:
            parts.append("<w:br/>")
        if line:
            parts.append(f'<w:t xml:space="preserve">{escape(_printable(line))}</w:t>')
    return f"<w:r>{''.join(parts)}</w:r>" if parts else ""


def _printable(text: str) -> str:
    # XML 1.0 cannot hold most control characters; they print as nothing in the PDF too.
    return "".join(char for char in text if char >= " " or char == "\t")


class TableWriter:
    def __init__(self, profile: PrintProfile) -> None:
        geometry = profile.table
        self.widths = [twips(width) for width in geometry.widths]
        self.edges = [0]
        for width in self.widths:
            self.edges.append(self.edges[-1] + width)
        rule = max(2, round(geometry.rule * 8))  # eighths of a point
        self.border = f'w:val="single" w:sz="{rule}" w:space="0" w:color="000000"'
        self.padding = twips(geometry.padding)
        self.min_row = twips(geometry.min_row)

    def _borders(self, bottom: bool = True) -> str:
        sides = "".join(f"<w:{side} {self.border}/>" if side != "bottom" or bottom else f'<w:{side} w:val="nil"/>'
                        for side in _SIDES)
        return f"<w:tcBorders>{sides}</w:tcBorders>"

    def _cell(self, first: int, last: int, text: str | None, align: str, merge: str | None, bottom: bool,
              keep: bool) -> str:
        width = self.edges[last + 1] - self.edges[first]
        span = f'<w:gridSpan w:val="{last - first + 1}"/>' if last > first else ""
        vmerge = {None: "", "restart": '<w:vMerge w:val="restart"/>', "continue": "<w:vMerge/>"}[merge]
        style = "perfdeskCellLeft" if align == "left" else "perfdeskCell"
        content = _text_runs(text) if text else ""
        return (f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{span}{vmerge}{self._borders(bottom)}'
                f'<w:vAlign w:val="center"/></w:tcPr>'
                f'<w:p><w:pPr><w:pStyle w:val="{style}"/>{"<w:keepNext/>" if keep else ""}</w:pPr>'
                f"{content}</w:p></w:tc>")

    def _row(self, rows: list[TableRow], index: int, group_runs: dict[int, list], bottom: bool) -> str:
        row = rows[index]
        keep = self._keep or row.keep_with_next
        cells: list[tuple[int, str]] = []
        for cell in row.cells:
            cells.append((cell.first, self._cell(cell.first, cell.last, cell.text, cell.align, None, bottom, keep)))
        for column, group in row.groups.items():
            first = next(first for first, last, _ in group_runs[column] if first <= index <= last)
            run_last = next(last for first, last, _ in group_runs[column] if first <= index <= last)
            if first == run_last:
                merge = None
            else:
                merge = "restart" if index == first else "continue"
            text = group.text if index == first else None
            cells.append((column, self._cell(column, column, text, group.align, merge, bottom, keep)))
        cells.sort(key=lambda item: item[0])
        header = "<w:tblHeader/>" if row.header else ""
        return (f'<w:tr><w:trPr><w:cantSplit/><w:trHeight w:val="{self.min_row}"/>{header}</w:trPr>'
                f"{''.join(xml for _, xml in cells)}</w:tr>")

    def _table(self, rows: list[TableRow], bottom: bool, keep: bool) -> str:
        self._keep = keep
        columns = {column for row in rows for column in row.groups}
        group_runs = {column: runs(rows, column) for column in columns}
        grid = "".join(f'<w:gridCol w:w="{width}"/>' for width in self.widths)
        borders = "".join(f"<w:{side} {self.border}/>" if side != "bottom" or bottom else f'<w:{side} w:val="nil"/>'
                          for side in _SIDES)
        properties = (f'<w:tblPr><w:tblW w:w="{self.edges[-1]}" w:type="dxa"/><w:jc w:val="center"/>'
                      f"<w:tblBorders>{borders}<w:insideH {self.border}/><w:insideV {self.border}/></w:tblBorders>"
                      '<w:tblLayout w:type="fixed"/>'
                      f'<w:tblCellMar><w:top w:w="{self.padding}" w:type="dxa"/><w:left w:w="{self.padding}" w:type="dxa"/>'
                      f'<w:bottom w:w="{self.padding}" w:type="dxa"/><w:right w:w="{self.padding}" w:type="dxa"/>'
                      '</w:tblCellMar><w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" '
                      'w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr>')
        body = "".join(self._row(rows, index, group_runs, bottom or index < len(rows) - 1)
                       for index in range(len(rows)))
        return f"<w:tbl {NSDECL}>{properties}<w:tblGrid>{grid}</w:tblGrid>{body}</w:tbl>"

    def tables(self, table: ProjectTable) -> list[str]:
        """The XML of the top table, the 1-point spacer paragraph and the indicator table."""
        split = table.header_index
        # The top rows keep with what follows, so 绩效目标 never ends a page without the header.
        top = self._table(table.rows[:split], bottom=False, keep=True)
        spacer = (f'<w:p {NSDECL}><w:pPr><w:keepNext/><w:spacing w:before="0" w:after="0" w:line="20" '
                  'w:lineRule="exact"/><w:ind w:left="0" w:firstLine="0"/><w:rPr><w:sz w:val="2"/>'
                  '<w:szCs w:val="2"/></w:rPr></w:pPr></w:p>')
        indicators = self._table(table.rows[split:], bottom=True, keep=False)
        return [top, spacer, indicators]
