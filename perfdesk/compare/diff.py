"""What changed between two versions of a document.

Projects are matched by 项目编码, then by 项目名称 (a project whose code changed but whose name
did not is the same project); what is left over is added or removed. Within a matched project
every changed field is one :class:`Change` with its old and new text. Indicator rows are matched
by their 一级/二级/三级 text, not by position, so that a row inserted at the top is one addition
and not a change to every row below; rows left over within the same 一级/二级 are paired in
order (a 三级 renamed is one change of ``level3``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from perfdesk.model import Document

ADDED, REMOVED, CHANGED = "added", "removed", "changed"


@dataclass(frozen=True)
class Change:
    """One difference. ``project_code``/``project_name`` name the project (of the new version
    when it has one, else of the old; None for the document's own fields); ``field`` is a model
    field name (``budget_total``, ``goals``, ``value`` …, or ``project`` / ``indicator`` for a
    whole project or row added or removed); ``indicator`` names the row as ``一级/二级/三级`` (of
    the new version when it has one); ``old``/``new`` are texts as the clerk wrote them (None
    for what is not there). ``unit``/``project``/``row``/``item`` place it in the NEW document
    (0-based; None where there is none, e.g. a removed project), so the window can go there."""

    kind: str
    field: str
    old: str | None = None
    new: str | None = None
    project_code: str | None = None
    project_name: str | None = None
    indicator: str | None = None
    unit: int | None = None
    project: int | None = None
    row: int | None = None
    item: int | None = None

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "project_code": self.project_code, "project_name": self.project_name,
                "field": self.field, "indicator": self.indicator, "old": self.old, "new": self.new}


def compare_documents(old: Document, new: Document) -> list[Change]:
    """Every change from ``old`` to ``new``: the document's own fields first, then project by
    project in the new version's order, removed projects last."""
    raise NotImplementedError  # being written
