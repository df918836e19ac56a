"""The left pane of the main window: a "查找项目" field and a count above the department tree.

Typing filters the tree (:meth:`DepartmentTree.set_filter`) to the projects whose name,
项目编码, number or unit the text finds. In the field Enter opens the first project shown (as
clicking it would), Down goes into the tree at that project, Escape clears the field and goes
back to the tree. A line under the field says how many projects were found.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from perfdesk.ui.department_tree import DepartmentTree


class ProjectSearchField(QLineEdit):
    """The search field; its keys act on the tree it filters."""

    def __init__(self, tree: DepartmentTree, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tree = tree
        self.setObjectName("projectSearch")
        self.setPlaceholderText(self.tr("Find project: name or code"))
        self.setAccessibleName(self.tr("Find project"))
        self.setClearButtonEnabled(True)
        self.textChanged.connect(tree.set_filter)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
            self.open_first()
        elif key == Qt.Key.Key_Down and not event.modifiers():
            self.go_to_tree(first_match=True)
        elif key == Qt.Key.Key_Escape:
            self.clear()
            self.go_to_tree(first_match=False)
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def open_first(self) -> bool:
        """Select the first project the tree shows (its editor opens) and go to the tree."""
        return self.go_to_tree(first_match=True)

    def go_to_tree(self, first_match: bool) -> bool:
        """Focus the tree; with ``first_match``, at the first project shown (none: stay here)."""
        if first_match:
            shown = self.tree.visible_projects()
            if not shown:
                return False
            self.tree.select_node("project", *shown[0])
        self.tree.setFocus(Qt.FocusReason.ShortcutFocusReason)
        return True


class ProjectSearchPane(QWidget):
    """Search field, count and department tree, top to bottom."""

    def __init__(self, tree: DepartmentTree, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("treePane")
        self.tree = tree
        self.field = ProjectSearchField(tree, self)
        self.count = QLabel(self)
        self.count.setObjectName("projectSearchCount")
        self.count.setContentsMargins(4, 0, 4, 0)
        self.count.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(3)
        layout.addWidget(self.field)
        layout.addWidget(self.count)
        layout.addWidget(tree, 1)
        self.setFocusProxy(tree)
        tree.filterApplied.connect(self._show_count)

    def focus_field(self) -> None:
        """Put the cursor in the search field with its text selected (Ctrl+F)."""
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    def _show_count(self, found: int) -> None:
        if found < 0:
            self.count.hide()
            self.count.clear()
            return
        self.count.setText(self.tr("%n project(s) found", "", found) if found
                           else self.tr("No matching projects"))
        self.count.show()


__all__ = ["ProjectSearchField", "ProjectSearchPane"]
