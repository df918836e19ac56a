"""Which glibc a Linux bundle needs: the highest GLIBC_x.y symbol version its ELF files require.

A program built on one Linux runs on another only if that system's glibc is at least as new
as every ``GLIBC_x.y`` version named in the "version needs" (``.gnu.version_r``) of each
executable and library in the bundle; the dynamic loader refuses to start it otherwise
("version `GLIBC_2.34' not found"). UOS 20 and Kylin V10 ship glibc 2.28, so the build
prints this floor and the .deb declares it.

The ELF files are read here directly (no binutils needed on the build machine):

    python installer/glibc_versions.py dist/perfdesk
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

ELF_MAGIC = b"\x7fELF"
SHT_GNU_VERNEED = 0x6FFFFFFE


def _version_key(name: str) -> tuple[int, ...]:
    return tuple(int(part) for part in name.removeprefix("GLIBC_").split("."))


def needed_versions(path: Path) -> set[str]:
    """The ``GLIBC_x.y`` versions ``path`` requires (empty for a non-ELF file or one that
    needs none). Only numbered versions count: GLIBC_PRIVATE ties a library to the exact
    glibc it came with, which no bundled library from a wheel or the build system does."""
    try:
        data = path.read_bytes()
    except OSError:
        return set()
    if data[:4] != ELF_MAGIC or len(data) < 64:
        return set()
    wide, order = data[4] == 2, "<" if data[5] == 1 else ">"
    try:
        if wide:
            shoff, = struct.unpack_from(order + "Q", data, 0x28)
            shentsize, shnum = struct.unpack_from(order + "HH", data, 0x3A)
        else:
            shoff, = struct.unpack_from(order + "I", data, 0x20)
            shentsize, shnum = struct.unpack_from(order + "HH", data, 0x2E)
        sections = []
        for index in range(shnum):
            base = shoff + index * shentsize
            if wide:
                _, kind, _, _, offset, size, link = struct.unpack_from(order + "IIQQQQI", data, base)
            else:
                _, kind, _, _, offset, size, link = struct.unpack_from(order + "IIIIIII", data, base)
            sections.append((kind, offset, size, link))
        found = set()
        for kind, offset, _, link in sections:
            if kind != SHT_GNU_VERNEED:
                continue
            strings = sections[link][1]
            entry = offset
            while True:  # Elf_Verneed entries, each with its Elf_Vernaux list
                _, count, _, aux, following = struct.unpack_from(order + "HHIII", data, entry)
                item = entry + aux
                for _ in range(count):
                    _, _, _, name, after = struct.unpack_from(order + "IHHII", data, item)
                    start = strings + name
                    text = data[start:data.index(b"\0", start)].decode("ascii", "replace")
                    if text.startswith("GLIBC_2"):
                        found.add(text)
                    if not after:
                        break
                    item += after
                if not following:
                    break
                entry += following
        return found
    except (struct.error, ValueError, IndexError):
        return set()  # a truncated or odd file is not an ELF the loader would map


def glibc_floor(bundle: Path) -> tuple[str | None, list[Path]]:
    """The highest GLIBC_x.y any file under ``bundle`` needs, and the files that need it."""
    highest: str | None = None
    needing: list[Path] = []
    for path in sorted(bundle.rglob("*")):
        if path.is_symlink() or not path.is_file():
            continue
        versions = needed_versions(path)
        if not versions:
            continue
        top = max(versions, key=_version_key)
        if highest is None or _version_key(top) > _version_key(highest):
            highest, needing = top, [path]
        elif top == highest:
            needing.append(path)
    return highest, needing


def report_glibc(bundle: Path) -> str | None:
    """Print the glibc the bundle needs (and which files ask for it); return e.g. ``"2.34"``."""
    highest, needing = glibc_floor(bundle)
    if highest is None:
        print("build: no file in the bundle names a glibc version")
        return None
    version = highest.removeprefix("GLIBC_")
    names = ", ".join(p.relative_to(bundle).as_posix() for p in needing[:4])
    more = f" and {len(needing) - 4} more" if len(needing) > 4 else ""
    print(f"build: the bundle needs glibc >= {version} ({highest} in {names}{more})")
    return version


if __name__ == "__main__":
    sys.exit(0 if report_glibc(Path(sys.argv[1])) else 1)
