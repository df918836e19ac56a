"""The indicator grid's cell delegate: editors per column and the official table's look.

一级 and 二级 are chosen from the loaded framework (二级 limited to the row's 一级); a value
the framework does not know stays selectable, so opening an editor never changes the
clerk's text. 依据 offers the usual choices and takes any text. Painting draws runs of equal
一级/二级 cells as one merged cell (text in the first, no line between), as printed.
The department tree's delegate puts each project's printed number in front of its name.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from perfdesk.qtmodels.indicator_model import (
    COL_BASIS,
    COL_LEVEL1,
    COL_LEVEL2,
    IndicatorTableModel,
)
from perfdesk.qtmodels.tree_model import NumberRole


def _choices(current: str, names: list[str]) -> list[str]:
    return names if current in names or not current else [current, *names]


class IndicatorDelegate(QStyledItemDelegate):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._grid_pen: QPen | None = None  # the style's grid colour, read at the first paint

    def _model(self, index: QModelIndex) -> IndicatorTableModel | None:
        model = index.model()
        return model if isinstance(model, IndicatorTableModel) else None

    # ---------------------------------------------------------------- editors
    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex) -> QWidget:
        model = self._model(index)
        column = index.column()
        if model is None or column not in (COL_LEVEL1, COL_LEVEL2, COL_BASIS):
            return super().createEditor(parent, option, index)
        combo = QComboBox(parent)
        combo.setFrame(False)
        current = index.data(Qt.ItemDataRole.EditRole) or ""
        if column == COL_LEVEL1:
            combo.addItems(_choices(current, model.level1_choices()))
        elif column == COL_LEVEL2:
            combo.addItems(_choices(current, model.level2_choices(index.row())))
        else:
            combo.setEditable(True)
            combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            combo.addItems(model.basis_choices())
        if not combo.isEditable():
            # A choice made from the list is committed at once, like a spreadsheet's list cell.
            combo.activated.connect(lambda _=0, editor=combo: self._commit(editor))
        return combo

    def _commit(self, editor: QWidget) -> None:
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.NoHint)

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:
        if isinstance(editor, QComboBox):
            text = index.data(Qt.ItemDataRole.EditRole) or ""
            if editor.isEditable():
                editor.setEditText(text)
            else:
                editor.setCurrentIndex(max(editor.findText(text), 0) if text else -1)
            return
        super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: QModelIndex) -> None:
        if isinstance(editor, QComboBox):
            if editor.isEditable() or editor.currentIndex() >= 0:
                model.setData(index, editor.currentText(), Qt.ItemDataRole.EditRole)
            return
        super().setModelData(editor, model, index)

    # ---------------------------------------------------------------- painting
    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        model = self._model(index)
        row, column = index.row(), index.column()
        merged = model is not None and column in (COL_LEVEL1, COL_LEVEL2)
        if merged and model.continues(row, column, -1) and not opt.state & QStyle.StateFlag.State_Selected:
            opt.text = ""  # the first cell of the run carries the text
        widget = option.widget
        style = widget.style() if widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        if self._grid_pen is None:
            colour = style.styleHint(QStyle.StyleHint.SH_Table_GridLineColor, opt, widget)
            self._grid_pen = QPen(QColor.fromRgb(colour & 0xFFFFFF) if colour else opt.palette.mid().color(), 0)
        painter.save()
        painter.setPen(self._grid_pen)
        rect = option.rect
        painter.drawLine(rect.topRight(), rect.bottomRight())
        if not (merged and model.continues(row, column, 1)):
            painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        painter.restore()


class NumberedNodeDelegate(QStyledItemDelegate):
    """Shows a project as ``3. 科技创新扶持资金  300.00``: the number comes from NumberRole."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex) -> None:  # noqa: N802
        super().initStyleOption(option, index)
        number = index.data(NumberRole)
        if number is not None:
            option.text = f"{number}. {option.text}"
