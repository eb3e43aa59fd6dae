"""The overview's charts (QtCharts): activities by form and by topic, a 12-month trend.

Imported only after the window's first paint (QtCharts costs ~60 ms to load). A click on a
bar opens the activities of that form or topic.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt, Signal, SignalInstance
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QGridLayout, QWidget

from quynhnhai_desktop import i18n
from quynhnhai_desktop.domain.catalog import Catalog

if TYPE_CHECKING:
    from quynhnhai_desktop.domain.report import Breakdown
    from quynhnhai_desktop.services.overview import CommuneOverview, DistrictOverview, TrendPoint

log = logging.getLogger(__name__)
LABEL_CHARS = 60


def _short(text: str) -> str:
    return text if len(text) <= LABEL_CHARS else text[: LABEL_CHARS - 1].rstrip() + "…"


def _view(parent: QWidget) -> QChartView:
    chart = QChart()
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    view = QChartView(chart, parent)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumHeight(300)
    return view


def _speak(view: QChartView, title: str, values: Iterable[tuple[str, object]]) -> None:
    """What a screen reader says for a chart: its title, then each bar or month's value."""
    view.setAccessibleName(title)
    view.setAccessibleDescription("; ".join(f"{label}: {value}" for label, value in values))


def _count_axis(top: int) -> QValueAxis:
    """An axis of whole counts from 0: round steps, and for small counts one tick per unit
    (Qt's nice numbers would put 0.2 steps there, printed as "0 0 0 0 0 1")."""
    axis = QValueAxis()
    axis.setLabelFormat("%d")
    axis.setRange(0, max(top, 1))
    if top < 5:
        axis.setTickCount(max(top, 1) + 1)
    else:
        axis.applyNiceNumbers()
    return axis


class ChartArea(QWidget):
    form_clicked = Signal(str)
    topic_clicked = Signal(str)

    def __init__(self, catalog: Catalog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.catalog = catalog
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.form_view = _view(self)
        self.topic_view = _view(self)
        self.trend_view = _view(self)
        # a bar needs a line of text for its label, or QtCharts elides every label to "…"
        line = self.fontMetrics().height() + 8
        self.form_view.setMinimumHeight(max(300, (len(catalog.forms) + 4) * line))
        self.topic_view.setMinimumHeight(max(300, (len(catalog.topics) + 4) * line))
        # named from the start: the trend loads later, and a screen reader (or the keyboard
        # walker) may reach the chart before its data
        self.form_view.setAccessibleName(self.tr("Activities by form"))
        self.topic_view.setAccessibleName(self.tr("Activities by topic"))
        self.trend_view.setAccessibleName(self.tr("People reached and installs, last 12 months"))
        layout.addWidget(self.form_view, 0, 0)
        layout.addWidget(self.topic_view, 1, 0)  # full width: topic names are long
        layout.addWidget(self.trend_view, 2, 0)
        self._overview: CommuneOverview | None = None
        self._district: DistrictOverview | None = None
        self._points: tuple[TrendPoint, ...] = ()
        self.form_keys: list[str] = []
        self.topic_keys: list[str] = []

    def update_texts(self) -> None:
        self.update_data(self._overview, self._district)
        self.update_trend(self._points)

    def update_data(
        self, overview: CommuneOverview | None, district: DistrictOverview | None
    ) -> None:
        self._overview, self._district = overview, district
        if overview is None:  # district mode: the communes' reports are on the Reports page
            self.hide()
            return
        self.show()
        data = overview.data
        self.form_keys = self._bars(
            self.form_view, data.by_form, self.tr("Activities by form"), self.form_clicked
        )
        self.topic_keys = self._bars(
            self.topic_view, data.by_topic, self.tr("Activities by topic"), self.topic_clicked
        )

    def _bars(
        self, view: QChartView, breakdown: Breakdown, title: str, clicked: SignalInstance
    ) -> list[str]:
        chart = view.chart()
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        chart.setTitle(title)
        lines = [line for line in breakdown.lines if line.activities] or list(breakdown.lines[:1])
        lines.reverse()  # the horizontal bars draw bottom-up; the catalog order reads top-down
        keys = [line.key for line in lines]
        bars = QBarSet(self.tr("Activities"))
        bars.append([float(line.activities) for line in lines])
        series = QHorizontalBarSeries()
        series.append(bars)
        bars.clicked.connect(lambda index: clicked.emit(keys[index]))
        labels = [self._label(line.key, line.label) for line in lines]
        spoken = [(label, line.activities) for label, line in zip(labels, lines, strict=True)]
        _speak(view, title, reversed(spoken))  # top-down, as the bars read
        chart.addSeries(series)
        names = QBarCategoryAxis()
        names.append([_short(label) for label in labels])
        chart.addAxis(names, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(names)
        values = _count_axis(max([line.activities for line in lines] + [0]))
        chart.addAxis(values, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(values)
        chart.legend().hide()
        return keys

    def _label(self, key: str, fallback: str) -> str:
        lang = i18n.current_lang()
        for item in (*self.catalog.forms, *self.catalog.topics):
            if item.code == key:
                return item.label(lang)
        return fallback

    def update_trend(self, points: tuple[TrendPoint, ...]) -> None:
        """People reached and installs per month (read after the numbers: only this chart
        needs them)."""
        self._points = points
        chart = self.trend_view.chart()
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        chart.setTitle(self.tr("People reached and installs, last 12 months"))
        people = QLineSeries()
        people.setName(self.tr("People reached"))
        installs = QLineSeries()
        installs.setName(self.tr("Installs (Bluezone, health book)"))
        for index, point in enumerate(points):
            people.append(index, point.people)
            installs.append(index, point.installs)
        _speak(
            self.trend_view,
            chart.title(),
            (
                (
                    f"{p.month:02d}/{p.year}",
                    f"{people.name()} {p.people}, {installs.name()} {p.installs}",
                )
                for p in points
            ),
        )
        for series in (people, installs):
            series.setPointsVisible(True)
            chart.addSeries(series)
        months = QBarCategoryAxis()
        months.append([f"{p.month:02d}/{p.year % 100:02d}" for p in points])
        chart.addAxis(months, Qt.AlignmentFlag.AlignBottom)
        values = _count_axis(max([max(p.people, p.installs) for p in points] + [0]))
        chart.addAxis(values, Qt.AlignmentFlag.AlignLeft)
        for series in (people, installs):
            series.attachAxis(months)
            series.attachAxis(values)
        chart.legend().show()
