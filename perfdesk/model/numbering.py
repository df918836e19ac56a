"""List numbering the model never stores but every printer shows: 1. / （一） / 一、"""

from __future__ import annotations

_DIGITS = "零一二三四五六七八九"


def chinese_number(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五 (enough for any list in a text)."""
    if n <= 0:
        return str(n)
    if n < 10:
        return _DIGITS[n]
    if n < 20:
        return "十" + (_DIGITS[n % 10] if n % 10 else "")
    if n < 100:
        return _DIGITS[n // 10] + "十" + (_DIGITS[n % 10] if n % 10 else "")
    if n < 1000:
        rest = n % 100
        tail = "" if rest == 0 else ("零" + _DIGITS[rest] if rest < 10 else
                                     ("一" if rest < 20 else "") + chinese_number(rest))
        return _DIGITS[n // 100] + "百" + tail
    return str(n)


def ordinal(n: int) -> str:
    """一、"""
    return f"{chinese_number(n)}、"


def bracketed(n: int) -> str:
    """（一）"""
    return f"（{chinese_number(n)}）"


def arabic(n: int) -> str:
    """1."""
    return f"{n}."
