"""What the finance bureau's reviewer records in the document itself (审核意见).

Per project a :class:`ProjectReview`: its status (未审 / 需修改 / 已通过), the bureau's comment,
and the findings the reviewer looked at and kept on purpose (:class:`Acceptance`, "已核实，保留",
with the reason). Findings about the document as a whole are accepted on the document
(``Document.accepted``). An acceptance names its finding by rule, field and ``where`` (the
indicator row's 一级/二级/三级 or the item's number), not by row position, so that it still
holds after rows are inserted above it. No Qt and no file format here.
"""

from __future__ import annotations

from enum import Enum

from pydantic import BaseModel, ConfigDict, Field


class ReviewStatus(str, Enum):
    UNREVIEWED = "未审"
    NEEDS_CHANGES = "需修改"
    APPROVED = "已通过"


class Acceptance(BaseModel):
    """A finding the reviewer accepted (已核实，保留): it is counted apart and hidden by default."""

    model_config = ConfigDict(validate_assignment=True, extra="forbid", frozen=True)

    rule: str
    field: str = ""
    where: str = ""
    reason: str = ""

    def key(self) -> tuple[str, str, str]:
        return (self.rule, self.field, self.where)


class ProjectReview(BaseModel):
    model_config = ConfigDict(validate_assignment=True, extra="forbid")

    status: ReviewStatus = ReviewStatus.UNREVIEWED
    comment: str = ""
    accepted: list[Acceptance] = Field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        """Nothing recorded: a project the bureau has not looked at."""
        return self.status is ReviewStatus.UNREVIEWED and not self.comment and not self.accepted
