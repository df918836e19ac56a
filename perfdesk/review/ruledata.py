"""The data review rules read: word lists, thresholds, required kinds, code shape.

It lives in ``resources/review/<id>.json`` so that another region's rules are a data file,
not code. Also the small text helpers the rules share (placeholder, markup, vagueness),
which all work on the clerk's text folded the same way (NFKC, no spaces).
"""

from __future__ import annotations

import errno
import html
import json
import re
import unicodedata
from decimal import Decimal
from functools import cached_property, lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from perfdesk.errors import FIELD_REASONS, FileFormatError, json_reason
from perfdesk.resources import resource_path
from perfdesk.review.findings import RULES, Severity

DEFAULT_RULES = "hebei"


class Requirement(BaseModel):
    """A kind of indicator every project needs: any one of ``any_of`` (二级指标 names)."""

    label: str
    any_of: list[str]
    severity: Severity = Severity.WARNING


def _compiled(pattern: str) -> re.Pattern[str]:
    """A rule file's regular expression, refused when loaded rather than when a check runs."""
    try:
        return re.compile(pattern)
    except re.error as error:
        raise ValueError(f"“{pattern}”不是有效的正则表达式（{error.msg}）") from None


class ReviewRules(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)

    id: str
    name: str = ""
    placeholder_exact: list[str] = Field(default_factory=list)
    placeholder_patterns: list[str] = Field(default_factory=list)
    vague_words: list[str] = Field(default_factory=list)
    time_words: list[str] = Field(default_factory=list)
    # Words by which a 指标值确定依据 explains a target set below last year's (下降, 由于, 受…影响:
    # “…” stands for any text between the parts).
    step_back_reasons: list[str] = Field(default_factory=list)
    numeric_kinds: dict[str, Severity] = Field(default_factory=dict)
    time_kinds: list[str] = Field(default_factory=list)
    cost_kinds: list[str] = Field(default_factory=list)
    satisfaction_kinds: list[str] = Field(default_factory=list)
    money_units: dict[str, Decimal] = Field(default_factory=dict)
    head_count_units: list[str] = Field(default_factory=list)
    satisfaction_floor: Decimal | None = None
    required: list[Requirement] = Field(default_factory=list)
    code_pattern: str = ""
    code_example: str = ""
    unit_code_pattern: str = ""
    year_range: tuple[int, int] = (2000, 2100)
    spending_plan_target: Decimal = Decimal(100)
    severity: dict[str, Severity] = Field(default_factory=dict)
    disabled: list[str] = Field(default_factory=list)

    @field_validator("code_pattern", "unit_code_pattern")
    @classmethod
    def _pattern(cls, pattern: str) -> str:
        _compiled(pattern)
        return pattern

    @field_validator("placeholder_patterns")
    @classmethod
    def _patterns(cls, patterns: list[str]) -> list[str]:
        for pattern in patterns:
            _compiled(pattern)
        return patterns

    # ------------------------------------------------------------- compiled
    @cached_property
    def _placeholders(self) -> frozenset[str]:
        return frozenset(fold(word) for word in self.placeholder_exact)

    @cached_property
    def _placeholder_re(self) -> list[re.Pattern[str]]:
        return [re.compile(p) for p in self.placeholder_patterns]

    @cached_property
    def code_re(self) -> re.Pattern[str] | None:
        return re.compile(self.code_pattern) if self.code_pattern else None

    @cached_property
    def unit_code_re(self) -> re.Pattern[str] | None:
        return re.compile(self.unit_code_pattern) if self.unit_code_pattern else None

    @cached_property
    def _vague(self) -> tuple[str, ...]:
        return tuple(fold(w) for w in self.vague_words)

    @cached_property
    def _time(self) -> tuple[str, ...]:
        return tuple(fold(w) for w in self.time_words)

    @cached_property
    def _reasons(self) -> tuple[re.Pattern[str], ...]:
        # fold turns “…” into "...", so the parts of 受…影响 are split there.
        return tuple(re.compile(".*?".join(re.escape(part) for part in fold(w).split("...") if part))
                     for w in self.step_back_reasons if fold(w).replace(".", ""))

    # -------------------------------------------------------------- queries
    def severity_of(self, rule: str) -> Severity | None:
        """The severity this region gives ``rule``, or None when the rule is switched off."""
        if rule in self.disabled:
            return None
        return self.severity.get(rule) or RULES[rule][0]

    @cached_property
    def _placeholder_memo(self) -> dict[str, bool]:
        return {}

    def is_placeholder(self, text: str) -> bool:
        """Template text a clerk forgot to replace: ``目标内容1``, ``无``, ``XXX财政局``."""
        # Memoised: the same cell texts (工作计划, ≥95%) recur in every project.
        memo = self._placeholder_memo
        known = memo.get(text)
        if known is None:
            folded = fold(text)
            known = bool(folded) and (folded in self._placeholders
                                      or any(p.search(folded) for p in self._placeholder_re))
            if len(memo) > 100_000:
                memo.clear()
            memo[text] = known
        return known

    def is_vague(self, text: str) -> bool:
        """Free text without a number built on words such as 及时, 效果明显, 稳步提升."""
        folded = fold(text)
        return bool(folded) and not has_digit(folded) and any(w in folded for w in self._vague)

    def states_a_reason(self, text: str) -> bool:
        """Whether a 指标值确定依据 gives a reason for a target below last year's."""
        folded = fold(text)
        return bool(folded) and any(p.search(folded) for p in self._reasons)

    def names_a_time(self, text: str) -> bool:
        folded = fold(text)
        return has_digit(folded) or any(w in folded for w in self._time)

    def lacks_number(self, kind: str | None, text: str, quantitative: bool) -> bool:
        """Whether a 指标值 of the 二级指标 ``kind`` misses the number it should carry.

        The review's ``value-not-numeric`` finding and the grid's quiet mark both ask this, so
        that the grid never marks a value the review accepts (``年底前`` for a 时效指标)."""
        if kind not in self.numeric_kinds or quantitative or has_digit(fold(text)):
            return False
        return not (kind in self.time_kinds and self.names_a_time(text))


_SPACE = re.compile(r"\s+")


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """NFKC and no whitespace: how the rules compare the clerk's text."""
    return _SPACE.sub("", unicodedata.normalize("NFKC", text or ""))


def has_digit(text: str) -> bool:
    return any(ch.isdigit() for ch in text)


_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>")
_ENTITY = re.compile(r"&(?:nbsp|lt|gt|amp|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);")


def has_markup(text: str) -> bool:
    """``<p>…</p>``, ``<br/>`` or ``&nbsp;`` pasted from a web form."""
    return bool(text) and ("<" in text or "&" in text) and bool(_TAG.search(text) or _ENTITY.search(text))


def strip_markup(text: str) -> str:
    """The text without tags and entities; a block tag between two pieces becomes a space."""
    spaced = re.sub(r"</p>\s*<p[^>]*>|<br\s*/?>", " ", text, flags=re.IGNORECASE)
    bare = _TAG.sub("", spaced)
    bare = html.unescape(bare).replace("\xa0", " ")
    return re.sub(r"[ \t]{2,}", " ", bare).strip()


@lru_cache(maxsize=None)
def load_rules(name: str = DEFAULT_RULES) -> ReviewRules:
    """Rule data by id (``resources/review/<id>.json``)."""
    path = resource_path("review", f"{name}.json")
    if not path.is_file():
        raise FileFormatError(f"未找到审核规则“{name}”", path=str(path))
    return load_rules_file(path)


def load_rules_file(path: str | Path) -> ReviewRules:
    """Rule data from any JSON file (another region's rules); a file that cannot be used is a
    FileFormatError whose message names the file and, for a wrong value, the field."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return ReviewRules.model_validate(data)
    except UnicodeDecodeError:
        raise _rules_error(path, "不是 UTF-8 编码的文本，请用 UTF-8 编码另存后再试") from None
    except OSError as error:
        raise _rules_error(path, _read_reason(error, path)) from None
    except json.JSONDecodeError as error:
        raise _rules_error(path, f"第 {error.lineno} 行不是有效的 JSON：{json_reason(error.msg)}",
                           line=error.lineno) from None
    except ValidationError as error:
        first = error.errors()[0]
        more = f"（共 {error.error_count()} 处错误）" if error.error_count() > 1 else ""
        raise _rules_error(path, f"{_value_reason(first)}，请改正后再试{more}") from None


def _rules_error(path: Path, detail: str, line: int | None = None) -> FileFormatError:
    """The file is named inside the sentence, so the usual “无法打开…” prefix is not added."""
    error = FileFormatError(f"审核规则文件“{path}”{detail}。")
    error.path, error.line = str(path), line
    return error


def _read_reason(error: OSError, path: Path) -> str:
    """Why the file could not be read, in Chinese (strerror is English on most systems)."""
    if isinstance(error, FileNotFoundError):
        return "不存在，请检查文件名和位置"
    if isinstance(error, IsADirectoryError) or path.is_dir():
        return "是一个文件夹，请选择其中的 .json 文件"
    if isinstance(error, PermissionError):
        return "没有读取权限，请检查文件属性"
    name = errno.errorcode.get(error.errno) if error.errno is not None else None
    return f"无法读取{f'（错误代码 {name}）' if name else ''}"


def _value_reason(error: dict) -> str:
    """``中 satisfaction_floor 的值不是数字`` for one pydantic error."""
    where = _field_name(error["loc"])
    kind = error["type"]
    if kind == "missing":
        return f"缺少 {where}"
    if not where:  # the whole file: a list or a number instead of an object
        return "的内容应为一个对象（{…}）"
    if kind == "enum":
        allowed = "、".join(re.findall(r"'([^']*)'", str(error.get("ctx", {}).get("expected", ""))))
        return f"中 {where} 的值“{error['input']}”不是允许的值" + (f"，应为 {allowed} 之一" if allowed else "")
    gap = "" if where.endswith("项") else " "  # 第 1 项的值, but satisfaction_floor 的值
    if kind == "value_error":  # our own validators' Chinese message
        return f"中 {where} 的值{str(error['msg']).removeprefix('Value error, ')}"
    reason = FIELD_REASONS.get(kind, "不正确")
    return f"中 {where}{gap}{reason if reason.startswith('的') else '的值' + reason}"


def _field_name(loc: tuple) -> str:
    """A pydantic error place made readable: ``("required", 0, "any_of")`` → ``required 第 1 项的 any_of``,
    ``("severity", "code-year")`` → ``severity 里的 code-year``."""
    text, previous = "", None
    for part in loc:
        if isinstance(part, int):
            text += f" 第 {part + 1} 项"
        elif previous is None:
            text = str(part)
        else:
            text += f"的 {part}" if isinstance(previous, int) else f" 里的 {part}"
        previous = part
    return text
