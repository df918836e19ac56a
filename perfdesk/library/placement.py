"""Where a row chosen from the indicator library goes in a project's table: with the rows of
its 一级/二级, so that the printed table keeps its merged 一级/二级 cells.

After the last row of the same 一级 and 二级; else among its 一级's rows in the framework's
order of 二级; else among the 一级 in the framework's order; else at the end.
"""

from __future__ import annotations

from typing import Sequence

from perfdesk.model import Indicator
from perfdesk.model.framework import Framework


def _order(names: list[str], name: str) -> int:
    return names.index(name) if name in names else len(names)


def insertion_row(indicators: Sequence[Indicator], level1: str, level2: str, framework: Framework) -> int:
    """The index at which a row of ``level1``/``level2`` is inserted into ``indicators``."""
    level1, level2 = level1.strip(), level2.strip()
    same = [i for i, row in enumerate(indicators) if (row.level1.strip(), row.level2.strip()) == (level1, level2)]
    if same:
        return same[-1] + 1
    canonical1 = framework.canonical_level1(level1) or level1
    in_level1 = [i for i, row in enumerate(indicators)
                 if (framework.canonical_level1(row.level1) or row.level1.strip()) == canonical1]
    if in_level1:
        names = framework.level2_names(canonical1)
        mine = _order(names, framework.canonical_level2(level2) or level2)
        for i in in_level1:
            theirs = _order(names, framework.canonical_level2(indicators[i].level2) or indicators[i].level2.strip())
            if theirs > mine:
                return i
        return in_level1[-1] + 1
    names1 = framework.level1_names()
    mine1 = _order(names1, canonical1)
    for i, row in enumerate(indicators):
        if _order(names1, framework.canonical_level1(row.level1) or row.level1.strip()) > mine1:
            return i
    return len(indicators)
