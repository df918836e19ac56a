"""指标值 readings: expected values written from DOMAIN.md's list of real examples."""

from decimal import Decimal

import pytest

from perfdesk.model import ValueKind, parse_value


@pytest.mark.parametrize(
    "text, comparison, number, unit",
    [
        ("≥5人", "≥", "5", "人"),
        ("≥95百分比", "≥", "95", "%"),
        ("≤0.2万元", "≤", "0.2", "万元"),
        ("100%", None, "100", "%"),
        ("4人", None, "4", "人"),
        ("≥1亿元", "≥", "1", "亿元"),
        ("≤5.22%", "≤", "5.22", "%"),
        ("95%以上", "≥", "95", "%"),
        ("达到 80%", "≥", "80", "%"),
        ("≥ 558.42 万元", "≥", "558.42", "万元"),
        ("＞90％", ">", "90", "%"),
        ("550 元/每平方米", None, "550", "元/每平方米"),
        ("≥15 家", "≥", "15", "家"),
        ("200m2", None, "200", "m2"),
        ("200㎡", None, "200", "m2"),
    ],
)
def test_quantitative_values(text, comparison, number, unit):
    reading = parse_value(text)
    assert reading.kind is ValueKind.QUANTITATIVE
    assert reading.comparison == comparison
    assert reading.number == Decimal(number)
    assert reading.unit == unit


@pytest.mark.parametrize(
    "text",
    ["年底前", "2023 年 8 月底前", "及时", "效果明显", "稳步提升", "不出现通报现象",
     "核定支出的 50%，最高不超 100 万元", "无", "年底之前"],
)
def test_qualitative_values(text):
    assert parse_value(text).kind is ValueKind.QUALITATIVE


def test_empty_value():
    assert parse_value("  ").kind is ValueKind.EMPTY
