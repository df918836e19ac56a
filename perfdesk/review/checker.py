"""Running the review: the whole document, one project (for re-checks after an edit), or
the document-wide part alone. Findings come back in document order, errors first within
each place.
"""

from __future__ import annotations

from perfdesk.model import Document, Framework, load_framework
from perfdesk.review.context import ProjectScope, Report
from perfdesk.review.document_rules import check_across_projects, check_cover, check_part1, check_units
from perfdesk.review.findings import Finding
from perfdesk.review.indicator_rules import check_indicators
from perfdesk.review.project_rules import check_fields
from perfdesk.review.ruledata import ReviewRules, load_rules


def resolve(document: Document, framework: Framework | None,
            rules: ReviewRules | None) -> tuple[Framework, ReviewRules]:
    """The framework and rule data to check with: those given, else the document's own."""
    if framework is None:
        try:
            framework = load_framework(document.framework)
        except KeyError:
            framework = load_framework()  # an unknown framework id: check against the default one
    return framework, rules or load_rules()


def check_document(document: Document, framework: Framework | None = None,
                   rules: ReviewRules | None = None) -> list[Finding]:
    """Every finding for ``document``: document-wide ones first, then project by project."""
    framework, rules = resolve(document, framework, rules)
    findings = check_document_level(document, framework, rules)
    number = 0
    for u, unit in enumerate(document.units):
        for p in range(len(unit.projects)):
            number += 1
            findings.extend(check_project(document, u, p, framework, rules, number=number))
    return findings


def check_document_level(document: Document, framework: Framework | None = None,
                         rules: ReviewRules | None = None) -> list[Finding]:
    """The findings that do not belong to one project alone: cover, Part 1, units, and
    comparisons across projects (duplicate codes). Cheap enough to redo after any edit."""
    framework, rules = resolve(document, framework, rules)
    report = Report(rules, framework)
    check_cover(document, report)
    check_part1(document, report)
    check_units(document, report)
    check_across_projects(document, report)
    return _ordered(report.findings)


def check_project(document: Document, unit: int, index: int, framework: Framework | None = None,
                  rules: ReviewRules | None = None, *, number: int | None = None) -> list[Finding]:
    """The findings of one project's own table (``index`` is 0-based within ``unit``)."""
    framework, rules = resolve(document, framework, rules)
    project = document.units[unit].projects[index]
    if number is None:
        number = document.project_number(unit, index)
    report = Report(rules, framework, unit=unit, project=index, number=number,
                    project_code=project.code.strip() or None)
    scope = ProjectScope(report, document, project, unit, index)
    check_fields(scope)
    check_indicators(scope)
    return _ordered(report.findings)


def _ordered(findings: list[Finding]) -> list[Finding]:
    """Errors first, then warnings, then hints; within those, project fields before rows."""
    return sorted(findings, key=lambda f: (f.severity.rank, -1 if f.row is None else f.row))


def count_by_severity(findings: list[Finding]) -> dict[str, int]:
    counts = {"error": 0, "warning": 0, "hint": 0}
    for finding in findings:
        counts[finding.severity.value] += 1
    return counts
