"""The ReportLab floor: what ReportLab alone costs to print the projects' tables of a document.

A bare ReportLab platypus script, with no perfdesk code in the timed loop, that lays out the
same content as perfdesk's PDF of the project tables: for each project a title Paragraph, the
unit line (unit left, 单位：万元 right, a one-row table without rules) and a ``Table`` of
``Paragraph`` cells with the same 7 columns (widths, cell fonts, sizes, leading, padding and
rule width from ``resources/profiles/compact.json``), the same cell texts, SPANs for the merged
cells (spans over columns, and the 一级/二级/预算规模及资金用途/资金支出计划/绩效目标 cells merged
over rows), CJK word wrap, the same TrueType fonts as perfdesk chooses (found with
``perfdesk.pdf.fonts.find_fonts()``, then registered here as plain ``TTFont``s), a PageBreak
between projects and a page number at the foot of each page; one process.

Left out on purpose, so that the floor is a floor: the cover, the 目录 and Part 1 (perfdesk
prints them: a handful of pages more), the header row repeated on a continued page, the minimum
row height, the fallback fonts for characters the chosen font lacks and perfdesk's own line
breaking rules. The cell texts are taken from ``perfdesk.layout.blocks.project_table(project)``
— that is data, not layout — before the clock starts (:func:`table_data`); :func:`floor_pdf`
then times font registration + flowables + ``build`` only. ReportLab's ``Table`` wraps every
cell paragraph twice (to size its row, then to draw it); the floor leaves it so, as a plain
platypus script would.

    PYTHONPATH=. .venv/bin/python -m benchmarks.reportlab_floor WORKBOOK_OR_N OUT.pdf

(``WORKBOOK_OR_N``: a workbook perfdesk reads, or a number of projects to generate, seed 0.)
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table, TableStyle

PROFILE = Path(__file__).resolve().parent.parent / "resources" / "profiles" / "compact.json"
BODY_FONT, HEADING_FONT = "floor-body", "floor-heading"


@dataclass
class FloorTable:
    """One project as plain data: its title, its unit's label, the grid of (text, align) cells (None inside a
    span) and the spans ((column, row), (column, row))."""

    title: str
    unit: str
    cells: list[list[tuple[str, str] | None]]
    spans: list[tuple[tuple[int, int], tuple[int, int]]]


def table_data(document) -> list[FloorTable]:
    """The texts and merges of every project's table, read from perfdesk's block model (data)."""
    from perfdesk.layout.blocks import chosen_entries, project_table

    tables = []
    for entry in chosen_entries(document, None):
        table = project_table(entry.project)
        cells: list[list[tuple[str, str] | None]] = [[None] * 7 for _ in table.rows]
        spans = []
        for r, row in enumerate(table.rows):
            for cell in row.cells:
                cells[r][cell.first] = (cell.text, cell.align)
                if cell.last > cell.first:
                    spans.append(((cell.first, r), (cell.last, r)))
        for column in range(7):  # a group merged over consecutive rows with the same key
            r = 0
            while r < len(table.rows):
                group = table.rows[r].groups.get(column)
                if group is None:
                    r += 1
                    continue
                end = r
                while (end + 1 < len(table.rows)
                       and getattr(table.rows[end + 1].groups.get(column), "key", None) == group.key):
                    end += 1
                cells[r][column] = (group.text, group.align)
                if end > r:
                    spans.append(((column, r), (column, end)))
                r = end + 1
        tables.append(FloorTable(entry.title, entry.unit.label, cells, spans))
    return tables


def font_files() -> tuple[str, str]:
    """The body and heading font files perfdesk would choose (``path`` or ``path#index``)."""
    from perfdesk.pdf.fonts import find_fonts

    fonts = find_fonts()
    return fonts.body_path, fonts.heading_path


def _register(name: str, path: str) -> None:
    base, _, index = path.rpartition("#")
    if base and index.isdigit():
        font = TTFont(name, base, subfontIndex=int(index))
    elif path.lower().endswith(".ttc"):
        font = TTFont(name, path, subfontIndex=0)
    else:
        font = TTFont(name, path)
    pdfmetrics.registerFont(font)


def _style(spec: dict, name: str) -> ParagraphStyle:
    align = {"center": TA_CENTER, "left": TA_LEFT, "right": TA_RIGHT}.get(spec.get("align", "left"), TA_LEFT)
    return ParagraphStyle(name, fontName=HEADING_FONT if spec["font"] == "heading" else BODY_FONT,
                          fontSize=spec["size"], leading=spec["leading"], alignment=align,
                          spaceBefore=spec.get("space_before", 0), spaceAfter=spec.get("space_after", 0),
                          wordWrap="CJK")


def _markup(text: str) -> str:
    return escape(text).replace("\n", "<br/>")


def floor_pdf(tables: list[FloorTable], fonts: tuple[str, str], target: str | Path) -> int:
    """Lay the tables out with ReportLab alone and write ``target``; returns the page count.
    Registers the fonts itself (a TrueType parse, as perfdesk pays once per process)."""
    profile = json.loads(PROFILE.read_text(encoding="utf-8"))
    _register(BODY_FONT, fonts[0])
    _register(HEADING_FONT, fonts[1])
    styles = profile["styles"]
    title_style = _style(styles["table_title"], "title")
    unit_styles = (_style(styles["unit_left"], "unit_left"), _style(styles["unit_right"], "unit_right"))
    cell_styles = {"center": _style(styles["cell"], "cell"), "left": _style(styles["cell_left"], "cell_left")}
    geometry = profile["table"]
    widths = [w * mm for w in geometry["columns_mm"]]
    pad, rule = geometry["padding_pt"], geometry["rule_pt"]
    base_style = [("GRID", (0, 0), (-1, -1), rule, "black"), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                  ("LEFTPADDING", (0, 0), (-1, -1), pad), ("RIGHTPADDING", (0, 0), (-1, -1), pad),
                  ("TOPPADDING", (0, 0), (-1, -1), pad), ("BOTTOMPADDING", (0, 0), (-1, -1), pad)]

    unit_line = TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0)])
    story = []
    for index, table in enumerate(tables):
        if index:
            story.append(PageBreak())
        story.append(Paragraph(_markup(table.title), title_style))
        story.append(Table([[Paragraph(_markup(table.unit), unit_styles[0]), Paragraph("单位：万元", unit_styles[1])]],
                           colWidths=[sum(widths) / 2] * 2, style=unit_line))
        data = [[Paragraph(_markup(c[0]), cell_styles.get(c[1], cell_styles["center"])) if c else ""
                 for c in row] for row in table.cells]
        spans = [("SPAN", a, b) for a, b in table.spans]
        story.append(Table(data, colWidths=widths, style=TableStyle(base_style + spans)))

    page = profile["page"]
    margins = page["margins_mm"]
    number = profile["page_number"]

    def page_number(canvas, doc) -> None:
        canvas.setFont(BODY_FONT, number["size"])
        canvas.drawCentredString(page["width_mm"] * mm / 2, number["baseline_mm"] * mm,
                                 number["format"].format(n=doc.page))

    doc = SimpleDocTemplate(str(target), pagesize=A4, leftMargin=margins["left"] * mm,
                            rightMargin=margins["right"] * mm, topMargin=margins["top"] * mm,
                            bottomMargin=margins["bottom"] * mm, title="floor")
    doc.build(story, onFirstPage=page_number, onLaterPages=page_number)
    return doc.page


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", help="a workbook, or a number of projects to generate")
    parser.add_argument("out", type=Path)
    args = parser.parse_args(argv)
    if args.source.isdigit():
        from benchmarks.generate import generate_document

        document = generate_document(int(args.source))
    else:
        from perfdesk.fileio import load_document

        document = load_document(Path(args.source))
    fonts = font_files()
    start = time.perf_counter()
    tables = table_data(document)
    data = time.perf_counter()
    pages = floor_pdf(tables, fonts, args.out)
    end = time.perf_counter()
    print(f"{len(tables)} tables, {pages} pages: data {data - start:.2f} s (untimed in the benchmark),"
          f" ReportLab {end - data:.2f} s -> {args.out}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
