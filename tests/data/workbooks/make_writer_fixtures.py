"""Workbooks written by perfdesk's openpyxl writer (before 2026-12-07), kept as the reference the
linear writer is compared with cell by cell (tests/unit/test_fileio_writer_compare.py).

    .venv/bin/python tests/data/workbooks/make_writer_fixtures.py

was run once with the old writer; running it again with the new one rewrites the fixtures, so
only do that when the workbook's format is meant to change. ``mixed_document`` holds what the
examples do not: 上年指标值, 1-6 spending checkpoints with blanks and decimals, text that looks like
a formula, control characters and Excel escapes, empty fields, a review and kept sheets.
"""

from __future__ import annotations

import sys
from decimal import Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
sys.path[:0] = [str(ROOT)]

from benchmarks.generate import generate_document  # noqa: E402
from perfdesk.model import (  # noqa: E402
    Acceptance, Indicator, KeptCell, KeptSheet, ProjectReview, ReviewStatus, SpendingPlan,
)

EXAMPLES = ROOT / "resources" / "examples"
FIXTURES = {"fengrun": "writer-fengrun-2022.xlsx", "funing": "writer-funing-2024.xlsx",
            "mixed": "writer-mixed.xlsx", "big": "writer-big.xlsx"}


def mixed_document():
    document = generate_document(projects=7, seed=11, units=2)
    projects = [project for _, _, _, project in document.projects()]
    first = projects[0]
    for i, indicator in enumerate(first.indicators):
        indicator.previous_value = ("≥90%", "", "=上年数", "12\n项")[i % 4]
    first.indicators[1].description = "=SUM(A1:A2) 不是公式"
    first.indicators[2].value = "+86 -5% @人"
    first.indicators[3].basis = "换行\x0b竖线_x0041_原样" + "很长的依据文字" * 30
    first.goals = ["-保障资金", "@第二条", "第三条\n续行"]
    second = projects[1]
    second.code, second.budget_total, second.budget_fiscal, second.budget_other = "", None, None, None
    second.purpose = ""
    second.spending_plan = SpendingPlan.of([Decimal("33.33")], ["全年"])
    second.indicators.append(Indicator())
    second.indicators.append(Indicator(level1="", level2="数量指标", level3="空一级"))
    projects[2].spending_plan = SpendingPlan.of([Decimal(10), None, Decimal("99.5")], ["一季度", "二季度", "三季度"])
    projects[3].spending_plan = SpendingPlan.of([Decimal(i * 20) for i in range(1, 6)], list("一二三四五"))
    projects[4].spending_plan = SpendingPlan.of([Decimal(i) for i in range(1, 7)], list("一二三四五六"))
    projects[5].spending_plan = SpendingPlan(checkpoints=[])
    projects[5].budget_total = Decimal("0.01")
    projects[6].name = "项目名称很长" * 12 + "：含/斜杠*星号"
    first.review = ProjectReview(status=ReviewStatus.NEEDS_CHANGES, comment="请细化。\n第二行意见",
                                 accepted=[Acceptance(rule="goal-vague", field="goals", where="第 1 条", reason="保留")])
    second.review = ProjectReview(status=ReviewStatus.APPROVED)
    document.accepted = [Acceptance(rule="measures-empty", field="measures", reason="见附件")]
    document.kept_sheets = [
        KeptSheet(name="说明", cells=[
            KeptCell(ref="A1", text="编制说明：\n第二行 "), KeptCell(ref="B2", number=Decimal("1234.56")),
            KeptCell(ref="B3", number=Decimal("0.1")), KeptCell(ref="B4", number=Decimal("0.125"), format="0.0%"),
            KeptCell(ref="B5", number=Decimal("45292"), format="yyyy/m/d"), KeptCell(ref="B6", boolean=True),
            KeptCell(ref="C6", boolean=False), KeptCell(ref="A7", text="=B2+B3"), KeptCell(ref="B7", text="-5%"),
            KeptCell(ref="A8", number=Decimal("5"), format='0"人"'), KeptCell(ref="A9", formula="=SUM(B2:B3)"),
            KeptCell(ref="A10", text="回车\r换行"), KeptCell(ref="AA100", number=Decimal("-1E+20")),
        ], merges=["A1:D1", "C8:D9"], column_widths={"A": 18.5, "B": 12, "AA": 30}),
        KeptSheet(name="目录", cells=[KeptCell(ref="A1", text="同名的表")]),
    ]
    return document


def documents():
    """(key, document) of each fixture, built the same way every time."""
    from perfdesk.fileio import load_document

    return {"fengrun": load_document(EXAMPLES / "fengrun-2022.json"),
            "funing": load_document(EXAMPLES / "funing-2024.json"),
            "mixed": mixed_document(),
            "big": generate_document(projects=40, seed=4, units=3)}


def main() -> None:
    from perfdesk.fileio import write_workbook

    for key, document in documents().items():
        write_workbook(document, HERE / FIXTURES[key])
        print(HERE / FIXTURES[key])


if __name__ == "__main__":
    main()
