"""Open and save documents by file suffix, and make the blank template.

Loading never returns a half-read document and never lets a traceback reach the clerk:
anything unexpected while reading becomes a FileFormatError. Saving serialises the whole
document in memory first, then replaces the file atomically (see ``safe_save``).
"""

from __future__ import annotations

import os
from pathlib import Path

from perfdesk.errors import FileFormatError, PerfdeskError, SaveError, WRITE_FALLBACK_REASON, describe_error
from perfdesk.fileio.json_io import document_json, read_json
from perfdesk.fileio.read_result import Origins, ReadResult
from perfdesk.fileio.safe_save import remove_stale_temporaries, replace_file
from perfdesk.fileio.xlsx_cells import sniff
from perfdesk.fileio.xlsx_read import open_workbook
from perfdesk.model import (
    DEFAULT_FRAMEWORK, BudgetUnit, Document, Indicator, Measure, Part1, Project, SubGoal, load_framework,
)

SUFFIXES = (".xlsx", ".json")
# Read like .xlsx (macros and template flags are ignored); saved only as .xlsx, since a file
# named .xlsm without its macros is one Excel refuses to open.
READ_ONLY_SUFFIXES = (".xlsm", ".xltx", ".xltm")


def _suffix(path: Path, error: type[PerfdeskError]) -> str:
    suffix = path.suffix.lower()
    if suffix in READ_ONLY_SUFFIXES and error is FileFormatError:
        return ".xlsx"
    if suffix in READ_ONLY_SUFFIXES:
        raise error(f"perfdesk 不能保存为“{path.suffix}”（宏和模板不会保留），请另存为 .xlsx 工作簿。")
    if suffix not in SUFFIXES:
        message = f"不支持的文件类型“{path.suffix or '（无扩展名）'}”：请使用 .xlsx 工作簿或 .json 文件。"
        raise error(message, path=str(path)) if error is FileFormatError else error(message)
    return suffix


def load_document(path: str | os.PathLike) -> Document:
    """The document in a file (see :func:`open_document` for what could not be placed)."""
    return open_document(path).document


def open_document(path: str | os.PathLike) -> ReadResult:
    """Read a file whole: the document, the notes on what could not be placed (sheet and cell)
    and where each field came from. Raises FileFormatError, never returns half a document."""
    path = Path(path)
    remove_stale_temporaries(path)  # leftovers of a save that was killed; never raises
    try:
        return _open(path)
    except PerfdeskError:
        raise
    except Exception as error:  # noqa: BLE001 - a clerk must get a message, not a traceback
        # Even looking at the path can fail (a name too long for the disk), so all of it is in here.
        raise FileFormatError(describe_error(error), path=str(path)) from error


def _open(path: Path) -> ReadResult:
    if path.name.startswith("~$") and path.is_file():
        original = path.name[2:]
        raise FileFormatError(f"这是 Excel 或 WPS 打开“{original}”时在旁边留下的锁定文件，不是工作簿本身。"
                              f"请打开“{original}”。", path=str(path))
    if path.is_dir():  # before the suffix: a folder is not "an unsupported file type"
        raise FileFormatError("这是一个文件夹，不是文件。请选择其中的 .xlsx 工作簿或 .json 文件。", path=str(path))
    if path.suffix.lower() in (".xls", ".et") and path.is_file():
        sniff(str(path))  # explains an old-format or encrypted workbook in its own words
    suffix = _suffix(path, FileFormatError)
    if not path.is_file():
        raise FileFormatError("找不到这个文件。" if not path.exists() else
                              "这不是一个普通文件（可能是设备或管道），无法打开。", path=str(path))
    return open_workbook(str(path)) if suffix == ".xlsx" else ReadResult(read_json(str(path)))


def document_bytes(document: Document, path: str | os.PathLike, marked: bool = True,
                   origins: Origins | None = None) -> bytes:
    """The file's content; ``origins``, when given, records where a workbook holds each field."""
    suffix = _suffix(Path(path), SaveError)
    try:
        if suffix == ".json":
            return document_json(document)
        # Imported here: reading (info, check, export) never needs the writer.
        from perfdesk.fileio.xlsx_write import workbook_bytes

        return workbook_bytes(document, marked, origins)
    except PerfdeskError:
        raise
    except Exception as error:  # noqa: BLE001
        reason = describe_error(error, WRITE_FALLBACK_REASON)
        raise SaveError(f"无法生成文件内容：{reason}原来的文件没有改动。") from error


def save_document(document: Document, path: str | os.PathLike, marked: bool = True) -> Origins:
    """Save atomically; the previous version is kept as ``<stem>~<suffix>``. Raises SaveError.
    Returns where the saved file holds each field (empty for JSON)."""
    origins = Origins()
    replace_file(path, document_bytes(document, path, marked, origins))
    return origins


def new_template(department: str = "", year: int | None = None) -> Document:
    """A blank document: one unit with one project whose indicator rows name every
    一级/二级 pair of the framework, ready to be filled in (in perfdesk or by hand)."""
    framework = load_framework(DEFAULT_FRAMEWORK)
    indicators = [Indicator(level1=level.name, level2=child.name)
                  for level in framework.levels for child in level.children]
    project = Project(goals=[""], indicators=indicators)
    part1 = Part1(sub_goals=[SubGoal()], measures=[Measure()])
    return Document(department=department, year=year, framework=framework.id, part1=part1,
                    units=[BudgetUnit(projects=[project])])
