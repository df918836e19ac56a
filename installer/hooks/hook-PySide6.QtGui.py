"""Replaces PyInstaller's hook for PySide6.QtGui: the same collection minus the plugins
bundle_filter drops, removed here so their system libraries are never looked for."""

from PyInstaller.utils.hooks.qt import add_qt6_dependencies

from bundle_filter import keep

hiddenimports, binaries, datas = add_qt6_dependencies(__file__)
binaries = keep(binaries)
datas = keep(datas)
