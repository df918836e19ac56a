"""Finding installed fonts the way the system finds them: by family name and by character.

On Linux fontconfig knows every font the desktop uses (``fc-list``), including WPS Office's
(/usr/share/fonts/wps-office) and the user's own (~/.local/share/fonts); on Windows, and
wherever fontconfig is missing, the usual font folders are read here instead: the system's
Fonts folder, the user's (%LOCALAPPDATA%\\Microsoft\\Windows\\Fonts, installed without
administrator rights), WPS's and the user's folders on Linux. Only TrueType outlines count
(ReportLab cannot embed CFF). Every answer is kept for the life of the process.
"""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

FONT_SUFFIXES = (".ttf", ".ttc")


@dataclass(frozen=True)
class Face:
    """One font in a file (a .ttc holds several): its family names in every language it gives."""

    path: str
    index: int
    families: tuple[str, ...]

    @property
    def name(self) -> str:
        """The name a clerk knows it by: the Chinese family name when there is one."""
        chinese = [family for family in self.families if any("\u4e00" <= c <= "\u9fff" for c in family)]
        # Simplified first: 文泉驿微米黑 rather than 文泉驛微米黑 (GB2312 has only simplified forms).
        chinese.sort(key=lambda family: not _simplified(family))
        return (chinese or list(self.families) or [Path(self.path).stem])[0]


def _simplified(text: str) -> bool:
    try:
        text.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


def user_font_folder() -> Path:
    """Where a clerk can put a font without administrator rights, and the system finds it."""
    if sys.platform == "win32":
        local = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(local) / "Microsoft" / "Windows" / "Fonts"
    return Path.home() / ".local" / "share" / "fonts"


def font_folders() -> list[Path]:
    """The folders fonts are installed in, the user's first."""
    windows = Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"
    if sys.platform == "win32":
        return [user_font_folder(), windows]
    return [user_font_folder(), Path.home() / ".fonts", Path("/usr/share/fonts/wps-office"),
            Path("/opt/kingsoft/wps-office/office6/fonts"), Path("/usr/local/share/fonts"), Path("/usr/share/fonts")]


# ---------------------------------------------------------------------------- reading a font file
def _tables(data: bytes, offset: int) -> dict[bytes, tuple[int, int]] | None:
    if len(data) < offset + 12:
        return None
    version, count = data[offset:offset + 4], struct.unpack(">H", data[offset + 4:offset + 6])[0]
    if version not in (b"\x00\x01\x00\x00", b"true"):
        return None  # 'OTTO': CFF outlines, which ReportLab cannot embed
    tables = {}
    for i in range(count):
        start = offset + 12 + 16 * i
        if len(data) < start + 16:
            return None
        tag = data[start:start + 4]
        table_offset, length = struct.unpack(">II", data[start + 8:start + 16])
        tables[tag] = (table_offset, length)
    return tables if b"glyf" in tables and b"cmap" in tables else None


def _families(data: bytes, name_table: tuple[int, int]) -> tuple[str, ...]:
    offset, _ = name_table
    try:
        _, count, strings = struct.unpack(">HHH", data[offset:offset + 6])
        found: list[str] = []
        for i in range(count):
            record = offset + 6 + 12 * i
            platform, encoding, _, name_id, length, start = struct.unpack(">HHHHHH", data[record:record + 12])
            if name_id not in (1, 16):
                continue
            raw = data[offset + strings + start: offset + strings + start + length]
            if platform in (0, 3):
                text = raw.decode("utf-16-be", "ignore")
            elif platform == 1 and encoding == 25:
                text = raw.decode("gbk", "ignore")
            elif platform == 1 and encoding == 0:
                text = raw.decode("latin-1")
            else:
                continue
            text = text.strip("\x00 ")
            if text and text not in found:
                found.append(text)
        return tuple(found)
    except struct.error:
        return ()


def read_faces(path: str | os.PathLike) -> list[Face]:
    """The TrueType faces of a .ttf/.ttc file with their family names; [] if it is none."""
    try:
        data = Path(path).read_bytes()
    except OSError:
        return []
    offsets = [0]
    if data[:4] == b"ttcf" and len(data) >= 12:
        count = struct.unpack(">I", data[8:12])[0]
        offsets = list(struct.unpack(f">{count}I", data[12:12 + 4 * count])) if len(data) >= 12 + 4 * count else []
    faces = []
    for index, offset in enumerate(offsets):
        tables = _tables(data, offset)
        if tables is None:
            continue
        families = _families(data, tables[b"name"]) if b"name" in tables else ()
        faces.append(Face(str(path), index, families))
    return faces


# ---------------------------------------------------------------------------- the installed fonts
def _fontconfig(*pattern: str) -> list[Face] | None:
    """TrueType faces fontconfig lists for ``pattern``; None without fontconfig."""
    if not shutil.which("fc-list"):
        return None
    try:
        result = subprocess.run(["fc-list", "--format", "%{file}|%{index}|%{family}\\n",
                                 ":fontformat=TrueType" + "".join(pattern)],
                                capture_output=True, text=True, timeout=20, errors="replace")
    except (OSError, subprocess.SubprocessError):
        return None
    if result.returncode != 0:
        return None
    faces = []
    for line in result.stdout.splitlines():
        path, _, rest = line.partition("|")
        index, _, families = rest.partition("|")
        if path.lower().endswith(FONT_SUFFIXES) and index.isdigit():
            faces.append(Face(path, int(index), tuple(f.strip() for f in families.split(",") if f.strip())))
    return sorted(faces, key=lambda face: (face.path, face.index))


def _scan(folders: list[Path]) -> list[Face]:
    faces: list[Face] = []
    for folder in folders:
        if not folder.is_dir():
            continue
        for root, _, files in os.walk(folder):
            for file in sorted(files):
                if file.lower().endswith(FONT_SUFFIXES):
                    faces.extend(read_faces(Path(root) / file))
    return faces


@lru_cache(maxsize=1)
def installed_faces() -> tuple[Face, ...]:
    """Every installed TrueType face: fontconfig's list, and the font folders' (WPS's, the
    user's) read directly, in case fontconfig's cache is older than the fonts copied there."""
    listed = _fontconfig()
    folders = font_folders()
    if listed is not None:  # fontconfig covers the system folders; read only the small ones
        folders = [folder for folder in folders if folder != Path("/usr/share/fonts")]
    faces = {(face.path, face.index): face for face in (listed or [])}
    for face in _scan(folders):
        faces.setdefault((face.path, face.index), face)
    return tuple(faces.values())


def find_family(names: tuple[str, ...] | list[str], files: tuple[str, ...] | list[str] = ()) -> list[Face]:
    """The installed faces of any of the family ``names`` (any language), then those in files
    named ``files`` (WPS's FZFSK.TTF, Windows' simfang.ttf), in the order asked for."""
    faces = installed_faces()
    found: list[Face] = []
    for name in names:
        wanted = name.casefold()
        found.extend(face for face in faces if any(f.casefold() == wanted for f in face.families))
    for file in files:
        wanted = file.casefold()
        found.extend(face for face in faces if Path(face.path).name.casefold() == wanted and face.index == 0)
    return list(dict.fromkeys(found))


@lru_cache(maxsize=None)
def faces_with(char: str) -> tuple[Face, ...]:
    """Installed TrueType faces that have a glyph for ``char`` (fontconfig's charset, else the cmaps)."""
    listed = _fontconfig(f":charset={ord(char):x}")
    if listed is not None:
        known = {(face.path, face.index) for face in listed}
        extra = [face for face in installed_faces() if (face.path, face.index) not in known
                 and not face.path.startswith("/usr/share/fonts/") and ord(char) in _cmap(face.path, face.index)]
        return tuple(listed + extra)
    return tuple(face for face in installed_faces() if ord(char) in _cmap(face.path, face.index))


@lru_cache(maxsize=None)
def _cmap(path: str, index: int) -> frozenset[int]:
    from reportlab.pdfbase.ttfonts import TTFontFile

    try:
        return frozenset(TTFontFile(path, subfontIndex=index).charToGlyph)
    except Exception:  # noqa: BLE001 - any unreadable font simply has no characters
        return frozenset()
