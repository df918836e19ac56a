"""The indicator library built from the bureau's own workbooks: what it finds for fragments of
two and three characters, how it groups, counts and ranks, and how it follows the files."""

from __future__ import annotations

import os
import re

import pytest

from library_docs import ALL_ROWS, AWARD_2023, OUTREACH_2023, FIELDS, _project, document, write_library
from perfdesk.fileio import save_document
from perfdesk.library import COMMON_SOURCE, LibraryIndex, common_rows, search
from perfdesk.model import load_framework


@pytest.fixture
def library(tmp_path):
    first, second = write_library(tmp_path / "往年文本")
    index = LibraryIndex(tmp_path / "index.sqlite")
    report = index.update([tmp_path / "往年文本"])
    assert (report.read, report.failed) == (2, [])
    yield index, first, second
    index.close()


def _fragments(text: str):
    for size in (2, 3):
        for start in range(len(text) - size + 1):
            yield text[start:start + size]


def test_every_fragment_of_two_or_three_characters_finds_its_row_in_the_first_five(library):
    index, first, second = library
    for level3 in {row[2] for row in ALL_ROWS}:
        for fragment in _fragments(level3):
            found = search(index, fragment, limit=5)
            assert level3 in [s.level3 for s in found], (fragment, level3, [s.level3 for s in found])


def test_a_suggestion_carries_the_most_frequent_wording_its_count_and_its_files(library):
    index, first, second = library
    (found,) = [s for s in search(index, "满意", details=True) if s.level3 == "特派员满意度"]
    # Two rows in 2023.xlsx say ≥95%, one in 2024.json says ≥90%.
    assert (found.level1, found.level2, found.description, found.value, found.basis) == (
        "满意度指标", "服务对象满意度指标", "科技特派员对补助的满意程度", "≥95%", "问卷调查")
    assert found.count == 3
    assert found.sources == [str(first), str(second)]
    assert [(v.description, v.value, v.count, v.sources) for v in found.variants] == [
        ("科技特派员对补助的满意程度", "≥95%", 2, (str(first),)),
        ("特派员满意程度", "≥90%", 1, (str(second),)),
    ]
    assert found.projects == ["科技特派员补助", "科普活动经费"]
    (quick,) = [s for s in search(index, "满意") if s.level3 == "特派员满意度"]
    # A completion carries the most frequent wording and knows how many there are.
    assert (quick.value, quick.count, quick.sources, quick.wordings, len(quick.variants)) == (
        "≥95%", 3, [str(first), str(second)], 2, 1)
    (people,) = search(index, "特派员人", details=True)
    # One each: the one indexed first (2023.xlsx, by path) is shown, the other a click away.
    assert (people.value, people.count, [v.value for v in people.variants]) == ("≥30人", 2, ["≥30人", "≥35人"])


def test_the_row_being_edited_ranks_its_own_second_level_first(library):
    index, *_ = library
    assert [s.level3 for s in search(index, "完成率")] == ["任务完成率", "宣传任务完成率"]
    assert [s.level3 for s in search(index, "完成率", "社会效益指标")] == ["宣传任务完成率", "任务完成率"]
    # The whole name and its start come before a fragment inside another name.
    assert search(index, "任务完成率", "社会效益指标")[0].level3 == "任务完成率"
    # The dialog's filter keeps one 二级 only.
    assert [s.level3 for s in search(index, "", only_level2="质量指标")] == ["任务完成率"]


def test_nothing_is_suggested_that_no_document_holds(library):
    index, *_ = library
    written = {tuple(row) for row in ALL_ROWS}
    for query in ("满意", "完成", "特派员", "资金", "率", "场次", "", "数量"):
        for suggestion in search(index, query, limit=None, details=True):
            for variant in suggestion.variants:
                row = (suggestion.level1, suggestion.level2, suggestion.level3, variant.description, variant.value,
                       variant.basis)
                assert row in written
            assert suggestion.count == sum(1 for row in ALL_ROWS if row[1:3] == (suggestion.level2, suggestion.level3))
    assert search(index, "差旅费") == [] and search(index, "满意度调查") == []


def test_a_changed_file_is_read_again_and_a_removed_one_forgotten(library, tmp_path):
    index, first, second = library
    changed = [row if row[2] != "科普活动场次" else row[:4] + ("≥20场",) + row[5:] for row in OUTREACH_2023]
    save_document(document(2023, [_project("P1", "科技特派员补助", AWARD_2023),
                                  _project("P2", "科普活动经费", changed)]), first)
    stat = first.stat()
    os.utime(first, ns=(stat.st_atime_ns, stat.st_mtime_ns + 2_000_000_000))  # a coarse file system's clock
    report = index.update([tmp_path / "往年文本"])
    # The copy perfdesk kept when saving (2023~.xlsx) is no document of its own.
    assert (report.read, report.unchanged, report.removed) == (1, 1, 0)
    assert [(s.value, s.count) for s in search(index, "场次")] == [("≥20场", 1)]
    second.unlink()
    report = index.update([tmp_path / "往年文本"])
    assert (report.read, report.unchanged, report.removed) == (0, 1, 1)
    (found,) = [s for s in search(index, "满意") if s.level3 == "特派员满意度"]
    assert (found.count, found.sources) == (2, [str(first)])
    assert search(index, "宣传") == []


def test_a_broken_file_is_skipped_and_reported_and_the_rest_indexed(tmp_path):
    folder = tmp_path / "往年文本"
    write_library(folder)
    (folder / "坏文件.xlsx").write_bytes(b"PK\x03\x04 not really a workbook")
    (folder / "~$2023.xlsx").write_bytes(b"Excel's lock file")
    index = LibraryIndex(":memory:")
    report = index.update([folder])
    assert report.read == 2 and len(report.failed) == 1
    path, reason = report.failed[0]
    assert path.endswith("坏文件.xlsx")
    assert re.search(r"[\u4e00-\u9fff]", reason) and not re.search(r"Error|Exception|Traceback", reason)
    assert index.failures() == report.failed
    assert search(index, "满意")  # the readable files are there
    # Unchanged, it is not read again but still reported.
    again = index.update([folder])
    assert (again.read, again.unchanged, again.failed) == (0, 3, report.failed)


def test_the_common_library_is_marked_and_comes_after_the_bureaus_rows(library):
    index, *_ = library
    found = search(index, "满意度", common=True, limit=None)
    bureau = [s for s in found if not s.common]
    assert [s.level3 for s in bureau] == ["特派员满意度"]
    assert found[:len(bureau)] == bureau and all(s.common for s in found[len(bureau):])
    shipped = [s for s in found if s.common]
    assert shipped and all(s.sources == [COMMON_SOURCE] for s in shipped)
    assert "参训人员满意度" in [s.level3 for s in shipped]
    assert not [s for s in search(index, "满意度", limit=None) if s.common]  # only when asked for


def test_the_shipped_rows_sit_where_the_framework_puts_them():
    framework = load_framework()
    rows = common_rows()
    assert len(rows) >= 50
    kinds = {row.kind for row in rows}
    assert {"购置", "培训", "会议", "信息化", "课题研究"} <= kinds
    for row in rows:
        assert framework.contains(row.level1, row.level2), row
        assert row.level3 and row.value and row.basis


def test_fields_of_an_empty_library_and_of_a_missing_folder(tmp_path):
    index = LibraryIndex(":memory:")
    report = index.update([tmp_path / "没有这个文件夹"])
    assert (report.read, report.rows, report.failed) == (0, 0, [])
    assert search(index, "满意") == []
    assert search(None, "培训人次", common=True)[0].fields() == dict(zip(FIELDS, (
        "产出指标", "数量指标", "培训人次", "参加培训的人次", "≥□人次", "工作计划")))
