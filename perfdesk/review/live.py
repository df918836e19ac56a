"""Keeping the findings current while the clerk edits, without re-checking everything.

:class:`LiveReview` remembers each project's findings (keyed by the project object, which
the document's mutators keep in place) and, after edits, re-checks only the projects they
touched plus the cheap document-wide rules. Projects that merely moved get their findings
relocated. No Qt: the review dock drives it from a debounce timer.
"""

from __future__ import annotations

from perfdesk.model import Change, Document, Framework, Project
from perfdesk.review.checker import check_document_level, check_project, resolve
from perfdesk.review.findings import Finding
from perfdesk.review.ruledata import ReviewRules

# Cover fields whose change alters every project's findings (code year, framework).
_DOCUMENT_WIDE = {"year", "framework"}


class LiveReview:
    def __init__(self, document: Document, framework: Framework | None = None,
                 rules: ReviewRules | None = None) -> None:
        self.document = document
        self._fixed_framework = framework
        self.framework, self.rules = resolve(document, framework, rules)
        self._cache: dict[int, tuple[Project, list[Finding]]] = {}
        self._dirty: set[int] = set()
        self.findings: list[Finding] = []
        self.checked_last = 0  # how many projects the last refresh re-checked (for tests/benchmarks)

    def note(self, change: Change) -> None:
        """Record what an edit touched (call after the change, e.g. from Document.subscribe)."""
        target, action = change.target, change.action
        if target == "document" and (action == "reset" or _DOCUMENT_WIDE & set(change.fields)):
            if "framework" in change.fields or action == "reset":
                self.framework, self.rules = resolve(self.document, self._fixed_framework, self.rules)
            self._cache.clear()
        elif target in ("goal", "indicator") and change.unit is not None and change.project is not None:
            self._touch(change.unit, change.project)
        elif target == "project" and action == "updated" and change.unit is not None and change.index is not None:
            self._touch(change.unit, change.index)
        # Inserted projects are not cached yet, removed ones drop out and moved ones are
        # relocated by refresh(); unit, Part 1 and cover edits only affect the
        # document-wide findings, which refresh() always recomputes.

    def _touch(self, unit: int, index: int) -> None:
        try:
            self._dirty.add(id(self.document.units[unit].projects[index]))
        except IndexError:
            self._cache.clear()  # a change we cannot place: be safe and re-check all

    def refresh(self) -> list[Finding]:
        """Re-check what changed since the last refresh; returns (and keeps) all findings."""
        document, framework, rules = self.document, self.framework, self.rules
        findings = check_document_level(document, framework, rules)
        cache: dict[int, tuple[Project, list[Finding]]] = {}
        checked = number = 0
        for u, unit in enumerate(document.units):
            for p, project in enumerate(unit.projects):
                number += 1
                key = id(project)
                entry = self._cache.get(key)
                if entry is None or entry[0] is not project or key in self._dirty:
                    found = check_project(document, u, p, framework, rules, number=number)
                    checked += 1
                else:
                    found = [f.relocated(u, p, number) for f in entry[1]]
                cache[key] = (project, found)
                findings.extend(found)
        self._cache, self._dirty = cache, set()
        self.checked_last = checked
        self.findings = findings
        return findings
