"""`DashboardCharts`: the dashboard's four charts (QtCharts), drawn from a `Dashboard`.

Sales and visits week by week, new against returning customers month by month,
the Net Promoter Score month by month and the RFM segments. Each chart is made
once and refilled (series and axes replaced) when new figures arrive.

Right to left: the segments chart is mirrored (names on the right, bars growing
leftwards). The time axes of the other three stay left to right, earliest on the
left, as Arabic business charts usually draw them (and as the printed report does).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from babel.dates import format_skeleton
from PySide6.QtCharts import (
    QAbstractAxis,
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QCategoryAxis,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QLineSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QGridLayout, QSizePolicy, QWidget

from smallbiz_loyalty.core.dashboard_data import Dashboard, MonthCustomers
from smallbiz_loyalty.core.i18n import _, babel_locale, is_rtl
from smallbiz_loyalty.core.money import to_decimal
from smallbiz_loyalty.core.report_data import MonthNps, Week
from smallbiz_loyalty.core.segments import SEGMENTS

ACCENT = QColor("#0f766e")  # revenue, new customers, the bars of the segments
SECOND = QColor("#99d5cb")  # returning customers
LINE = QColor("#b45309")  # visits, the NPS line
CHART_MIN_HEIGHT = 240
MAX_TIME_LABELS = 6
LEFT, RIGHT, BOTTOM = Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignRight, Qt.AlignmentFlag.AlignBottom


def _chart() -> QChart:
    chart = QChart()
    chart.setBackgroundRoundness(0)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.legend().setAlignment(BOTTOM)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    return chart


def _clear(chart: QChart) -> None:
    chart.removeAllSeries()
    for axis in chart.axes():
        chart.removeAxis(axis)
        axis.deleteLater()


def _attach(chart: QChart, axis: QAbstractAxis, side: Qt.AlignmentFlag, *series: object) -> None:
    chart.addAxis(axis, side)
    for one in series:
        one.attachAxis(axis)  # type: ignore[attr-defined]


def _value_axis(top: float, *, whole: bool) -> QValueAxis:
    axis = QValueAxis()
    axis.setRange(0, max(top, 1))
    axis.applyNiceNumbers()
    axis.setLabelFormat("%d" if whole or top >= 10 else "%.1f")
    return axis


def _categories(labels: Sequence[str]) -> QBarCategoryAxis:
    axis = QBarCategoryAxis()
    axis.append(list(labels))
    axis.setTruncateLabels(False)  # "Can't lose" must not become "…"; the plot gives way instead
    font = axis.labelsFont()
    font.setPointSizeF(font.pointSizeF() * 0.85)
    axis.setLabelsFont(font)
    return axis


def _time_axis(labels: Sequence[str]) -> QCategoryAxis:
    """Weeks or months along the bottom, at x = 0, 1, …; a dozen labels side by side would
    be cut to "9/…", so only every few are written, always the latest."""
    axis = QCategoryAxis()
    axis.setRange(-0.5, len(labels) - 0.5)
    axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
    step = max(1, math.ceil(len(labels) / MAX_TIME_LABELS))
    for index, label in enumerate(labels):
        if (len(labels) - 1 - index) % step == 0:
            axis.append(label, index)
    font = axis.labelsFont()
    font.setPointSizeF(font.pointSizeF() * 0.85)
    axis.setLabelsFont(font)
    return axis


def _bar_set(name: str, values: Sequence[float], colour: QColor) -> QBarSet:
    bars = QBarSet(name)
    bars.append([float(v) for v in values])
    bars.setColor(colour)
    bars.setBorderColor(colour)
    return bars


def month_label(first_day: object) -> str:
    """A month on a chart's axis: "Oct" / "أكتوبر"."""
    return format_skeleton("MMM", first_day, locale=babel_locale())


def week_label(week: Week) -> str:
    """A week on a chart's axis by its first day: "10/9" / "9/10"."""
    return format_skeleton("Md", week.start, locale=babel_locale())


class DashboardCharts(QWidget):
    """Four charts in a 2 × 2 grid; `show_dashboard` refills them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sales_chart, self.customers_chart, self.nps_chart, self.segments_chart = (_chart() for _i in range(4))
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(6)
        self.views: list[QChartView] = []
        for index, chart in enumerate((self.sales_chart, self.customers_chart, self.nps_chart, self.segments_chart)):
            view = QChartView(chart)
            view.setRenderHint(QPainter.RenderHint.Antialiasing)
            view.setMinimumHeight(CHART_MIN_HEIGHT)
            view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
            grid.addWidget(view, index // 2, index % 2)
            self.views.append(view)

    def show_dashboard(self, board: Dashboard, currency: str) -> None:
        self._fill_sales(board.weeks, currency)
        self._fill_customers(board.months)
        self._fill_nps(board.nps)
        self._fill_segments(board.segments)

    def _fill_sales(self, weeks: Sequence[Week], currency: str) -> None:
        chart = self.sales_chart
        _clear(chart)
        chart.setTitle(self.tr("Sales and visits, week by week"))
        revenue = [to_decimal(w.revenue, currency) for w in weeks]
        bars = QBarSeries()
        bars.append(_bar_set(self.tr("Revenue ({currency})").format(currency=currency), revenue, ACCENT))
        visits = QLineSeries()
        visits.setName(self.tr("Visits"))
        visits.setPen(QPen(LINE, 2.5))
        visits.setPointsVisible(True)
        for index, week in enumerate(weeks):
            visits.append(index, week.visits)
        chart.addSeries(bars)
        chart.addSeries(visits)
        _attach(chart, _time_axis([week_label(w) for w in weeks]), BOTTOM, bars, visits)
        _attach(chart, _value_axis(float(max(revenue, default=0)), whole=False), LEFT, bars)
        _attach(chart, _value_axis(max((w.visits for w in weeks), default=0), whole=True), RIGHT, visits)

    def _fill_customers(self, months: Sequence[MonthCustomers]) -> None:
        chart = self.customers_chart
        _clear(chart)
        chart.setTitle(self.tr("New and returning customers, month by month"))
        series = QStackedBarSeries()
        series.append(_bar_set(self.tr("New"), [m.new for m in months], ACCENT))
        series.append(_bar_set(self.tr("Returning"), [m.returning for m in months], SECOND))
        chart.addSeries(series)
        _attach(chart, _time_axis([month_label(m.month) for m in months]), BOTTOM, series)
        _attach(chart, _value_axis(max((m.new + m.returning for m in months), default=0), whole=True), LEFT, series)

    def _fill_nps(self, months: Sequence[MonthNps]) -> None:
        chart = self.nps_chart
        _clear(chart)
        chart.setTitle(self.tr("Net Promoter Score, month by month"))
        line = QLineSeries()
        line.setName(self.tr("NPS (−100 to 100)"))
        line.setPen(QPen(LINE, 2.5))
        line.setPointsVisible(True)
        line.setPointLabelsVisible(True)
        line.setPointLabelsFormat("@yPoint")
        line.setPointLabelsClipping(False)
        for index, month in enumerate(months):
            if month.nps.score is not None:  # a month without answers has no score: no point
                line.append(index, month.nps.score)
        chart.addSeries(line)
        _attach(chart, _time_axis([month_label(m.month) for m in months]), BOTTOM, line)
        axis = QValueAxis()
        axis.setRange(-100, 100)
        axis.setTickCount(5)
        axis.setLabelFormat("%d")
        _attach(chart, axis, LEFT, line)

    def _fill_segments(self, counts: dict[str, int]) -> None:
        chart = self.segments_chart
        _clear(chart)
        chart.setTitle(self.tr("Customers by segment (RFM, last 12 months)"))
        chart.legend().hide()
        keys = list(reversed(SEGMENTS))  # horizontal bars run bottom to top: the first segment on top
        series = QHorizontalBarSeries()
        series.append(_bar_set(self.tr("Customers"), [counts.get(k, 0) for k in keys], ACCENT))
        series.setLabelsVisible(True)
        series.setLabelsFormat("@value")
        series.setLabelsPosition(QHorizontalBarSeries.LabelsPosition.LabelsInsideEnd)
        series.setLabelsPrecision(6)
        chart.addSeries(series)
        rtl = is_rtl()
        names = _categories([_(SEGMENTS[k]) for k in keys])
        _attach(chart, names, RIGHT if rtl else LEFT, series)
        values = _value_axis(max(counts.values(), default=0) * 1.15, whole=True)
        values.setReverse(rtl)  # right to left: bars grow from the names on the right
        _attach(chart, values, BOTTOM, series)
