"""Replace a file safely: write a temporary file beside it, fsync, keep a backup, rename.

The previous version is kept as ``<stem>~<suffix>`` beside the file (``报表.xlsx`` →
``报表~.xlsx``): Excel and WPS still open it, and it sorts next to the original. If anything
fails before the final rename, the old file is exactly as it was and the temporary file is
removed; the rename itself is atomic (``os.replace``).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from perfdesk.errors import SaveError


def backup_path(path: str | os.PathLike) -> Path:
    path = Path(path)
    return path.with_name(f"{path.stem}~{path.suffix}")


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


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def replace_file(path: str | os.PathLike, data: bytes) -> None:
    """Make ``path`` hold ``data`` atomically, keeping the old content as the backup."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    temp = folder / f".{path.name}.{os.getpid()}.tmp"
    backup_temp = folder / f".{backup_path(path).name}.{os.getpid()}.tmp"
    try:
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
        reason = error.strerror or str(error)
        raise SaveError(f"无法保存“{path}”：{reason}。原来的文件没有改动。") from error
