"""`PdfPreview`: a printed document on screen (QtPdf), with Print… and Save as….

The page shows it beside the choices that made it; the counter shows it in a
`PdfPreviewDialog` for a balance slip. Printing draws each page, rendered by
QtPdf at up to 300 dpi, onto whatever printer the print dialog chose, fitted to
its paper; saving copies the generated file byte for byte. `print_to` and
`save_to` do the work without any dialog, so tests (and scripts) can call them."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QKeySequence, QPageSize, QPainter, QPalette, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from smallbiz_loyalty.core.i18n import babel_locale
from smallbiz_loyalty.core.money import format_number

PRINT_DPI = 300  # sharp on paper; a higher printer resolution would only make huge images
POINTS_PER_INCH = 72
ERROR_STYLE = "color: #b3261e;"


class PdfPreview(QWidget):
    """A PDF file on screen, every page one under the other, fitted to the width."""

    def __init__(self, parent: QWidget | None = None, *, empty_text: str = "") -> None:
        super().__init__(parent)
        self.path: Path | None = None
        self.suggested_name = "document.pdf"
        self.document = QPdfDocument(self)
        self.view = QPdfView()
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(12)
        desk = self.view.palette()
        desk.setColor(QPalette.ColorRole.Dark, QColor("#8a8f98"))  # white pages stand out on a grey desk
        self.view.setPalette(desk)
        self.empty_label = QLabel(empty_text)
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setStyleSheet("color: #5f6368; padding: 24px;")
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty_label)
        self.stack.addWidget(self.view)
        self.pages_label = QLabel()
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.zoom_box = QComboBox()
        self.zoom_box.addItem(self.tr("Fit width"), QPdfView.ZoomMode.FitToWidth)
        self.zoom_box.addItem(self.tr("Whole page"), QPdfView.ZoomMode.FitInView)
        self.zoom_box.addItem(self.tr("Actual size"), QPdfView.ZoomMode.Custom)
        self.zoom_box.currentIndexChanged.connect(self._zoom)
        self.print_button = QPushButton(self.tr("&Print…"))
        self.print_button.setToolTip(self.tr("Print the pages (Ctrl+P)"))
        self.print_button.clicked.connect(self.ask_print)
        self.save_button = QPushButton(self.tr("&Save as…"))
        self.save_button.setToolTip(self.tr("Save the PDF to a file (Ctrl+S)"))
        self.save_button.clicked.connect(self.ask_save)
        bar = QHBoxLayout()
        bar.addWidget(self.pages_label)
        bar.addWidget(self.zoom_box)
        bar.addStretch(1)
        for button in (self.print_button, self.save_button):
            button.setMinimumHeight(36)
            bar.addWidget(button)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(bar)
        column.addWidget(self.stack, 1)
        column.addWidget(self.message_label)
        for keys, action in (
            (QKeySequence.StandardKey.Print, self.ask_print),
            (QKeySequence.StandardKey.Save, self.ask_save),
        ):
            shortcut = QShortcut(QKeySequence(keys), self, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(action)
        self.clear()

    # -- the document ----------------------------------------------------------
    def load(self, path: Path, *, suggested_name: str | None = None) -> int:
        """Show the PDF at `path` (kept open until the next `load` or `clear`); returns its pages."""
        self.document.close()
        error = self.document.load(str(path))
        if error != QPdfDocument.Error.None_:
            self.clear()
            self.say(self.tr("The preview could not be opened ({error}).").format(error=error.name), problem=True)
            return 0
        self.path = Path(path)
        self.suggested_name = suggested_name or self.path.name
        count = self.page_count()
        if count == 1:
            self.pages_label.setText(self.tr("1 page"))
        else:
            self.pages_label.setText(self.tr("{count} pages").format(count=format_number(count, babel_locale())))
        self.stack.setCurrentWidget(self.view)
        self._zoom()
        self.view.pageNavigator().jump(0, QPointF(), 0)
        self._enable(True)
        self.say("")
        return count

    def clear(self) -> None:
        """No document: the hint instead of pages, nothing to print or save."""
        self.document.close()
        self.path = None
        self.pages_label.setText("")
        self.stack.setCurrentWidget(self.empty_label)
        self._enable(False)

    def page_count(self) -> int:
        return self.document.pageCount() if self.path is not None else 0

    def say(self, message: str, *, problem: bool = False) -> None:
        self.message_label.setStyleSheet(ERROR_STYLE if problem else "")
        self.message_label.setText(message)

    def _enable(self, on: bool) -> None:
        for widget in (self.print_button, self.save_button, self.zoom_box):
            widget.setEnabled(on)

    def _zoom(self) -> None:
        mode = self.zoom_box.currentData()
        self.view.setZoomMode(mode)
        if mode == QPdfView.ZoomMode.Custom:
            self.view.setZoomFactor(1.0)

    # -- saving ----------------------------------------------------------------
    def ask_save(self) -> None:
        """Save as…: choose a file, then `save_to` it."""
        if self.path is None:
            return
        suggested = str(Path.home() / self.suggested_name)
        target, _filter = QFileDialog.getSaveFileName(self, self.tr("Save the PDF"), suggested, "PDF (*.pdf)")
        if target:
            self.save_to(Path(target))

    def save_to(self, target: Path) -> bool:
        """Copy the previewed PDF to `target`, whole or not at all; says how it went."""
        if self.path is None:
            return False
        target = Path(target)
        try:
            # Into a temporary file beside the target first: a full disk leaves no half PDF.
            with tempfile.NamedTemporaryFile(dir=target.parent, prefix=".saving-", suffix=".pdf", delete=False) as out:
                partial = Path(out.name)
            try:
                shutil.copyfile(self.path, partial)
                partial.replace(target)
            finally:
                partial.unlink(missing_ok=True)
        except OSError as exc:
            reason = exc.strerror or str(exc)
            self.say(
                self.tr("The PDF could not be saved to {path}: {reason}.").format(path=target, reason=reason),
                problem=True,
            )
            return False
        self.say(self.tr("Saved to {path}.").format(path=target))
        return True

    # -- printing --------------------------------------------------------------
    def ask_print(self) -> None:
        """Print…: the system's print dialog (set to the document's paper), then `print_to`."""
        if self.path is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.suggested_name)
        size = self.document.pagePointSize(0)
        printer.setPageSize(QPageSize(size, QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch))
        dialog = QPrintDialog(printer, self)
        dialog.setOption(QPrintDialog.PrintDialogOption.PrintToFile, True)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.print_to(printer)

    def print_to(self, printer: QPrinter) -> int:
        """Draw every page onto `printer`, each fitted to its paper; returns the pages printed."""
        count = self.page_count()
        if count == 0:
            return 0
        printer.setFullPage(True)  # the PDF carries its own margins
        painter = QPainter()
        if not painter.begin(printer):
            self.say(self.tr("The printer could not be started; check that it is on and try again."), problem=True)
            return 0
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            dpi = min(printer.resolution(), PRINT_DPI)
            for index in range(count):
                if index:
                    printer.newPage()
                self._draw_page(painter, index, dpi)
        finally:
            painter.end()
            QGuiApplication.restoreOverrideCursor()
        if count == 1:
            self.say(self.tr("1 page sent to the printer."))
        else:
            self.say(self.tr("{count} pages sent to the printer.").format(count=format_number(count, babel_locale())))
        return count

    def _draw_page(self, painter: QPainter, index: int, dpi: int) -> None:
        points = self.document.pagePointSize(index)
        pixels = QSize(round(points.width() * dpi / POINTS_PER_INCH), round(points.height() * dpi / POINTS_PER_INCH))
        image = self.document.render(index, pixels)
        paper = QRectF(painter.viewport())
        fitted = QSizeF(points).scaled(paper.size(), Qt.AspectRatioMode.KeepAspectRatio)
        # Centred across, from the top: a short receipt starts where the printer starts.
        target = QRectF(
            paper.left() + (paper.width() - fitted.width()) / 2, paper.top(), fitted.width(), fitted.height()
        )
        painter.fillRect(target, Qt.GlobalColor.white)
        painter.drawImage(target, image)


class PdfPreviewDialog(QDialog):
    """A `PdfPreview` in its own window (the counter's balance slip). It deletes the
    temporary folder it is given when it closes."""

    def __init__(
        self, title: str, parent: QWidget | None = None, *, temp: tempfile.TemporaryDirectory | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._temp = temp
        self.preview = PdfPreview(self)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(close)
        column = QVBoxLayout(self)
        column.addWidget(self.preview, 1)
        column.addLayout(row)
        self.resize(560, 720)
        self.finished.connect(self._release)

    def _release(self, _code: int = 0) -> None:
        self.preview.clear()  # QtPdf lets go of the file before it is deleted
        if self._temp is not None:
            self._temp.cleanup()
            self._temp = None
