"""Write the document as a Word file (.docx) from the same layout blocks as the PDF.

The blocks (:mod:`perfdesk.layout.blocks`) become paragraphs in the profile's Word styles
(:mod:`perfdesk.word.styles`) and the project tables OOXML tables (:mod:`perfdesk.word.table`).
The cover and the 目录 are a first section without page numbers; the body a second section
numbered from 1, with the profile's page number in the footer (a PAGE field; GB/T 9704's
outer placement uses separate odd and even footers). The 目录 is a real TOC field (Word and
WPS update it), filled with the entries and the page numbers of the PDF laid out with the
same profile, so that it reads right before anyone updates it. Fonts are named, not embedded.
"""

from __future__ import annotations

import io
import os
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO
from xml.sax.saxutils import escape

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import qn

from perfdesk.errors import FontMissingError, SaveError
from perfdesk.layout import blocks
from perfdesk.layout.blocks import Layout, document_layout
from perfdesk.layout.profile import MM, PrintProfile, load_profile
from perfdesk.model import Document
from perfdesk.word.styles import NSDECL, STYLE_OF_ROLE, half_points, run_fonts, twips
from perfdesk.word.table import TableWriter, _printable, _text_runs

TOC_INSTRUCTION = r' TOC \o "1-2" \h \z \u '


@dataclass
class WordResult:
    """What was written: the number of project tables, the 目录's page numbers (from the PDF
    layout; empty if it could not be laid out) and remarks for the clerk."""

    tables: int
    pages: dict[str, int] = field(default_factory=dict)  # heading key -> printed page
    notes: list[str] = field(default_factory=list)


def _paragraph(style_id: str, content: str, *, page_break: bool = False, keep: bool = False,
               extra: str = "") -> str:
    breaks = "<w:pageBreakBefore/>" if page_break else ""
    keep_next = "<w:keepNext/>" if keep else ""
    return (f'<w:p {NSDECL}><w:pPr><w:pStyle w:val="{style_id}"/>{keep_next}{breaks}{extra}</w:pPr>'
            f"{content}</w:p>")


def _field(instruction: str, shown: str) -> tuple[str, str]:
    """The runs that open a field up to its shown result, and the run that closes it."""
    begin = ('<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
             f'<w:r><w:instrText xml:space="preserve">{escape(instruction)}</w:instrText></w:r>'
             f'<w:r><w:fldChar w:fldCharType="separate"/></w:r>{shown}')
    return begin, '<w:r><w:fldChar w:fldCharType="end"/></w:r>'


class _Writer:
    def __init__(self, layout: Layout, profile: PrintProfile, pages: dict[str, int]) -> None:
        self.layout, self.profile, self.pages = layout, profile, pages
        self.tables = TableWriter(profile)
        self.parts: list[str] = []
        self.page_break = False

    def style(self, role: str) -> str:
        return STYLE_OF_ROLE[role][0]

    def add(self, style_id: str, content: str, **options) -> None:
        self.parts.append(_paragraph(style_id, content, page_break=self.page_break, **options))
        self.page_break = False

    def contents(self, entries: list[blocks.ContentsEntry]) -> None:
        for index, entry in enumerate(entries):
            page = self.pages.get(entry.key)
            shown = f'<w:r><w:t xml:space="preserve">{escape(_printable(entry.title))}</w:t></w:r>'
            if page is not None:
                shown += f"<w:r><w:tab/></w:r><w:r><w:t>{page}</w:t></w:r>"
            begin, end = _field(TOC_INSTRUCTION, "")
            content = (begin if index == 0 else "") + shown + (end if index == len(entries) - 1 else "")
            self.add("TOC1" if entry.level == 0 else "TOC2", content)

    def section_break(self) -> None:
        """End the unnumbered first section (cover and 目录) here."""
        self.parts.append(f'<w:p {NSDECL}><w:pPr><w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/>'
                          f"{self.section_properties(numbered=False)}</w:pPr></w:p>")

    def section_properties(self, numbered: bool) -> str:
        profile = self.profile
        width, height = (twips(size) for size in profile.page_size)
        margins = {side: twips(profile.margin(side)) for side in ("top", "left", "bottom", "right")}
        number = profile.page_number
        # The footer's text stands on its baseline; Word places the footer by its bottom edge.
        footer = max(0, twips(number.baseline(profile.margin("bottom")) - 0.25 * number.size))
        grid = (f'<w:docGrid w:type="lines" w:linePitch="{twips(profile.line_grid)}"/>' if profile.line_grid
                else '<w:docGrid w:type="default" w:linePitch="312"/>')
        start = '<w:pgNumType w:start="1"/>' if numbered else ""
        return (f'<w:sectPr {NSDECL}><w:type w:val="nextPage"/><w:pgSz w:w="{width}" w:h="{height}"/>'
                f'<w:pgMar w:top="{margins["top"]}" w:right="{margins["right"]}" w:bottom="{margins["bottom"]}" '
                f'w:left="{margins["left"]}" w:header="851" w:footer="{footer}" w:gutter="0"/>'
                f'{start}<w:cols w:space="425"/>{grid}</w:sectPr>')

    def write(self) -> list[str]:
        items = self.layout.blocks
        index = 0
        while index < len(items):
            block = items[index]
            if isinstance(block, blocks.ContentsEntry):
                run = index
                while run < len(items) and isinstance(items[run], blocks.ContentsEntry):
                    run += 1
                self.contents(items[index:run])
                index = run
                continue
            if isinstance(block, blocks.Paragraph):
                self.add(self.style(block.role), _text_runs(block.text))
            elif isinstance(block, blocks.Heading):
                self.add(self.style(block.role), _text_runs(block.text))
            elif isinstance(block, blocks.Space):
                self.add("Normal", "", extra=(f'<w:spacing w:before="0" w:after="0" w:line="{twips(block.mm * MM)}" '
                                              'w:lineRule="exact"/>'))
            elif isinstance(block, blocks.NewPage):
                if block.section == "body":
                    self.section_break()
                else:
                    self.page_break = True
            elif isinstance(block, blocks.UnitLine):
                self.add("perfdeskUnitLine", _text_runs(block.left) + "<w:r><w:tab/></w:r>" + _text_runs(block.right),
                         keep=True)
            elif isinstance(block, blocks.ProjectTable):
                self.parts += self.tables.tables(block)
            index += 1
        # A body ends with a paragraph (Word asks to repair one that ends with a table).
        self.parts.append(f'<w:p {NSDECL}><w:pPr><w:spacing w:before="0" w:after="0" w:line="20" '
                          'w:lineRule="exact"/></w:pPr></w:p>')
        return self.parts


def _footer(section, profile: PrintProfile, even: bool) -> None:
    number = profile.page_number
    footer = section.even_page_footer if even else section.footer
    footer.is_linked_to_previous = False
    paragraph = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
    before, _, after = number.format.partition("{n}")
    size = half_points(number.size)
    font = profile.font_role(number.font).word_name
    rpr = f'<w:rPr>{run_fonts(font)}<w:sz w:val="{size}"/><w:szCs w:val="{size}"/></w:rPr>'

    def text(value: str) -> str:
        return f'<w:r>{rpr}<w:t xml:space="preserve">{escape(value)}</w:t></w:r>' if value else ""

    begin, end = _field(" PAGE ", "<w:r><w:t>1</w:t></w:r>")
    begin, end = (part.replace("<w:r>", f"<w:r>{rpr}") for part in (begin, end))
    inset = twips(number.indent_chars * number.size)
    if number.placement == "outer":  # odd pages at the right, even pages at the left, one character in
        jc, ind = ("left", f'<w:ind w:left="{inset}" w:firstLine="0"/>') if even else \
            ("right", f'<w:ind w:right="{inset}" w:firstLine="0"/>')
    else:
        jc, ind = "center", '<w:ind w:firstLine="0"/>'
    element = parse_xml(f'<w:p {NSDECL}><w:pPr><w:spacing w:before="0" w:after="0"/>{ind}<w:jc w:val="{jc}"/></w:pPr>'
                        f"{text(before)}{begin}{end}{text(after)}</w:p>")
    paragraph._p.addnext(element)
    paragraph._p.getparent().remove(paragraph._p)


def build_docx(layout: Layout, profile: PrintProfile, pages: dict[str, int]) -> bytes:
    """The .docx of a laid-out document, in memory."""
    from perfdesk.word.styles import apply_styles

    word = docx.Document()
    apply_styles(word, profile)
    body = word.element.body
    for child in list(body):
        body.remove(child)
    writer = _Writer(layout, profile, pages)
    for xml in writer.write():
        body.append(parse_xml(xml))
    body.append(parse_xml(writer.section_properties(numbered=True)))
    section = word.sections[-1]
    if profile.page_number.placement == "outer":
        word.settings.odd_and_even_pages_header_footer = True
        _footer(section, profile, even=True)
    _footer(section, profile, even=False)
    properties = word.core_properties
    properties.title, properties.author, properties.subject = layout.title, layout.author, "部门预算绩效文本"
    properties.comments = f"perfdesk 导出；版式：{profile.label}"
    # Chinese proofing language, so Word does not underline every line as misspelt English.
    settings = word.settings.element
    if settings.find(qn("w:themeFontLang")) is not None:
        settings.find(qn("w:themeFontLang")).set(qn("w:eastAsia"), "zh-CN")
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


def heading_pages(layout: Layout, profile: PrintProfile, fonts=None,
                  jobs: int | None = None) -> tuple[dict[str, int], list[str]]:
    """The printed page of every heading as the PDF with this profile lays it out (the pages
    are laid out, on all cores for a large document, but no PDF is put together)."""
    from perfdesk.pdf.export import render_pdf

    try:
        _, result = render_pdf(layout, profile, fonts, jobs=jobs, pdf=False)
    except FontMissingError:
        return {}, ["本机没有可用于排版的中文字体，目录中没有填入页码：请在 Word 或 WPS 中右键目录选择“更新域”。"]
    return {heading.key: heading.page for heading in result.headings}, []


def export_docx(document: Document, target: str | os.PathLike | BinaryIO, project_codes: list[str] | None = None,
                profile: str | PrintProfile | None = None, fonts=None, jobs: int | None = None) -> WordResult:
    """Write the document (or the tables of ``project_codes``) as a .docx to ``target``, set by
    the print ``profile``. The old file is replaced only by a complete new one."""
    if not hasattr(target, "write"):
        _refuse_overwriting_other_files(Path(target))
    chosen = profile if isinstance(profile, PrintProfile) else load_profile(profile)
    layout = document_layout(document, project_codes, chosen.cover_space_mm)
    pages, notes = heading_pages(layout, chosen, fonts, jobs) if layout.whole else ({}, [])
    data = build_docx(layout, chosen, pages)
    if hasattr(target, "write"):
        target.write(data)
    else:
        from perfdesk.pdf.export import _write_atomically

        _write_atomically(Path(target), data, suffix=".docx")
    return WordResult(tables=len(layout.entries), pages=pages, notes=notes)


def _refuse_overwriting_other_files(path: Path) -> None:
    """A slip in the file name must not replace a workbook (or anything but a Word file) by a .docx."""
    if not path.is_file():
        return
    if path.suffix.lower() == ".docx" and zipfile.is_zipfile(path):
        try:
            with zipfile.ZipFile(path) as archive:
                if "word/document.xml" in archive.namelist():
                    return
        except (OSError, zipfile.BadZipFile):
            return
    elif path.suffix.lower() == ".docx":
        return  # a damaged earlier export
    raise SaveError(f"“{path}”已存在，而且不是 Word 文件（可能是工作簿），导出不会覆盖它。请换一个以 .docx 结尾的文件名。")
