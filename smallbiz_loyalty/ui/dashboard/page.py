"""`DashboardPage`: how the shop is keeping its customers, one month at a time.

A month selector (the current month at first), nine KPI tiles with the change since
the month before (the same figures as `metrics --json`), four charts and the lists to
act on. The figures are gathered on a worker thread (`core.dashboard_data.load_dashboard`:
a fraction of a second on a café's data, seconds on 20 000 customers) while the page says
"Loading…" and the window stays usable."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from babel.dates import format_skeleton
from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QBoxLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from smallbiz_loyalty.core.dashboard_data import KPI_DEFINITIONS, Dashboard, kpis, load_dashboard
from smallbiz_loyalty.core.dates import add_months
from smallbiz_loyalty.core.errors import LoyaltyError
from smallbiz_loyalty.core.i18n import babel_locale
from smallbiz_loyalty.core.progress import Progress, ShouldCancel
from smallbiz_loyalty.core.shop import CUSTOMERS, FEEDBACK, LEDGER, SALES, SETTINGS, Shop
from smallbiz_loyalty.ui.dashboard.charts import DashboardCharts
from smallbiz_loyalty.ui.dashboard.lists import ActionListsWidget
from smallbiz_loyalty.ui.dashboard.tiles import BAD, NEUTRAL, KpiTileWidget
from smallbiz_loyalty.ui.errors import error_text
from smallbiz_loyalty.ui.events import ShopEvents
from smallbiz_loyalty.ui.page import Page
from smallbiz_loyalty.ui.worker import BackgroundJob, garbage_collection_paused, run_in_background

# The page reflows with its width: tiles in one row of 9 when they fit, else 5 or 3 a row;
# the lists beside the charts on a wide screen, under them otherwise.
TILE_COLUMNS = (9, 5, 3)
TILE_MIN_WIDTH = 100
TILE_SPACING = 6
PAGE_MARGINS = 40  # the page's own margins and the scroll bar
SIDE_BY_SIDE_WIDTH = 1250
LISTS_STRETCH, CHARTS_STRETCH = 2, 3
LISTS_MIN_HEIGHT = 320


def month_title(first_day: date) -> str:
    """ "October 2026" / "أكتوبر 2026"."""
    return format_skeleton("yMMMM", first_day, locale=babel_locale())


class DashboardPage(Page):
    """The month's tiles, charts and lists; Page Up / Page Down change the month."""

    KINDS = frozenset({SALES, LEDGER, CUSTOMERS, FEEDBACK, SETTINGS})
    customer_activated = Signal(int)  # open this customer (from a list)
    loaded = Signal()  # new figures are on screen

    def __init__(self, shop: Shop, events: ShopEvents, parent: QWidget | None = None) -> None:
        super().__init__(shop, events, parent)
        self.month = shop.today().replace(day=1)
        self.board: Dashboard | None = None
        self._job: BackgroundJob | None = None
        self._reload = False  # a refresh was asked for while a load ran

        self.previous_button, self.next_button, self.this_month_button = QPushButton(), QPushButton(), QPushButton()
        self.previous_button.clicked.connect(lambda: self.set_month(add_months(self.month, -1)))
        self.next_button.clicked.connect(lambda: self.set_month(add_months(self.month, 1)))
        self.this_month_button.clicked.connect(lambda: self.set_month(self.shop.today()))
        QShortcut(QKeySequence(Qt.Key.Key_PageUp), self, lambda: self.previous_button.click())
        QShortcut(QKeySequence(Qt.Key.Key_PageDown), self, lambda: self.next_button.click())
        self.month_label = QLabel()
        font = self.month_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.month_label.setFont(font)
        self.status_label = QLabel()
        self.status_label.setStyleSheet(f"color: {NEUTRAL};")
        self.status_label.setWordWrap(True)

        self.tiles = {key: KpiTileWidget() for key, *_rest in KPI_DEFINITIONS}
        self.charts = DashboardCharts()
        self.lists = ActionListsWidget(shop, events)
        self.lists.customer_activated.connect(self.customer_activated)
        self._build_layout()
        self.retranslate()

    def _build_layout(self) -> None:
        bar = QHBoxLayout()
        for widget in (self.previous_button, self.month_label, self.next_button, self.this_month_button):
            bar.addWidget(widget)
        bar.addSpacing(12)
        bar.addWidget(self.status_label, 1)
        self.tile_grid = QGridLayout()
        self.tile_grid.setSpacing(TILE_SPACING)
        self.lower = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.lower.addWidget(self.charts, CHARTS_STRETCH)
        self.lower.addWidget(self.lists, LISTS_STRETCH)
        self.lists.setMinimumHeight(LISTS_MIN_HEIGHT)
        self._tile_columns = 0
        self._reflow(self.width())
        self.content = QWidget()
        column = QVBoxLayout(self.content)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(self.tile_grid)
        column.addLayout(self.lower, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.content)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(scroll, 1)

    def _reflow(self, width: int) -> None:
        columns = next((n for n in TILE_COLUMNS if width >= self._tiles_width(n)), TILE_COLUMNS[-1])
        if columns != self._tile_columns:
            self._tile_columns = columns
            for index, tile in enumerate(self.tiles.values()):
                self.tile_grid.removeWidget(tile)
                self.tile_grid.addWidget(tile, index // columns, index % columns)
        side_by_side = width >= SIDE_BY_SIDE_WIDTH
        self.lower.setDirection(
            QBoxLayout.Direction.LeftToRight if side_by_side else QBoxLayout.Direction.TopToBottom
        )  # LeftToRight is mirrored in Arabic like every horizontal layout

    def _tiles_width(self, columns: int) -> int:
        """The narrowest the tiles can be laid out `columns` a row (each column as wide as its widest tile)."""
        widths = [max(TILE_MIN_WIDTH, tile.minimumSizeHint().width()) for tile in self.tiles.values()]
        narrowest = sum(max(widths[start::columns]) for start in range(columns))
        return narrowest + TILE_SPACING * (columns - 1) + PAGE_MARGINS

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._reflow(event.size().width())

    # -- language ----------------------------------------------------------
    def retranslate(self) -> None:
        """Every fixed text again, in the current language."""
        rtl = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
        # Arrows that bidi never mirrors (unlike ‹ ›), chosen by the direction the months run.
        back, forward = ("→", "←") if rtl else ("←", "→")
        self.previous_button.setText(self.tr("{arrow} &Previous month").format(arrow=back))
        self.next_button.setText(self.tr("&Next month {arrow}").format(arrow=forward))
        self.previous_button.setToolTip(self.tr("Page Up"))
        self.next_button.setToolTip(self.tr("Page Down"))
        self.this_month_button.setText(self.tr("&This month"))
        self.lists.retranslate()
        self._show_month()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.LanguageChange, QEvent.Type.LayoutDirectionChange):
            self.retranslate()
            if event.type() == QEvent.Type.LanguageChange and self.board is not None:
                # Format the figures already loaded in the new language: no reading, no thread.
                self._show(replace(self.board, kpis=kpis(self.board.figures, self.shop.currency)))

    # -- the month -----------------------------------------------------------
    def set_month(self, day: date) -> None:
        """Show the month of `day` (never a month after the current one)."""
        wanted = min(day.replace(day=1), self.shop.today().replace(day=1))
        if wanted != self.month:
            self.month = wanted
            self._show_month()
            self.refresh()

    def _show_month(self) -> None:
        self.month_label.setText(month_title(self.month))
        current = self.month >= self.shop.today().replace(day=1)
        self.next_button.setEnabled(not current)
        self.this_month_button.setEnabled(not current)

    def focus_first(self) -> None:
        self.lists.setFocus()

    # -- loading -------------------------------------------------------------
    def is_loading(self) -> bool:
        return self._job is not None

    def refresh(self) -> None:
        """Gather the month's figures on a worker thread (or at once, for a shop without a file)."""
        if self._job is not None:
            self._reload = True
            return
        month, today, staff_id = self.month, self.shop.today(), self.shop.staff_id
        self.status_label.setText(self.tr("Loading…"))
        self.content.setEnabled(False)
        if self.shop.path is None:  # a shop without a file (never the app's): load here
            try:
                self._on_loaded(True, load_dashboard(self.shop, month, today))
            except LoyaltyError as exc:
                self._on_loaded(False, error_text(exc))
            return

        def work(worker_shop: Shop, progress: Progress, should_cancel: ShouldCancel) -> Dashboard:
            worker_shop.staff_id = staff_id  # the figures are the owner's: the worker asks as whoever is signed in
            with garbage_collection_paused():
                return load_dashboard(worker_shop, month, today)

        self._job = run_in_background(self, label=self.tr("Loading the dashboard…"), db_path=self.shop.path, work=work)
        self._job.finished.connect(self._on_loaded)

    def wait_for_load(self, ms: int = 30_000) -> bool:
        """Block until a running load's thread ends (before closing the shop)."""
        return self._job.wait(ms) if self._job is not None else True

    def _on_loaded(self, ok: bool, payload: object) -> None:
        if self._job is not None:  # each load has its own job and (unshown) progress dialog: let them go
            self._job.dialog.deleteLater()
            self._job.deleteLater()
        self._job = None
        if self._reload:
            self._reload = False
            self.refresh()
            return
        self.content.setEnabled(True)
        if not ok:  # e.g. a cashier: the figures are the owner's
            self.status_label.setStyleSheet(f"color: {BAD};")
            self.status_label.setText(str(payload))
            return
        self.status_label.setStyleSheet(f"color: {NEUTRAL};")
        assert isinstance(payload, Dashboard)
        if payload.month != self.month:  # the month changed while this one loaded
            self.refresh()
            return
        self._show(payload)

    def _show(self, board: Dashboard) -> None:
        self.board = board
        previous = month_title(add_months(board.month, -1))
        for kpi in board.kpis:
            self.tiles[kpi.key].show_kpi(kpi, previous)
        self.charts.show_dashboard(board, self.shop.currency)
        self.lists.show_dashboard(board)
        self._reflow(self.width())  # the figures set how narrow a tile can be
        today = format_skeleton("yMMMd", board.today, locale=babel_locale())
        if board.month == board.today.replace(day=1):
            self.status_label.setText(self.tr("This month so far, through {day}.").format(day=today))
        else:
            self.status_label.setText(self.tr("Lists to act on as of {day}.").format(day=today))
        self.loaded.emit()

    def showEvent(self, event: object) -> None:
        super().showEvent(event)
        if self.board is None and self._job is None:
            self.refresh()
