"""A small .xlsx package writer, linear in cells, merges and rows: the part of SpreadsheetML
perfdesk's own workbook uses, written directly as XML.

openpyxl re-scanned every merged range on each merge and re-styled its borders (quadratic: one
project of 2,000 indicator rows took 7 s) and built an object per cell and per style change;
here a sheet is a dict of rows of (kind, escaped payload, style index), a merge is a tuple,
and each part is joined once (figures: docs/performance.md, "Saving the workbook").

The parts and their XML are those openpyxl 3.1 wrote for perfdesk before (inline strings, the
same styles, page set-up, defined names, theme and document properties), so that Excel, WPS,
LibreOffice and openpyxl read the same workbook as before. No Qt, no openpyxl, no model here:
``xlsx_write`` says what goes where.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

from perfdesk.model.kept_sheet import column_letters

FIXED_ZIP_DATE = (1980, 1, 1, 0, 0, 0)
FIXED_TIME = "2000-01-01T00:00:00Z"
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
# Excel's built-in number formats (openpyxl's table): these are written by id, others as numFmt.
BUILTIN_FORMATS = {
    "General": 0, "0": 1, "0.00": 2, "#,##0": 3, "#,##0.00": 4, '"$"#,##0_);("$"#,##0)': 5,
    '"$"#,##0_);[Red]("$"#,##0)': 6, '"$"#,##0.00_);("$"#,##0.00)': 7, '"$"#,##0.00_);[Red]("$"#,##0.00)': 8,
    "0%": 9, "0.00%": 10, "0.00E+00": 11, "# ?/?": 12, "# ??/??": 13, "mm-dd-yy": 14, "d-mmm-yy": 15,
    "d-mmm": 16, "mmm-yy": 17, "h:mm AM/PM": 18, "h:mm:ss AM/PM": 19, "h:mm": 20, "h:mm:ss": 21,
    "m/d/yy h:mm": 22, "#,##0_);(#,##0)": 37, "#,##0_);[Red](#,##0)": 38, "#,##0.00_);(#,##0.00)": 39,
    "#,##0.00_);[Red](#,##0.00)": 40, '_(* #,##0_);_(* \\(#,##0\\);_(* "-"_);_(@_)': 41,
    '_("$"* #,##0_);_("$"* \\(#,##0\\);_("$"* "-"_);_(@_)': 42,
    '_(* #,##0.00_);_(* \\(#,##0.00\\);_(* "-"??_);_(@_)': 43,
    '_("$"* #,##0.00_)_("$"* \\(#,##0.00\\)_("$"* "-"??_)_(@_)': 44, "mm:ss": 45, "[h]:mm:ss": 46,
    "mmss.0": 47, "##0.0E+0": 48, "@": 49,
}
FIRST_CUSTOM_FORMAT = 164
# openpyxl's default font: what a cell without a font of its own shows (a merge's covered cells).
DEFAULT_FONT_XML = ('<font><name val="Calibri"/><family val="2"/><color theme="1"/><sz val="11"/>'
                    '<scheme val="minor"/></font>')
BOX_XML = '<border><left style="thin"/><right style="thin"/><top style="thin"/><bottom style="thin"/></border>'
APP_XML = ('<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
           "<Application>Microsoft Excel Compatible / perfdesk</Application><AppVersion>3.1</AppVersion></Properties>")
PAGE_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"


def escape(text: str) -> str:
    """Text as XML character data; a carriage return as a reference, since XML readers would
    turn a raw one into a line feed."""
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    if "\r" in text:
        text = text.replace("\r", "&#13;")
    return text


def attribute(text: str) -> str:
    """Text as a double-quoted XML attribute value (line ends kept as character references)."""
    return escape(text).replace('"', "&quot;").replace("\n", "&#10;").replace("\t", "&#9;")


def _number(value: float) -> str:
    """A width or height as openpyxl wrote it: 15, 20.5."""
    return str(int(value)) if value == int(value) else repr(float(value))


@dataclass(frozen=True)
class Font:
    name: str = "Calibri"
    size: int = 11
    bold: bool = False
    color: str | None = None  # RGB, e.g. "808080"
    underline: bool = False

    def xml(self) -> str:
        if self == DEFAULT_FONT:
            return DEFAULT_FONT_XML
        bold = '<b val="1"/>' if self.bold else ""
        color = f'<color rgb="00{self.color}"/>' if self.color else ""
        underline = '<u val="single"/>' if self.underline else ""
        return f'<font><name val="{attribute(self.name)}"/>{bold}{color}<sz val="{self.size}"/>{underline}</font>'


DEFAULT_FONT = Font()


@dataclass(frozen=True)
class Alignment:
    horizontal: str
    vertical: str
    wrap: bool = True

    def xml(self) -> str:
        wrap = ' wrapText="1"' if self.wrap else ""
        return f'<alignment horizontal="{self.horizontal}" vertical="{self.vertical}"{wrap}/>'


@dataclass(frozen=True)
class Style:
    """Everything a cell's format holds here; ``fill`` is a solid RGB colour."""

    font: Font = DEFAULT_FONT
    alignment: Alignment | None = None
    box: bool = False  # a thin border on all four sides
    fill: str | None = None
    number_format: str = "General"
    quote_prefix: bool = False  # Excel's ' before text that starts with = + - @


PLAIN = Style()
COVERED = Style(box=True)  # a cell under a bordered merge, as openpyxl left it: border only


class Styles:
    """The workbook's fonts, fills, number formats and cell formats, each written once."""

    def __init__(self) -> None:
        self.fonts: dict[Font, int] = {DEFAULT_FONT: 0}
        self.fills: dict[str, int] = {}  # colour → index (0 and 1 are Excel's own two)
        self.formats: dict[str, int] = {}  # custom number formats → id
        self.xfs: dict[Style, int] = {PLAIN: 0}

    def index(self, style: Style) -> int:
        found = self.xfs.get(style)
        if found is None:
            found = self.xfs[style] = len(self.xfs)
            self.fonts.setdefault(style.font, len(self.fonts))
            if style.fill is not None:
                self.fills.setdefault(style.fill, len(self.fills) + 2)
            if style.number_format not in BUILTIN_FORMATS:
                self.formats.setdefault(style.number_format, FIRST_CUSTOM_FORMAT + len(self.formats))
        return found

    def _xf(self, style: Style) -> str:
        number = BUILTIN_FORMATS.get(style.number_format)
        number = self.formats[style.number_format] if number is None else number
        fill = 0 if style.fill is None else self.fills[style.fill]
        quote = ' quotePrefix="1"' if style.quote_prefix else ""
        head = (f'<xf numFmtId="{number}" fontId="{self.fonts[style.font]}" fillId="{fill}" '
                f'borderId="{1 if style.box else 0}"{quote} xfId="0"')
        if style.alignment is None:
            return head + "/>"
        return f'{head} applyAlignment="1">{style.alignment.xml()}</xf>'

    def xml(self) -> str:
        formats = "".join(f'<numFmt numFmtId="{i}" formatCode="{attribute(code)}"/>'
                          for code, i in self.formats.items())
        fills = "".join(f'<fill><patternFill patternType="solid"><fgColor rgb="00{c}"/><bgColor rgb="00{c}"/>'
                        f"</patternFill></fill>" for c in self.fills)
        return "".join((
            f'<styleSheet xmlns="{MAIN}">',
            f'<numFmts count="{len(self.formats)}">{formats}</numFmts>' if self.formats else "",
            f'<fonts count="{len(self.fonts)}">', *(font.xml() for font in self.fonts), "</fonts>",
            f'<fills count="{len(self.fills) + 2}"><fill><patternFill/></fill>'
            f'<fill><patternFill patternType="gray125"/></fill>{fills}</fills>',
            '<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>', BOX_XML, "</borders>",
            '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>',
            f'<cellXfs count="{len(self.xfs)}">', *(self._xf(style) for style in self.xfs), "</cellXfs>",
            '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>',
            '<tableStyles count="0" defaultTableStyle="TableStyleMedium9" defaultPivotStyle="PivotStyleLight16"/>',
            "</styleSheet>",
        ))


def parse_ref(ref: str) -> tuple[int, int]:
    """``"B12"`` → (12, 2), for the writer's own well-formed references."""
    col = i = 0
    while ref[i] > "9":
        col = col * 26 + ord(ref[i]) - 64
        i += 1
    return int(ref[i:]), col


def _quoted(name: str) -> str:
    return "'" + name.replace("'", "''") + "'"


class Sheet:
    """One worksheet being written. Cells are set by reference with a :class:`Style`;
    setting a cell again replaces it (value and format), as in Excel."""

    def __init__(self, title: str, styles: Styles) -> None:
        self.title = title
        self.styles = styles
        self.rows: dict[int, dict[int, tuple[str, str, int]]] = {}
        self.merges: list[tuple[int, int, int, int]] = []
        self.widths: dict[int, float] = {}
        self.heights: dict[int, float] = {}
        self.hyperlinks: list[tuple[str, str, str]] = []  # (cell, location, display)
        self.print_titles: tuple[int, int] | None = None  # first and last row repeated on each page
        self.print_area: str | None = None  # "A1:G20"
        self.orientation: str | None = None  # None: no page set-up of perfdesk's (a kept sheet)
        self.freeze: str | None = None  # the first cell not frozen, "A3"
        self.auto_filter: str | None = None

    # ------------------------------------------------------------ cells
    def _put(self, ref: str, kind: str, payload: str, style: Style) -> None:
        row, col = parse_ref(ref)
        cells = self.rows.get(row)
        if cells is None:
            cells = self.rows[row] = {}
        cells[col] = (kind, payload, self.styles.index(style))

    def text(self, ref: str, text: str, style: Style = PLAIN) -> None:
        """A text cell (always text, never a formula); empty text leaves a blank formatted cell."""
        self._put(ref, "s" if text else "", escape(text), style)

    def number(self, ref: str, digits: str | None, style: Style = PLAIN) -> None:
        """A number given as its exact decimal digits; None leaves a blank formatted cell."""
        self._put(ref, "n" if digits is not None else "", digits or "", style)

    def boolean(self, ref: str, value: bool, style: Style = PLAIN) -> None:
        self._put(ref, "b", "1" if value else "0", style)

    def formula(self, ref: str, formula: str, style: Style = PLAIN) -> None:
        """A formula without its result (Excel works it out on opening: calcPr fullCalcOnLoad)."""
        self._put(ref, "f", escape(formula[1:] if formula.startswith("=") else formula), style)

    def blank(self, ref: str, style: Style) -> None:
        self._put(ref, "", "", style)

    def merge(self, ref: str, box: bool = False) -> None:
        """Merge a range: the cells under its first are emptied (Excel shows only the first);
        with ``box`` each keeps a thin border all round, so the printed range is boxed."""
        first, _, last = ref.partition(":")
        r1, c1 = parse_ref(first)
        r2, c2 = parse_ref(last)
        self.merges.append((r1, c1, r2, c2))
        covered = self.styles.index(COVERED) if box else None
        for row in range(r1, r2 + 1):
            cells = self.rows.get(row)
            if cells is None:
                if covered is None:
                    continue
                cells = self.rows[row] = {}
            for col in range(c1, c2 + 1):
                if (row, col) == (r1, c1):
                    continue
                if covered is None:
                    cells.pop(col, None)
                else:
                    cells[col] = ("", "", covered)

    # ------------------------------------------------------------ writing
    def xml(self) -> str:
        letters = [""] + [column_letters(c) for c in range(1, max((max(r) for r in self.rows.values() if r),
                                                                default=1) + 1)]
        out = [f'<worksheet xmlns="{MAIN}"><sheetPr><outlinePr summaryBelow="1" summaryRight="1"/>',
               '<pageSetUpPr fitToPage="1"/>' if self.orientation else "<pageSetUpPr/>", "</sheetPr>",
               f'<dimension ref="{self._dimension(letters)}"/><sheetViews><sheetView workbookViewId="0">']
        if self.freeze:
            row, _ = parse_ref(self.freeze)
            out.append(f'<pane ySplit="{row - 1}" topLeftCell="{self.freeze}" activePane="bottomLeft" state="frozen"/>'
                       '<selection pane="bottomLeft" activeCell="A1" sqref="A1"/>')
        else:
            out.append('<selection activeCell="A1" sqref="A1"/>')
        out.append('</sheetView></sheetViews><sheetFormatPr baseColWidth="8" defaultRowHeight="15"/>')
        if self.widths:
            out.append("<cols>")
            out += [f'<col width="{_number(width)}" customWidth="1" min="{col}" max="{col}"/>'
                    for col, width in sorted(self.widths.items())]
            out.append("</cols>")
        out.append("<sheetData>")
        heights = self.heights
        for row in sorted(self.rows.keys() | heights.keys()):
            height = heights.get(row)
            out.append(f'<row r="{row}">' if height is None else
                       f'<row r="{row}" ht="{_number(height)}" customHeight="1">')
            cells = self.rows.get(row, {})
            for col in sorted(cells):
                kind, payload, style = cells[col]
                ref = f"{letters[col]}{row}"
                s = f' s="{style}"' if style else ""
                if kind == "s":
                    space = ' xml:space="preserve"' if payload != payload.strip() else ""
                    out.append(f'<c r="{ref}"{s} t="inlineStr"><is><t{space}>{payload}</t></is></c>')
                elif kind == "n":
                    out.append(f'<c r="{ref}"{s} t="n"><v>{payload}</v></c>')
                elif kind == "b":
                    out.append(f'<c r="{ref}"{s} t="b"><v>{payload}</v></c>')
                elif kind == "f":
                    out.append(f'<c r="{ref}"{s}><f>{payload}</f><v></v></c>')
                else:
                    out.append(f'<c r="{ref}"{s}/>')
            out.append("</row>")
        out.append("</sheetData>")
        if self.auto_filter:
            out.append(f'<autoFilter ref="{self.auto_filter}"/>')
        if self.merges:
            out.append(f'<mergeCells count="{len(self.merges)}">')
            out += [f'<mergeCell ref="{column_letters(c1)}{r1}:{column_letters(c2)}{r2}"/>'
                    for r1, c1, r2, c2 in self.merges]
            out.append("</mergeCells>")
        if self.hyperlinks:
            out.append("<hyperlinks>")
            out += [f'<hyperlink ref="{ref}" location="{attribute(location)}" display="{attribute(display)}"/>'
                    for ref, location, display in self.hyperlinks]
            out.append("</hyperlinks>")
        if self.orientation:
            out.append('<printOptions horizontalCentered="1"/>'
                       '<pageMargins left="0.5" right="0.5" top="0.75" bottom="0.75" header="0.5" footer="0.5"/>'
                       f'<pageSetup orientation="{self.orientation}" paperSize="9" fitToHeight="0" fitToWidth="1"/>')
        else:
            out.append('<pageMargins left="0.75" right="0.75" top="1" bottom="1" header="0.5" footer="0.5"/>')
        out.append("</worksheet>")
        return "".join(out)

    def _dimension(self, letters: list[str]) -> str:
        rows = [row for row, cells in self.rows.items() if cells]
        if not rows:
            return "A1:A1"
        first_col = min(min(cells) for cells in self.rows.values() if cells)
        last_col = max(max(cells) for cells in self.rows.values() if cells)
        return f"{letters[first_col]}{min(rows)}:{letters[last_col]}{max(rows)}"

    def defined_names(self, index: int) -> str:
        """The sheet's print titles, print area and filter range, as the workbook names them."""
        name, out = _quoted(self.title), []
        if self.auto_filter:
            first, _, last = self.auto_filter.partition(":")
            out.append(f'<definedName name="_xlnm._FilterDatabase" localSheetId="{index}" hidden="1">'
                       f"{escape(name)}!{_absolute(first)}:{_absolute(last)}</definedName>")
        if self.print_titles:
            first, last = self.print_titles
            out.append(f'<definedName name="_xlnm.Print_Titles" localSheetId="{index}">'
                       f"{escape(name)}!${first}:${last}</definedName>")
        if self.print_area:
            first, _, last = self.print_area.partition(":")
            out.append(f'<definedName name="_xlnm.Print_Area" localSheetId="{index}">'
                       f"{escape(name)}!{_absolute(first)}:{_absolute(last)}</definedName>")
        return "".join(out)


def _absolute(ref: str) -> str:
    row, col = parse_ref(ref)
    return f"${column_letters(col)}${row}"


class Book:
    """A workbook being written: its sheets in order, its styles and document properties."""

    def __init__(self) -> None:
        self.styles = Styles()
        self.sheets: list[Sheet] = []
        self.creator = ""
        self.title = ""
        self.custom: dict[str, str] = {}  # custom document properties (text)

    def add_sheet(self, title: str) -> Sheet:
        sheet = Sheet(title, self.styles)
        self.sheets.append(sheet)
        return sheet

    @property
    def sheetnames(self) -> list[str]:
        return [sheet.title for sheet in self.sheets]

    def parts(self) -> list[tuple[str, str]]:
        """(part name, XML) of every part of the package, in the order they are stored."""
        sheets = [(f"xl/worksheets/sheet{i}.xml", sheet.xml()) for i, sheet in enumerate(self.sheets, 1)]
        overrides = [("/xl/styles.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"),
                     ("/xl/theme/theme1.xml", "application/vnd.openxmlformats-officedocument.theme+xml"),
                     ("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
                     ("/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml")]
        if self.custom:
            overrides.append(("/docProps/custom.xml",
                              "application/vnd.openxmlformats-officedocument.custom-properties+xml"))
        overrides += [(f"/{name}", PAGE_TYPE) for name, _ in sheets]
        overrides.append(("/xl/workbook.xml",
                          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"))
        types = "".join((
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">',
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>',
            '<Default Extension="xml" ContentType="application/xml"/>',
            *(f'<Override PartName="{name}" ContentType="{kind}"/>' for name, kind in overrides), "</Types>"))
        package_rels = [(f"{REL}/officeDocument", "xl/workbook.xml"),
                        (f"{PACKAGE_REL}/metadata/core-properties", "docProps/core.xml"),
                        (f"{REL}/extended-properties", "docProps/app.xml")]
        if self.custom:
            package_rels.append((f"{REL}/custom-properties", "docProps/custom.xml"))
        from perfdesk.fileio.xlsx_theme import THEME_XML

        # "Microsoft Excel" in the application name, as openpyxl wrote it: LibreOffice otherwise
        # recomputes the row heights the writer set, and the printed table comes out taller.
        parts = [("[Content_Types].xml", types), ("_rels/.rels", _relationships(package_rels)),
                 ("docProps/app.xml", APP_XML),
                 ("docProps/core.xml", self._core())]
        if self.custom:
            parts.append(("docProps/custom.xml", self._custom()))
        parts += [("xl/workbook.xml", self._workbook()),
                  ("xl/_rels/workbook.xml.rels", _relationships(
                      [(f"{REL}/worksheet", f"worksheets/sheet{i}.xml") for i in range(1, len(sheets) + 1)]
                      + [(f"{REL}/styles", "styles.xml"), (f"{REL}/theme", "theme/theme1.xml")])),
                  ("xl/styles.xml", self.styles.xml()), ("xl/theme/theme1.xml", THEME_XML), *sheets]
        return parts

    def _core(self) -> str:
        dc, terms = "http://purl.org/dc/elements/1.1/", "http://purl.org/dc/terms/"
        xsi = "http://www.w3.org/2001/XMLSchema-instance"
        dates = "".join(f'<dcterms:{name} xsi:type="dcterms:W3CDTF">{FIXED_TIME}</dcterms:{name}>'
                        for name in ("created", "modified"))
        title = f"<dc:title>{escape(self.title)}</dc:title>" if self.title else ""
        return (f'<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"'
                f' xmlns:dc="{dc}" xmlns:dcterms="{terms}" xmlns:xsi="{xsi}">'
                f"<dc:creator>{escape(self.creator)}</dc:creator>{title}{dates}</cp:coreProperties>")

    def _custom(self) -> str:
        props = "".join(f'<property name="{attribute(name)}" fmtid="{{D5CDD505-2E9C-101B-9397-08002B2CF9AE}}" '
                        f'pid="{pid}"><vt:lpwstr>{escape(value)}</vt:lpwstr></property>'
                        for pid, (name, value) in enumerate(self.custom.items(), 2))
        return ('<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
                'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
                f"{props}</Properties>")

    def _workbook(self) -> str:
        sheets = "".join(f'<sheet name="{attribute(sheet.title)}" sheetId="{i}" state="visible" r:id="rId{i}"/>'
                         for i, sheet in enumerate(self.sheets, 1))
        names = "".join(sheet.defined_names(i) for i, sheet in enumerate(self.sheets))
        return (f'<workbook xmlns="{MAIN}" xmlns:r="{REL}"><workbookPr/><bookViews><workbookView visibility="visible" '
                'minimized="0" showHorizontalScroll="1" showVerticalScroll="1" showSheetTabs="1" tabRatio="600" '
                'firstSheet="0" activeTab="0" autoFilterDateGrouping="1"/></bookViews>'
                f"<sheets>{sheets}</sheets>" + (f"<definedNames>{names}</definedNames>" if names else "")
                + '<calcPr calcId="124519" fullCalcOnLoad="1"/></workbook>')

    def to_bytes(self) -> bytes:
        """The package as a zip whose entries all carry one fixed date: the same workbook
        always gives the same bytes."""
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
            for name, xml in self.parts():
                info = zipfile.ZipInfo(name, FIXED_ZIP_DATE)
                info.compress_type = zipfile.ZIP_DEFLATED
                archive.writestr(info, xml.encode("utf-8"))
        return buffer.getvalue()


def _relationships(targets: list[tuple[str, str]]) -> str:
    rels = "".join(f'<Relationship Type="{kind}" Target="{target}" Id="rId{i}"/>'
                   for i, (kind, target) in enumerate(targets, 1))
    return f'<Relationships xmlns="{PACKAGE_REL}">{rels}</Relationships>'
