"""The 三级指标 cell editor with the indicator library's completions.

Whatever the clerk's text becomes, typed key by key or committed by a Chinese input method
(``QInputMethodEvent``, which sends no key presses), the library is searched for it and the
suggestions pop up under the cell, those of the row's own 二级 first. Picking one (Up/Down and
Enter, or a click) emits ``picked``: the delegate then fills the row's 描述, 指标值 and 依据 as
the library holds them, in one undo step, and closes the editor.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QCompleter, QLineEdit, QWidget

from perfdesk.library import Suggestion
from perfdesk.qtmodels.library_model import SuggestionModel, SuggestionRole

MAX_COMPLETIONS = 12


class Level3Editor(QLineEdit):
    picked = Signal(object)  # the Suggestion chosen
    submitted = Signal()     # Enter while the list is open and nothing in it chosen: the text as typed

    def __init__(self, library, level2: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("level3Editor")
        self.setFrame(False)
        self.library, self.level2 = library, level2
        self.chosen: Suggestion | None = None
        self._loading = False
        self.suggestions = SuggestionModel(self)
        self.completer_ = QCompleter(self.suggestions, self)
        self.completer_.setWidget(self)
        # The library has filtered already (fragments inside the text, not only prefixes).
        self.completer_.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer_.setMaxVisibleItems(MAX_COMPLETIONS)
        self.completer_.popup().setObjectName("level3Completions")
        # Installed after QCompleter's own filter, so this one sees the popup's keys first.
        self.completer_.popup().installEventFilter(self)
        self.completer_.activated[QModelIndex].connect(self._activated)
        self.textChanged.connect(self._text_changed)

    def load(self, text: str) -> None:
        """Show the cell's text without offering completions for it."""
        self._loading = True
        try:
            self.setText(text)
        finally:
            self._loading = False

    def popup(self):
        return self.completer_.popup()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if (watched is self.completer_.popup() and event.type() == QEvent.Type.KeyPress
                and not self.completer_.popup().currentIndex().isValid()):
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                # Enter with no suggestion chosen commits what was typed, as in a cell without them.
                self.completer_.popup().hide()
                self.submitted.emit()
                return True
            if event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
                # Tab goes on along the row as it does without the list (the cell's own handling).
                self.completer_.popup().hide()
                QApplication.sendEvent(self, event)
                return True
        return super().eventFilter(watched, event)

    def _text_changed(self, text: str) -> None:
        if self._loading:
            return
        self.chosen = None
        items = self.library.suggest(text, self.level2, limit=MAX_COMPLETIONS) if text.strip() else []
        self.suggestions.set_suggestions(items)
        if not items:
            self.completer_.popup().hide()
            return
        rect = self.rect()
        rect.setWidth(max(rect.width(), 480))
        self.completer_.complete(rect)
        # Nothing chosen until the clerk moves to a suggestion: Enter keeps the text as typed.
        self.completer_.popup().setCurrentIndex(QModelIndex())

    def _activated(self, index: QModelIndex) -> None:
        suggestion = index.data(SuggestionRole)
        if not isinstance(suggestion, Suggestion):
            return
        self.chosen = suggestion
        self.load(suggestion.level3)
        self.picked.emit(suggestion)
