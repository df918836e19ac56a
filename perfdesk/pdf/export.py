"""Print a document as the official 部门预算绩效文本 PDF: cover, 目录, Part 1, Part 2 tables.

The PDF is written to a temporary file beside the target and moved into place only when it
is complete, so a failure never leaves a half-written file or destroys the previous one.
"""

from __future__ import annotations

import io
import os
import stat
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from reportlab.platypus import NextPageTemplate, PageBreak, Spacer, Table, TableStyle
from reportlab.platypus.doctemplate import LayoutError
from reportlab.lib.units import mm

from perfdesk.errors import PerfdeskError, SaveError
from perfdesk.model import BudgetUnit, Document, DocumentStatus, Project
from perfdesk.pdf.fonts import FontPaths, FontSet, find_fonts
from perfdesk.pdf.layout import TOC_TITLE_LIMIT, Heading, HeadingPage, PageRecord, TocLine, make_template
from perfdesk.pdf.linebreak import ChineseParagraph
from perfdesk.model.numbering import arabic, bracketed, ordinal
from perfdesk.pdf.project_table import project_table
from perfdesk.pdf.styles import FRAME_WIDTH, Styles, make_styles

PART1_TITLE = ("第一部分", "部门整体绩效目标")
PART2_TITLE = ("第二部分", "预算项目绩效目标")
PART1_HEADINGS = ("总体绩效目标", "分项绩效目标", "工作保障措施")


@dataclass
class ExportResult:
    """What was printed: the number of PDF pages and where every heading stands."""

    pages: int
    headings: list[HeadingPage] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # e.g. a font from the settings was not usable

    def page_of(self, title: str) -> int:
        """The printed page number of the first heading with this title."""
        return next(h.page for h in self.headings if h.title == title)


@dataclass
class _Entry:
    number: int
    unit: BudgetUnit
    project: Project

    @property
    def key(self) -> str:
        return f"project-{self.number}"

    @property
    def title(self) -> str:
        return f"{arabic(self.number)}{self.project.title}"


def _chosen(document: Document, codes: list[str] | None) -> list[_Entry]:
    entries = [_Entry(document.project_number(u, p), unit, project) for u, p, unit, project in document.projects()]
    if codes is None:
        return entries
    if not codes:
        raise PerfdeskError("没有选择要导出的项目。")
    wanted = [code.strip() for code in codes]
    known = {entry.project.code.strip() for entry in entries}
    missing = [code for code in wanted if code not in known]
    if missing:
        raise PerfdeskError("文档中没有项目编码为“" + "”、“".join(missing) + "”的项目，未导出。")
    return [entry for entry in entries if entry.project.code.strip() in wanted]


class _Builder:
    def __init__(self, document: Document, fonts: FontSet, record: PageRecord) -> None:
        self.document, self.fonts, self.record = document, fonts, record
        self.styles: Styles = make_styles(fonts)

    def text(self, text: str, style) -> ChineseParagraph:
        return ChineseParagraph(self.fonts.markup(text, style.fontName), style)

    def heading(self, text: str, style, key: str, level: int, in_toc: bool, title: str | None = None) -> Heading:
        return Heading(self.fonts.markup(text, style.fontName), style, key=key, title=title or text,
                       level=level, record=self.record, in_toc=in_toc)

    def lines(self, text: str, style) -> list[ChineseParagraph]:
        """Free text: one paragraph per non-empty line (numbered items stay items)."""
        return [self.text(line.strip(), style) for line in text.splitlines() if line.strip()]

    # ------------------------------------------------------------------ pieces
    def cover(self) -> list:
        doc, s = self.document, self.styles
        story: list = [Spacer(1, 55 * mm), self.text(doc.department, s.cover_title), Spacer(1, 10 * mm)]
        year = f"{doc.year}年" if doc.year else ""
        story.append(self.text(f"{year}部门预算绩效文本", s.cover_subtitle))
        if doc.status == DocumentStatus.DRAFT:
            story.append(self.text("（草案）", s.cover_subtitle))
        story.append(Spacer(1, 70 * mm))
        for who, role in ((doc.prepared_by, "编制"), (doc.reviewed_by, "审核")):
            if who.strip():
                line = who.strip() if who.strip().endswith(role) else f"{who.strip()}{role}"
                story.append(self.text(line, s.cover_line))
        return story

    def contents(self, entries: list[_Entry]) -> list:
        s = self.styles
        story: list = [self.text("目　录", s.toc_title), self.text(" ".join(PART1_TITLE), s.toc_part)]
        for n, name in enumerate(PART1_HEADINGS, 1):
            story.append(TocLine(self.fonts.markup(f"{ordinal(n)}{name}"), s.toc_entry, f"part1-{n}"))
        story.append(self.text(" ".join(PART2_TITLE), s.toc_part))
        for entry in entries:
            title = entry.title
            if len(title) > TOC_TITLE_LIMIT:
                title = title[:TOC_TITLE_LIMIT] + "…"
            story.append(TocLine(self.fonts.markup(title), s.toc_entry, entry.key))
        return story

    def part1(self) -> list:
        s, part1 = self.styles, self.document.part1
        story: list = [self.heading("\n".join(PART1_TITLE), s.part_title, "part1", 0, False, " ".join(PART1_TITLE))]
        headings = [self.heading(f"{ordinal(n)}{name}", s.heading, f"part1-{n}", 1, True)
                    for n, name in enumerate(PART1_HEADINGS, 1)]
        story += [headings[0], *self.lines(part1.overall_goal, s.body)]
        story.append(headings[1])
        for n, sub_goal in enumerate(part1.sub_goals, 1):
            story.append(self.text(f"{bracketed(n)}{sub_goal.title}", s.subheading))
            if sub_goal.goal.strip():
                story += self.lines(f"绩效目标：{sub_goal.goal}", s.body)
            if sub_goal.indicators.strip():
                story += self.lines(f"绩效指标：{sub_goal.indicators}", s.body)
        story.append(headings[2])
        # Measures with sub-items read 一、 with （一） items; plain measures read （一）.
        nested = any(measure.items for measure in part1.measures)
        for n, measure in enumerate(part1.measures, 1):
            number = ordinal(n) if nested else bracketed(n)
            story += self.lines(f"{number}{measure.text}", s.subheading if nested else s.item)
            for m, item in enumerate(measure.items, 1):
                story += self.lines(f"{bracketed(m)}{item}", s.item)
        return story

    def part2(self, entries: list[_Entry], level: int, with_title: bool) -> list:
        s = self.styles
        story: list = []
        if with_title:
            story.append(self.heading("\n".join(PART2_TITLE), s.part2_title, "part2", 0, False, " ".join(PART2_TITLE)))
        for index, entry in enumerate(entries):
            if index > 0:
                story.append(PageBreak())
            story.append(self.heading(entry.title, s.table_title, entry.key, level, True))
            unit_line = Table([[self.text(entry.unit.label, s.unit_left), self.text("单位：万元", s.unit_right)]],
                              colWidths=[FRAME_WIDTH * 0.75, FRAME_WIDTH * 0.25], hAlign="LEFT",
                              style=TableStyle([("FONTNAME", (0, 0), (-1, -1), s.unit_left.fontName),
                                                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                                                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                                                ("VALIGN", (0, 0), (-1, -1), "BOTTOM")]))
            unit_line.keepWithNext = True
            story += [unit_line, project_table(entry.project, self.fonts, s)]
        return story


def _story(builder: _Builder, entries: list[_Entry], whole: bool) -> list:
    if not whole:  # chosen projects only: their tables, numbered pages from the first
        return builder.part2(entries, 0, with_title=False)
    return [
        *builder.cover(), NextPageTemplate("front"), PageBreak(),
        *builder.contents(entries), NextPageTemplate("body"), PageBreak(),
        *builder.part1(), PageBreak(),
        *builder.part2(entries, 1, with_title=True),
    ]


def export_pdf(document: Document, target: str | os.PathLike | BinaryIO, project_codes: list[str] | None = None,
               fonts: FontPaths | None = None) -> ExportResult:
    """Write the document (or only the tables of ``project_codes``) as a PDF to ``target``.

    Raises FontMissingError without a CJK TrueType font, PerfdeskError for an unknown project
    code, SaveError if the file cannot be written (the old file, if any, is left as it was).
    """
    if not hasattr(target, "write"):
        _refuse_overwriting_a_non_pdf(Path(target))
    font_set = find_fonts(fonts)
    entries = _chosen(document, project_codes)
    record = PageRecord(body_font=font_set.body)
    if project_codes is not None:
        record.body_first = 1
    buffer = io.BytesIO()
    template = make_template(buffer, record, title=document.title, author=document.department,
                             first="cover" if project_codes is None else "body")
    builder = _Builder(document, font_set, record)
    try:
        template.build(_story(builder, entries, whole=project_codes is None))
    except LayoutError as error:
        raise PerfdeskError(f"排版失败：有一段内容无法放进 A4 页面（{error}）。请缩短过长的单元格文字后再导出。") from None
    data = buffer.getvalue()
    if hasattr(target, "write"):
        target.write(data)
    else:
        _write_atomically(Path(target), data)
    return ExportResult(pages=record.last_page, headings=record.headings, notes=list(font_set.notes))


def _refuse_overwriting_a_non_pdf(path: Path) -> None:
    """``export a.xlsx a.xlsx`` (or a slip in the save dialog) must not replace a workbook by a PDF."""
    if not path.is_file() or path.suffix.lower() == ".pdf":
        return  # a new file, or an older (perhaps damaged) PDF export
    try:
        with open(path, "rb") as handle:
            head = handle.read(5)
    except OSError:
        return  # unreadable: writing will say why
    if head and head != b"%PDF-":
        raise SaveError(f"“{path}”已存在，而且不是 PDF 文件（可能是工作簿或文档），导出不会覆盖它。"
                        "请换一个以 .pdf 结尾的文件名。")


def _write_atomically(path: Path, data: bytes) -> None:
    temporary = None
    try:
        # mkstemp makes the file private (0600); a PDF for the bureau keeps the old file's
        # permissions, or the usual ones for a new file.
        mode = stat.S_IMODE(path.stat().st_mode) if path.is_file() else 0o644
        handle, temporary = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=".pdf.tmp", dir=path.parent or ".")
        os.chmod(temporary, mode)
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except OSError as error:
        if temporary and os.path.exists(temporary):
            os.unlink(temporary)
        if isinstance(error, FileNotFoundError) or not path.parent.is_dir():
            reason = f"文件夹“{path.parent}”不存在"
        elif path.is_dir():
            reason = "同名的文件夹已存在，请换一个文件名"
        elif isinstance(error, PermissionError):
            reason = "没有写入权限，或文件正被其他程序（如 PDF 阅读器）打开"
        else:
            reason = f"写入出错（{error.strerror or error}），磁盘可能已满"
        raise SaveError(f"无法写入“{path}”：{reason}。原来的文件没有改动。") from None
