"""Print preview and printing. Both show exactly the exported PDF: the window exports to a
temporary file, the preview displays it in a QtPdf view, and printing renders its pages onto
the printer, so paper, screen and the filed PDF never differ."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

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


class PrintPreviewDialog(QDialog):
    """The exported PDF, page after page, with Print and zoom buttons."""

    def __init__(self, pdf_path: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("printPreview")
        self.setWindowTitle(self.tr("Print preview"))
        self.pdf = open_pdf(pdf_path, self)
        self.view = QPdfView(self)
        self.view.setObjectName("pdfView")
        self.view.setDocument(self.pdf)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.pages = QLabel(self.tr("%n page(s)", "", self.pdf.pageCount()))
        fit_width = QPushButton(self.tr("Fit width"))
        fit_width.clicked.connect(lambda: self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth))
        fit_page = QPushButton(self.tr("Whole page"))
        fit_page.clicked.connect(lambda: self.view.setZoomMode(QPdfView.ZoomMode.FitInView))
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.clicked.connect(lambda: print_with_dialog(self.pdf, self))
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        bar = QHBoxLayout()
        bar.addWidget(self.pages)
        bar.addStretch(1)
        for button in (fit_width, fit_page, self.print_button, close):
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
