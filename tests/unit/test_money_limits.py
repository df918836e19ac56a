"""Figures a spreadsheet cannot keep are refused where they enter, not changed by a save.

Excel and WPS keep 15 significant digits; an amount of 万元 has two decimals, so 13 digits
before the point is the most a workbook can hold exactly."""

from __future__ import annotations

from decimal import Decimal

import pytest
from pydantic import ValidationError

from perfdesk.model.money import to_amount, typed_amount
from perfdesk.model.project import Checkpoint


def test_the_largest_amount_a_workbook_keeps_exactly_is_accepted():
    assert to_amount("9999999999999.99") == Decimal("9999999999999.99")
    assert typed_amount("9,999,999,999,999.99") == Decimal("9999999999999.99")


@pytest.mark.parametrize("text", ["10000000000000", "123456789012345678.50", "1E+26", "-10000000000000"])
def test_a_larger_amount_is_refused_in_chinese(text):
    for read in (to_amount, typed_amount):
        with pytest.raises(ValueError, match="太大"):
            read(text)


def test_an_absurd_percentage_is_refused_and_an_ordinary_one_kept():
    assert Checkpoint(label="6月底", value="50.5").value == Decimal("50.5")
    with pytest.raises(ValidationError, match="不是合理的百分比"):
        Checkpoint(label="6月底", value="1E+26")
