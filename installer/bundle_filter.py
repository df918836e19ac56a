"""Which Qt files go into the bundle: used by perfdesk.spec and by hooks/hook-PySide6.QtGui.py.

PyInstaller's Qt hooks collect every plugin of a type (all image formats, all platform
themes) and every translation. Most are of no use to a clerk, and some drag in large system
libraries (the GTK theme plugin alone brings GTK, cairo and pango), so they are dropped here,
in the hook, before PyInstaller looks for the libraries they need.
"""

# Platform plugins: xcb for a Linux desktop, offscreen/minimal for tests and servers, windows.
PLATFORMS = ("qxcb", "qoffscreen", "qminimal", "qwindows")
# PNG is built into QtGui; these cover the window icon, SVG and pictures a clerk might paste.
IMAGE_FORMATS = ("qico", "qsvg", "qjpeg", "qgif")
# The portal theme gives native file dialogs on Linux; Windows has its style in the platform.
PLATFORM_THEMES = ("xdgdesktopportal",)
# Input methods on Linux, without which Chinese cannot be typed: ibus (also spoken by fcitx5,
# the input method of UOS and Kylin) and compose (dead keys; Qt's fallback). A fcitx plugin
# built against this Qt is kept if one was put beside them (PySide6 ships none). The virtual
# keyboard is left out: it needs QtQuick and QML.
INPUT_CONTEXTS = ("ibus", "compose", "fcitx")
UNUSED_PLUGIN_TYPES = ("wayland-", "egldeviceintegrations", "qmltooling",
                       "networkinformation", "tls")


def wanted(dest: str) -> bool:
    """True if the bundle keeps the file that PyInstaller would put at ``dest``."""
    path = dest.replace("\\", "/")
    # Qt's files sit in PySide6/Qt/ on Linux and macOS, directly in PySide6/ on Windows.
    if not path.startswith("PySide6/"):
        return True
    if "/translations/" in path:
        return "zh_CN" in path  # the clerks' language; English needs no Qt catalogue
    if "/plugins/" not in path:
        return True
    plugin_type = path.split("/plugins/", 1)[1].split("/", 1)[0]
    name = path.rsplit("/", 1)[-1]
    if plugin_type == "platforms":
        return any(wanted_name in name for wanted_name in PLATFORMS)
    if plugin_type == "imageformats":
        return any(wanted_name in name for wanted_name in IMAGE_FORMATS)
    if plugin_type == "platformthemes":
        return any(wanted_name in name for wanted_name in PLATFORM_THEMES)
    if plugin_type == "platforminputcontexts":
        return any(wanted_name in name for wanted_name in INPUT_CONTEXTS)
    return not any(plugin_type.startswith(unused) for unused in UNUSED_PLUGIN_TYPES)


def keep(entries):
    """Filter hook-style (source, dest-dir) pairs or TOC-style (dest, source, type) tuples."""
    kept = []
    for entry in entries:
        if len(entry) == 3:
            dest = entry[0]
        else:
            dest = entry[1].rstrip("/\\") + "/" + entry[0].replace("\\", "/").rsplit("/", 1)[-1]
        if wanted(dest):
            kept.append(entry)
    return kept
