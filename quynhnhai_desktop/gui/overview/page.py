"""Section "Overview": where the commune (or the district) stands this month, at a glance.

The figures come from the report's services (services/overview.py), so they always equal
the monthly report's. The page is the first screen: its numbers show with the window, the
charts (QtCharts, ~60 ms to import) are built on the next turn of the event loop, after the
first paint. A click on a number opens the activity list filtered to what it counts.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QEvent, QLocale, QTimer, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from quynhnhai_desktop import i18n
from quynhnhai_desktop.domain import clock
from quynhnhai_desktop.domain.dates import format_date
from quynhnhai_desktop.domain.periods import Period, calendar_month
from quynhnhai_desktop.gui.after_paint import AfterPaint
from quynhnhai_desktop.gui.campaigns import picker
from quynhnhai_desktop.gui.ops import ops, present
from quynhnhai_desktop.gui.state import AppState
from quynhnhai_desktop.services import campaigns
from quynhnhai_desktop.services import profile as profile_service

if TYPE_CHECKING:
    from quynhnhai_desktop.services.overview import CommuneOverview, DistrictOverview

log = logging.getLogger(__name__)

NUMBER_STYLE = (
    "QPushButton { font-size: 20pt; font-weight: bold; text-align: left; border: none;"
    " color: palette(link); } QPushButton:hover { text-decoration: underline; }"
)
CARD_STYLE = (
    "QFrame#card { border: 1px solid palette(mid); border-radius: 6px; background: palette(base); }"
)


def _number(value: int) -> str:
    return QLocale().toString(value)


class Card(QFrame):
    """One key number: its name, the number (a button: click to see what it counts), change."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.setStyleSheet(CARD_STYLE)
        layout = QVBoxLayout(self)
        self.title = QLabel(self)
        self.title.setWordWrap(True)
        self.number = QPushButton(self)
        self.number.setFlat(True)
        self.number.setStyleSheet(NUMBER_STYLE)
        self.change = QLabel(self)
        self.change.setWordWrap(True)
        for widget in (self.title, self.number, self.change):
            layout.addWidget(widget)


class OverviewPage(QWidget):
    loaded = Signal()  # the numbers of the chosen period are on screen
    settled = Signal()  # the chosen period's numbers, or why they could not be read, show
    charts_built = Signal()
    trend_loaded = Signal()  # the 12-month trend chart is drawn
    campaign_picked = Signal()  # another campaign: the main window builds the page again

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.district = profile_service.consolidates(state.profile)
        self.province = state.profile.mode == "province"  # the level above the communes
        self.catalog = campaigns.preferred(state.db)
        self.overview: CommuneOverview | None = None
        self.district_overview: DistrictOverview | None = None
        self.charts: Any = None  # the chart area, once built (after the first paint)
        self._charts_watch: AfterPaint | None = None
        self._settled = False
        self._build()
        today = clock.today()
        self.monthEdit.setDate(QDate(today.year, today.month, 1))
        self.monthEdit.dateChanged.connect(lambda _d: self.refresh())
        self.retranslate()
        self.emptyLabel.hide()
        self._show()  # "…" until the figures arrive
        # The sums start on the next turn of the event loop: the window shows first, and
        # the worker does not compete with the GUI thread (the GIL) while it builds.
        QTimer.singleShot(0, self.refresh)

    # -- building -----------------------------------------------------------------------

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.scroll_area = scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        outer.addWidget(scroll)
        body = QWidget(scroll)
        scroll.setWidget(body)
        self.body = QVBoxLayout(body)
        top = QHBoxLayout()
        self.heading = QLabel(body)
        self.heading.setStyleSheet("font-size: 14pt; font-weight: bold;")
        self.monthLabel = QLabel(body)
        self.monthEdit = QDateEdit(body)
        self.monthEdit.setDisplayFormat("MM/yyyy")
        self.monthEdit.setCalendarPopup(False)
        self.monthLabel.setBuddy(self.monthEdit)
        top.addWidget(self.heading, 1)
        known = campaigns.installed(self.state.db)
        self.campaignLabel = QLabel(body)
        self.campaignCombo = picker.campaign_combo(body, "")
        self.campaignLabel.setBuddy(self.campaignCombo)
        picker.fill(self.campaignCombo, known, self.catalog.id)
        self.campaignCombo.currentIndexChanged.connect(self._campaign_picked)
        for widget in (self.campaignLabel, self.campaignCombo):
            widget.setVisible(len(known) > 1)  # one campaign: never a question
            top.addWidget(widget)
        top.addWidget(self.monthLabel)
        top.addWidget(self.monthEdit)
        self.body.addLayout(top)
        self.spanLabel = QLabel(body)
        self.body.addWidget(self.spanLabel)
        grid = QGridLayout()
        self.cards: dict[str, Card] = {}
        keys = self._card_keys()
        for index, key in enumerate(keys):
            card = Card(body)
            card.number.setObjectName(f"{key}Number")
            card.number.clicked.connect(lambda _c=False, k=key: self.open_number(k))
            self.cards[key] = card
            grid.addWidget(card, index // 3, index % 3)
        self.body.addLayout(grid)
        self.statusLine = QLabel(body)
        self.statusLine.setWordWrap(True)
        self.venueLine = QLabel(body)
        self.venueLine.setWordWrap(True)
        self.body.addWidget(self.statusLine)
        self.body.addWidget(self.venueLine)
        self.chartArea = QHBoxLayout()
        self.body.addLayout(self.chartArea, 1)
        self.emptyLabel = QLabel(body)
        self.emptyLabel.setWordWrap(True)
        self.body.addWidget(self.emptyLabel)
        self.body.addStretch(0)

    def _card_keys(self) -> list[str]:
        if self.district:
            reach = self.catalog.overview.reach
            return ["expected", "on_time", "late", "missing", "activities", *filter(None, [reach])]
        return ["activities", *self.catalog.overview.cards, "venues"]

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self._show()
            if self.charts is not None:
                self.charts.update_texts()
        super().changeEvent(event)

    def _campaign_picked(self) -> None:
        """Another campaign's figures: its own cards and charts, so the page is made again
        (by the main window; on its own, the figures follow at once)."""
        campaigns.remember(self.state.db, str(self.campaignCombo.currentData()))
        self.catalog = campaigns.preferred(self.state.db)
        self.campaign_picked.emit()

    def retranslate(self) -> None:
        self.heading.setText(
            (
                self.tr("The province this month")
                if self.province
                else self.tr("The district this month")
            )
            if self.district
            else self.tr("This month at a glance")
        )
        self.monthLabel.setText(self.tr("&Month:"))
        self.campaignLabel.setText(self.tr("Campaign:"))
        self.campaignCombo.setAccessibleName(self.tr("Campaign"))
        self.monthEdit.setAccessibleName(self.tr("Month shown"))
        titles = {
            "activities": self.tr("Activities"),
            "expected": self.tr("Communes expected to report"),
            "on_time": self.tr("Reports received on time"),
            "late": self.tr("Reports received late or revised"),
            "missing": self.tr("Communes not yet reported"),
            "venues": self.tr("Venues registered for QR"),
        }
        lang = i18n.current_lang()
        for indicator in self.catalog.indicators:
            titles.setdefault(indicator.code, indicator.label(lang))
        for key, card in self.cards.items():
            card.title.setText(titles.get(key, key))
            card.number.setAccessibleName(card.title.text())
            card.number.setToolTip(self._tip(key))

    def _tip(self, key: str) -> str:
        if self.district:
            return self.tr("Open the district reports")
        if key == "venues":
            return self.tr("Open the venue list")
        return self.tr("Show the activities behind this number")

    # -- data ---------------------------------------------------------------------------

    def period(self) -> Period:
        day = self.monthEdit.date()
        return calendar_month(day.year(), day.month())

    def set_month(self, year: int, month: int) -> None:
        self.monthEdit.setDate(QDate(year, month, 1))

    def view_state(self) -> dict[str, object]:
        """The month shown (kept when the window changes language)."""
        return {"month": self.monthEdit.date()}

    def set_view_state(self, kept: dict[str, object]) -> None:
        month = kept.get("month")
        if isinstance(month, QDate):
            self.monthEdit.setDate(month)

    def refresh(self) -> None:
        """Read the chosen month's figures off the GUI thread (the report's sums: ~25 ms on a
        year of demo data, far more on 100,000 activities); they show when they arrive."""
        period = self.period()
        db, district_mode = self.state.db, self.district
        campaign_id = self.catalog.id
        self._settled = False
        ops().drop(self, "trend")  # a trend still on its way is the previous month's

        def work(_progress: Any) -> Any:
            from quynhnhai_desktop.services import overview

            if district_mode:
                return overview.district_overview(db, period)
            return overview.commune(db, period, campaign_id)

        self._start(work, self._loaded, self._failed, key="figures")

    def _start(
        self,
        work: Callable[[Any], Any],
        done: Callable[[Any], None],
        failed: Callable[[BaseException], None],
        *,
        key: str,
    ) -> None:
        """Read off the GUI thread; an answer outdated by a newer query under *key* (the
        clerk picked another month meanwhile) is dropped. Nothing starts once the database
        is closed (a chart built as the window closes)."""
        if not self.state.db.closed:
            ops().query(self, work, done, failed, key=key)

    def _loaded(self, result: Any) -> None:
        if self.district:
            self.district_overview = result
        else:
            self.overview = result
        self._show()
        if self.charts is not None:
            self.charts.update_data(self.overview, self.district_overview)
            self._load_trend()
        self.loaded.emit()
        self._settle()

    def _failed(self, error: BaseException) -> None:
        self.statusLine.setText(
            self.tr("The figures could not be read: {error}").format(
                error=present(error, "overview figures")
            )
        )
        self._settle()

    def is_settled(self) -> bool:
        return self._settled

    def _settle(self) -> None:
        self._settled = True
        self.settled.emit()
        if self.isVisible():
            self._schedule_charts()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self._settled:
            self._schedule_charts()

    def _schedule_charts(self) -> None:
        """The charts come after the numbers (building them would hold the GIL the sums
        need), once the numbers have painted: a zero timer would run before the paint."""
        if self.charts is None and self._charts_watch is None:
            # The window's paint (Qt does not paint this page: its scroll area covers it),
            # then one more turn: what else waited for that paint (the window's) goes first.
            self._charts_watch = AfterPaint(
                self.window(),
                lambda: QTimer.singleShot(0, self, self._build_charts),
                owner=self,
            )

    def _build_charts(self) -> None:
        self._charts_watch = None
        if self.charts is not None:
            return
        from PySide6.QtCore import Qt

        from quynhnhai_desktop.gui.overview.charts import ChartArea

        # No Tab stop on the frameless scroll area (nothing would show it has focus); set
        # here, after the first paint: the Qt namespace costs start-up time.
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.charts = ChartArea(self.catalog, self)
        self.charts.form_clicked.connect(
            lambda code: self.open_number("activities", form_code=code)
        )
        self.charts.topic_clicked.connect(
            lambda code: self.open_number("activities", topic_code=code)
        )
        self.chartArea.addWidget(self.charts)
        self.charts.update_data(self.overview, self.district_overview)
        self.charts_built.emit()
        self._load_trend()

    def _load_trend(self) -> None:
        """The 12 months up to the chosen one, for the trend chart (a commune's own data)."""
        if self.district:
            return
        period, db = self.period(), self.state.db
        campaign = self.catalog

        def work(_progress: Any) -> Any:
            from quynhnhai_desktop.services import overview

            return overview.trend(db, period, campaign=campaign)

        self._start(work, self._trend_loaded, self._trend_failed, key="trend")

    def _trend_loaded(self, points: Any) -> None:
        if self.charts is None:
            return
        self.charts.update_trend(points)
        self.trend_loaded.emit()

    def _trend_failed(self, error: BaseException) -> None:
        # the numbers are on screen; only this chart stays empty
        present(error, "overview trend")

    def number_text(self, key: str) -> str:
        return self.cards[key].number.text()

    def _show(self) -> None:
        period = self.period()
        if self.overview is None and self.district_overview is None:
            for card in self.cards.values():
                card.number.setText("…")
        span = (
            self.tr("From {start} to {end}; the communes' latest reports.")
            if self.district
            else self.tr("From {start} to {end}; compared with the month before.")
        )
        self.spanLabel.setText(
            span.format(start=format_date(period.start), end=format_date(period.end))
        )
        if self.district:
            self._show_district()
        else:
            self._show_commune()
        for card in self.cards.values():  # a screen reader says the title, then these
            said = (card.number.text(), card.change.text())
            card.number.setAccessibleDescription(" — ".join(text for text in said if text))

    def _change(self, now: int, before: int) -> str:
        diff = now - before
        if now == before == 0:
            return self.tr("no figures yet")
        if diff == 0:
            return self.tr("the same as last month ({before})").format(before=_number(before))
        sign = "+" if diff > 0 else ""
        return self.tr("{sign}{diff} on last month ({before})").format(
            sign=sign, diff=_number(diff), before=_number(before)
        )

    def _show_commune(self) -> None:
        if self.overview is None:
            return
        data = self.overview.data
        for key, card in self.cards.items():
            if key == "venues":
                venues = data.venues.total
                card.number.setText(f"{_number(venues.registered)} / {_number(venues.venues)}")
                card.change.setText(
                    self._change(venues.registered, data.venues.previous_registered)
                )
                continue
            now = data.totals.activities if key == "activities" else data.totals.value(key)
            before = (
                data.previous_totals.activities
                if key == "activities"
                else data.previous_totals.value(key)
            )
            card.number.setText(_number(now))
            card.change.setText(self._change(now, before))
        status = self.overview.status
        if status.revision is None:
            self.statusLine.setText(
                self.tr("Monthly report: draft — not yet exported to the district.")
            )
        else:
            self.statusLine.setText(
                self.tr("Monthly report: exported, revision {revision}, on {date}.").format(
                    revision=status.revision,
                    date=format_date(status.exported_on or clock.today()),
                )
            )
        venues = data.venues.total
        share = round(100 * venues.registered / venues.venues) if venues.venues else 0
        self.venueLine.setText(
            self.tr(
                "QR codes: {registered} of {total} venues registered ({share} %), {posters} "
                "posters printed."
            ).format(
                registered=_number(venues.registered),
                total=_number(venues.venues),
                share=share,
                posters=_number(venues.posters),
            )
        )
        self.emptyLabel.setVisible(data.totals.activities == 0)
        self.emptyLabel.setText(
            self.tr(
                "No activity recorded this month yet. Open Activities (Ctrl+2) and press "
                "Add to enter the first tally."
            )
        )

    def _show_district(self) -> None:
        summary = self.district_overview
        if summary is None:
            return
        late = summary.received.get("late", 0) + summary.received.get("revised", 0)
        numbers = {
            "expected": summary.expected,
            "on_time": summary.received.get("on_time", 0),
            "late": late,
            "missing": summary.received.get("missing", 0),
            "activities": summary.activities,
        }
        reach = self.catalog.overview.reach
        if reach:
            numbers[reach] = summary.values.get(reach, 0)
        for key, card in self.cards.items():
            card.number.setText(_number(numbers[key]))
            card.change.setText("")
        total = (
            self.tr("Province total, latest revisions")
            if self.province
            else self.tr("District total, latest revisions")
        )
        self.cards["activities"].change.setText(total)
        if reach:
            self.cards[reach].change.setText(total)
        installs = sum(summary.values.get(code, 0) for code in self.catalog.overview.installs)
        template = (
            self.tr("Installs in the province this month: {installs}.")
            if self.province
            else self.tr("Installs in the district this month: {installs}.")
        )
        self.statusLine.setText(template.format(installs=_number(installs)))
        self.venueLine.setText("")
        self.emptyLabel.setVisible(numbers["missing"] == summary.expected)
        self.emptyLabel.setText(
            self.tr(
                "No commune report for this month yet. Open Reports (Ctrl+4) and import the "
                "files the communes sent."
            )
        )

    # -- clicks -------------------------------------------------------------------------

    def open_number(
        self, key: str, *, form_code: str | None = None, topic_code: str | None = None
    ) -> QWidget | None:
        """Open the list behind a number: the period's activities (of a form or topic)."""
        window = self.window()
        show_section = getattr(window, "show_section", None)
        if show_section is None:
            return None
        if self.district:
            return show_section("reports")
        if key == "venues":
            return show_section("venues")
        page = show_section("activities")
        period = self.period()
        page.show_filtered(period.start, period.end, form_code=form_code, topic_code=topic_code)
        return page
