"""Findings the bureau's reviewer accepted (已核实，保留): which finding an :class:`Acceptance`
names, making one for a finding, and telling the accepted findings apart.

A finding is named by its rule, its field and ``where`` it stands in words a reviewer would
use: the indicator row's ``一级/二级/三级`` text, or ``第 N 条`` for the N-th goal, sub-goal,
measure or plan checkpoint. The row's text rather than its number, so that an accepted
finding stays accepted when the clerk inserts a row above it, and comes back when the clerk
rewrites that row.
"""

from __future__ import annotations

from perfdesk.model import Acceptance, Document, ProjectReview
from perfdesk.review.findings import Finding, Update



def where_of(finding: Finding, document: Document) -> str:
    """Where the finding stands, in the words an acceptance keeps."""
    project = finding.project_in(document)
    if finding.row is not None and project is not None and finding.row < len(project.indicators):
        row = project.indicators[finding.row]
        return f"{row.level1}/{row.level2}/{row.level3}"
    if finding.item is not None:
        return f"第 {finding.item + 1} 条"
    if finding.unit is not None and finding.project is None and finding.unit < len(document.units):
        return document.units[finding.unit].label
    return ""


def accept(finding: Finding, document: Document, reason: str) -> Acceptance:
    """The acceptance of ``finding`` with the reviewer's reason."""
    return Acceptance(rule=finding.rule, field=finding.field or "", where=where_of(finding, document),
                      reason=reason.strip())


def acceptances_of(finding: Finding, document: Document) -> list[Acceptance]:
    """The list an acceptance of ``finding`` belongs in: its project's, else the document's."""
    project = finding.project_in(document)
    return project.review.accepted if project is not None else document.accepted


def acceptance(finding: Finding, document: Document) -> Acceptance | None:
    """The reviewer's acceptance of this finding, or None when it stands open."""
    wanted = (finding.rule, finding.field or "", where_of(finding, document))
    return next((a for a in acceptances_of(finding, document) if a.key() == wanted), None)


def split_accepted(findings: list[Finding], document: Document) -> tuple[list[Finding], list[Finding]]:
    """(open findings, accepted findings), each in the order given."""
    open_, accepted = [], []
    for finding in findings:
        (accepted if acceptance(finding, document) else open_).append(finding)
    return open_, accepted


def acceptance_update(finding: Finding, document: Document, reason: str | None) -> Update:
    """The document update that accepts ``finding`` with ``reason`` (replacing an earlier
    acceptance of it), or with ``reason`` None takes its acceptance back. In the argument order
    of ``Document.update_item`` / ``UpdateCommand``, so the window pushes it as one undo step."""
    wanted = (finding.rule, finding.field or "", where_of(finding, document))
    kept = [a for a in acceptances_of(finding, document) if a.key() != wanted]
    if reason is not None:
        kept.append(accept(finding, document, reason))
    project = finding.project_in(document)
    if project is None:
        return ("document", {"accepted": kept}, None, None, None)
    review = ProjectReview(status=project.review.status, comment=project.review.comment, accepted=kept)
    return ("project", {"review": review}, finding.project, finding.unit, None)
