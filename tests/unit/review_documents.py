"""The clean document the review tests edit: the 丰润 2022 project 科技创新扶持资金 with its
indicator descriptions made specific and a cover and Part 1 filled in, on which a reviewer
would raise nothing. Imported as ``unit.review_documents`` (tests/ is on sys.path).
"""

from __future__ import annotations

import json

from perfdesk.resources import resource_path
from perfdesk.model import BudgetUnit, Document, Indicator, Measure, Part1, Project, SpendingPlan, SubGoal


def clean_project(code: str = "13020822P00933810001D") -> Project:
    rows = [
        ("产出指标", "数量指标", "奖补数量", "奖补企业数量", "≥200家", "资金发放表"),
        ("产出指标", "质量指标", "奖补质量", "奖补企业优良率", "≥95百分比", "工作标准"),
        ("产出指标", "时效指标", "奖补时间", "资金发放时间", "年底前", "工作安排"),
        ("产出指标", "成本指标", "奖补成本", "单个企业奖补金额", "≤20万元", "历史标准"),
        ("效益指标", "经济效益指标", "对经济的影响", "获奖补企业研发投入增长", "≥5%", "工作计划"),
        ("效益指标", "社会效益指标", "对社会的影响", "科技型企业数量增长", "≥3%", "工作计划"),
        ("满意度指标", "服务对象满意度指标", "满意度", "收益群体满意度", "≥95百分比", "问卷调查"),
    ]
    return Project(code=code, name="科技创新扶持资金", budget_total="300.00", budget_fiscal="300.00",
                   purpose="科技创新扶持资金", spending_plan=SpendingPlan.of(["30", "60", "90", "100"]),
                   goals=["奖补资金按时拨付到位"],
                   indicators=[Indicator(level1=a, level2=b, level3=c, description=d, value=e, basis=f)
                               for a, b, c, d, e, f in rows])


def clean_document() -> Document:
    return Document(
        department="唐山市丰润区科学技术局", year=2022, prepared_by="唐山市丰润区科学技术局",
        reviewed_by="唐山市丰润区财政局",
        part1=Part1(overall_goal="落实创新驱动发展战略，推进全区创新体系建设。",
                    sub_goals=[SubGoal(title="科技创新项目支撑", goal="推进实施有关国家和省、市、区科技重大专项。",
                                       indicators="国家和省、市、区科技重大项目的数量，完成工作任务大于等于80%。")],
                    measures=[Measure(text="完善制度建设。", items=["制定完善的预算绩效管理制度。"])]),
        units=[BudgetUnit(code="339003", name="唐山市丰润区科学技术局", projects=[clean_project()])],
    )


def region_file(tmp_path, **changes):
    """Another region's rule data: the bundled Hebei file with ``changes``, saved under tmp_path."""
    data = json.loads(resource_path("review", "hebei.json").read_text(encoding="utf-8"))
    data.update(changes)
    path = tmp_path / "region.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path
