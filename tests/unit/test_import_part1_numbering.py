"""Part 1 headings and sub-goals numbered in other ways, and Word's auto-numbering in a .docx.

Sub-goal titles numbered ``1.``/``2、``, left without a number (Word numbered them), a
section heading with its text after a colon; in a .docx, table titles and sub-goals numbered
by a list style or by numbering applied to the paragraph. Expected values are hand-written.
"""

from __future__ import annotations

import copy
from pathlib import Path

import docx
from docx.oxml.ns import qn
from lxml import etree

from perfdesk.importers import import_file, import_text
from perfdesk.importers.files import read_docx_blocks
from perfdesk.importers.numbering import chinese

TABLE = (
    "第二部分 预算项目绩效目标\n"
    "1.测试项目绩效目标表\n"
    "100101 某某县科学技术局本级\t单位：万元\n"
    "项目编码\t13012325P00123410001X\t\t项目名称\t测试项目\t\t\n"
    "预算规模及资金用途\t预算数\t4.00\t其中：财政资金\t4.00\t其他资金\t\n"
    "一级指标\t二级指标\t三级指标\t绩效指标描述\t指标值\t指标值确定依据\t\n"
    "产出指标\t数量指标\t数\t数量\t≥1个\t工作计划\t\n"
)
COVER = "某某县科学技术局\n2025年部门预算绩效文本\n（草案）\n第一部分 部门整体绩效目标\n"


def sub_goals(result) -> list[tuple[str, str, str]]:  # noqa: ANN001
    return [(s.title, s.goal, s.indicators) for s in result.document.part1.sub_goals]


def test_sub_goals_numbered_with_digits_and_heading_with_its_text() -> None:
    text = (COVER + "一、总体绩效目标：推动全县科技创新。\n"
            "二、分项绩效目标\n"
            "1.科技创新项目支撑\n绩效目标：推进实施科技重大专项。\n绩效指标：项目数量不少于5个。\n"
            "2、科普宣传\n绩效目标：开展科普宣传。\n绩效指标：宣传活动5次。\n"
            "三、工作保障措施\n1.完善制度建设。\n2.加强支出管理。\n" + TABLE)
    result = import_text(text)
    part1 = result.document.part1
    assert part1.overall_goal == "推动全县科技创新。"
    assert sub_goals(result) == [("科技创新项目支撑", "推进实施科技重大专项。", "项目数量不少于5个。"),
                                 ("科普宣传", "开展科普宣传。", "宣传活动5次。")]
    assert [m.text for m in part1.measures] == ["完善制度建设。", "加强支出管理。"]
    assert not any("未导入" in n.reason for n in result.notes)


def test_numbered_lines_inside_a_sub_goal_stay_in_it_when_titles_use_chinese_numbers() -> None:
    text = (COVER + "二、分项绩效目标\n"
            "（一）科技创新\n绩效目标：推进专项。\n绩效指标：\n1.项目数量不少于5个；\n2.验收合格率100%。\n"
            "（二）科普宣传\n绩效目标：开展宣传。\n绩效指标：活动5次。\n" + TABLE)
    result = import_text(text)
    assert sub_goals(result) == [("科技创新", "推进专项。", "1.项目数量不少于5个；2.验收合格率100%。"),
                                 ("科普宣传", "开展宣传。", "活动5次。")]


def test_sub_goal_titles_without_numbers_are_known_by_the_goal_line_below() -> None:
    text = (COVER + "二、分项绩效目标\n"
            "科技创新\n绩效目标：推进专项。\n绩效指标：项目5个，\n验收合格。\n"
            "科普宣传\n绩效目标：开展宣传。\n绩效指标：活动5次。\n" + TABLE)
    result = import_text(text)
    # A PDF line without a blank before it runs on: "验收合格。" is the end of the indicators.
    assert sub_goals(result) == [("科技创新", "推进专项。", "项目5个，验收合格。"),
                                 ("科普宣传", "开展宣传。", "活动5次。")]


# ----------------------------------------------------------------------- .docx
CHINESE_LIST = """<w:abstractNum xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    w:abstractNumId="90"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>
    <w:lvlText w:val="（%1）"/></w:lvl></w:abstractNum>"""


def _chinese_numbering(word) -> str:  # noqa: ANN001
    """Add a （一）（二） list to the document's numbering; return its numId."""
    numbering = word.part.numbering_part.element
    numbering.insert(0, etree.fromstring(CHINESE_LIST))
    num = copy.deepcopy(numbering.findall(qn("w:num"))[0])
    num.set(qn("w:numId"), "90")
    num.find(qn("w:abstractNumId")).set(qn("w:val"), "90")
    numbering.append(num)
    return "90"


def _numbered(paragraph, num_id: str) -> None:  # noqa: ANN001
    properties = paragraph._p.get_or_add_pPr()
    num_pr = etree.SubElement(properties, qn("w:numPr"))
    etree.SubElement(num_pr, qn("w:ilvl")).set(qn("w:val"), "0")
    etree.SubElement(num_pr, qn("w:numId")).set(qn("w:val"), num_id)


def _table(word, code: str, name: str) -> None:  # noqa: ANN001
    rows = [("项目编码", code, "项目名称", name), ("预算规模及资金用途", "预算数", "1.00", ""),
            ("一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据"),
            ("产出指标", "数量指标", "数", "数量", "≥1个", "工作计划")]
    table = word.add_table(rows=len(rows), cols=6)
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            table.cell(r, c).text = text


def test_docx_auto_numbered_titles_and_sub_goals(tmp_path: Path) -> None:
    word = docx.Document()
    for text in ("某某县科学技术局", "2025年部门预算绩效文本", "（草案）", "第一部分 部门整体绩效目标", "二、分项绩效目标"):
        word.add_paragraph(text)
    chinese_list = _chinese_numbering(word)
    for title, goal in (("科技创新", "推进专项。"), ("科普宣传", "开展宣传。")):
        _numbered(word.add_paragraph(title), chinese_list)
        word.add_paragraph("绩效目标：" + goal)
    word.add_paragraph("第二部分 预算项目绩效目标")
    for code, name in (("13012325P00000110001A", "甲项目"), ("13012325P00000210001B", "乙项目")):
        word.add_paragraph(f"{name}绩效目标表", style="List Number")
        word.add_paragraph("100101 某某县科学技术局本级\t单位：万元")
        _table(word, code, name)
    path = tmp_path / "auto-numbered.docx"
    word.save(path)
    # The text reads as Word shows it, numbers included.
    shown = [block.text for block in read_docx_blocks(path) if not block.is_row]
    assert shown[5:8] == ["（一）科技创新", "绩效目标：推进专项。", "（二）科普宣传"]
    assert [text for text in shown if text.endswith("绩效目标表")] == ["1.甲项目绩效目标表", "2.乙项目绩效目标表"]
    result = import_file(path)
    assert sub_goals(result) == [("科技创新", "推进专项。", ""), ("科普宣传", "开展宣传。", "")]
    assert [(p.code, p.name) for _, _, _, p in result.document.projects()] == [
        ("13012325P00000110001A", "甲项目"), ("13012325P00000210001B", "乙项目")]
    assert not any("未导入" in n.reason or "编号" in n.reason for n in result.notes)


def test_chinese_counting() -> None:
    assert [chinese(n) for n in (1, 9, 10, 11, 20, 23, 99)] == ["一", "九", "十", "十一", "二十", "二十三", "九十九"]
