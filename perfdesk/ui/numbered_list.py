"""The delegate of the numbered lists (绩效目标 "1.", 分项绩效目标 "（一）", 工作保障措施 "一、").

The printed number is painted in a gutter at the left of each row, shaded like the indicator
grid's row header and greyed, and the text (and the in-place editor) starts to its right.
A number painted inside the text looked like part of it: a clerk who retyped the "2.为…" they
saw stored "2.为…", printed as "2.2.为…". The model's data stays the bare text the document
holds; ``numbering(row)`` of the model gives the number.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QAbstractItemView, QStyle, QStyledItemDelegate, QStyleOptionHeader, QStyleOptionViewItem

PADDING = 6  # pixels either side of the number inside the gutter


def gutter_width(metrics: QFontMetrics, model) -> int:  # noqa: ANN001 - a list model with numbering()
    """One width for every row, that of the widest number, so that the texts line up."""
    numbering = getattr(model, "numbering", None)
    if numbering is None:
        return 0
    rows = max(model.rowCount(), 1)
    return max(metrics.horizontalAdvance(numbering(row)) for row in range(rows)) + 2 * PADDING


class NumberingDelegate(QStyledItemDelegate):
    """Paints a list row as [number | text]; the editor covers the text part only."""

    def numbered_text(self, index: QModelIndex) -> str:
        """The row as printed ("2.<goal>")."""
        return index.model().numbering(index.row()) + (index.data() or "")

    def number_area(self, view: QAbstractItemView, index: QModelIndex) -> QRect:
        """Where the row's number is painted, in the view's viewport coordinates."""
        rect = view.visualRect(index)
        rect.setWidth(gutter_width(view.fontMetrics(), index.model()))
        return rect

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex) -> None:  # noqa: N802 - Qt's name
        super().initStyleOption(option, index)
        # The first line of a wrapped text at the top, level with its number.
        option.displayAlignment = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        gutter = gutter_width(option.fontMetrics, index.model())
        if not gutter:
            super().paint(painter, option, index)
            return
        text_option = _beside(option, gutter)
        super().paint(painter, text_option, index)
        self._paint_number(painter, option, text_option, index, gutter)

    def _paint_number(self, painter: QPainter, option: QStyleOptionViewItem, text_option: QStyleOptionViewItem,
                      index: QModelIndex, gutter: int) -> None:
        widget = option.widget
        style = widget.style() if widget is not None else None
        area = QRect(option.rect.left(), option.rect.top(), gutter, option.rect.height())
        header = QStyleOptionHeader()
        header.rect, header.palette, header.state = area, option.palette, QStyle.StateFlag.State_Enabled
        header.orientation = Qt.Orientation.Vertical
        painter.save()
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_HeaderSection, header, painter, widget)
        else:
            painter.fillRect(area, option.palette.color(QPalette.ColorRole.Button))
        # Level with the text's first line (the style's text rectangle, not the row's).
        self.initStyleOption(text_option, index)
        top = (style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, text_option, widget).top()
               if style is not None else option.rect.top())
        current = bool(option.state & QStyle.StateFlag.State_HasFocus) or bool(
            option.state & QStyle.StateFlag.State_Selected)
        font = option.font
        font.setBold(current)  # as the grid's row header marks the current row
        painter.setFont(font)
        painter.setPen(option.palette.color(QPalette.ColorRole.PlaceholderText))  # greyed: not the text
        number = QRect(area.left() + PADDING, top, gutter - 2 * PADDING, option.fontMetrics.height())
        painter.drawText(number, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop),
                         index.model().numbering(index.row()))
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:  # noqa: N802 - Qt's name
        gutter = gutter_width(option.fontMetrics, index.model())
        # A wrapped text is as tall as it is in the narrower column right of the gutter.
        size = super().sizeHint(_beside(option, gutter), index)
        return QSize(size.width() + gutter, size.height())

    def updateEditorGeometry(self, editor, option: QStyleOptionViewItem, index: QModelIndex) -> None:  # noqa: N802
        # The editor covers the text only: the number stays in sight and out of reach.
        super().updateEditorGeometry(editor, _beside(option, gutter_width(option.fontMetrics, index.model())), index)


def _beside(option: QStyleOptionViewItem, gutter: int) -> QStyleOptionViewItem:
    """The option for the text part of the row, right of the gutter."""
    text_option = QStyleOptionViewItem(option)
    if gutter and option.rect.isValid():
        text_option.rect = option.rect.adjusted(gutter, 0, 0, 0)
    return text_option
