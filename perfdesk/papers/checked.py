"""A file as the review sees it: read, checked, each finding placed on the clerk's cell.

:func:`check_file` opens one file and reviews it; :func:`check_files` does it for many, in a
process pool sized to the machine, and yields the results in the files' order (so output
never depends on which worker finished first). What crosses between processes is small and
picklable: the located findings, the read notes and a few facts about the document; the
document itself only when asked for (a single file's annotated copy or report needs it).
"""

from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from decimal import Decimal
from functools import partial
from pathlib import Path
from typing import Callable, Iterator

from perfdesk.errors import PerfdeskError, describe_error
from perfdesk.fileio import Origins, ReadNote, open_document
from perfdesk.model import Document
from perfdesk.papers.locate import Located, locate
from perfdesk.review import Finding, ReviewRules, check_document, count_by_severity

UNREADABLE = "file-unreadable"


@dataclass(frozen=True)
class DocumentFacts:
    """What a summary lists about a checked document."""

    department: str
    year: int | None
    projects: int
    budget_total: Decimal

    @classmethod
    def of(cls, document: Document) -> "DocumentFacts":
        total = sum((p.budget_total or Decimal(0) for _, _, _, p in document.projects()), Decimal(0))
        return cls(document.department, document.year, document.project_count(), total)


@dataclass
class CheckedFile:
    """One file's review: its located findings (accepted ones included, marked), why it could
    not be read (or None), what reading it did not place, and facts about the document."""

    name: str
    located: list[Located] = field(default_factory=list)
    failure: str | None = None
    notes: list[ReadNote] = field(default_factory=list)
    facts: DocumentFacts | None = None
    document: Document | None = None  # kept only when asked for

    @property
    def open(self) -> list[Located]:
        """The findings the bureau has not accepted: what the clerk still has to look at."""
        return [item for item in self.located if item.accepted is None]

    @property
    def accepted(self) -> list[Located]:
        return [item for item in self.located if item.accepted is not None]

    def counts(self) -> dict[str, int]:
        """Open findings by severity (accepted ones are counted apart, see :attr:`accepted`)."""
        return count_by_severity([item.finding for item in self.open])


def _read_failure(path: Path, error: Exception) -> str:
    if isinstance(error, PerfdeskError):
        return str(error)
    if isinstance(error, OSError):
        return f"无法读取“{path}”：{describe_error(error)}"
    first = str(error).splitlines()[0] if str(error) else error.__class__.__name__
    return f"无法读取“{path}”：文件内容有误（{first}）"


def check_file(name: str, rules: ReviewRules | None = None, keep_document: bool = False) -> CheckedFile:
    """Open and review one file; never raises for a bad file (see :attr:`CheckedFile.failure`)."""
    path = Path(name)
    try:
        result = open_document(path)
    except (PerfdeskError, OSError, ValueError) as error:  # ValueError: e.g. pydantic on a bad file
        return CheckedFile(name, failure=_read_failure(path, error))
    try:
        checked = checked_document(name, result.document, result.origins, rules=rules)
    except Exception as error:  # noqa: BLE001 - one file's failed review must not stop the others
        from perfdesk.cli.main import describe_bug

        return CheckedFile(name, notes=result.notes, facts=DocumentFacts.of(result.document),
                           failure=f"审核“{path}”时出现内部错误（{describe_bug(error)}），请把这一行告诉维护人员。")
    checked.notes = result.notes
    if not keep_document:
        checked.document = None
    return checked


def checked_document(name: str, document: Document, origins: Origins | None = None,
                     findings: list[Finding] | None = None, rules: ReviewRules | None = None) -> CheckedFile:
    """The review of a document already open (the window's): ``findings`` if the caller has
    them current, else checked here; placed on the cells of ``origins``."""
    if findings is None:
        findings = check_document(document, rules=rules)
    return CheckedFile(name, located=locate(findings, document, origins), facts=DocumentFacts.of(document),
                       document=document)


def workers(count: int, jobs: int | None = None) -> int:
    """How many processes to check ``count`` files with: ``jobs`` if given, else one per core."""
    wanted = jobs if jobs and jobs > 0 else (os.cpu_count() or 1)
    return max(1, min(wanted, count))


def check_files(names: list[str], rules: ReviewRules | None = None, jobs: int | None = None,
                keep_document: bool = False, work: Callable[..., CheckedFile] = check_file) -> Iterator[CheckedFile]:
    """Review ``names`` in the files' order, ``jobs`` processes at a time (default: one per core).

    A worker that dies (a file that exhausts the memory, say) must not end the whole run: the
    files not yet reported are then checked one process each, and the one that kills its
    process again is reported as not checked. ``work`` is what checks one file (for tests)."""
    run = partial(work, rules=rules, keep_document=keep_document)
    count = workers(len(names), jobs)
    if count == 1:
        yield from map(run, names)
        return
    # Several files a task, so that a worker's start-up and each hand-over are paid rarely.
    chunk = max(1, min(8, len(names) // (count * 4)))
    done = 0
    try:
        with ProcessPoolExecutor(max_workers=count) as pool:
            for checked in pool.map(run, names, chunksize=chunk):
                done += 1
                yield checked
        return
    except BrokenProcessPool:
        pass
    for name in names[done:]:
        yield _alone(run, name)


def _alone(run: Callable[[str], CheckedFile], name: str) -> CheckedFile:
    """Check one file in a process of its own; its death is that file's failure."""
    try:
        with ProcessPoolExecutor(max_workers=1) as pool:
            return pool.submit(run, name).result()
    except BrokenProcessPool:
        return CheckedFile(name, failure=f"审核“{name}”时审核进程意外退出（可能是文件过大、内存不足），这个文件没有审核。")
