"""`KpiTileWidget`: one figure of the month in big type, with its change since the month before."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget

from smallbiz_loyalty.core.dashboard_data import Kpi

GOOD, BAD, NEUTRAL = "#15803d", "#b91c1c", "#6b7280"
UP, DOWN, SAME = "▲", "▼", "="
VALUE_SCALE = 1.6  # the figure is what the owner reads first


class KpiTileWidget(QFrame):
    """Label, value, change (▲ green when good, ▼ red when bad) and the month before."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kpiTile")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "#kpiTile { background: palette(base); border: 1px solid palette(mid); border-radius: 6px; }"
        )
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.title_label = QLabel()
        self.title_label.setStyleSheet(f"color: {NEUTRAL};")
        self.title_label.setWordWrap(True)
        # Room for two lines in every tile, text at the bottom: the figures of a row line up.
        self.title_label.setFixedHeight(2 * self.title_label.fontMetrics().lineSpacing())
        self.value_label = QLabel("—")
        font = self.value_label.font()
        font.setPointSizeF(font.pointSizeF() * VALUE_SCALE)
        font.setBold(True)
        self.value_label.setFont(font)
        self.change_label = QLabel()
        self.previous_label = QLabel()
        self.previous_label.setStyleSheet(f"color: {NEUTRAL};")
        self.previous_label.setWordWrap(True)  # a narrow window narrows the tile, not the figure
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(2)
        for label in (self.title_label, self.value_label, self.change_label, self.previous_label):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(label)
        layout.addStretch(1)  # tiles of one row are as tall as the tallest; the figures stay on top
        self.kpi: Kpi | None = None

    def show_kpi(self, kpi: Kpi, previous_month: str) -> None:
        """Show `kpi`; `previous_month` names the month it is compared with ("September 2026")."""
        self.kpi = kpi
        self.title_label.setText(kpi.label)
        self.value_label.setText(kpi.value)
        arrow = {1: UP, -1: DOWN, 0: SAME}.get(kpi.direction) if kpi.direction is not None else None
        colour = NEUTRAL if kpi.good is None else GOOD if kpi.good else BAD
        self.change_label.setText(f"{arrow} {kpi.change}" if arrow and kpi.change else " ")
        self.change_label.setStyleSheet(f"color: {colour}; font-weight: bold;")
        self.previous_label.setText(self.tr("{month}: {value}").format(month=previous_month, value=kpi.previous))
        # A label aligns by its text's own direction, so "88.4%" would sit on the left of an
        # Arabic tile: every line is put on the tile's starting side explicitly.
        rtl = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
        side = Qt.AlignmentFlag.AlignAbsolute | (Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft)
        self.title_label.setAlignment(side | Qt.AlignmentFlag.AlignBottom)
        for label in (self.value_label, self.change_label, self.previous_label):
            label.setAlignment(side | Qt.AlignmentFlag.AlignVCenter)
        self.setToolTip(f"{kpi.label}\n{self.previous_label.text()}")
