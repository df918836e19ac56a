"""查找和替换 (Find and replace, Ctrl+H): a non-modal dialog that searches the texts of every
project, or of the one shown, and replaces what it finds, as Excel's dialog of that name does.

What is searched, in print order: Part 1 (总体目标, each 分项绩效目标's title / goal / indicators,
each 保障措施 and its numbered items), then every project in order: its name, 资金用途, goals and
each indicator row's cells (一级指标 … 指标值确定依据). Amounts, the spending plan and 项目编码 are
not searched. The text is found exactly as typed (no patterns, no case folding: the texts are
Chinese); "Whole cell only" finds only fields that are exactly the text.

"Find next" goes to the next field with the text after the last one found (from the start of the
project shown, the first time), wrapping round to the beginning, and shows it in the window
(:meth:`MainWindow.show_finding`). "Replace" replaces the text in the field last found, if it is
still there, and finds the next. "Replace all" replaces every occurrence in scope as ONE undo
step (a ``QUndoStack`` macro). A line under the buttons says what happened. Edits go through
:class:`~perfdesk.undo.UpdateCommand`, so undo / redo restore them like any other edit.

The dialog belongs to the window (``open_find_replace(window)`` makes it once and re-shows it)
and always reads ``window.document`` / ``window.undo_stack`` afresh: opening another file
replaces both.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterator

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from perfdesk.model import Document
from perfdesk.model.project import INDICATOR_FIELDS
from perfdesk.undo import UpdateCommand

if TYPE_CHECKING:
    from perfdesk.ui.main_window import MainWindow

SCOPE_ALL, SCOPE_CURRENT = "all", "current"
PROJECT_FIELDS = ("name", "purpose")
SUB_GOAL_FIELDS = ("title", "goal", "indicators")
REPLACE_TEXT = "替换"
REPLACE_ALL_TEXT = "全部替换"


@dataclass(frozen=True)
class Place:
    """One searchable text field.

    ``target`` is the undo target (project, goal, indicator, part1, sub_goal, measure); ``unit`` and
    ``project`` are -1 for Part 1; ``index`` is the goal / indicator row / sub-goal / measure index
    (-1 for the project's own fields and the overall goal); ``field`` the model field; ``item`` the
    index in a measure's numbered ``items`` (-1 otherwise).
    """

    target: str
    unit: int
    project: int
    index: int
    field: str
    item: int = -1

    @property
    def key(self) -> tuple:
        """Sort key in print order (Part 1 first, then projects, each field in table order)."""
        section = 0 if self.unit < 0 else 1
        kind = _KIND_ORDER[self.target]
        field = _FIELD_ORDER.get(self.field, 0)
        return (section, self.unit, self.project, kind, self.index, field, self.item)


_KIND_ORDER = {"part1": 0, "sub_goal": 1, "measure": 2, "project": 0, "goal": 1, "indicator": 2}
_FIELD_ORDER = {name: n for n, name in enumerate(PROJECT_FIELDS + SUB_GOAL_FIELDS)}
_FIELD_ORDER.update({name: n for n, name in enumerate(INDICATOR_FIELDS)})
_FIELD_ORDER.update({"text": 0, "items": 1})


def project_places(document: Document, unit: int, project: int) -> Iterator[Place]:
    """Every text field of one project, in table order."""
    item = document.project(unit, project)
    for name in PROJECT_FIELDS:
        yield Place("project", unit, project, -1, name)
    for index in range(len(item.goals)):
        yield Place("goal", unit, project, index, "text")
    for row in range(len(item.indicators)):
        for name in INDICATOR_FIELDS:
            yield Place("indicator", unit, project, row, name)


def part1_places(document: Document) -> Iterator[Place]:
    """Every text field of Part 1, in print order."""
    part1 = document.part1
    yield Place("part1", -1, -1, -1, "overall_goal")
    for index in range(len(part1.sub_goals)):
        for name in SUB_GOAL_FIELDS:
            yield Place("sub_goal", -1, -1, index, name)
    for index, measure in enumerate(part1.measures):
        yield Place("measure", -1, -1, index, "text")
        for item in range(len(measure.items)):
            yield Place("measure", -1, -1, index, "items", item)


def all_places(document: Document) -> Iterator[Place]:
    """Every searchable text field of the document, in print order."""
    yield from part1_places(document)
    for unit, project, _, _ in document.projects():
        yield from project_places(document, unit, project)


def read(document: Document, place: Place) -> str | None:
    """The text at ``place`` (None if the place no longer exists)."""
    try:
        if place.target == "part1":
            return getattr(document.part1, place.field)
        if place.target == "sub_goal":
            return getattr(document.part1.sub_goals[place.index], place.field)
        if place.target == "measure":
            measure = document.part1.measures[place.index]
            return measure.items[place.item] if place.field == "items" else measure.text
        item = document.project(place.unit, place.project)
        if place.target == "project":
            return getattr(item, place.field)
        if place.target == "goal":
            return item.goals[place.index]
        return getattr(item.indicators[place.index], place.field)
    except IndexError:
        return None


def matches(text: str | None, wanted: str, whole: bool) -> bool:
    if not text or not wanted:
        return False
    return text == wanted if whole else wanted in text


def replace_command(document: Document, place: Place, new: str, label: str) -> UpdateCommand:
    """The undo command that puts ``new`` at ``place``."""
    if place.target == "measure" and place.field == "items":
        items = list(document.part1.measures[place.index].items)
        items[place.item] = new
        fields = {"items": items}
    else:
        fields = {place.field: new}
    if place.target == "part1":
        return UpdateCommand(document, "part1", fields, text=label)
    if place.target in ("sub_goal", "measure"):
        return UpdateCommand(document, place.target, fields, place.index, text=label)
    if place.target == "project":
        return UpdateCommand(document, "project", fields, place.project, place.unit, text=label)
    return UpdateCommand(document, place.target, fields, place.index, place.unit, place.project, text=label)


class FindReplaceDialog(QDialog):
    """The 查找和替换 dialog of one main window (see the module docstring)."""

    def __init__(self, window: MainWindow, parent: QWidget | None = None) -> None:
        super().__init__(parent if parent is not None else window)
        self.window_ = window
        self.setObjectName("findReplace")
        self.setWindowTitle(self.tr("Find and Replace"))
        self.setModal(False)
        self.current: Place | None = None  # the field last found
        self._document: Document | None = None  # the document self.current belongs to

        self.find_field = QLineEdit()
        self.find_field.setObjectName("findText")
        self.replace_field = QLineEdit()
        self.replace_field.setObjectName("replaceText")
        self.whole_cell = QCheckBox(self.tr("Whole cell only"))
        self.whole_cell.setObjectName("wholeCell")
        self.scope = QComboBox()
        self.scope.setObjectName("findScope")
        self.scope.addItem(self.tr("All projects"), SCOPE_ALL)
        self.scope.addItem(self.tr("Current project"), SCOPE_CURRENT)

        form = QFormLayout()
        form.addRow(self.tr("Find what:"), self.find_field)
        form.addRow(self.tr("Replace with:"), self.replace_field)
        form.addRow(self.tr("Within:"), self.scope)
        form.addRow("", self.whole_cell)

        self.find_next_button = QPushButton(self.tr("Find Next"))
        self.find_next_button.setObjectName("findNext")
        self.find_next_button.setDefault(True)
        self.replace_button = QPushButton(self.tr("Replace"))
        self.replace_button.setObjectName("replace")
        self.replace_all_button = QPushButton(self.tr("Replace All"))
        self.replace_all_button.setObjectName("replaceAll")
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setObjectName("closeFind")
        for button in (self.find_next_button, self.replace_button, self.replace_all_button, self.close_button):
            button.setAutoDefault(False)
        self.find_next_button.setAutoDefault(True)
        self.find_next_button.clicked.connect(self.find_next)
        self.replace_button.clicked.connect(self.replace)
        self.replace_all_button.clicked.connect(self.replace_all)
        self.close_button.clicked.connect(self.close)
        buttons = QHBoxLayout()
        for button in (self.find_next_button, self.replace_button, self.replace_all_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)

        self.status = QLabel()
        self.status.setObjectName("findStatus")
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        self.find_field.textChanged.connect(lambda *_: self.status.clear())
        self.resize(460, self.sizeHint().height())

    # ------------------------------------------------------------- reading
    @property
    def document(self) -> Document:
        return self.window_.document

    def wanted(self) -> str:
        return self.find_field.text()

    def places(self) -> list[Place] | None:
        """The fields in scope, in print order (None: "current project" with no project shown)."""
        document = self.document
        if self.scope.currentData() == SCOPE_ALL:
            return list(all_places(document))
        kind, unit, project = getattr(self.window_, "node", ("document", -1, -1))
        if kind == "project" and 0 <= unit < len(document.units) and 0 <= project < len(document.units[unit].projects):
            return list(project_places(document, unit, project))
        if kind == "part1":
            return list(part1_places(document))
        return None

    def _start_key(self) -> tuple | None:
        """Where "Find next" starts from: just after the field last found, or at the start of the
        project (or Part 1) shown if the clerk went elsewhere since; None: from the beginning."""
        kind, unit, project = getattr(self.window_, "node", ("document", -1, -1))
        current = self.current if self._document is self.document else None
        if kind == "project" and (current is None or (current.unit, current.project) != (unit, project)):
            return (1, unit, project, -1)  # before every field of that project
        if kind == "part1" and (current is None or current.unit >= 0):
            return (0, -2)  # before Part 1
        return current.key if current is not None else None

    # ------------------------------------------------------------- actions
    def find_next(self) -> Place | None:
        """Go to the next field with the text (wrapping round); returns it or None."""
        wanted = self.wanted()
        if not wanted:
            self.status.setText(self.tr("Type the text to find."))
            return None
        places = self.places()
        if places is None:
            self.status.setText(self.tr("Choose a project first."))
            return None
        whole = self.whole_cell.isChecked()
        found = [place for place in places if matches(read(self.document, place), wanted, whole)]
        if not found:
            self.current = None
            self.status.setText(self.tr("Cannot find “%1”.").replace("%1", wanted))
            return None
        start = self._start_key()
        after = [place for place in found if start is None or place.key > start]
        wrapped = not after and start is not None
        place = after[0] if after else found[0]
        self.current, self._document = place, self.document
        self.status.setText(self.tr("Search wrapped to the beginning.") if wrapped else "")
        self._show(place)
        return place

    def replace(self) -> Place | None:
        """Replace the text in the field last found (if it is still there), then find the next."""
        wanted = self.wanted()
        place = self.current if self._document is self.document else None
        if wanted and place is not None and self._in_scope(place):
            text = read(self.document, place)
            if matches(text, wanted, self.whole_cell.isChecked()):
                new = self._replaced(text)
                if new != text:
                    self.window_.undo_stack.push(replace_command(self.document, place, new, REPLACE_TEXT))
        return self.find_next()

    def replace_all(self) -> int:
        """Replace every occurrence in scope as one undo step; returns how many were replaced."""
        wanted = self.wanted()
        if not wanted:
            self.status.setText(self.tr("Type the text to find."))
            return 0
        places = self.places()
        if places is None:
            self.status.setText(self.tr("Choose a project first."))
            return 0
        whole = self.whole_cell.isChecked()
        document, stack = self.document, self.window_.undo_stack
        count, started = 0, False
        for place in places:
            text = read(document, place)
            if not matches(text, wanted, whole):
                continue
            new = self._replaced(text)
            count += 1 if whole else text.count(wanted)
            if new == text:
                continue
            if not started:
                stack.beginMacro(REPLACE_ALL_TEXT)
                started = True
            stack.push(replace_command(document, place, new, REPLACE_TEXT))
        if started:
            stack.endMacro()
        if count:
            self.status.setText(self.tr("Replaced %1 occurrence(s).").replace("%1", str(count)))
        else:
            self.status.setText(self.tr("Cannot find “%1”.").replace("%1", wanted))
        return count

    # ------------------------------------------------------------- helpers
    def _replaced(self, text: str) -> str:
        replacement = self.replace_field.text()
        if self.whole_cell.isChecked():
            return replacement
        return text.replace(self.wanted(), replacement)

    def _in_scope(self, place: Place) -> bool:
        places = self.places()
        return places is not None and place in places

    def _show(self, place: Place) -> None:
        if place.unit < 0:
            field = {"part1": "overall_goal", "sub_goal": "sub_goals", "measure": "measures"}[place.target]
            self.window_.show_finding(-1, -1, -1, field)
        elif place.target == "indicator":
            self.window_.show_finding(place.unit, place.project, place.index, place.field)
        else:
            field = "goals" if place.target == "goal" else place.field
            self.window_.show_finding(place.unit, place.project, -1, field)
        # show_finding moves the focus into the window; keep typing in the dialog.
        self.raise_()
        self.activateWindow()


def open_find_replace(window: MainWindow) -> FindReplaceDialog:
    """Show the window's find-and-replace dialog (made the first time), with the find text selected."""
    dialog = window.findChild(FindReplaceDialog, "findReplace")
    if dialog is None:
        dialog = FindReplaceDialog(window)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    dialog.find_field.setFocus(Qt.FocusReason.ShortcutFocusReason)
    dialog.find_field.selectAll()
    return dialog
