"""The text of a 绩效目标表 cell, laid out and drawn without a ReportLab Paragraph.

A Paragraph per cell (some seventy per project) cost more than the rest of an export: its
markup parsed by html.parser, its lines built as ReportLab's line structures, each drawn
through a Table cell. A :class:`CellText` holds the runs of (font, text) that
:meth:`perfdesk.pdf.fonts.FontSet.runs` gives (the same decisions as the markup: one piece of
code makes them), breaks them into lines by linebreak.py's rules (``_Text``, measured with
``char_widths``), and :func:`draw_cells` writes a chunk's cells in one piece, choosing a font
only when it changes within a cell.

Everything the Paragraph in a Table cell did, a CellText does the same way, because the PDF
must not change: the same line breaks (one run, or several fonts and line breaks), the same
height (lines × leading), the same split of a cell taller than a page (never one line alone;
the rest re-broken as ReportLab re-breaks it, even its quirks: joined without the spaces
that ended lines, or with a space after every line when the cell has several fragments), and
every glyph on the very same point (tests/unit/test_pdf_cells.py; benchmarks/pdf_cells.py).
"""

from __future__ import annotations

from itertools import accumulate

from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.rl_accel import fp_str
from reportlab.lib.styles import ParagraphStyle

from perfdesk.pdf.linebreak import _SPACE, _Text, char_widths

_FUZZ = 1e-6  # ReportLab's: no room to split into

Run = tuple  # (font name, text); font None: a line break
Line = tuple  # (room left over, runs, ends with a line break)


class CellText:
    """A cell's runs in a cell style (font size, leading, alignment, lastLineMin), and its lines
    at the last width it was laid out at. ``lines`` given: a part of a split cell that keeps
    the lines it had."""

    __slots__ = ("frags", "style", "_width", "_lines", "_fixed")

    def __init__(self, frags: list[Run], style: ParagraphStyle, lines: list[Line] | None = None) -> None:
        self.frags = frags
        self.style = style
        self._fixed = lines
        self._width: float | None = None
        self._lines: list[Line] = []

    def __repr__(self) -> str:
        return f"CellText({''.join(text for _, text in self.frags)!r})"

    @property
    def text(self) -> str:
        """The characters of the cell, line breaks as \\n (for tests and messages)."""
        return "".join("\n" if font is None else text for font, text in self.frags)

    # ---------------------------------------------------------------- lines
    def _rooms(self, width: float) -> list[float]:
        style = self.style
        return [width - (style.leftIndent + style.firstLineIndent) - style.rightIndent,
                width - style.leftIndent - style.rightIndent]

    def lines(self, width: float) -> list[Line]:
        """The lines at ``width``: (room left over, runs, ends with a line break)."""
        if self._fixed is not None:
            return self._fixed
        if self._width != width:
            self._lines = self._layout(self._rooms(width))
            self._width = width
        return self._lines

    def _options(self) -> tuple[int, int]:
        return getattr(self.style, "lastLineMin", 2), getattr(self.style, "keepGroups", 0)

    def _layout(self, rooms: list[float]) -> list[Line]:
        frags, size = self.frags, self.style.fontSize
        if len(frags) == 1:  # ChineseParagraph's one-fragment case (its text; a lone <br/> has none)
            font, text = frags[0]
            run = _Text(text, char_widths(text, font, size) if font else [], *self._options())
            return [(rooms[min(k, len(rooms) - 1)] - run.width(a, b), ((font, text[a:b]),), False)
                    for k, (a, b) in enumerate(run.layout(rooms))]
        lines: list[Line] = []
        pieces: list[str] = []  # the fragments' texts of the segment up to the next line break
        fonts: list[str] = []
        widths: list[float] = []
        for font, text in frags:
            if font is None:
                self._segment(lines, pieces, fonts, widths, rooms, True)
                pieces, fonts, widths = [], [], []
            elif text:
                pieces.append(text)
                fonts.append(font)
                widths.extend(char_widths(text, font, size))
        self._segment(lines, pieces, fonts, widths, rooms, False)
        return lines

    def _segment(self, lines: list[Line], pieces: list[str], fonts: list[str], widths: list[float],
                 rooms: list[float], line_break: bool) -> None:
        """Lay out one segment between line breaks as ChineseParagraph._frag_lines does."""
        text = "".join(pieces)
        run = _Text(text, widths, *self._options())
        layout = run.layout(rooms[min(len(lines), len(rooms) - 1):]) if text.strip() else []
        starts = [0, *accumulate(len(piece) for piece in pieces)]
        for k, (a, b) in enumerate(layout):
            room = rooms[min(len(lines), len(rooms) - 1)]
            lines.append((room - run.width(a, b), _cut(text, starts, fonts, a, b),
                          line_break and k == len(layout) - 1))
        if not layout and line_break:  # an empty line between two breaks
            lines.append((rooms[min(len(lines), len(rooms) - 1)], (), True))

    # ------------------------------------------------------ flowable-like API
    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return available_width, len(self.lines(available_width)) * self.style.leading

    def split(self, available_width: float, available_height: float) -> list["CellText"]:
        """Paragraph.split: [] if not two lines fit (nothing of the cell on this page), [self]
        if all of it fits, else the lines that fit and the rest (re-broken when drawn)."""
        if not self.frags or available_width < _FUZZ or available_height < _FUZZ:
            return []
        style = self.style
        lines = self.lines(available_width)
        fit = int(available_height / float(style.leading))
        allow_orphans = getattr(style, "allowOrphans", 0)
        if (not allow_orphans and fit <= 1) or fit == 0:
            return []
        count = len(lines)
        if count <= fit:
            return [self]
        if not getattr(style, "allowWidows", 1) and count == fit + 1:
            if (allow_orphans and count == 3) or count > 3:
                fit -= 1
            else:
                return []
        if len(self.frags) == 1:
            # ReportLab joins the rest's lines as they are (what the line ends dropped stays out).
            font = self.frags[0][0]
            rest = "".join(text for _, runs, _ in lines[fit:] for _, text in runs)
            return [CellText(self.frags, style, lines[:fit]), CellText([(font, rest)], style)]
        # Several fragments: ReportLab ends every line but the last of each part with a space
        # (in the part's last fragment, a line break's own if the line ends with one).
        return [CellText(self.frags, style, _spaced(lines[:fit], style.fontName)),
                CellText(_fragments(lines[fit:]), style)]

    @classmethod
    def empty(cls, style: ParagraphStyle) -> "CellText":
        return cls([], style)


def _cut(text: str, starts: list[int], fonts: list[str], a: int, b: int) -> tuple[Run, ...]:
    """The runs of text[a:b], one per change of font (ReportLab's words of a line)."""
    out: list[list[str]] = []
    for i, font in enumerate(fonts):
        lo, hi = max(a, starts[i]), min(b, starts[i + 1])
        if lo >= hi:
            continue
        if out and out[-1][0] == font:
            out[-1][1] += text[lo:hi]
        else:
            out.append([font, text[lo:hi]])
    return tuple((font, piece) for font, piece in out)


def _spaced(lines: list[Line], break_font: str) -> list[Line]:
    """A split part's lines as ReportLab draws them after splitting: every line but the last
    ends with a space, in the line break's fragment if the line ends with one."""
    spaced = []
    for k, (extra, runs, line_break) in enumerate(lines):
        if k < len(lines) - 1:
            if line_break:
                runs = (*runs, (break_font, _SPACE))
            elif runs and not runs[-1][1].endswith(_SPACE):
                runs = (*runs[:-1], (runs[-1][0], runs[-1][1] + _SPACE))
        spaced.append((extra, runs, line_break))
    return spaced


def _fragments(lines: list[Line]) -> list[Run]:
    """The rest of a split cell as ReportLab makes its fragments (_split_blParaHard): the words
    of its lines, every line but the last ending with a space, the line breaks kept."""
    frags: list[Run] = []
    for k, (_, runs, line_break) in enumerate(lines):
        if k < len(lines) - 1 and not line_break and runs and not runs[-1][1].endswith(_SPACE):
            runs = (*runs[:-1], (runs[-1][0], runs[-1][1] + _SPACE))
        frags.extend(runs)
        if line_break:
            frags.append((None, ""))
    return frags


def draw_cells(canvas, cells: list[tuple[float, float, float, float, CellText]], padding: float) -> None:
    """Draw cells placed at (x, y, width, height) (their rectangles, ruling to ruling), each
    vertically centred and aligned as its style says, where a ReportLab Table drew a Paragraph
    in a cell with VALIGN MIDDLE and this padding.

    Each cell is a text object in its own corner (a translation) with every line's move from
    the line before, rounded as ReportLab rounds numbers in a PDF and two moves merged into
    one as its text object merges them: so every glyph lands on the very same point, to the
    last bit. One text object for all cells was tried: its glyphs differ by 1e-13 pt (the
    corner added to the line instead of to the translation), and pdftotext's layout mode turns
    that into a different number of spaces between columns. The operators are written in one
    piece for the whole chunk; one ReportLab text object encodes the text (font subsets)."""
    text = canvas.beginText()
    code = text._code
    del code[:]
    for x, y, width, height, cell in cells:
        style = cell.style
        lines = cell.lines(width - 2 * padding)
        if not lines:
            continue
        size, leading = style.fontSize, style.leading
        tall = len(lines) * leading
        bottom = y + (height + padding - padding + tall) / 2.0 - tall  # Table._drawCell, MIDDLE
        # Flowable.drawOn's translation, then Paragraph.drawPara's text object at its first baseline.
        code.append(f"q 1 0 0 1 {fp_str(x + padding, bottom)} cm BT 1 0 0 1 {fp_str(style.leftIndent, tall - size)} Tm")
        down = fp_str(-leading)
        alignment = style.alignment
        current: str | None = None  # the font: a cell's own graphics state forgets it at its end
        back: str | None = None  # the move back to the line's start after a line (setXPos(-m))
        for k, (extra, runs, _) in enumerate(lines):
            shift = style.firstLineIndent if k == 0 else 0.0
            if alignment == TA_CENTER:
                shift += 0.5 * extra
            elif alignment == TA_RIGHT:
                shift += extra
            move = back
            if shift > 1e-6 or shift < -1e-6:
                move = fp_str(shift + float(back)) if back is not None else fp_str(shift)
                back = fp_str(-shift)
            else:
                back = None
            if k:
                code.append(f"{move or 0} {down} Td")
            elif move is not None:
                code.append(f"{move} 0 Td")
            for font, piece in runs:
                if not piece:
                    continue
                if current != font:
                    text.setFont(font, size, leading)
                    current = font
                text._textOut(piece)
        code.append("ET Q")
    if code:
        canvas.addLiteral(" ".join(code))
