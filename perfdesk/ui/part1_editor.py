"""The editor of Part 1 (第一部分 部门整体绩效目标): the overall goal, the sub-goals and the
assurance measures, one tab each, laid out as the printed text is (一、二、三)."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QListView,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from perfdesk.model import Change, Document, Measure, SubGoal
from perfdesk.qtmodels.goals_model import MeasuresModel, SubGoalsModel, _DocumentListModel
from perfdesk.undo import InsertCommand, MoveCommand, RemoveCommand
from perfdesk.ui.numbered_list import NumberingDelegate
from perfdesk.ui.widgets import FieldBinder, LineField, TextField, hline, title_label


class _ListPane(QWidget):
    """A list of sub-goals or measures with add/delete/move buttons and the selected item's fields."""

    def __init__(self, document: Document, undo_stack: QUndoStack, model: _DocumentListModel,
                 make_item, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document, self.undo_stack, self.model, self.make_item = document, undo_stack, model, make_item
        self.view = QListView()
        self.view.setModel(model)
        self.view.setItemDelegate(NumberingDelegate(self.view))
        self.view.setMinimumWidth(240)
        # Measures run to a whole paragraph: wrap them in the list instead of a sideways scroll.
        self.view.setWordWrap(True)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        self.view.setSpacing(2)
        self.binder = FieldBinder(document, undo_stack, self._locate)
        self.form = QFormLayout()
        self.fields = QWidget()
        self.fields.setLayout(self.form)

        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add"))
        self.remove_button = QPushButton(self.tr("Delete"))
        self.up_button = QPushButton(self.tr("Up"))
        self.down_button = QPushButton(self.tr("Down"))
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        self.add_button.clicked.connect(self.add)
        self.remove_button.clicked.connect(self.remove)
        self.up_button.clicked.connect(lambda: self.move(-1))
        self.down_button.clicked.connect(lambda: self.move(1))

        left = QVBoxLayout()
        left.addWidget(self.view, 1)
        left.addLayout(buttons)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 2)
        layout.addWidget(self.fields, 3)
        self.view.selectionModel().currentChanged.connect(lambda *_: self.refresh())
        model.modelReset.connect(self.refresh)
        model.rowsRemoved.connect(lambda *_: self.refresh())

    def current_row(self) -> int | None:
        row = self.view.currentIndex().row()
        return row if 0 <= row < self.model.rowCount() else None

    def _locate(self):
        row = self.current_row()
        return None if row is None else (self.model.target, row, None, None)

    def select(self, row: int) -> None:
        index = self.model.index(row, 0)
        self.view.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def refresh(self) -> None:
        has = self.current_row() is not None
        self.fields.setEnabled(has)
        self.remove_button.setEnabled(has)
        self.up_button.setEnabled(has and self.current_row() > 0)
        self.down_button.setEnabled(has and self.current_row() < self.model.rowCount() - 1)
        if has:
            self.binder.refresh()

    def add(self) -> None:
        row = self.current_row()
        at = self.model.rowCount() if row is None else row + 1
        self.undo_stack.push(InsertCommand(self.document, self.model.target, at, self.make_item()))
        self.select(at)
        first = self.form.itemAt(0, QFormLayout.ItemRole.FieldRole)
        if first is not None and first.widget() is not None:
            first.widget().setFocus()  # the clerk types the new item's text next

    def remove(self) -> None:
        row = self.current_row()
        if row is not None:
            self.undo_stack.push(RemoveCommand(self.document, self.model.target, row))
            if self.model.rowCount():
                self.select(min(row, self.model.rowCount() - 1))

    def move(self, step: int) -> None:
        row = self.current_row()
        if row is None or not 0 <= row + step < self.model.rowCount():
            return
        self.undo_stack.push(MoveCommand(self.document, self.model.target, row, row + step))
        self.select(row + step)


class Part1Editor(QWidget):
    def __init__(self, document: Document, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("part1Editor")
        self.document = document
        self.title = title_label()
        self.title.setText(self.tr("Part 1  Department-wide performance goals"))
        self.tabs = QTabWidget()

        self.binder = FieldBinder(document, undo_stack, lambda: ("part1", None, None, None))
        self.overall = TextField(lines=8)
        self.overall.setObjectName("overallGoal")
        self.binder.text(self.overall, "overall_goal")
        self.tabs.addTab(self.overall, self.tr("1. Overall goal"))

        self.sub_goals_model = SubGoalsModel(document, undo_stack, parent=self)
        self.sub_goals = _ListPane(document, undo_stack, self.sub_goals_model, SubGoal)
        self.sub_goal_title = LineField()
        self.sub_goal_title.setObjectName("subGoalTitle")
        self.sub_goal_goal = TextField(lines=4)
        self.sub_goal_indicators = TextField(lines=4)
        self.sub_goals.form.addRow(self.tr("Title:"), self.sub_goal_title)
        self.sub_goals.form.addRow(self.tr("Goal:"), self.sub_goal_goal)
        self.sub_goals.form.addRow(self.tr("Indicators:"), self.sub_goal_indicators)
        self.sub_goals.binder.text(self.sub_goal_title, "title")
        self.sub_goals.binder.text(self.sub_goal_goal, "goal")
        self.sub_goals.binder.text(self.sub_goal_indicators, "indicators")
        self.tabs.addTab(self.sub_goals, self.tr("2. Sub-goals"))

        self.measures_model = MeasuresModel(document, undo_stack, parent=self)
        self.measures = _ListPane(document, undo_stack, self.measures_model, Measure)
        self.measure_text = TextField(lines=4)
        self.measure_text.setObjectName("measureText")
        self.measure_items = TextField(lines=5)
        self.measure_items.setPlaceholderText(self.tr("One sub-item per line; numbering is added when printing"))
        self.measures.form.addRow(self.tr("Measure:"), self.measure_text)
        self.measures.form.addRow(self.tr("Sub-items:"), self.measure_items)
        self.measures.binder.text(self.measure_text, "text")
        self.measures.binder.lines(self.measure_items, "items")
        self.tabs.addTab(self.measures, self.tr("3. Assurance measures"))

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(hline())
        layout.addWidget(self.tabs, 1)
        document.subscribe(self._changed)
        self.refresh()

    def detach(self) -> None:
        self.document.unsubscribe(self._changed)
        self.sub_goals_model.detach()
        self.measures_model.detach()

    def refresh(self) -> None:
        self.binder.refresh()
        for pane in (self.sub_goals, self.measures):
            if pane.current_row() is None and pane.model.rowCount():
                pane.select(0)
            pane.refresh()

    def _changed(self, change: Change) -> None:
        if change.action == "reset":
            self.refresh()
        elif change.target == "part1" and change.action == "updated":
            self.binder.refresh(change.fields)
        elif change.target in ("sub_goal", "measure"):
            pane = self.sub_goals if change.target == "sub_goal" else self.measures
            if change.action == "updated" and change.index == pane.current_row():
                pane.binder.refresh(change.fields)
            elif change.action != "updated":
                pane.refresh()
