"""The 公文 profile (GB/T 9704-2012) in the PDF, read back with pdfplumber: every character of
the body inside the 156 × 225 mm text block, Part 1's body at 3号 (16 pt) in a 仿宋 font
when one is installed, page numbers "— N —" on the outer edge 7 mm below the block; and the
profiles as data (a bureau's own file works, a wrong one is refused in Chinese)."""

from __future__ import annotations

import json
import re

import pdfplumber
import pytest

from expected_samples import fengrun_2022, funing_2024
from pdf_readback import compact, indicator_rows, read_project_tables
from perfdesk.errors import PerfdeskError
from perfdesk.layout.profile import available_profiles, load_profile, profiles_dir
from perfdesk.pdf import export_pdf

MM = 72 / 25.4
# The text block of GB/T 9704: left 28 mm, top 37 mm, 156 mm wide, 225 mm high (points, top-down).
BLOCK = (28 * MM, 37 * MM, (28 + 156) * MM, (37 + 225) * MM)
NUMBER = re.compile(r"^— (\d+) —$")


@pytest.fixture(scope="module", params=[funing_2024, fengrun_2022], ids=["funing-2024", "fengrun-2022"])
def gbt_pdf(request, tmp_path_factory):
    document = request.param.build()
    path = tmp_path_factory.mktemp("gbt") / "gbt.pdf"
    result = export_pdf(document, path, profile="gbt9704")
    return document, path, result


def _body(pdf) -> list:
    """The numbered pages (Part 1 on): those after the cover and the 目录."""
    first = next(i for i, page in enumerate(pdf.pages) if any(NUMBER.match(text) for text, _ in _lines(page)))
    return pdf.pages[first:]


def _lines(page):
    """Text lines of a page (characters grouped by their top), each as (text, chars)."""
    lines: list[list[dict]] = []
    for char in sorted(page.chars, key=lambda c: (round(c["top"]), c["x0"])):
        if lines and abs(char["top"] - lines[-1][0]["top"]) < 2:
            lines[-1].append(char)
        else:
            lines.append([char])
    return [("".join(c["text"] for c in line).strip(), line) for line in lines]


def test_the_profile_is_the_standards_page():
    profile = load_profile("gbt9704")
    assert (round(profile.frame_width / MM), round(profile.frame_height / MM)) == (156, 225)
    assert profile.line_grid == 28.95 and profile.lines_per_page == 22 and profile.chars_per_line == 28
    # 22 lines of 28.95 pt fill the 225 mm block.
    assert 22 * profile.line_grid == pytest.approx(225 * MM, abs=1.0)
    assert profile.styles["body"].size == 16 and profile.styles["heading"].font == "heading"
    assert profile.styles["subheading"].font == "kai" and profile.styles["cover_title"].font == "title"
    assert sum(profile.table.columns_mm) <= 156
    assert available_profiles()[:1] == ["compact"] and "gbt9704" in available_profiles()


def test_every_character_of_the_body_is_inside_the_text_block(gbt_pdf):
    _, path, _ = gbt_pdf
    with pdfplumber.open(path) as pdf:
        assert all((round(p.width), round(p.height)) == (595, 842) for p in pdf.pages)
        for sheet, page in enumerate(_body(pdf), 1):  # the body: Part 1 and the tables
            for text, chars in _lines(page):
                if NUMBER.match(text):
                    continue
                for char in chars:
                    inside = (BLOCK[0] - 0.5 <= char["x0"] and char["x1"] <= BLOCK[2] + 0.5
                              and BLOCK[1] - 0.5 <= char["top"] and char["bottom"] <= BLOCK[3] + 0.5)
                    assert inside, (sheet, text, char["text"], char["x0"], char["top"])
            # The tables too: their rulings stay inside the block.
            for line in page.lines + page.rects:
                assert BLOCK[0] - 1 <= line["x0"] and line["x1"] <= BLOCK[2] + 1, sheet
                assert BLOCK[1] - 1 <= line["top"] and line["bottom"] <= BLOCK[3] + 1, sheet


def test_page_numbers_are_dashed_on_the_outer_edge_below_the_block(gbt_pdf):
    _, path, _ = gbt_pdf
    with pdfplumber.open(path) as pdf:
        body = _body(pdf)
        front = pdf.pages[:len(pdf.pages) - len(body)]
        assert len(front) >= 2  # cover and 目录
        numbers = []
        for page in body:
            found = [(text, chars) for text, chars in _lines(page) if NUMBER.match(text)]
            assert len(found) == 1, page.page_number
            text, chars = found[0]
            number = int(NUMBER.match(text).group(1))
            numbers.append(number)
            top = min(c["top"] for c in chars)
            # 4号 (14 pt), its top 7 mm below the text block.
            assert all(round(c["size"]) == 14 for c in chars if c["text"].strip())
            assert top - BLOCK[3] == pytest.approx(7 * MM, abs=1.5)
            left, right = min(c["x0"] for c in chars), max(c["x1"] for c in chars)
            if number % 2:  # odd pages: at the right, one character (14 pt) in from the block's edge
                assert BLOCK[2] - right == pytest.approx(14, abs=1)
            else:
                assert left - BLOCK[0] == pytest.approx(14, abs=1)
        assert numbers == list(range(1, len(body) + 1))
        # Cover and 目录 have none.
        assert not any(NUMBER.match(text) for page in front for text, _ in _lines(page))


def test_part1_body_is_16_pt_in_a_fangsong_font_when_one_is_installed(gbt_pdf):
    document, path, result = gbt_pdf
    fallback = any("仿宋" in note for note in result.notes)
    first_words = document.part1.overall_goal[:12]
    with pdfplumber.open(path) as pdf:
        page = next(p for p in _body(pdf) if first_words in (p.extract_text() or "").replace("\n", ""))
        line = next(chars for text, chars in _lines(page) if text.startswith(first_words[:6]))
    assert {round(c["size"], 1) for c in line} == {16.0}
    # First line indented two characters (32 pt) from the block's left edge.
    assert line[0]["x0"] - BLOCK[0] == pytest.approx(32, abs=1)
    fonts = {c["fontname"].split("+")[-1] for c in line}
    if fallback:  # no 仿宋 on this machine: the note says what stood in
        assert any("已改用" in note for note in result.notes if "仿宋" in note)
    else:
        assert all(re.search("fang|仿宋", name, re.I) for name in fonts), fonts


def test_tables_read_back_with_every_field(gbt_pdf):
    document, path, _ = gbt_pdf
    tables = read_project_tables(path)
    assert len(tables) == document.project_count()
    for u, p, _, project in document.projects():
        table = tables[f"{document.project_number(u, p)}.{project.name}绩效目标表"]
        rows = [[compact(c) if c is not None else None for c in row] for row in table.rows]
        assert (rows[0][1], rows[0][4]) == (project.code, project.name)
        assert indicator_rows(table) == [indicator.cells() for indicator in project.indicators]
        assert table.header_on_every_page


def test_a_bureaus_own_profile_is_a_file_beside_the_others(tmp_path):
    data = json.loads((profiles_dir() / "compact.json").read_text(encoding="utf-8"))
    data["name"], data["page"]["margins_mm"]["left"] = "wide-left", 35
    data["table"]["columns_mm"] = [20, 22, 22, 22, 18, 22, 29]
    own = tmp_path / "wide-left.json"
    own.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    export_pdf(funing_2024.build(), tmp_path / "own.pdf", profile=str(own))
    with pdfplumber.open(tmp_path / "own.pdf") as pdf:
        left = min(c["x0"] for c in pdf.pages[3].chars)
    assert left >= 35 * MM - 0.5
    # A wrong profile is refused with the file and the field named.
    data["table"]["columns_mm"] = [30] * 7
    own.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(PerfdeskError, match="版式文件.*wide-left.json.*列宽合计 210 毫米"):
        load_profile(str(own))
    del data["page_number"]
    (tmp_path / "broken.json").write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(PerfdeskError, match="缺少字段 page_number"):
        load_profile(str(tmp_path / "broken.json"))
