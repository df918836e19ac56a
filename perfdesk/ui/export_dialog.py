"""What File ▸ Export PDF (or Export Word) prints: the whole document or only chosen projects,
and, when the caller asks for it, in which print profile (compact, 公文 GB/T 9704 …).

Chosen projects are handed to :func:`perfdesk.pdf.export_pdf` as ``project_codes``, the same
restriction as ``perfdesk export --project CODE``; a project is therefore chosen by its
项目编码: one without a code cannot be exported alone, and projects sharing a code go together.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QComboBox,
    QFormLayout,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from perfdesk.model.document import Document

CODE_ROLE = Qt.ItemDataRole.UserRole


class ExportChoiceDialog(QDialog):
    """The whole document (the default) or only the checked projects."""

    def __init__(self, document: Document, selected: tuple[int, int] | None = None,
                 parent: QWidget | None = None, profile: str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exportChoice")
        self.setWindowTitle(self.tr("Export PDF"))
        self.whole = QRadioButton(self.tr("The whole document"))
        self.whole.setObjectName("whole")
        self.chosen = QRadioButton(self.tr("Only the checked projects:"))
        self.chosen.setObjectName("chosen")
        self.whole.setChecked(True)
        self.list = QListWidget()
        self.list.setObjectName("projects")
        found_selected = False
        for u, p, _, project in document.projects():
            number = document.project_number(u, p)
            code = project.code.strip()
            unnamed = self.tr("(no name)")  # outside the f-string, where lupdate finds it
            item = QListWidgetItem(f"{number}. {project.name or unnamed}" + (f"  （{code}）" if code else ""))
            item.setData(CODE_ROLE, code)
            if code:
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                is_selected = selected == (u, p)
                found_selected = found_selected or is_selected
                item.setCheckState(Qt.CheckState.Checked if is_selected else Qt.CheckState.Unchecked)
            else:  # export_pdf chooses by 项目编码
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
                item.setToolTip(self.tr("This project has no project code, so it cannot be exported alone."))
            self.list.addItem(item)
        if not found_selected:
            for item in self._items():
                if item.data(CODE_ROLE):
                    item.setCheckState(Qt.CheckState.Checked)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.list.itemChanged.connect(self._changed)
        self.whole.toggled.connect(self._update)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Export:")))
        layout.addWidget(self.whole)
        layout.addWidget(self.chosen)
        layout.addWidget(self.list, 1)
        self.profiles: QComboBox | None = None
        if profile is not None:  # the caller prints with a profile: offer the choice
            self.profiles = self._profile_choice(profile)
            form = QFormLayout()
            form.addRow(self.tr("Print profile:"), self.profiles)
            layout.addLayout(form)
        layout.addWidget(self.buttons)
        self._update()
        self.resize(560, 420)

    def _profile_choice(self, current: str) -> QComboBox:
        from perfdesk.errors import PerfdeskError
        from perfdesk.layout.profile import available_profiles, load_profile

        box = QComboBox()
        box.setObjectName("profile")
        for name in available_profiles():
            try:
                profile = load_profile(name)
            except PerfdeskError as error:  # a bureau's broken file: listed, with the reason
                box.addItem(f"{name}（{error}）", name)
                continue
            box.addItem(profile.label, name)
            box.setItemData(box.count() - 1, profile.description, Qt.ItemDataRole.ToolTipRole)
        box.setCurrentIndex(max(0, box.findData(current)))
        return box

    def profile(self) -> str | None:
        """The chosen print profile's name (None when the dialog offers no choice)."""
        return self.profiles.currentData() if self.profiles is not None else None

    def _items(self) -> list[QListWidgetItem]:
        return [self.list.item(row) for row in range(self.list.count())]

    def _changed(self, changed: QListWidgetItem) -> None:
        """Projects sharing a code are exported together: their boxes follow each other."""
        self.list.blockSignals(True)
        try:
            for item in self._items():
                if item is not changed and item.data(CODE_ROLE) == changed.data(CODE_ROLE):
                    item.setCheckState(changed.checkState())
        finally:
            self.list.blockSignals(False)
        if not self.chosen.isChecked():
            self.chosen.setChecked(True)  # ticking a project means "only these"
        self._update()

    def _update(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(self.whole.isChecked() or bool(self.codes()))

    def codes(self) -> list[str] | None:
        """None for the whole document, else the codes of the checked projects (each once)."""
        if self.whole.isChecked():
            return None
        codes: list[str] = []
        for item in self._items():
            code = item.data(CODE_ROLE)
            if code and item.checkState() == Qt.CheckState.Checked and code not in codes:
                codes.append(code)
        return codes

