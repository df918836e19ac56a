"""The two published sample texts import to exactly what a person transcribed from them.

tests/expected_samples holds the documents typed by hand from the text; here the importer's
result is compared with them as a whole and field by field (so a failure names the project
and the field), and the notes a clerk sees are checked.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from expected_samples import fengrun_2022, funing_2024
from perfdesk.importers import import_file, import_text
from perfdesk.model import Document, DocumentStatus

SAMPLES = Path(__file__).resolve().parent.parent / "data" / "samples"
CASES = {
    "fengrun": ("fengrun-2022-docx-extract.txt", fengrun_2022),
    "funing": ("funing-2024-pdf-extract.txt", funing_2024),
}
_cache: dict[str, object] = {}


def imported(name: str):
    if name not in _cache:
        _cache[name] = import_file(SAMPLES / CASES[name][0])
    return _cache[name]


def expected(name: str) -> Document:
    return CASES[name][1].build()


def project_ids() -> list[tuple[str, int]]:
    return [(name, number) for name in CASES for number in range(1, expected(name).project_count() + 1)]


@pytest.mark.parametrize("name", CASES)
def test_sample_imports_to_the_hand_transcribed_document(name: str) -> None:
    assert imported(name).document == expected(name)


@pytest.mark.parametrize("name", CASES)
def test_cover_fields(name: str) -> None:
    got, want = imported(name).document, expected(name)
    assert (got.department, got.year, got.status, got.prepared_by, got.reviewed_by) == (
        want.department, want.year, want.status, want.prepared_by, want.reviewed_by)


@pytest.mark.parametrize("name", CASES)
def test_part1(name: str) -> None:
    got, want = imported(name).document.part1, expected(name).part1
    assert got.overall_goal == want.overall_goal
    assert [s.title for s in got.sub_goals] == [s.title for s in want.sub_goals]
    for mine, theirs in zip(got.sub_goals, want.sub_goals, strict=True):
        assert (mine.goal, mine.indicators) == (theirs.goal, theirs.indicators), theirs.title
    assert got.measures == want.measures


@pytest.mark.parametrize("name", CASES)
def test_units(name: str) -> None:
    got, want = imported(name).document, expected(name)
    assert [(u.code, u.name, len(u.projects)) for u in got.units] == [
        (u.code, u.name, len(u.projects)) for u in want.units]


@pytest.mark.parametrize(("name", "number"), project_ids(), ids=lambda v: str(v))
def test_every_project_field(name: str, number: int) -> None:
    got_doc, want_doc = imported(name).document, expected(name)
    got = got_doc.project(*got_doc.locate(number))
    want = want_doc.project(*want_doc.locate(number))
    assert got.code == want.code
    assert got.name == want.name
    assert (got.budget_total, got.budget_fiscal, got.budget_other) == (
        want.budget_total, want.budget_fiscal, want.budget_other)
    assert got.purpose == want.purpose
    assert got.spending_plan.labels == want.spending_plan.labels
    assert got.spending_plan.values == want.spending_plan.values
    assert got.goals == want.goals
    for row, (mine, theirs) in enumerate(zip(got.indicators, want.indicators), start=1):
        assert mine.cells() == theirs.cells(), f"指标第 {row} 行"
    assert len(got.indicators) == len(want.indicators)


def test_pdf_markup_is_kept_and_noted() -> None:
    result = imported("funing")
    project = result.document.project(0, 2)
    assert project.goals[1] == "<p>加大招商引资力度，主动对接国内大企业</p>"
    assert [n.line for n in result.notes if "<p>" in n.reason] == [149]


def test_funing_has_no_other_notes() -> None:
    # Everything in the PDF extract has a place: only the markup is worth telling.
    assert len(imported("funing").notes) == 1


def test_text_without_cover_says_where_department_and_year_came_from() -> None:
    result = imported("fengrun")
    assert result.document.status is DocumentStatus.FINAL
    (note,) = result.notes
    assert "没有封面" in note.reason and "唐山市丰润区科学技术局" in note.reason and "2022" in note.reason


def test_importing_the_same_text_twice_gives_equal_documents() -> None:
    text = (SAMPLES / CASES["funing"][0]).read_text(encoding="utf-8")
    first, second = import_text(text), import_text(text)
    assert first.document == second.document
    assert first.document.model_dump_json() == second.document.model_dump_json()
    assert first.notes == second.notes
