"""Chinese line breaking (禁则) for the PDF's paragraphs: where a line may end.

ReportLab's CJK wrapping cuts between any two characters and lets one closing mark hang
past the line's end; in a centred table cell that line is then wider than the cell and is
shifted over the cell's left ruling. It also lets an opening bracket end a line (依据《 / 河北…).
Here a line is never wider than its room:

- a mark that cannot start a line (，、。）》% …) takes the character before it along to the
  next line, and one that cannot end a line (（《“ …) moves to the next line;
- a run of Latin letters, digits and signs (100, 2023, ≥95%) is not cut, unless it alone is
  longer than a line;
- the last line keeps ``lastLineMin`` characters where the line before can spare them
  (可持续影响/指标, not 可持续影响指/标; a title keeps 绩效目标表 together);
- for titles (style ``keepGroups``) a bracket group up to that many characters long, such as
  （第一批） or （2022年）, stays on one line.

``ChineseParagraph`` is the Paragraph every other part of the PDF uses; its ``breakLinesCJK``
returns ReportLab's own line structures, so drawing and splitting are ReportLab's. The table
cells (cells.py) are drawn without Paragraphs and use ``_Text`` and ``char_widths`` directly. Runs of
spaces reach it as no-break spaces (fonts._markup, as ReportLab's parser collapses spaces)
and print as the ordinary spaces the clerk typed.
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph
from reportlab.platypus.paragraph import cjkU, makeCJKParaLine, ParaLines

# Marks that belong to the character before them: they never start a line.
CANNOT_START = frozenset(
    "，。、；：？！…‥·・～—）》〉」』】〕〗〙〛｝］”’％‰℃°′″"
    ",.;:?!)]}%"
)
# Marks that belong to the character after them: they never end a line.
CANNOT_END = frozenset("（《〈「『【〔〖〘〚｛［“‘([{￥$")
BRACKETS = {"（": "）", "(": ")", "《": "》", "〈": "〉", "【": "】", "〔": "〕", "“": "”", "‘": "’",
            "「": "」", "『": "』", "［": "］", "[": "]"}

_FUZZ = 1e-6
_FREE, _INSIDE_WORD, _FORBIDDEN = 0, 1, 2  # how bad a break before a character is
_SPACE = " "
_width_cache: dict[tuple[str, float], dict[str, float]] = {}


def char_widths(text: str, font: str, size: float) -> list[float]:
    """Advance widths of the characters; measured once per font, size and character."""
    known = _width_cache.setdefault((font, size), {})
    widths = []
    for char in text:
        width = known.get(char)
        if width is None:
            width = known[char] = stringWidth(char, font, size)
        widths.append(width)
    return widths


class _Text:
    """One run of text between forced line breaks, and how to break it into lines."""

    def __init__(self, text: str, widths: list[float], last_line_min: int, keep_groups: int) -> None:
        self.text, self.widths, self.last_line_min = text, widths, last_line_min
        self.edges = [0.0, *accumulate(widths)]  # edges[i]: width of text[:i]
        self.group_inside = _groups(text, keep_groups) if keep_groups else None

    def badness(self, i: int) -> int:
        """How bad a line end before text[i] is (0 < i < len)."""
        before, after = self.text[i - 1], self.text[i]
        if after == _SPACE:
            return _FORBIDDEN if before in CANNOT_END else _FREE
        if before == _SPACE:
            return _FORBIDDEN if after in CANNOT_START else _FREE
        if after in CANNOT_START or before in CANNOT_END:
            return _FORBIDDEN
        if before < "\u3000" and after < "\u3000":  # inside a Latin word, a number, ≥95%
            return _INSIDE_WORD
        if self.group_inside is not None and self.group_inside[i]:
            return _INSIDE_WORD
        return _FREE

    def width(self, start: int, end: int) -> float:
        return self.edges[end] - self.edges[start]

    def _trim(self, start: int, end: int) -> int:
        while end > start and self.text[end - 1] == _SPACE:
            end -= 1
        return end

    def _line_end(self, start: int, room: float) -> int:
        """Where the line starting at ``start`` ends: the latest good break that fits."""
        text, n = self.text, len(self.text)
        end = bisect_right(self.edges, self.edges[start] + room + _FUZZ) - 1
        while end < n and text[end] == _SPACE:  # spaces past the end are dropped anyway
            end += 1
        if end >= n:
            return n
        if end <= start:
            return start + 1  # a character wider than the line stands alone
        for worst in (_FREE, _INSIDE_WORD):
            for i in range(end, start, -1):
                if self.badness(i) <= worst:
                    return i
        return end  # nothing but forbidden breaks (a very long run of brackets): cut

    def lines(self, rooms: list[float]) -> list[tuple[int, int]]:
        """(start, end) of each line, spaces at either end left out."""
        text, n = self.text, len(self.text)
        result: list[tuple[int, int]] = []
        start = 0
        while True:
            while start < n and text[start] == _SPACE:
                start += 1
            if start >= n:
                break
            room = rooms[min(len(result), len(rooms) - 1)]
            end = self._line_end(start, room)
            result.append((start, self._trim(start, end)))
            start = end
        return result

    def _visible(self, start: int, end: int) -> int:
        return end - start - self.text.count(_SPACE, start, end)

    def keep_last_line(self, lines: list[tuple[int, int]], rooms: list[float]) -> list[tuple[int, int]]:
        """Move characters down to a too short last line while the line above can spare them."""
        if len(lines) < 2 or self._visible(*lines[-1]) >= self.last_line_min:
            return lines
        (above_start, _), (_, end) = lines[-2], lines[-1]
        room = rooms[min(len(lines) - 1, len(rooms) - 1)]
        for i in range(lines[-1][0] - 1, above_start, -1):
            start = i
            while start < end and self.text[start] == _SPACE:
                start += 1
            if self.width(start, end) > room + _FUZZ:
                break
            if self.badness(i) != _FREE:
                continue
            if self._visible(start, end) >= self.last_line_min:
                if self._visible(above_start, i) >= self.last_line_min:
                    return [*lines[:-2], (above_start, self._trim(above_start, i)), (start, end)]
                break
        return lines

    def layout(self, rooms: list[float]) -> list[tuple[int, int]]:
        return self.keep_last_line(self.lines(rooms), rooms)


def _groups(text: str, longest: int) -> list[bool]:
    """inside[i]: a break before text[i] would cut a bracket group of at most ``longest`` characters."""
    inside = [False] * (len(text) + 1)
    for start, char in enumerate(text):
        close = BRACKETS.get(char)
        if close is None:
            continue
        end = text.find(close, start + 1, start + longest)
        if end > 0:
            for i in range(start + 1, end + 1):
                inside[i] = True
    return inside


class ChineseParagraph(Paragraph):
    """A Paragraph broken into lines by the rules above (for styles with wordWrap CJK)."""

    def breakLinesCJK(self, maxWidths):
        if not isinstance(maxWidths, (list, tuple)):
            maxWidths = [maxWidths]
        style, frags = self.style, self.frags
        if style.endDots or any(hasattr(f, "cbDefn") for f in frags):
            return super().breakLinesCJK(maxWidths)  # images, dots: not used by perfdesk
        rooms = list(maxWidths)
        options = (getattr(style, "lastLineMin", 2), getattr(style, "keepGroups", 0))
        if len(frags) == 1:
            frag = frags[0]
            if hasattr(self, "blPara") and getattr(self, "_splitpara", 0):
                return frag.clone(kind=0, lines=self.blPara.lines)  # a split part keeps its lines
            text = (frag.text if hasattr(frag, "text") else "".join(getattr(frag, "words", []))).replace("\xa0", _SPACE)
            run = _Text(text, char_widths(text, frag.fontName, frag.fontSize), *options)
            lines = [(rooms[min(k, len(rooms) - 1)] - run.width(a, b), [text[a:b]])
                     for k, (a, b) in enumerate(run.layout(rooms))]
            return frag.clone(kind=0, lines=lines, ascent=frag.fontSize, descent=-0.2 * frag.fontSize)
        if not frags:
            return ParaLines(kind=0, fontSize=style.fontSize, fontName=style.fontName, textColor=style.textColor,
                             lines=[], ascent=style.fontSize, descent=-0.2 * style.fontSize)
        if hasattr(self, "blPara") and getattr(self, "_splitpara", 0):
            return self.blPara
        return ParaLines(kind=1, lines=self._frag_lines(rooms, options))

    def _frag_lines(self, rooms: list[float], options: tuple[int, int]) -> list:
        """Several fragments (a borrowed glyph's font, <br/>): one glyph per item, as ReportLab does."""
        calc_bounds = getattr(self, "autoLeading", getattr(self.style, "autoLeading", "")) not in ("", "off")
        lines: list = []
        items: list[cjkU] = []

        def flush(line_break: cjkU | None) -> None:
            text = "".join(items)
            run = _Text(text, [item.width for item in items], *options)
            layout = run.layout(rooms[min(len(lines), len(rooms) - 1):]) if text.strip() else []
            for k, (a, b) in enumerate(layout):
                room = rooms[min(len(lines), len(rooms) - 1)]
                used = run.width(a, b)
                glyphs = items[a:b]
                last = k == len(layout) - 1
                if last and line_break is not None:
                    glyphs = [*glyphs, line_break]
                lines.append(makeCJKParaLine(glyphs, room, used, room - used, last and line_break is not None,
                                             calc_bounds))
            if not layout and line_break is not None:  # an empty line between two breaks
                room = rooms[min(len(lines), len(rooms) - 1)]
                lines.append(makeCJKParaLine([line_break], room, 0, room, True, calc_bounds))
            items.clear()

        for frag in self.frags:
            if hasattr(frag, "lineBreak"):
                flush(cjkU("", frag, "utf8"))
                continue
            for char in frag.text or "":
                items.append(cjkU(_SPACE if char == "\xa0" else char, frag, "utf8"))
        flush(None)
        return lines
