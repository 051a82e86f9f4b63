"""`PunchCardWidget`: a stamp card drawn as circles, the punched ones filled."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from smallbiz_loyalty.ui.counter.style import PUNCH


class PunchCardWidget(QWidget):
    """`stamps` of `size` circles punched, ten to a row, the first at the start of the reading
    direction (on the right in Arabic)."""

    DIAMETER = 30
    GAP = 8
    PER_ROW = 10

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._stamps = 0
        self._size = 10
        self.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)

    def set_card(self, stamps: int, size: int) -> None:
        self._stamps, self._size = stamps, max(size, 1)
        self.setAccessibleName(self.tr("{stamps} of {size} stamps").format(stamps=stamps, size=size))
        self.updateGeometry()
        self.update()

    def punched(self) -> int:
        """How many circles are drawn filled."""
        return max(0, min(self._stamps, self._size))

    def _rows(self) -> int:
        return (self._size + self.PER_ROW - 1) // self.PER_ROW

    def sizeHint(self) -> QSize:
        columns = min(self._size, self.PER_ROW)
        step = self.DIAMETER + self.GAP
        return QSize(columns * step + self.GAP, self._rows() * step + self.GAP)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def circle_rect(self, index: int) -> QRectF:
        """Where circle `index` (0 = the first stamp) is drawn, mirrored right to left."""
        step = self.DIAMETER + self.GAP
        row, column = divmod(index, self.PER_ROW)
        x = self.GAP / 2 + column * step
        if self.layoutDirection() == Qt.LayoutDirection.RightToLeft:
            x = self.width() - x - self.DIAMETER
        return QRectF(x, self.GAP / 2 + row * step, self.DIAMETER, self.DIAMETER)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        ink = QColor(PUNCH)
        painter.setPen(QPen(ink, 2.5))
        filled = self.punched()
        for index in range(self._size):
            painter.setBrush(ink if index < filled else Qt.BrushStyle.NoBrush)
            painter.drawEllipse(self.circle_rect(index))
        if self._stamps >= self._size:  # a full card: a tick in the last circle says "reward"
            rect = self.circle_rect(self._size - 1).adjusted(8, 8, -8, -8)
            painter.setPen(QPen(QColor("white"), 3))
            painter.drawLine(rect.left(), rect.center().y(), rect.center().x(), rect.bottom())
            painter.drawLine(rect.center().x(), rect.bottom(), rect.right(), rect.top())
        painter.end()
