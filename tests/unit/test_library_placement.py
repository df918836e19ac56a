"""Where a row chosen from the indicator library goes: with its 一级/二级, in framework order."""

from __future__ import annotations

from perfdesk.library import insertion_row
from perfdesk.model import Indicator, load_framework

ROWS = [Indicator(level1=l1, level2=l2, level3=l3) for l1, l2, l3 in (
    ("产出指标", "数量指标", "a"), ("产出指标", "数量指标", "b"), ("产出指标", "时效指标", "c"),
    ("效益指标", "社会效益指标", "d"), ("满意度指标", "服务对象满意度指标", "e"))]


def test_after_the_rows_of_the_same_level2():
    framework = load_framework()
    assert insertion_row(ROWS, "产出指标", "数量指标", framework) == 2
    assert insertion_row(ROWS, "满意度指标", "服务对象满意度指标", framework) == 5


def test_a_new_level2_in_the_frameworks_order_within_its_level1():
    framework = load_framework()
    assert insertion_row(ROWS, "产出指标", "质量指标", framework) == 2   # between 数量 and 时效
    assert insertion_row(ROWS, "产出指标", "成本指标", framework) == 3   # after 时效
    assert insertion_row(ROWS, "效益指标", "经济效益指标", framework) == 3


def test_a_new_level1_in_the_frameworks_order():
    framework = load_framework()
    rows = [r for r in ROWS if r.level1 != "效益指标"]
    assert insertion_row(rows, "效益指标", "社会效益指标", framework) == 3
    assert insertion_row([], "产出指标", "数量指标", framework) == 0
