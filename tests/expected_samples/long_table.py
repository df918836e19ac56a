"""The Funing 2024 text with one table longer than a page: the expected document of the
Word-printed fixture ``tests/data/import/word/funing_2024_long.docx`` (and its PDF).

Built by hand on top of :func:`expected_samples.funing_2024.build`: project 5 (科技创新专项资金
相关费用) gets 51 more indicator rows, 60 in all, typed below. Its benefit rows use the older
一级指标 spelling 效果指标 (as some county templates still print it), so that an import must keep
the clerk's spelling. Printed, the table runs over three pages, with rows cut by the page breaks;
one description fills a dozen lines of its cell. Nothing here is read back from a file or
produced by perfdesk's importer.
"""

from __future__ import annotations

from perfdesk.model import Document, Indicator

from expected_samples import funing_2024, row

LONG_PROJECT = 4  # index in the only unit: the 5th table, 科技创新专项资金相关费用
OUT, EFFECT, SAT = "产出指标", "效果指标", "满意度指标"
QTY, QUA, TIME, COST = "数量指标", "质量指标", "时效指标", "成本指标"
ECO, SOC, LASTING = "经济效益指标", "社会效益指标", "可持续影响指标"
SERVED = "服务对象满意度指标"

# The district's towns, each with a 科技服务站 and its 科技特派员.
TOWNS = ("骊城街道", "南戴河街道", "抚宁镇", "留守营镇", "榆关镇", "台营镇", "大新寨镇", "坟坨镇", "茶棚乡", "深河乡")

# Long enough to wrap over a dozen lines of its D:E cell (a clerk pasting the rules in full).
LONG_DESCRIPTION = (
    "按照《秦皇岛市抚宁区科技创新专项资金管理办法》规定的申报、审核、公示和拨付程序，对申请奖补的"
    "高新技术企业、科技型中小企业和省级以上研发平台逐家核实研发投入、知识产权、技术合同登记和科技"
    "成果转化情况，审核结果经区科技和工业信息化局党组会议研究并在政府网站公示七个工作日，公示无异议"
    "后由财政国库集中支付系统直接拨付到企业基本账户，全过程资料归档备查，确保资金拨付合规、准确、"
    "及时，杜绝虚报冒领、截留挪用和重复申报现象，审核结果同时报送市科技局备案"
)


def _quantity_rows() -> list[Indicator]:
    stations = [row(OUT, QTY, f"{town}科技服务站", f"{town}建成并正常运行的科技服务站数量", "≥1个", "工作计划")
                for town in TOWNS]
    envoys = [row(OUT, QTY, f"{town}科技特派员", f"派驻{town}的区级科技特派员人数", "≥4人", "工作计划")
              for town in TOWNS]
    return stations + envoys


QUALITY = [
    row(OUT, QUA, "奖补资金审核", LONG_DESCRIPTION, "100%", "《秦皇岛市抚宁区科技创新专项资金管理办法》"),
    row(OUT, QUA, "科技成果转化", "本年度在区内转化应用的科技成果数量", "≥3项", "工作计划"),
    row(OUT, QUA, "研发平台建设", "新认定市级以上企业研发平台数量", "≥2个", "工作计划"),
    row(OUT, QUA, "科技服务站运行", "科技服务站全年开展服务活动的比例", "≥90%", "工作标准"),
    row(OUT, QUA, "特派员服务覆盖", "科技特派员服务覆盖的行政村比例", "≥80%", "工作标准"),
]

TIMELINESS = [
    row(OUT, TIME, "第一季度拨付", "第一季度资金拨付进度", "3月底前25%", "工作计划"),
    row(OUT, TIME, "第二季度拨付", "第二季度资金拨付进度", "6月底前50%", "工作计划"),
    row(OUT, TIME, "第三季度拨付", "第三季度资金拨付进度", "10月底前75%", "工作计划"),
    row(OUT, TIME, "全年拨付", "全年资金拨付完成时间", "2024年12月底前", "工作计划"),
]

COSTS = [
    row(OUT, COST, "高企认定奖补标准", "每家新认定高新技术企业奖补金额", "≤5万元", "计划标准"),
    row(OUT, COST, "科技型中小企业奖补标准", "每家新评价科技型中小企业奖补金额", "≤0.5万元", "计划标准"),
    row(OUT, COST, "科技服务站运行经费", "每个科技服务站年度运行经费", "≤0.3万元", "历史标准"),
    row(OUT, COST, "特派员工作补助", "每名科技特派员年度工作补助", "≤0.1万元", "历史标准"),
]

ECONOMIC = [
    row(EFFECT, ECO, "企业研发投入", "受奖补企业研发投入增长率", "≥5%", "行业标准"),
    row(EFFECT, ECO, "技术合同交易", "技术合同成交额较上年增长", "≥10%", "历史标准"),
    row(EFFECT, ECO, "高新技术产业增加值", "高新技术产业增加值占规上工业增加值比重", "≥20%", "行业标准"),
    row(EFFECT, ECO, "带动社会投入", "带动企业和社会资金投入与奖补资金的比例", "≥3:1", "工作计划"),
]

SOCIAL = [
    row(EFFECT, SOC, "科技人才培养", "通过科技特派员培训的农民和企业技术人员人次", "≥500人次", "工作计划"),
    row(EFFECT, SOC, "科普活动", "开展科技活动周、科普进乡村等活动场次", "≥10场", "工作计划"),
    row(EFFECT, SOC, "新技术推广", "在全区推广的农业新品种、新技术数量", "≥15项", "工作计划"),
    row(EFFECT, SOC, "创新氛围", "全社会创新意识和创新氛围", "明显增强", "工作计划"),
    row(EFFECT, SOC, "群众科学素质", "公民具备科学素质的比例", "稳步提升", "行业标准"),
]

LASTING_ROWS = [
    row(EFFECT, LASTING, "创新体系", "县域科技创新体系持续完善", "长期", "工作计划"),
    row(EFFECT, LASTING, "服务站长效运行", "科技服务站形成长效运行机制", "长期", "工作计划"),
    row(EFFECT, LASTING, "人才队伍", "科技特派员队伍保持稳定", "≥3年", "工作计划"),
]

SATISFACTION = [
    row(SAT, SERVED, "企业满意度", "受奖补企业对政策兑现的满意度", "≥95%", "问卷调查"),
    row(SAT, SERVED, "科技特派员满意度", "科技特派员对服务保障的满意度", "≥90%", "问卷调查"),
    row(SAT, SERVED, "乡镇满意度", "乡镇（街道）对科技服务站的满意度", "≥90%", "电话回访"),
    row(SAT, SERVED, "农户满意度", "接受技术服务的农户满意度", "≥90%", "电话回访"),
    row(SAT, SERVED, "科研单位满意度", "合作高校和科研院所满意度", "≥90%", "问卷调查"),
    row(SAT, SERVED, "投诉处理", "对政策兑现的投诉按时办结率", "100%", "工作标准"),
]


def long_indicators(base: list[Indicator]) -> list[Indicator]:
    """The project's 9 printed rows with the added ones after their own kind, 60 rows."""
    qty, qua, time, cost, eco, soc, sat = base[0:3], base[3:4], base[4:5], base[5:6], base[6:7], base[7:8], base[8:9]
    benefit = [Indicator(**{**i.model_dump(), "level1": EFFECT}) for i in eco + soc]
    rows = (qty + _quantity_rows() + qua + QUALITY + time + TIMELINESS + cost + COSTS
            + benefit[:1] + ECONOMIC + benefit[1:] + SOCIAL + LASTING_ROWS + sat + SATISFACTION)
    return [indicator.model_copy(deep=True) for indicator in rows]


def build() -> Document:
    """The Funing 2024 document with the long table in project 5 (freshly built)."""
    document = funing_2024.build()
    project = document.units[0].projects[LONG_PROJECT]
    assert project.name == "科技创新专项资金相关费用" and len(project.indicators) == 9
    project.indicators = long_indicators(project.indicators)
    assert len(project.indicators) == 60
    return document
