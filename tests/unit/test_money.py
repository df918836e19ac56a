"""Money in 万元: rounding to cents, the float path, typed amounts and their text.

Every expected value is written by hand. The half cases are chosen so that a change of the
rounding mode (half-even, half-down, towards +∞) or reading a float through its binary
expansion (``Decimal(2.675)`` is 2.67499999…) makes at least one of them fail.
"""

from decimal import Decimal

import pytest

from perfdesk.model.money import CENT, NO_AMOUNT, format_amount, to_amount, typed_amount, without_thousands


@pytest.mark.parametrize(
    "value, expected",
    [
        # Half a cent goes up (away from zero), whatever the digit before it:
        # half-even would give 0.12 and 0.14 for the first two, half-down 0.13 for 0.135.
        ("0.125", "0.13"),
        ("0.135", "0.14"),
        ("0.145", "0.15"),
        ("0.005", "0.01"),
        ("1234.565", "1234.57"),
        # Below half goes down, above goes up.
        ("0.124", "0.12"),
        ("0.1251", "0.13"),
        ("0.001", "0.00"),
        # Negative halves go away from zero too (half-up is not "towards +∞").
        ("-0.125", "-0.13"),
        ("-0.135", "-0.14"),
        ("-1.005", "-1.01"),
        ("-0.124", "-0.12"),
    ],
)
def test_text_rounds_half_up_to_cents(value, expected):
    assert to_amount(value) == Decimal(expected)
    assert str(to_amount(value)) == expected


@pytest.mark.parametrize(
    "value, expected",
    [
        # Binary 2.675 is 2.67499999…: through its repr it is the 2.675 the clerk sees.
        (2.675, "2.68"),
        (1.005, "1.01"),  # binary 1.00499999…
        (1.015, "1.02"),  # binary 1.01499999…
        (0.015, "0.02"),  # binary 0.01499999…
        (0.125, "0.13"),  # exact in binary: only the rounding mode decides
        (0.135, "0.14"),
        (-2.675, "-2.68"),
        (-1.005, "-1.01"),
        (-0.125, "-0.13"),
        (0.1, "0.10"),
        (12345678.125, "12345678.13"),
        (300.0, "300.00"),
    ],
)
def test_float_goes_through_its_repr(value, expected):
    assert str(to_amount(value)) == expected


@pytest.mark.parametrize(
    "value, expected",
    [
        (0, "0.00"),
        (5, "5.00"),
        (-7, "-7.00"),
        (123456789, "123456789.00"),
        (Decimal("1"), "1.00"),
        (Decimal("1.5"), "1.50"),
        (Decimal("2.675"), "2.68"),
        (Decimal("-2.675"), "-2.68"),
        (Decimal("0.125"), "0.13"),
        (Decimal("1E+2"), "100.00"),
    ],
)
def test_int_and_decimal(value, expected):
    amount = to_amount(value)
    assert isinstance(amount, Decimal)
    assert str(amount) == expected


@pytest.mark.parametrize(
    "value, expected",
    [
        ("1,234.50", "1234.50"),
        ("1,234,567.125", "1234567.13"),
        ("-1,234.5", "-1234.50"),
        ("１２３", "123.00"),
        ("１，２３４．５６", "1234.56"),  # full-width digits, comma and point
        ("０．１２５", "0.13"),
        (" 1 234.5 ", "1234.50"),
        ("\u3000８\u3000", "8.00"),  # ideographic spaces
        ("+3", "3.00"),
    ],
)
def test_text_as_clerks_type_it(value, expected):
    assert str(to_amount(value)) == expected


@pytest.mark.parametrize("value", [None, "", "   ", "\u3000"])
def test_blank_is_none(value):
    assert to_amount(value) is None


@pytest.mark.parametrize("value", [True, False])
def test_bool_is_refused(value):
    # bool is an int in Python: True must not become 1.00 万元.
    with pytest.raises(ValueError):
        to_amount(value)


@pytest.mark.parametrize(
    "value",
    ["abc", "1,2,3", "12,34", "1.2.3", "五万", "1E+300", Decimal("1E+300"), 1e300,
     "NaN", "nan", "Infinity", "-Infinity", "inf", Decimal("NaN"), Decimal("Infinity"),
     float("nan"), float("inf"), float("-inf")],
)
def test_not_an_amount_is_refused(value):
    with pytest.raises(ValueError):
        to_amount(value)


@pytest.mark.parametrize(
    "value, expected",
    [
        ("1.235", Decimal("1.235")),  # never rounded: the reader refuses it, not rounds it
        ("0.125", Decimal("0.125")),
        ("300万元", Decimal("300")),
        ("300 万元", Decimal("300")),
        ("3.5万", Decimal("3.5")),
        ("1,234.50", Decimal("1234.50")),
        ("１，２３４．５６万元", Decimal("1234.56")),
        ("-1,234.5", Decimal("-1234.5")),
        (" 1 234 ", Decimal("1234")),
        (12, Decimal("12")),
        (Decimal("1.005"), Decimal("1.005")),
    ],
)
def test_typed_amount_keeps_what_was_typed(value, expected):
    amount = typed_amount(value)
    assert amount == expected
    assert str(amount) == str(expected)  # the same digits, not only an equal value


@pytest.mark.parametrize("value", [None, "", "  ", "-", "--", "—", "——", "/", "无", "\\", "－", "万元"])
def test_typed_amount_blank_or_dash_is_none(value):
    assert typed_amount(value) is None


def test_no_amount_marks():
    assert {"-", "--", "—", "——", "/", "无"} <= NO_AMOUNT
    assert "0" not in NO_AMOUNT


@pytest.mark.parametrize("value", ["abc", "1,2,3", "12,34", "万元5", "NaN", "Infinity", "-inf", "1,234%"])
def test_typed_amount_refuses_what_is_no_amount(value):
    with pytest.raises(ValueError):
        typed_amount(value)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("1234.50", "1234.50"),  # no comma: untouched
        ("1,234.50", "1234.50"),
        ("1,234,567", "1234567"),
        ("-1,234", "-1234"),
        ("+1,234.", "+1234."),
        ("12,345%", "12345%"),
        ("abc", "abc"),  # no comma: left to the caller to refuse
    ],
)
def test_without_thousands(text, expected):
    assert without_thousands(text) == expected


@pytest.mark.parametrize("text", ["1,2,3", "12,34", "1,23", "1,2345", ",123", "1,234,56", "1,,234", "1,234.5,0"])
def test_without_thousands_refuses_a_stray_comma(text):
    # Read as 123 or 1234 these would silently change the amount.
    with pytest.raises(ValueError):
        without_thousands(text)


@pytest.mark.parametrize(
    "value, expected",
    [
        (None, ""),
        (Decimal("1"), "1.00"),
        (Decimal("0"), "0.00"),
        (Decimal("1.5"), "1.50"),
        (Decimal("1234567.89"), "1234567.89"),
        (Decimal("-3.20"), "-3.20"),
        (Decimal("1E+2"), "100.00"),  # never exponent notation on paper
        (Decimal("1E+7"), "10000000.00"),
    ],
)
def test_format_amount(value, expected):
    assert format_amount(value) == expected


def test_format_amount_of_what_to_amount_gives_is_stable():
    for typed in ["2.675", "0.125", "-1.005", "1,234.5"]:
        amount = to_amount(typed)
        assert amount.as_tuple().exponent == CENT.as_tuple().exponent
        assert format_amount(amount) == str(amount)
