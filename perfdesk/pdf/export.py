"""Print a document as the official 部门预算绩效文本 PDF: cover, 目录, Part 1, Part 2 tables.

What is printed, in which order, is :mod:`perfdesk.layout.blocks`' (shared with the Word
writer); how it is set, the print profile's. This module checks that every character can be
printed, has the pages drawn in pieces (:mod:`perfdesk.pdf.pages`; on all cores for a large
document, :mod:`perfdesk.pdf.parallel`) and put together (:mod:`perfdesk.pdf.assemble`).

The PDF is written to a temporary file beside the target and moved into place only when it
is complete, so a failure never leaves a half-written file or destroys the previous one.
"""

from __future__ import annotations

import os
import stat
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, Callable

from perfdesk.errors import FontMissingError, SaveError, describe_error
from perfdesk.layout import blocks
from perfdesk.layout.blocks import Layout, document_layout
from perfdesk.layout.profile import PrintProfile, load_profile
from perfdesk.model import INDICATOR_HEADERS, Document
from perfdesk.pdf.assemble import Numbers, assemble, placed_headings
from perfdesk.pdf.fonts import FontPaths, FontSet, find_profile_fonts
from perfdesk.pdf.layout import HeadingPage
from perfdesk.pdf.pages import DrawnPage, PageStyle, primed_characters, segments
from perfdesk.pdf.parallel import Drawing, jobs_for, make_pieces
from perfdesk.pdf.styles import make_styles

@dataclass
class ExportResult:
    """What was printed: the number of PDF pages and where every heading stands."""

    pages: int
    headings: list[HeadingPage] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # e.g. a font from the settings was not usable

    def page_of(self, title: str) -> int:
        """The printed page number of the first heading with this title."""
        return next(h.page for h in self.headings if h.title == title)


Progress = Callable[[int, int], None]  # (pages laid out, about how many in all: exact at the end)


def export_pdf(document: Document, target: str | os.PathLike | BinaryIO, project_codes: list[str] | None = None,
               fonts: FontPaths | None = None, profile: str | PrintProfile | None = None, *,
               jobs: int | None = None, progress: Progress | None = None,
               cancelled: Callable[[], bool] | None = None,
               first_pages: Callable[[bytes], None] | None = None) -> ExportResult:
    """Write the document (or only the tables of ``project_codes``) as a PDF to ``target``, set
    by the print ``profile`` (a name in resources/profiles, ``compact`` by default).

    ``jobs``: processes laying out pages (None: one per core, one for a small document).
    ``progress(done, total)`` is told as pages are laid out (``total`` is estimated from the
    work done so far, exact at the end); when ``cancelled()`` turns true the
    export stops with :class:`perfdesk.errors.Cancelled` and writes nothing; ``first_pages(pdf)``
    is given, at most once and early, a complete small PDF of the document's first pages (for a
    preview to show while the rest is laid out).

    Raises FontMissingError without a CJK TrueType font, PerfdeskError for an unknown project
    code or profile, SaveError if the file cannot be written (the old file, if any, is left as it was).
    """
    if not hasattr(target, "write"):
        _refuse_overwriting_a_non_pdf(Path(target))
    chosen = profile if isinstance(profile, PrintProfile) else load_profile(profile)
    layout = document_layout(document, project_codes, chosen.cover_space_mm)
    data, result = render_pdf(layout, chosen, fonts, jobs=jobs, progress=progress, cancelled=cancelled,
                              first_pages=first_pages)
    if hasattr(target, "write"):
        target.write(data)
    else:
        _write_atomically(Path(target), data)
    return result


def render_pdf(layout: Layout, profile: PrintProfile, fonts: FontPaths | None = None, *,
               jobs: int | None = None, progress: Progress | None = None,
               cancelled: Callable[[], bool] | None = None,
               first_pages: Callable[[bytes], None] | None = None,
               pdf: bool = True) -> tuple[bytes, ExportResult]:
    """The PDF of a laid-out document, in memory, and where its headings landed (``pdf``
    False: only where they landed, e.g. for the Word file's 目录; the bytes are then empty)."""
    font_set = find_profile_fonts(profile.fonts, fonts)
    ensure_printable(layout, font_set)
    styles = make_styles(font_set, profile)
    style = PageStyle(profile, font_set, primed_characters(layout.blocks, font_set, styles))
    # Page numbers (and the 目录's) need digits, which some Chinese fonts lack: then they come
    # from a font that has them.
    digits = "0123456789"
    numbers = Numbers(
        page_number_font=font_set.font_with(digits + profile.page_number.text(1) + profile.page_number.text(10),
                                            font_set.role(profile.page_number.font)),
        toc_font=font_set.font_with(digits, font_set.body))

    def assembled(pages: list[DrawnPage], drawn_with: PageStyle) -> tuple[bytes, list[HeadingPage]]:
        return assemble(pages, drawn_with, numbers, title=layout.title, author=layout.author)

    def show_first(pages: list[DrawnPage], drawn_with: PageStyle) -> None:
        first_pages(assembled(pages, drawn_with)[0])

    parts = segments(layout)
    count = jobs_for(len(parts), jobs)
    drawing = Drawing(style, make_pieces(parts, count), count, progress=progress, cancelled=cancelled,
                      first_pages=show_first if first_pages is not None and pdf else None)
    pages, style = drawing.run()
    if not pdf:
        return b"", ExportResult(pages=len(pages), headings=placed_headings(pages), notes=list(font_set.notes))
    data, headings = assembled(pages, style)
    return data, ExportResult(pages=len(pages), headings=headings, notes=list(font_set.notes))


def _texts(layout: Layout):
    """(text, where it stands) of everything the layout prints; ``where`` as a clerk finds it."""
    part = heading = ""
    label = {column: name for column, name in enumerate(INDICATOR_HEADERS)}
    label.update({3: INDICATOR_HEADERS[3], 4: INDICATOR_HEADERS[3], 5: INDICATOR_HEADERS[4], 6: INDICATOR_HEADERS[5]})
    for block in layout.blocks:
        if isinstance(block, blocks.Heading):
            if block.level == 0:
                part, heading = block.title, ""
            else:
                heading = block.title
            yield block.text, f"“{block.title}”的标题"
        elif isinstance(block, blocks.ContentsEntry):
            yield block.title, "目录"
        elif isinstance(block, blocks.Paragraph):
            yield block.text, "封面" if not part else "“" + "　".join(filter(None, (part, heading))) + "”"
        elif isinstance(block, blocks.UnitLine):
            yield block.left + block.right, f"“{heading}”的预算单位行"
        elif isinstance(block, blocks.ProjectTable):
            below = False
            for row in block.rows:
                if row is block.header:
                    below = True
                for column, group in row.groups.items():
                    name = label[column] if below else group.text.replace("\n", "")
                    yield group.text, f"项目“{heading}”的{name}"
                previous = ""
                for cell in row.cells:
                    if below:
                        name = label[cell.first]
                    else:
                        name = row.groups[0].text.replace("\n", "") if 0 in row.groups else previous or cell.text
                    yield cell.text, f"项目“{heading}”的{name}"
                    previous = cell.text


def ensure_printable(layout: Layout, fonts: FontSet) -> None:
    """Every character the layout prints has a glyph in the chosen fonts or in an installed font
    brought in for it; else FontMissingError naming the characters and where they stand. The
    document's distinct characters are looked at once (a set), not cell by cell."""
    chars = set()
    for text, _ in _texts(layout):
        chars.update(text)
    missing = fonts.cover(chars)
    if not missing:
        return
    places: dict[str, list[str]] = {}
    for text, where in _texts(layout):
        for char in set(text) & set(missing):
            if where not in places.setdefault(char, []):
                places[char].append(where)
    lines = []
    for char in missing:
        shown = places.get(char, [])
        more = f"等 {len(shown)} 处" if len(shown) > 3 else ""
        lines.append(f"“{char}”（U+{ord(char):04X}）在" + "、".join(shown[:3]) + more)
    raise FontMissingError("本机没有任何字体能打印下列字符，PDF 未导出（否则这些字会印成空白）：\n"
                           + "；\n".join(lines) + "。\n请改用常见的字，或安装含有这些字的 TrueType 字体"
                           "（复制到个人字体文件夹即可，不需要管理员权限）后再导出。")


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


def _write_atomically(path: Path, data: bytes, suffix: str = ".pdf") -> None:
    temporary = None
    try:
        # mkstemp makes the file private (0600); a PDF for the bureau keeps the old file's
        # permissions, or the usual ones for a new file.
        mode = stat.S_IMODE(path.stat().st_mode) if path.is_file() else 0o644
        handle, temporary = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=f"{suffix}.tmp", dir=path.parent or ".")
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
            reason = "没有写入权限，或文件正被其他程序（如 PDF 阅读器或 Word）打开"
        else:
            reason = describe_error(error).rstrip("。")
        raise SaveError(f"无法写入“{path}”：{reason}。原来的文件没有改动。") from None
