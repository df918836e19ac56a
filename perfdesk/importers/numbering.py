"""The numbers Word's auto-numbering shows before a paragraph, which its text does not hold.

A table title ``1.某某项目绩效目标表`` or a sub-goal ``（一）科技创新`` numbered by Word (a
list style, or numbering applied to the paragraph) has no number in ``w:t``: Word computes it
from numbering.xml. :class:`Numbering` does the same for the common cases, so that a .docx
reads as the text copied out of Word shows it: a paragraph's own ``w:numPr`` or its style's
(followed through ``basedOn``), counters per list and level (a level restarts below a higher
one), ``lvlText`` such as ``%1.`` or ``（%1）``, and the formats clerks' lists use (decimal,
Chinese counting). Bullets and formats not known here give no number: the text is kept as it
is, and the importer's rules for unnumbered titles apply.
"""

from __future__ import annotations

import re

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
PPR, NUM_PR, P_STYLE, VAL = W + "pPr", W + "numPr", W + "pStyle", W + "val"
CN_DIGITS = "零一二三四五六七八九"
CHINESE_FORMATS = {"chineseCounting", "chineseCountingThousand", "chineseLegalSimplified",
                   "ideographDigital", "japaneseCounting", "taiwaneseCounting", "taiwaneseCountingThousand"}


def chinese(number: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九 (lists never run longer)."""
    if not 0 < number < 100:
        return str(number)
    tens, ones = divmod(number, 10)
    text = ("" if tens == 1 else CN_DIGITS[tens]) + "十" if tens else ""
    return text + (CN_DIGITS[ones] if ones else "")


def _format(number: int, fmt: str) -> str | None:
    if fmt in ("decimal", "decimalZero", "decimalHalfWidth", "decimalFullWidth"):
        return f"{number:02d}" if fmt == "decimalZero" else str(number)
    if fmt in CHINESE_FORMATS:
        return chinese(number)
    return None


def _val(element, path: str) -> str | None:  # noqa: ANN001 - an lxml element
    found = element.find(path)
    return None if found is None else found.get(W + "val")


class Numbering:
    def __init__(self, document) -> None:  # noqa: ANN001 - a python-docx Document
        self.levels: dict[tuple[str, int], tuple[str, str, int]] = {}  # (numId, ilvl) → (fmt, text, start)
        self.style_num: dict[str, tuple[str | None, int]] = {}
        self.counters: dict[str, list[int]] = {}
        self.numbered: set = set()
        try:
            numbering = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return  # no numbering part: no paragraph is auto-numbered
        abstract = {a.get(W + "abstractNumId"): a for a in numbering.findall(W + "abstractNum")}
        for num in numbering.findall(W + "num"):
            definition = abstract.get(_val(num, W + "abstractNumId"))
            if definition is None:
                continue
            for lvl in definition.findall(W + "lvl"):
                level = int(lvl.get(W + "ilvl", "0"))
                start = int(_val(lvl, W + "start") or "1")
                self.levels[(num.get(W + "numId"), level)] = (
                    _val(lvl, W + "numFmt") or "decimal", _val(lvl, W + "lvlText") or "", start)
        self._read_styles(document)
        # The paragraphs that carry a list, found once: most of a text carries none, and
        # looking at each paragraph's properties would cost more than the whole scan.
        body = document.element.body
        self.numbered = {num_pr.getparent().getparent() for num_pr in body.iter(NUM_PR)}
        self.numbered.update(style.getparent().getparent() for style in body.iter(P_STYLE)
                             if style.get(VAL) in self.style_num)

    def _read_styles(self, document) -> None:  # noqa: ANN001
        styles = {s.get(W + "styleId"): s for s in document.styles.element.findall(W + "style")}
        for style_id in styles:
            seen, current = set(), styles.get(style_id)
            while current is not None and style_id not in self.style_num and current.get(W + "styleId") not in seen:
                seen.add(current.get(W + "styleId"))
                num_pr = current.find(f"{W}pPr/{W}numPr")
                if num_pr is not None and _val(num_pr, W + "numId") is not None:
                    self.style_num[style_id] = (_val(num_pr, W + "numId"), int(_val(num_pr, W + "ilvl") or "0"))
                current = styles.get(_val(current, W + "basedOn") or "")

    def label(self, paragraph) -> str:  # noqa: ANN001 - an lxml w:p
        """The number Word shows before this paragraph ("1.", "（一）"), or "" for none."""
        if paragraph not in self.numbered:
            return ""
        properties = paragraph.find(PPR)
        num_pr, style_element = properties.find(NUM_PR), properties.find(P_STYLE)
        style = None if style_element is None else style_element.get(VAL)
        num_id = level = None
        if num_pr is not None:
            num_id, level = _val(num_pr, W + "numId"), _val(num_pr, W + "ilvl")
        if style in self.style_num:
            style_id, style_level = self.style_num[style]
            num_id = num_id or style_id
            level = style_level if level is None else level
        if num_id is None or num_id == "0":
            return ""
        level = int(level or 0)
        if (num_id, level) not in self.levels:
            return ""
        counters = self.counters.setdefault(num_id, [0] * 9)
        counters[level] += 1
        for deeper in range(level + 1, 9):
            counters[deeper] = 0  # a sub-list starts again under each item
        fmt, text, _ = self.levels[(num_id, level)]
        if _format(1, fmt) is None:
            return ""

        def number(match: re.Match[str]) -> str:
            at = int(match.group(1)) - 1
            fmt_at, _, start = self.levels.get((num_id, at), ("decimal", "", 1))
            return _format(start - 1 + max(counters[at], 1), fmt_at) or ""

        return re.sub(r"%([1-9])", number, text)
