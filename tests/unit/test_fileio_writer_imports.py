"""Commands that only read a workbook do not load the workbook writer, openpyxl or Pillow:
``perfdesk info`` and ``check`` spend their time reading, and a save still works when the
writer is loaded on demand."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "resources" / "examples" / "fengrun-2022.xlsx"
WATCHED = ("openpyxl", "PIL", "perfdesk.fileio.xlsx_write", "perfdesk.fileio.xlsx_package")


def loaded_after(*argv: str) -> tuple[int, list[str]]:
    """Run the command line in a fresh interpreter: its exit code and which watched modules it loaded."""
    script = ("import json, sys\n"
              "from perfdesk.cli.main import main\n"
              "code = main(sys.argv[1:])\n"
              f"watched = {WATCHED!r}\n"
              "loaded = sorted(w for w in watched if any(m == w or m.startswith(w + '.') for m in sys.modules))\n"
              "print(json.dumps([code, loaded]))\n")
    done = subprocess.run([sys.executable, "-c", script, *argv], capture_output=True, text=True, cwd=ROOT,
                          env={"PATH": "/usr/bin:/bin", "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)},
                          timeout=120)
    code, loaded = json.loads(done.stdout.strip().splitlines()[-1])
    return code, loaded


def test_info_reads_without_the_writer_openpyxl_or_pillow():
    code, loaded = loaded_after("info", str(EXAMPLE))
    assert code == 0
    assert loaded == []


def test_check_reads_without_the_writer_openpyxl_or_pillow():
    code, loaded = loaded_after("check", str(EXAMPLE))
    assert code in (0, 1, 2)  # the example has findings; the exit code says so, it is no crash
    assert loaded == []


def test_export_to_pdf_loads_neither_the_writer_nor_openpyxl(tmp_path):
    """Pillow comes with ReportLab (reportlab.lib.utils imports it), so only the rest is watched."""
    code, loaded = loaded_after("export", str(EXAMPLE), str(tmp_path / "文本.pdf"))
    assert code == 0 and (tmp_path / "文本.pdf").stat().st_size > 0
    assert [name for name in loaded if name != "PIL"] == []


def test_the_writer_is_loaded_when_a_workbook_is_written(tmp_path):
    target = tmp_path / "副本.xlsx"
    code, loaded = loaded_after("convert", str(EXAMPLE), str(target))
    assert code == 0 and target.stat().st_size > 0
    assert "perfdesk.fileio.xlsx_write" in loaded and "openpyxl" not in loaded


def test_write_workbook_is_still_exported_by_the_package(tmp_path):
    from perfdesk.fileio import load_document, write_workbook

    target = tmp_path / "写出.xlsx"
    write_workbook(load_document(EXAMPLE), target)
    assert load_document(target) == load_document(EXAMPLE)
    with pytest.raises(AttributeError):
        from perfdesk import fileio
        fileio.no_such_function  # noqa: B018
