"""A reusable preview of a rendered PDF: page thumbnails, zoom, print, save a copy.

The PDF is already on disk (rendered on a worker); loading it with QPdfDocument is
fast. The view rasterises pages in its own threads as they are shown, and the
thumbnails come from a multi-threaded QPdfPageRenderer.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import QPointF, QSize, Qt, Slot
from PySide6.QtGui import QIcon, QImage, QPainter, QPixmap
from PySide6.QtPdf import QPdfDocument, QPdfPageRenderer
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

__all__ = ["PdfPreviewDialog", "print_pdf_document"]

_THUMB_WIDTH = 110
_ZOOM_STEPS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0, 3.0)


def print_pdf_document(doc: QPdfDocument, printer: QPrinter, dpi: int = 300) -> int:
    """Draw every page of ``doc`` (within the printer's page range) into ``printer``.

    Each page is rasterised at ``dpi`` and scaled into the printable area keeping its
    proportions. Runs where the user asked to print (the print dialog is modal), page
    by page. Returns the number of pages sent.
    """
    count = doc.pageCount()
    first, last = 1, count
    if printer.printRange() == QPrinter.PrintRange.PageRange:
        first = max(1, printer.fromPage() or 1)
        last = min(count, printer.toPage() or count)
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    sent = 0
    try:
        for number in range(first, last + 1):
            index = number - 1
            size_pt = doc.pagePointSize(index)
            px = QSize(max(1, round(size_pt.width() * dpi / 72)),
                       max(1, round(size_pt.height() * dpi / 72)))
            image = doc.render(index, px)
            target = painter.viewport()
            scaled = image.size().scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.setViewport(target.x(), target.y(), scaled.width(), scaled.height())
            painter.setWindow(image.rect())
            if sent:
                printer.newPage()
            painter.drawImage(QPointF(0, 0), image)
            painter.setViewport(target)
            painter.setWindow(target)
            sent += 1
    finally:
        painter.end()
    return sent


class PdfPreviewDialog(QDialog):
    """Shows a PDF file with a thumbnail strip; prints it or saves a copy."""

    def __init__(self, pdf_path: Path | str, title: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pdf_path = Path(pdf_path)
        self.setWindowTitle(title or self.tr("Preview"))
        self.resize(1000, 700)

        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

        self.thumbs = QListWidget(self)
        self.thumbs.setViewMode(QListWidget.ViewMode.IconMode)
        self.thumbs.setFlow(QListWidget.Flow.TopToBottom)
        self.thumbs.setWrapping(False)
        self.thumbs.setMovement(QListWidget.Movement.Static)
        self.thumbs.setIconSize(QSize(_THUMB_WIDTH, round(_THUMB_WIDTH * 1.42)))
        self.thumbs.setFixedWidth(_THUMB_WIDTH + 40)
        self.thumbs.setSpacing(4)
        self.thumbs.currentRowChanged.connect(self._go_to_page)

        self.pages_label = QLabel(self)
        self.zoom_label = QLabel(self)
        self.zoom_out_button = QPushButton(self.tr("Zoom out"), self)
        self.zoom_in_button = QPushButton(self.tr("Zoom in"), self)
        self.fit_button = QPushButton(self.tr("Fit width"), self)
        self.print_button = QPushButton(self.tr("Print…"), self)
        self.save_button = QPushButton(self.tr("Save as PDF…"), self)
        self.close_button = QPushButton(self.tr("Close"), self)
        self.zoom_out_button.clicked.connect(lambda: self._step_zoom(-1))
        self.zoom_in_button.clicked.connect(lambda: self._step_zoom(1))
        self.fit_button.clicked.connect(self._fit_width)
        self.print_button.clicked.connect(self.print_document)
        self.save_button.clicked.connect(self._ask_save)
        self.close_button.clicked.connect(self.accept)

        bar = QHBoxLayout()
        bar.addWidget(self.pages_label)
        bar.addStretch(1)
        for w in (self.zoom_out_button, self.zoom_label, self.zoom_in_button, self.fit_button):
            bar.addWidget(w)
        bar.addSpacing(16)
        for w in (self.print_button, self.save_button, self.close_button):
            bar.addWidget(w)

        pages = QHBoxLayout()
        pages.addWidget(self.thumbs)
        pages.addWidget(self.view, 1)

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addLayout(pages, 1)

        self.renderer = QPdfPageRenderer(self)
        self.renderer.setRenderMode(QPdfPageRenderer.RenderMode.MultiThreaded)
        self.renderer.setDocument(self.document)
        self.renderer.pageRendered.connect(self._thumbnail_ready)
        self.document.load(str(self.pdf_path))
        self._fill_thumbnails()
        self._update_labels()

    # ---------------------------------------------------------------- pages
    def page_count(self) -> int:
        return self.document.pageCount()

    def _fill_thumbnails(self) -> None:
        """Placeholders now; the page images arrive from the renderer's own thread."""
        self.thumbs.clear()
        for index in range(self.document.pageCount()):
            size_pt = self.document.pagePointSize(index)
            ratio = size_pt.height() / size_pt.width() if size_pt.width() else 1.414
            size = QSize(_THUMB_WIDTH, max(1, round(_THUMB_WIDTH * ratio)))
            blank = QPixmap(size)
            blank.fill(Qt.GlobalColor.white)
            item = QListWidgetItem(QIcon(blank), str(index + 1))
            item.setData(Qt.ItemDataRole.UserRole, False)
            item.setTextAlignment(Qt.AlignmentFlag.AlignHCenter)
            self.thumbs.addItem(item)
            self.renderer.requestPage(index, size)

    @Slot(int, QSize, QImage)
    def _thumbnail_ready(self, page: int, _size: QSize, image: QImage, *_: object) -> None:
        item = self.thumbs.item(page)
        if item is not None:
            item.setIcon(QIcon(QPixmap.fromImage(image)))
            item.setData(Qt.ItemDataRole.UserRole, True)

    def thumbnails_ready(self) -> int:
        """How many thumbnails have their image (tests)."""
        return sum(1 for i in range(self.thumbs.count()) if self.thumbs.item(i).data(Qt.ItemDataRole.UserRole))

    @Slot(int)
    def _go_to_page(self, row: int) -> None:
        if row >= 0:
            self.view.pageNavigator().jump(row, QPointF(), self.view.pageNavigator().currentZoom())

    def _update_labels(self) -> None:
        self.pages_label.setText(self.tr("Pages: %1").replace("%1", str(self.document.pageCount())))
        if self.view.zoomMode() == QPdfView.ZoomMode.FitToWidth:
            self.zoom_label.setText("")
        else:
            self.zoom_label.setText(f"{round(self.view.zoomFactor() * 100)} %")

    # ----------------------------------------------------------------- zoom
    def _step_zoom(self, direction: int) -> None:
        current = self.view.zoomFactor()
        if direction > 0:
            nxt = next((z for z in _ZOOM_STEPS if z > current + 0.01), _ZOOM_STEPS[-1])
        else:
            nxt = next((z for z in reversed(_ZOOM_STEPS) if z < current - 0.01), _ZOOM_STEPS[0])
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(nxt)
        self._update_labels()

    def _fit_width(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self._update_labels()

    # ------------------------------------------------------------ print/save
    @Slot()
    def print_document(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.pdf_path.stem)
        printer.setFromTo(1, max(1, self.document.pageCount()))
        dialog = QPrintDialog(printer, self)
        dialog.setOption(QPrintDialog.PrintDialogOption.PrintPageRange, True)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        if print_pdf_document(self.document, printer) == 0:
            QMessageBox.warning(self, self.windowTitle(), self.tr("The printer could not be started."))

    def save_copy(self, target: Path) -> None:
        if target.suffix.lower() != ".pdf":
            target = target.with_suffix(".pdf")
        shutil.copyfile(self.pdf_path, target)

    @Slot()
    def _ask_save(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save as PDF"), str(Path.home() / self.pdf_path.name),
            self.tr("PDF files (*.pdf)"),
        )
        if not name:
            return
        try:
            self.save_copy(Path(name))
        except OSError as e:
            QMessageBox.warning(self, self.tr("Save as PDF"),
                                self.tr("The file could not be saved: %1").replace("%1", str(e)))
