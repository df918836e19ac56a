"""The words clerks use for a document's fields, as data (resources/labels/labels.json).

A project table's 预算数 may be labelled 年度预算 or 预算金额, its 指标值确定依据 取值依据, a cover's
部门名称 单位名称. Readers ask :func:`labels` which field a label names instead of listing
spellings in code, so that a spelling met in a real document is added in one place.
Labels are compared by :func:`label_key`: NFKC (full-width letters and colons folded), all
whitespace removed, brackets made full-width, and a trailing colon, ``（万元）`` or ``（%）``
dropped, so ``项目 编码：`` and ``预算数(万元)`` are found.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from perfdesk.resources import resource_path

_SPACE = re.compile(r"\s+")
_TAIL = re.compile(r"(?:[:：]|（(?:万元|%|％)）)+$")


def label_key(text: object) -> str:
    """How a label is compared: NFKC, all whitespace removed, ASCII colon, full-width brackets."""
    if not isinstance(text, str):
        return ""
    key = _SPACE.sub("", unicodedata.normalize("NFKC", text))
    return key.replace("(", "（").replace(")", "）")


def field_key(text: object) -> str:
    """A label's key without what clerks add to it: a trailing colon, （万元）, （%）."""
    return _TAIL.sub("", label_key(text))


@dataclass(frozen=True)
class Labels:
    """Label keys by section and field, and the fields matched by prefix."""

    sections: dict[str, dict[str, frozenset[str]]]
    prefixes: frozenset[str]

    def keys(self, section: str, name: str) -> frozenset[str]:
        return self.sections[section][name]

    def spellings(self, section: str) -> frozenset[str]:
        """Every key of a section (all the project table's labels, say)."""
        return frozenset().union(*self.sections[section].values())

    def field(self, section: str, text: object) -> str | None:
        """The field a label names in a section (``"total"`` for 年度预算), or None."""
        key = field_key(text)
        if not key:
            return None
        for name, keys in self.sections[section].items():
            if key in keys or (name in self.prefixes and any(key.startswith(k) for k in keys)):
                return name
        return None

    def names(self, section: str, name: str, text: object) -> bool:
        return self.field(section, text) == name


@lru_cache(maxsize=1)
def labels() -> Labels:
    data = json.loads(resource_path("labels", "labels.json").read_text(encoding="utf-8"))
    sections: dict[str, dict[str, frozenset[str]]] = {}
    for section, fields in data.items():
        if isinstance(fields, dict):
            sections[section] = {name: frozenset(field_key(s) for s in spellings)
                                 for name, spellings in fields.items()}
        elif section == "unit_note":
            sections[section] = {"unit_note": frozenset(field_key(s) for s in fields)}
    return Labels(sections, frozenset(data.get("prefixes", ())))
