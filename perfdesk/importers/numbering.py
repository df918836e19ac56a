"""The numbers Word's auto-numbering shows before a paragraph, which its text does not hold.

A table title ``1.某某项目绩效目标表`` or a sub-goal ``（一）科技创新`` numbered by Word (a
list style, or numbering applied to the paragraph) has no number in ``w:t``: Word computes it
from numbering.xml. :class:`Numbering` does the same for the common cases, so that a .docx
reads as the text copied out of Word shows it: a paragraph's own ``w:numPr`` or its style's
(followed through ``basedOn``), ``lvlText`` such as ``%1.`` or ``（%1）``, and the formats
clerks' lists use (decimal, Chinese counting, circled digits, letters, Roman numerals).

Counting follows Word: the count belongs to the abstract list (``w:abstractNum``), so list
instances (``w:num``) sharing one run on from each other, and an instance that restarts
(``w:lvlOverride/w:startOverride``, Word's "重新开始于 1") starts again where it is first
used; a level restarts below a higher one. An instance may also replace a level's format
(``w:lvlOverride/w:lvl``), and an abstract list may only point at a list style
(``w:numStyleLink``). Bullets and formats not known here give no number: the text is kept as
it is, and the importer's rules for unnumbered titles apply.
"""

from __future__ import annotations

import re

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
PPR, NUM_PR, P_STYLE, VAL = W + "pPr", W + "numPr", W + "pStyle", W + "val"
CN_DIGITS = "零一二三四五六七八九"
CHINESE_FORMATS = {"chineseCounting", "chineseCountingThousand", "chineseLegalSimplified",
                   "ideographDigital", "japaneseCounting", "taiwaneseCounting", "taiwaneseCountingThousand"}
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
         (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
LEVELS = 9


def chinese(number: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九 (lists never run longer)."""
    if not 0 < number < 100:
        return str(number)
    tens, ones = divmod(number, 10)
    text = ("" if tens == 1 else CN_DIGITS[tens]) + "十" if tens else ""
    return text + (CN_DIGITS[ones] if ones else "")


def _roman(number: int) -> str:
    text = ""
    for value, letters in ROMAN:
        while number >= value:
            text, number = text + letters, number - value
    return text


def _format(number: int, fmt: str) -> str | None:
    if fmt in ("decimal", "decimalZero", "decimalHalfWidth"):
        return f"{number:02d}" if fmt == "decimalZero" else str(number)
    if fmt == "decimalFullWidth":
        return str(number).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    if fmt in CHINESE_FORMATS:
        return chinese(number)
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese"):
        return CIRCLED[number - 1] if 0 < number <= len(CIRCLED) else str(number)
    if fmt in ("upperLetter", "lowerLetter") and number > 0:
        letter = chr(ord("A") + (number - 1) % 26) * ((number - 1) // 26 + 1)
        return letter if fmt == "upperLetter" else letter.lower()
    if fmt in ("upperRoman", "lowerRoman") and 0 < number < 4000:
        return _roman(number) if fmt == "upperRoman" else _roman(number).lower()
    return None


def _val(element, path: str) -> str | None:  # noqa: ANN001 - an lxml element
    found = element.find(path)
    return None if found is None else found.get(W + "val")


def _level(lvl) -> tuple[str, str, int]:  # noqa: ANN001 - a w:lvl
    """(numFmt, lvlText, start) of one level."""
    return (_val(lvl, W + "numFmt") or "decimal", _val(lvl, W + "lvlText") or "",
            int(_val(lvl, W + "start") or "1"))


class Numbering:
    def __init__(self, document) -> None:  # noqa: ANN001 - a python-docx Document
        # (numId, ilvl) → (fmt, text, start), with the instance's overrides applied.
        self.levels: dict[tuple[str, int], tuple[str, str, int]] = {}
        self.list_of: dict[str, str] = {}  # numId → the abstract list whose count it shares
        self.restarts: dict[str, set[int]] = {}  # numId → levels it starts again (startOverride)
        self.current: dict[str, list[int | None]] = {}  # abstract list → number last shown per level
        self.used: set[str] = set()  # instances met so far (a restart happens at the first)
        self.style_num: dict[str, tuple[str | None, int]] = {}
        self.numbered: set = set()
        try:
            numbering = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return  # no numbering part: no paragraph is auto-numbered
        styles = {s.get(W + "styleId"): s for s in document.styles.element.findall(W + "style")}
        self._read_styles(styles)
        abstract = {a.get(W + "abstractNumId"): a for a in numbering.findall(W + "abstractNum")}
        instances = {num.get(W + "numId"): num for num in numbering.findall(W + "num")}
        for num_id, num in instances.items():
            abstract_id = self._abstract_id(_val(num, W + "abstractNumId"), abstract, instances, styles)
            if abstract_id is None:
                continue
            self.list_of[num_id] = abstract_id
            for lvl in abstract[abstract_id].findall(W + "lvl"):
                self.levels[(num_id, int(lvl.get(W + "ilvl", "0")))] = _level(lvl)
            for override in num.findall(W + "lvlOverride"):
                level = int(override.get(W + "ilvl", "0"))
                replaced = override.find(W + "lvl")
                if replaced is not None:
                    self.levels[(num_id, level)] = _level(replaced)
                start = _val(override, W + "startOverride")
                if start is not None and (num_id, level) in self.levels:
                    fmt, text, _ = self.levels[(num_id, level)]
                    self.levels[(num_id, level)] = (fmt, text, int(start))
                    self.restarts.setdefault(num_id, set()).add(level)
        # The paragraphs that carry a list, found once: most of a text carries none, and
        # looking at each paragraph's properties would cost more than the whole scan.
        body = document.element.body
        self.numbered = {num_pr.getparent().getparent() for num_pr in body.iter(NUM_PR)}
        self.numbered.update(style.getparent().getparent() for style in body.iter(P_STYLE)
                             if style.get(VAL) in self.style_num)

    def _abstract_id(self, abstract_id: str | None, abstract: dict, instances: dict, styles: dict) -> str | None:
        # An abstract list holding only w:numStyleLink takes its levels from the list style's
        # own instance (Word's 多级列表 defined as a 列表样式).
        definition = abstract.get(abstract_id)
        for _ in range(3):
            if definition is None or definition.find(W + "lvl") is not None:
                break
            style = styles.get(_val(definition, W + "numStyleLink") or "")
            num_id = None if style is None else _val(style, f"{W}pPr/{NUM_PR}/{W}numId")
            abstract_id = _val(instances[num_id], W + "abstractNumId") if num_id in instances else None
            definition = abstract.get(abstract_id)
        return abstract_id if definition is not None and definition.find(W + "lvl") is not None else None

    def _read_styles(self, styles: dict) -> None:
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
        if (num_id, level) not in self.levels or not 0 <= level < LEVELS:
            return ""
        current = self.current.setdefault(self.list_of[num_id], [None] * LEVELS)
        if num_id not in self.used:
            self.used.add(num_id)
            for restarted in self.restarts.get(num_id, ()):
                current[restarted] = None
        fmt, text, start = self.levels[(num_id, level)]
        current[level] = start if current[level] is None else current[level] + 1
        for deeper in range(level + 1, LEVELS):
            current[deeper] = None  # a sub-list starts again under each item
        if _format(1, fmt) is None:
            return ""

        def number(match: re.Match[str]) -> str:
            at = int(match.group(1)) - 1
            fmt_at, _, start_at = self.levels.get((num_id, at), ("decimal", "", 1))
            return _format(current[at] if current[at] is not None else start_at, fmt_at) or ""

        return re.sub(r"%([1-9])", number, text)
