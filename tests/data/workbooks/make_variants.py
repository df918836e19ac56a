"""Make the hand-filled variant workbooks of issue 2 point 4 (run: python tests/data/workbooks/make_variants.py).

Each imitates a clerk's own Excel/WPS template rather than perfdesk's output: no perfdesk
mark, other label spellings, tables stacked on one sheet, percentages typed three ways,
一级/二级 merged, repeated or left blank, numbers typed as text, stray spaces, full-width
characters and line breaks. The expected documents are typed by hand in
tests/unit/test_fileio_variants.py.
"""

from __future__ import annotations

import sys
from pathlib import Path

from openpyxl import Workbook

HERE = Path(__file__).resolve().parent
HEADERS = ("一级指标", "二级指标", "三级指标", "绩效指标描述", "", "指标值", "指标值确定依据")


def table(ws, top: int, title: str | None, unit: str | None, cells: dict, spending: tuple, goals: str,
          rows: list[tuple], level_style: str = "merged", code_label: str = "项目编码",
          spending_label: str = "资金支出计划（%）", percent_format: bool = False) -> int:
    """Write one official-layout table starting at ``top``; return the next free row."""
    r = top
    if title:
        ws.cell(r, 1, title)
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=7)
        r += 1
    if unit is not None:
        ws.cell(r, 1, unit)
        ws.cell(r, 7, "单位：万元")
        r += 1
    ws.cell(r, 1, code_label); ws.cell(r, 2, cells["code"]); ws.cell(r, 4, cells.get("name_label", "项目名称"))
    ws.cell(r, 5, cells["name"])
    ws.merge_cells(start_row=r, start_column=2, end_row=r, end_column=3)
    ws.merge_cells(start_row=r, start_column=5, end_row=r, end_column=7)
    r += 1
    ws.cell(r, 1, "预算规模及资金用途"); ws.merge_cells(start_row=r, start_column=1, end_row=r + 1, end_column=1)
    ws.cell(r, 2, cells.get("total_label", "预算数")); ws.cell(r, 3, cells["total"])
    ws.cell(r, 4, cells.get("fiscal_label", "其中：财政资金")); ws.cell(r, 5, cells["fiscal"])
    ws.cell(r, 6, "其他资金"); ws.cell(r, 7, cells["other"])
    ws.cell(r + 1, 2, cells["purpose"]); ws.merge_cells(start_row=r + 1, start_column=2, end_row=r + 1, end_column=7)
    r += 2
    labels, values = spending
    ws.cell(r, 1, spending_label); ws.merge_cells(start_row=r, start_column=1, end_row=r + 1, end_column=1)
    for column, label, value in zip((2, 4, 6, 7), labels, values):
        ws.cell(r, column, label)
        cell = ws.cell(r + 1, column, value)
        if percent_format:
            cell.number_format = "0%"
        if column in (2, 4):
            ws.merge_cells(start_row=r, start_column=column, end_row=r, end_column=column + 1)
            ws.merge_cells(start_row=r + 1, start_column=column, end_row=r + 1, end_column=column + 1)
    r += 2
    ws.cell(r, 1, "绩效目标"); ws.cell(r, 2, goals); ws.merge_cells(start_row=r, start_column=2, end_row=r, end_column=7)
    r += 1
    for column, label in enumerate(HEADERS, 1):
        if label:
            ws.cell(r, column, label)
    ws.merge_cells(start_row=r, start_column=4, end_row=r, end_column=5)
    r += 1
    first = r
    previous = (None, None)
    for row in rows:
        level1, level2, *rest = row
        if level_style == "repeated" or level1 != previous[0]:
            ws.cell(r, 1, level1)
        if level_style == "repeated" or (level1, level2) != previous:
            ws.cell(r, 2, level2)
        for column, value in zip((3, 4, 6, 7), rest):
            ws.cell(r, column, value)
        ws.merge_cells(start_row=r, start_column=4, end_row=r, end_column=5)
        previous = (level1, level2)
        r += 1
    if level_style == "merged":
        _merge_runs(ws, first, rows)
    return r


def _merge_runs(ws, first: int, rows: list[tuple]) -> None:
    for level in (0, 1):
        start = 0
        for end in range(1, len(rows) + 1):
            if end == len(rows) or rows[end][: level + 1] != rows[start][: level + 1]:
                if end - start > 1:
                    ws.merge_cells(start_row=first + start, start_column=level + 1,
                                   end_row=first + end - 1, end_column=level + 1)
                start = end


MONTHS = ("3月底", "6月底", "10月底", "12月底")
ROWS_A = [
    ("产出指标", "数量指标", "奖补数量", "优秀特派员奖励人数", "≥5人", "资金发放表"),
    ("产出指标", "数量指标", "培训人次", "组织培训人次", "≥100人次", "工作计划"),
    ("产出指标", "时效指标", "发放时间", "奖励金发放时间", "年底之前", "工作计划"),
    ("效益指标", "社会效益指标", "社会影响", "特派员的社会影响", "效果明显", "工作计划"),
    ("满意度指标", "服务对象满意度指标", "满意度", "受奖励人员满意度", "≥95%", "问卷调查"),
]


def stacked(path: Path) -> None:
    """Three tables on one sheet, two units; the second table of a unit has no unit line."""
    wb = Workbook()
    ws = wb.active
    ws.title = "项目绩效目标表"
    r = table(ws, 1, "1.科技特派员奖补绩效目标表", "339003唐山市丰润区科学技术局",
              dict(code="13020822P00871410001L", name="科技特派员奖补", total=1, fiscal=1, other=None,
                   purpose="用于优秀科技特派员奖励"), (MONTHS, ("30%", "60%", "90%", "100%")),
              "1.奖励优秀科技特派员\n2.带动科技服务", ROWS_A)
    r = table(ws, r + 2, "2.科普宣传经费绩效目标表", None,
              dict(code="13020822P00871410002M", name="科普宣传经费", total=2.5, fiscal=2, other=0.5,
                   purpose="科普宣传"), (MONTHS, ("25%", "50%", "75%", "100%")), "1.开展科普宣传", ROWS_A[:2])
    table(ws, r + 1, "3.协会运行经费绩效目标表", "339004唐山市丰润区科学技术协会",
          dict(code="13020822P00871410003N", name="协会运行经费", total=3, fiscal=3, other=None, purpose="日常运行"),
          (MONTHS, ("", "", "", "100%")), "1.保障协会运行", ROWS_A[4:])
    wb.save(path)


def other_labels(path: Path) -> None:
    """项目编号 for 项目编码, 效果指标 for 效益指标, 资金支出计划（累计进度%）, per 季度, 30 typed as a number."""
    wb = Workbook()
    ws = wb.active
    ws.title = "项目1"
    rows = [("产出指标", "数量指标", "检测次数", "年度检测次数", "4次", "工作计划"),
            ("效果指标", "社会效益指标", "安全水平", "全区安全生产水平", "稳步提升", "行业标准")]
    table(ws, 1, "1.安全生产检查经费绩效目标表", "112001某县工业和信息化局",
          dict(code="604002B16DX0021", name="安全生产检查经费", total=20, fiscal=20, other=None, purpose="检查检测"),
          (("第一季度", "第二季度", "第三季度", "第四季度"), (30, 60, 90, 100)), "1.完成年度检查", rows,
          code_label="项目编号", spending_label="资金支出计划（累计进度%）")
    wb.save(path)


def percent_as_fraction(path: Path) -> None:
    """Spending plan typed as 0.3 … formatted as a percentage; amounts typed with decimals."""
    wb = Workbook()
    ws = wb.active
    ws.title = "表1"
    table(ws, 1, "1.专利资助资金绩效目标表", "112001某县科学技术局",
          dict(code="13020825P00000000001L", name="专利资助资金", total=12.5, fiscal=10, other=2.5, purpose="专利资助"),
          (MONTHS, (0.3, 0.6, 0.9, 1)), "1.资助专利申请", ROWS_A[:1], percent_format=True)
    wb.save(path)


def level_styles(path: Path) -> None:
    """一级/二级 merged (sheet 1), repeated on every row (2), blank under the first (3); a row with only 二级."""
    wb = Workbook()
    rows = ROWS_A[:4] + [("效益指标", "可持续影响指标", "", "", "", "")] + ROWS_A[4:]
    for number, style in enumerate(("merged", "repeated", "blank"), 1):
        ws = wb.active if number == 1 else wb.create_sheet()
        ws.title = style
        table(ws, 1, f"{number}.项目{number}绩效目标表", "112001某县科学技术局",
              dict(code=f"13020825P0000000000{number}L", name=f"项目{number}", total=1, fiscal=1, other=None,
                   purpose="用途"), (MONTHS, ("100%", "100%", "100%", "100%")), "1.目标", rows, level_style=style)
        if style == "blank":
            # The 二级-only row of a hand template: 一级 left blank too, only 生态效益指标 typed.
            last = ws.max_row + 1
            ws.cell(last, 2, "生态效益指标")
    wb.save(path)


def messy(path: Path) -> None:
    """Numbers stored as text, full-width digits, stray spaces, line breaks in cells; a Part 1 sheet."""
    wb = Workbook()
    part1 = wb.active
    part1.title = "封面和第一部分"
    for row in (("部门名称", " 某县科学技术局 "), ("预算年度", "２０２５年"), ("状态", "草案"),
                ("一、总体绩效目标", "  推进科技创新。\n提升服务水平。  "), ("二、分项绩效目标", None),
                ("（一）", "科技创新"), ("绩效目标", "完成科技项目"), ("绩效指标", "项目数量≥3个"),
                ("三、工作保障措施", None), ("一、", "加强组织领导"), ("（一）", "成立领导小组"), ("二、", "强化资金管理")):
        part1.append(row)
    ws = wb.create_sheet("项目")
    rows = [("产出\n指标", " 数量指标 ", " 培训人次 ", "组织科技\n培训人次", " ≥ 100人次 ", "工作计划 "),
            ("效益 指标", "社会效益指标", "创新能力", "全区创新能力", "稳步提升", "工作计划")]
    table(ws, 1, "1.科技培训经费绩效目标表", " 112001　某县科学技术局 ",
          dict(code=" １３０２０８２５Ｐ０００００００００９Ｌ ", name="科技培训\n经费", total="１２．５０",
               fiscal=" 1,000.00 ", other="", purpose="  用于科技培训。 ",
               name_label="项目\n名称", total_label="预 算 数", fiscal_label="其中:财政资金"),
          (MONTHS, ("３０％", " 60 % ", "90", "100%")), "1、开展培训\n2、提升能力", rows, level_style="repeated",
          code_label="项目 编码")
    wb.save(path)


def part1_one_column(path: Path) -> None:
    """Part 1 typed down column A as in the published texts (绩效目标: … in the same cell)."""
    wb = Workbook()
    ws = wb.active
    ws.title = "第一部分"
    for line in ("部门名称", "第一部分 部门整体绩效目标", "一、总体绩效目标",
                 "组织实施全区工业的发展规划，推进产业结构战略性调整和优化升级。", "落实创新驱动发展战略方针。",
                 "二、分项绩效目标", "(一) 科技创新项目支撑",
                 "绩效目标: 推进实施有关国家和省、市、区科技重大专项。",
                 "绩效指标:国家和省、市、区科技重大项目的数量，完成工作任务大于等于80%",
                 "三、工作保障措施", "一、基础工作保障措施", "（一）科技创新环境建设：创新体系进一步完善。",
                 "二、机制保障措施", "(一)完善制度建设。"):
        ws.append([line])
    ws["B1"] = "唐山市丰润区科学技术局"
    wb.save(path)


BUILDERS = {"stacked.xlsx": stacked, "other-labels.xlsx": other_labels, "percent-fraction.xlsx": percent_as_fraction,
            "level-styles.xlsx": level_styles, "messy.xlsx": messy, "part1-one-column.xlsx": part1_one_column}


def main(folder: Path = HERE) -> None:
    for name, build in BUILDERS.items():
        build(folder / name)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
