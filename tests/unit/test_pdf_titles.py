"""Long table titles and 目录 lines (the 丰润 2022 example has many): how they wrap."""

from __future__ import annotations

import re

import pdfplumber
import pytest

from expected_samples.fengrun_2022 import build
from pdf_readback import TOC_LINE, contents, page_text, printed_number
from perfdesk.pdf import export_pdf

GROUP = 10  # a bracket group this long or shorter, such as （第一批）, is never cut


@pytest.fixture(scope="module")
def fengrun_pdf(tmp_path_factory):
    path = tmp_path_factory.mktemp("titles") / "fengrun.pdf"
    export_pdf(build(), path)
    return path


def _title_lines(page, unit_code: str) -> list[str]:
    """The printed lines of the table title on a page: from ``N.`` down to the unit line."""
    table = page.find_tables()[0]
    lines = [line.strip() for line in page_text(page.crop((0, 0, page.width, table.bbox[1]))).splitlines()]
    first = next(i for i, line in enumerate(lines) if re.match(r"^\d+\.", line))
    last = next(i for i, line in enumerate(lines) if line.startswith(unit_code))
    return lines[first:last]


def _cuts_a_short_group(lines: list[str]) -> bool:
    """Does a line end inside a bracket group of at most GROUP characters?"""
    text = "".join(lines)
    position = 0
    for line in lines[:-1]:
        position += len(line)
        opened = text.rfind("（", 0, position)
        closed = text.find("）", opened)
        if opened >= 0 and closed >= position and closed - opened + 1 <= GROUP:
            return True
    return False


def test_long_table_titles_leave_no_short_line_and_keep_bracket_groups(fengrun_pdf):
    document = build()
    titles = {f"{document.project_number(u, p)}.{project.name}绩效目标表": unit.code
              for u, p, unit, project in document.projects()}
    seen = {}
    with pdfplumber.open(fengrun_pdf) as pdf:
        for page in pdf.pages:
            text = re.sub(r"\s", "", page_text(page))
            for title, unit_code in titles.items():
                if re.sub(r"\s", "", title) in text and page.find_tables():
                    seen[title] = _title_lines(page, unit_code)
    assert len(seen) == len(titles) == 10
    wrapped = {title: lines for title, lines in seen.items() if len(lines) > 1}
    assert len(wrapped) >= 4  # several 唐财教 titles are longer than a line
    for title, lines in wrapped.items():
        assert all(len(line.replace(" ", "")) > 2 for line in lines), lines
        assert not _cuts_a_short_group(lines), lines
        assert "".join(lines).replace(" ", "") == title.replace(" ", "")
    # The two 批 titles: the group （第一批） / （第二批） on one line.
    assert any("（第一批）" in line for line in seen["9.唐财教（2021）98号 关于提前下达省级2022年技术创新引导专项资金（第一批）绩效目标表"])
    assert any("（第二批）" in line for line in seen[
        "10.唐财教（2021）99号  关于提前下达省级2022年支持市县科技创新和科学普及专项资金（第二批）绩效目标表"])


def test_every_contents_line_has_leader_dots_before_its_number(fengrun_pdf):
    with pdfplumber.open(fengrun_pdf) as pdf:
        lines = [line.strip() for line in page_text(pdf.pages[1]).splitlines()]
        assert printed_number(pdf.pages[2]) == 1  # the 目录 is one page
        entries = contents(pdf)
    numbered = [line for line in lines if re.search(r"\d$", line)]
    assert len(numbered) == 3 + 10
    for line in numbered:
        found = TOC_LINE.match(line)
        assert found and re.search(r"\.{6,}\s*\d+$", line), line
    # A title that wraps leaves more than two characters on its last line.
    assert len(entries) == 13
    for line in numbered:
        title_part = TOC_LINE.match(line).group(1).replace(" ", "")
        assert len(title_part) > 2, line
