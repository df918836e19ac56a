"""``perfdesk check FILE... [--json] [--rules FILE]``: review texts from the command line.

A readable report per file and a summary line per file (for a bureau reviewing all its
departments at once), or with ``--json`` one JSON list of findings. Exit status: 0 clean,
1 warnings or hints only, 2 errors (an unreadable file counts as an error). What opening a
file could not place is listed on stderr, headed by the file's name when several are checked
(the JSON, a list of findings, is not changed by it).
"""

from __future__ import annotations

import glob
import json
import sys
from pathlib import Path
from typing import Any, TextIO

from perfdesk.cli.notes import print_read_notes
from perfdesk.errors import PerfdeskError
from perfdesk.fileio import ReadNote, open_document
from perfdesk.fileio.safe_save import is_backup_path
from perfdesk.review import Finding, ReviewRules, check_document, count_by_severity, load_rules_file

UNREADABLE = "file-unreadable"
# .xlsm opens like .xlsx (its macros are ignored), so a bureau's folder of them is checked too.
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".json")


def _check_file(path: Path, rules: ReviewRules | None) -> tuple[list[Finding], str | None, list[ReadNote]]:
    """The findings, why the file could not be read (or None), what reading it did not place."""
    try:
        result = open_document(path)
    except PerfdeskError as error:
        return [], str(error), []
    except OSError as error:
        return [], f"无法读取“{path}”：{error.strerror or error}", []
    except ValueError as error:  # e.g. a pydantic validation error from a malformed file
        first = str(error).splitlines()[0] if str(error) else error.__class__.__name__
        return [], f"无法读取“{path}”：文件内容有误（{first}）", []
    try:
        return check_document(result.document, rules=rules), None, result.notes
    except Exception as error:  # noqa: BLE001 - one file's failed review must not stop the others
        from perfdesk.cli.main import describe_bug

        return [], f"审核“{path}”时出现内部错误（{describe_bug(error)}），请把这一行告诉维护人员。", result.notes


def _is_workbook(path: Path) -> bool:
    return path.is_file() and path.suffix.lower() in WORKBOOK_SUFFIXES


def _is_side_file(path: Path) -> bool:
    """A file that sits beside a department's workbook without being one: the lock file
    Excel/WPS keep while it is open (``~$甲局.xlsx``) or the backup perfdesk keeps of the
    previous version when it saves (``甲局~.xlsx``, see ``safe_save.backup_path``)."""
    return path.name.startswith("~$") or is_backup_path(path)


def _folder_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if _is_workbook(p) and not _is_side_file(p))


def _pattern_files(pattern: str) -> list[Path]:
    """What a pattern matches; backups only when the pattern itself asks for a ``~``
    (``*~.xlsx``), since a clerk checking ``*.xlsx`` means the departments, not their backups."""
    wants_backups = "~" in Path(pattern).name.replace("~$", "")
    matched = sorted(Path(p) for p in glob.glob(pattern, recursive=True) if _is_workbook(Path(p)))
    return [p for p in matched if not p.name.startswith("~$") and (wants_backups or not is_backup_path(p))]


def expand(names: list[str]) -> list[str]:
    """The files to check: a folder gives the workbooks (.xlsx, .xlsm, .json) in it and its
    subfolders, a pattern such as ``*.xlsx`` is expanded here (the Windows command prompt does
    not do it) to the workbooks it matches. Excel/WPS lock files (``~$…``) and perfdesk's own
    backups (``…~.xlsx``) found either way are skipped; a file named explicitly is always checked.
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


def _summary(counts: dict[str, int]) -> str:
    if not any(counts.values()):
        return "未发现问题"
    return f"{counts['error']} 个错误，{counts['warning']} 个警告，{counts['hint']} 个提示"


def _write_text(out: TextIO, name: str, findings: list[Finding], failure: str | None) -> None:
    print(f"== {name}", file=out)
    if failure:
        print(f"  [错误] {failure}", file=out)
    for finding in findings:
        place = finding.place()
        where = f"{place}：" if place else ""
        print(f"  [{finding.severity.label}] {where}{finding.message}", file=out)
    print(file=out)


def run_check(args: Any, out: TextIO | None = None) -> int:
    """Check ``args.files``; print the report (or JSON with ``args.json``); return the status."""
    out = out or sys.stdout
    rules_file = getattr(args, "rules", None)
    rules = load_rules_file(rules_file) if rules_file else None  # a bad file: FileFormatError, status 2
    status = 0
    records: list[dict[str, Any]] = []
    summaries: list[tuple[str, str]] = []
    names = expand(args.files)
    for name in names:
        findings, failure, notes = _check_file(Path(name), rules)
        print_read_notes(notes, name if len(names) > 1 else None)
        counts = count_by_severity(findings)
        status = max(status, _status(counts, failure is not None))
        if args.json:
            if failure:
                records.append({"file": name, "rule": UNREADABLE, "severity": "error", "message": failure,
                                "project_index": None, "project_code": None, "indicator_row": None, "field": None})
            records.extend(f.to_json(name) for f in findings)
        else:
            _write_text(out, name, findings, failure)
            summaries.append((name, "无法读取" if failure else _summary(counts)))
    if args.json:
        json.dump(records, out, ensure_ascii=False, indent=1)
        print(file=out)
        return status
    print(f"共审核 {len(summaries)} 个文件：", file=out)
    for name, line in summaries:
        print(f"  {name}：{line}", file=out)
    return status
