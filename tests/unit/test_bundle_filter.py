"""What the installer bundle leaves out of Qt (installer/bundle_filter.py), for the Linux
layout (PySide6/Qt/plugins/...) and the Windows one (PySide6/plugins/...), since the Windows
bundle cannot be built here. The kept set is what the window needs on each system.

Then how the .deb's launcher (installer/linux/perfdesk.sh) picks among the input-method
plugins kept, run by /bin/sh over a small stand-in bundle whose "program" prints the
QT_IM_MODULE it was given, with real processes named fcitx5, fcitx or ibus-daemon running.
"""

from __future__ import annotations

import os
import shutil
import subprocess
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


@pytest.mark.parametrize("dest", [
    "PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so",     # ibus, fcitx5
    "PySide6/Qt/plugins/platforminputcontexts/libcomposeplatforminputcontextplugin.so",  # dead keys
    "PySide6/Qt/plugins/platforminputcontexts/libfcitx5platforminputcontextplugin.so",   # if one is added
])
def test_input_methods_are_kept(dest):
    """Without them no Chinese can be typed in the Linux bundle."""
    assert wanted(dest)


def test_virtual_keyboard_is_left_out():
    """It would bring QtQuick and QML into the bundle."""
    assert not wanted("PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so")


LAUNCHER = Path(__file__).resolve().parents[2] / "installer" / "linux" / "perfdesk.sh"
INPUT_METHODS = ("fcitx5", "fcitx", "ibus-daemon")


def own_process_named(name: str) -> bool:
    for process in Path("/proc").iterdir():
        try:
            if process.name.isdigit() and process.stat().st_uid == os.geteuid() \
                    and (process / "comm").read_text().strip() == name:
                return True
        except OSError:
            continue
    return False


@pytest.fixture
def stand_in(tmp_path):
    """files/ of the .deb with the launcher in bin/ and, as the program, a script printing
    the input method and the arguments it got; plugins are added per test."""
    if sys.platform != "linux":
        pytest.skip("the launcher is for Linux")
    files = tmp_path / "files"
    (files / "bin").mkdir(parents=True)
    shutil.copyfile(LAUNCHER, files / "bin" / "perfdesk")
    (files / "bin" / "perfdesk").chmod(0o755)
    (files / "perfdesk").write_text('#!/bin/sh\nprintf "%s|" "${QT_IM_MODULE-unset}" "$@"\n', "utf-8")
    (files / "perfdesk").chmod(0o755)
    contexts = files / "_internal" / "PySide6" / "Qt" / "plugins" / "platforminputcontexts"
    contexts.mkdir(parents=True)
    for name in ("ibus", "compose"):
        (contexts / f"lib{name}platforminputcontextplugin.so").write_bytes(b"")
    return files


@pytest.fixture
def start(tmp_path):
    """start("fcitx5") runs a process of that name (a copy of sleep) until the test ends."""
    processes = []

    def run(name: str) -> None:
        program = tmp_path / name
        shutil.copyfile(shutil.which("sleep"), program)
        program.chmod(0o755)
        processes.append(subprocess.Popen([str(program), "60"]))

    yield run
    for process in processes:
        process.kill()
        process.wait()


def launch(files: Path, *args: str, **env: str) -> list[str]:
    done = subprocess.run([str(files / "bin" / "perfdesk"), *args], capture_output=True, text=True,
                          env={"PATH": "/usr/bin:/bin", "HOME": str(files), **env}, timeout=30)
    assert done.returncode == 0, done.stderr
    return done.stdout.split("|")[:-1]


@pytest.fixture
def quiet_desktop():
    running = [name for name in INPUT_METHODS if own_process_named(name)]
    if running:
        pytest.skip(f"an input method of this user is running here: {running}")


def test_launcher_leaves_the_input_method_alone_when_none_runs(stand_in, quiet_desktop):
    assert launch(stand_in) == ["unset"]  # Qt then takes its default, compose
    assert launch(stand_in, QT_IM_MODULE="compose") == ["compose"]


def test_launcher_sends_qt_to_fcitx5_through_ibus_when_the_bundle_has_no_fcitx_plugin(stand_in, start, quiet_desktop):
    start("fcitx5")
    assert launch(stand_in) == ["ibus"]
    # What UOS and Kylin set for the session: Qt would fall back to compose, no Chinese.
    assert launch(stand_in, QT_IM_MODULE="fcitx") == ["ibus"]
    assert launch(stand_in, QT_IM_MODULE="fcitx5") == ["ibus"]


def test_launcher_uses_a_fcitx_plugin_the_bundle_has(stand_in, start, quiet_desktop):
    contexts = stand_in / "_internal" / "PySide6" / "Qt" / "plugins" / "platforminputcontexts"
    (contexts / "libfcitx5platforminputcontextplugin.so").write_bytes(b"")
    start("fcitx5")
    assert launch(stand_in) == ["fcitx"]
    assert launch(stand_in, QT_IM_MODULE="fcitx") == ["fcitx"]


def test_launcher_with_fcitx4_sets_fcitx_only_with_its_plugin(stand_in, start, quiet_desktop):
    start("fcitx")  # fcitx 4 has no ibus frontend: ibus would not reach it
    assert launch(stand_in) == ["unset"]
    contexts = stand_in / "_internal" / "PySide6" / "Qt" / "plugins" / "platforminputcontexts"
    (contexts / "libfcitxplatforminputcontextplugin-qt6.so").write_bytes(b"")
    assert launch(stand_in) == ["fcitx"]


def test_launcher_picks_ibus_when_ibus_runs(stand_in, start, quiet_desktop):
    start("ibus-daemon")
    assert launch(stand_in) == ["ibus"]


def test_launcher_keeps_the_users_own_choice(stand_in, start, quiet_desktop):
    start("fcitx5")
    assert launch(stand_in, QT_IM_MODULE="compose") == ["compose"]
    assert launch(stand_in, QT_IM_MODULE="none") == ["none"]
    # Qt 6.8+ reads the QT_IM_MODULES list first; whoever set it decided.
    assert launch(stand_in, QT_IM_MODULES="fcitx;ibus") == ["unset"]


def test_launcher_passes_arguments_through_and_works_through_a_link(stand_in, tmp_path, quiet_desktop):
    link = tmp_path / "usr-bin" / "perfdesk"
    link.parent.mkdir()
    link.symlink_to(stand_in / "bin" / "perfdesk")
    done = subprocess.run([str(link), "export", "抚宁 2024.xlsx", "out dir/抚宁.pdf"], capture_output=True,
                          text=True, env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}, timeout=30)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "unset|export|抚宁 2024.xlsx|out dir/抚宁.pdf|"
