"""Which projects a search text finds: the matching behind the tree's "查找项目" field.

No Qt here, so that tests (and anything else) can ask without widgets. A project is found
when the text occurs in its name or its 项目编码, when the text is its printed number
("12" or "12."), or when it occurs in its budget unit's name (then every project of the unit
is found). Text is compared the way the review rules compare the clerk's text
(:func:`perfdesk.review.ruledata.fold`: NFKC, so full-width digits and letters count as
half-width, and no whitespace), and without regard to case.
"""

from __future__ import annotations

from perfdesk.model import Document
from perfdesk.review.ruledata import fold

_NUMBER_ENDS = ".、。"


def search_key(text: str | None) -> str:
    """How search text and the texts searched are compared: folded, no spaces, case-insensitive."""
    return fold(text or "").casefold()


def typed_number(key: str) -> int | None:
    """The project number a search key stands for ("12", "12." or "12、"), else None."""
    digits = key.rstrip(_NUMBER_ENDS)
    if digits.isascii() and digits.isdigit() and not digits.startswith("0"):
        return int(digits)
    return None  # "0007" is part of a 项目编码, not project 7


def unit_matches(document: Document, text: str) -> list[int]:
    """Indexes of the units whose name contains ``text`` (all units for empty text)."""
    key = search_key(text)
    return [u for u, unit in enumerate(document.units)
            if not key or key in search_key(unit.name)]


def matching_projects(document: Document, text: str) -> list[tuple[int, int]]:
    """(unit, project) of every project ``text`` finds, in document order (all for empty text)."""
    key = search_key(text)
    if not key:
        return [(u, p) for u, p, _, _ in document.projects()]
    number = typed_number(key)
    found: list[tuple[int, int]] = []
    count = 0  # projects before this one: its number is count + 1
    for u, unit in enumerate(document.units):
        whole_unit = key in search_key(unit.name)
        for p, project in enumerate(unit.projects):
            count += 1
            if (whole_unit or count == number or key in search_key(project.name)
                    or key in search_key(project.code)):
                found.append((u, p))
    return found


__all__ = ["matching_projects", "search_key", "typed_number", "unit_matches"]
