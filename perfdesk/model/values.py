"""Reading a 指标值 (indicator target value) the way a reviewer does.

The clerk's text is never changed: it is what prints. Beside it we keep a *reading*:
either quantitative (an optional comparison, a number and a unit: ``≥95百分比`` reads as
≥ 95 %) or qualitative free text (``年底前``, ``效果明显``). Review rules and the editor's
hints use the reading; nothing writes it back into the text.
"""

from __future__ import annotations

import json
import re
import unicodedata
from decimal import Decimal, InvalidOperation
from enum import Enum
from functools import lru_cache

from pydantic import BaseModel, ConfigDict

from perfdesk.resources import resource_path


class ValueKind(str, Enum):
    EMPTY = "empty"
    QUANTITATIVE = "quantitative"
    QUALITATIVE = "qualitative"


class ValueReading(BaseModel):
    """The parsed reading of one 指标值; ``comparison`` is one of ≥ ≤ > < = or None."""

    model_config = ConfigDict(frozen=True)

    kind: ValueKind
    comparison: str | None = None
    number: Decimal | None = None
    unit: str | None = None

    @property
    def is_percent(self) -> bool:
        return self.kind is ValueKind.QUANTITATIVE and self.unit == "%"

    def describe(self) -> str:
        """A short Chinese description for tooltips: ``定量：≥ 95 %`` or ``定性``."""
        if self.kind is ValueKind.EMPTY:
            return "空"
        if self.kind is ValueKind.QUALITATIVE:
            return "定性（文字）"
        parts = [p for p in (self.comparison, _plain(self.number), self.unit) if p]
        return "定量：" + " ".join(parts)


def _plain(number: Decimal | None) -> str:
    if number is None:
        return ""
    text = format(number, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


# Prefix words and signs, longest first; each maps onto one comparison sign.
_PREFIXES: tuple[tuple[str, str], ...] = (
    ("大于等于", "≥"), ("大于或等于", "≥"), ("小于等于", "≤"), ("小于或等于", "≤"),
    ("不低于", "≥"), ("不少于", "≥"), ("不小于", "≥"), ("至少", "≥"), ("达到", "≥"), ("超过", ">"),
    ("不超过", "≤"), ("不高于", "≤"), ("不多于", "≤"), ("不大于", "≤"), ("控制在", "≤"), ("最多", "≤"),
    ("大于", ">"), ("小于", "<"), ("高于", ">"), ("低于", "<"), ("等于", "="),
    (">=", "≥"), ("<=", "≤"), ("≥", "≥"), ("≤", "≤"), ("≧", "≥"), ("≦", "≤"),
    (">", ">"), ("<", "<"), ("=", "="),
)
# Suffix words after the unit: 95%以上 reads as ≥ 95 %.
_SUFFIXES: tuple[tuple[str, str], ...] = (
    ("及以上", "≥"), ("以上", "≥"), ("及以下", "≤"), ("以下", "≤"), ("以内", "≤"), ("之内", "≤"),
)
_NUMBER = re.compile(r"[0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?|\.[0-9]+")


@lru_cache(maxsize=1)
def _units() -> tuple[tuple[str, ...], dict[str, str]]:
    data = json.loads(resource_path("value_units.json").read_text(encoding="utf-8"))
    names = set(data["units"]) | set(data["aliases"])
    return tuple(sorted(names, key=len, reverse=True)), dict(data["aliases"])


def _normalise(text: str) -> str:
    # NFKC folds full-width digits, ＞ ＜ ％ and ideographic spaces; ≥ ≤ stay as they are.
    folded = unicodedata.normalize("NFKC", text)
    return re.sub(r"\s+", "", folded)


def _match_unit(rest: str) -> str | None:
    """The unit at the start of ``rest`` if the whole rest is a unit (or unit/per-something)."""
    if rest == "":
        return ""
    names, aliases = _units()
    for name in names:
        if rest == name or (rest.startswith(name + "/") and len(rest) > len(name) + 1):
            unit = aliases.get(name, name)
            return unit + rest[len(name):]
    return None


@lru_cache(maxsize=65536)
def parse_value(text: str) -> ValueReading:
    """Read a 指标值. Never raises; text that is not a number with a unit is qualitative."""
    body = _normalise(text or "")
    if not body:
        return ValueReading(kind=ValueKind.EMPTY)
    comparison: str | None = None
    for word, sign in _PREFIXES:
        if body.startswith(word):
            comparison, body = sign, body[len(word):]
            break
    for word, sign in _SUFFIXES:
        if body.endswith(word) and len(body) > len(word):
            if comparison is None:
                comparison = sign
            body = body[: -len(word)]
            break
    match = _NUMBER.match(body)
    if not match:
        return ValueReading(kind=ValueKind.QUALITATIVE)
    try:
        number = Decimal(match.group(0).replace(",", ""))
    except InvalidOperation:  # pragma: no cover - the pattern only admits decimals
        return ValueReading(kind=ValueKind.QUALITATIVE)
    unit = _match_unit(body[match.end():])
    if unit is None:
        return ValueReading(kind=ValueKind.QUALITATIVE)
    return ValueReading(kind=ValueKind.QUANTITATIVE, comparison=comparison, number=number, unit=unit or None)
