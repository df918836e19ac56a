"""What the installer bundle leaves out of Qt (installer/bundle_filter.py), for the Linux
layout (PySide6/Qt/plugins/...) and the Windows one (PySide6/plugins/...), since the Windows
bundle cannot be built here. The kept set is what the window needs on each system."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "installer"))
from bundle_filter import keep, wanted  # noqa: E402


@pytest.mark.parametrize("dest", [
    "PySide6/Qt/plugins/platforms/libqxcb.so",          # Linux desktop
    "PySide6/Qt/plugins/platforms/libqoffscreen.so",    # tests, servers
    r"PySide6\plugins\platforms\qwindows.dll",          # Windows
    r"PySide6\plugins\styles\qmodernwindowsstyle.dll",  # the Windows 11 look
    r"PySide6\plugins\imageformats\qico.dll",           # the window icon
    "PySide6/Qt/plugins/imageformats/libqsvg.so",
    "PySide6/Qt/plugins/printsupport/libcupsprintersupport.so",  # printing on Linux
    r"PySide6\translations\qtbase_zh_CN.qm",            # Chinese standard dialogs
    "PySide6/Qt/translations/qt_zh_CN.qm",
    "resources/translations/perfdesk_zh_CN.qm",         # perfdesk's own files are never filtered
    "reportlab/fonts/plugins/x.txt",
])
def test_kept(dest):
    assert wanted(dest)


@pytest.mark.parametrize("dest", [
    "PySide6/Qt/plugins/platformthemes/libqgtk3.so",    # pulls in GTK, cairo, pango
    "PySide6/Qt/plugins/platforms/libqwayland.so",
    r"PySide6\plugins\platforms\qdirect2d.dll",
    r"PySide6\plugins\imageformats\qtiff.dll",
    "PySide6/Qt/plugins/imageformats/libqpdf.so",
    "PySide6/Qt/plugins/tls/libqopensslbackend.so",
    "PySide6/Qt/plugins/wayland-shell-integration/libxdg-shell.so",
    r"PySide6\translations\qtbase_de.qm",
    "PySide6/Qt/translations/qt_help_ja.qm",
])
def test_left_out(dest):
    assert not wanted(dest)


def test_keep_reads_hook_pairs_and_toc_entries():
    pairs = [("/venv/PySide6/Qt/plugins/platformthemes/libqgtk3.so", "PySide6/Qt/plugins/platformthemes"),
             ("/venv/PySide6/Qt/plugins/platforms/libqxcb.so", "PySide6/Qt/plugins/platforms")]
    assert keep(pairs) == pairs[1:]
    toc = [("PySide6/Qt/translations/qtbase_fr.qm", "/venv/x/qtbase_fr.qm", "DATA"),
           ("PySide6/Qt/translations/qtbase_zh_CN.qm", "/venv/x/qtbase_zh_CN.qm", "DATA")]
    assert keep(toc) == toc[1:]
