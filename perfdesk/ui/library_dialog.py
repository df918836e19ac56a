"""从指标库选择…: search the indicator library, filter by 二级, preview a suggestion with all the
ways it is written and the files it comes from, and choose several rows at once.

The grid inserts the chosen rows each in its 一级/二级 place (see
:func:`perfdesk.library.insertion_row`), as one undo step. A variant clicked in the preview is
the one inserted for that suggestion; otherwise the most frequent.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from perfdesk.library import Suggestion
from perfdesk.library.common import common_note
from perfdesk.qtmodels.library_model import SuggestionModel

RESULT_LIMIT = 200


class LibraryDialog(QDialog):
    def __init__(self, library, level2: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("libraryDialog")
        self.setWindowTitle(self.tr("Choose from the indicator library"))
        self.library, self.level2 = library, level2
        self._variant: dict[int, int] = {}  # result row -> the wording chosen in the preview

        self.search = QLineEdit()
        self.search.setObjectName("librarySearch")
        self.search.setPlaceholderText(self.tr("Part of a level 3 indicator, e.g. 满意 or 完成率"))
        self.search.setClearButtonEnabled(True)
        self.filter = QComboBox()
        self.filter.setObjectName("libraryLevel2")
        self.filter.addItem(self.tr("All second-level indicators"), "")
        for name in library.level2_names():
            self.filter.addItem(name, name)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.filter)

        self.model = SuggestionModel(self)
        self.results = QListView()
        self.results.setObjectName("libraryResults")
        self.results.setModel(self.model)
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results.selectionModel().currentChanged.connect(lambda *_: self._preview())
        self.results.selectionModel().selectionChanged.connect(lambda *_: self._update_button())
        self.results.doubleClicked.connect(lambda *_: self.accept())

        self.preview = QLabel()
        self.preview.setObjectName("libraryPreview")
        self.preview.setWordWrap(True)
        self.preview.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.variants = QListWidget()
        self.variants.setObjectName("libraryVariants")
        self.variants.setWordWrap(True)
        self.variants.currentRowChanged.connect(self._variant_chosen)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.preview)
        side_layout.addWidget(QLabel(self.tr("Ways it is written (click one to insert that one):")))
        side_layout.addWidget(self.variants, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.results)
        splitter.addWidget(side)
        splitter.setSizes([460, 360])

        self.note = QLabel(self.tr("Grey rows are common indicators (通用共性指标): ") + common_note())
        self.note.setWordWrap(True)
        self.note.setVisible(bool(getattr(library, "common", False)))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.insert_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.insert_button.setText(self.tr("Insert"))
        self.insert_button.setObjectName("libraryInsert")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)
        self.resize(860, 520)

        self.search.textChanged.connect(lambda *_: self.refresh())
        self.filter.currentIndexChanged.connect(lambda *_: self.refresh())
        self.refresh()

    # ------------------------------------------------------------------ results
    def refresh(self) -> None:
        items = self.library.suggest(self.search.text(), self.level2, only_level2=self.filter.currentData() or "",
                                     limit=RESULT_LIMIT)
        self._variant.clear()
        self.model.set_suggestions(items)
        if items:
            self.results.selectionModel().setCurrentIndex(self.model.index(0), QItemSelectionModel.SelectionFlag.NoUpdate)
        self._preview()
        self._update_button()

    def select_rows(self, rows: list[int]) -> None:
        """Select these result rows (as a clerk does with Ctrl+click)."""
        selection = self.results.selectionModel()
        selection.clearSelection()
        for row in rows:
            selection.select(self.model.index(row), QItemSelectionModel.SelectionFlag.Select)
        if rows:
            selection.setCurrentIndex(self.model.index(rows[-1]), QItemSelectionModel.SelectionFlag.NoUpdate)

    def _current(self) -> Suggestion | None:
        index = self.results.currentIndex()
        return self.model.suggestion(index.row()) if index.isValid() else None

    def _preview(self) -> None:
        index = self.results.currentIndex()
        if index.isValid() and hasattr(self.library, "details"):
            self.model.replace(index.row(), self.library.details(self.model.suggestion(index.row())))
        item = self._current()
        self.variants.blockSignals(True)
        self.variants.clear()
        if item is None:
            self.preview.setText(self.tr("Nothing in the library contains this text."))
            self.variants.blockSignals(False)
            return
        if item.common:
            where = f"通用共性指标（{item.kind}类支出）"
        else:
            names = "、".join(Path(source).name for source in item.sources)
            where = f"出现 {item.count} 次，来自 {len(item.sources)} 个文件：{names}"
        self.preview.setText(f"<b>{item.level1} / {item.level2} / {item.level3}</b><br>{where}")
        for variant in item.variants:
            text = (f"描述：{variant.description}\n指标值：{variant.value}　依据：{variant.basis}"
                    + ("" if item.common else f"\n{variant.count} 次·{len(variant.sources)} 个文件"))
            QListWidgetItem(text, self.variants)
        self.variants.setCurrentRow(self._variant.get(self.results.currentIndex().row(), 0))
        self.variants.blockSignals(False)

    def _variant_chosen(self, row: int) -> None:
        if self._current() is not None and row >= 0:
            self._variant[self.results.currentIndex().row()] = row

    def _update_button(self) -> None:
        self.insert_button.setEnabled(bool(self.results.selectionModel().selectedIndexes()))

    # ------------------------------------------------------------------ outcome
    def chosen(self) -> list[dict[str, str]]:
        """The six fields of each selected suggestion (its chosen variant), in the list's order."""
        rows = sorted(index.row() for index in self.results.selectionModel().selectedIndexes())
        chosen = []
        for row in rows:
            item = self.model.suggestion(row)
            chosen_variant = self._variant.get(row, 0)
            variant = item.variants[chosen_variant] if chosen_variant < len(item.variants) else None
            chosen.append(item.fields(variant))
        return chosen


__all__ = ["LibraryDialog"]
