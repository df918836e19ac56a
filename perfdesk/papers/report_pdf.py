"""The 审核意见 as a paper to send back: one checked file's findings as an A4 PDF.

``perfdesk check FILE --report OUT.pdf`` writes it. The reviewer prints it, signs it and
returns it with the clerk's workbook: a title naming the department and year, the file, the
date and the reviewer (or a line to sign on), the counts, then the findings about the text
as a whole (一、全文) and project by project (二、项目) in the order the projects are printed,
each with the sheet and cell of the clerk's own workbook, and last the findings the bureau
accepted (已核实保留) with their reasons. A project is listed when it has an open finding or
when the bureau recorded a status or a comment on it.

The paper itself (fonts, styles, page numbers, tables, the atomic write) is
:mod:`perfdesk.pdf.paper`'s, so the report prints with the export's embedded TrueType fonts.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from perfdesk.errors import PerfdeskError
from perfdesk.model import Document, ReviewStatus
from perfdesk.papers.checked import CheckedFile
from perfdesk.papers.locate import Located
from perfdesk.pdf.fonts import FontPaths, FontSet
from perfdesk.pdf.linebreak import ChineseParagraph
from perfdesk.pdf.paper import (PaperStyles, kept_together, paper_date, paper_fonts, paragraph, pdf_target, ruled,
                                write_paper)

SIGN_HERE = "________________"
NOTHING_FOUND = "未发现问题。"
# 序号 | 位置 | 问题 | 严重程度, 170 mm: the frame. The accepted list trades 严重程度 (shown in 问题)
# and some of 问题 for 保留理由.
FINDING_COLUMNS = [w * mm for w in (12, 56, 82, 20)]
ACCEPTED_COLUMNS = [w * mm for w in (12, 56, 62, 40)]


@dataclass
class _ProjectPart:
    """One project as the report lists it: heading words, the bureau's marks, open findings."""

    number: int
    code: str
    name: str
    unit: str = ""
    status: ReviewStatus | None = None  # None: the document was not kept, the status is unknown
    comment: str = ""
    findings: list[Located] = field(default_factory=list)

    @property
    def listed(self) -> bool:
        reviewed = self.status not in (None, ReviewStatus.UNREVIEWED) or bool(self.comment.strip())
        return bool(self.findings) or reviewed


def _project_parts(checked: CheckedFile) -> list[_ProjectPart]:
    """Every project that has something to say, in print order."""
    parts: dict[int, _ProjectPart] = {}
    document: Document | None = checked.document
    if document is not None:
        for u, p, unit, project in document.projects():
            number = document.project_number(u, p)
            parts[number] = _ProjectPart(number, project.code.strip(), project.name.strip(), unit.label.strip(),
                                         project.review.status, project.review.comment)
    for item in checked.open:
        number = item.finding.number
        if number is None:
            continue
        if number not in parts:  # no document kept: the finding itself names its project
            parts[number] = _ProjectPart(number, item.finding.project_code or "", item.project_name or "")
        parts[number].findings.append(item)
    return [parts[number] for number in sorted(parts) if parts[number].listed]


class _Styles(PaperStyles):
    """The paper's styles, and 错误 in bold: it stands out in black and white."""

    def __init__(self, fonts: FontSet) -> None:
        super().__init__(fonts)
        self.error = ParagraphStyle("report_error", parent=self.cell_centre, fontName=fonts.heading)


class _Report:
    def __init__(self, checked: CheckedFile, fonts: FontSet, reviewer: str | None, date: datetime.date) -> None:
        self.checked, self.fonts, self.reviewer, self.date = checked, fonts, reviewer, date
        self.s = _Styles(fonts)
        # A department of one unit has it on every table; naming it per project would be noise.
        self.several_units = checked.document is not None and len(checked.document.units) > 1

    def text(self, text: str, style: ParagraphStyle) -> ChineseParagraph:
        return paragraph(self.fonts, text, style)

    def title(self) -> str:
        checked, document = self.checked, self.checked.document
        department = document.department if document is not None else checked.facts.department if checked.facts else ""
        year = document.year if document is not None else checked.facts.year if checked.facts else None
        return f"{department.strip()}{f'{year}年度' if year else ''}部门预算绩效文本审核意见"

    def project_count(self) -> int:
        if self.checked.document is not None:
            return self.checked.document.project_count()
        return self.checked.facts.projects if self.checked.facts else 0

    # ------------------------------------------------------------------ pieces
    def head(self) -> list:
        s = self.s
        reviewer = (self.reviewer or "").strip() or SIGN_HERE
        counts = self.checked.counts()
        return [
            self.text(self.title(), s.title),
            self.text(f"文件：{Path(self.checked.name).name}", s.line),
            self.text(f"审核日期：{paper_date(self.date)}　　审核人：{reviewer}", s.line),
            self.text(f"共 {self.project_count()} 个项目；错误 {counts['error']} 个，警告 {counts['warning']} 个，"
                      f"提示 {counts['hint']} 个，已核实保留 {len(self.checked.accepted)} 个。", s.line),
        ]

    def finding_rows(self, items: list[Located]) -> list[list]:
        s = self.s
        rows = [[self.text(word, s.header) for word in ("序号", "位置", "问题", "严重程度")]]
        for n, item in enumerate(items, 1):
            label = item.finding.severity.label
            rows.append([self.text(str(n), s.cell_centre), self.text(_where(item), s.cell),
                         self.text(item.finding.message, s.cell),
                         self.text(label, s.error if label == "错误" else s.cell_centre)])
        return rows

    def accepted_rows(self, items: list[Located]) -> list[list]:
        s = self.s
        rows = [[self.text(word, s.header) for word in ("序号", "位置", "问题", "保留理由")]]
        for n, item in enumerate(items, 1):
            # Not grouped by project here: the place names the project itself.
            rows.append([self.text(str(n), s.cell_centre), self.text(item.where() or "全文", s.cell),
                         self.text(f"[{item.finding.severity.label}] {item.finding.message}", s.cell),
                         self.text(item.accepted or "（未写理由）", s.cell)])
        return rows

    def block(self, heads: list, items: list[Located], rows_of: Callable[[list[Located]], list[list]],
              widths: list[float] = FINDING_COLUMNS, empty: str = NOTHING_FOUND) -> list:
        """Headings followed by the table of ``items`` (or by ``empty``), never left alone at
        the foot of a page."""
        if not items:
            return kept_together(heads, self.text(empty, self.s.line))
        font = self.fonts.body
        return kept_together(heads, ruled(rows_of(items), widths, font), ruled(rows_of(items[:2]), widths, font))

    def project_heads(self, part: _ProjectPart) -> list:
        s = self.s
        heading = " ".join(word for word in (f"第 {part.number} 个项目", part.code, part.name) if word)
        marks = []
        if part.unit and self.several_units:
            marks.append(f"预算单位：{part.unit}")
        if part.status is not None:
            marks.append(f"审核状态：{part.status.value}")
        heads: list = [self.text(heading, s.project)]
        if marks:
            heads.append(self.text("　　".join(marks), s.marks))
        if part.comment.strip():
            heads.append(self.text(f"审核意见：{part.comment.strip()}", s.marks))
        return heads

    def story(self) -> list:
        s, checked = self.s, self.checked
        story = self.head()
        whole = [item for item in checked.open if item.finding.number is None]
        projects = _project_parts(checked)
        accepted_title = "已核实保留的问题"
        if not checked.open and not projects:
            story.append(self.text(f"经审核，{NOTHING_FOUND}", s.section))
        else:
            story += self.block([self.text("一、全文", s.section)], whole, self.finding_rows)
            section = [self.text("二、项目", s.section)]
            if not projects:
                story += self.block(section, [], self.finding_rows)
            for part in projects:
                # The section's heading goes with its first project, so that it never ends a page.
                heads, section = section + self.project_heads(part), []
                story += self.block(heads, part.findings, self.finding_rows, empty="未发现其他问题。")
            accepted_title = f"三、{accepted_title}"
        if checked.accepted:
            story += self.block([self.text(f"{accepted_title}（不计入上述问题）", s.section)],
                                checked.accepted, self.accepted_rows, ACCEPTED_COLUMNS)
        return story


def _where(item: Located) -> str:
    """The cell first, then the place in words without the project (the heading names it)."""
    words = item.finding.place(with_project=False)
    if item.place is None:
        return words or "—"
    # The cell on a line of its own: a reviewer with the workbook open reads it first.
    return f"{item.place}\n{words}" if words else str(item.place)


def write_report(checked: CheckedFile, target: Path, reviewer: str | None = None,
                 date: datetime.date | None = None, fonts: FontPaths | None = None) -> None:
    """Write the 审核意见 of ``checked`` to ``target`` (a .pdf), dated ``date`` (default today).

    Raises SaveError for a target that is not a .pdf or cannot be written (the old file is
    left as it was), FontMissingError without a CJK TrueType font, PerfdeskError for a file
    that could not be read.
    """
    target = pdf_target(target, "审核意见")
    if checked.failure:
        raise PerfdeskError(f"无法写出审核意见：{checked.failure}")
    font_set = paper_fonts(fonts)
    report = _Report(checked, font_set, reviewer, date or datetime.date.today())
    write_paper(target, report.story(), font_set, title=report.title(), author=(reviewer or "").strip(),
                subject="审核意见", item="审核意见")
