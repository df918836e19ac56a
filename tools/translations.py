"""Update the Simplified Chinese translation of the interface.

1. ``pyside6-lupdate`` collects the ``tr()`` strings of perfdesk/ui and perfdesk/qtmodels into
   resources/translations/perfdesk_zh_CN.ts;
2. entries still unfinished are filled from resources/translations/zh_CN.tsv
   ("English<TAB>中文" per line, ``\\n`` for a line break; everyone appends their pairs there);
3. ``pyside6-lrelease`` compiles perfdesk_zh_CN.qm, which is committed and loaded at start.

Run: ``.venv/bin/python tools/translations.py`` (``--check`` exits 1 if a string has no
translation, listing it).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "resources" / "translations"
TS = FOLDER / "perfdesk_zh_CN.ts"
QM = FOLDER / "perfdesk_zh_CN.qm"
TSV = FOLDER / "zh_CN.tsv"
SOURCES = (ROOT / "perfdesk" / "ui", ROOT / "perfdesk" / "qtmodels")


def _tool(name: str) -> str:
    """The PySide6 tool beside this Python (the venv), else on PATH."""
    here = Path(sys.executable).parent / name
    found = str(here) if here.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: install PySide6-Essentials in this environment")
    return found


def read_pairs(path: Path = TSV) -> dict[str, str]:
    pairs: dict[str, str] = {}
    if not path.exists():
        return pairs
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        if "\t" not in line:
            print(f"{path.name}:{number}: no tab, line ignored", file=sys.stderr)
            continue
        english, chinese = line.split("\t", 1)
        pairs[english.replace("\\n", "\n")] = chinese.strip().replace("\\n", "\n")
    return pairs


def fill(ts: Path, pairs: dict[str, str]) -> list[str]:
    """Fill unfinished translations from ``pairs``; returns the sources still untranslated."""
    tree = ET.parse(ts)
    missing: list[str] = []
    for message in tree.getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None:
            translation = ET.SubElement(message, "translation")
        if translation.get("type") in ("obsolete", "vanished"):
            continue
        unfinished = translation.get("type") == "unfinished"
        forms = translation.findall("numerusform")
        has_text = any((f.text or "").strip() for f in forms) if message.get("numerus") == "yes" else bool(
            (translation.text or "").strip())
        if not unfinished and has_text:
            continue
        chinese = pairs.get(source)
        if chinese is None:
            missing.append(source)
            continue
        if message.get("numerus") == "yes":
            for form in forms:
                translation.remove(form)
            ET.SubElement(translation, "numerusform").text = chinese  # Chinese has one plural form
        else:
            translation.text = chinese
        translation.attrib.pop("type", None)
    body = ET.tostring(tree.getroot(), encoding="unicode")
    ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")
    return missing


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if any string is untranslated")
    args = parser.parse_args(argv)
    FOLDER.mkdir(parents=True, exist_ok=True)
    files = sorted(str(p) for folder in SOURCES for p in folder.glob("*.py"))
    subprocess.run([_tool("pyside6-lupdate"), *files, "-no-obsolete", "-source-language", "en",
                    "-target-language", "zh_CN", "-ts", str(TS)], check=True, cwd=ROOT,
                   stdout=subprocess.DEVNULL)
    missing = fill(TS, read_pairs())
    subprocess.run([_tool("pyside6-lrelease"), str(TS), "-qm", str(QM)], check=True, cwd=ROOT,
                   stdout=subprocess.DEVNULL)
    for source in missing:
        print(f"untranslated: {source!r}")
    print(f"{TS.relative_to(ROOT)}: {len(missing)} untranslated; wrote {QM.relative_to(ROOT)}")
    return 1 if (args.check and missing) else 0


if __name__ == "__main__":
    sys.exit(main())
