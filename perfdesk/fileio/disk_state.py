"""Whether a file on disk is still the one perfdesk read: checked before a save overwrites it.

Another window, Excel, WPS or a sync tool may rewrite the workbook while it is open; saving
then would silently wipe their edit. :meth:`Fingerprint.of` remembers the file's size and
modification time when it is read; :meth:`Fingerprint.changed` compares them before saving,
and only when the size is equal but the time differs (a file touched, copied back, or synced
with a new time) does it compare the content's SHA-256, so an unchanged file is never
reported as changed.

The SHA-256 of the file as read is computed lazily, on the first :meth:`Fingerprint.changed`
that needs it — from the bytes given to :meth:`Fingerprint.of` (the bytes the reader parsed,
kept only as a hash-in-waiting), or else from the file itself at :meth:`Fingerprint.of` when no
bytes are given, since later the original content may be gone.

Not detectable: a rewrite that keeps both the size and the modification time (a program that
writes the same number of bytes and then sets the old time back). Nothing short of hashing
the whole file on every check would see it, and Excel, WPS and openpyxl never do that.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path

_CHUNK = 1 << 20


def _sha256_of_file(path: Path) -> str | None:
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as handle:
            while chunk := handle.read(_CHUNK):
                digest.update(chunk)
    except OSError:
        return None
    return digest.hexdigest()


def _stat(path: Path) -> tuple[int, int] | None:
    try:
        info = path.stat()
    except OSError:
        return None
    return info.st_size, info.st_mtime_ns


@dataclass
class Fingerprint:
    """Size and modification time of a file as read; ``size`` is None for a missing file."""

    path: Path
    size: int | None
    mtime_ns: int | None
    _sha256: str | None = field(default=None, repr=False)
    _data: bytes | None = field(default=None, repr=False, compare=False)

    @classmethod
    def of(cls, path: str | os.PathLike, data: bytes | None = None) -> Fingerprint:
        """The file as it is now. ``data`` — the bytes just read from or written to it — spares
        a second read; without it the file is hashed now, while its content is still the one read."""
        path = Path(path)
        state = _stat(path)
        if state is None:
            return cls(path, None, None)
        if data is not None and len(data) == state[0]:
            return cls(path, state[0], state[1], _data=data)
        digest = _sha256_of_file(path)
        if _stat(path) != state:  # rewritten while being hashed: take it as it is now
            return cls.of(path)
        return cls(path, state[0], state[1], _sha256=digest)

    @property
    def sha256(self) -> str | None:
        if self._sha256 is None and self._data is not None:
            self._sha256 = hashlib.sha256(self._data).hexdigest()
            self._data = None
        return self._sha256

    def changed(self, path: str | os.PathLike | None = None) -> bool:
        """Whether the file (``path``, by default the one fingerprinted) differs from the one
        read: a missing file counts as changed (unless it was missing then too); equal size and
        modification time count as unchanged; otherwise equal size is settled by the content."""
        path = Path(path) if path is not None else self.path
        state = _stat(path)
        if state is None or self.size is None:
            return (state is None) != (self.size is None)
        if state == (self.size, self.mtime_ns):
            return False
        if state[0] != self.size:
            return True
        expected = self.sha256
        return expected is None or _sha256_of_file(path) != expected
