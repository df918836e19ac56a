"""The indicator library's suggestions as a Qt list model: the 三级指标 editor's completions and
the 从指标库选择… dialog's result list.

Each row shows the 三级指标 with its 二级, the 指标值 as written and how often and where it
occurs (or 〔通用共性指标〕); EditRole is the 三级指标 alone (what a completion puts in the cell)
and ``SuggestionRole`` the :class:`~perfdesk.library.Suggestion` itself.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt
from PySide6.QtGui import QColor

from perfdesk.library import Suggestion

SuggestionRole = Qt.ItemDataRole.UserRole + 20
COMMON_FOREGROUND = QColor("#606060")


def describe_count(suggestion: Suggestion) -> str:
    if suggestion.common:
        return "〔通用共性指标〕"
    return f"{suggestion.count}次·{len(suggestion.sources)}个文件"


def tooltip(suggestion: Suggestion) -> str:
    lines = [f"{suggestion.level1} / {suggestion.level2} / {suggestion.level3}",
             f"描述：{suggestion.description}", f"指标值：{suggestion.value}", f"依据：{suggestion.basis}"]
    if suggestion.common:
        lines.append("来源：通用共性指标（据公开的共性指标指引整理）")
    else:
        lines.append(f"共 {suggestion.count} 处，来自：")
        lines += [f"  {Path(source).name}" for source in suggestion.sources[:8]]
        if len(suggestion.sources) > 8:
            lines.append(f"  … 另 {len(suggestion.sources) - 8} 个文件")
    if suggestion.wordings > 1:
        lines.append(f"另有 {suggestion.wordings - 1} 种写法")
    return "\n".join(lines)


class SuggestionModel(QAbstractListModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._items: list[Suggestion] = []

    def set_suggestions(self, items: list[Suggestion]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def suggestion(self, row: int) -> Suggestion:
        return self._items[row]

    def replace(self, row: int, suggestion: Suggestion) -> None:
        """The same suggestion with more detail (all its wordings, loaded for the preview)."""
        self._items[row] = suggestion
        self.dataChanged.emit(self.index(row), self.index(row))

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802 - Qt's name
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{item.level3}　〔{item.level2}〕　{item.value}　{describe_count(item)}"
        if role == Qt.ItemDataRole.EditRole:
            return item.level3
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip(item)
        if role == Qt.ItemDataRole.ForegroundRole and item.common:
            return COMMON_FOREGROUND
        if role == SuggestionRole:
            return item
        return None
