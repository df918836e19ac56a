"""Print preview and printing. Both show exactly the exported PDF: the window exports to a
temporary file, the preview displays it in a QtPdf view, and printing renders its pages onto
the printer, so paper, screen and the filed PDF never differ.

For a large document the preview may open on the first pages while the rest is laid out
(``pending``: a note says so and 打印 waits), then :meth:`PrintPreviewDialog.show_pdf` puts the
whole PDF in, on the page the clerk is reading (:mod:`perfdesk.ui.print_actions`)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QPoint, QPointF, QRect, QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfBookmarkModel, QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from perfdesk.errors import FileFormatError


def open_pdf(path: str, parent=None) -> QPdfDocument:
    """Load a PDF for display or printing; a file QtPdf cannot read raises FileFormatError."""
    document = QPdfDocument(parent)
    error = document.load(str(path))
    if error != QPdfDocument.Error.None_ or document.pageCount() == 0:
        raise FileFormatError("导出的 PDF 无法显示。", path=str(path))
    return document


PRINT_DPI = 300  # QtPdf renders pages as images; 300 dpi prints sharp text and stays quick


def print_pdf(document: QPdfDocument, printer: QPrinter) -> int:
    """Render every page of ``document`` onto ``printer`` (at most 300 dpi); returns pages printed."""
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    try:
        dpi = min(printer.resolution(), PRINT_DPI)
        printed = 0
        for page in range(document.pageCount()):
            if page:
                printer.newPage()
            points = document.pagePointSize(page)  # 1/72 inch
            size = QSize(round(points.width() / 72 * dpi), round(points.height() / 72 * dpi))
            image = document.render(page, size)
            target = painter.viewport()
            scaled = size.scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRect(QPoint(0, 0), scaled), image)  # scaled up to the device's dots
            printed += 1
        return printed
    finally:
        painter.end()


def print_with_dialog(document: QPdfDocument, parent: QWidget | None = None) -> bool:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    return print_pdf(document, printer) > 0


ZOOMS = (50, 75, 100, 125, 150, 200)  # per cent, besides fit width and whole page


class PrintPreviewDialog(QDialog):
    """The exported PDF, page after page, with a page box, zoom levels and Print.

    The view has the focus from the start, so PageDown / PageUp go to the next / previous page
    (Home / End to the first / last); the page box (第 N 页 / 共 M 页) jumps to a typed page."""

    def __init__(self, pdf_path: str, parent: QWidget | None = None, pending: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("printPreview")
        self.setWindowTitle(self.tr("Print preview"))
        self.pdf = open_pdf(pdf_path, self)
        self.view = QPdfView(self)
        self.view.setObjectName("pdfView")
        self.view.setDocument(self.pdf)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.view.installEventFilter(self)
        self.navigator = self.view.pageNavigator()

        self.page_box = QSpinBox()
        self.page_box.setObjectName("pageBox")
        self.page_box.setKeyboardTracking(False)  # jump once the number is typed (Enter), not per digit
        self._count_pages()
        self.page_box.valueChanged.connect(lambda page: self.go_to(page - 1))
        self.navigator.currentPageChanged.connect(self._show_page)

        # Jump to a part or a project's table by the PDF's own bookmarks (the export writes one
        # per Part 1 heading and per table), so a 300-project preview need not be scrolled.
        self.contents = QComboBox()
        self.contents.setObjectName("contents")
        self._bookmarks = QPdfBookmarkModel(self)
        self._fill_contents()
        self.contents.setMaximumWidth(360)
        # Titles are long: the list must not widen the dialog past a small screen (800 px).
        self.contents.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.contents.setMinimumContentsLength(12)
        self.contents.activated.connect(self._bookmark_chosen)

        self.zoom = QComboBox()
        self.zoom.setObjectName("zoom")
        self.zoom.addItem(self.tr("Fit width"), "width")
        self.zoom.addItem(self.tr("Whole page"), "page")
        for percent in ZOOMS:
            self.zoom.addItem(f"{percent}%", percent)
        self.zoom.currentIndexChanged.connect(self._zoom_chosen)

        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.setObjectName("printButton")
        self.print_button.clicked.connect(lambda: print_with_dialog(self.pdf, self))
        # Shown while only the first pages are here (a large document's rest is being laid out).
        self.note = QLabel(self.tr("Laying out the remaining pages…"))
        self.note.setObjectName("pendingNote")
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        for button in (self.print_button, close):
            button.setAutoDefault(False)  # Enter in the page box jumps; it must not print or close
        bar = QHBoxLayout()
        bar.addWidget(self.page_box)
        bar.addWidget(self.contents, 1)
        bar.addWidget(self.note)
        bar.addStretch(1)
        bar.addWidget(QLabel(self.tr("Zoom:")))
        bar.addWidget(self.zoom)
        for button in (self.print_button, close):
            bar.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        # A page and a half tall where the screen allows; never taller than the screen
        # (1366×768 is common on office PCs), so the buttons stay reachable.
        available = self.screen().availableGeometry() if self.screen() else None
        width, height = 900, 1000
        if available is not None and available.isValid():
            width, height = min(width, available.width() - 40), min(height, available.height() - 60)
        self.resize(width, height)
        self.set_pending(pending)

    # ------------------------------------------------------- first pages, then all
    def set_pending(self, pending: bool) -> None:
        """Only the first pages are shown: say so, and print only once the whole PDF is here."""
        self.pending = pending
        self.note.setVisible(pending)
        self.print_button.setEnabled(not pending)
        self.print_button.setToolTip(self.tr("Printing is possible once every page is laid out.") if pending else "")

    def show_pdf(self, pdf_path: str) -> None:
        """Show ``pdf_path`` (the whole PDF, after the first pages) on the page being read, and
        allow printing. A file that cannot be read raises FileFormatError; the old one stays."""
        page, focused = self.current_page(), self.view.hasFocus()
        pdf = open_pdf(pdf_path, self)
        old, self.pdf = self.pdf, pdf
        self.view.setDocument(pdf)
        old.deleteLater()
        self._count_pages()
        self._fill_contents()
        self.set_pending(False)
        self.go_to(page)
        if focused:
            self.view.setFocus()

    def _count_pages(self) -> None:
        count = self.pdf.pageCount()
        self.page_box.blockSignals(True)
        self.page_box.setRange(1, count)
        before, _, after = self.tr("Page %1 of %2").partition("%1")
        self.page_box.setPrefix(before)
        self.page_box.setSuffix(after.replace("%2", str(count)))
        self.page_box.blockSignals(False)

    def _fill_contents(self) -> None:
        self.contents.clear()
        self.contents.addItem(self.tr("Go to…"), -1)
        self._bookmarks.setDocument(self.pdf)
        self._add_bookmarks(QModelIndex(), 0)
        self.contents.setEnabled(self.contents.count() > 1)

    # ------------------------------------------------------------- pages
    def _add_bookmarks(self, parent: QModelIndex, depth: int) -> None:
        model = self._bookmarks
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            page = model.data(index, int(QPdfBookmarkModel.Role.Page))
            self.contents.addItem("　" * depth + str(index.data()), page)
            self._add_bookmarks(index, depth + 1)

    def _bookmark_chosen(self, index: int) -> None:
        page = self.contents.itemData(index)
        if isinstance(page, int) and page >= 0:
            self.go_to(page)
        self.view.setFocus()  # PageDown goes on from there

    def current_page(self) -> int:
        """0-based page shown at the top of the view."""
        return self.navigator.currentPage()

    def go_to(self, page: int) -> None:
        page = max(0, min(page, self.pdf.pageCount() - 1))
        self.navigator.jump(page, QPointF(), self.navigator.currentZoom())

    def _show_page(self, page: int) -> None:
        self.page_box.blockSignals(True)
        self.page_box.setValue(page + 1)
        self.page_box.blockSignals(False)

    def eventFilter(self, watched, event) -> bool:
        if watched is self.view and event.type() == QEvent.Type.KeyPress:
            key, page = event.key(), self.current_page()
            target = {Qt.Key.Key_PageDown: page + 1, Qt.Key.Key_PageUp: page - 1,
                      Qt.Key.Key_Home: 0, Qt.Key.Key_End: self.pdf.pageCount() - 1}.get(key)
            if target is not None and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
                self.go_to(target)
                return True
        return super().eventFilter(watched, event)

    # -------------------------------------------------------------- zoom
    def _zoom_chosen(self, index: int) -> None:
        choice = self.zoom.itemData(index)
        page = self.current_page()
        if choice == "width":
            self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        elif choice == "page":
            self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        else:
            self.view.setZoomMode(QPdfView.ZoomMode.Custom)
            self.view.setZoomFactor(choice / 100)
        self.go_to(page)  # stay on the page being read
        self.view.setFocus()  # PageDown keeps working after choosing a zoom

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)
