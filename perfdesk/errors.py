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


class Cancelled(PerfdeskError):
    """The clerk stopped the work (an export, a preview) before it ended; nothing was written."""

    def __init__(self, message: str = "已取消，没有写入任何文件。") -> None:
        super().__init__(message)


class FontMissingError(PerfdeskError):
    """No embeddable (TrueType) CJK font was found for the PDF export, or a character of the
    document is in no installed font (the message names it and where it stands)."""


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


# ----------------------------------------------------------------- any exception, in Chinese
#
# strerror and exception texts are English (and name Python's classes); a clerk is told what is
# wrong and what to do. Each reason is one sentence ending with "。"; the caller says which file.

def _errno_reasons() -> dict[int, str]:
    import errno

    in_use = "文件正被其他程序使用（例如在 Excel 或 WPS 中打开），请先关闭它再试。"
    network = "网络位置暂时无法访问（网络或共享文件夹断开），请检查网络后再试。"
    reasons = {
        "EACCES": "没有权限读写这个文件或文件夹（可能是只读的、受保护的，或正被其他程序打开），请换一个位置或请管理员开放权限。",
        "EPERM": "没有权限读写这个文件或文件夹（可能是只读的、受保护的，或正被其他程序打开），请换一个位置或请管理员开放权限。",
        "ENOENT": "找不到这个文件或文件夹（可能已被移动、改名或删除）。",
        "ENAMETOOLONG": "文件名或路径太长，请换一个短一些的文件名或位置。",
        "ENOSPC": "磁盘空间不足，请清理磁盘或换一个位置。",
        "EDQUOT": "磁盘空间不足（已用完分配的配额），请清理磁盘或换一个位置。",
        "EROFS": "这个磁盘是只读的（例如写保护的U盘或光盘），请换一个位置。",
        "EISDIR": "这是一个文件夹，不是文件，请选择其中的文件。",
        "ENOTDIR": "路径中有一级不是文件夹，请检查路径。",
        "EBUSY": in_use,
        "ETXTBSY": in_use,
        "EMFILE": "同时打开的文件太多，请关闭一些程序或窗口后再试。",
        "ENFILE": "同时打开的文件太多，请关闭一些程序或窗口后再试。",
        "EIO": "读写磁盘时出错（磁盘或U盘可能已损坏或已拔出），请换一个位置。",
        "EFBIG": "文件太大，超出了磁盘或系统允许的大小。",
        "ENOMEM": "内存不足，请关闭一些程序后再试。",
        "EEXIST": "同名的文件或文件夹已经存在，请换一个名字。",
        "ELOOP": "路径中的链接（快捷方式）互相指向，形成了循环，请检查路径。",
        "EINVAL": "文件名或路径中有不允许的字符，请换一个文件名。",
        "EXDEV": "不能在两个磁盘之间直接移动，请换一个位置。",
        "ENXIO": "设备不存在或未连接（U盘可能已拔出），请检查后再试。",
        "ENODEV": "设备不存在或未连接（U盘可能已拔出），请检查后再试。",
        "EAGAIN": "文件暂时无法访问，请稍后再试。",
        "EINTR": "操作被中断，请再试一次。",
        "ESTALE": network, "ETIMEDOUT": network, "ECONNRESET": network, "ECONNREFUSED": network,
        "ECONNABORTED": network, "EHOSTUNREACH": network, "ENETUNREACH": network, "ENETDOWN": network,
        "ENOTCONN": network, "EHOSTDOWN": network,
    }
    return {getattr(errno, name): text for name, text in reasons.items() if hasattr(errno, name)}


# Windows error codes that carry more than their errno (a sharing violation is EACCES there).
_WINERROR_REASONS = {
    32: "文件正被其他程序使用（例如在 Excel 或 WPS 中打开），请先关闭它再试。",  # ERROR_SHARING_VIOLATION
    33: "文件正被其他程序使用（例如在 Excel 或 WPS 中打开），请先关闭它再试。",  # ERROR_LOCK_VIOLATION
    1224: "文件正被其他程序使用（例如在 Excel 或 WPS 中打开），请先关闭它再试。",  # ERROR_USER_MAPPED_FILE
    19: "这个磁盘是写保护的（例如写保护的U盘），请换一个位置。",  # ERROR_WRITE_PROTECT
    21: "设备没有准备好（U盘或光盘可能已拔出），请检查后再试。",  # ERROR_NOT_READY
    53: "找不到网络路径，请检查网络和共享文件夹。",  # ERROR_BAD_NETPATH
    67: "找不到网络上的共享名，请检查网络和共享文件夹。",  # ERROR_BAD_NET_NAME
    112: "磁盘空间不足，请清理磁盘或换一个位置。",  # ERROR_DISK_FULL
    123: "文件名或路径中有不允许的字符，请换一个文件名。",  # ERROR_INVALID_NAME
    206: "文件名或路径太长，请换一个短一些的文件名或位置。",  # ERROR_FILENAME_EXCED_RANGE
}

_ERRNO_REASONS: dict[int, str] | None = None
# Told without their code: a clerk meets them, and the sentence says all there is.
_EVERYDAY_ERRNOS = {"EACCES", "EPERM", "ENOENT", "ENAMETOOLONG", "ENOSPC", "EDQUOT", "EROFS", "EISDIR",
                    "ENOTDIR", "EBUSY", "ETXTBSY", "EIO", "EMFILE", "ENFILE", "EEXIST", "ENOMEM"}

FALLBACK_REASON = ("文件内容无法理解（可能已损坏，或不是 perfdesk 能读的格式）。"
                   "可以在 Excel 或 WPS 中打开它，另存为 .xlsx 后再试。")

WRITE_FALLBACK_REASON = "生成文件内容时出现了意外的问题（文档中可能有无法保存的内容），请检查最近的修改后再试。"


def _os_reason(error: OSError) -> str:
    global _ERRNO_REASONS
    winerror = getattr(error, "winerror", None)
    if winerror in _WINERROR_REASONS:
        return _WINERROR_REASONS[winerror]
    if _ERRNO_REASONS is None:
        _ERRNO_REASONS = _errno_reasons()
    import errno

    if error.errno in _ERRNO_REASONS:
        reason = _ERRNO_REASONS[error.errno]
        name = errno.errorcode.get(error.errno, "")
        if name in _EVERYDAY_ERRNOS:
            return reason
        # A rarer one also gives the code's name, for whoever helps the clerk.
        return f"{reason[:-1]}（错误代码 {name}）。"

    if isinstance(error, PermissionError):
        return _ERRNO_REASONS[errno.EACCES]
    if isinstance(error, FileNotFoundError):
        return _ERRNO_REASONS[errno.ENOENT]
    if isinstance(error, (IsADirectoryError, NotADirectoryError)):
        return _ERRNO_REASONS[errno.EISDIR if isinstance(error, IsADirectoryError) else errno.ENOTDIR]
    if isinstance(error, (ConnectionError, TimeoutError)):
        return _ERRNO_REASONS[errno.ETIMEDOUT]
    # The code's name (ENOLCK…) is for whoever helps the clerk; it is not a Python class name.
    name = errno.errorcode.get(error.errno) if isinstance(error.errno, int) else None
    detail = f"（错误代码 {name}）" if name else ""
    return f"读写文件时出错{detail}，请换一个位置或文件名再试。"


def _line_of(error: BaseException) -> int | None:
    position = getattr(error, "position", None)  # xml.etree ParseError: (line, column)
    if isinstance(position, tuple) and position and isinstance(position[0], int):
        return position[0]
    line = getattr(error, "lineno", None)  # expat, json, SyntaxError
    return line if isinstance(line, int) else None


def _reason(error: BaseException) -> str | None:
    """The reason for one exception, or None when its class says nothing useful."""
    import decimal
    import json
    import zipfile
    import zlib
    from xml.etree.ElementTree import ParseError
    from xml.parsers.expat import ExpatError

    if isinstance(error, PerfdeskError):
        return error.message
    if isinstance(error, OSError):
        return _os_reason(error)
    if isinstance(error, MemoryError):
        return "文件太大，内存不足以处理它。请关闭一些程序后再试，或把文件拆小。"
    if isinstance(error, RecursionError):
        return "文件内容嵌套太深（层层套叠的结构），无法处理，可能是损坏或恶意构造的文件。"
    if isinstance(error, zipfile.LargeZipFile):
        return "文件太大（超过 4 GB 的压缩包），无法处理。"
    if isinstance(error, zipfile.BadZipFile):
        return "文件已损坏（压缩包结构不完整，可能是下载或拷贝时中断）。请用备份或重新保存的文件。"
    if isinstance(error, NotImplementedError):
        return ("文件的压缩方式或格式版本不受支持（可能是其他程序生成的）。请在 Excel 或 WPS 中打开它，"
                "另存为 .xlsx 后再试。")
    if isinstance(error, RuntimeError) and "encrypted" in str(error):
        return "文件中的内容设置了密码（已加密），无法读取。请取消密码后另存再试。"
    if isinstance(error, zlib.error):
        return "文件已损坏：压缩的数据无法解压。请用备份或重新保存的文件。"
    if isinstance(error, EOFError):
        return "文件不完整（可能是下载或拷贝时中断）。请用备份或重新保存的文件。"
    if isinstance(error, (OverflowError, decimal.DecimalException)):
        return "文件中有数字太大或无法理解，无法作为数字读取。"
    if isinstance(error, UnicodeDecodeError):
        return "文件中有无法识别的文字编码（应为 UTF-8），可能已损坏或是用其他编码保存的。"
    if isinstance(error, UnicodeError):
        return "文字中有无法处理的字符（例如不成对的代理字符），请删除这些字符后再试。"
    if isinstance(error, json.JSONDecodeError):
        known = json_reason(error.msg)
        reason = known if known != error.msg else "JSON 格式有误"
        return f"第 {error.lineno} 行第 {error.colno} 列：{reason}。"
    if isinstance(error, (ParseError, ExpatError)):
        line = _line_of(error)
        where = f"第 {line} 行" if line else ""
        return f"文件中的 XML 内容{where}有错误，不是有效的 XML，文件可能已损坏。"
    module = type(error).__module__ or ""
    if module.startswith("defusedxml"):
        return "文件中含有不安全的 XML 内容（实体、DTD 或外部引用），已拒绝处理。"
    return None


def describe_error(error: BaseException, fallback: str = FALLBACK_REASON) -> str:
    """A Chinese sentence (ending with "。") for any exception a reader or writer can meet:
    what is wrong and what to do, never the exception's class name or English text.

    The place (file, sheet, cell) is the caller's to add, except for what the error itself
    knows (a PerfdeskError's whole message, the line of a JSON or XML parse error). An error
    whose class says nothing useful (ValueError, KeyError…) is explained by its cause when it
    was raised from one, else by ``fallback`` (for a reader :data:`FALLBACK_REASON`; a writer
    passes its own, e.g. :data:`WRITE_FALLBACK_REASON`)."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        reason = _reason(current)
        if reason is not None:
            return reason
        current = current.__cause__ or current.__context__
    return fallback
