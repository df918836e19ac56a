"""Searching the indicator library: fragments of a 三级指标, ranked and grouped into suggestions.

Rows with the same 二级 and 三级 (compared without blanks and full-width forms) are one
suggestion. It carries the most frequent 描述/指标值/依据 exactly as written (ties: the one
indexed first), the count of all its rows and the files they come from (most rows first);
every other wording with its own count and files is loaded with ``details`` or
:func:`load_details` (the dialog's preview, ``perfdesk suggest``), not for each completion. Nothing is made up: each field shown is a field some
document holds.

Ranking, in this order: how the fragment matches (the whole 三级, its start, inside it), whether
the suggestion's 二级 is the one of the row being edited, then how often it occurs. The
shipped 通用共性指标 come after all of the bureau's own suggestions, and one the bureau
already uses under the same 二级 is not repeated.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from perfdesk.library.common import COMMON_SOURCE, common_rows
from perfdesk.library.index import LibraryIndex, normalize

DEFAULT_LIMIT = 20


@dataclass(frozen=True)
class Variant:
    """One way a suggestion is written: its 描述/指标值/依据, how many rows and which files."""

    description: str
    value: str
    basis: str
    count: int
    sources: tuple[str, ...]


@dataclass
class Suggestion:
    level1: str
    level2: str
    level3: str
    description: str
    value: str
    basis: str
    count: int
    sources: list[str]
    variants: list[Variant] = field(default_factory=list)
    projects: list[str] = field(default_factory=list)
    common: bool = False  # from the shipped 通用共性指标, not from the bureau's documents
    kind: str = ""        # the common row's kind of spending (购置, 培训 …)
    wordings: int = 1     # how many different 描述/指标值/依据 the rows have
    key: tuple[str, str] | None = None  # (key2, key3) in the index

    @property
    def detailed(self) -> bool:
        """Whether ``variants`` holds every wording with its files (else the most frequent only)."""
        return self.common or (len(self.variants) == self.wordings and all(v.sources for v in self.variants))

    def fields(self, variant: Variant | None = None) -> dict[str, str]:
        """The row's six fields as a chosen variant (the most frequent by default) has them."""
        chosen = variant if variant is not None else (self.variants[0] if self.variants else None)
        return {"level1": self.level1, "level2": self.level2, "level3": self.level3,
                "description": chosen.description if chosen else self.description,
                "value": chosen.value if chosen else self.value,
                "basis": chosen.basis if chosen else self.basis}

    def to_json(self) -> dict[str, Any]:
        return {"level1": self.level1, "level2": self.level2, "level3": self.level3,
                "description": self.description, "value": self.value, "basis": self.basis,
                "count": self.count, "sources": list(self.sources), "common": self.common,
                "variants": [{"description": v.description, "value": v.value, "basis": v.basis, "count": v.count,
                              "sources": list(v.sources)} for v in self.variants]}


def _match_rank(key3: str, key: str) -> int:
    if not key or key3 == key:
        return 0
    return 1 if key3.startswith(key) else 2


def _spelled(spellings: list[tuple[str, str, str, int, int]], field: int) -> str:
    """The most frequent way one of the names is written (ties: the one indexed first)."""
    counts: dict[str, list[int]] = {}
    for row in spellings:
        entry = counts.setdefault(row[field], [0, row[4]])
        entry[0] += row[3]
        entry[1] = min(entry[1], row[4])
    return min(counts, key=lambda name: (-counts[name][0], counts[name][1]))


def _suggestion(index: LibraryIndex, group: tuple[str, str, int, int, int], details: bool) -> Suggestion | None:
    key2, key3, count, _files, wordings = group
    spellings = index.spellings(key2, key3)
    variants = index.variants(key2, key3, None if details else 1)
    if not spellings or not variants:
        return None  # the summaries were rebuilt between the two reads: gone
    sources = index.sources(key2, key3)
    by_variant, projects = index.details(key2, key3) if details else ({}, [])
    found = [Variant(d, v, b, n, tuple(by_variant.get((d, v, b), ()))) for d, v, b, n in variants]
    best = found[0]
    return Suggestion(level1=_spelled(spellings, 0), level2=_spelled(spellings, 1), level3=_spelled(spellings, 2),
                      description=best.description, value=best.value, basis=best.basis, count=count,
                      sources=sources, variants=found, projects=projects, wordings=wordings, key=(key2, key3))


def load_details(index: LibraryIndex | None, suggestion: Suggestion) -> Suggestion:
    """The suggestion with all its wordings, the files of each, and its projects (the
    dialog's preview); a common one, or one gone from the index, as it is."""
    if index is None or suggestion.common or suggestion.key is None or suggestion.detailed:
        return suggestion
    full = _suggestion(index, (*suggestion.key, suggestion.count, len(suggestion.sources), suggestion.wordings), True)
    return full or suggestion


def search(index: LibraryIndex | None, text: str, level2: str = "", *, only_level2: str = "",
           common: bool = False, limit: int | None = DEFAULT_LIMIT, details: bool = False) -> list[Suggestion]:
    """Suggestions whose 三级指标 contains ``text`` (all of them when it is empty).

    ``level2`` is the 二级 of the row being edited (ranked first among equal matches);
    ``only_level2`` keeps only that 二级 (the dialog's filter); ``common`` adds the shipped
    通用共性指标 after the bureau's rows. At most ``limit`` suggestions (None: all). Each
    carries its most frequent wording; ``details`` adds all of them with their files (else
    see :func:`load_details`)."""
    key, prefer, only = normalize(text), normalize(level2), normalize(only_level2)
    found: list[Suggestion] = []
    seen: set[tuple[str, str]] = set()
    if index is not None:
        for group in index.top_groups(key, prefer, only, limit):
            suggestion = _suggestion(index, group, details)
            if suggestion is not None:
                found.append(suggestion)
                seen.add((group[0], group[1]))
    if common and (limit is None or len(found) < limit):
        extra = []
        for row in common_rows():
            key3, key2 = normalize(row.level3), normalize(row.level2)
            if key not in key3 or (only and key2 != only) or (key2, key3) in seen:
                continue
            seen.add((key2, key3))
            rank = (_match_rank(key3, key), 0 if prefer and key2 == prefer else 1)
            variant = Variant(row.description, row.value, row.basis, 1, (COMMON_SOURCE,))
            extra.append((rank, Suggestion(level1=row.level1, level2=row.level2, level3=row.level3,
                                           description=row.description, value=row.value, basis=row.basis,
                                           count=1, sources=[COMMON_SOURCE], variants=[variant],
                                           projects=[], common=True, kind=row.kind)))
        extra.sort(key=lambda pair: pair[0])  # stable: the file's order among equals
        found += [suggestion for _, suggestion in extra]
    return found if limit is None else found[:limit]
