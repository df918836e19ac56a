"""The spending plan (资金支出计划（%）) of one project, gathered from wherever extraction put it.

A PDF extract seldom keeps the plan in its two rows: the 12月底 column often lands on a line
of its own (``12 月底 100%``, or the label in one row and ``100%`` alone on the next line),
or in front of the next row's label (``100%\t绩效目标\t…``). The rows give labels and values
by column; pieces found elsewhere are read in order: a label with its value is bound to it,
a label alone waits for the next lone value, and a lone value goes to the first labelled
checkpoint still without one (or to the one after the last that has a value).
"""

from __future__ import annotations

import re
from decimal import Decimal

from perfdesk.importers.cells import CHECKPOINT, assign_plan, build_plan, checkpoint_of, plan_value
from perfdesk.importers.source import squeeze
from perfdesk.model import SpendingPlan

# One piece of a plan written as running text: a checkpoint label, a value, or both.
_PIECE = re.compile(rf"(?:{CHECKPOINT.pattern})?[+]?(?:\d+(?:\.\d+)?(?:%|％|百分比)?)?")

Piece = tuple[tuple[str, int] | None, Decimal | None]  # ((kind, checkpoint) or None, value)


def plan_pieces(text: str) -> list[Piece] | None:
    """``12 月底 100%`` → [(("month", 3), 100)]; None unless the whole text is plan pieces."""
    pieces: list[Piece] = []
    for part in text.split():
        key = squeeze(part)
        position = 0
        while position < len(key):
            match = _PIECE.match(key, position)
            if not match or match.end() == position:
                return None
            chunk = key[position:match.end()]
            position = match.end()
            label = checkpoint_of(chunk)
            rest = label[2] if label else chunk
            try:
                value = plan_value(rest) if rest else None
            except ValueError:
                return None
            pieces.append(((label[0], label[1]) if label else None, value))
    return pieces or None


class PlanReader:
    def __init__(self) -> None:
        self.kind = "month"
        self.labels: dict[int, int] = {}      # column → checkpoint, from the label row
        self.values: dict[int, Decimal] = {}  # column → value, from the value row
        self.bound: dict[int, Decimal] = {}   # checkpoint → value, where label and value met
        self.waiting: list[int] = []          # checkpoints labelled away from the rows, no value yet

    @property
    def seen(self) -> bool:
        return bool(self.labels or self.values or self.bound or self.waiting)

    @property
    def waits(self) -> bool:
        return bool(self.waiting)

    def row(self, cells: list[str]) -> list[tuple[int, str]]:
        """Read a plan row's cells (after column A); return (column, text) of what is no value."""
        rejected = []
        for index, cell in enumerate(cells[1:], start=1):
            key = squeeze(cell)
            if not key:
                continue
            checkpoint = checkpoint_of(key)
            if checkpoint:
                self.kind, position, key = checkpoint
                self.labels[index] = position
                if not key:
                    continue
            try:
                value = plan_value(key)
            except ValueError:
                rejected.append((index, cell))
                continue
            if checkpoint:
                # A value printed beside its own label ("12月底 100%") needs no column guess.
                self.bound[position] = value
                del self.labels[index]
            elif value is not None:
                self.values[index] = value
        return rejected

    def pieces(self, pieces: list[Piece]) -> bool:
        """Take pieces found outside the plan rows; False (nothing taken) if one has no place."""
        bound, waiting = dict(self.bound), list(self.waiting)
        for label, value in pieces:
            if label is not None:
                self.kind, checkpoint = label
                if value is None:
                    waiting.append(checkpoint)
                    continue
            elif value is None:
                continue
            elif waiting:
                checkpoint = waiting.pop(0)
            else:
                checkpoint = self._next(bound)
                if checkpoint is None:
                    return False
            bound[checkpoint] = value
        self.bound, self.waiting = bound, waiting
        return True

    def _next(self, bound: dict[int, Decimal]) -> int | None:
        taken = set(assign_plan(self.labels, self.values)) | set(bound)
        labelled = sorted(set(self.labels.values()) - taken)
        if labelled:
            return labelled[0]
        after = max(taken, default=-1) + 1
        return after if after < 4 else None

    def build(self) -> SpendingPlan:
        chosen = assign_plan(self.labels, self.values)
        chosen.update(self.bound)
        return build_plan(self.kind, chosen)
