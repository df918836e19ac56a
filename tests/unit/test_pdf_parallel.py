"""The PDF drawn by several processes is the PDF drawn by one: page by page the same text, page
numbers, 目录 and bookmarks; and stopping, progress, the first pages early and a broken worker
pool behave as a clerk waiting for an export expects.

Both sides are perfdesk's own exports read back with pdfplumber/pypdf (never bytes); the
目录 is also checked against where each title really stands.
"""

from __future__ import annotations

import io
from pathlib import Path

import pdfplumber
import pytest
from pypdf import PdfReader

from perfdesk.errors import Cancelled
from perfdesk.fileio import load_document
from perfdesk.layout.blocks import document_layout
from perfdesk.layout.profile import load_profile
from perfdesk.pdf import export_pdf, parallel
from perfdesk.pdf.assemble import Numbers, assemble
from perfdesk.pdf.fonts import find_profile_fonts
from perfdesk.pdf.pages import PageStyle, segments
from tests.unit.pdf_readback import contents, page_text, printed_number

EXAMPLES = Path(__file__).resolve().parents[2] / "resources" / "examples"


def read(data: bytes) -> dict:
    """What a reader sees: every page's text and printed number, the 目录, the bookmarks."""
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        pages = [page_text(page) for page in pdf.pages]
        numbers = [printed_number(page) for page in pdf.pages]
        toc = contents(pdf)
    reader = PdfReader(io.BytesIO(data))
    marks = []

    def walk(items, depth):
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                marks.append((depth, item.title, reader.get_destination_page_number(item), round(float(item.top), 1)))

    walk(reader.outline, 0)
    return {"pages": pages, "numbers": numbers, "toc": toc, "bookmarks": marks}


def export(document, **options) -> bytes:
    target = io.BytesIO()
    export_pdf(document, target, **options)
    return target.getvalue()


@pytest.fixture(scope="module", params=["funing-2024.xlsx", "fengrun-2022.xlsx"])
def example(request):
    return load_document(EXAMPLES / request.param)


@pytest.fixture(scope="module")
def single(example):
    """The example as one process prints it."""
    return read(export(example, jobs=1))


def test_two_processes_print_the_same_pages_as_one(example, single):
    one = single
    two = read(export(example, jobs=2))
    assert len(two["pages"]) == len(one["pages"]) > 10
    for number, (a, b) in enumerate(zip(one["pages"], two["pages"]), 1):
        assert b == a, f"page {number} differs"
    assert two["numbers"] == one["numbers"]
    assert two["toc"] == one["toc"]
    assert two["bookmarks"] == one["bookmarks"]


def test_every_contents_number_is_the_page_its_title_stands_on(example):
    seen = read(export(example, jobs=2))
    assert len(seen["toc"]) == 3 + example.project_count()  # Part 1's three headings, every table
    printed = {number: text for number, text in zip(seen["numbers"], seen["pages"]) if number is not None}
    for title, number in seen["toc"]:
        assert title[:12].replace(" ", "") in printed[number].replace(" ", "").replace("\n", ""), (title, number)
    # The body is numbered from 1 without a gap; the cover and the 目录 carry no number.
    numbered = [n for n in seen["numbers"] if n is not None]
    assert numbered == list(range(1, len(numbered) + 1))
    assert seen["numbers"][0] is None


def test_the_chosen_tables_alone_are_numbered_from_one_in_both_ways(example):
    codes = [project.code for _, _, _, project in example.projects()][2:5]
    one = read(export(example, project_codes=codes, jobs=1))
    two = read(export(example, project_codes=codes, jobs=2))
    assert two == one
    assert one["numbers"][0] == 1
    assert [title for _, title, _, _ in one["bookmarks"]] == [
        f"{number}.{project.title}" for number, (_, _, _, project) in enumerate(example.projects(), 1)
        if project.code in codes]


def test_the_gbt9704_profile_prints_the_same_in_both_ways(example):
    one = read(export(example, jobs=1, profile="gbt9704"))
    two = read(export(example, jobs=2, profile="gbt9704"))
    assert two["pages"] == one["pages"]
    assert two["bookmarks"] == one["bookmarks"]


def test_pieces_that_meet_characters_they_were_not_primed_with_are_drawn_again(example, single):
    # Nothing primed at all: every piece meets characters it was not told about, says which,
    # and is drawn again; the pages are those of an ordinary export.
    profile = load_profile(None)
    layout = document_layout(example, None, profile.cover_space_mm)
    fonts = find_profile_fonts(profile.fonts)
    parts = segments(layout)
    drawing = parallel.Drawing(PageStyle(profile, fonts, {}), parallel.make_pieces(parts, 2), 2)
    pages, style = drawing.run()
    assert style.primed  # the characters met were added
    data, _ = assemble(pages, style, Numbers(fonts.body, fonts.body), title=layout.title, author=layout.author)
    assert read(data)["pages"] == single["pages"]


def test_a_stopped_export_writes_nothing_and_leaves_the_old_file(example, tmp_path):
    target = tmp_path / "文本.pdf"
    target.write_bytes(b"%PDF-1.4 the clerk's earlier export")
    calls = []

    def stop_after_the_first_pages() -> bool:
        calls.append(1)
        return len(calls) > 2

    with pytest.raises(Cancelled) as stopped:
        export_pdf(example, target, jobs=2, cancelled=stop_after_the_first_pages)
    assert "取消" in str(stopped.value)
    assert target.read_bytes() == b"%PDF-1.4 the clerk's earlier export"
    assert [p.name for p in tmp_path.iterdir()] == ["文本.pdf"]  # no temporary left behind


def test_progress_counts_pages_up_to_the_last(example):
    seen: list[tuple[int, int]] = []
    data = export(example, jobs=2, progress=lambda done, total: seen.append((done, total)))
    pages = len(PdfReader(io.BytesIO(data)).pages)
    done = [d for d, _ in seen]
    assert done == sorted(done) and done[-1] == pages
    # The total is a guess while pages are still coming (never below what is done), exact at the end.
    assert all(total > done for done, total in seen[:-1])
    assert seen[-1] == (pages, pages)


def test_the_first_pages_come_early_as_a_pdf_of_their_own():
    from benchmarks.generate import generate_document

    document = generate_document(40)
    early: list[bytes] = []
    whole = read(export(document, jobs=1, first_pages=early.append))
    assert len(early) == 1
    first = read(early[0])
    count = len(first["pages"])
    assert 3 < count < len(whole["pages"])
    # The cover and every numbered page are those of the whole document …
    for number, (page, printed) in enumerate(zip(first["pages"], first["numbers"]), 1):
        if number == 1 or printed is not None:
            assert page == whole["pages"][number - 1]
    assert first["numbers"] == whole["numbers"][:count]
    # The 目录 of the first pages numbers the tables already laid out and leaves the rest blank.
    numbered_early = dict(first["toc"])
    for title, number in whole["toc"]:
        if title in numbered_early:
            assert numbered_early[title] == number


def test_a_broken_worker_pool_is_replaced_by_drawing_here(example, single):
    pool = parallel._shared_pool(2)
    pool.submit(int).result()
    for process in list(pool._processes.values()):
        process.kill()
        process.join()
    assert read(export(example, jobs=2)) == single
    assert parallel._pool is None  # dropped; the next export starts a new one


def test_the_command_line_takes_the_number_of_processes(tmp_path, single, request):
    from perfdesk.cli.main import main

    source = EXAMPLES / request.node.callspec.params["example"]
    assert main(["export", str(source), str(tmp_path / "两个进程.pdf"), "--jobs", "2"]) == 0
    assert read((tmp_path / "两个进程.pdf").read_bytes()) == single
