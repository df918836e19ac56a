"""The indicator grid's cell delegate: editors per column and the official table's look.

一级 and 二级 are chosen from the loaded framework (二级 limited to the row's 一级); a value
the framework does not know stays selectable, so opening an editor never changes the
clerk's text. 依据 offers the usual choices and takes any text. With an indicator library
(``library``, see :mod:`perfdesk.ui.library_settings`) 三级指标 offers its completions, and the
one picked fills the row's 描述, 指标值 and 依据 in one undo step. Painting draws runs of equal
一级/二级 cells as one merged cell (text in the first, no line between), as printed.
The department tree's delegate puts each project's printed number in front of its name and
its 预算数 at the right edge, where a long name cannot push it out of sight.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QRect, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from perfdesk.qtmodels.indicator_model import (
    COL_BASIS,
    COL_DESCRIPTION,
    COL_LEVEL1,
    COL_LEVEL2,
    COL_LEVEL3,
    COL_VALUE,
    IndicatorTableModel,
)
from perfdesk.qtmodels.tree_model import AmountRole, NumberRole, ReviewRole
from perfdesk.ui.library_completer import Level3Editor


def _choices(current: str, names: list[str]) -> list[str]:
    return names if current in names or not current else [current, *names]


class IndicatorDelegate(QStyledItemDelegate):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._grid_pen: QPen | None = None  # the style's grid colour, read at the first paint
        self.library = None  # the indicator library whose completions 三级指标 offers (or None)

    def _model(self, index: QModelIndex) -> IndicatorTableModel | None:
        model = index.model()
        return model if isinstance(model, IndicatorTableModel) else None

    # ---------------------------------------------------------------- editors
    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex) -> QWidget:
        model = self._model(index)
        column = index.column()
        if model is not None and column == COL_LEVEL3 and self.library is not None:
            editor = Level3Editor(self.library, model.indicator(index.row()).level2, parent)
            editor.picked.connect(lambda _suggestion, editor=editor: self._commit(editor))
            editor.submitted.connect(lambda editor=editor: self._submit(editor))
            return editor
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

    def _submit(self, editor: QWidget) -> None:
        """Commit and close as Enter does in a cell: the grid then goes on to the row below."""
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.SubmitModelCache)

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:
        if isinstance(editor, Level3Editor):
            editor.load(index.data(Qt.ItemDataRole.EditRole) or "")
            return
        if isinstance(editor, QComboBox):
            text = index.data(Qt.ItemDataRole.EditRole) or ""
            if editor.isEditable():
                editor.setEditText(text)
            else:
                editor.setCurrentIndex(max(editor.findText(text), 0) if text else -1)
            return
        super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: QModelIndex) -> None:
        if isinstance(editor, Level3Editor) and editor.chosen is not None and isinstance(model, IndicatorTableModel):
            self._fill(model, index.row(), editor.chosen)
            return
        if isinstance(editor, QComboBox):
            if editor.isEditable() or editor.currentIndex() >= 0:
                model.setData(index, editor.currentText(), Qt.ItemDataRole.EditRole)
            return
        super().setModelData(editor, model, index)

    @staticmethod
    def _fill(model: IndicatorTableModel, row: int, suggestion) -> None:
        """The row takes the picked suggestion's 三级/描述/指标值/依据 as written (and its 一级/二级
        where the row has none yet): one undo step."""
        fields = suggestion.fields()
        here = model.indicator(row)
        values = {(row, COL_LEVEL3): fields["level3"], (row, COL_DESCRIPTION): fields["description"],
                  (row, COL_VALUE): fields["value"], (row, COL_BASIS): fields["basis"]}
        if not here.level1.strip() and not here.level2.strip():
            values[(row, COL_LEVEL1)] = fields["level1"]
        if not here.level2.strip():
            values[(row, COL_LEVEL2)] = fields["level2"]
        model.set_cells(values, f"从指标库填入“{fields['level3']}”")

    # ---------------------------------------------------------------- painting
    @staticmethod
    def _first_in_view(option: QStyleOptionViewItem, row: int) -> bool:
        """Whether this row's top is in sight and the row above starts above the view."""
        top, view = option.rect.top(), option.widget
        return top >= 0 and isinstance(view, QTableView) and top - view.rowHeight(row - 1) < 0

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        model = self._model(index)
        row, column = index.row(), index.column()
        merged = model is not None and column in (COL_LEVEL1, COL_LEVEL2)
        if (merged and model.continues(row, column, -1) and not opt.state & QStyle.StateFlag.State_Selected
                and not self._first_in_view(option, row)):
            # The first cell of the run carries the text, or the first whole one in sight when
            # the run starts above the scrolled view (as the PDF repeats it after a page break).
            opt.text = ""
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


# The bureau's verdict on a project, drawn before its amount: red asks for changes, green passed.
REVIEW_COLORS = {"需修改": QColor(192, 0, 0), "已通过": QColor(0, 128, 0)}


class NumberedNodeDelegate(QStyledItemDelegate):
    """Shows a project as ``3. 科技创新扶持资金 …  〔需修改〕 300.00``: the number (NumberRole) in
    front, the name cut short with … where the tree is narrow, the bureau's review status
    (ReviewRole) and the amount (AmountRole) right-aligned."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex) -> None:  # noqa: N802
        super().initStyleOption(option, index)
        number = index.data(NumberRole)
        if number is not None:
            option.text = f"{number}. {option.text}"

    def project_texts(self, option: QStyleOptionViewItem, index: QModelIndex) -> tuple[str, str, QRect, QRect] | None:
        """For a project row with an amount: (name as drawn, amount, name rect, amount rect).

        The name gets what the amount leaves and is cut with … ; None for any other row."""
        if not (index.data(AmountRole) or index.data(ReviewRole)):
            return None
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        return self._layout(opt, index)

    def _layout(self, opt: QStyleOptionViewItem, index: QModelIndex) -> tuple[str, str, QRect, QRect]:
        amount = index.data(AmountRole) or ""
        suffix = f"  {amount}"  # the display text ends with the amount; it is drawn apart here
        label = opt.text[:-len(suffix)] if amount and opt.text.endswith(suffix) else opt.text
        status = index.data(ReviewRole)
        if status:
            amount = f"〔{status}〕 {amount}".rstrip()
        widget = opt.widget
        style = widget.style() if widget else QApplication.style()
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, opt, widget) + 1
        rect = opt.rect.adjusted(margin, 0, -margin, 0)
        metrics = opt.fontMetrics
        amount_width = metrics.horizontalAdvance(amount)
        amount_rect = QRect(rect.right() - amount_width + 1, rect.top(), amount_width, rect.height())
        label_rect = rect.adjusted(0, 0, -(amount_width + metrics.horizontalAdvance("  ")), 0)
        shown = metrics.elidedText(label, Qt.TextElideMode.ElideRight, max(label_rect.width(), 0))
        return shown, amount, label_rect, amount_rect

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        if not (index.data(AmountRole) or index.data(ReviewRole)):
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        label, amount, label_rect, amount_rect = self._layout(opt, index)
        opt.text = ""
        widget = option.widget
        style = widget.style() if widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)  # background, selection
        group = (QPalette.ColorGroup.Disabled if not opt.state & QStyle.StateFlag.State_Enabled
                 else QPalette.ColorGroup.Active if opt.state & QStyle.StateFlag.State_Active
                 else QPalette.ColorGroup.Inactive)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        painter.save()
        painter.setFont(opt.font)
        painter.setPen(opt.palette.color(group, QPalette.ColorRole.HighlightedText if selected
                                         else QPalette.ColorRole.Text))
        align = Qt.AlignmentFlag.AlignVCenter
        status = index.data(ReviewRole)
        if status and amount.startswith(f"〔{status}〕"):
            mark = f"〔{status}〕"
            rest = amount[len(mark):]
            painter.drawText(amount_rect, align | Qt.AlignmentFlag.AlignRight, rest)
            mark_rect = QRect(amount_rect)
            mark_rect.setWidth(opt.fontMetrics.horizontalAdvance(mark))
            pen = painter.pen()
            if not selected and status in REVIEW_COLORS:
                painter.setPen(REVIEW_COLORS[status])
            painter.drawText(mark_rect, align | Qt.AlignmentFlag.AlignLeft, mark)
            painter.setPen(pen)
        else:
            painter.drawText(amount_rect, align | Qt.AlignmentFlag.AlignRight, amount)
        painter.drawText(label_rect, align | Qt.AlignmentFlag.AlignLeft, label)
        painter.restore()
