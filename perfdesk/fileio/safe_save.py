"""Replace a file safely: write a temporary file beside it, fsync, keep a backup, rename.

The previous version is kept as ``<stem>~<suffix>`` beside the file (``报表.xlsx`` →
``报表~.xlsx``): Excel and WPS still open it, and it sorts next to the original. If anything
fails before the final rename, the old file is exactly as it was and the temporary file is
removed; the rename itself is atomic (``os.replace``).
"""

from __future__ import annotations

import errno
import os
import re
import stat
import time
from pathlib import Path

from perfdesk.errors import SaveError, describe_error
from perfdesk.fileio.owner_file import holder, process_running


def backup_path(path: str | os.PathLike) -> Path:
    path = Path(path)
    return path.with_name(f"{path.stem}~{path.suffix}")


def is_backup_path(path: str | os.PathLike) -> bool:
    """Whether ``path`` is named as a backup (``报表~.xlsx``), so that a folder's listing can
    leave it out: it is the previous version of a workbook, not a workbook of its own."""
    path = Path(path)
    return path.stem.endswith("~") and len(path.stem) > 1


def _write_durably(target: Path, data: bytes, mode: int | None) -> None:
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    try:
        view = memoryview(data)
        while view:
            written = os.write(fd, view)
            view = view[written:]
        os.fsync(fd)
    finally:
        os.close(fd)
    if mode is not None:
        os.chmod(target, mode)


def same_file(a: str | os.PathLike, b: str | os.PathLike) -> bool:
    """Whether two paths name one file: the same file on disk (a hard link, another spelling on
    a case-insensitive disk) or, when one of them is not there yet, the same name."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.normcase(os.path.realpath(a)) == os.path.normcase(os.path.realpath(b))


def write_atomically(path: str | os.PathLike, data: bytes) -> None:
    """Make ``path`` hold ``data`` whole or leave it as it was (no backup, OSError on failure):
    for perfdesk's own small files, such as recovery copies."""
    path = Path(path)
    temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        if temp.exists():  # left by a killed run that had the same process id
            temp.unlink()
        _write_durably(temp, data, None)
        os.replace(temp, path)
    except BaseException:
        try:
            temp.unlink()
        except OSError:
            pass
        raise


# A temporary file is a leftover once its process is gone; on a shared folder the process id may
# be another computer's, so a young one is also given time to be renamed into place by its owner.
STALE_GRACE_SECONDS = 120
STALE_AGE_SECONDS = 24 * 3600


def remove_stale_temporaries(path: str | os.PathLike, *, including_own: bool = False) -> list[Path]:
    """Remove perfdesk's leftover temporary files beside ``path`` (``.报表.xlsx.<pid>.tmp`` and
    the backup's): those of a process no longer running (after a short grace), and any older
    than a day. Never raises; returns what was removed. ``including_own`` also removes one of
    this process id, which a save about to write its own can only have inherited from a killed
    run that had the same id."""
    removed: list[Path] = []
    try:
        path = Path(path)
        folder = path.parent if str(path.parent) else Path(".")
        names = {path.name, backup_path(path).name}
        pattern = re.compile(r"\.(.+)\.(\d{1,10})\.tmp")
        now = time.time()
        with os.scandir(folder) as entries:
            for entry in entries:
                match = pattern.fullmatch(entry.name)
                if not match or match.group(1) not in names or not entry.is_file(follow_symlinks=False):
                    continue
                pid = int(match.group(2))
                age = now - entry.stat(follow_symlinks=False).st_mtime
                if pid == os.getpid():
                    stale = including_own or age > STALE_AGE_SECONDS
                else:
                    stale = age > STALE_AGE_SECONDS or (age > STALE_GRACE_SECONDS and not process_running(pid))
                if stale:
                    try:
                        os.unlink(entry.path)
                        removed.append(Path(entry.path))
                    except OSError:
                        pass
    except (OSError, ValueError):  # an unreadable folder: nothing to tidy, the save says why
        pass
    return removed


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _folder_in_the_way(path: Path) -> str:
    """EISDIR: the name to save as, or the backup's name beside it, is a folder."""
    backup = backup_path(path)
    if not path.is_dir() and backup.is_dir():
        return f"备份文件名“{backup.name}”已被一个文件夹占用，请移走这个文件夹或换一个文件名"
    return f"“{path.name}”是一个文件夹，不能保存为文件，请换一个文件名"


def _reason(error: OSError, path: Path, folder: Path) -> str:
    """What went wrong, in the clerk's words (strerror is English on most systems)."""
    code = error.errno
    if code == errno.ENOENT:
        if not folder.is_dir():
            return f"文件夹“{folder}”不存在，请先建好文件夹或换一个位置"
        return "找不到要写入的位置（文件夹可能刚被移动或删除），请换一个位置"
    if code == errno.ENOTDIR:
        return f"“{folder}”不是文件夹"
    if code == errno.EISDIR:
        return _folder_in_the_way(path)
    sharing = getattr(error, "winerror", None) in (32, 33)  # Windows: open in another program
    if not sharing and (code in (errno.EACCES, errno.EPERM) or isinstance(error, PermissionError)):
        other = holder(path)  # perfdesk's own owner file (this window's) does not count
        if other is not None:
            return f"文件正被{other}打开，请先关闭它再保存，或另存为其他文件名"
        return "没有写入权限（文件可能是只读的，或正被其他程序打开），请另存为其他文件名"
    # Everything else needs no look at the disk to explain (disk full, read-only disk, name too
    # long, a rare code by its errno name): said as for any reader or writer.
    return describe_error(error).rstrip("。")


def _refuse_read_only(path: Path) -> None:
    """A file marked read-only is refused, as Excel does: replacing it by rename would work on
    Linux but would overwrite something the clerk protected on purpose."""
    if path.is_file() and not path.stat().st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
        raise SaveError(f"无法保存“{path}”：文件是只读的。请另存为其他文件名，或在文件属性中取消“只读”。原来的文件没有改动。")


def replace_file(path: str | os.PathLike, data: bytes) -> None:
    """Make ``path`` hold ``data`` atomically, keeping the old content as the backup
    (a read-only file is refused, see :func:`_refuse_read_only`)."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    temp = folder / f".{path.name}.{os.getpid()}.tmp"
    backup_temp = folder / f".{backup_path(path).name}.{os.getpid()}.tmp"
    remove_stale_temporaries(path, including_own=True)
    try:
        # Inside the try: even looking at the target can fail (a name too long for the disk).
        _refuse_read_only(path)
        mode = stat.S_IMODE(path.stat().st_mode) if path.exists() else None
        _write_durably(temp, data, mode)
        if path.exists():
            # The backup is itself written whole before it replaces the older backup.
            _write_durably(backup_temp, path.read_bytes(), mode)
            os.replace(backup_temp, backup_path(path))
        os.replace(temp, path)
        _fsync_dir(folder)
    except BaseException as error:
        # Interrupted or failed before the final rename: the old file was never touched.
        for leftover in (temp, backup_temp):
            try:
                leftover.unlink()
            except OSError:
                pass
        if not isinstance(error, OSError):
            raise
        reason = _reason(error, path, folder)
        raise SaveError(f"无法保存“{path}”：{reason}。原来的文件没有改动。") from error
