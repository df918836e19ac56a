"""Errors shown to a clerk: each carries a Chinese message and, where known, the place.

Every layer raises these (never a bare traceback) for input it cannot use; the command line
prints ``str(error)`` to stderr and exits with status 2, the window shows it in a dialog.
"""

from __future__ import annotations


class PerfdeskError(Exception):
    """Base of all errors meant for the user; ``message`` is Chinese and says what to do."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class FileFormatError(PerfdeskError):
    """A file could not be read: not a workbook, corrupt, encrypted, too large, not understood.

    ``sheet`` and ``cell`` (e.g. ``"B7"``) or ``line`` point at the place when it is known.
    """

    def __init__(self, message: str, *, path: str | None = None, sheet: str | None = None,
                 cell: str | None = None, line: int | None = None) -> None:
        where = []
        if sheet:
            where.append(f"工作表“{sheet}”")
        if cell:
            where.append(f"单元格 {cell}")
        if line is not None:
            where.append(f"第 {line} 行")
        full = f"{'，'.join(where)}：{message}" if where else message
        if path:
            full = f"无法打开“{path}”。{full}"
        super().__init__(full)
        self.path, self.sheet, self.cell, self.line = path, sheet, cell, line
        self.detail = message


class SaveError(PerfdeskError):
    """Saving failed; the file on disk is as it was before."""


class FontMissingError(PerfdeskError):
    """No embeddable (TrueType) CJK font was found for the PDF export."""


# Python's json messages (English) -> what a clerk editing a JSON file by hand is told.
JSON_REASONS = {
    "Expecting property name enclosed in double quotes": "这里应是英文双引号括起的字段名（是否多了一个逗号？）",
    "Expecting ',' delimiter": "这里缺少英文逗号",
    "Expecting ':' delimiter": "这里缺少英文冒号",
    "Expecting value": "这里缺少值（是否多了逗号，或用了中文引号？）",
    "Extra data": "JSON 内容结束后还有多余的文字",
    "Unterminated string starting at": "字符串缺少结束的英文双引号",
    "Invalid control character at": "字符串中有换行等控制字符（换行应写成 \\n）",
    "Invalid \\escape": "字符串中有无效的反斜杠转义（反斜杠应写成 \\\\）",
}
# pydantic's error type -> what is wrong with a field's value, said after the field's name.
FIELD_REASONS = {
    "extra_forbidden": "不是文档中的字段（可能拼错了），请删除或改正",
    "missing": "缺少，请补上",
    "string_type": "应为文字（用英文双引号括起）",
    "int_type": "应为整数", "int_parsing": "应为整数", "int_from_float": "应为整数",
    "list_type": "应为列表（[…]）", "tuple_type": "应为列表（[…]）", "too_short": "的项数不够", "too_long": "的项数太多",
    "dict_type": "应为对象（{…}）", "model_type": "应为对象（{…}）", "model_attributes_type": "应为对象（{…}）",
    "decimal_parsing": "不是数字", "decimal_type": "不是数字", "float_parsing": "不是数字", "float_type": "不是数字",
    "bool_type": "应为 true 或 false", "bool_parsing": "应为 true 或 false",
    "enum": "不是允许的值", "literal_error": "不是允许的值",
}


def json_reason(message: str) -> str:
    """A json.JSONDecodeError's ``msg`` in Chinese (the English text if it is not known)."""
    return next((chinese for english, chinese in JSON_REASONS.items() if message.startswith(english)), message)
