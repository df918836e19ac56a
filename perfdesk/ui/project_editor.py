"""The editor of one budget project: the head of its 绩效目标表 (code, name, unit, amounts,
资金用途, spending plan, goals) above the indicator grid, in the order the printed table has."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QScrollArea,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from perfdesk.model import (
    MONTH_CHECKPOINTS, QUARTER_CHECKPOINTS, Change, Document, ProjectReview, ReviewStatus, SpendingPlan,
)
from perfdesk.qtmodels.goals_model import GoalsModel
from perfdesk.undo import InsertCommand, MoveCommand, MoveProjectCommand, RemoveCommand
from perfdesk.ui.indicator_grid import IndicatorGrid
from perfdesk.ui.numbered_list import NumberingDelegate
from perfdesk.ui.widgets import DecimalField, FieldBinder, LineField, TextField, title_label

_PLAN_LABELS = (MONTH_CHECKPOINTS, QUARTER_CHECKPOINTS)


class ProjectEditor(QWidget):
    """Shows the project at (unit, project); ``set_project`` points it at another one."""

    def __init__(self, document: Document, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("projectEditor")
        self.document, self.undo_stack = document, undo_stack
        self.unit: int | None = None
        self.project: int | None = None
        self.binder = FieldBinder(document, undo_stack, self._locate)

        self.title = title_label()
        self.title.setObjectName("projectTitle")
        self.code = LineField()
        self.code.setObjectName("projectCode")
        self.code.setPlaceholderText(self.tr("Project code from the budget system (21 characters)"))
        self.code.setMinimumWidth(200)
        self.name = LineField()
        self.name.setObjectName("projectName")
        self.unit_box = QComboBox()
        self.unit_box.setObjectName("projectUnit")
        self.unit_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.unit_box.setMinimumContentsLength(24)
        self.unit_box.activated.connect(self._unit_chosen)
        self.budget_total = DecimalField()
        self.budget_total.setObjectName("budgetTotal")
        self.budget_fiscal = DecimalField()
        self.budget_fiscal.setObjectName("budgetFiscal")
        self.budget_other = DecimalField()
        self.budget_other.setObjectName("budgetOther")
        self.purpose = TextField(lines=3)
        self.purpose.setObjectName("purpose")
        self.plan_fields = [DecimalField(money=False) for _ in range(4)]
        self.plan_labels = [QLabel() for _ in range(4)]
        for n, field in enumerate(self.plan_fields):
            field.setObjectName(f"plan{n + 1}")
            field.setMaximumWidth(70)
        self.plan_kind = QComboBox()
        self.plan_kind.setObjectName("planKind")
        self.plan_kind.addItem(self.tr("By month end"), 0)
        self.plan_kind.addItem(self.tr("By quarter"), 1)
        self.plan_kind.activated.connect(self._plan_kind_chosen)

        self.goals_model = GoalsModel(document, undo_stack, parent=self)
        self.goals = QListView()
        self.goals.setObjectName("projectGoals")
        self.goals.setModel(self.goals_model)
        self.goals.setItemDelegate(NumberingDelegate(self.goals))
        self.goals.setEditTriggers(QListView.EditTrigger.DoubleClicked | QListView.EditTrigger.EditKeyPressed
                                   | QListView.EditTrigger.AnyKeyPressed)
        self.goals.setWordWrap(True)
        self.goals.selectionModel().currentChanged.connect(lambda *_: self._refresh_goal_buttons())
        self.goals.itemDelegate().closeEditor.connect(self._goal_editor_closed)
        self._added_goal: InsertCommand | None = None
        self.delete_goal_action = QAction(self.tr("Delete goal"), self.goals)
        self.delete_goal_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.delete_goal_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.delete_goal_action.triggered.connect(self._remove_goal)
        self.goals.addAction(self.delete_goal_action)
        self.add_goal = QPushButton(self.tr("Add"))
        self.remove_goal = QPushButton(self.tr("Delete"))
        self.goal_up = QPushButton(self.tr("Up"))
        self.goal_down = QPushButton(self.tr("Down"))
        self.add_goal.clicked.connect(self._add_goal)
        self.remove_goal.clicked.connect(self._remove_goal)
        self.goal_up.clicked.connect(lambda: self._move_goal(-1))
        self.goal_down.clicked.connect(lambda: self._move_goal(1))

        # The finance bureau's verdict on this project (审核意见), kept in the file, not printed.
        self.review_status = QComboBox()
        self.review_status.setObjectName("projectReviewStatus")
        for status in ReviewStatus:
            self.review_status.addItem(status.value, status)
        self.review_comment = LineField()
        self.review_comment.setObjectName("projectReviewComment")
        self.review_comment.setPlaceholderText(self.tr("The finance bureau's comment on this project"))

        self.grid = IndicatorGrid(document, undo_stack, self)

        self._lay_out()
        self.binder.text(self.code, "code")
        self.binder.text(self.name, "name")
        self.binder.number(self.budget_total, "budget_total")
        self.binder.number(self.budget_fiscal, "budget_fiscal")
        self.binder.number(self.budget_other, "budget_other")
        self.binder.text(self.purpose, "purpose")
        self._plan_binding = self.binder.custom("spending_plan", self._read_plan, self._write_plan,
                           [f.textEdited for f in self.plan_fields], [f.editingFinished for f in self.plan_fields])
        self.binder.custom("review", self._read_review, self._write_review,
                           [self.review_status.activated, self.review_comment.textEdited],
                           [self.review_status.activated, self.review_comment.editingFinished])
        document.subscribe(self._changed)

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        head = QHBoxLayout()
        head.addWidget(self.code, 2)
        head.addWidget(QLabel(self.tr("Project name:")))
        head.addWidget(self.name, 5)
        form.addRow(self.tr("Project code:"), head)
        form.addRow(self.tr("Budget unit:"), self.unit_box)
        money = QHBoxLayout()
        for field in (self.budget_total, self.budget_fiscal, self.budget_other):
            field.setFixedWidth(120)
        money.addWidget(self.budget_total)
        money.addWidget(QLabel(self.tr("of which fiscal funds:")))
        money.addWidget(self.budget_fiscal)
        money.addWidget(QLabel(self.tr("other funds:")))
        money.addWidget(self.budget_other)
        money.addStretch(1)
        money.addWidget(QLabel(self.tr("Unit: 10,000 yuan")))
        form.addRow(self.tr("Budget:"), money)
        plan = QHBoxLayout()
        for label, field in zip(self.plan_labels, self.plan_fields):
            plan.addWidget(label)
            plan.addWidget(field)
        plan.addWidget(self.plan_kind)
        plan.addStretch(1)
        form.addRow(self.tr("Spending plan (%):"), plan)
        review = QHBoxLayout()
        review.addWidget(self.review_status)
        review.addWidget(self.review_comment, 1)
        form.addRow(self.tr("Review:"), review)

        texts = QHBoxLayout()
        purpose = QFormLayout()
        purpose.addRow(self.tr("Use of funds:"), self.purpose)
        texts.addLayout(purpose, 1)
        goal_buttons = QVBoxLayout()
        for button in (self.add_goal, self.remove_goal, self.goal_up, self.goal_down):
            goal_buttons.addWidget(button)
        goal_buttons.addStretch(1)
        goals = QFormLayout()
        goals_row = QHBoxLayout()
        goals_row.addWidget(self.goals, 1)
        goals_row.addLayout(goal_buttons)
        goal_buttons.setSpacing(2)
        goals.addRow(self.tr("Goals:"), goals_row)
        texts.addLayout(goals, 1)
        # Four lines each: the grid below is what the clerk works in most.
        text_height = self.purpose.fontMetrics().lineSpacing() * 4 + 14
        self.purpose.setFixedHeight(text_height)
        self.goals.setFixedHeight(text_height)

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addLayout(form)
        top_layout.addLayout(texts)
        scroll = QScrollArea()
        scroll.setWidget(top)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.form_area = scroll
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(scroll)
        self.splitter.addWidget(self.grid)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        # The form may be folded away (dragged shut, or the button) to give a small screen's
        # height to the grid; the grid itself always stays.
        self.splitter.setCollapsible(0, True)
        self.splitter.setCollapsible(1, False)
        self.splitter.splitterMoved.connect(self._splitter_moved)

        # The title line stays when the form is folded away, with the button that folds it.
        self.collapse_form = QToolButton()
        self.collapse_form.setObjectName("collapseForm")
        self.collapse_form.setCheckable(True)
        self.collapse_form.setText(self.tr("Hide the project form"))
        self.collapse_form.setShortcut(QKeySequence("Ctrl+Shift+F"))
        self.collapse_form.setToolTip(self.tr("Hide the project form to give the indicator grid the height "
                                              "(Ctrl+Shift+F); click again to show it"))
        self.collapse_form.toggled.connect(self._fold_form)
        self._form_sizes: list[int] | None = None
        title_line = QHBoxLayout()
        title_line.addWidget(self.title, 1)
        title_line.addWidget(self.collapse_form, 0, Qt.AlignmentFlag.AlignBottom)

        layout = QVBoxLayout(self)
        layout.addLayout(title_line)
        layout.addWidget(self.splitter, 1)
        top.adjustSize()
        self.splitter.setSizes([top.sizeHint().height(), 400])

    def _fold_form(self, folded: bool) -> None:
        """Hide the form above the grid (the grid takes its height), or show it again at the
        height it had."""
        if folded:
            if self.form_area.isVisible() and self.splitter.sizes()[0] > 0:
                self._form_sizes = self.splitter.sizes()
            self.form_area.hide()
            return
        self.form_area.show()
        total = sum(self.splitter.sizes())
        sizes = self._form_sizes
        if sizes is None or abs(sum(sizes) - total) > self.splitter.handleWidth():
            # Dragged shut, or the window has another size now: the form at its full height.
            form = self.form_area.widget().sizeHint().height()
            sizes = [form, max(total - form, 0)]
        self.splitter.setSizes(sizes)

    def _splitter_moved(self, *_: object) -> None:
        """Dragging the form shut (or open again) sets the button as clicking it would."""
        shut = self.splitter.sizes()[0] == 0
        if shut != self.collapse_form.isChecked():
            self.collapse_form.blockSignals(True)
            self.collapse_form.setChecked(shut)
            self.collapse_form.blockSignals(False)

    # ------------------------------------------------------------- pointing
    def detach(self) -> None:
        self.document.unsubscribe(self._changed)
        self.goals_model.detach()

    def _valid(self) -> bool:
        return (self.unit is not None and 0 <= self.unit < len(self.document.units)
                and 0 <= self.project < len(self.document.units[self.unit].projects))

    def _locate(self):
        return ("project", self.project, self.unit, None) if self._valid() else None

    def current(self):
        return self.document.project(self.unit, self.project) if self._valid() else None

    def set_project(self, unit: int, project: int) -> None:
        self.unit, self.project = unit, project
        self.goals_model.set_owner(unit, project)
        self.grid.set_project(unit, project)
        self.refresh()

    def refresh(self) -> None:
        if not self._valid():
            return
        self.binder.refresh()
        self._refresh_title()
        self._refresh_units()
        self._refresh_goal_buttons()

    def _refresh_title(self) -> None:
        project = self.current()
        number = self.document.project_number(self.unit, self.project)
        self.title.setText(f"{number}.{project.title}")

    def _refresh_units(self) -> None:
        self.unit_box.clear()
        for unit in self.document.units:
            self.unit_box.addItem(unit.label or self.tr("(unnamed unit)"))
        self.unit_box.setCurrentIndex(self.unit)

    def _refresh_goal_buttons(self) -> None:
        row = self.goals.currentIndex().row()
        count = self.goals_model.rowCount()
        self.remove_goal.setEnabled(0 <= row < count)
        self.goal_up.setEnabled(0 < row < count)
        self.goal_down.setEnabled(0 <= row < count - 1)

    def _changed(self, change: Change) -> None:
        if not self._valid():
            return
        if change.target == "project" and change.action == "updated":
            if (change.unit, change.index) == (self.unit, self.project):
                self.binder.refresh(change.fields)
                if "name" in change.fields:
                    self._refresh_title()
        elif change.target == "unit" and change.action == "updated":
            self._refresh_units()
        elif change.action == "reset" or change.target in ("unit", "project"):
            self.refresh()
        elif change.target == "goal":
            self._refresh_goal_buttons()

    def focus_field(self, field: str) -> None:
        """Put the cursor in the field a review finding names (code, name, budget_total …)."""
        widgets = {"code": self.code, "name": self.name, "budget_total": self.budget_total,
                   "budget_fiscal": self.budget_fiscal, "budget_other": self.budget_other,
                   "purpose": self.purpose, "spending_plan": self.plan_fields[0], "goals": self.goals,
                   "unit": self.unit_box, "indicators": self.grid.view}
        widget = widgets.get(field)
        if widget is not None:
            widget.setFocus()

    # ---------------------------------------------------------------- review
    def _read_review(self) -> ProjectReview:
        # Validated afresh (model_copy would not): the combo box hands its data back as a str.
        return ProjectReview(status=ReviewStatus(self.review_status.currentData()),
                             comment=self.review_comment.text().strip(), accepted=self.current().review.accepted)

    def _write_review(self, review: ProjectReview) -> None:
        self.review_status.setCurrentIndex(max(self.review_status.findData(review.status), 0))
        if self.review_comment.text().strip() != review.comment:
            self.review_comment.set_text(review.comment)

    # --------------------------------------------------------- spending plan
    def _read_plan(self) -> SpendingPlan:
        values = [field.value() for field in self.plan_fields]  # ValueError while half typed
        labels = [label.text() for label in self.plan_labels]
        return SpendingPlan.of(values, labels)

    def _write_plan(self, plan: SpendingPlan) -> None:
        for label, field, checkpoint in zip(self.plan_labels, self.plan_fields, plan.checkpoints):
            label.setText(checkpoint.label)
            field.set_value(checkpoint.value)
        self.plan_kind.setCurrentIndex(1 if tuple(plan.labels) == QUARTER_CHECKPOINTS else 0)

    def _plan_kind_chosen(self, index: int) -> None:
        project = self.current()
        if project is None:
            return
        labels = _PLAN_LABELS[self.plan_kind.itemData(index)]
        if tuple(project.spending_plan.labels) == labels:
            return
        for label, text in zip(self.plan_labels, labels):
            label.setText(text)
        self.binder.push_now(self._plan_binding)

    # ------------------------------------------------------------------ unit
    def _unit_chosen(self, index: int) -> None:
        if not self._valid() or index == self.unit or index < 0:
            return
        to_index = len(self.document.units[index].projects)
        self.undo_stack.push(MoveProjectCommand(self.document, self.unit, self.project, index, to_index))
        # The window follows the project to its new place (see MainWindow._follow).

    # ----------------------------------------------------------------- goals
    def _add_goal(self) -> None:
        if not self._valid():
            return
        row = self.goals.currentIndex().row()
        at = self.goals_model.rowCount() if row < 0 else row + 1
        command = InsertCommand(self.document, "goal", at, "", unit=self.unit, project=self.project)
        self.undo_stack.push(command)
        index = self.goals_model.index(at, 0)
        self.goals.setCurrentIndex(index)
        self._added_goal = command
        self.goals.edit(index)

    def _goal_editor_closed(self, *_: object) -> None:
        """Escape (or nothing typed) right after Add takes the empty goal back out:
        a blank "3." would otherwise be printed in the table."""
        added, self._added_goal = self._added_goal, None
        if added is None or self.undo_stack.command(self.undo_stack.index() - 1) is not added:
            return
        row = self.goals.currentIndex().row()
        if self._valid() and 0 <= row < self.goals_model.rowCount() and not self.current().goals[row].strip():
            self.undo_stack.undo()

    def _remove_goal(self) -> None:
        row = self.goals.currentIndex().row()
        if self._valid() and 0 <= row < self.goals_model.rowCount():
            self.undo_stack.push(RemoveCommand(self.document, "goal", row, unit=self.unit, project=self.project))

    def _move_goal(self, step: int) -> None:
        row = self.goals.currentIndex().row()
        if not self._valid() or not 0 <= row + step < self.goals_model.rowCount() or row < 0:
            return
        self.undo_stack.push(MoveCommand(self.document, "goal", row, row + step, unit=self.unit,
                                         project=self.project))
        self.goals.selectionModel().setCurrentIndex(self.goals_model.index(row + step, 0),
                                                    QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self._refresh_goal_buttons()
