"""Damaged or odd text never crashes the importer: a document with notes, or a clear message."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from perfdesk.errors import FileFormatError
from perfdesk.importers import import_text

SAMPLES = Path(__file__).resolve().parent.parent / "data" / "samples"
FUNING_LINES = (SAMPLES / "funing-2024-pdf-extract.txt").read_text(encoding="utf-8").split("\n")
FENGRUN_LINES = (SAMPLES / "fengrun-2022-docx-extract.txt").read_text(encoding="utf-8").split("\n")

LABELS = ["项目编码", "项目名称", "预算数", "其中：财政资金", "其他资金", "资金支出计划（%）", "3月底",
          "12月底 100%", "绩效目标", "一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值",
          "指标值确定依据", "产出指标", "效果指标", "1.", "（一）", "第一部分", "第二部分", "目 录",
          "一、总体绩效目标", "三、工作保障措施", "1.项目绩效目标表", "339003某局", "2024年部门预算绩效文本",
          "（草案）", "25%", "1.00", "abc", "<p>", " ", ""]


def _import_or_refuse(text: str) -> None:
    try:
        result = import_text(text)
    except FileFormatError as error:
        assert error.message
        return
    for note in result.notes:
        assert note.line >= 1 and note.reason


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(st.sampled_from(LABELS), min_size=1, max_size=7), max_size=40),
       st.booleans())
def test_random_rows_of_real_labels_never_crash(rows: list[list[str]], word: bool) -> None:
    if word:
        text = "\n\n".join("\n".join("\t" + cell for cell in row) for row in rows)
    else:
        text = "\n".join("\t".join(row) for row in rows)
    _import_or_refuse(text)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_samples_with_lines_lost_or_repeated_never_crash(data: st.DataObject) -> None:
    lines = list(data.draw(st.sampled_from([FUNING_LINES, FENGRUN_LINES])))
    for _ in range(data.draw(st.integers(1, 8))):
        index = data.draw(st.integers(0, len(lines) - 1))
        if data.draw(st.booleans()):
            del lines[index]
        else:
            lines.insert(index, lines[data.draw(st.integers(0, len(lines) - 1))])
    _import_or_refuse("\n".join(lines))


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_arbitrary_text_never_crashes(text: str) -> None:
    _import_or_refuse(text)
