"""Where rules put their findings: a collector that knows the place being checked.

A rule calls ``report.add(rule_id, message, field=..., ...)``; the collector fills in the
project's location, applies the region's severity overrides and drops switched-off rules.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from perfdesk.model import Document, Framework, Project
from perfdesk.review.findings import Finding, Fix, Severity
from perfdesk.review.ruledata import ReviewRules


@dataclass
class Report:
    rules: ReviewRules
    framework: Framework
    findings: list[Finding] = field(default_factory=list)
    unit: int | None = None
    project: int | None = None
    number: int | None = None
    project_code: str | None = None

    def add(self, rule: str, message: str, *, field: str | None = None, row: int | None = None,
            item: int | None = None, fix: Fix | None = None, severity: Severity | None = None) -> None:
        chosen = self.rules.severity_of(rule)
        if chosen is None:
            return
        if severity is not None and rule not in self.rules.severity:
            chosen = severity  # a per-item severity from the data (e.g. one requirement)
        self.findings.append(Finding(
            rule=rule, severity=chosen, message=message, field=field, unit=self.unit, project=self.project,
            number=self.number, project_code=self.project_code, row=row, item=item, fix=fix))


@dataclass
class ProjectScope:
    """What project rules see: the project, its place and the document's year."""

    report: Report
    document: Document
    project: Project
    unit: int
    index: int

    @property
    def rules(self) -> ReviewRules:
        return self.report.rules

    @property
    def framework(self) -> Framework:
        return self.report.framework

    @property
    def budget(self) -> Decimal | None:
        return self.project.budget_total

    def add(self, rule: str, message: str, **kwargs: Any) -> None:
        self.report.add(rule, message, **kwargs)

    def project_fix(self, label: str, **fields: Any) -> Fix:
        return Fix(label, (("project", fields, self.index, self.unit, None),))

    def indicator_fix(self, label: str, row: int, **fields: Any) -> Fix:
        return Fix(label, (("indicator", fields, row, self.unit, self.index),))

    def goal_fix(self, label: str, item: int, text: str) -> Fix:
        return Fix(label, (("goal", {"text": text}, item, self.unit, self.index),))

    def removal_fix(self, label: str, target: str, *indices: int) -> Fix:
        """Take goals or indicator rows out of this project (e.g. a duplicated row)."""
        return Fix(label, removals=tuple((target, i, self.unit, self.index) for i in indices))
