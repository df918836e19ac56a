"""Sanity checks on the hand transcriptions of the two published texts.

The expected figures here were added up and counted by hand from
tests/data/samples/*.txt, so a typo in tests/expected_samples shows up as a failure. The
bundled examples in resources/examples must be these documents, unchanged.
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest

from expected_samples import fengrun_2022, funing_2024
from perfdesk.model import MONTH_CHECKPOINTS, Document, DocumentStatus, load_framework

EXAMPLES = Path(__file__).resolve().parents[2] / "resources" / "examples"

# Numbering the printers add and the model must not carry: "1." "1、" "（一）" "(二)" "一、".
NUMBERING = re.compile(r"^\s*(\d+\s*[.．、]|[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+、)")
# What a PDF extraction leaves and the transcription must have removed.
ARTEFACT_SPACE = re.compile(r"[\u4e00-\u9fff] (?=[\u4e00-\u9fff\d])|\d (?=[\u4e00-\u9fff])")


@pytest.fixture(params=["funing", "fengrun"])
def sample(request) -> Document:
    return {"funing": funing_2024, "fengrun": fengrun_2022}[request.param].build()


def all_text(doc: Document) -> list[str]:
    """Every piece of clerk's text in the document."""
    texts = [doc.department, doc.prepared_by, doc.reviewed_by, doc.part1.overall_goal]
    for sub in doc.part1.sub_goals:
        texts += [sub.title, sub.goal, sub.indicators]
    for measure in doc.part1.measures:
        texts += [measure.text, *measure.items]
    for unit in doc.units:
        texts += [unit.code, unit.name]
    for _, _, _, project in doc.projects():
        texts += [project.code, project.name, project.purpose, *project.goals]
        for indicator in project.indicators:
            texts += list(indicator.cells())
    return texts


# ------------------------------------------------------------------- 抚宁 2024
def test_funing_cover_and_unit():
    doc = funing_2024.build()
    assert doc.department == "秦皇岛市抚宁区科技和工业信息化局"
    assert doc.year == 2024
    assert doc.status is DocumentStatus.DRAFT
    assert doc.prepared_by == "秦皇岛市抚宁区科技和工业信息化局"
    assert doc.reviewed_by == "秦皇岛市抚宁区财政局"
    assert [(u.code, u.name) for u in doc.units] == [("471001", "秦皇岛市抚宁区科技和工业信息化局本级")]


def test_funing_has_ten_projects_adding_up_to_73679_yuan():
    doc = funing_2024.build()
    projects = [p for _, _, _, p in doc.projects()]
    assert len(projects) == 10
    # 564.00 + 1.87 + 2.00 + 60.00 + 20.00 + 37.71 + 34.61 + 10.00 + 1.60 + 5.00, by hand
    assert sum(p.budget_total for p in projects) == Decimal("736.79")
    assert all(p.budget_fiscal == p.budget_total for p in projects)
    assert all(p.budget_other is None for p in projects)
    assert [len(p.indicators) for p in projects] == [9, 9, 9, 8, 9, 9, 7, 8, 6, 8]


def test_funing_part1():
    part1 = funing_2024.build().part1
    assert part1.overall_goal.startswith("负责日常经济运行的调节，")
    assert part1.overall_goal.endswith("负责对全县中小企业的综合协调、指导和服务。")
    assert [s.title for s in part1.sub_goals] == [
        "全力加强工业技改项目建设", "科技创新工作取得新成效", "企业改制和信访稳定工作开创新局面",
        "全面深入推进食品产业强区建设。",
    ]
    assert part1.sub_goals[1].indicators == "在全区范围内组建4个科技服务站，组建50人的科技特派员队伍。"
    assert len(part1.measures) == 7 and all(m.items == [] for m in part1.measures)
    assert part1.measures[0].text.startswith("完善制度建设。进一步完善制度建设，")
    assert part1.measures[6].text.startswith("加强宣传培训调研等。")


def test_funing_spot_values():
    doc = funing_2024.build()
    first = doc.project(0, 0)
    assert first.code == "13030624P00530210007P"
    assert first.name == "2024年改制企业相关费用"
    assert first.goals == ["保障改制企业人员生活费", "保证社会保险按时缴纳", "维护社会稳定"]
    assert first.indicators[0].cells() == ("产出指标", "数量指标", "改制企业家数", "改制企业完成家数", "≥15家", "工作计划")
    # The clerk's mistake is kept: an amount as the 时效指标 value.
    assert first.indicators[4].cells() == (
        "产出指标", "时效指标", "改制费用发放", "改制费用发放进度", "≥558.42万元", "工作计划")
    # A cell wrapped by the PDF ("社会效益指 标", "服务对象满 意度指标") is one word again.
    second = doc.project(0, 1)
    assert second.indicators[7].level2 == "社会效益指标"
    assert second.indicators[8].cells() == (
        "满意度指标", "服务对象满意度指标", "群众满意度", "群众满意数量占总数的比例。", "≥90%", "电话回访")
    third = doc.project(0, 2)
    assert third.code == "13030624P00D2K010004P"
    assert len(third.goals) == 3 and all(g.startswith("<p>") and g.endswith("</p>") for g in third.goals)
    assert doc.project(0, 5).indicators[6].cells()[1:5] == ("成本指标", "受益总人数", "受益总人数", "6人")
    assert doc.project(0, 6).indicators[3].value == "核定支出的50%，最高不超100万元"
    assert doc.project(0, 6).indicators[2].value == "2023年8月底前"
    assert doc.project(0, 9).goals[0] == "为建设社会主义新农村，提高农业科技自主创新能力提供人才’智力支持"


def test_funing_spending_plans():
    plans = [p.spending_plan.values for _, _, _, p in funing_2024.build().projects()]
    d = Decimal
    assert plans == [
        [d(25), d(50), d(75), d(100)],
        [d(25), d(50), d(75), d(100)],
        [d(25), d(50), d(75), None],
        [None, d(100), d(100), d(100)],
        [d(25), d(50), d(75), None],
        [d(25), d(50), d(75), d(100)],
        [d(25), d(50), d(75), None],
        [d(25), d(50), d(100), None],
        [d(25), d(50), d(75), None],
        [d(25), d(50), d(75), None],
    ]


def test_funing_has_no_pdf_artefact_spaces():
    offending = [t for t in all_text(funing_2024.build()) if ARTEFACT_SPACE.search(t)]
    assert offending == []


# ------------------------------------------------------------------ 丰润 2022
def test_fengrun_cover_and_unit():
    doc = fengrun_2022.build()
    assert (doc.department, doc.year, doc.status) == ("唐山市丰润区科学技术局", 2022, DocumentStatus.FINAL)
    assert (doc.prepared_by, doc.reviewed_by) == ("", "")
    assert [(u.code, u.name) for u in doc.units] == [("339003", "唐山市丰润区科学技术局")]


def test_fengrun_has_ten_projects_adding_up_to_1260():
    projects = [p for _, _, _, p in fengrun_2022.build().projects()]
    assert len(projects) == 10
    # 1 + 300 + 115 + 280 + 270 + 30 + 119 + 20 + 100 + 25, by hand
    assert sum(p.budget_total for p in projects) == Decimal("1260.00")
    assert sum(p.budget_fiscal for p in projects) == Decimal("1260.00")
    assert all(p.budget_other is None for p in projects)
    assert all(len(p.indicators) == 7 for p in projects)


def test_fengrun_part1_measures_are_two_level():
    part1 = fengrun_2022.build().part1
    assert [s.title for s in part1.sub_goals] == ["科技创新项目支撑", "科技创新环境建设", "科技政务管理"]
    assert part1.sub_goals[0].goal.startswith("推进实施有关国家和省、市、区科技重大专项")
    assert part1.sub_goals[1].indicators.startswith("根据科技发展需求，")
    assert [m.text for m in part1.measures] == ["基础工作保障措施", "机制保障措施"]
    assert [len(m.items) for m in part1.measures] == [3, 7]
    assert part1.measures[1].items[4].startswith("规范财务资产管理。")


def test_fengrun_spot_values():
    doc = fengrun_2022.build()
    first = doc.project(0, 0)
    assert (first.code, first.name) == ("13020822P00871410001L", "优秀科技特派员奖励（2021年借款）")
    assert first.budget_total == Decimal("1.00")
    assert first.spending_plan.values == [Decimal(100), None, None, None]
    assert first.indicators[3].cells() == (
        "产出指标", "成本指标", "奖补成本", "优秀特派员奖励金发放成本", "≤0.2万元", "历史标准")
    # docx text keeps its spaces exactly
    assert doc.project(0, 2).name == "唐财教（2021）42号 市级技术创新引导计划专项资金（2022年）"
    assert doc.project(0, 9).name.startswith("唐财教（2021）99号  关于")
    assert doc.project(0, 9).spending_plan.values == [Decimal(30), Decimal(30), Decimal(90), Decimal(100)]
    # the template's placeholder goal is kept where the clerk left it
    placeholders = [n for n, (_, _, _, p) in enumerate(doc.projects(), 1) if p.goals == ["目标内容1"]]
    assert placeholders == [1, 8, 9, 10]
    assert doc.project(0, 8).indicators[4].cells()[:3] == ("效益指标", "可持续影响指标", "带动经济")


# ------------------------------------------------------------------ both texts
def test_indicator_levels_are_in_the_hebei_framework(sample):
    framework = load_framework("hebei")
    wrong = [(i.level1, i.level2) for _, _, _, p in sample.projects() for i in p.indicators
             if not framework.contains(i.level1, i.level2)]
    assert wrong == []


def test_every_indicator_row_is_filled(sample):
    empty = [(p.name, i.cells()) for _, _, _, p in sample.projects() for i in p.indicators
             if not all(i.cells())]
    assert empty == []


def test_lists_carry_no_numbering(sample):
    texts = [s.title for s in sample.part1.sub_goals]
    for measure in sample.part1.measures:
        texts += [measure.text, *measure.items]
    for _, _, _, project in sample.projects():
        texts += [re.sub(r"^<p>", "", goal) for goal in project.goals]
    assert [t for t in texts if NUMBERING.match(t)] == []
    assert all(texts)


def test_spending_plans_are_printed_percentages(sample):
    for _, _, _, project in sample.projects():
        assert tuple(project.spending_plan.labels) == MONTH_CHECKPOINTS
        assert all(v is None or Decimal(0) <= v <= Decimal(100) for v in project.spending_plan.values)


def test_build_gives_an_independent_document_each_time():
    for module in (funing_2024, fengrun_2022):
        one = module.build()
        one.update_sub_goal(0, title="改过的标题")
        one.update_indicator(0, 0, 0, value="改过")
        two = module.build()
        assert two.part1.sub_goals[0].title != "改过的标题"
        assert two.project(0, 0).indicators[0].value != "改过"


@pytest.mark.parametrize("name, module", [("funing-2024", funing_2024), ("fengrun-2022", fengrun_2022)])
def test_bundled_json_example_is_the_transcription(name, module):
    path = EXAMPLES / f"{name}.json"
    assert path.is_file(), "run: .venv/bin/python tools/make_examples.py"
    assert Document.model_validate_json(path.read_text(encoding="utf-8")) == module.build()


@pytest.mark.parametrize("name, module", [("funing-2024", funing_2024), ("fengrun-2022", fengrun_2022)])
def test_bundled_workbook_example_opens_as_the_transcription(name, module):
    fileio = pytest.importorskip("perfdesk.fileio")
    path = EXAMPLES / f"{name}.xlsx"
    assert path.is_file(), "run: .venv/bin/python tools/make_examples.py"
    assert fileio.load_document(path) == module.build()
