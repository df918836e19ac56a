"""The Word export as LibreOffice prints it: the committed PDFs in tests/data/word_export (made
by make_fixtures.py there from perfdesk's .docx of both examples, in both profiles) read
back by their ruling lines as the PDF tests read perfdesk's own PDF — every table field,
every project title, Part 1, A4 pages, the indicator header on every page a table continues
on. One test prints a .docx with LibreOffice itself when it is installed, so a change to the
writer that the fixtures no longer reflect shows up.

Two things a Word-printed page does differently from perfdesk's PDF, and the reading allows
for: a merged 一级/二级 cell continued on a new page is empty there (Word and LibreOffice do
not print a merged cell's text again), and LibreOffice, lacking 黑体 here, sets digits in a
Latin font with a gap that reads as a space ("2024 年")."""

from __future__ import annotations

import re
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pdfplumber
import pytest

from expected_samples import fengrun_2022, funing_2024
from pdf_readback import compact, page_text, read_project_tables
from perfdesk.word import export_docx

FIXTURES = Path(__file__).resolve().parents[1] / "data" / "word_export"
SAMPLES = {"funing-2024": funing_2024, "fengrun-2022": fengrun_2022}
HEADER = ["一级指标", "二级指标", "三级指标", "绩效指标描述", None, "指标值", "指标值确定依据"]


def _key(title: str) -> str:
    return re.sub(r"\s", "", title)


def _amount(value: Decimal | None) -> str:
    return "" if value is None else f"{value:.2f}"


def _percent(value: Decimal | None) -> str:
    if value is None:
        return ""
    return f"{int(value) if value == int(value) else value}%"


def _cells(row) -> list[str | None]:
    return [compact(c) if c is not None else None for c in row]


def word_indicator_rows(table) -> list[tuple[str, ...]]:
    """Indicator rows with merged 一级/二级 filled in; on a continuation page an empty 一级/二级
    in the first row continues the merged cell of the page before."""
    result, level1, level2, started = [], "", "", False
    for page_number, rows in enumerate(table.page_rows):
        rows = [_cells(row) for row in rows]
        if page_number == 0:
            start = next((i for i, row in enumerate(rows) if row == HEADER), None)
            if start is None:
                continue
            rows, started = rows[start + 1:], True
        elif started:
            assert rows[0] == HEADER, "the indicator header repeats on every page"
            rows = rows[1:]
            if rows and rows[0][0] == "":
                rows[0][0] = None
                if rows[0][1] == "":
                    rows[0][1] = None
        for row in rows:
            level1 = row[0] if row[0] is not None else level1
            level2 = row[1] if row[1] is not None else level2
            result.append((level1, level2, row[2], row[3], row[5], row[6]))
    return result


def check_printed(document, path: Path) -> None:
    tables = {_key(title): table for title, table in read_project_tables(path).items()}
    assert len(tables) == document.project_count() == 10
    for u, p, unit, project in document.projects():
        title = f"{document.project_number(u, p)}.{project.name}绩效目标表"
        table = tables[_key(title)]
        rows = [_cells(row) for row in table.page_rows[0]]
        assert _key(table.unit_line).startswith(unit.code + unit.name) and table.unit_line.endswith("单位：万元")
        assert rows[0] == ["项目编码", project.code, None, "项目名称", project.name, None, None], title
        assert rows[1] == ["预算规模及资金用途", "预算数", _amount(project.budget_total), "其中：财政资金",
                           _amount(project.budget_fiscal), "其他资金", _amount(project.budget_other)], title
        assert rows[2][1] == project.purpose, title
        plan = project.spending_plan.checkpoints
        assert [rows[3][i] for i in (1, 3, 5, 6)] == [c.label for c in plan], title
        assert [rows[4][i] for i in (1, 3, 5, 6)] == [_percent(c.value) for c in plan], title
        assert rows[5][1] == "".join(f"{n}.{goal}" for n, goal in enumerate(project.goals, 1)), title
        assert word_indicator_rows(table) == [indicator.cells() for indicator in project.indicators], title
    with pdfplumber.open(path) as pdf:
        assert all((round(page.width), round(page.height)) == (595, 842) for page in pdf.pages)
        text = _key("".join(page_text(page) for page in pdf.pages))
    assert "第一部分" in text and "部门整体绩效目标" in text and "一、总体绩效目标" in text
    assert _key(document.part1.overall_goal)[:40] in text
    assert _key(document.part1.sub_goals[0].title) in text and _key(document.part1.measures[-1].text)[:30] in text
    # Every title stands in the body (after the 目录) too.
    body = text[text.index("部门整体绩效目标一、总体绩效目标"):]
    for u, p, _, project in document.projects():
        assert _key(f"{document.project_number(u, p)}.{project.name}绩效目标表") in body


@pytest.mark.parametrize("profile", ["compact", "gbt9704"])
@pytest.mark.parametrize("sample", list(SAMPLES))
def test_the_committed_libreoffice_print_reads_back(sample, profile):
    check_printed(SAMPLES[sample].build(), FIXTURES / f"{sample}-{profile}.pdf")


def test_gbt9704_print_numbers_its_pages_on_the_outer_edge():
    with pdfplumber.open(FIXTURES / "funing-2024-gbt9704.pdf") as pdf:
        footers = []
        for page in pdf.pages:
            lines = [line.strip() for line in page_text(page).splitlines() if line.strip()]
            found = re.fullmatch(r"—\s*(\d+)\s*—", lines[-1]) if lines else None
            if found:
                words = page.extract_words()
                last = max(words, key=lambda w: w["top"])
                footers.append((int(found.group(1)), last["x0"] > page.width / 2))
    assert [number for number, _ in footers] == list(range(1, len(footers) + 1))
    assert all(right == (number % 2 == 1) for number, right in footers)  # odd right, even left


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_prints_todays_export_as_the_fixture_reads(tmp_path):
    """Printed now, the .docx reads back as the committed fixture does (fixtures not stale)."""
    document = fengrun_2022.build()
    source = tmp_path / "fengrun-2022-gbt9704.docx"
    export_docx(document, source, profile="gbt9704")
    subprocess.run(["soffice", f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
                   check=True, capture_output=True, timeout=300)
    printed = tmp_path / "fengrun-2022-gbt9704.pdf"
    check_printed(document, printed)
    fresh = {_key(k): [_cells(r) for r in v.rows] for k, v in read_project_tables(printed).items()}
    committed = {_key(k): [_cells(r) for r in v.rows]
                 for k, v in read_project_tables(FIXTURES / "fengrun-2022-gbt9704.pdf").items()}
    assert fresh == committed
