"""How a text was copied, decided once for the whole text before it is split into blocks.

Copying damages a text in ways seen only across many lines, never in one:

- a browser or PDF viewer turns every tab into a run of spaces, so cells run together;
- Word text copied "double spaced" has a blank line after every line, hiding the blank
  lines that end table rows;
- table rows come one per line with tab-separated cells (a PDF extract, or a Word table
  copied as rows) or one cell per line (a Word copy);
- a PDF extractor puts spaces wherever glyphs sit apart (``2024 年``, ``资金 用途``); such
  spaces are removed only when the text shows that it came from a PDF. A Word table copied
  as rows keeps the clerk's own spaces (``42号 市级``);
- a PDF viewer's own copy (Adobe Reader) keeps no tabs at all: the cells of a printed line
  are separated by one space and a cell too long for its column goes on in the lines below
  (``项目编码 13020822P0087`` / ``1410001L 项目名称 科技特派`` / ``员奖补``). Such a text is
  "wrapped": its tables are read back from their labels (see source.py).

:func:`read_shape` gives the lines to read, each with its line number in the source, and a
:class:`Shape` saying what was decided; every decision that changes how lines are read is
told to the clerk in an import note.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# Non-breaking spaces come from a browser copy; they are spaces to the clerk.
NBSP = re.compile("[\u00a0\u2007\u202f]")
BOOKMARK = re.compile(r"\[bookmark:[^\]]*\]")  # Word's bookmark markers in copied text
_RUN = re.compile(r"[ \u3000]{2,}|\u3000")
# Labels that start a table line: a line beginning with one of them and holding runs of
# spaces is a table row whose tabs were turned into spaces.
_TABLE_LABELS = ("项目编码", "项目编号", "项目名称", "预算规模", "预算数", "资金支出计划", "绩效目标",
                 "一级指标", "产出指标", "效益指标", "满意度指标")
# A space between a digit and a Han character ("2024 年", "≥15 家", "3 月底") is what a PDF
# extractor puts in; clerks typing in Word rarely do, and never on many lines.
_DIGIT_HAN_GAP = re.compile(rf"[0-9][ \u3000][{HAN}]|[{HAN}][ \u3000][0-9]")
# "目 录", "第 一 部 分": a line spaced out character by character is a PDF's doing too, and
# so is a fixed label broken by one space where the cell wrapped ("资金支出计 划（%）").
_SPACED_OUT = re.compile(rf"^[{HAN}](?:[ \u3000][{HAN}])+$")
_WRAPPING_LABELS = ("预算规模及资金用途", "资金支出计划（%）", "资金支出计划(%)")

Line = tuple[int, str]  # (line number in the source, text)
_WHITESPACE = re.compile(r"\s+")


def squeeze(text: str) -> str:
    """Text without any whitespace, for recognising labels such as ``其中：财政    资金``."""
    if "[" in text:
        text = BOOKMARK.sub("", text)
    return _WHITESPACE.sub("", text)


@dataclass
class Shape:
    rows: bool = False          # table rows one per line (PDF-shaped), else one cell per line
    artefacts: bool = False     # remove the spaces a PDF extractor puts between glyphs
    wrapped: bool = False       # no tabs, every cell wrapped over lines (a PDF viewer's copy)
    notes: list[tuple[int, str, str]] = field(default_factory=list)
    # A wrapped text's 项目编码 lines and codes as printed (its rows are rebuilt: the check
    # that each code became a project must see the source, not the rebuilt rows).
    code_lines: list[tuple[int, str]] = field(default_factory=list)


def read_shape(text: str) -> tuple[list[Line], Shape]:
    """The lines of ``text`` (numbered as in the source) and how to read them."""
    raw = NBSP.sub(" ", text).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    lines: list[Line] = list(enumerate(raw, start=1))
    shape = Shape()
    spaced = _tabs_as_spaces(raw)
    if spaced:
        lines, shape.rows = spaced
        shape.notes.append((1, "", "文字中没有制表符，表格各格之间是连续的空格（从浏览器或 PDF 阅读器复制），"
                                   "已按空格分格读取，请核对表格内容"))
    elif _wrapped(raw):
        shape.rows = shape.wrapped = True
        shape.notes.append((1, "", "文字中没有制表符，表格的各格折成了几行（从 PDF 阅读器复制），已按表中的标签、"
                                   "金额和指标名称重新拼出各行；拼不准的文字逐条列在下面，请逐表核对"))
    else:
        shape.rows = looks_like_pdf_rows(raw)
    if not shape.rows:
        single = _undouble(lines)
        if single is not None:
            lines = single
            shape.notes.append((1, "", "文字每一行后面都有一个空行（按双倍行距复制），已按单倍行距读取"))
    # A viewer's copy is a PDF's text by nature: its spaces between glyphs are the viewer's.
    shape.artefacts = shape.wrapped or (shape.rows and _pdf_artefacts(lines))
    return lines, shape


WRAPPED_TABLE_START = ("项目编码", "项目编号", "项目名称")


def _wrapped(raw: list[str]) -> bool:
    """A text without a tab whose tables open with a 项目编码 line: cells wrapped over lines."""
    if any("\t" in line for line in raw):
        return False
    return any(squeeze(line).startswith(WRAPPED_TABLE_START[:2]) for line in raw)


def looks_like_pdf_rows(lines: list[str]) -> bool:
    """True when table rows are one line each (PDF), False for one cell per line (Word)."""
    multi = sum(1 for line in lines if line.count("\t") >= 2)
    single = sum(1 for line in lines if line.startswith("\t") and line.count("\t") == 1)
    return multi >= single


# ------------------------------------------------------------------ tabs as spaces
def _width(run: str) -> int:
    return sum(2 if char == "\u3000" else 1 for char in run)  # a full-width space is two columns


def _tabs_as_spaces(raw: list[str]) -> tuple[list[Line], bool] | None:
    """Lines with tabs put back where a copy turned them into runs of spaces, or None.

    Only a text without a single tab whose table lines hold such runs is taken for one. The
    width of one tab is the commonest run; a run of twice that is two tabs (an empty cell
    between), and a run narrower than one tab is the clerk's own spacing and stays.
    """
    if any("\t" in line for line in raw):
        return None  # the first line with a tab ends the search: the text has its tabs
    table_lines = [line for line in raw if _RUN.search(line)
                   and re.sub(r"[\s\u3000]", "", line).startswith(_TABLE_LABELS)]
    if len(table_lines) < 2:
        return None
    widths = Counter(_width(run) for line in raw for run in _RUN.findall(line))
    tab = widths.most_common(1)[0][0]

    def to_tabs(match: re.Match[str]) -> str:
        width = _width(match.group())
        return "\t" * max(1, round(width / tab)) if width >= tab else match.group()

    full = [_RUN.sub(to_tabs, line) for line in raw]
    if looks_like_pdf_rows(full):
        return list(enumerate(full, start=1)), True
    # One cell per line (Word): only the indent that stood for the leading tab is one; runs
    # inside a cell are the clerk's, and so is a paragraph indented with full-width spaces.
    lead = re.compile(r"^ +")
    word = []
    for line in raw:
        match = lead.match(line)
        if match and _width(match.group()) >= tab and line.strip():
            line = "\t" + line[match.end():]
        elif match and _width(match.group()) >= tab:
            line = "\t"  # an empty cell
        word.append(line)
    return list(enumerate(word, start=1)), False


# --------------------------------------------------------------- double spacing
def is_blank(line: str) -> bool:
    """A line with nothing but spaces and bookmark markers."""
    return BOOKMARK.sub("", line).strip() == ""


def _is_empty(text: str) -> bool:
    # An empty cell of a Word copy is a lone tab: that is a line with content.
    return "\t" not in text and is_blank(text)


def _undouble(lines: list[Line]) -> list[Line] | None:
    """Every other line when all the others are empty (a double-spaced copy), else None."""
    for start in (0, 1):
        between = lines[1 - start::2]
        if all(_is_empty(text) for _, text in between):  # stops at the first filled line
            kept = lines[start::2]
            # A text whose lines are already separated by blank lines everywhere would also
            # pass; a double-spaced one shows its own blank lines (row ends) among the kept.
            if sum(1 for _, text in kept if not _is_empty(text)) >= 4 and any(_is_empty(t) for _, t in kept):
                return kept
    return None


# ---------------------------------------------------------------- PDF artefacts
def _pdf_artefacts(lines: list[Line]) -> bool:
    """Whether the text shows the spaces a PDF extractor puts between glyphs.

    Word markers (``[bookmark: …]``) say the text came from Word. Otherwise a digit spaced
    off a Han character on enough lines (one in a small text, 1 in 100 lines in a long one),
    a line spaced out character by character, or a table label broken by a space is the
    extractor's mark.
    """
    texts = [text for _, text in lines if text.strip()]
    if any("[bookmark:" in text for text in texts):
        return False
    needed, gaps = max(1, len(texts) // 100), 0
    for text in texts:
        if _DIGIT_HAN_GAP.search(text):
            gaps += 1
            if gaps >= needed:
                return True
    for text in texts:
        if " " not in text and "\u3000" not in text:
            continue
        for cell in text.split("\t"):
            cell = cell.strip()
            if _SPACED_OUT.match(cell) or (cell.count(" ") == 1 and cell.replace(" ", "") in _WRAPPING_LABELS):
                return True
    return False
