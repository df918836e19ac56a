"""Small editor widgets and the binding of form fields to the document through the undo stack.

Every field the clerk types into pushes a merging :class:`~perfdesk.undo.UpdateCommand`, so
one undo reverts one field edit; leaving the field closes the step. Fields refresh from the
document's change events, so undo and redo show at once. The widgets give up their own
Ctrl+Z/Ctrl+Y so that those keys always reach the window's undo stack.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation
from typing import Any, Callable

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence, QUndoStack, QValidator
from PySide6.QtWidgets import QComboBox, QFrame, QLabel, QLineEdit, QMessageBox, QPlainTextEdit, QWidget

from perfdesk.model import Document, format_amount, to_amount
from perfdesk.undo import UpdateCommand


def _is_undo_key(event: QEvent) -> bool:
    return event.matches(QKeySequence.StandardKey.Undo) or event.matches(QKeySequence.StandardKey.Redo)


class LineField(QLineEdit):
    """A one-line text field whose Ctrl+Z/Ctrl+Y go to the document's undo stack."""

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and _is_undo_key(event):
            event.ignore()  # not accepted: the window's Undo/Redo shortcut fires instead
            return True
        return super().event(event)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if _is_undo_key(event):
            event.ignore()
            return
        super().keyPressEvent(event)

    def set_text(self, text: str) -> None:
        """Show ``text`` without emitting an edit, keeping the cursor where it was."""
        if self.text() != text:
            cursor = self.cursorPosition()
            self.setText(text)
            self.setCursorPosition(min(cursor, len(text)))


class TextField(QPlainTextEdit):
    """A multi-line text field. ``edited`` fires on the clerk's edits only, ``finished`` on leaving."""

    edited = Signal(str)
    finished = Signal()

    def __init__(self, parent: QWidget | None = None, lines: int = 3) -> None:
        super().__init__(parent)
        self.setUndoRedoEnabled(False)
        self.setTabChangesFocus(True)
        self._quiet = False
        line = self.fontMetrics().lineSpacing()
        self.setMinimumHeight(line * lines + 12)
        self.textChanged.connect(self._changed)

    def _changed(self) -> None:
        if not self._quiet:
            self.edited.emit(self.toPlainText())

    def text(self) -> str:
        return self.toPlainText()

    def set_text(self, text: str) -> None:
        if self.toPlainText() == text:
            return
        cursor = self.textCursor().position()
        self._quiet = True
        try:
            self.setPlainText(text)
        finally:
            self._quiet = False
        moved = self.textCursor()
        moved.setPosition(min(cursor, len(text)))
        self.setTextCursor(moved)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and _is_undo_key(event):
            event.ignore()
            return True
        return super().event(event)

    def focusOutEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().focusOutEvent(event)
        self.finished.emit()


class NumberValidator(QValidator):
    """Digits with at most ``decimals`` places, tidying what clerks type or paste on the way.

    Amounts come from Excel as ``1,234.50``, from a Chinese input method as full-width
    ``１２３．４５`` or with ``。`` for the point, and from the spending plan's printout as
    ``30%``. Rejecting those outright lost the clerk's typing without a word, so they are
    rewritten to plain digits while typing and pasting.
    """

    def __init__(self, decimals: int, parent=None, digits: int = 12) -> None:
        super().__init__(parent)
        point = rf"(\.[0-9]{{0,{decimals}}})?" if decimals else ""
        self._pattern = re.compile(rf"[0-9]{{0,{digits}}}{point}")

    @staticmethod
    def tidy(text: str, pos: int) -> tuple[str, int]:
        """``text`` without separators, spaces and percent signs, full-width forms made plain."""
        kept, new_pos = [], 0
        for n, char in enumerate(text):
            char = _PLAIN.get(char) or unicodedata.normalize("NFKC", char)
            if char in _DROPPED:
                char = ""
            kept.append(char)
            if n < pos:
                new_pos += len(char)
        return "".join(kept), new_pos

    def validate(self, text: str, pos: int):  # noqa: D401 - Qt's name
        text, pos = self.tidy(text, pos)
        state = QValidator.State.Acceptable if self._pattern.fullmatch(text) else QValidator.State.Invalid
        return state, text, pos


_PLAIN = {"。": ".", "．": "."}
_DROPPED = {",", "，", " ", "\u3000", "\u00a0", "%", "'"}


class DecimalField(LineField):
    """A number field (万元 or %): digits and at most ``decimals`` places; blank means no value.

    The text typed is left alone while typing; leaving the field shows the canonical form
    (``12.5`` becomes ``12.50`` for money).
    """

    def __init__(self, parent: QWidget | None = None, decimals: int = 2, money: bool = True) -> None:
        super().__init__(parent)
        self.decimals, self.money = decimals, money
        self.setValidator(NumberValidator(decimals, self))
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.editingFinished.connect(self._tidy)

    def value(self) -> Decimal | None:
        """The number shown, None if blank. Raises ValueError while the text is not a number yet."""
        text = self.text().strip()
        if text == "":
            return None
        if self.money:
            return to_amount(text)
        try:
            number = Decimal(text)
        except InvalidOperation:
            raise ValueError(text) from None
        return number

    def format(self, value: Decimal | None) -> str:
        if value is None:
            return ""
        return format_amount(value) if self.money else format(value.normalize(), "f")

    def set_value(self, value: Decimal | None) -> None:
        try:
            if self.value() == value:
                return  # "12.5" on screen and 12.50 in the model: leave the clerk's typing alone
        except ValueError:
            pass
        self.setText(self.format(value))

    def _tidy(self) -> None:
        try:
            self.setText(self.format(self.value()))
        except ValueError:
            pass


def section_label(text: str) -> QLabel:
    """A bold heading above a group of fields."""
    label = QLabel(text)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


def title_label() -> QLabel:
    """The editor's big title (the table title for a project)."""
    label = QLabel()
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.3)
    font.setBold(True)
    label.setFont(font)
    label.setWordWrap(True)
    return label


def hline() -> QFrame:
    line = QFrame()
    line.setFrameShape(QFrame.Shape.HLine)
    line.setFrameShadow(QFrame.Shadow.Sunken)
    return line


class _Binding:
    """One field widget tied to one field of the item an editor shows."""

    def __init__(self, widget: QWidget, field: str, read: Callable[[], Any], write: Callable[[Any], None],
                 to_model: Callable[[Any], Any] | None = None) -> None:
        self.widget, self.field, self.read, self.write = widget, field, read, write
        self.to_model = to_model or (lambda value: value)


class FieldBinder:
    """Ties form widgets to the fields of one document item (cover, Part 1, unit, project ...).

    ``locate()`` returns ``(target, index, unit, project)`` for the item now shown, or None;
    edits push one merging UpdateCommand per field; ``refresh()`` writes the model into the
    widgets (called from the editor's change observer).
    """

    def __init__(self, document: Document, undo_stack: QUndoStack,
                 locate: Callable[[], tuple[str, int | None, int | None, int | None] | None]) -> None:
        self.document, self.undo_stack, self.locate = document, undo_stack, locate
        self.bindings: list[_Binding] = []
        self._last: UpdateCommand | None = None
        self._refreshing = False

    # ------------------------------------------------------------ binding kinds
    def text(self, widget: LineField | TextField, field: str) -> None:
        binding = _Binding(widget, field, widget.text, widget.set_text)
        self.bindings.append(binding)
        signal = widget.textEdited if isinstance(widget, QLineEdit) else widget.edited
        signal.connect(lambda _text, b=binding: self._edited(b))
        finished = widget.editingFinished if isinstance(widget, QLineEdit) else widget.finished
        finished.connect(self.close_step)

    def number(self, widget: DecimalField, field: str) -> None:
        binding = _Binding(widget, field, widget.value, widget.set_value)
        self.bindings.append(binding)
        widget.textEdited.connect(lambda _text, b=binding: self._edited(b))
        widget.editingFinished.connect(self.close_step)

    def year(self, widget: LineField, field: str) -> None:
        def read() -> int | None:
            text = widget.text().strip()
            if text == "":
                return None
            if len(text) != 4:
                raise ValueError(text)  # a year is pushed once it has four digits
            return int(text)

        widget.setValidator(NumberValidator(0, widget, digits=4))
        binding = _Binding(widget, field, read, lambda value: widget.set_text("" if value is None else str(value)))
        self.bindings.append(binding)
        widget.textEdited.connect(lambda _text, b=binding: self._edited(b))
        widget.editingFinished.connect(self.close_step)
        widget.editingFinished.connect(lambda b=binding: self._show_model_if_unfinished(b))

    def custom(self, field: str, read: Callable[[], Any], write: Callable[[Any], None],
               edited: list, finished: list) -> _Binding:
        """A field made of several widgets (the spending plan): ``read`` builds the model value."""
        binding = _Binding(None, field, read, write)
        self.bindings.append(binding)
        for signal in edited:
            signal.connect(lambda *_args, b=binding: self._edited(b))
        for signal in finished:
            signal.connect(self.close_step)
        return binding

    def lines(self, widget: TextField, field: str) -> None:
        """A list of short texts edited as one line each (blank lines are dropped)."""
        def read() -> list[str]:
            return [line.strip() for line in widget.text().splitlines() if line.strip()]

        def write(items: list[str]) -> None:
            if read() != list(items):
                widget.set_text("\n".join(items))

        binding = _Binding(widget, field, read, write)
        self.bindings.append(binding)
        widget.edited.connect(lambda _text, b=binding: self._edited(b))
        widget.finished.connect(self.close_step)

    def choice(self, widget: QComboBox, field: str) -> None:
        """A combo box whose items carry the model value as their data."""
        def write(value: Any) -> None:
            index = widget.findData(value)
            if index >= 0 and index != widget.currentIndex():
                widget.setCurrentIndex(index)

        binding = _Binding(widget, field, widget.currentData, write)
        self.bindings.append(binding)
        widget.activated.connect(lambda _index, b=binding: (self._edited(b, merge=False)))

    # ------------------------------------------------------------------ pushing
    def push_now(self, binding: _Binding) -> None:
        """Push the binding's value as a step of its own (a choice, not typing)."""
        self.close_step()
        self._edited(binding, merge=False)

    def _edited(self, binding: _Binding, merge: bool = True) -> None:
        if self._refreshing:
            return
        where = self.locate()
        if where is None:
            return
        try:
            value = binding.to_model(binding.read())
        except ValueError:
            return  # not a value yet ("12." or a year of two digits): wait for more typing
        target, index, unit, project = where
        item = self.document.item(target, index, unit, project)
        if self._model_value(item, binding.field) == value:
            return
        command = UpdateCommand(self.document, target, {binding.field: value}, index=index, unit=unit,
                                project=project, merge=merge)
        self.undo_stack.push(command)
        self._last = command if merge else None

    def _show_model_if_unfinished(self, binding: _Binding) -> None:
        """Leaving a field with a half-typed value ("20" for a year) shows the value the
        document still holds, so the screen never claims what will not be printed."""
        try:
            binding.read()
        except ValueError:
            where = self.locate()
            if where is not None:
                binding.write(self._model_value(self.document.item(*where), binding.field))

    def close_step(self) -> None:
        """The clerk left the field: the next edit of it is a new undo step."""
        if self._last is not None:
            self._last.merge = False
            self._last = None

    @staticmethod
    def _model_value(item: Any, field: str) -> Any:
        return getattr(item, field)

    def refresh(self, fields: tuple[str, ...] = ()) -> None:
        """Write the shown item's values into the widgets (all of them, or only ``fields``)."""
        where = self.locate()
        if where is None:
            return
        item = self.document.item(*where)
        self._refreshing = True
        try:
            for binding in self.bindings:
                if not fields or binding.field in fields:
                    binding.write(self._model_value(item, binding.field))
        finally:
            self._refreshing = False


def answer(box: QMessageBox) -> str:
    """Show a question modally and give the object name of the button clicked ("" for none,
    as when the box is closed); the box is deleted afterwards."""
    try:
        box.exec()
        clicked = box.clickedButton()
        return clicked.objectName() if clicked is not None else ""
    finally:
        box.deleteLater()


def question(parent: QWidget, name: str, title: str, text: str, informative: str,
             buttons: list[tuple[str, str, QMessageBox.ButtonRole]], default: str, escape: str,
             icon: QMessageBox.Icon = QMessageBox.Icon.Warning) -> QMessageBox:
    """A question box named ``name`` whose buttons, given as (object name, label, role), can be
    answered by name (:func:`answer`, and tests); ``default`` is what Enter picks, ``escape``
    what Esc and closing the box pick."""
    box = QMessageBox(parent)
    box.setObjectName(name)
    box.setIcon(icon)
    box.setWindowTitle(title)
    box.setText(text)
    if informative:
        box.setInformativeText(informative)
    made = {}
    for object_name, label, role in buttons:
        made[object_name] = box.addButton(label, role)
        made[object_name].setObjectName(object_name)
    box.setDefaultButton(made[default])
    box.setEscapeButton(made[escape])
    return box
