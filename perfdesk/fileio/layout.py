"""The workbook layout shared by the writer and the reader: sheet names, labels, text rules.

Labels are matched after :func:`label_key` (NFKC, no whitespace, ASCII colons/brackets), so a
hand-filled template with ``项目 编码``, full-width or broken-over-two-lines labels is found;
which spellings name which field is data (:mod:`perfdesk.model.labels`).
"""

from __future__ import annotations

import re

from perfdesk.model.labels import field_key, label_key  # noqa: F401 - the readers' label keys

FORMAT_PROPERTY = "perfdesk-format"  # custom document property marking a workbook we wrote
FORMAT_VERSION = 1

PART1_SHEET = "第一部分"
CONTENTS_SHEET = "目录"
REVIEW_SHEET = "审核意见"  # the bureau's review marks (review_sheet), after the project sheets
MAX_SHEET_NAME = 31
MAX_CELL_TEXT = 32767  # Excel's limit for one cell

# Cover fields on the Part 1 sheet: label -> Document field.
COVER_LABELS = {
    "部门名称": "department", "预算年度": "year", "状态": "status",
    "编制": "prepared_by", "审核": "reviewed_by", "指标体系": "framework",
}
OVERALL_GOAL = "一、总体绩效目标"
SUB_GOALS = "二、分项绩效目标"
MEASURES = "三、工作保障措施"
PART1_TITLE = "第一部分 部门整体绩效目标"
SUB_GOAL_GOAL = "绩效目标"
SUB_GOAL_INDICATORS = "绩效指标"

# Project table labels as perfdesk writes them (DOMAIN.md §2); the spellings other templates
# use are data (resources/labels/labels.json, perfdesk.model.labels).
CODE = "项目编码"
NAME = "项目名称"
BUDGET_BLOCK = "预算规模及资金用途"
TOTAL = "预算数"
FISCAL = "其中：财政资金"
OTHER = "其他资金"
SPENDING = "资金支出计划（%）"
GOALS = "绩效目标"
UNIT_NOTE = "单位：万元"
TITLE_SUFFIX = "绩效目标表"

CONTENTS_HEADERS = ("序号", "编码", "名称", "预算数（万元）", "工作表")
CONTENTS_UNIT = "预算单位"
CONTENTS_TOTAL = "合计"

_SPACE = re.compile(r"\s+")


_CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")


def one_line(text: str) -> str:
    """Join a single-line field broken over lines in a cell: no space between CJK, else one."""
    if "\n" not in text and "\r" not in text:
        return text
    parts = [part.strip() for part in re.split(r"\r\n|\r|\n", text) if part.strip()]
    joined = parts[0] if parts else ""
    for part in parts[1:]:
        cjk = _CJK.match(joined[-1:]) or _CJK.match(part[:1])
        joined += part if cjk else " " + part
    return joined


def tidy(text: str) -> str:
    """A hand-typed text cell: Windows line breaks unified and stray whitespace at the ends removed."""
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


_UNSAFE_SHEET = re.compile(r"[\[\]:*?/\\'\x00-\x1f]")


def sheet_title(number: int, name: str) -> str:
    """A safe, unique sheet name for project ``number``: ``12.科技特派员奖补`` cut to 31 chars."""
    prefix = f"{number}."
    body = _UNSAFE_SHEET.sub("", _SPACE.sub(" ", name)).strip() or "项目"
    return (prefix + body)[:MAX_SHEET_NAME].rstrip()


PAREN_NUMBER = re.compile(r"^\s*[（(]\s*([一二三四五六七八九十百零〇\d]+)\s*[）)]\s*")
COMMA_NUMBER = re.compile(r"^\s*([一二三四五六七八九十百零〇]+)\s*[、.．]\s*")

# The list of findings an annotated copy (``perfdesk check --annotate``) carries on a sheet of
# its own: a paper of that review, not part of the text, so the reader does not keep it.
ISSUES_HEADER = ("位置", "严重程度", "问题", "核实情况")
