"""Who else has a workbook open: the owner file beside it, as Excel and WPS keep one.

Opening a workbook writes ``~$报表.xlsx`` beside it (Excel's name and format, so Excel and WPS
see the workbook as in use too); closing removes it. Before opening, :func:`holder` reads an
owner file left there by Excel, WPS, LibreOffice (``.~lock.报表.xlsx#``) or another perfdesk and
says who holds the workbook.

perfdesk's owner file is Excel's 165 bytes followed by a trailer of its own::

    [0]        length of the user name (characters, at most 52)
    [1..54]    the name in the ANSI code page (GBK on a Chinese Windows), padded with spaces
    [55..56]   the length again, little-endian
    [57..]     the name in UTF-16LE, then space/NUL pairs up to byte 165
    [165..]    b"\\r\\nperfdesk-owner 1\\r\\n" + JSON {user, host, pid, since, token}

Why a trailer rather than a sidecar file in the app data folder: the workbook usually sits on a
shared folder, and the perfdesk on the *other* computer must be able to tell who, on which
computer and since when — only a file beside the workbook is visible to it. Excel, WPS and
LibreOffice read the user name at fixed offsets inside the first 165 bytes (LibreOffice's
``MSODocumentLockFile::GetLockData`` reads up to 256 bytes and uses offsets below 162), so the
bytes after 165 are never looked at by them. The pid and host let a perfdesk recognise a stale
owner file of its own (left by a crash on this computer) and remove it; the token lets
:meth:`OwnerFile.release` remove the file only while it is still the one it wrote.
"""

from __future__ import annotations

import ctypes
import getpass
import json
import os
import secrets
import socket
import threading
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

EXCEL_SIZE = 165
MAX_NAME = 52  # Excel refuses longer user names; LibreOffice truncates to this too
TRAILER_MARK = b"\r\nperfdesk-owner 1\r\n"
_READ_LIMIT = 4096  # an owner file is tiny; never read a huge file someone named like one

_lock = threading.Lock()
# normalised workbook path -> [windows of this process holding it, token of the file written]
_held_here: dict[str, list] = {}


def owner_file_path(path: str | os.PathLike) -> Path:
    """Excel's owner file beside a workbook: ``~$报表.xlsx``."""
    path = Path(path)
    return path.with_name("~$" + path.name)


def libreoffice_lock_path(path: str | os.PathLike) -> Path:
    """LibreOffice's lock file beside a document: ``.~lock.报表.xlsx#``."""
    path = Path(path)
    return path.with_name(f".~lock.{path.name}#")


def _key(path: str | os.PathLike) -> str:
    return os.path.normcase(os.path.abspath(path))


def this_host() -> str:
    try:
        return socket.gethostname() or ""
    except OSError:
        return ""


def this_user() -> str:
    """The name Excel would write: the Windows/Linux login name (no display name offline)."""
    try:
        return getpass.getuser() or "perfdesk"
    except Exception:  # noqa: BLE001 - no login name (e.g. a service account): any name will do
        return "perfdesk"


@dataclass(frozen=True)
class Holder:
    """Someone else who has the workbook open."""

    user: str
    host: str | None = None
    since: datetime | None = None
    perfdesk: bool = False
    program: str = "Excel 或 WPS"
    pid: int | None = None

    def __str__(self) -> str:
        who = self.user or "另一位用户"
        if self.perfdesk:
            where = "本机 perfdesk" if self.host == this_host() else f"电脑“{self.host or '未知'}”上的 perfdesk"
        elif self.host:
            where = f"{self.program}，电脑“{self.host}”"
        else:
            where = self.program
        when = f"，{self.since:%Y-%m-%d %H:%M} 起" if self.since and (self.perfdesk or self.host) else ""
        return f"{who}（{where}{when}）"


def process_running(pid: int) -> bool:
    """Whether a process with this id exists on this computer (a guess on the safe side:
    when it cannot be told, the process is taken as running, so nothing is removed)."""
    if pid <= 0:
        return False
    if os.name == "nt":  # pragma: no cover - exercised on Windows only
        kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined]
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return ctypes.get_last_error() == 5  # access denied: it exists
        try:
            code = ctypes.c_ulong()
            if kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
                return code.value == 259  # STILL_ACTIVE
            return True
        finally:
            kernel32.CloseHandle(handle)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process
    except OSError:
        return True
    return True


def _excel_bytes(user: str) -> bytes:
    """Excel's 165-byte owner record for ``user`` (the layout LibreOffice writes for Excel)."""
    name = user[:MAX_NAME]
    # At most 52 bytes, whole characters only: bytes 53–54 stay spaces, which is how readers
    # (LibreOffice's among them) tell Excel's layout from Word's.
    ansi = b""
    for char in name:
        encoded = char.encode("gbk", errors="replace")
        if len(ansi) + len(encoded) > MAX_NAME:
            break
        ansi += encoded
    record = bytearray()
    record.append(len(name))
    record += ansi
    record += b" " * (55 - len(record))
    record += len(name).to_bytes(2, "little")
    record += name.encode("utf-16-le")
    while len(record) < EXCEL_SIZE:
        record += b" \x00"
    return bytes(record[:EXCEL_SIZE])


def _excel_user(data: bytes) -> str:
    """The user name in an Excel/WPS owner file ('' when it cannot be read)."""
    if len(data) < 162 or not 0 < data[0] <= MAX_NAME:
        return ""
    # Word puts the UTF-16 length at 54, Excel and PowerPoint at 55 (see LibreOffice's reader).
    at = 54
    if data[54] == 0x20 and (data[53] or data[52]):
        at = 55
    length = data[at]
    if 0 < length <= MAX_NAME and at + 2 + 2 * length <= len(data):
        try:
            return data[at + 2:at + 2 + 2 * length].decode("utf-16-le").strip("\x00 ")
        except UnicodeDecodeError:
            pass
    return data[1:54].rstrip(b" \x00").decode("gbk", errors="replace")


def _trailer(data: bytes) -> dict | None:
    at = data.find(TRAILER_MARK, 0, len(data))
    if at < 0:
        return None
    try:
        info = json.loads(data[at + len(TRAILER_MARK):].decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None
    return info if isinstance(info, dict) else None


def _since(text: object) -> datetime | None:
    try:
        return datetime.fromisoformat(str(text))
    except ValueError:
        return None


def _read(path: Path) -> bytes | None:
    """The owner file's first bytes; b"" when it exists but cannot be read (Excel on Windows
    may keep it open without sharing), None when there is none."""
    try:
        with open(path, "rb") as handle:
            return handle.read(_READ_LIMIT)
    except FileNotFoundError:
        return None
    except IsADirectoryError:
        return None
    except OSError:
        return b"" if path.exists() and not path.is_dir() else None


def _perfdesk_holder(info: dict, data_user: str) -> Holder | None:
    """The holder a perfdesk trailer names, or None when it is this process or stale."""
    host = info.get("host") if isinstance(info.get("host"), str) else None
    pid = info.get("pid") if isinstance(info.get("pid"), int) else None
    user = info.get("user") if isinstance(info.get("user"), str) else data_user
    return Holder(user=user, host=host, since=_since(info.get("since")), perfdesk=True, program="perfdesk", pid=pid)


def _stale_or_ours(holder: Holder) -> tuple[bool, bool]:
    """(ours, stale) for a perfdesk holder."""
    if holder.host != this_host() or holder.pid is None:
        return False, False
    if holder.pid == os.getpid():
        return True, False
    return False, not process_running(holder.pid)


def _remove_if_unchanged(path: Path, data: bytes) -> None:
    """Remove a stale owner file, unless someone replaced it since it was read."""
    try:
        if _read(path) == data:
            path.unlink()
    except OSError:
        pass


def _libreoffice_holder(path: Path) -> Holder | None:
    data = _read(path)
    if data is None:
        return None
    # "user,sysuser,host,dd.mm.yyyy hh:mm,url;" with \ escaping , ; and \ .
    fields, field, escaped = [], "", False
    for char in data.decode("utf-8", errors="replace"):
        if escaped:
            field, escaped = field + char, False
        elif char == "\\":
            escaped = True
        elif char in ",;":
            fields.append(field)
            field = ""
            if char == ";":
                break
        else:
            field += char
    fields += [""] * (5 - len(fields))
    since = None
    try:
        since = datetime.strptime(fields[3].strip(), "%d.%m.%Y %H:%M")
    except ValueError:
        pass
    return Holder(user=fields[0] or fields[1], host=fields[2] or None, since=since, program="LibreOffice")


def holder(path: str | os.PathLike) -> Holder | None:
    """Who else has the workbook open, from the owner file beside it; None when nobody does.

    A stale owner file of perfdesk's own (this computer, its process gone) is removed and gives
    None; one written by this very process gives None too. Never raises."""
    try:
        owner = owner_file_path(path)
        data = _read(owner)
        if data is not None:
            info = _trailer(data)
            if info is None:
                return Holder(user=_excel_user(data), since=_mtime(owner))
            found = _perfdesk_holder(info, _excel_user(data))
            ours, stale = _stale_or_ours(found)
            if stale:
                _remove_if_unchanged(owner, data)
            if not (ours or stale):
                return found
        return _libreoffice_holder(libreoffice_lock_path(path))
    except Exception:  # noqa: BLE001 - a broken owner file must never stop a workbook opening
        return None


def _mtime(path: Path) -> datetime | None:
    try:
        return datetime.fromtimestamp(path.stat().st_mtime)
    except (OSError, ValueError, OverflowError):
        return None


def _hide(path: Path) -> None:
    """Hidden on Windows, as Excel's own owner file is (a dot-less name stays visible on Linux)."""
    if os.name == "nt":  # pragma: no cover - Windows only
        try:
            ctypes.windll.kernel32.SetFileAttributesW(str(path), 0x2)  # type: ignore[attr-defined]
        except Exception:  # noqa: BLE001
            pass


class OwnerFile:
    """The owner file this process wrote for one workbook (or none, see :attr:`held`)."""

    def __init__(self, workbook: Path, owner: Path | None) -> None:
        self.workbook = workbook
        self.path = owner
        self._released = owner is None

    @property
    def held(self) -> bool:
        """Whether this owner file is on disk and ours (False in a read-only folder, or when
        someone else's owner file was already there)."""
        return not self._released

    def release(self) -> None:
        """Remove the owner file if it is still the one this process wrote; idempotent."""
        if self._released:
            return
        self._released = True
        key = _key(self.workbook)
        with _lock:
            entry = _held_here.get(key)
            if entry is None:
                return
            entry[0] -= 1
            if entry[0] > 0:
                return  # another window of this process still has the workbook open
            del _held_here[key]
        try:
            data = _read(self.path)
            info = _trailer(data) if data else None
            if info and info.get("token") == entry[1]:
                self.path.unlink()
        except OSError:
            pass

    def __enter__(self) -> OwnerFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()

    def __del__(self) -> None:  # a window closed without release still leaves nothing behind
        try:
            self.release()
        except Exception:  # noqa: BLE001
            pass


def held_in_this_process(path: str | os.PathLike) -> bool:
    """Whether a window of this very process has taken the workbook (holder() leaves those out)."""
    with _lock:
        return _key(path) in _held_here


def take(path: str | os.PathLike, user: str | None = None) -> OwnerFile:
    """Write the owner file beside the workbook. Never raises: in a read-only folder, or when
    another program's owner file is already there, the OwnerFile returned holds nothing."""
    workbook = Path(path)
    owner = owner_file_path(workbook)
    key = _key(workbook)
    token = secrets.token_hex(8)
    try:
        with _lock:
            if key in _held_here:  # a second window of this process: share the file
                _held_here[key][0] += 1
                return OwnerFile(workbook, owner)
        if holder(workbook) is not None:
            return OwnerFile(workbook, None)  # someone else's: never overwrite it
        name = user if user is not None else this_user()
        info = {"user": name, "host": this_host(), "pid": os.getpid(),
                "since": datetime.now().astimezone().isoformat(timespec="seconds"), "token": token}
        data = _excel_bytes(name) + TRAILER_MARK + json.dumps(info, ensure_ascii=False).encode("utf-8")
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
        try:
            fd = os.open(owner, flags, 0o666)
        except FileExistsError:
            # holder() said nobody: what is there names this very process, left by an earlier
            # process that had the same id. Anything else appeared meanwhile: leave it alone.
            found = _trailer(_read(owner) or b"")
            if not (found and found.get("host") == this_host() and found.get("pid") == os.getpid()):
                return OwnerFile(workbook, None)
            owner.unlink()
            fd = os.open(owner, flags, 0o666)
        try:
            os.write(fd, data)
        finally:
            os.close(fd)
        _hide(owner)
        with _lock:
            _held_here[key] = [1, token]
        return OwnerFile(workbook, owner)
    except Exception:  # noqa: BLE001 - a read-only folder, a full disk: the workbook still opens
        return OwnerFile(workbook, None)
