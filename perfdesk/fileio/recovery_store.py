"""Recovery copies on disk, with no Qt: the window's unsaved document written as the model's
own JSON (``NAME.json``) beside a small record (``NAME.meta.json``: the original file, when,
department and year, the writing process), found again, removed, or set aside when unreadable.

:mod:`perfdesk.ui.recovery` decides when to write and asks the clerk what to do with a copy;
this module only keeps the files. Writes are atomic (:func:`perfdesk.fileio.safe_save.write_atomically`).
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import re
import socket
import time
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path

from perfdesk.errors import WRITE_FALLBACK_REASON, PerfdeskError, describe_error
from perfdesk.fileio.json_io import document_json, read_json
from perfdesk.fileio.safe_save import write_atomically
from perfdesk.fileio.owner_file import process_running
from perfdesk.model import Document

FORMAT = 1
META_SUFFIX = ".meta.json"
BAD_SUFFIX = ".bad"

# Copies held by the windows of this process: never offered to another window of it.
OWNED: set[str] = set()


def same_file(a: str | os.PathLike, b: str | os.PathLike) -> bool:
    return _file_key(a) == _file_key(b)


def _file_key(path: str | os.PathLike) -> str:
    try:
        path = Path(path).resolve()
    except OSError:
        path = Path(os.path.abspath(path))
    return os.path.normcase(str(path))


def copy_name(original: str | os.PathLike | None, token: str) -> str:
    """The copy's file name (without suffix) for one window's document: ``报表-1a2b3c4d-<token>``
    or ``untitled-<token>``; the token is the window's, so two windows never share a copy."""
    if original is None:
        return f"untitled-{token}"
    digest = hashlib.sha1(_file_key(original).encode("utf-8", "surrogatepass")).hexdigest()[:8]
    stem = re.sub(r'[\\/:*?"<>|\s.]+', "_", Path(original).stem)[:40].strip("_") or "file"
    return f"{stem}-{digest}-{token}"


# ------------------------------------------------------------ the copies
class RecoveryError(Exception):
    """A recovery copy (or its record) that cannot be read."""


@dataclass
class RecoveryCopy:
    """One recovery copy found in (or written to) the recovery folder."""

    name: str
    folder: Path
    original: Path | None
    saved_at: float  # seconds since the epoch
    department: str = ""
    year: int | None = None
    pid: int = 0
    host: str = ""

    @property
    def document_path(self) -> Path:
        return self.folder / f"{self.name}.json"

    @property
    def meta_path(self) -> Path:
        return self.folder / f"{self.name}{META_SUFFIX}"

    def saved_at_text(self) -> str:
        return time.strftime("%Y-%m-%d %H:%M", time.localtime(self.saved_at))

    def newer_than_original(self) -> bool:
        """Worth offering: newer than the file it belongs to (or there is no such file any more)."""
        if self.original is None:
            return True
        try:
            return self.saved_at > self.original.stat().st_mtime
        except OSError:  # the file is gone: the copy is all there is
            return True

    def in_use(self) -> bool:
        """Still being written by a live window (of this process or another perfdesk)."""
        if self.pid == os.getpid():
            return self.name in OWNED
        return self.host == socket.gethostname() and process_running(self.pid)

    def load(self) -> Document:
        """The document of the copy; raises RecoveryError if it cannot be read."""
        try:
            return read_json(str(self.document_path))
        except PerfdeskError as error:  # already in the clerk's words
            raise RecoveryError(str(error)) from error
        except OSError as error:
            raise RecoveryError(_why(error)) from error
        except Exception as error:  # anything unreadable is set aside, never a crash
            raise RecoveryError(f"{type(error).__name__}: {error}") from error


class RecoveryStore:
    """The recovery folder: write, list, remove and set aside copies. No Qt needed."""

    def __init__(self, folder: str | os.PathLike | Callable[[], Path]) -> None:
        self._folder = folder if callable(folder) else Path(folder)

    @property
    def folder(self) -> Path:
        # Looked up when used, so that a test's PERFDESK_DATA_DIR applies to a window made earlier.
        return Path(self._folder()) if callable(self._folder) else self._folder

    def write(self, name: str, document: Document, original: str | os.PathLike | None) -> RecoveryCopy:
        """Write the copy (the document first, then its record); raises OSError on failure."""
        data = document_json(document)
        copy = RecoveryCopy(name=name, folder=self.folder, original=Path(original) if original else None,
                            saved_at=time.time(), department=document.department, year=document.year,
                            pid=os.getpid(), host=socket.gethostname())
        meta = {"perfdesk_recovery": FORMAT, "original": str(copy.original) if copy.original else None,
                "saved_at": copy.saved_at, "saved_at_text": time.strftime("%Y-%m-%d %H:%M:%S"),
                "department": copy.department, "year": copy.year, "pid": copy.pid, "host": copy.host}
        copy.folder.mkdir(parents=True, exist_ok=True)
        write_atomically(copy.document_path, data)
        write_atomically(copy.meta_path, (json.dumps(meta, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
        return copy

    def remove(self, name: str) -> None:
        """Delete a copy and its record (quietly: a copy that stays is harmless)."""
        for path in (self.folder / f"{name}.json", self.folder / f"{name}{META_SUFFIX}"):
            with suppress(OSError):
                path.unlink()

    def scan(self) -> tuple[list[RecoveryCopy], list[tuple[str, str]]]:
        """The copies in the folder, newest first, and those whose record cannot be read
        (``(name, reason)``)."""
        copies: list[RecoveryCopy] = []
        problems: list[tuple[str, str]] = []
        folder = self.folder
        try:
            paths = sorted(p for p in folder.glob("*.json") if not p.name.endswith(META_SUFFIX)
                           and not p.name.startswith("."))
        except OSError:
            return copies, problems
        for path in paths:
            name = path.name[: -len(".json")]
            try:
                copies.append(self._read_meta(name, path))
            except RecoveryError as error:
                problems.append((name, str(error)))
        copies.sort(key=lambda copy: copy.saved_at, reverse=True)
        return copies, problems

    def copies_for(self, original: str | os.PathLike) -> list[RecoveryCopy]:
        return [copy for copy in self.scan()[0] if copy.original is not None and same_file(copy.original, original)]

    def _read_meta(self, name: str, document_path: Path) -> RecoveryCopy:
        meta_path = self.folder / f"{name}{META_SUFFIX}"
        if not meta_path.exists():  # cut off between the two writes: the document is all there is
            try:
                saved_at = document_path.stat().st_mtime
            except OSError as error:
                raise RecoveryError(_why(error)) from error
            return RecoveryCopy(name=name, folder=self.folder, original=None, saved_at=saved_at)
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            if not isinstance(meta, dict):
                raise TypeError("not an object")
            original = meta.get("original")
            year = meta.get("year")
            return RecoveryCopy(
                name=name, folder=self.folder, original=Path(original) if original else None,
                saved_at=float(meta["saved_at"]), department=str(meta.get("department") or ""),
                year=year if isinstance(year, int) else None, pid=int(meta.get("pid") or 0),
                host=str(meta.get("host") or ""))
        except (OSError, ValueError, KeyError, TypeError) as error:
            raise RecoveryError(_why(error)) from error

    def set_aside(self, name: str) -> Path:
        """Rename a copy that cannot be read to ``NAME.json.bad`` (and its record likewise);
        returns where the document went. Kept, never deleted: someone may still rescue it."""
        target = self.folder / f"{name}.json{BAD_SUFFIX}"
        for path in (self.folder / f"{name}.json", self.folder / f"{name}{META_SUFFIX}"):
            if path.exists():
                with suppress(OSError):
                    os.replace(path, path.with_name(path.name + BAD_SUFFIX))
        return target


def _why(error: BaseException) -> str:
    """A short reason for a message (the file errors carry Chinese ones already)."""
    if isinstance(error, OSError):
        return describe_error(error).rstrip("。")
    if isinstance(error, json.JSONDecodeError):
        return f"记录文件不是完整的 JSON（第 {error.lineno} 行）"
    if isinstance(error, (KeyError, TypeError, ValueError)):
        return "记录文件内容不完整"
    return describe_error(error).rstrip("。")


def write_failure(error: BaseException) -> str:
    """Why writing a copy failed, for the status bar."""
    if isinstance(error, OSError):
        if error.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
            return "磁盘空间不足"
        if isinstance(error, PermissionError) or error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            return "没有写入权限"
    return describe_error(error, WRITE_FALLBACK_REASON).rstrip("。")
