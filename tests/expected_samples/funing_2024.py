"""秦皇岛市抚宁区科技和工业信息化局 2024年部门预算绩效文本（草案）, transcribed by hand from
tests/data/samples/funing-2024-pdf-extract.txt (a PDF: one table row per line, tab-separated).

Typed from the text, never produced by perfdesk code: this is the expected value of the
importer's tests and the source of the bundled example. Following the model conventions,
the PDF's artefact spaces are gone (between two CJK characters, or a CJK character and a
digit: "≥15 家" → "≥15家", "社会效益指 标" → "社会效益指标"), numbering ("1.", "（一）") is left
to the printers, and everything else is the clerk's text exactly, mistakes included.
"""

from __future__ import annotations

from perfdesk.model import (
    BudgetUnit,
    Document,
    DocumentStatus,
    Measure,
    Part1,
    Project,
    SubGoal,
)

from expected_samples import plan, row

OVERALL_GOAL = (
    "负责日常经济运行的调节，组织解决经济运行中的有关重大问题。指导工业发展，推进工业化和信息化；"
    "拟订工业行业规划，组织实施待业技术法规和行业标准；拟订能源、交通、信息产业发展规划；推动高技术"
    "产业发展，实施技术进步和产业现代化的宏观指导；指导引进重大技术和重大成套装备的消化创新工作。"
    "研究多种所有制经济的状况，提出优化所有制结构和企业组织结构的建议，促进各种所有制企业公平竞争和"
    "共同发展；宏观指导和协调促进中小企业、非国有经济发展的重大问题。贯彻落实国家、省、市有关发展"
    "中小企业（乡镇企业、民营企业）的法律、法规和方针政策，研究提出扶持中小企业发展政策，负责对全县"
    "中小企业的综合协调、指导和服务。"
)

# "绩效目标：" / "绩效指标：" are printed labels; the clerk's text starts after them.
SUB_GOALS = [
    SubGoal(
        title="全力加强工业技改项目建设",
        goal="采用新技术、新工艺、新材料改造提升全区传统产业水平，调整产业结构，转变经济发展方式。",
        indicators=(
            "推进华云纸业年产11万吨高强防潮瓦楞原纸技改项目和恒瑞纸业年产11万吨高强瓦楞纸技改项目开工"
            "建设；力争骊骅淀粉年产10万吨婴配级麦芽糊精项目和利凯纸业年产10万吨高强度瓦楞原纸技改项目"
            "投产达效；督促福泽纸业总投资年产11.58万吨高强防潮瓦楞原纸技改项目、金茂源纸业年产12万吨"
            "低定量高强瓦楞原纸（低定量环保箱纸板）项目和年产11万吨工业用纱管原纸技改项目、凡南纸业年产"
            "11.1万吨生活纸项目、豪峰纸业年产10万吨装饰纸项目尽快完成相关手续。"
        ),
    ),
    SubGoal(
        title="科技创新工作取得新成效",
        goal=(
            "牢固树立“科技创新是核心”理念，深入实施创新驱动发展战略，加快推动以科技创新为重点的全面"
            "创新，扎实推进我区科技创新管理工作。深入实施创新驱动发展战略，加快推动以科技创新为重点的"
            "全面创新，提升我区科技创新能力和整体实力，为我区经济社会创新发展、绿色发展和高质量发展提供"
            "科技支撑。"
        ),
        indicators="在全区范围内组建4个科技服务站，组建50人的科技特派员队伍。",
    ),
    SubGoal(
        title="企业改制和信访稳定工作开创新局面",
        goal="重点推进了抚宁县通用机械制造有限公司和秦皇岛秦锰铁路辙叉厂2家系统内国有企业的改制工作。",
        indicators="持续推进锰钢改制收尾工作。职工解除劳动合同补偿金、生活费已发放到位，后续问题正在积极推进。",
    ),
    SubGoal(
        title="全面深入推进食品产业强区建设。",  # the title's full stop is the clerk's
        goal=(
            "按照《秦皇岛市抚宁区创建食品产业强区工作方案》要求，进一步摸清企业规模、产能、效益、行业"
            "分布、主要产品等基本情况。"
        ),
        indicators=(
            "了解企业存在问题、发展意向、实施项目情况，指导企业制定发展计划。同时协调各部门，进一步优化"
            "食品企业发展环境，简化审批流程，促进我区食品产业快速发展。"
        ),
    ),
]

# A flat list: each measure is one paragraph "（一）完善制度建设。…", stored without "（一）".
MEASURES = [
    Measure(text="完善制度建设。进一步完善制度建设，完善考评制度，制定并完善项目资金的管理办法，使用项目"
                 "资金管理制度化、规范化，提高项目资金的使用效率。"),
    Measure(text="加强支出管理。全面加强支出管理，对项目经费支出加强监督管理，对每个项目及时跟进，确保项目"
                 "经费按照预算进度使用，及时获取项目资金，确保支出进度达标。"),
    Measure(text="加强绩效运行监控。按照部门预算的要求，认真编制预算，对支出实行分类管理，要有支出标准、"
                 "有制度依据，严格按照绩效目标的要求，监控项目经费的使用，确保项目经费使用达到指标要求。"),
    Measure(text="做好绩效自评。及时做好绩效自评工作，对评价中发现问题及时整改，调整优化支出结构，提高项目"
                 "资金的使用效率。"),
    Measure(text="规范财务资产管理。完善财务管理制度，严格审批程序，加强固定资产登记、使用和报废处置管理，"
                 "做到支出合理，物尽其用。"),
    Measure(text="加强内部监督。加强内部监管制度建设，严格控制项目支出，认真开展资产清查和核实工作，同时"
                 "积极配合有关单位的审计工作，确保绩效目标如期保质完成。"),
    Measure(text="加强宣传培训调研等。加强人员培训，提高本部门职工业务素质；加强调研，提出优化财政资金配置、"
                 "提高资金使用效益的意见；加大宣传力度，强化预算绩效管理意识，促进预算绩效管理水平进一步提升。"),
]

OUT, BEN, SAT = "产出指标", "效益指标", "满意度指标"
QTY, QUA, TIME, COST = "数量指标", "质量指标", "时效指标", "成本指标"
ECO, SOC = "经济效益指标", "社会效益指标"
SERVED = "服务对象满意度指标"


def _projects() -> list[Project]:
    # Spending plans (⟶ below stands for a tab of the extract). The extraction puts the
    # 12月底 column where it can: with its header on the value line ("75%⟶12 月底 100%",
    # projects 1 and 6), or nowhere at all (3, 5, 7, 8, 10: no 12月底 header and no value,
    # so 12月底 is blank). Labels are always the printed table's 3月底/6月底/10月底/12月底.
    # 其他资金 is an empty cell in every table: None.
    return [
        Project(
            code="13030624P00530210007P",
            name="2024年改制企业相关费用",
            budget_total="564.00", budget_fiscal="564.00", budget_other=None,
            purpose="用于改制企业人员生活费及社会保险缴费",
            spending_plan=plan("25", "50", "75", "100"),
            goals=["保障改制企业人员生活费", "保证社会保险按时缴纳", "维护社会稳定"],
            indicators=[
                row(OUT, QTY, "改制企业家数", "改制企业完成家数", "≥15家", "工作计划"),
                row(OUT, QTY, "改制人员", "改制职工人数", "≥400人", "工作计划"),
                row(OUT, QTY, "改制人员费用", "改制人员费用", "≥558.42万元", "工作计划"),
                row(OUT, QUA, "改制情况", "改制完成情况", "≥90%", "工作计划"),
                # An amount as a 时效指标 value, as printed.
                row(OUT, TIME, "改制费用发放", "改制费用发放进度", "≥558.42万元", "工作计划"),
                row(OUT, COST, "预算控制数", "预算控制数", "≥90%", "工作计划"),
                row(BEN, SOC, "补贴发放率", "改制企业生活补贴发放完成率", "≥90%", "工作计划"),
                row(BEN, SOC, "群众投诉下降率%", "群众投诉下降率%", "≥10%", "工作计划"),
                row(SAT, SERVED, "群众满意度", "群众的满意度比例", "≥90%", "电话回访"),
            ],
        ),
        Project(
            # Printed under the label 项目编号 instead of 项目编码.
            code="13030624P000011100023",
            name="拨付邓庆久等人参照行政退休人员待遇资金",
            budget_total="1.87", budget_fiscal="1.87", budget_other=None,
            purpose="用于邓庆久等4人月度生活补贴和八十周岁以上退休干部护理费",
            spending_plan=plan("25", "50", "75", "100"),
            goals=["拨付月度生活补贴", "拨付八十周岁以上退休干部护理费"],
            indicators=[
                row(OUT, QTY, "拨付人数", "拨付人数", "4人", "工作计划"),
                row(OUT, QTY, "生活补贴", "退休人员月度生活补贴", "≥1.75万元", "工作计划"),
                row(OUT, QTY, "护理费", "八十周岁以上退休干部护理费", "≥0.12万元", "工作计划"),
                row(OUT, QUA, "完成率", "拨付完成率", "≥90%", "工作计划"),
                # A 数量指标 after the 质量指标 row, in this order in the original.
                row(OUT, QTY, "受益总人数", "受益总人数", "4人", "工作计划"),
                row(OUT, TIME, "及时性", "费用发放及时性", "≥90%", "工作计划"),
                row(OUT, COST, "费用总数", "费用总数", "≥30.75万元", "工作计划"),
                row(BEN, SOC, "社会效益提升%", "社会效益提升%", "≥90%", "工作计划"),
                row(SAT, SERVED, "群众满意度", "群众满意数量占总数的比例。", "≥90%", "电话回访"),
            ],
        ),
        Project(
            code="13030624P00D2K010004P",
            name="工业技改项目中小微企业发展项目跑办费",
            budget_total="2.00", budget_fiscal="2.00", budget_other=None,
            purpose="用于工业技改项目中小微企业发展跑办费",
            spending_plan=plan("25", "50", "75", None),
            # The goal cell holds HTML pasted from a web form: "<p>1.…</p> <p>2.…</p> <p>3.…</p>".
            # Each paragraph is one goal; its number goes (the printer adds it), the markup stays.
            goals=[
                "<p>抚宁区工业和信息化局负责全区工业企业技改项目、中小微企业发展项目的管理及跑办工作，"
                "为积极争取国家、省、市对我区在资金政策上扶持，需进一步加大向主管部门的跑办力度。</p>",
                "<p>加大招商引资力度，主动对接国内大企业</p>",
                "<p>充分发挥当地企业以商招商作用</p>",
            ],
            indicators=[
                row(OUT, QTY, "差旅费费用", "扶持中小微企业下乡次数", "≥200次", "实际工作完成情况"),
                row(OUT, QTY, "支持中小企业家数", "投入资金支持的企业数量", "≥4家", "实际工作完成情况"),
                row(OUT, QTY, "服务平台建设数量", "新型工业化产业示范基地公共服务平台建设情况", "≥2个",
                    "实际工作完成情况"),
                row(OUT, QUA, "帮扶企事业单位数量（个）", "符合补贴政策，给予补贴的各类企事业单位个数", "≥4个",
                    "实际工作完成情况"),
                row(OUT, QUA, "带动社会资金投入比", "带动社会资金投入与扶持奖励资金的比例", "≥90%",
                    "实际工作完成情况"),
                row(OUT, TIME, "及时率", "任务完成及时性", "及时完成", "实际工作完成情况"),
                row(OUT, COST, "预算控制", "支出金额控制在预算额度内", "≤2万", "实际工作完成情况"),
                row(BEN, SOC, "确保资助项目政治导向正确", "保证资助项目不出现上级通报的意识形态重大问题",
                    "不出现通报现象", "实际工作完成情况"),
                row(SAT, SERVED, "群众满意度", "群众满意数量占调查总数的比例", "≥95%", "历史标准"),
            ],
        ),
        Project(
            code="13030623P00578710007E",
            name="关于确认下达2023年支持市县科技创新和科学普及专项资金（高新技术企业认定奖补）预算的通知",
            budget_total="60.00", budget_fiscal="60.00", budget_other=None,
            purpose="用于2023年高新技术企业认定奖补资金",
            # Header cells 3月底, 6月底, 10月底, 12月底 line up with the value cells
            # (blank, 100%, 100%, 100%): nothing at 3月底.
            spending_plan=plan(None, "100", "100", "100"),
            goals=[
                "以增强科技创新能力为重点，努力构建政府推动、企业主体、市场导向的科技创新体系。",
                "通过资金补助，引导企业加大研发投入，培育创新主体做大做强。",
            ],
            indicators=[
                row(OUT, QTY, "新增高新技术企业数量",
                    "2023年度符合国家高新技术企业认定条件，通过认定，并取得高新技术企业证书的企业数量", "≥2家",
                    "工作计划"),
                row(OUT, QTY, "新增科技型中小企业数量",
                    "2023年度符合省级科技型中小企业认定条件，通过认定，并取得科技型中小企业证书的企业数量",
                    "≥10家", "工作计划"),
                row(OUT, QUA, "县域科技创新能力", "科技创新主体数量质量双提升", "≥90%", "工作计划"),
                row(OUT, TIME, "及时拨付奖励资金", "及时拨付奖励资金", "100%", "工作计划"),
                row(OUT, COST, "预算控制数", "预算控制数", "≥60万元", "工作计划"),
                row(BEN, SOC, "提高科技创新对经济、社会发展的支撑作用", "提高科技创新对经济、社会发展的支撑作用",
                    "效果明显", "工作计划"),
                row(BEN, ECO, "引育新动能，推动我区国家重点支持的技术型企业发展",
                    "助推企业加大研发投入，实现梯次壮大，推动重点领域企业加快发展。", "效果明显", "工作计划"),
                row(SAT, SERVED, "政策兑现单位满意度", "政策兑现单位数量占总数的比例", "≥95%", "电话回访"),
            ],
        ),
        Project(
            code="13030624P005547100032",
            name="科技创新专项资金相关费用",
            budget_total="20.00", budget_fiscal="20.00", budget_other=None,
            purpose="用于科技创新专项资金相关费用",
            spending_plan=plan("25", "50", "75", None),
            goals=[
                "以增强科技创新能力为重点，努力构建政府推动、企业主体、市场导向的科技创新体系。",
                "通过资金补助，引导企业加大研发投入，推动研发机构建设",
                "推动科技型中小企业科技进步",
            ],
            indicators=[
                # "企业定条件" (认 missing) is the clerk's.
                row(OUT, QTY, "新增高新技术企业数量",
                    "符合国家高新技术企业定条件，通过认定，并取得高新技术企业证书的企业数量", "≥2家", "工作计划"),
                row(OUT, QTY, "新增科技型中小企业数量",
                    "符合省级科技型中小企业认定条件，通过认定，并取得科技型中小企业证书的企业数量", "≥10家",
                    "工作计划"),
                row(OUT, QTY, "技术合同成交额", "2024年度通过技术合同登记系统登记的技术合同金额", "≥1亿元",
                    "工作计划"),
                row(OUT, QUA, "县域科技创新能力", "科技创新主体、科技创新平台数量质量双提升", "稳步提升",
                    "工作计划"),
                row(OUT, TIME, "及时拨付奖励资金", "及时拨付奖励资金", "及时", "工作计划"),
                row(OUT, COST, "预算控制数", "预算控制数", "≥20万元", "工作计划"),
                row(BEN, ECO, "提高科技创新对经济、社会发展的支撑作用",
                    "助推企业加大研发投入，实现梯次壮大，推动重点领域企业加快发展。", "效果明显", "工作计划"),
                row(BEN, SOC, "引育新动能，推动我区国家重点支持的技术型企业发展",
                    "提高科技创新对经济、社会发展的支撑作用", "效果明显", "工作计划"),
                row(SAT, SERVED, "政策兑现单位满意度", "政策兑现单位数量占总数的比例", "≥95%", "电话回访"),
            ],
        ),
        Project(
            code="13030624P00554910003D",
            name="历史遗留人员及政府返聘人员所需费用",
            budget_total="37.71", budget_fiscal="37.71", budget_other=None,
            purpose="用于历史遗留人员及政府返聘人员工资及社会保险缴纳",
            spending_plan=plan("25", "50", "75", "100"),
            goals=["拨付人员工资", "拨付保险费用", "完成保险缴纳"],
            indicators=[
                row(OUT, QTY, "保险缴纳人数", "保险缴纳人数", "5人", "工作计划"),
                row(OUT, QTY, "费用", "保险费用", "≥8.78万元", "工作计划"),
                row(OUT, QTY, "工资", "人员工资", "≥28.93万元", "工作计划"),
                row(OUT, QUA, "完成率", "保险缴费完成率", "≥90%", "工作计划"),
                row(OUT, TIME, "及时性", "费用发放及时性", "≥80%", "工作计划"),
                row(OUT, COST, "费用总数", "费用总数", "≤37.71万元", "工作计划"),
                # A head-count filed as a 成本指标, as printed.
                row(OUT, COST, "受益总人数", "受益总人数", "6人", "工作计划"),
                row(BEN, SOC, "社会效益提升%", "社会效益提升%", "≥90%", "工作计划"),
                row(SAT, SERVED, "群众满意度", "群众满意数量占总数的比例。", "≥90%", "电话回访"),
            ],
        ),
        Project(
            code="13030623P000009100042",
            name="提前下达2023年支持工业互联网创新发展等项目资金",
            budget_total="34.61", budget_fiscal="34.61", budget_other=None,
            purpose="共资金34.61万元，其中财政拨款34.61万元。主要用于支持工业互联网创新发展资金",
            spending_plan=plan("25", "50", "75", None),
            goals=["通过项目实施，推动优化产业外观、结构、功能等。"],
            indicators=[
                row(OUT, QTY, "支持项目数量", "支持工业设计成果转化项目数量", "1家", "工作计划"),
                row(OUT, QUA, "项目达到支持条件", "资助工业设计成果转化项目达到支持条件", "达到支持条件",
                    "工作计划"),
                row(OUT, TIME, "工作完成时间", "支持项目完成时间", "2023年8月底前", "工作计划"),
                row(OUT, COST, "资助标准", "工业设计成果转化项目资助标准", "核定支出的50%，最高不超100万元",
                    "工作计划"),
                row(BEN, SOC, "工业设计应用深化", "工业设计在企业产品的应用进一步深化", "进一步深化", "工作计划"),
                row(BEN, ECO, "降低成本", "节约人工，提高生产效率", "效果明显", "工作计划"),
                row(SAT, SERVED, "企业满意度", "企业满意度", "≥90%", "电话回访"),
            ],
        ),
        Project(
            code="13030623P000009100017",
            name="提前下达2023年支持市县科技创新和科学普及专项资金",
            budget_total="10.00", budget_fiscal="10.00", budget_other=None,
            purpose="共资金10万元，其中财政拨款10万元。主要用于支付科技创新和科学普及专项资金",
            # Ambiguous: the header has 3月底, 6月底, 10月底 (no 12月底) and the value line
            # "⟶⟶25%⟶⟶50%⟶⟶100%" sits one cell right of them. Read as the printed order
            # under the printed headers, like project 9 below: 25 / 50 / 100, 12月底 blank.
            spending_plan=plan("25", "50", "100", None),
            goals=[
                "为建设社会主义新农村，提高农业科技自主创新能力提供人才、智力支持。",
                "形成了三级科技创新服务体系，助力乡村振兴。",
            ],
            indicators=[
                row(OUT, QTY, "新建省级乡镇科技特派员工作站家数", "新建省级乡镇科技特派员工作站家数", "≥2家",
                    "工作计划"),
                row(OUT, QTY, "选派区级科技特派员数量", "选派区级科技特派员数量", "≥40人", "工作计划"),
                row(OUT, QUA, "各乡镇建立科技特派员工作站达到80%", "各乡镇建立科技特派员工作站达到80%",
                    "达到80%", "工作计划"),
                row(OUT, TIME, "及时拨付补助资金", "及时拨付补助资金", "及时", "工作计划"),
                row(OUT, COST, "预算控制数", "预算控制数", "≥100000元", "工作计划"),
                row(BEN, SOC, "提高科技创新对经济、社会发展的支撑作用", "提高科技创新对经济、社会发展的支撑作用",
                    "效果明显", "工作计划"),
                row(BEN, ECO, "形成了三级科技创新服务体系，助力乡村振兴。",
                    "形成了三级科技创新服务体系，巩固脱贫攻坚成果。", "效果明显", "工作计划"),
                row(SAT, SERVED, "政策兑现单位满意度", "政策兑现单位数量占总数的比例", "≥95%", "电话回访"),
            ],
        ),
        Project(
            code="13030624P000009100150",
            name="提前下达2024年省级中小企业发展专项资金",
            budget_total="1.60", budget_fiscal="1.60", budget_other=None,
            purpose="用于中小企业运行监测资金",
            # Ambiguous: four headers, three values shifted one cell right
            # ("⟶⟶25%⟶⟶50%⟶⟶75%"). Taken in order: 25 / 50 / 75 and 12月底 blank, the
            # pattern of projects 3, 5, 7 and 10, rather than a 75% at 12月底 after a blank 10月底.
            spending_plan=plan("25", "50", "75", None),
            goals=[
                "纳入工信部监测企业数50家。每月组织监测企业不少于40家上报生产经营数据，为工信部决策参考"
                "提供支撑服务",
                "为本级政府部门提供支撑数据",
            ],
            indicators=[
                row(OUT, QTY, "监测企业总数", "抚宁区纳入工信部监测企业数", "≥40家", "工作计划"),
                row(OUT, QUA, "月均报送量", "月均企业填报生产经营数据户数", "达到80%", "工作计划"),
                row(OUT, TIME, "报送时限", "完成数据报送时限要求", "及时", "工作计划"),
                row(OUT, COST, "补助经费", "平均每家企业每月补助金额", "≤30元", "工作计划"),
                row(BEN, SOC, "为工信部提供监测数据",
                    "根据中小企业运行监测工作和工信部安排部署等要求，每月提供监测企业数据，为工信部决策参考"
                    "提供有效监测企业数据", "按时提供", "工作计划"),
                row(SAT, SERVED, "企业满意度", "企业满意度", "≥95%", "电话回访"),
            ],
        ),
        Project(
            code="13030624P00000910009J",
            name="提前下达2024年支持市县科技创新和科学普及专项资金",
            budget_total="5.00", budget_fiscal="5.00", budget_other=None,
            purpose="用于2024年支持市县科技创新和科学普及专项资金",
            spending_plan=plan("25", "50", "75", None),
            # The goal cell is wrapped over two lines of the extract: one goal per line.
            # "人才’智力" (a quote mark for 、) is the clerk's.
            goals=[
                "为建设社会主义新农村，提高农业科技自主创新能力提供人才’智力支持",
                "形成了三级科技创新服务体系，助力乡村振兴。",
            ],
            indicators=[
                row(OUT, QTY, "新建省级乡镇科技特派员工作站家数", "新建省级乡镇科技特派员工作站家数", "≥1家",
                    "工作计划"),
                row(OUT, QTY, "选派区级科技特派员数量", "选派区级科技特派员数量", "≥40人", "工作计划"),
                row(OUT, QUA, "各乡镇建立科技特派员工作站达到80%", "各乡镇建立科技特派员工作站达到80%",
                    "达到80%", "工作计划"),
                row(OUT, TIME, "及时拨付补助资金", "及时拨付补助资金", "及时", "工作计划"),
                row(OUT, COST, "预算控制数", "预算控制数", "≥5万元", "工作计划"),
                row(BEN, SOC, "提高科技创新对经济、社会发展的支撑作用", "提高科技创新对经济、社会发展的支撑作用",
                    "效果明显", "工作计划"),
                row(BEN, ECO, "形成了三级科技创新服务体系，助力乡村振兴",
                    "形成了三级科技创新服务体系，巩固脱贫攻坚成果", "效果明显", "工作计划"),
                row(SAT, SERVED, "政策兑现单位满意度", "政策兑现单位数量占总数的比例", "≥95%", "电话回访"),
            ],
        ),
    ]


def build() -> Document:
    """The whole document, freshly built (callers may edit it)."""
    # Cover: the department name is wrapped over two lines ("…科技和工业" / "信息化局");
    # "(草案)" makes it a draft; 编制/审核 lines give who prepared and who reviewed it.
    return Document(
        department="秦皇岛市抚宁区科技和工业信息化局",
        year=2024,
        status=DocumentStatus.DRAFT,
        prepared_by="秦皇岛市抚宁区科技和工业信息化局",
        reviewed_by="秦皇岛市抚宁区财政局",
        part1=Part1(overall_goal=OVERALL_GOAL, sub_goals=[s.model_copy(deep=True) for s in SUB_GOALS],
                    measures=[m.model_copy(deep=True) for m in MEASURES]),
        units=[BudgetUnit(code="471001", name="秦皇岛市抚宁区科技和工业信息化局本级", projects=_projects())],
    )
