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
        self._places: dict[int, tuple[int, int, int]] = {}  # id(project) → (unit, index, number)
        self._moved = True  # projects inserted, removed or moved since the last refresh
        self._document_level: dict[Key, list[Finding]] = {}  # by group, as last found
        self._document_list: list[Finding] = []  # the same, in the checker's order
        self._findings: list[Finding] | None = []
        self.changed: set[Key] | None = None  # groups the last refresh changed (None: all)
        self.checked_last = 0  # how many projects the last refresh re-checked (for tests/benchmarks)
        self._warming: list | None = None  # the projects warm() goes through, in print order
        self._warmed = 0
        self._warm_stopped = False

    def note(self, change: Change) -> None:
        """Record what an edit touched (call after the change, e.g. from Document.subscribe)."""
        target, action = change.target, change.action
        if target == "document" and (action == "reset" or _DOCUMENT_WIDE & set(change.fields)):
            if "framework" in change.fields or action == "reset":
                self.framework, self.rules = resolve(self.document, self._fixed_framework, self.rules)
            self._cache.clear()
            self._moved = True
            self._warm_stopped = True
        elif target in ("goal", "indicator") and change.unit is not None and change.project is not None:
            self._touch(change.unit, change.project)
        elif target == "project" and action == "updated" and change.unit is not None and change.index is not None:
            self._touch(change.unit, change.index)
        elif target in ("project", "unit") and action != "updated":
            self._moved = True  # numbers and places shift: refresh() relocates
            self._warm_stopped = True
        # Unit, Part 1 and cover edits only affect the document-wide findings, which refresh()
        # always recomputes.

    def _touch(self, unit: int, index: int) -> None:
        try:
            self._dirty.add(id(self.document.units[unit].projects[index]))
        except IndexError:
            self._cache.clear()  # a change we cannot place: be safe and re-check all
            self._moved = True

    def warm(self, limit: int = 100) -> bool:
        """Check up to ``limit`` more projects ahead of the next :meth:`refresh` (which then only
        relocates them), so that a large document's first check can run in slices between the
        clerk's events. True when every project is checked or warming had to stop (projects
        were inserted, removed or moved meanwhile: refresh() does the rest)."""
        if self._warming is None:
            self._warming = [(u, p, number, project) for number, (u, p, _, project)
                             in enumerate(self.document.projects(), 1)]
            self._warmed = 0
        if self._warm_stopped:
            return True
        document, framework, rules = self.document, self.framework, self.rules
        end = min(len(self._warming), self._warmed + limit)
        for u, p, number, project in self._warming[self._warmed:end]:
            key = id(project)
            entry = self._cache.get(key)
            if entry is None or entry[0] is not project or key in self._dirty:
                self._cache[key] = (project, check_project(document, u, p, framework, rules, number=number))
                self._dirty.discard(key)
        self._warmed = end
        return end >= len(self._warming)

    @property
    def findings(self) -> list[Finding]:
        """All findings of the last refresh: the document's, then each project's in order."""
        if self._findings is None:
            findings = list(self._document_list)
            for key in self._places:
                findings.extend(self._cache[key][1])
            self._findings = findings
        return self._findings

    def findings_of(self, key: Key) -> list[Finding]:
        """The findings of one group of the dock: (unit, project), or (-1, -1) for the document's."""
        found = list(self._document_level.get(key, ()))
        if key != DOCUMENT_GROUP:
            try:
                entry = self._cache.get(id(self.document.units[key[0]].projects[key[1]]))
            except IndexError:
                entry = None
            if entry is not None:
                found.extend(entry[1])
        return found

    def refresh(self) -> list[Finding]:
        """Re-check what changed since the last refresh; returns (and keeps) all findings.

        After edits inside projects only those projects and the document-wide rules are
        checked, and :attr:`changed` names the groups to show again; after projects
        were inserted, removed or moved every project is visited (moved ones relocated, not
        re-checked) and :attr:`changed` is None."""
        if self._moved or any(key not in self._places for key in self._dirty):
            return self._refresh_all()
        document, framework, rules = self.document, self.framework, self.rules
        # A touched project's group is always redone: its name (the group's title) or an
        # acceptance may have changed without its findings changing; so is the document's.
        changed: set[Key] = {DOCUMENT_GROUP}
        for key in self._dirty:
            u, p, number = self._places[key]
            project = self._cache[key][0]
            try:
                if document.units[u].projects[p] is not project:
                    return self._refresh_all()
            except IndexError:
                return self._refresh_all()
            self._cache[key] = (project, check_project(document, u, p, framework, rules, number=number))
            changed.add((u, p))
        self.checked_last = len(self._dirty)
        self._dirty = set()
        changed |= self._set_document_level(check_document_level(document, framework, rules))
        self._findings = None
        self.changed = changed
        return self.findings

    def _set_document_level(self, findings: list[Finding]) -> set[Key]:
        """Keep the document-wide findings by group; the groups where they differ."""
        grouped: dict[Key, list[Finding]] = {}
        for finding in findings:
            grouped.setdefault(group_of(finding), []).append(finding)
        old = self._document_level
        self._document_level, self._document_list = grouped, findings
        return {key for key in old.keys() | grouped.keys()
                if [f.key() for f in old.get(key, ())] != [f.key() for f in grouped.get(key, ())]}

    def _refresh_all(self) -> list[Finding]:
        document, framework, rules = self.document, self.framework, self.rules
        self._set_document_level(check_document_level(document, framework, rules))
        cache: dict[int, tuple[Project, list[Finding]]] = {}
        places: dict[int, tuple[int, int, int]] = {}
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
                places[key] = (u, p, number)
        self._cache, self._places, self._dirty, self._moved = cache, places, set(), False
        self.checked_last = checked
        self._findings = None
        self.changed = None
        return self.findings


Key = tuple[int, int]
DOCUMENT_GROUP: Key = (-1, -1)


def group_of(finding: Finding) -> Key:
    """The dock's group of a finding (as FindingsModel groups them)."""
    return DOCUMENT_GROUP if finding.project is None else (finding.unit, finding.project)
