"""``perfdesk check FILE... [--json] [--rules FILE] [--jobs N] [--annotate OUT.xlsx]
[--summary OUT.xlsx] [--report OUT.pdf]``: review texts from the command line.

A readable report per file and a summary line per file (for a bureau reviewing all its
departments at once), or with ``--json`` one JSON list of findings. Each finding names the
sheet and cell of the clerk's own workbook it is about (``工作表“03” F12``; ``"sheet"`` and
``"cell"`` in JSON). Findings the bureau accepted (已核实，保留, stored in the file) are listed
apart and do not count towards the status. Exit status: 0 clean, 1 warnings or hints only,
2 errors (an unreadable file counts as an error). Many files are checked by a process pool,
one worker per core, reported in the files' order. What opening a file could not place is
listed on stderr, headed by the file's name when several are checked.

The papers for the bureau: ``--annotate`` a copy of one workbook with each finding as a cell
comment, ``--summary`` one workbook over all files checked, ``--report`` the 审核意见 as a PDF.
"""

from __future__ import annotations

import glob
import io
import json
import re
import sys
from pathlib import Path
from typing import Any, TextIO

from perfdesk.cli.notes import print_read_notes
from perfdesk.errors import PerfdeskError
from perfdesk.fileio.safe_save import is_backup_path
from perfdesk.papers.checked import UNREADABLE, CheckedFile, check_files
from perfdesk.papers.marks import is_paper
from perfdesk.review import load_rules_file

# .xlsm opens like .xlsx (its macros are ignored), so a bureau's folder of them is checked too.
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".json")


def _is_workbook(path: Path) -> bool:
    return path.is_file() and path.suffix.lower() in WORKBOOK_SUFFIXES


def _is_side_file(path: Path) -> bool:
    """A file that sits beside a department's workbook without being one: the lock file
    Excel/WPS keep while it is open (``~$甲局.xlsx``) or the backup perfdesk keeps of the
    previous version when it saves (``甲局~.xlsx``, see ``safe_save.backup_path``)."""
    return path.name.startswith("~$") or is_backup_path(path)


def _folder_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if _is_workbook(p) and not _is_side_file(p) and not is_paper(p))


def _pattern_files(pattern: str) -> list[Path]:
    """What a pattern matches; backups only when the pattern itself asks for a ``~``
    (``*~.xlsx``), since a clerk checking ``*.xlsx`` means the departments, not their backups."""
    wants_backups = "~" in Path(pattern).name.replace("~$", "")
    matched = sorted(Path(p) for p in glob.glob(pattern, recursive=True) if _is_workbook(Path(p)))
    return [p for p in matched if not p.name.startswith("~$") and (wants_backups or not is_backup_path(p))
            and not is_paper(p)]


def expand(names: list[str]) -> list[str]:
    """The files to check: a folder gives the workbooks (.xlsx, .xlsm, .json) in it and its
    subfolders, a pattern such as ``*.xlsx`` is expanded here (the Windows command prompt does
    not do it) to the workbooks it matches. Excel/WPS lock files (``~$…``), perfdesk's own
    backups (``…~.xlsx``) and its papers (a summary, an annotated copy: :mod:`perfdesk.papers.marks`)
    found either way are skipped; a file named explicitly is always checked.
    A name that matches nothing is kept, so that it is reported as missing."""
    files: list[str] = []
    for name in names:
        path = Path(name)
        if path.is_dir():
            found = _folder_files(path)
        elif not path.exists() and glob.has_magic(name):
            found = _pattern_files(name)
        else:
            files.append(name)
            continue
        files.extend(str(p) for p in found)
        if not found:
            files.append(name)
    return list(dict.fromkeys(files))


def _status(counts: dict[str, int], unreadable: bool) -> int:
    if unreadable or counts["error"]:
        return 2
    return 1 if counts["warning"] or counts["hint"] else 0


def _summary(checked: CheckedFile) -> str:
    if checked.failure:
        return "无法读取"
    counts = checked.counts()
    line = "未发现问题" if not any(counts.values()) else \
        f"{counts['error']} 个错误，{counts['warning']} 个警告，{counts['hint']} 个提示"
    if checked.accepted:
        line += f"（另有 {len(checked.accepted)} 个已核实保留）"
    return line


# A cell's ``_xD800_`` reads as a lone surrogate, which no encoding can write: shown as U+FFFD.
_SURROGATE = re.compile("[\ud800-\udfff]")
JSON_FAILED = "check-failed"


def _printable(text: str, out: TextIO) -> str:
    """``text`` as ``out`` can write it whole: lone surrogates and characters its encoding
    lacks (a console in GBK) become replacement marks instead of an exception half-way."""
    text = _SURROGATE.sub("\ufffd", text)
    encoding = getattr(out, "encoding", None)
    if encoding:
        try:
            text.encode(encoding)
        except UnicodeEncodeError:
            text = text.encode(encoding, errors="replace").decode(encoding)
        except LookupError:
            pass
    return text


def _emit(out: TextIO, text: str) -> None:
    out.write(_printable(text, out))
    out.flush()


def _failure_record(error: BaseException) -> dict[str, Any]:
    """What a check that stopped half-way says in ``--json``: one more record, in Chinese."""
    if isinstance(error, PerfdeskError):
        message = str(error)
    elif isinstance(error, KeyboardInterrupt):
        message = "审核被中断，以上只是已审核的部分。"
    else:  # a bug of ours: the maintainer's details go to stderr (see cli.main), not to the clerk
        message = "perfdesk 内部错误，审核没有完成；详细信息见错误输出，请告诉维护人员。"
    return {"file": None, "rule": JSON_FAILED, "severity": "error", "message": message,
            "project_index": None, "project_code": None, "indicator_row": None, "field": None,
            "sheet": None, "cell": None, "project_name": None, "accepted": False, "accepted_reason": None}


def _json_text(records: list[dict[str, Any]]) -> str:
    return json.dumps(records, ensure_ascii=False, indent=1) + "\n"


def _write_text(out: TextIO, checked: CheckedFile) -> None:
    print(f"== {checked.name}", file=out)
    if checked.failure:
        print(f"  [错误] {checked.failure}", file=out)
    for item in checked.open:
        where = item.where()
        print(f"  [{item.finding.severity.label}] {where + '：' if where else ''}{item.finding.message}", file=out)
    if checked.accepted:
        print(f"  已核实保留（{len(checked.accepted)} 个，不计入结果）：", file=out)
        for item in checked.accepted:
            where = item.where()
            reason = f"（理由：{item.accepted}）" if item.accepted else ""
            print(f"    [{item.finding.severity.label}] {where + '：' if where else ''}{item.finding.message}{reason}",
                  file=out)
    print(file=out)


def _json_records(checked: CheckedFile) -> list[dict[str, Any]]:
    records = []
    if checked.failure:
        records.append({"file": checked.name, "rule": UNREADABLE, "severity": "error", "message": checked.failure,
                        "project_index": None, "project_code": None, "indicator_row": None, "field": None,
                        "sheet": None, "cell": None, "project_name": None, "accepted": False,
                        "accepted_reason": None})
    records.extend(item.to_json(checked.name) for item in checked.located)
    return records


def _one_file(names: list[str], option: str) -> str:
    if len(names) != 1:
        raise PerfdeskError(f"{option} 只能用于一个文件（现在是 {len(names)} 个）。")
    return names[0]


def run_check(args: Any, out: TextIO | None = None) -> int:
    """Check ``args.files``; print the report (or JSON with ``args.json``); write the papers
    asked for; return the status.

    Never half an output: each file's report is built whole before it is written, and with
    ``--json`` the whole list is; a check that fails half-way (a wrong option, an interrupt,
    a bug) still prints a list that parses, ending with a record saying why (rule
    ``check-failed``), then the error goes on as before (stderr, status 2)."""
    out = out or sys.stdout
    records: list[dict[str, Any]] = []
    try:
        status, results = _check(args, out, records)
    except BaseException as error:
        if args.json and isinstance(error, (Exception, KeyboardInterrupt)):
            _emit(out, _json_text([*records, _failure_record(error)]))
        raise
    if args.json:
        _emit(out, _json_text(records))
    else:
        summary_text = io.StringIO()
        print(f"共审核 {len(results)} 个文件：", file=summary_text)
        for checked in results:
            print(f"  {checked.name}：{_summary(checked)}", file=summary_text)
        _emit(out, summary_text.getvalue())
    annotate, summary, report = (getattr(args, name, None) for name in ("annotate", "summary", "report"))
    _write_papers(results, annotate, summary, report, args, sys.stderr if args.json else out)
    return status


def _check(args: Any, out: TextIO, records: list[dict[str, Any]]) -> tuple[int, list[CheckedFile]]:
    """Check every file: text reports are written to ``out`` file by file, JSON records are
    gathered in ``records``. Returns the status and the files checked."""
    rules_file = getattr(args, "rules", None)
    rules = load_rules_file(rules_file) if rules_file else None  # a bad file: FileFormatError, status 2
    annotate, summary, report = (getattr(args, name, None) for name in ("annotate", "summary", "report"))
    names = expand(args.files)
    if annotate:
        from perfdesk.papers.annotate import refuse_paths

        refuse_paths(Path(_one_file(names, "--annotate")), Path(annotate))  # before a long check, not after
    if report:
        _one_file(names, "--report")
    if summary:
        from perfdesk.papers.summary import summary_target

        summary_target(Path(summary))  # a wrong name is refused before a long check, not after
    if report and Path(report).suffix.lower() != ".pdf":
        raise PerfdeskError(f"--report 要写出 .pdf 文件，“{Path(report).name}”的扩展名不对。")
    status = 0
    results: list[CheckedFile] = []
    for checked in check_files(names, rules, getattr(args, "jobs", None), keep_document=bool(annotate or report)):
        results.append(checked)
        print_read_notes(checked.notes, checked.name if len(names) > 1 else None)
        status = max(status, _status(checked.counts(), checked.failure is not None))
        if args.json:
            records.extend(_json_records(checked))
        else:
            block = io.StringIO()
            _write_text(block, checked)
            _emit(out, block.getvalue())
    return status, results


def _write_papers(results: list[CheckedFile], annotate: str | None, summary: str | None, report: str | None,
                  args: Any, out: TextIO) -> None:
    """The papers asked for; each says where it was written (on stderr under ``--json``)."""
    if annotate:
        from perfdesk.papers.annotate import annotate_workbook

        checked = results[0]
        if checked.failure:
            raise PerfdeskError(f"无法写出批注版：{checked.failure}")
        count = annotate_workbook(Path(checked.name), Path(annotate), checked.located)
        print(f"已写出批注版：{annotate}（{count} 条批注；原文件未改动）", file=out)
    if summary:
        from perfdesk.papers.summary import write_summary

        write_summary(results, Path(summary))
        print(f"已写出审核汇总：{summary}（{len(results)} 个文件）", file=out)
    if report:
        from perfdesk.papers.report_pdf import write_report

        checked = results[0]
        if checked.failure:
            raise PerfdeskError(f"无法写出审核意见：{checked.failure}")
        write_report(checked, Path(report), reviewer=getattr(args, "reviewer", None))
        print(f"已写出审核意见：{report}", file=out)
