"""The editor of a budget unit (预算单位): its 6-digit code and name, and a read-only list of
its projects with their amounts (the tree is where projects are added and ordered); clicking a
project's name there opens it (``projectChosen``)."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QFormLayout, QLabel, QTextBrowser, QVBoxLayout, QWidget

from perfdesk.model import Change, Document, format_amount
from perfdesk.ui.widgets import FieldBinder, LineField, hline, section_label, title_label


class UnitEditor(QWidget):
    projectChosen = Signal(int, int)  # (unit, project) clicked in the list

    def __init__(self, document: Document, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("unitEditor")
        self.document = document
        self.unit: int | None = None
        self.binder = FieldBinder(document, undo_stack, self._locate)

        self.title = title_label()
        self.code = LineField()
        self.code.setObjectName("unitCode")
        self.code.setMaxLength(12)
        self.code.setMaximumWidth(140)
        self.code.setPlaceholderText("112001")
        self.name = LineField()
        self.name.setObjectName("unitName")
        self.totals = QLabel()
        self.projects = QTextBrowser()
        self.projects.setObjectName("unitProjects")
        self.projects.setOpenLinks(False)  # a link names a project of this unit, not a page
        self.projects.anchorClicked.connect(self._link_clicked)

        form = QFormLayout()
        form.addRow(self.tr("Unit code:"), self.code)
        form.addRow(self.tr("Unit name:"), self.name)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(hline())
        layout.addLayout(form)
        layout.addSpacing(8)
        layout.addWidget(section_label(self.tr("Projects of this unit")))
        layout.addWidget(self.totals)
        layout.addWidget(self.projects, 1)

        self.binder.text(self.code, "code")
        self.binder.text(self.name, "name")
        document.subscribe(self._changed)

    def detach(self) -> None:
        self.document.unsubscribe(self._changed)

    def _locate(self):
        if self.unit is None or not 0 <= self.unit < len(self.document.units):
            return None
        return ("unit", self.unit, None, None)

    def set_unit(self, unit: int) -> None:
        self.unit = unit
        self.refresh()

    def refresh(self) -> None:
        if self._locate() is None:
            return
        self.binder.refresh()
        unit = self.document.units[self.unit]
        self.title.setText(unit.label or self.tr("(unnamed unit)"))
        total = sum((p.budget_total or Decimal(0) for p in unit.projects), Decimal("0.00"))
        self.totals.setText(self.tr("%n project(s), budget total %1 (10,000 yuan)", "", len(unit.projects))
                            .replace("%1", format_amount(total)))
        heading = "".join(f"<th align='{align}'>{_escape(text)}</th>" for align, text in (
            ("right", self.tr("No.")), ("left", self.tr("Project code")), ("left", self.tr("Project name")),
            ("right", self.tr("Budget (10,000 yuan)"))))
        rows = [f"<tr>{heading}</tr>"]
        for p, project in enumerate(unit.projects):
            number = self.document.project_number(self.unit, p)
            name = _escape(project.name) or _escape(self.tr("(unnamed project)"))
            rows.append(f"<tr><td align='right'>{number}.</td><td>{_escape(project.code)}</td>"
                        f"<td><a href='project:{p}'>{name}</a></td>"
                        f"<td align='right' style='white-space: nowrap'>{format_amount(project.budget_total)}</td></tr>")
        self.projects.setHtml("<table width='100%' cellspacing='0' cellpadding='4'>" + "".join(rows) + "</table>")
        self.projects.setAlignment(Qt.AlignmentFlag.AlignLeft)

    def _link_clicked(self, url: QUrl) -> None:
        scheme, _, project = url.toString().partition(":")
        if scheme == "project" and project.isdigit() and self.unit is not None:
            self.projectChosen.emit(self.unit, int(project))

    def _changed(self, change: Change) -> None:
        if self.unit is None or not self.isVisible():
            return  # the window refreshes an editor when it shows it
        if change.target == "unit" and change.action == "updated" and change.index == self.unit:
            self.binder.refresh(change.fields)
            self.title.setText(self.document.units[self.unit].label)
        elif change.target in ("project", "unit") or change.action == "reset":
            # Structure changed: the window re-points this editor; show what is there now.
            self.refresh()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
