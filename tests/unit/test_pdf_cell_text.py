"""Text in the table cells, read back glyph by glyph: it stays inside the rulings and breaks
into lines the way Chinese is set (no 《 at a line's end, no ， or % at a line's start, no
character left alone on a line of its own)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pdfplumber
import pytest

from pdf_readback import cell_lines
from perfdesk.fileio import load_document
from perfdesk.model import BudgetUnit, Document, Indicator, Project, SpendingPlan
from perfdesk.pdf import export_pdf

EXAMPLES = Path(__file__).resolve().parents[2] / "resources" / "examples"
MARGIN = 0.5 + 0.3  # clear of the ruling: half its 0.6 pt stroke, then half a point
OPENING = set("（《“‘〔【〈「『([")
CLOSING = set("，。、；：？！）》〉」』】〕”’％%")

LONG = ("依据《河北省省级预算绩效管理办法》和年度重点工作安排，组织专家对申报项目进行评审、公示并及时拨付"
        "奖补资金，确保资金使用规范、安全、有效，全年不发生重大违规问题（含整改）")
VALUES = ["≥5人", "≤0.2万元", "＞3次", "＜1%", "550元/㎡", "核定支出的50%，最高不超100万元", "2023年8月底前",
          "95%以上", "达到80%", "不出现通报现象", "群众投诉下降率%"]
LEVELS = ([("产出指标", "数量指标")] * 6 + [("产出指标", "质量指标")] * 3 + [("产出指标", "成本指标")] * 3
          + [("效益指标", "社会效益指标")] * 3 + [("效益指标", "可持续影响指标")] * 3
          + [("满意度指标", "服务对象满意度指标")] * 2)


def _cut(start: int, end: int) -> str:
    """A piece of LONG; a text may well end with a closing mark, but not with an opening one."""
    return LONG[start:end].rstrip("（《")


def _stress_document() -> Document:
    """Long texts full of ，、《》（） in every kind of cell, centred and left-aligned."""
    indicators = [
        Indicator(level1=level1, level2=level2, level3=f"第{i}项：{_cut(0, (i * 7) % 40 + 5)}",
                  description=f"描述{i:02d}：{_cut(0, (i * 13) % 90 + 20)}", value=VALUES[i % len(VALUES)],
                  basis=f"依据{i:02d}：{_cut((i * 3) % 20, (i * 11) % 70 + 25)}")
        for i, (level1, level2) in enumerate(LEVELS, 1)
    ]
    project = Project(code="13082125P00112345678X", name="科技创新专项资金（压力测试用，指标多、文字长）",
                      budget_total=Decimal("1234.5"), budget_fiscal=Decimal("1000"), budget_other=Decimal("234.5"),
                      purpose=LONG, goals=[_cut(0, 50), _cut(10, 80)], spending_plan=SpendingPlan.of([25, 50, 75, 100]),
                      indicators=indicators)
    return Document(department="测试局", year=2025,
                    units=[BudgetUnit(code="112001", name="测试局本级", projects=[project])])


@pytest.fixture(scope="module", params=["funing-2024", "fengrun-2022", "stress"])
def cells(request, tmp_path_factory):
    """Every table cell of the PDF, as (page, CellLines)."""
    if request.param == "stress":
        document = _stress_document()
    else:
        document = load_document(EXAMPLES / f"{request.param}.xlsx")
    path = tmp_path_factory.mktemp("cells") / f"{request.param}.pdf"
    export_pdf(document, path)
    with pdfplumber.open(path) as pdf:
        found = [(number, cell) for number, page in enumerate(pdf.pages, 1) for cell in cell_lines(page)]
    assert len(found) > 50
    return found


def test_every_glyph_stays_inside_the_rulings_of_its_cell(cells):
    outside = []
    for page, cell in cells:
        left, _, right, _ = cell.box
        for line in cell.lines:
            if line[0]["x0"] < left + MARGIN or line[-1]["x1"] > right - MARGIN:
                text = "".join(char["text"] for char in line)
                outside.append((page, text, round(line[0]["x0"] - left, 2), round(right - line[-1]["x1"], 2)))
    assert outside == []


def test_no_line_in_a_cell_ends_with_an_opening_bracket_or_starts_with_a_closing_mark(cells):
    ends = [(page, cell.texts()) for page, cell in cells if any(text[-1] in OPENING for text in cell.texts())]
    starts = [(page, cell.texts()) for page, cell in cells
              if any(text[0] in CLOSING for text in cell.texts()[1:])]
    assert (ends, starts) == ([], [])


def test_no_character_is_left_alone_on_a_line(cells):
    alone = [(page, cell.texts()) for page, cell in cells
             if len(cell.lines) > 1 and any(len(text) == 1 for text in cell.texts())]
    assert alone == []


def test_level2_names_and_budget_labels_fit_their_columns(cells):
    texts = {"".join(cell.texts()): cell.texts() for _, cell in cells}
    assert texts["其中：财政资金"] == ["其中：财政资金"]
    if "可持续影响指标" in texts:
        assert texts["可持续影响指标"] == ["可持续影响指标"]
    if "服务对象满意度指标" in texts:
        assert all(len(text) >= 2 for text in texts["服务对象满意度指标"])
