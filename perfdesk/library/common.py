"""The shipped common library (通用共性指标): indicators commonly used for standard kinds of
spending (购置, 培训, 会议, 信息化, 课题研究 …), as data in ``resources/library/common_indicators.json``.

Each row keeps its kind of spending, 一级/二级/三级, a 描述, a 指标值 written as a pattern
(``≥□台``: the clerk puts the project's own number where □ stands) with its unit, and a usual
依据. They are written from the public guidance, not copied from a document of the bureau's,
so every suggestion made from them says so (``COMMON_SOURCE``) and comes after the bureau's
own rows.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache

from perfdesk.resources import resource_path

COMMON_SOURCE = "通用共性指标"


@dataclass(frozen=True)
class CommonRow:
    kind: str
    level1: str
    level2: str
    level3: str
    description: str
    value: str
    unit: str
    basis: str


@lru_cache(maxsize=1)
def _load() -> tuple[str, tuple[CommonRow, ...]]:
    data = json.loads(resource_path("library", "common_indicators.json").read_text(encoding="utf-8"))
    rows = tuple(CommonRow(kind=group["kind"], level1=row["level1"], level2=row["level2"], level3=row["level3"],
                           description=row.get("description", ""), value=row.get("value", ""),
                           unit=row.get("unit", ""), basis=row.get("basis", ""))
                 for group in data["kinds"] for row in group["rows"])
    return str(data.get("source", "")), rows


def common_rows() -> tuple[CommonRow, ...]:
    """Every shipped common indicator, in the file's order (by kind of spending)."""
    return _load()[1]


def common_note() -> str:
    """Where the shipped rows come from, in the file's own words (shown in the dialog)."""
    return _load()[0]
