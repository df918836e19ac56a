"""Write the Word-printed import fixtures: .docx files typed the way a bureau's clerk types the
text in Word, and the PDFs LibreOffice prints from them.

Run by hand from the repository root when the expected documents change (the files are
committed, so the test suite never needs LibreOffice):

    .venv/bin/python tests/data/import/word/make_fixtures.py

It needs python-docx (in the venv), LibreOffice Writer (``soffice``, Debian package
libreoffice-writer) and poppler (``pdftotext``); CJK fonts such as fonts-arphic-uming and
fonts-wqy-microhei make the PDFs readable. Each fixture is written from a hand-made
expected document, never from an import:

==========================  =============================================
file (.docx and .pdf)       expected document
==========================  =============================================
fengrun_2022                expected_samples.fengrun_2022.build()
funing_2024                 expected_samples.funing_2024.build()
funing_2024_long            expected_samples.long_table.build()
==========================  =============================================

All follow DOMAIN.md §2: A4 portrait, a cover page, a 目录 with page numbers, Part 1, then per
project the title, the unit line with 单位：万元 at the right and the 7-column table with its
merges (gridSpan and vMerge) and a border on every cell; pages numbered "— 1 —" from Part 1 on.
The three differ where real Word files differ:

* funing_2024: everything typed by hand: numbers, a 目录 of plain lines with dot leaders,
  the unit and 单位：万元 on one line split by a right tab, a Ctrl+Enter page break at the
  start of each table title, the department name on the cover broken by Shift+Enter.
* fengrun_2022: Word's own tools: a 目录 field (hyperlinks, PAGEREF fields, bookmarks on
  the headings), auto-numbered sub-goal titles, measures (two levels) and table titles (a
  numbered title style), the unit line as a borderless first row of the table, blank cells
  holding one space, "≥" inserted from the Symbol font (w:sym), 其中：财政    资金 spaced.
* funing_2024_long: as funing_2024, but project 5 has 60 indicator rows (so its table runs
  over three pages and a long row is cut by a page break), goals auto-numbered inside their
  cell (a new list per cell, restarted at 1), and 单位：万元 a right-aligned paragraph of its own.

The 目录's page numbers are typed, as clerks do: the script prints once, reads on which page
each heading landed (the "— n —" footer of that page), writes the numbers in and prints again
until they stand still.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
TESTS = HERE.parents[2]
sys.path[:0] = [str(TESTS), str(TESTS.parent)]

import docx  # noqa: E402
from docx.enum.section import WD_SECTION  # noqa: E402
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT  # noqa: E402
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_LINE_SPACING, WD_TAB_ALIGNMENT, WD_TAB_LEADER  # noqa: E402
from docx.oxml import OxmlElement, parse_xml  # noqa: E402
from docx.oxml.ns import nsdecls, qn  # noqa: E402
from docx.shared import Cm, Pt  # noqa: E402

from expected_samples import fengrun_2022, funing_2024, long_table  # noqa: E402
from perfdesk.model import Document, format_amount  # noqa: E402

CN = "一二三四五六七八九十"
TOC_FIELD = ' TOC \\o "1-2" \\h \\z \\u '  # Word's 引用 ▸ 目录: levels 1-2, hyperlinks
TEXT_WIDTH = Cm(16)  # A4 21 cm less 2.5 cm margins at each side
COLUMNS_CM = (2.0, 2.1, 2.4, 2.6, 2.2, 2.3, 2.4)  # A..G, 16 cm in all


@dataclass(frozen=True)
class Variant:
    """How the clerk of one fixture uses Word (see the module docstring)."""

    word_tools: bool = False  # 目录 field, auto-numbering, table-row unit line, w:sym, spaced labels
    cover_break: bool = False  # the department name broken by Shift+Enter on the cover
    repeat_headings: bool = False  # "一、总体绩效目标" followed by a centred "总体绩效目标", as Funing prints
    goals_numbered_by_word: bool = False  # goals auto-numbered inside their cell
    unit_on_two_lines: bool = False  # 单位：万元 as its own right-aligned paragraph


FIXTURES = {
    "fengrun_2022": (fengrun_2022.build, Variant(word_tools=True)),
    "funing_2024": (funing_2024.build, Variant(cover_break=True, repeat_headings=True)),
    "funing_2024_long": (long_table.build, Variant(repeat_headings=True, goals_numbered_by_word=True,
                                                   unit_on_two_lines=True)),
}


# ------------------------------------------------------------------------ styles and pages
def _fonts(rpr, east_asia: str, latin: str | None = None) -> None:  # noqa: ANN001 - a w:rPr
    # A Chinese Word's clerk leaves digits and Latin letters in the same face as the Chinese.
    latin = latin or east_asia
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for name in list(fonts.attrib):
        del fonts.attrib[name]  # theme fonts would win over the names below
    for attribute, value in (("w:ascii", latin), ("w:hAnsi", latin), ("w:eastAsia", east_asia), ("w:cs", latin)):
        fonts.set(qn(attribute), value)


def _style(word, name: str, east_asia: str, size: float, bold: bool = False, base: str | None = None,
           align=None, indent_first: bool = False, before: float = 0, after: float = 0,  # noqa: ANN001
           line: float | None = None):  # noqa: ANN202
    styles = word.styles
    style = styles[name] if name in [s.name for s in styles] else styles.add_style(name, 1)
    if base:
        style.base_style = styles[base]
    style.font.size = Pt(size)
    style.font.bold = bold
    style.font.italic = False
    style.font.color.rgb = None
    _fonts(style.element.get_or_add_rPr(), east_asia)
    color = style.element.rPr.find(qn("w:color"))
    if color is not None:
        style.element.rPr.remove(color)
    fmt = style.paragraph_format
    fmt.alignment = align
    fmt.first_line_indent = Pt(size * 2) if indent_first else None
    fmt.space_before, fmt.space_after = Pt(before), Pt(after)
    if line:
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        fmt.line_spacing = Pt(line)
    else:
        fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE
    return style


def _setup_styles(word) -> None:  # noqa: ANN001
    defaults = word.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _fonts(defaults, "宋体")
    lang = defaults.find(qn("w:lang"))
    lang.set(qn("w:val"), "en-US")
    lang.set(qn("w:eastAsia"), "zh-CN")  # Chinese line breaking and CJK fallback fonts
    _style(word, "Normal", "仿宋_GB2312", 14, align=WD_ALIGN_PARAGRAPH.JUSTIFY, line=26)
    _style(word, "正文缩进", "仿宋_GB2312", 14, base="Normal", indent_first=True, line=26)
    _style(word, "Heading 1", "黑体", 18, align=WD_ALIGN_PARAGRAPH.CENTER, before=12, after=6, line=30)
    _style(word, "Heading 2", "黑体", 15, indent_first=True, before=6, after=0, line=26)
    _style(word, "Heading 3", "楷体_GB2312", 14, bold=True, indent_first=True, line=26)
    _style(word, "表标题", "黑体", 15, bold=True, base="Heading 2", align=WD_ALIGN_PARAGRAPH.CENTER,
           before=0, after=6, line=24).paragraph_format.first_line_indent = Pt(0)
    _style(word, "表格文字", "宋体", 10.5, base="Normal", align=WD_ALIGN_PARAGRAPH.CENTER)
    _style(word, "目录标题", "黑体", 18, base="Normal", align=WD_ALIGN_PARAGRAPH.CENTER, after=18)
    for name, indent in (("TOC 1", 0), ("TOC 2", 2)):
        style = _style(word, name, "仿宋_GB2312", 14, base="Normal", line=24)
        style.paragraph_format.left_indent = Pt(14 * indent)
        style.paragraph_format.tab_stops.add_tab_stop(TEXT_WIDTH, WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
    for name in ("Heading 1", "Heading 2", "Heading 3"):
        word.styles[name].paragraph_format.keep_with_next = True


def _a4(section) -> None:  # noqa: ANN001
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.5)
    section.top_margin, section.bottom_margin = Cm(2.8), Cm(2.5)
    section.footer_distance = Cm(1.5)


def _page_numbers(section) -> None:  # noqa: ANN001
    """Footer "— n —", counting from 1 in this section (the cover and 目录 carry none)."""
    section.footer.is_linked_to_previous = False
    paragraph = section.footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.add_run("— ")
    _field(paragraph, " PAGE ", "1")
    paragraph.add_run(" —")
    for run in paragraph.runs:
        run.font.size = Pt(12)
    number_type = OxmlElement("w:pgNumType")
    number_type.set(qn("w:start"), "1")
    sect = section._sectPr
    later = [child for child in sect if child.tag in {qn(t) for t in (
        "w:cols", "w:formProt", "w:vAlign", "w:noEndnote", "w:titlePg", "w:textDirection", "w:bidi",
        "w:rtlGutter", "w:docGrid")}]
    if later:
        later[0].addprevious(number_type)
    else:
        sect.append(number_type)


def _field(paragraph, instruction: str, shown: str, parent=None) -> None:  # noqa: ANN001
    """A Word field as Word saves it: begin, instruction, separate, last shown result, end."""
    parent = paragraph._p if parent is None else parent
    for xml in (f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="begin"/></w:r>',
                f'<w:r {nsdecls("w")}><w:instrText xml:space="preserve">{instruction}</w:instrText></w:r>',
                f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="separate"/></w:r>',
                f'<w:r {nsdecls("w")}><w:t>{shown}</w:t></w:r>',
                f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="end"/></w:r>'):
        parent.append(parse_xml(xml))


# ------------------------------------------------------------------------ Word auto-numbering
class Lists:
    """numbering.xml definitions, added as Word adds them (abstract list + instance)."""

    def __init__(self, word) -> None:  # noqa: ANN001
        self.root = word.part.numbering_part.element
        self.next_abstract = 1 + max(int(a.get(qn("w:abstractNumId"))) for a in self.root.findall(qn("w:abstractNum")))
        self.next_num = 1 + max(int(n.get(qn("w:numId"))) for n in self.root.findall(qn("w:num")))

    def define(self, levels: list[tuple[str, str, int]]) -> int:
        """An abstract list with (numFmt, lvlText, left indent in characters) per level."""
        abstract_id = self.next_abstract
        self.next_abstract += 1
        lvls = "".join(
            f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/>'
            f'<w:suff w:val="nothing"/><w:lvlJc w:val="left"/>'
            f'<w:pPr><w:ind w:left="0" w:firstLine="{indent * 280}"/></w:pPr></w:lvl>'
            for i, (fmt, text, indent) in enumerate(levels))
        element = parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
                            f'<w:multiLevelType w:val="multilevel"/>{lvls}</w:abstractNum>')
        self.root.findall(qn("w:num"))[0].addprevious(element)  # abstract lists come first
        return abstract_id

    def instance(self, abstract_id: int, restart: bool = False) -> int:
        num_id = self.next_num
        self.next_num += 1
        override = '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>' if restart else ""
        self.root.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{num_id}">'
                                   f'<w:abstractNumId w:val="{abstract_id}"/>{override}</w:num>'))
        return num_id


def _number(paragraph, num_id: int, level: int = 0) -> None:  # noqa: ANN001
    properties = paragraph._p.get_or_add_pPr()
    num_pr = parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>')
    style = properties.find(qn("w:pStyle"))
    if style is not None:
        style.addnext(num_pr)
    else:
        properties.insert(0, num_pr)


# ------------------------------------------------------------------------ text helpers
SYMBOL_CHARS = {"≥": "F0B3", "≤": "F0A3"}  # Insert ▸ Symbol ▸ font "Symbol"


def _runs(paragraph, text: str, symbols: bool = False) -> None:  # noqa: ANN001
    """The text as runs; with ``symbols`` ≥ and ≤ are Symbol-font characters (w:sym)."""
    if not symbols:
        paragraph.add_run(text)
        return
    for piece in re.split(r"([≥≤])", text):
        if piece in SYMBOL_CHARS:
            paragraph._p.append(parse_xml(
                f'<w:r {nsdecls("w")}><w:sym w:font="Symbol" w:char="{SYMBOL_CHARS[piece]}"/></w:r>'))
        elif piece:
            paragraph.add_run(piece)


_bookmark_ids = iter(range(100, 10_000))


def _bookmark(paragraph, name: str) -> None:  # noqa: ANN001
    mark = next(_bookmark_ids)
    paragraph._p.insert(1 if paragraph._p.pPr is not None else 0, parse_xml(
        f'<w:bookmarkStart {nsdecls("w")} w:id="{mark}" w:name="{name}"/>'))
    paragraph._p.append(parse_xml(f'<w:bookmarkEnd {nsdecls("w")} w:id="{mark}"/>'))


def _page_break_paragraph(word) -> None:  # noqa: ANN001
    word.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


# ------------------------------------------------------------------------ the writer
class Writer:
    def __init__(self, document: Document, variant: Variant, pages: dict[str, int] | None) -> None:
        self.document, self.variant = document, variant
        self.pages = pages or {}
        self.word = docx.Document()
        _setup_styles(self.word)
        _a4(self.word.sections[0])
        self.lists = Lists(self.word)
        self.toc: list[tuple[int, str, str]] = []  # (level, text, bookmark) in print order
        self.goal_list = self.lists.define([("decimal", "%1.", 0)])
        if variant.word_tools:
            self.title_list = self.lists.instance(self.lists.define([("decimal", "%1.", 0)]))
            self.sub_goal_list = self.lists.instance(self.lists.define([("chineseCounting", "（%1）", 2)]))
            self.measure_list = self.lists.instance(self.lists.define(
                [("chineseCounting", "%1、", 2), ("chineseCounting", "（%2）", 2)]))
            # The table title style carries the numbering, as a numbered heading style does.
            title_style = self.word.styles["表标题"].element.get_or_add_pPr()
            title_style.insert(0, parse_xml(f'<w:numPr {nsdecls("w")}><w:numId w:val="{self.title_list}"/></w:numPr>'))

    # -------------------------------------------------------------- whole document
    def write(self, path: Path) -> list[tuple[int, str, str]]:
        self._cover()
        toc_section = self.word.add_section(WD_SECTION.NEW_PAGE)
        _a4(toc_section)
        self._toc()
        body = self.word.add_section(WD_SECTION.NEW_PAGE)
        _a4(body)
        _page_numbers(body)
        self._part1()
        self._part2()
        # A clerk's file, not a generator's: no "python-docx" as author, saved in December
        # before the budget year.
        properties = self.word.core_properties
        properties.author = properties.last_modified_by = "Administrator"
        properties.title = properties.subject = properties.keywords = properties.comments = ""
        properties.created = properties.modified = datetime(self.document.year - 1, 12, 20, 9, 30)
        properties.revision = 3
        self.word.save(str(path))
        return self.toc

    def _heading(self, text: str, style: str, level: int | None, numbered: str = ""):  # noqa: ANN202
        paragraph = self.word.add_paragraph(style=style)
        paragraph.add_run(text)
        if level is not None:
            bookmark = f"_Toc{170000000 + len(self.toc)}"
            if self.variant.word_tools:
                _bookmark(paragraph, bookmark)
            self.toc.append((level, numbered + text, bookmark))
        return paragraph

    # -------------------------------------------------------------- cover and 目录
    def _cover(self) -> None:
        document, word = self.document, self.word
        for _ in range(5):
            word.add_paragraph()  # clerks push the title down with empty lines

        def line(text: str, size: float, font: str = "黑体", after: float = 12):  # noqa: ANN202
            paragraph = word.add_paragraph()
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            paragraph.paragraph_format.space_after = Pt(after)
            paragraph.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
            run = paragraph.add_run(text)
            run.font.size, run.font.bold = Pt(size), font == "黑体"
            _fonts(run._r.get_or_add_rPr(), font)
            return paragraph

        if self.variant.cover_break:
            # Shift+Enter where the name would wrap: one paragraph, two lines.
            head, tail = document.department[:12], document.department[12:]
            paragraph = line(head, 26)
            paragraph.runs[0].add_break()
            run = paragraph.add_run(tail)
            run.font.size, run.font.bold = Pt(26), True
            _fonts(run._r.get_or_add_rPr(), "黑体")
        else:
            line(document.department, 26)
        line(f"{document.year}年部门预算绩效文本", 26)
        if document.status.value == "草案":
            line("(草案)", 22)
        for _ in range(8):
            word.add_paragraph()
        if document.prepared_by:
            line(f"{document.prepared_by}编制", 16, "仿宋_GB2312", after=6)
        if document.reviewed_by:
            line(f"{document.reviewed_by}审核", 16, "仿宋_GB2312", after=6)

    def _toc_entries(self) -> list[tuple[int, str]]:
        """What the 目录 lists: parts, Part 1 sections, every table title."""
        entries = [(1, "第一部分 部门整体绩效目标"), (2, "一、总体绩效目标"), (2, "二、分项绩效目标"),
                   (2, "三、工作保障措施"), (1, "第二部分 预算项目绩效目标")]
        entries += [(2, f"{self.document.project_number(u, p)}.{project.title}")
                    for u, p, _, project in self.document.projects()]
        return entries

    def _toc(self) -> None:
        word = self.word
        word.add_paragraph("目  录", style="目录标题")
        entries = self._toc_entries()
        if not self.variant.word_tools:
            # Typed: headings of the parts without numbers, the rest with dot leaders.
            for level, text in entries:
                if level == 1:
                    paragraph = word.add_paragraph(text, style="TOC 1")
                    paragraph.paragraph_format.space_before = Pt(6)
                else:
                    word.add_paragraph(f"{text}\t{self.pages.get(text, 0)}", style="TOC 2")
            return
        # Word's 引用 ▸ 目录: one field over all entries, each a hyperlink to a bookmarked
        # heading with a PAGEREF field for its number.
        last = len(entries) - 1
        for index, (level, text) in enumerate(entries):
            paragraph = word.add_paragraph(style=f"TOC {level}")
            if index == 0:
                for xml in (f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="begin"/></w:r>',
                            f'<w:r {nsdecls("w")}><w:instrText xml:space="preserve">{TOC_FIELD}</w:instrText></w:r>',
                            f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="separate"/></w:r>'):
                    paragraph._p.append(parse_xml(xml))
            bookmark = f"_Toc{170000000 + index}"
            link = parse_xml(f'<w:hyperlink {nsdecls("w")} w:anchor="{bookmark}" w:history="1"/>')
            paragraph._p.append(link)
            link.append(parse_xml(f'<w:r {nsdecls("w")}><w:t xml:space="preserve">{text}</w:t></w:r>'))
            link.append(parse_xml(f'<w:r {nsdecls("w")}><w:tab/></w:r>'))
            _field(paragraph, f" PAGEREF {bookmark} \\h ", str(self.pages.get(text, 0)), parent=link)
            if index == last:
                word.add_paragraph()._p.append(parse_xml(
                    f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="end"/></w:r>'))

    # -------------------------------------------------------------- Part 1
    def _part1(self) -> None:
        part1, word, tools = self.document.part1, self.word, self.variant.word_tools
        if tools:
            self._heading("第一部分 部门整体绩效目标", "Heading 1", 1)
        else:
            self._heading("第一部分", "Heading 1", 1).paragraph_format.space_after = Pt(0)
            self.toc[-1] = (1, "第一部分 部门整体绩效目标", self.toc[-1][2])
            word.add_paragraph("部门整体绩效目标", style="Heading 1")
        for number, (title, repeat) in enumerate((("总体绩效目标", True), ("分项绩效目标", True),
                                                 ("工作保障措施", True))):
            self._heading(f"{CN[number]}、{title}", "Heading 2", 2)
            if self.variant.repeat_headings and repeat:
                again = word.add_paragraph(title, style="目录标题")
                again.paragraph_format.space_after = Pt(6)
            if number == 0:
                for text in part1.overall_goal.split("\n"):
                    word.add_paragraph(text, style="正文缩进")
            elif number == 1:
                self._sub_goals()
            else:
                self._measures()

    def _sub_goals(self) -> None:
        word, tools = self.word, self.variant.word_tools
        for index, sub_goal in enumerate(self.document.part1.sub_goals):
            if tools:
                title = word.add_paragraph(sub_goal.title, style="Heading 3")
                _number(title, self.sub_goal_list)
            else:
                word.add_paragraph(f"（{CN[index]}）{sub_goal.title}", style="Heading 3")
            for label, text in (("绩效目标", sub_goal.goal), ("绩效指标", sub_goal.indicators)):
                paragraph = word.add_paragraph(style="正文缩进")
                paragraph.add_run(f"{label}：").bold = True
                paragraph.add_run(text)

    def _measures(self) -> None:
        word, tools = self.word, self.variant.word_tools
        for index, measure in enumerate(self.document.part1.measures):
            if measure.items:
                paragraph = word.add_paragraph(style="正文缩进")
                if tools:
                    paragraph.add_run(measure.text).bold = True
                    _number(paragraph, self.measure_list, 0)
                else:
                    paragraph.add_run(f"{CN[index]}、{measure.text}").bold = True
                for number, item in enumerate(measure.items):
                    sub = word.add_paragraph(style="正文缩进")
                    if tools:
                        sub.add_run(item)
                        _number(sub, self.measure_list, 1)
                    else:
                        sub.add_run(f"（{CN[number]}）{item}")
            else:
                word.add_paragraph(f"（{CN[index]}）{measure.text}", style="正文缩进")

    # -------------------------------------------------------------- Part 2
    def _part2(self) -> None:
        word, document = self.word, self.document
        _page_break_paragraph(word)
        if self.variant.word_tools:
            self._heading("第二部分 预算项目绩效目标", "Heading 1", 1)
        else:
            self._heading("第二部分", "Heading 1", 1).paragraph_format.space_after = Pt(0)
            self.toc[-1] = (1, "第二部分 预算项目绩效目标", self.toc[-1][2])
            word.add_paragraph("预算项目绩效目标", style="Heading 1")
        for u, p, unit, project in document.projects():
            number = document.project_number(u, p)
            if self.variant.word_tools:
                title = self._heading(project.title, "表标题", 2, numbered=f"{number}.")
                title.paragraph_format.page_break_before = True
            else:
                title = self.word.add_paragraph(style="表标题")
                # Ctrl+Enter typed at the start of the title: the break sits in the title's paragraph.
                title.add_run().add_break(WD_BREAK.PAGE)
                title.add_run(f"{number}.{project.title}")
                self.toc.append((2, f"{number}.{project.title}", ""))
            if not self.variant.word_tools:
                self._unit_line(unit.label)
            self._table(project, unit.label)

    def _unit_line(self, label: str) -> None:
        if self.variant.unit_on_two_lines:
            self.word.add_paragraph(label, style="表格文字").alignment = WD_ALIGN_PARAGRAPH.LEFT
            self.word.add_paragraph("单位：万元", style="表格文字").alignment = WD_ALIGN_PARAGRAPH.RIGHT
            return
        paragraph = self.word.add_paragraph(f"{label}\t单位：万元", style="表格文字")
        paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT
        paragraph.paragraph_format.tab_stops.add_tab_stop(TEXT_WIDTH, WD_TAB_ALIGNMENT.RIGHT)
        paragraph.paragraph_format.space_after = Pt(3)

    def _table(self, project, unit_label: str) -> None:  # noqa: ANN001
        tools = self.variant.word_tools
        top = 1 if tools else 0  # the unit line as the table's own borderless first row
        rows = top + 7 + len(project.indicators)
        table = self.word.add_table(rows=rows, cols=7)
        table.style = self.word.styles["Table Grid"]
        table.autofit = False
        _table_properties(table)
        cell = table.cell
        blank = " " if tools else ""  # Fengrun's template leaves a space in empty cells

        def put(r: int, c: int, text: str, to: int | None = None, align=None,  # noqa: ANN001, ANN202
                symbols: bool = False):
            target = cell(top + r, c) if to is None else cell(top + r, c).merge(cell(top + r, to))
            _text(target, text or blank, align, symbols)
            return target

        if tools:
            _text(cell(0, 0).merge(cell(0, 4)), unit_label, WD_ALIGN_PARAGRAPH.LEFT)
            _text(cell(0, 5).merge(cell(0, 6)), "单位：万元", WD_ALIGN_PARAGRAPH.RIGHT)
            _no_borders(table.rows[0], keep_bottom=True)
        code_label = "项目编号" if project.code == "13030624P000011100023" else "项目编码"  # as printed
        put(0, 0, code_label), put(0, 1, project.code, 2), put(0, 3, "项目名称"), put(0, 4, project.name, 6)
        fiscal = "其中：财政    资金" if tools else "其中：财政资金"
        budget = (("预算数", format_amount(project.budget_total)), (fiscal, format_amount(project.budget_fiscal)),
                  ("其他资金", format_amount(project.budget_other)))
        for index, (label, amount) in enumerate(budget):
            put(1, 1 + 2 * index, label), put(1, 2 + 2 * index, amount)
        put(2, 1, project.purpose, 6, WD_ALIGN_PARAGRAPH.LEFT)
        _text(cell(top + 1, 0).merge(cell(top + 2, 0)), "预算规模及资金用途")
        for (start, end), label, value in zip(((1, 2), (3, 4), (5, 5), (6, 6)), project.spending_plan.labels,
                                              project.spending_plan.values):
            put(3, start, label, end if end != start else None)
            put(4, start, "" if value is None else f"{value}%", end if end != start else None)
        _text(cell(top + 3, 0).merge(cell(top + 4, 0)), "资金支出计划（%）")
        put(5, 0, "绩效目标")
        self._goals(cell(top + 5, 1).merge(cell(top + 5, 6)), project.goals)
        for c, text in zip((0, 1, 2, 3, 5, 6), ("一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据")):
            put(6, c, text, 4 if c == 3 else None)
        first = top + 7
        for offset, indicator in enumerate(project.indicators):
            r = 7 + offset
            put(r, 2, indicator.level3), put(r, 3, indicator.description, 4)
            put(r, 5, indicator.value, symbols=tools), put(r, 6, indicator.basis)
        # 一级指标 merged down over its rows, 二级指标 over runs of equal neighbours.
        _merge_runs(table, first, [i.level1 for i in project.indicators], 0)
        _merge_runs(table, first, [(i.level1, i.level2) for i in project.indicators], 1,
                    [i.level2 for i in project.indicators])
        self.word.add_paragraph()  # Word keeps a paragraph after a table

    def _goals(self, target, goals: list[str]) -> None:  # noqa: ANN001
        paragraphs = []
        if self.variant.goals_numbered_by_word:
            num_id = self.lists.instance(self.goal_list, restart=True)  # a new list, restarted at 1
            texts = goals
        elif len(goals) > 1 and any(g.startswith("<p>") for g in goals):
            # Pasted from the web form: one paragraph, numbers inside the markup.
            texts = [" ".join(f"<p>{n}.{g[3:]}" for n, g in enumerate(goals, start=1))]
        elif not self.variant.word_tools and len(goals) > 1 and len(" ".join(goals)) < 60:
            texts = [" ".join(f"{n}.{g}" for n, g in enumerate(goals, start=1))]  # typed on one line
        else:
            texts = [f"{n}.{g}" for n, g in enumerate(goals, start=1)]
        _text(target, texts[0], WD_ALIGN_PARAGRAPH.LEFT)
        paragraphs.append(target.paragraphs[0])
        for text in texts[1:]:
            paragraph = target.add_paragraph(style="表格文字")
            paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT
            paragraph.add_run(text)
            paragraphs.append(paragraph)
        if self.variant.goals_numbered_by_word:
            for paragraph in paragraphs:
                _number(paragraph, num_id)
        if self.variant.word_tools:
            target.add_paragraph(style="表格文字")  # the template's empty lines under the goals
            target.add_paragraph(style="表格文字")


def _text(cell, text: str, align=None, symbols: bool = False) -> None:  # noqa: ANN001
    """The cell's text in one paragraph of the table style (merges leave stray paragraphs)."""
    for extra in cell.paragraphs[1:]:
        extra._p.getparent().remove(extra._p)
    paragraph = cell.paragraphs[0]
    for run in paragraph.runs:
        run._r.getparent().remove(run._r)
    paragraph.style = "表格文字"
    if align is not None:
        paragraph.alignment = align
    _runs(paragraph, text, symbols)
    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER


def _merge_runs(table, first: int, keys: list, column: int, texts: list[str] | None = None) -> None:  # noqa: ANN001
    texts = texts or keys
    start = 0
    for end in range(1, len(keys) + 1):
        if end == len(keys) or keys[end] != keys[start]:
            merged = table.cell(first + start, column)
            if end - 1 > start:
                merged = merged.merge(table.cell(first + end - 1, column))
            _text(merged, texts[start])
            start = end


def _table_properties(table) -> None:  # noqa: ANN001
    """Fixed column widths and a single 0.5 pt border on every side of every cell."""
    tbl = table._tbl
    properties = tbl.tblPr
    for tag in ("w:tblW", "w:tblBorders", "w:tblLayout"):
        found = properties.find(qn(tag))
        if found is not None:
            properties.remove(found)
    properties.append(parse_xml(f'<w:tblW {nsdecls("w")} w:w="{int(TEXT_WIDTH.twips)}" w:type="dxa"/>'))
    sides = "".join(f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
                    for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
    properties.append(parse_xml(f'<w:tblBorders {nsdecls("w")}>{sides}</w:tblBorders>'))
    properties.append(parse_xml(f'<w:tblLayout {nsdecls("w")} w:type="fixed"/>'))
    margins = "".join(f'<w:{side} w:w="{twips}" w:type="dxa"/>'
                      for side, twips in (("top", 28), ("left", 85), ("bottom", 28), ("right", 85)))
    properties.append(parse_xml(f'<w:tblCellMar {nsdecls("w")}>{margins}</w:tblCellMar>'))
    _order(properties)
    for column, width in zip(tbl.tblGrid.findall(qn("w:gridCol")), COLUMNS_CM):
        column.set(qn("w:w"), str(int(Cm(width).twips)))
    for row in table.rows:
        for c, tc in enumerate(row._tr.tc_lst):
            tc.width = Cm(COLUMNS_CM[c])


TBLPR_ORDER = ["w:tblStyle", "w:tblpPr", "w:tblOverlap", "w:bidiVisual", "w:tblStyleRowBandSize",
               "w:tblStyleColBandSize", "w:tblW", "w:jc", "w:tblCellSpacing", "w:tblInd", "w:tblBorders",
               "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook"]


def _order(properties) -> None:  # noqa: ANN001
    # Word refuses a file whose tblPr children are out of the schema's order.
    rank = {qn(tag): index for index, tag in enumerate(TBLPR_ORDER)}
    children = sorted(properties, key=lambda child: rank.get(child.tag, len(rank)))
    for child in children:
        properties.append(child)


def _no_borders(row, keep_bottom: bool) -> None:  # noqa: ANN001
    for tc in row._tr.tc_lst:
        tc_pr = tc.get_or_add_tcPr()
        sides = "".join(f'<w:{side} w:val="nil"/>' for side in ("top", "left", "right"))
        if not keep_bottom:
            sides += '<w:bottom w:val="nil"/>'
        borders = parse_xml(f'<w:tcBorders {nsdecls("w")}>{sides}</w:tcBorders>')
        width = tc_pr.find(qn("w:gridSpan"))
        (width if width is not None else tc_pr.find(qn("w:tcW"))).addnext(borders)


# ------------------------------------------------------------------------ printing and 目录 numbers
# The fonts a county office has are not on a build machine: the names the document asks for
# (宋体, 仿宋_GB2312, 楷体_GB2312 and 黑体) are pointed at free look-alikes for the print only,
# a Song (Ming) face for the body and a Hei face for headings, instead of one fallback for all.
FONTS_CONF = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  {aliases}
</fontconfig>
"""
FONT_STAND_INS = {"宋体": "AR PL UMing CN", "SimSun": "AR PL UMing CN", "仿宋_GB2312": "AR PL UMing CN",
                  "仿宋": "AR PL UMing CN", "楷体_GB2312": "AR PL UMing CN", "黑体": "WenQuanYi Micro Hei",
                  "SimHei": "WenQuanYi Micro Hei"}


def convert(path: Path, out_dir: Path) -> Path:
    aliases = "\n  ".join(f'<alias binding="same"><family>{name}</family><prefer><family>{font}</family></prefer>'
                           "</alias>" for name, font in FONT_STAND_INS.items())
    conf = out_dir / "fonts.conf"
    conf.write_text(FONTS_CONF.format(aliases=aliases), encoding="utf-8")
    profile = out_dir / "profile"  # a fresh LibreOffice profile: no state from the user's
    subprocess.run(["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(out_dir), str(path)],
                   check=True, capture_output=True, timeout=300, env={**os.environ, "FONTCONFIG_FILE": str(conf)})
    return out_dir / (path.stem + ".pdf")


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def heading_pages(pdf: Path, headings: list[str]) -> dict[str, int]:
    """The printed page number ("— n —" footer) of the page each heading first appears on."""
    text = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    numbered = []
    for page in text.split("\f"):
        footer = re.search(r"^\s*—\s*(\d+)\s*—\s*$", page, re.MULTILINE)
        if footer:  # the body; the cover and 目录 have no number
            numbered.append((int(footer.group(1)), _squeeze(page)))
    found = {}
    for heading in headings:
        key = _squeeze(heading)
        found[heading] = next(number for number, page in numbered if key in page)
    return found


def make(name: str, out_dir: Path) -> None:
    build, variant = FIXTURES[name]
    pages: dict[str, int] = {}
    with tempfile.TemporaryDirectory() as scratch:
        for _ in range(4):
            path = out_dir / f"{name}.docx"
            toc = Writer(build(), variant, pages).write(path)
            pdf = convert(path, Path(scratch))
            found = heading_pages(pdf, [text for _, text, _ in toc])
            if found == pages:
                break
            pages = found
        else:
            raise RuntimeError(f"{name}: the 目录's page numbers do not settle")
        (out_dir / f"{name}.pdf").write_bytes(pdf.read_bytes())
    print(f"{name}: {path.stat().st_size // 1024} KB docx, {(out_dir / f'{name}.pdf').stat().st_size // 1024} KB pdf,"
          f" pages {pages}")


def main() -> None:
    for name in (sys.argv[1:] or FIXTURES):
        make(name, HERE)


if __name__ == "__main__":
    main()
