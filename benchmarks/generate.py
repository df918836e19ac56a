"""Generate realistic documents for benchmarks and tests.

``generate_document(projects=300, seed=0, units=3)`` builds a department's text with Chinese
names, 6-9 indicator rows per project over the Hebei framework, amounts as Decimal, the
spending plan 25/50/75/100, goals and Part 1 texts. The same seed gives the same document.
``python -m benchmarks.generate OUT.xlsx [--projects N]`` writes it as a workbook.
"""

from __future__ import annotations

import argparse
import random
import sys
from decimal import Decimal

from perfdesk.model import BudgetUnit, Document, Indicator, Measure, Part1, Project, SpendingPlan, SubGoal

DEPARTMENT = "承德高新技术产业开发区科学技术局"
UNIT_NAMES = (
    "承德高新技术产业开发区科学技术局本级",
    "承德高新技术产业开发区科学技术协会",
    "承德高新技术产业开发区生产力促进中心",
    "承德高新技术产业开发区科技情报研究所",
    "承德高新技术产业开发区技术市场服务站",
)
TOPICS = (
    "科技特派员", "高新技术企业培育", "科技型中小企业评价", "科普宣传", "技术合同登记",
    "科技成果转化", "院士工作站建设", "创新平台建设", "专利资助", "人才引进",
    "农业科技园区", "产学研合作", "科技计划项目管理", "科技创新券", "众创空间",
    "科技档案管理", "科技招商", "重点研发计划", "民营经济发展", "工业技术改造",
)
KINDS = ("奖补资金", "专项经费", "工作经费", "补助资金", "运行维护费", "服务费")
PURPOSES = (
    "用于{topic}相关奖励、补助及日常工作开支，保障各项工作按计划推进。",
    "主要用于开展{topic}工作，包括组织培训、宣传、评审及专家咨询等支出。",
    "按照上级文件要求，对{topic}给予资金支持，推动全区科技创新能力提升。",
)
GOALS = (
    "完成{topic}年度工作任务",
    "推动{topic}工作提质增效",
    "服务对象满意度达到95%以上",
    "资金及时足额发放到位",
)
BASES = ("工作计划", "计划标准", "历史标准", "行业标准", "工作标准", "资金发放表", "问卷调查", "年初预算")

# (一级, 二级, 三级, 描述, 指标值) templates; {n} is a random count, {topic} the project topic.
ROWS = {
    "数量指标": [("奖补数量", "{topic}奖补对象数量", "≥{n}家"), ("培训人次", "组织{topic}培训人次", "≥{n}人次"),
             ("活动场次", "开展{topic}活动场次", "{n}场")],
    "质量指标": [("完成率", "{topic}任务完成率", "100%"), ("合格率", "验收合格率", "≥95%")],
    "时效指标": [("完成时间", "{topic}工作完成时间", "年底前"), ("发放及时率", "资金发放及时率", "100%")],
    "成本指标": [("人均成本", "人均补助标准", "≤{n}万元"), ("项目成本", "控制在预算范围内", "≤{amount}万元")],
    "经济效益指标": [("带动投资", "带动企业研发投入", "≥{n}万元")],
    "社会效益指标": [("创新能力", "全区科技创新能力", "稳步提升"), ("社会影响", "{topic}社会知晓度", "明显提高")],
    "生态效益指标": [("环境改善", "科技支撑生态环境改善", "效果明显")],
    "可持续影响指标": [("长效机制", "{topic}长效机制建立", "持续发挥作用")],
    "服务对象满意度指标": [("满意度", "服务对象满意度", "≥95%"), ("企业满意度", "受补助企业满意度", "≥90%")],
}
LEVEL1 = {
    "数量指标": "产出指标", "质量指标": "产出指标", "时效指标": "产出指标", "成本指标": "产出指标",
    "经济效益指标": "效益指标", "社会效益指标": "效益指标", "生态效益指标": "效益指标",
    "可持续影响指标": "效益指标", "服务对象满意度指标": "满意度指标",
}
# Every project has these four kinds; the rest are drawn to reach 6-9 rows.
REQUIRED = ("数量指标", "质量指标", "时效指标", "服务对象满意度指标")
OPTIONAL = ("数量指标", "成本指标", "经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标",
            "服务对象满意度指标", "质量指标")
ORDER = list(ROWS)


def _amount(rng: random.Random) -> Decimal:
    # Most projects are small (a few 万元), some reach a few thousand 万元.
    return Decimal(rng.randint(100, rng.choice((10_000, 100_000, 500_000)))) / 100


def _project(rng: random.Random, year: int, number: int) -> Project:
    topic = rng.choice(TOPICS)
    total = _amount(rng)
    fiscal = total if rng.random() < 0.7 else (total * Decimal(rng.randint(30, 95)) / 100).quantize(Decimal("0.01"))
    other = total - fiscal
    kinds = list(REQUIRED) + rng.sample(OPTIONAL, rng.randint(2, 5))  # 6-9 rows
    kinds.sort(key=ORDER.index)
    indicators = []
    # Draw templates without repeats so that no project has duplicated rows.
    pools = {level2: rng.sample(ROWS[level2], len(ROWS[level2])) for level2 in dict.fromkeys(kinds)}  # ordered: sets vary per process
    for level2 in kinds:
        level3, description, value = pools[level2].pop() if pools[level2] else rng.choice(ROWS[level2])
        fill = {"topic": topic, "n": rng.randint(2, 200), "amount": f"{total:f}"}
        indicators.append(Indicator(
            level1=LEVEL1[level2], level2=level2, level3=level3, description=description.format(**fill),
            value=value.format(**fill), basis=rng.choice(BASES),
        ))
    goals = [g.format(topic=topic) for g in rng.sample(GOALS, rng.randint(1, 3))]
    return Project(
        code=f"130208{year % 100:02d}P{rng.randint(0, 10**11 - 1):011d}{rng.choice('LKMNTX')}",
        name=f"{year}年{topic}{rng.choice(KINDS)}",
        budget_total=total,
        budget_fiscal=fiscal,
        budget_other=other if other else None,
        purpose=rng.choice(PURPOSES).format(topic=topic),
        spending_plan=SpendingPlan.of([Decimal(25), Decimal(50), Decimal(75), Decimal(100)]),
        goals=goals,
        indicators=indicators,
    )


def _part1(rng: random.Random) -> Part1:
    overall = "\n".join((
        "组织实施全区科技发展规划，推进科技体制改革，提升科技创新能力。",
        "推动科技成果转化和产业化，培育高新技术企业和科技型中小企业。",
        "加强科普宣传和科技人才队伍建设，营造良好的创新环境。",
    ))
    sub_goals = [
        SubGoal(title=title, goal=f"围绕{title}，完成年度各项工作任务。",
                indicators=f"{title}任务完成率大于等于{rng.choice((80, 90, 95))}%；服务对象满意度大于等于90%。")
        for title in ("科技创新项目支撑", "科技创新环境建设", "科技政务管理")
    ]
    measures = [
        Measure(text="加强组织领导", items=["成立绩效管理工作领导小组", "明确责任分工，层层抓好落实"]),
        Measure(text="强化预算执行管理，严格按照支出计划使用资金"),
        Measure(text="健全绩效监控机制", items=["定期开展绩效运行监控", "及时纠正执行偏差"]),
    ]
    return Part1(overall_goal=overall, sub_goals=sub_goals, measures=measures)


def generate_document(projects: int = 300, seed: int = 0, units: int = 3) -> Document:
    """A realistic document with ``projects`` projects spread over ``units`` budget units."""
    rng = random.Random(seed)
    year = 2025
    units = max(1, min(units, len(UNIT_NAMES)))
    budget_units = [BudgetUnit(code=f"112{i + 1:03d}", name=UNIT_NAMES[i]) for i in range(units)]
    for number in range(projects):
        # The first unit (本级) carries most projects, as in the published texts.
        index = 0 if rng.random() < 0.6 else rng.randrange(units)
        budget_units[index].projects.append(_project(rng, year, number + 1))
    return Document(department=DEPARTMENT, year=year, prepared_by="张伟", reviewed_by="李娜",
                    part1=_part1(rng), units=budget_units)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="写出一个生成的示例工作簿")
    parser.add_argument("output", help=".xlsx 或 .json")
    parser.add_argument("--projects", type=int, default=300)
    parser.add_argument("--units", type=int, default=3)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    from perfdesk.fileio import save_document

    save_document(generate_document(args.projects, args.seed, args.units), args.output)
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
