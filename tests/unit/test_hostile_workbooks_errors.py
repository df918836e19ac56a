"""Every exception a reader or writer can meet is told in Chinese: what is wrong and what to do,
never a Python class name or the system's English text (issue 16, hole 6)."""

from __future__ import annotations

import decimal
import errno
import json
import os
import re
import zipfile
import zlib
from xml.parsers.expat import ExpatError

import defusedxml
import pytest

from hostile.leaks import leaks
from perfdesk.errors import FALLBACK_REASON, WRITE_FALLBACK_REASON, FileFormatError, describe_error
from perfdesk.fileio import load_document, save_document
from perfdesk.model import Document

def _raised(function):
    try:
        function()
    except BaseException as error:  # noqa: BLE001 - the very thing under test
        return error
    raise AssertionError("nothing raised")


def _json_error():
    return _raised(lambda: json.loads('{"department": "财政局",}'))


def _parse_error():
    from xml.etree.ElementTree import fromstring
    return _raised(lambda: fromstring("<a>\n<b>\n</a>"))


def _chained_value_error():
    def inner():
        try:
            zlib.decompress(b"not zlib")
        except zlib.error as cause:
            raise ValueError("a1") from cause
    return _raised(inner)


# (exception, words the reason must hold): each by hand from what a clerk needs to hear.
CASES = [
    (PermissionError(errno.EACCES, "Permission denied"), "没有权限"),
    (OSError(errno.EPERM, "Operation not permitted"), "没有权限"),
    (FileNotFoundError(errno.ENOENT, "No such file or directory"), "找不到"),
    (OSError(errno.ENAMETOOLONG, "File name too long"), "文件名或路径太长"),
    (OSError(errno.ENOSPC, "No space left on device"), "磁盘空间不足"),
    (OSError(errno.EROFS, "Read-only file system"), "只读"),
    (IsADirectoryError(errno.EISDIR, "Is a directory"), "文件夹"),
    (NotADirectoryError(errno.ENOTDIR, "Not a directory"), "不是文件夹"),
    (OSError(errno.EBUSY, "Device or resource busy"), "正被其他程序使用"),
    (OSError(errno.ETXTBSY, "Text file busy"), "正被其他程序使用"),
    (OSError(errno.EMFILE, "Too many open files"), "打开的文件太多"),
    (OSError(errno.EIO, "Input/output error"), "读写磁盘时出错"),
    (OSError(errno.EXDEV, "Invalid cross-device link"), "错误代码 EXDEV"),
    (OSError(errno.ENOLCK, "No locks available"), "错误代码 ENOLCK"),
    (OSError("gzip says no"), "读写文件时出错"),
    (TimeoutError(errno.ETIMEDOUT, "Connection timed out"), "网络"),
    (MemoryError(), "内存不足"),
    (RecursionError("maximum recursion depth exceeded"), "嵌套太深"),
    (zipfile.BadZipFile("File is not a zip file"), "已损坏"),
    (zipfile.LargeZipFile("Zipfile size would require ZIP64 extensions"), "太大"),
    (NotImplementedError("zip file version 9.9"), "压缩方式或格式版本不受支持"),
    (NotImplementedError("That compression method is not supported"), "压缩方式或格式版本不受支持"),
    (zlib.error("Error -3 while decompressing data: invalid block type"), "无法解压"),
    (EOFError(), "不完整"),
    (OverflowError("int too large to convert to float"), "数字太大或无法理解"),
    (decimal.InvalidOperation([decimal.ConversionSyntax]), "数字太大或无法理解"),
    (decimal.Overflow(), "数字太大或无法理解"),
    (UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid start byte"), "文字编码"),
    (UnicodeEncodeError("utf-8", "\ud800", 0, 1, "surrogates not allowed"), "无法处理的字符"),
    (_json_error(), "第 1 行"),
    (_parse_error(), "第 3 行"),
    (ExpatError("mismatched tag"), "XML"),
    (defusedxml.EntitiesForbidden("x", None, None, None, None, None), "不安全的 XML"),
    (_chained_value_error(), "无法解压"),  # a bare ValueError is told by its cause
    (ValueError("a1"), "文件内容无法理解"),
    (KeyError("xl/workbook.xml"), "文件内容无法理解"),
    (TypeError("'NoneType' object is not subscriptable"), "文件内容无法理解"),
    (AttributeError("'NoneType' object has no attribute 'text'"), "文件内容无法理解"),
    (IndexError("list index out of range"), "文件内容无法理解"),
    (FileFormatError("工作簿已损坏。", path="a.xlsx", sheet="项目1", cell="B7"), "单元格 B7"),
]


@pytest.mark.parametrize("error, words", CASES, ids=[type(case[0]).__name__ for case in CASES])
def test_every_error_is_a_chinese_reason_without_a_class_name(error, words):
    reason = describe_error(error)
    assert words in reason
    assert not leaks(reason), reason
    assert re.search(r"[\u4e00-\u9fff]", reason) and reason.endswith("。")
    assert str(error) not in reason or isinstance(error, FileFormatError) or not str(error)


def test_windows_sharing_violation_is_a_file_in_use():
    error = PermissionError(errno.EACCES, "The process cannot access the file")
    error.winerror = 32  # what Windows gives while Excel holds the workbook
    assert "正被其他程序使用" in describe_error(error)


def test_the_fallback_names_no_class_and_says_what_to_do():
    class WeirdInternalError(Exception):
        pass

    reason = describe_error(WeirdInternalError("something internal"))
    assert reason == FALLBACK_REASON
    assert "Weird" not in reason and "another" not in reason and "另存为" in reason


def test_opening_a_folder_says_it_is_a_folder(tmp_path):
    folder = tmp_path / "各单位"
    folder.mkdir()
    with pytest.raises(FileFormatError) as caught:
        load_document(folder)
    assert "是一个文件夹" in str(caught.value) and "不支持的文件类型" not in str(caught.value)


def test_a_name_too_long_to_open_says_so(tmp_path):
    with pytest.raises(FileFormatError) as caught:
        load_document(tmp_path / ("长" * 200 + ".xlsx"))
    message = str(caught.value)
    assert ("文件名或路径太长" in message or "找不到这个文件" in message) and not leaks(message)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_pipe_named_like_a_workbook_is_refused_at_once(tmp_path):
    pipe = tmp_path / "管道.xlsx"
    os.mkfifo(pipe)
    with pytest.raises(FileFormatError) as caught:
        load_document(pipe)  # never opened: reading a FIFO without a writer would hang
    assert "不是一个普通文件" in str(caught.value)


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root reads any file")
def test_an_unreadable_workbook_says_permission_in_chinese(tmp_path):
    path = tmp_path / "锁住的.xlsx"
    save_document(Document(department="财政局"), path)
    path.chmod(0)
    try:
        with pytest.raises(FileFormatError) as caught:
            load_document(path)
    finally:
        path.chmod(0o600)
    assert "没有权限" in str(caught.value) and not leaks(str(caught.value))


def test_a_writer_has_its_own_fallback():
    reason = describe_error(TypeError("unsupported operand type(s) for +: 'NoneType' and 'str'"),
                            WRITE_FALLBACK_REASON)
    assert reason == WRITE_FALLBACK_REASON and not leaks(reason) and "另存为 .xlsx" not in reason


def test_the_command_line_says_a_folder_is_a_folder(tmp_path, capsys):
    from perfdesk.cli.main import main

    folder = tmp_path / "看起来像工作簿.xlsx"
    folder.mkdir()
    assert main(["info", str(folder)]) == 2
    err = capsys.readouterr().err
    assert "是一个文件夹" in err and "不支持的文件类型" not in err and not leaks(err)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_checking_a_folder_with_a_pipe_among_the_workbooks_ends(tmp_path, capsys):
    from perfdesk.cli.main import main

    os.mkfifo(tmp_path / "管道.xlsx")
    assert main(["check", str(tmp_path)]) == 2  # a folder without workbooks: told, never hangs on the pipe
    out, err = capsys.readouterr()
    assert "无法读取" in out and not leaks(out + err)
    assert main(["check", str(tmp_path / "管道.xlsx")]) == 2  # named: refused without opening it
    out, err = capsys.readouterr()
    assert "不是一个普通文件" in out + err and not leaks(out + err)


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root reads any folder")
def test_an_unreadable_folder_given_to_check_says_permission_in_chinese(tmp_path, capsys):
    from perfdesk.cli.main import main

    folder = tmp_path / "锁住的文件夹"
    folder.mkdir()
    save_document(Document(department="财政局"), folder / "a.xlsx")
    folder.chmod(0)
    try:
        main(["check", str(folder / "a.xlsx")])
    finally:
        folder.chmod(0o700)
    out, err = capsys.readouterr()
    assert "没有权限" in out + err and not leaks(out + err)
