"""Money in 万元 as Decimal with two places; floats are refused where they could creep in."""

from __future__ import annotations

import re
import unicodedata
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

CENT = Decimal("0.01")
# Excel and WPS keep 15 significant digits: with two decimals, 13 before the point. A larger
# figure would be changed by the first save in a spreadsheet, so it is refused where it enters.
LIMIT = Decimal("1e13")
_GROUPED = re.compile(r"[+-]?\d{1,3}(,\d{3})+(\.\d*)?%?")


def without_thousands(text: str) -> str:
    """``1,234.50`` → ``1234.50``. A comma anywhere else (``1,2,3``, ``12,34``) makes no number:
    ValueError, rather than reading it as 123 or 1234."""
    if "," not in text:
        return text
    if not _GROUPED.fullmatch(text):
        raise ValueError(f"“{text}”不是金额")
    return text.replace(",", "")


# A dash, slash or 无 is how paper forms say "no amount": a blank amount.
NO_AMOUNT = frozenset({"-", "--", "—", "——", "/", "无", "\\"})
_SPACES = re.compile(r"\s+")


def within_limit(number: Decimal, value: object) -> Decimal:
    """``number`` unchanged, or ValueError when it has more digits than a spreadsheet keeps."""
    if abs(number) >= LIMIT:
        raise ValueError(f"“{value}”太大（最多 13 位整数），表格软件无法原样保存")
    return number


def typed_amount(value: object) -> Decimal | None:
    """An amount as a clerk types it in a column of 万元, exactly as typed (never rounded).

    Full-width digits, spaces, thousands separators and a trailing 万元 or 万 are allowed;
    blank or a dash, slash or 无 gives None. Raises ValueError for anything else, so both the
    workbook reader and the importer can refuse more than two decimals instead of rounding.
    """
    if value is None:
        return None
    text = _SPACES.sub("", unicodedata.normalize("NFKC", str(value))).removesuffix("万元").removesuffix("万")
    if text == "" or text in NO_AMOUNT:
        return None
    try:
        number = Decimal(without_thousands(text))
    except InvalidOperation:
        raise ValueError(f"“{value}”不是金额") from None
    if not number.is_finite():
        raise ValueError(f"“{value}”不是金额")
    return within_limit(number, value)


def to_amount(value: object) -> Decimal | None:
    """Turn a cell or field value into an amount of 万元 with two decimals, or None if blank.

    Floats are converted through their shortest repr (``0.1`` → ``0.10``), never through
    binary expansion. Text may carry thousands separators, full-width digits or spaces.
    Raises ValueError for text that is not a number.
    """
    if value is None:
        return None
    if isinstance(value, bool):
        raise ValueError("金额不能是逻辑值")
    if isinstance(value, Decimal):
        number = value
    elif isinstance(value, int):
        number = Decimal(value)
    elif isinstance(value, float):
        number = Decimal(repr(value))
    else:
        text = unicodedata.normalize("NFKC", str(value)).strip().replace(" ", "")
        if text == "":
            return None
        try:
            number = Decimal(without_thousands(text))
        except InvalidOperation:
            raise ValueError(f"“{value}”不是金额") from None
    if not number.is_finite():
        raise ValueError(f"“{value}”不是金额")
    within_limit(number, value)
    try:
        return number.quantize(CENT, rounding=ROUND_HALF_UP)
    except InvalidOperation:  # 1E+300: too large to hold in cents
        raise ValueError(f"“{value}”不是金额") from None


def format_amount(value: Decimal | None) -> str:
    """``Decimal('1')`` → ``'1.00'``; None → ``''``."""
    return "" if value is None else f"{value.quantize(CENT):f}"
