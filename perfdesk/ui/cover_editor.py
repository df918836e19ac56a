"""The editor of the document node: the cover fields (department, year, status, 编制, 审核)
and the indicator framework, with a summary of what the document holds."""

from __future__ import annotations

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from perfdesk.model import Change, Document, DocumentStatus, available_frameworks, format_amount, load_framework
from perfdesk.ui.widgets import FieldBinder, LineField, hline, section_label, title_label


def document_totals(document: Document) -> tuple[int, object, object, object]:
    """(project count, 预算数, 财政资金, 其他资金) summed exactly over all projects."""
    from decimal import Decimal

    total = fiscal = other = Decimal("0.00")
    count = 0
    for _, _, _, project in document.projects():
        count += 1
        total += project.budget_total or 0
        fiscal += project.budget_fiscal or 0
        other += project.budget_other or 0
    return count, total, fiscal, other


class CoverEditor(QWidget):
    def __init__(self, document: Document, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("coverEditor")
        self.document = document
        self.binder = FieldBinder(document, undo_stack, lambda: ("document", None, None, None))

        self.title = title_label()
        self.department = LineField()
        self.department.setObjectName("department")
        self.year = LineField()
        self.year.setObjectName("year")
        self.year.setMaximumWidth(80)
        self.status = QComboBox()
        self.status.setObjectName("status")
        status_names = {DocumentStatus.DRAFT: self.tr("Draft"), DocumentStatus.FINAL: self.tr("Final")}
        for status in DocumentStatus:  # the value (草案/正式) is the item's data, the text the interface's word
            self.status.addItem(status_names.get(status, status.value), status)
        self.prepared_by = LineField()
        self.prepared_by.setObjectName("preparedBy")
        self.reviewed_by = LineField()
        self.reviewed_by.setObjectName("reviewedBy")
        self.status.setMaximumWidth(160)
        self.framework = QComboBox()
        self.framework.setMaximumWidth(420)
        self.framework.setObjectName("framework")
        for framework_id in available_frameworks():
            try:
                name = load_framework(framework_id).name
            except Exception:  # a broken framework file must not keep the window from opening
                continue
            self.framework.addItem(name, framework_id)
        self.summary = QLabel()
        self.summary.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("Department:"), self.department)
        form.addRow(self.tr("Budget year:"), self.year)
        form.addRow(self.tr("Status:"), self.status)
        form.addRow(self.tr("Prepared by:"), self.prepared_by)
        form.addRow(self.tr("Reviewed by:"), self.reviewed_by)
        form.addRow(self.tr("Indicator framework:"), self.framework)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(hline())
        layout.addLayout(form)
        layout.addSpacing(12)
        layout.addWidget(section_label(self.tr("Contents")))
        layout.addWidget(self.summary)
        layout.addStretch(1)

        self.binder.text(self.department, "department")
        self.binder.year(self.year, "year")
        self.binder.choice(self.status, "status")
        self.binder.text(self.prepared_by, "prepared_by")
        self.binder.text(self.reviewed_by, "reviewed_by")
        self.binder.choice(self.framework, "framework")
        document.subscribe(self._changed)
        self.refresh()

    def detach(self) -> None:
        self.document.unsubscribe(self._changed)

    def refresh(self) -> None:
        self.binder.refresh()
        self.title.setText(self.document.title)
        count, total, fiscal, other = document_totals(self.document)
        self.summary.setText(self.tr("%n budget unit(s), ", "", len(self.document.units))
                             + self.tr("%n project(s); ", "", count)
                             + self.tr("budget %1, fiscal funds %2, other funds %3 (10,000 yuan).")
                             .replace("%1", format_amount(total)).replace("%2", format_amount(fiscal))
                             .replace("%3", format_amount(other)))

    def _changed(self, change: Change) -> None:
        if not self.isVisible():
            return  # the window refreshes an editor when it shows it
        if change.target == "document" and change.action == "updated":
            self.binder.refresh(change.fields)
            self.title.setText(self.document.title)
        elif change.action == "reset":
            self.refresh()
        elif change.target in ("unit", "project"):
            self.refresh()
