"""Where a save puts each field is where reading the saved file finds it: the window's findings
name the same cells after a save as after opening that file again."""

from __future__ import annotations

import pytest

from expected_samples import fengrun_2022, funing_2024
from perfdesk.fileio import open_document, save_document


@pytest.mark.parametrize("build", [fengrun_2022.build, funing_2024.build])
def test_written_cells_are_the_cells_read_back(tmp_path, build):
    document = build()
    path = tmp_path / "saved.xlsx"
    written = save_document(document, path)
    read = open_document(path)
    assert written.cover == read.origins.cover
    assert written.part1 == read.origins.part1
    for (_, _, _, mine), (_, _, _, theirs) in zip(document.projects(), read.document.projects(), strict=True):
        a, b = written.of(mine), read.origins.of(theirs)
        assert (a.sheet, a.table, a.fields, a.checkpoints, a.goals, a.indicators) == \
            (b.sheet, b.table, b.fields, b.checkpoints, b.goals, b.indicators)
        for row, cells in zip(mine.indicators, a.indicators, strict=True):
            assert written.row(row) == cells  # found by the row object, as the window finds it


def test_a_json_save_knows_no_cells(tmp_path):
    origins = save_document(funing_2024.build(), tmp_path / "saved.json")
    assert origins.projects == {} and origins.cover == {}
