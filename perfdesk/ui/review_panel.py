"""The review dock (审核): findings grouped by project, a severity filter, one-click fixes.

It follows the clerk's edits: every document change is noted and, after a short pause in
typing (a 200 ms single-shot timer), only the touched projects are re-checked and only their
groups of the dock are replaced, so a 2,000-project document answers as fast as a small one.
A document of 300 projects or more is first checked in slices between the clerk's events
(``checking()``; asking for the findings or the count finishes the check at once). Double-clicking a finding emits
``findingActivated(unit, project, row, field)`` for the window to open that cell. Fixes are
pushed as UpdateCommands, then RemoveCommands (a duplicated row taken out), in one undo
macro. The rule data is the bundled region's unless another file is chosen ("Rule data…");
``rulesChanged(path)`` tells the window to remember the choice. Nothing here blocks saving
or printing; the window asks :meth:`ReviewPanel.confirm_export` once before a PDF export
with errors left.

The bureau's reviewer can accept a finding (核实保留…, with a reason): it is stored in the
document (see :mod:`perfdesk.review.acceptance`), counted apart, hidden unless "Accepted" is
ticked, and can be reopened. With the origins of the file that was read
(:meth:`ReviewPanel.set_origins`) each finding names the sheet and cell of that workbook.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QHeaderView,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from perfdesk.errors import PerfdeskError
from perfdesk.model import Change, Document, format_amount
from perfdesk.qtmodels.findings_model import (
    COL_FIX,
    COL_MESSAGE,
    COL_PLACE,
    COL_SEVERITY,
    FindingsModel,
    GroupKeyRole,
)
from perfdesk.review import Finding, Fix, ReviewRules, Severity, count_by_severity, load_rules, load_rules_file
from perfdesk.review.acceptance import acceptance, acceptance_update
from perfdesk.review.live import LiveReview, group_of
from perfdesk.undo import RemoveCommand, UpdateCommand

DEBOUNCE_MS = 200
CHECK_IN_SLICES_FROM = 300  # projects: from here the first check runs in slices
SLICE_PROJECTS = 40  # projects checked per slice (about 20 ms)
BUDGET_SUM_RULE = "budget-sum"  # its fix changes 财政资金; the dock asks first


class ReviewPanel(QWidget):
    findingActivated = Signal(int, int, int, str)  # unit, project, indicator row (-1), field
    countsChanged = Signal(int, int, int)           # errors, warnings, hints (not accepted ones)
    rulesChanged = Signal(str)                      # the rule data file now used ("" = bundled)

    def __init__(self, document: Document, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewPanel")
        self._document: Document | None = None
        self._undo_stack = undo_stack
        self._live: LiveReview | None = None
        self._counts = {"error": 0, "warning": 0, "hint": 0}
        self._accepted_count = 0
        self._group_counts: dict = {}  # (unit, project) → its counts, so one group can be recounted
        self._group_accepted: dict = {}  # (unit, project) → how many of its findings were accepted
        self._origins = None  # where the fields of the file that was read came from
        self._rules: ReviewRules | None = None  # None: the bundled region's rule data
        self._rules_path = ""
        self._collapsed: set = set()  # groups the clerk closed; all others (and new ones) open

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.refresh_now)
        self._slices = QTimer(self)  # the first check of a large document, a slice at a time
        self._slices.setInterval(0)
        self._slices.timeout.connect(self._next_slice)

        self.model = FindingsModel(document, self)
        self.view = QTreeView(self)
        self.view.setObjectName("reviewFindings")
        self.view.setModel(self.model)
        self.view.setUniformRowHeights(True)
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(False)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COL_MESSAGE, QHeaderView.ResizeMode.Stretch)
        # Fixed widths: sizing to contents would visit every row after each re-check.
        header.setSectionResizeMode(COL_SEVERITY, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_PLACE, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_FIX, QHeaderView.ResizeMode.Interactive)
        metrics = self.view.fontMetrics()
        header.resizeSection(COL_SEVERITY, metrics.horizontalAdvance("Warning  警告") + 16)
        header.resizeSection(COL_PLACE, metrics.horizontalAdvance("F14（工作表“1.改制企业相关费用”）第 10 行 指标值") + 16)
        header.resizeSection(COL_FIX, metrics.horizontalAdvance("将指标值改为 ≥95%（去掉“百分比”）") + 16)
        self.view.doubleClicked.connect(self._activate)
        self.model.placesChanged.connect(self.view.viewport().update)
        self.model.rowsInserted.connect(self._groups_inserted)
        self.view.collapsed.connect(lambda index: self._collapsed.add(index.data(GroupKeyRole)))
        self.view.expanded.connect(lambda index: self._collapsed.discard(index.data(GroupKeyRole)))
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.view.selectionModel().currentChanged.connect(self._update_fix_button)

        self._filters: dict[Severity, QCheckBox] = {}
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        for severity, name in ((Severity.ERROR, "errors"), (Severity.WARNING, "warnings"), (Severity.HINT, "hints")):
            box = QCheckBox(self)
            box.setObjectName(f"reviewShow_{name}")
            box.setChecked(True)
            box.toggled.connect(self._filter_changed)
            self._filters[severity] = box
            bar.addWidget(box)
        self.accepted_filter = QCheckBox(self)
        self.accepted_filter.setObjectName("reviewShow_accepted")
        self.accepted_filter.setChecked(False)  # accepted findings are settled: out of the way
        self.accepted_filter.toggled.connect(self._accepted_filter_changed)
        bar.addWidget(self.accepted_filter)
        bar.addStretch(1)
        self.accept_button = QPushButton(self.tr("Accept…"), self)
        self.accept_button.setObjectName("reviewAccept")
        self.accept_button.setEnabled(False)
        self.accept_button.clicked.connect(self.toggle_accept_current)
        bar.addWidget(self.accept_button)
        self.fix_button = QPushButton(self.tr("Fix"), self)
        self.fix_button.setObjectName("reviewFix")
        self.fix_button.setEnabled(False)
        self.fix_button.clicked.connect(self.fix_current)
        bar.addWidget(self.fix_button)
        self.rules_button = QToolButton(self)
        self.rules_button.setObjectName("reviewRules")
        self.rules_button.setText(self.tr("Rule data…"))
        self.rules_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        rules_menu = QMenu(self.rules_button)
        self.choose_rules_action = rules_menu.addAction(self.tr("Load another region's rule data…"))
        self.choose_rules_action.triggered.connect(self.choose_rules_file)
        self.default_rules_action = rules_menu.addAction(self.tr("Use the bundled rule data"))
        self.default_rules_action.triggered.connect(lambda: self.set_rules_file(""))
        self.rules_button.setMenu(rules_menu)
        bar.addWidget(self.rules_button)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("reviewStatus")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status_label)
        self._show_rules()
        self.set_document(document, undo_stack)

    # ------------------------------------------------------------- document
    def set_document(self, document: Document, undo_stack: QUndoStack) -> None:
        """Follow another document (a file was opened); checks it at once."""
        if self._document is not None:
            self._document.unsubscribe(self._changed)
        self._timer.stop()
        self._slices.stop()
        self._document, self._undo_stack = document, undo_stack
        self._live = LiveReview(document, rules=self._rules)
        document.subscribe(self._changed)
        self.model.set_document(document)
        self.set_origins(None)
        self._collapsed = set()
        if document.project_count() >= CHECK_IN_SLICES_FROM:
            # A large document's first check (about 1 s at 2,000 projects) runs in slices between
            # the clerk's events; asking for the findings or the count finishes it at once.
            self._counts, self._accepted_count = {"error": 0, "warning": 0, "hint": 0}, 0
            self.model.set_findings([], {})
            self.status_label.setText(self.tr("Checking…"))
            self._slices.start()
        else:
            self.refresh_now()

    def _next_slice(self) -> None:
        if self._live.warm(SLICE_PROJECTS):
            self.refresh_now()

    def set_origins(self, origins) -> None:  # noqa: ANN001 - perfdesk.fileio.Origins or None
        """Where the fields of the file that was read came from: findings then name its cells."""
        from perfdesk.papers.locate import place_of

        self._origins = origins
        document = self._document
        self.model.set_locator(None if origins is None else (lambda finding: place_of(finding, document, origins)))

    def detach(self) -> None:
        """Stop following the document (before the panel is dropped)."""
        self._timer.stop()
        self._slices.stop()
        if self._document is not None:
            self._document.unsubscribe(self._changed)

    # ------------------------------------------------------------ rule data
    def rules(self) -> ReviewRules:
        """The rule data the findings come from."""
        return self._live.rules

    def rules_path(self) -> str:
        return self._rules_path

    def set_rules(self, rules: ReviewRules | None, path: str = "") -> None:
        """Check with ``rules`` (None: the bundled ones) from now on; re-checks everything."""
        self._rules, self._rules_path = rules, path if rules is not None else ""
        self._timer.stop()
        self._live = LiveReview(self._document, rules=rules)
        self._show_rules()
        self.refresh_now()

    def set_rules_file(self, path: str, ask: bool = True) -> bool:
        """Check with the rule data in ``path`` ("" for the bundled data). A file that cannot
        be read leaves the current rules in force: with ``ask`` the clerk is told why."""
        path = str(path or "")
        try:
            rules = load_rules_file(path) if path else None
        except PerfdeskError as error:
            if ask:
                QMessageBox.warning(self, self.tr("Rule data"), str(error))
            return False
        self.set_rules(rules, path)
        self.rulesChanged.emit(path)
        return True

    def choose_rules_file(self) -> bool:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose review rule data"), self._rules_path,
                                              self.tr("Review rule data (*.json)"))
        return self.set_rules_file(path) if path else False

    def _show_rules(self) -> None:
        rules = self._rules or load_rules()
        name = rules.name or rules.id
        where = self._rules_path or self.tr("bundled")
        self.rules_button.setToolTip(self.tr("Review rules: %1 (%2)").replace("%1", name).replace("%2", where))
        self.default_rules_action.setEnabled(self._rules is not None)

    def _changed(self, change: Change) -> None:
        self._live.note(change)
        self._timer.start()  # restarting it is the debounce: checks run once typing pauses

    def refresh_now(self) -> None:
        """Re-check what changed since the last check and show the result. After edits inside
        projects only their groups (and the document's rules) are visited, whatever the size."""
        self._timer.stop()
        self._slices.stop()
        current = self.current_finding()
        self._live.refresh()
        changed = self._live.changed
        if changed is None:
            findings = self._live.findings
            by_key: dict = {}
            for finding in findings:
                by_key.setdefault(group_of(finding), []).append(finding)
            self._group_counts, self._group_accepted = {}, {}
            self._counts, self._accepted_count = {"error": 0, "warning": 0, "hint": 0}, 0
            accepted = {}
            for key, group in by_key.items():
                accepted.update(self._count_group(key, group))
            self.model.set_findings(findings, accepted)  # new groups open through _groups_inserted
        else:
            self.model.update_groups({key: (found, self._count_group(key, found))
                                      for key in changed for found in [self._live.findings_of(key)]})
        if current is not None:
            index = self.model.index_of(current)
            if index.isValid():
                self.view.setCurrentIndex(index)
        self._show_counts()
        self.countsChanged.emit(self._counts["error"], self._counts["warning"], self._counts["hint"])

    def _count_group(self, key, findings: list[Finding]) -> dict[Finding, str]:  # noqa: ANN001
        """Count one group's findings in place of what it had; its accepted ones with their reason."""
        accepted = {}
        for finding in findings:
            given = acceptance(finding, self._document)
            if given is not None:
                accepted[finding] = given.reason
        counts = count_by_severity([f for f in findings if f not in accepted])
        for severity, number in self._group_counts.pop(key, {}).items():
            self._counts[severity] -= number
        for severity, number in counts.items():
            self._counts[severity] = self._counts.get(severity, 0) + number
        self._accepted_count += len(accepted) - self._group_accepted.pop(key, 0)
        if findings:
            self._group_counts[key], self._group_accepted[key] = counts, len(accepted)
        return accepted

    def _groups_inserted(self, parent: QModelIndex, first: int, last: int) -> None:
        if parent.isValid():
            return
        if last - first >= 50:  # a whole document's groups: one C++ pass, not 2,000 expand() calls
            self._restore_expansion()
            return
        for row in range(first, last + 1):
            index = self.model.index(row, 0)
            self.view.setFirstColumnSpanned(row, QModelIndex(), True)  # long project names
            if index.data(GroupKeyRole) not in self._collapsed:
                self.view.expand(index)

    def _restore_expansion(self) -> None:
        # expandAll is one C++ pass; closing the few groups the clerk closed is cheaper than
        # opening hundreds one by one. Signals are blocked so this does not count as the clerk's.
        collapsed = set(self._collapsed)
        blocked = self.view.blockSignals(True)
        try:
            self.view.expandAll()
            for row in range(self.model.rowCount()):
                self.view.setFirstColumnSpanned(row, QModelIndex(), True)
            for key in collapsed:
                index = self.model.group_index(key)
                if index.isValid():
                    self.view.collapse(index)
        finally:
            self.view.blockSignals(blocked)
        self._collapsed = collapsed

    def _show_counts(self) -> None:
        labels = {Severity.ERROR: self.tr("Errors (%1)"), Severity.WARNING: self.tr("Warnings (%1)"),
                  Severity.HINT: self.tr("Hints (%1)")}
        for severity, box in self._filters.items():
            box.setText(labels[severity].replace("%1", str(self._counts[severity.value])))
        self.accepted_filter.setText(self.tr("Accepted (%1)").replace("%1", str(self._accepted_count)))
        if not any(self._counts.values()):
            text = self.tr("No problems found.")
        else:
            text = self.tr("Double-click a finding to go to its cell.")
        if self._rules is not None:  # another region's rules: say so, the counts depend on it
            text += "  " + self.tr("Rule data: %1").replace("%1", self._rules.name or self._rules.id)
        self.status_label.setText(text)
        self._update_fix_button()

    # -------------------------------------------------------------- queries
    def findings(self) -> list[Finding]:
        """All current findings (after any pending re-check)."""
        if self._timer.isActive() or self._slices.isActive():
            self.refresh_now()
        return self._live.findings

    def error_count(self) -> int:
        """Errors left now, for the window's "export with errors remaining?" question."""
        if self._timer.isActive() or self._slices.isActive():
            self.refresh_now()
        return self._counts["error"]

    def checking(self) -> bool:
        """Whether a large document's first check is still running in slices."""
        return self._slices.isActive()

    def checked_error_count(self) -> int:
        """Errors found by the last check, without checking again (the status bar's count)."""
        return self._counts["error"]

    def current_finding(self) -> Finding | None:
        return self.model.finding(self.view.currentIndex())

    def confirm_export(self, parent: QWidget | None = None) -> bool:
        """Ask once whether to export a PDF while errors remain; True to go ahead."""
        errors = self.error_count()
        if errors == 0:
            return True
        answer = QMessageBox.question(
            parent or self, self.tr("Errors remain"),
            self.tr("The review found %1 error(s). Export the PDF anyway?").replace("%1", str(errors)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    # -------------------------------------------------------------- actions
    def _filter_changed(self) -> None:
        shown = {severity for severity, box in self._filters.items() if box.isChecked()}
        self.model.set_visible_severities(shown)
        self._restore_expansion()
        self._update_fix_button()

    def show_severities(self, severities: set[Severity]) -> None:
        for severity, box in self._filters.items():
            box.setChecked(severity in severities)

    def follow(self, unit: int, project: int) -> bool:
        """Show the findings of the project the clerk selected elsewhere (the department tree):
        scroll to its group and make it the current row, without taking the keyboard focus.
        ``(-1, -1)`` is the document's group (cover, Part 1, units). A finding of that group
        that is already current stays current (the clerk came here from it). A project without
        findings clears the selection, so that no other project's group looks like its own.
        Returns whether a group was found."""
        key = (unit, project)
        current = self.view.currentIndex()
        if current.isValid() and current.data(GroupKeyRole) == key:
            self.view.scrollTo(current)
            return True
        index = self.model.group_index(key)
        if not index.isValid():
            self.view.selectionModel().clearSelection()
            self.view.setCurrentIndex(QModelIndex())
            return False
        self.view.setCurrentIndex(index)  # selects it too (single selection); focus stays put
        self.view.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtTop)
        return True

    def _activate(self, index: QModelIndex) -> None:
        finding = self.model.finding(index)
        if finding is None:
            return
        self.activate(finding)

    def activate(self, finding: Finding) -> None:
        unit = -1 if finding.unit is None else finding.unit
        project = -1 if finding.project is None else finding.project
        row = -1 if finding.row is None else finding.row
        self.findingActivated.emit(unit, project, row, finding.field or "")

    def _update_fix_button(self, *args) -> None:
        finding = self.current_finding()
        fix = finding.fix if finding else None
        self.fix_button.setEnabled(fix is not None)
        self.fix_button.setToolTip(fix.label if fix else "")
        self.accept_button.setEnabled(finding is not None)
        accepted = finding is not None and self.model.accepted_reason(finding) is not None
        self.accept_button.setText(self.tr("Reopen") if accepted else self.tr("Accept…"))

    def accepted_count(self) -> int:
        return self._accepted_count

    def _accepted_filter_changed(self, show: bool) -> None:
        self.model.set_show_accepted(show)
        self._restore_expansion()
        self._update_fix_button()

    def toggle_accept_current(self) -> bool:
        """Accept the current finding (asking the reason), or reopen it if it was accepted."""
        finding = self.current_finding()
        if finding is None:
            return False
        if self.model.accepted_reason(finding) is not None:
            return self.set_accepted(finding, None)
        reason, ok = QInputDialog.getText(
            self, self.tr("Accept finding"),
            self.tr("The finding stays as it is and is counted apart.\nReason (for the department and the file):"))
        return self.set_accepted(finding, reason) if ok else False

    def set_accepted(self, finding: Finding, reason: str | None) -> bool:
        """Accept ``finding`` with ``reason`` (None: reopen it) as one undoable step."""
        if self._timer.isActive() or self._slices.isActive():
            self.refresh_now()
        target, fields, index, unit, project = acceptance_update(finding, self._document, reason)
        text = self.tr("Accept finding") if reason is not None else self.tr("Reopen finding")
        self._undo_stack.push(UpdateCommand(self._document, target, fields, index, unit, project, text=text))
        self.refresh_now()
        return True

    def fix_current(self) -> bool:
        finding = self.current_finding()
        return self.apply_fix(finding) if finding is not None else False

    def apply_fix(self, finding: Finding) -> bool:
        """Push the finding's fix as one undoable step; False if it no longer applies or the
        clerk cancels (预算数 ≠ 财政资金 + 其他资金 first asks which figure is wrong)."""
        if self._timer.isActive() or self._slices.isActive():
            self.refresh_now()
            finding = next((f for f in self._live.findings if f == finding), None)
        if finding is None or finding.fix is None:
            return False
        fix = self._choose_budget_fix(finding) if finding.rule == BUDGET_SUM_RULE else finding.fix
        if fix is None:
            return False
        self._undo_stack.beginMacro(fix.label)
        try:
            for target, fields, index, unit, project in fix.updates:
                self._undo_stack.push(UpdateCommand(self._document, target, fields, index, unit, project))
            for target, index, unit, project in fix.removals:  # highest index first
                self._undo_stack.push(RemoveCommand(self._document, target, index, unit, project))
        finally:
            self._undo_stack.endMacro()
        self.refresh_now()
        return True

    def _choose_budget_fix(self, finding: Finding) -> Fix | None:
        """Ask which of 预算数 / 财政资金 is wrong: the rule's fix (财政资金 = 预算数 − 其他资金) or
        预算数 = 财政资金 + 其他资金, built here from the finding's project; None: cancelled."""
        fiscal_fix = finding.fix
        try:
            project = self._document.project(finding.unit, finding.project)
        except (IndexError, TypeError):
            return fiscal_fix
        if project.budget_fiscal is None and project.budget_other is None:
            return fiscal_fix  # nothing to add up: 预算数 cannot be the wrong one
        total = (project.budget_fiscal or 0) + (project.budget_other or 0)
        total_fix = Fix(f"预算数改为 {format_amount(total)}（财政资金 + 其他资金）",
                        (("project", {"budget_total": total}, finding.project, finding.unit, None),))
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Budget amounts"), finding.message, parent=self)
        box.setObjectName("budgetFixQuestion")
        box.setInformativeText(self.tr("Which figure is wrong?") + f"\n{total_fix.label}\n{fiscal_fix.label}")
        total_button = box.addButton(self.tr("Correct the budget total"), QMessageBox.ButtonRole.AcceptRole)
        total_button.setObjectName("fixBudgetTotal")
        total_button.setToolTip(total_fix.label)
        fiscal_button = box.addButton(self.tr("Correct the fiscal funds"), QMessageBox.ButtonRole.AcceptRole)
        fiscal_button.setObjectName("fixBudgetFiscal")
        fiscal_button.setToolTip(fiscal_fix.label)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(fiscal_button)
        box.exec()
        clicked = box.clickedButton()
        box.deleteLater()
        if clicked is total_button:
            return total_fix
        if clicked is fiscal_button:
            return fiscal_fix
        return None

    def _context_menu(self, point: QPoint) -> None:
        finding = self.model.finding(self.view.indexAt(point))
        if finding is None:
            return
        menu = QMenu(self)
        go = QAction(self.tr("Go to cell"), menu)
        go.triggered.connect(lambda: self.activate(finding))
        menu.addAction(go)
        if finding.fix is not None:
            fix = QAction(self.tr("Fix: %1").replace("%1", finding.fix.label), menu)
            fix.triggered.connect(lambda: self.apply_fix(finding))
            menu.addAction(fix)
        accepted = self.model.accepted_reason(finding) is not None
        keep = QAction(self.tr("Reopen") if accepted else self.tr("Accept…"), menu)
        keep.triggered.connect(self.toggle_accept_current)
        menu.addAction(keep)
        self.view.setCurrentIndex(self.view.indexAt(point))
        menu.exec(self.view.viewport().mapToGlobal(point))
