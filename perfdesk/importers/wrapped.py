"""A table as a PDF viewer copies it: cells wrapped over lines, no tabs (the third shape of
:mod:`perfdesk.importers.source`).

A PDF viewer copies a table line by line as printed: the cells of a printed line separated
by a space, a cell too long for its column going on in the lines below, so that the pieces
of several cells take turns ("项目编码 13020822P0087" / "1410001L 项目名称 科技特派" / "员奖补").
Such a table is read back from what its pieces are: labels open the fields of the head, an
amount stands after its label on the same printed line, the framework's 一级/二级指标 names
begin the indicator rows. The rows are rebuilt seven cells wide, as a PDF extract gives
them, for the table reader; what cannot be placed surely is noted with its line.
"""

from __future__ import annotations

import re

from perfdesk.importers.cells import checkpoint_of, is_basis, level_names, looks_like_value, plan_value
from perfdesk.importers.shape import BOOKMARK, WRAPPED_TABLE_START, Line, Shape, is_blank, squeeze
from perfdesk.importers.source import (
    CODE_LINE, TITLE, TITLE_START, UNIT_OF_MONEY, UNNUMBERED_TITLE, Block, is_page_furniture, unit_label,
)
from perfdesk.model import INDICATOR_HEADERS, Framework

_HEADER_TEXT = "".join(INDICATOR_HEADERS)
_BUDGET_LABEL = "预算规模及资金用途"
_PLAN_LABEL = "资金支出计划（%）"
_AMOUNT = re.compile(r"^(?:\d+(?:\.\d+)?|[-—–－]+)$")
_CODE_PIECE = re.compile(r"^(?=.*\d)[0-9A-Za-z]+$")
_FISCAL = re.compile(r"^(?:其中[:：]?)?财政(?:资金|拨款)?$")
_LIST_MARK = re.compile(r"^(?:[（(]?\d{1,2}[.．、)）]|[①②③④⑤⑥⑦⑧⑨⑩])")
_SECTIONS = ("head", "budget", "plan", "goals", "indicators")
_LABELS = ("项目编码", "项目编号", "项目名称", _BUDGET_LABEL, "预算数", "其中：财政资金", "其中:财政资金", "其他资金",
           _PLAN_LABEL, "资金支出计划(%)", "绩效目标", *INDICATOR_HEADERS)
# A label the PDF spaced out within its printed line ("预算规模及 资金用途", "其中：财政 资金").
_SPACED_LABEL = re.compile("|".join("[ \u3000]*".join(map(re.escape, label))
                                    for label in sorted(_LABELS, key=len, reverse=True)))
# A head label run together with its value ("项目编码：1302…；项目名称：某某"): cut there.
_HEAD_LABEL = re.compile(r"(项目编码|项目编号|项目名称)")


def _key(token: str) -> str:
    """A token (text split at whitespace, so none inside) as labels are matched: unmarked."""
    return BOOKMARK.sub("", token) if "[" in token else token


Piece = tuple[str, int]  # a piece of text and its line
Note = tuple[int, str, str]
WIDTH = 7  # cells in a rebuilt row, as in a PDF extract (the last one empty)


def wrapped_blocks(lines: list[Line], framework: Framework, shape: Shape) -> list[Block]:
    """Paragraphs as lines; each table, from its 项目编码 (or 项目名称) line to the next
    title, unit or table, rebuilt into rows (its notes go to ``shape.notes``)."""
    blocks: list[Block] = []
    blank = False
    index = 0
    while index < len(lines):
        number, line = lines[index]
        if is_blank(line):
            blank, index = True, index + 1
            continue
        if squeeze(line).startswith(WRAPPED_TABLE_START):
            end = _table_end(lines, index + 1)
            # The codes as printed, for the import's check that each became a project.
            shape.code_lines += [(at, match.group(1)) for at, text in lines[index:end]
                                 if "项目编" in text for match in CODE_LINE.finditer(squeeze(text))]
            table = WrappedTable(lines[index:end], framework)
            blocks += table.blocks
            shape.notes += table.notes
            index = end
        else:
            blocks.append(Block(number, text=line, blank_before=blank))
            index += 1
        blank = False
    return blocks


def _table_end(lines: list[Line], start: int) -> int:
    """The index of the first line after ``start`` that is no longer the table's."""
    for index in range(start, len(lines)):
        text = lines[index][1].strip()
        key = squeeze(text)
        if (key.startswith(WRAPPED_TABLE_START) or key.startswith(("第一部分", "第二部分"))
                or TITLE.match(text) or UNNUMBERED_TITLE.match(key) or UNIT_OF_MONEY.match(key)):
            return index
        if unit_label(text) and "项目" not in key:  # not a code piece before 项目名称
            return index
        if TITLE_START.match(text) and index + 1 < len(lines) and squeeze(lines[index + 1][1]).endswith("绩效目标表"):
            return index  # a title wrapped over two lines
    return len(lines)


def _joined(pieces: list[Piece]) -> str:
    """Pieces of one cell: a space between pieces of one printed line, none where the cell
    wrapped (Chinese runs on), a space where a wrap split two Latin words."""
    out: list[str] = []
    for index, (text, line) in enumerate(pieces):
        if index:
            before = pieces[index - 1][0][-1:]
            latin = before.isascii() and before.isalnum() and text[:1].isascii() and text[:1].isalnum()
            out.append(" " if line == pieces[index - 1][1] or latin else "")
        out.append(text)
    return "".join(out)


def _row(cells: list[str], lines: list[int]) -> Block:
    cells = cells + [""] * (WIDTH - len(cells))
    lines = lines + [lines[-1]] * (WIDTH - len(lines))
    return Block(lines[0], cells=cells, lines=lines)


class WrappedTable:
    """One project table whose cells wrapped over lines, read back into rows."""

    def __init__(self, lines: list[Line], framework: Framework) -> None:
        self.framework = framework
        self.notes: list[Note] = []
        self.blocks: list[Block] = []  # page furniture met inside the table, then the rows
        sections: dict[str, list[tuple[int, list[str]]]] = {name: [] for name in _SECTIONS}
        section = "head"
        for number, text in lines:
            if is_page_furniture(text):
                self.blocks.append(Block(number, text=text, blank_before=True))
                continue
            if " " in text or "\u3000" in text:
                text = _SPACED_LABEL.sub(lambda match: squeeze(match.group()), text)
            for token in _tokens(text):
                if section != "indicators":  # the last part: nothing opens after it
                    section = _section(token, section)
                groups = sections[section]
                if not groups or groups[-1][0] != number:
                    groups.append((number, []))
                groups[-1][1].append(token)
        self.blocks += self._head(sections["head"])
        if sections["budget"]:
            self.blocks += self._budget(sections["budget"])
        if sections["plan"]:
            self.blocks += self._plan(sections["plan"])
        if sections["goals"]:
            self.blocks += self._goals(sections["goals"])
        if sections["indicators"]:
            self.blocks += self._indicators(sections["indicators"])

    def _unplaced(self, pieces: list[Piece], reason: str) -> None:
        """One note per line of ``pieces``, with the pieces on it."""
        by_line: dict[int, list[str]] = {}
        for text, line in pieces:
            by_line.setdefault(line, []).append(text)
        self.notes += [(line, " ".join(texts), reason) for line, texts in by_line.items()]

    # ------------------------------------------------------------- head
    def _head(self, groups: list[tuple[int, list[str]]]) -> list[Block]:
        """项目编码 and 项目名称, in either order: the code is the pieces of letters and digits."""
        labels: list[tuple[str, int]] = []
        code: list[Piece] = []
        name: list[Piece] = []
        field = None
        for number, tokens in groups:
            for token in tokens:
                key = _key(token)
                label = next((label for label in WRAPPED_TABLE_START if key.startswith(label)), None)
                if label is not None:
                    field = "name" if label == "项目名称" else "code"
                    labels.append((label, number))
                    key = token = key[len(label):].lstrip(":：")
                    if not key:
                        continue
                if field == "code" and _CODE_PIECE.match(key):
                    code.append((key, number))
                elif field == "name" and code and _code_goes_on(code, key):
                    code.append((key, number))  # the code's last piece printed after 项目名称
                else:
                    name.append((token, number))
        cells, at = [], []
        for label, line in labels[:2]:
            pieces = name if label == "项目名称" else code
            cells += [label, "".join(t for t, _ in pieces) if pieces is code else _joined(pieces), ""]
            at += [line, pieces[0][1] if pieces else line, line]
        return [_row(cells, at)] if cells else []

    # ----------------------------------------------------------- budget
    def _budget(self, groups: list[tuple[int, list[str]]]) -> list[Block]:
        """预算数/财政资金/其他资金 each with the amount after it on its line; the rest is 资金用途."""
        at_end = False
        amounts: dict[str, Piece] = {}
        label_lines: dict[str, int] = {}
        purpose: list[Piece] = []
        endings: list[str] = []  # the ends of labels cut over two lines, still to come
        waiting = None
        for number, tokens in groups:
            # A label ending its line waits for the first piece of the next one (a copy with
            # each cell on a line of its own); any other waits only along its own line.
            waiting = waiting if waiting is not None and at_end else None
            at_end = False
            for token in tokens:
                key = _key(token)
                if key in endings:
                    endings.remove(key)
                    continue
                if key.startswith("预算规模") or key == "资金用途":
                    if _BUDGET_LABEL.startswith(key) and key != _BUDGET_LABEL:
                        endings.append(_BUDGET_LABEL[len(key):])
                    continue
                label = ("预算数" if key == "预算数" else "财政资金" if _FISCAL.match(key)
                         else "其他资金" if key == "其他资金" else None)
                if label is not None:
                    label_lines[label] = number
                    if label == "财政资金" and not key.endswith(("资金", "拨款")):
                        endings.append("资金")
                    waiting = None if label in amounts else label
                    at_end = True
                    continue
                at_end = False
                if waiting is not None and _AMOUNT.match(key):
                    amounts[waiting] = (key, number)
                    waiting = None
                    continue
                waiting = None
                purpose.append((token, number))
        line = groups[0][0]
        cells, at = [_BUDGET_LABEL], [line]
        for label, shown in (("预算数", "预算数"), ("财政资金", "其中：财政资金"), ("其他资金", "其他资金")):
            value, value_line = amounts.get(label, ("", label_lines.get(label, line)))
            cells += [shown, value]
            at += [label_lines.get(label, line), value_line]
        rows = [_row(cells, at)]
        if purpose:
            rows.append(_row(["", _joined(purpose)], [purpose[0][1], purpose[0][1]]))
        return rows

    # ------------------------------------------------------------- plan
    def _plan(self, groups: list[tuple[int, list[str]]]) -> list[Block]:
        """The checkpoints in order and the values in order; fewer values than checkpoints
        are placed from the end when the last is 100 (the plan ends there), else from the start."""
        labels: list[tuple[str, int, str]] = []  # (label, line, value printed beside it)
        values: list[Piece] = []
        for number, tokens in groups:
            for key in _glue_months([_key(token) for token in tokens]):
                if _is_plan_label(key):
                    continue
                checkpoint = checkpoint_of(key)
                if checkpoint is not None:
                    rest = checkpoint[2]
                    labels.append((key[: len(key) - len(rest)], number, rest))
                    continue
                try:
                    plan_value(key)
                except ValueError:
                    self._unplaced([(key, number)], "资金支出计划中无法识别的文字，未导入")
                    continue
                values.append((key, number))
        free = [index for index, (_, _, beside) in enumerate(labels) if not beside]
        placed: dict[int, Piece] = {index: (beside, line) for index, (_, line, beside) in enumerate(labels) if beside}
        if values and len(values) != len(free):
            from_end = len(values) < len(free) and plan_value(values[-1][0]) == 100
            self._unplaced(values, f"资金支出计划有 {len(free)} 个时点没有值，这里有 {len(values)} 个值，"
                                   f"已{'从最后一个时点往前' if from_end else '从第一个时点起'}按顺序读入，请核对")
            if from_end:
                free = free[len(free) - len(values):]
        for index, value in zip(free, values):
            placed[index] = value
        extra = values[len(free):]  # beyond the last checkpoint: the table reader decides
        line = groups[0][0]
        rows = []
        if labels:
            rows.append(_row([_PLAN_LABEL] + [label for label, _, _ in labels],
                             [line] + [at for _, at, _ in labels]))
        shown = [placed.get(index, ("", line)) for index in range(len(labels))] + extra
        if any(text for text, _ in shown):
            rows.append(_row([""] + [text for text, _ in shown], [line] + [at for _, at in shown]))
        return rows

    # ------------------------------------------------------------ goals
    def _goals(self, groups: list[tuple[int, list[str]]]) -> list[Block]:
        pieces: list[Piece] = []
        for number, tokens in groups:
            for token in tokens:
                if not pieces and _key(token).rstrip(":：") == "绩效目标" and number == groups[0][0]:
                    continue  # the label
                if pieces and pieces[-1][1] != number and _LIST_MARK.match(token):
                    pieces.append((" ", number))  # a goal's number starting a line starts a goal
                pieces.append((token, number))
        if not pieces:
            return []
        return [_row(["绩效目标", _joined(pieces)], [groups[0][0], pieces[0][1]])]

    # ------------------------------------------------------- indicators
    def _indicators(self, groups: list[tuple[int, list[str]]]) -> list[Block]:
        """Rows begin with a 二级指标 of the framework (after its 一级指标, if printed on that
        line); a name cut at its column's edge is joined with its end, found on the line or
        the two below. Lines between two such lines hold the ends of the first row's cells."""
        spellings1, parents = level_names(self.framework)
        lines = _without_headers(groups)
        used: set[tuple[int, int]] = set()
        rows: list[_IndicatorRow] = []
        written: dict[str, str] = {}  # framework 一级指标 → as this table prints it (效果指标)
        before: list[Piece] = []
        for li, (number, tokens) in enumerate(lines):
            free = [ti for ti in range(len(tokens)) if (li, ti) not in used]
            if not free:
                continue
            level1 = _name_at(lines, used, li, free[0], spellings1)
            if level1 is not None:
                written.setdefault(spellings1[level1], level1)
                free = free[1:]
            level2 = _name_at(lines, used, li, free[0], parents) if free else None
            if level2 is None and level1 is not None and len(free) >= 5:
                level2 = tokens[free[0]]  # a 二级指标 the framework does not know, after a 一级指标
            if level2 is not None:
                free = free[1:]
            pieces = [(tokens[ti], number) for ti in free if (li, ti) not in used]
            if level2 is not None:
                rows.append(_IndicatorRow(level1, level2, number, pieces))
            elif rows:
                rows[-1].more += pieces
            else:
                before += pieces
        if before:
            self._unplaced(before, "这段文字在指标表中的位置无法确定（不在任何一行指标之后），未导入")
        blocks = []
        previous = ""
        for row in rows:
            parent = parents.get(row.level2)
            level1 = row.level1 or (written.get(parent, parent) if parent else previous)
            previous = level1
            cells, at = self._row_cells(row)
            blocks.append(_row([level1, row.level2, *cells], [row.line, row.line, *at]))
        return blocks

    def _row_cells(self, row: _IndicatorRow) -> tuple[list[str], list[int]]:
        """三级指标, 描述, 指标值, 依据 from the pieces after the 二级指标."""
        main, more = row.main, row.more
        if len(main) < 4 and more:  # cells printed on lines of their own
            taken = 4 - len(main)
            main, more = main + more[:taken], more[taken:]
        empty = ("", row.line)
        if len(main) == 4:
            cells = list(main)
        elif len(main) > 4:
            value = main[2:-1]
            cells = [main[0], main[1], (_joined(value), value[0][1]), main[-1]]
            if not all(len(text) <= 4 or text[:1].isdigit() for text, _ in value):
                self._unplaced(value, "这一行指标多于四格，第三格起到最后一格前的文字已一并读作指标值，请核对")
        elif len(main) == 3:
            if looks_like_value(main[1][0]) and not looks_like_value(main[2][0]):
                cells, shape = [main[0], empty, main[1], main[2]], "三级指标、指标值、指标值确定依据"
            elif looks_like_value(main[2][0]) and not is_basis(main[2][0]):
                cells, shape = [main[0], main[1], main[2], empty], "三级指标、绩效指标描述、指标值"
            else:
                cells, shape = [main[0], main[1], empty, main[2]], "三级指标、绩效指标描述、指标值确定依据"
            self._unplaced(main, f"这一行指标只有三格，已按“{shape}”读入，请核对")
        else:
            cells = main + [empty] * (4 - len(main))
            self._unplaced(main or [(row.level2, row.line)], f"这一行指标只读到 {len(main)} 格，请核对")
        if more:
            description = cells[1]
            cells[1] = (_joined([description, *more]) if description[0] else _joined(more),
                        description[1] if description[0] else more[0][1])
            self._unplaced(more, "这段文字在表格中的位置无法确定，已接在上一行指标的“绩效指标描述”后面，请核对")
        return [text for text, _ in cells], [line for _, line in cells]


class _IndicatorRow:
    def __init__(self, level1: str | None, level2: str, line: int, main: list[Piece]) -> None:
        self.level1, self.level2, self.line, self.main = level1, level2, line, main
        self.more: list[Piece] = []  # pieces on the lines below: ends of this row's cells


def _tokens(text: str) -> list[str]:
    """The pieces of a printed line, a head label run together with its value cut off."""
    tokens = text.split()
    if "项目" not in text:
        return tokens
    out = []
    for token in tokens:
        for part in _HEAD_LABEL.split(token):
            part = part if _HEAD_LABEL.fullmatch(part) else part.strip(":：;；,，")
            if part:
                out.append(part)
    return out


def _section(token: str, current: str) -> str:
    """The part of the table a token opens, or the current one (parts only follow each other)."""
    key = _key(token)
    if key.startswith("预算规模") or key == "预算数":
        target = "budget"
    elif key.startswith("资金支出计"):
        target = "plan"
    elif key.rstrip(":：") == "绩效目标":
        target = "goals"
    elif key == "一级指标":
        target = "indicators"
    else:
        return current
    return target if _SECTIONS.index(target) > _SECTIONS.index(current) else current


def _code_goes_on(code: list[Piece], key: str) -> bool:
    # A project code has 21 characters (other systems' codes fewer): a piece of letters and
    # digits that still fits, and is no year or count (a letter in it, or six characters).
    length = sum(len(text) for text, _ in code)
    return (bool(_CODE_PIECE.match(key)) and length < 21 and length + len(key) <= 21
            and (len(key) >= 6 or not key.isdigit()))


def _glue_months(keys: list[str]) -> list[str]:
    """``3`` ``月底`` → ``3月底``: the space a PDF puts between a number and its unit."""
    out: list[str] = []
    for key in keys:
        if out and out[-1].isdigit() and len(out[-1]) <= 2 and key.startswith(("月底", "月末")):
            out[-1] += key
        else:
            out.append(key)
    return out


def _is_plan_label(key: str) -> bool:
    """资金支出计划（%） or a piece of it (``资金支出计``, ``划（%）``, ``（%）``)."""
    key = key.replace("(", "（").replace(")", "）")
    return bool(key) and (key.startswith("资金支出计") or (_PLAN_LABEL.endswith(key) and "%" in key))


def _without_headers(groups: list[tuple[int, list[str]]]) -> list[tuple[int, list[str]]]:
    """The indicator lines without the header row (一级指标 … 指标值确定依据) and its repeats,
    whose labels may wrap too ("指标值确定" / "依据")."""
    kept = []
    header = False
    for number, tokens in groups:
        key = "".join(_key(token) for token in tokens)
        header = bool(key) and key in _HEADER_TEXT and ("一级指标" in key or header)
        if not header:
            kept.append((number, tokens))
    return kept


def _name_at(lines: list[tuple[int, list[str]]], used: set[tuple[int, int]], li: int, ti: int,
             names: dict[str, str]) -> str | None:
    """The framework name the token at (li, ti) is, or starts when its end follows on this
    line or the two below; both pieces are then marked used. None when it is no name."""
    key = _key(lines[li][1][ti])
    if key in names:
        used.add((li, ti))
        return key
    if len(key) < 3:
        return None  # two characters start too many words of a cell
    for name in names:
        if len(name) <= len(key) or not name.startswith(key):
            continue
        tail = name[len(key):]
        for lj in range(li, min(li + 3, len(lines))):
            for tj, token in enumerate(lines[lj][1]):
                if (lj == li and tj <= ti) or (lj, tj) in used:
                    continue
                if _key(token) == tail:
                    used.update({(li, ti), (lj, tj)})
                    return name
    return None
