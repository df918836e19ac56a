"""Start the window: the QApplication, the interface language, and the file given on the
command line. ``perfdesk [FILE] [--lang en]`` ends up here through perfdesk.cli.main.

While it runs, an uncaught exception is logged and answered with a message
(:mod:`perfdesk.ui.crash`), and recovery copies left by a run that ended abnormally are offered
at the start (:mod:`perfdesk.ui.recovery`).

The interface's source strings are English; the Simplified Chinese translation
(resources/translations/perfdesk_zh_CN.qm) and Qt's own for the standard dialogs are loaded
unless English is asked for.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from perfdesk.resources import resource_path

DEFAULT_LANGUAGE = "zh_CN"
LANGUAGES = (("zh_CN", "简体中文"), ("en", "English"))  # View ▸ Language; each named in itself
_installed: list[QTranslator] = []  # kept alive as long as the application
_language = DEFAULT_LANGUAGE  # what set_language last chose


def install_translators(app: QApplication, lang: str | None) -> list[QTranslator]:
    """Load the translations for ``lang`` (None: the default, Simplified Chinese; "en": none)."""
    lang = lang or DEFAULT_LANGUAGE
    translators: list[QTranslator] = []
    if lang == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        return translators
    QLocale.setDefault(QLocale(lang))
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    candidates = [(f"qtbase_{lang}", qt_dir), (f"perfdesk_{lang}", str(resource_path("translations")))]
    for name, folder in candidates:
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            translators.append(translator)
    return translators


def _choose_font(app: QApplication) -> None:
    """Prefer a CJK UI font that is installed, so Chinese never falls back to boxes."""
    families = set(QFontDatabase.families())
    for family in ("Microsoft YaHei UI", "Microsoft YaHei", "WenQuanYi Micro Hei", "Noto Sans CJK SC",
                   "Source Han Sans SC", "AR PL UMing CN"):
        if family in families:
            font = QFont(family, app.font().pointSize() if app.font().pointSize() > 0 else 10)
            app.setFont(font)
            return


def make_app(argv: list[str] | None = None, lang: str | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setOrganizationName("perfdesk")
    app.setApplicationName("perfdesk")
    icon = resource_path("icons", "perfdesk.png")
    if icon.is_file():
        from PySide6.QtGui import QIcon

        app.setWindowIcon(QIcon(str(icon)))
    _choose_font(app)
    set_language(app, lang)
    return app


def set_language(app: QApplication, lang: str | None) -> None:
    """Replace the installed translations (None: Simplified Chinese; "en": the English source)."""
    global _language
    while _installed:
        app.removeTranslator(_installed.pop())
    _installed.extend(install_translators(app, lang))
    _language = lang or DEFAULT_LANGUAGE


def current_language() -> str:
    """The interface's language as :func:`set_language` last set it: "zh_CN" (the default) or "en".

    Windows made from now on speak it; the user guide picks its file by it."""
    return _language


def run_app(file: str | None, lang: str | None = None) -> int:
    """Open the window (with ``file`` if given) and run until it is closed; returns the exit code."""
    from perfdesk.ui.main_window import MainWindow
    from perfdesk.ui.settings import Settings

    settings_lang = None
    app = make_app(lang=lang)
    if lang is None:
        settings_lang = Settings().language()
        if settings_lang and settings_lang != DEFAULT_LANGUAGE:
            set_language(app, settings_lang)
    from perfdesk.ui.crash import install_excepthook

    crash = install_excepthook()  # a defect of ours: a log, a recovery copy and a message, no traceback
    try:
        window = MainWindow()
        window.show()
        if file:
            window.files.open(Path(file))  # a bad file shows a message; the window stays open
        if not window.is_modified():  # copies left behind by a run that ended abnormally
            window.recovery.offer_at_start(skip=Path(file) if file else None)
        return app.exec()
    finally:
        sys.excepthook = crash.previous
