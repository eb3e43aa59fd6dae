"""Date boxes a clerk can type into: the range is checked when the field is left.

A QDateEdit whose maximum is today fights the typing: with today 01/12/2026, typing "25"
in the day gives 25/12/2026, past the maximum, and Qt corrects it before the month is typed
(typing "25" then "09" ended as 02/09/2021). :class:`DateRange` gives the box a range wide
enough for any typing and checks the real one when the clerk leaves the field (or presses
Enter): a date outside it is put back to the nearest allowed day, and a message says why.

Qt moves to the next part of the date by itself once a part is complete ("25" → the
month); the "/" a clerk types next would then skip the month too. Such a "/" is dropped.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QEvent, QObject, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDateEdit, QLabel

from quynhnhai_desktop import i18n
from quynhnhai_desktop.domain import clock
from quynhnhai_desktop.domain.dates import format_date

FIRST_MONTH = dt.date(2020, 1, 1)  # the earliest month a report can be for
SEPARATORS = frozenset("/.-")
TYPING_RANGE = (QDate(1900, 1, 1), QDate(2099, 12, 31))  # nothing a clerk types is refused


def qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def pydate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


class DateRange(QObject):
    """The allowed range of *edit*, checked when the field is left."""

    refused = Signal(str)  # the message shown (also in *message_label*, when there is one)

    def __init__(
        self,
        edit: QDateEdit,
        first: dt.date,
        last: dt.date | None = None,
        *,
        message_label: QLabel | None = None,
        months: bool = False,
    ) -> None:
        super().__init__(edit)
        self.edit = edit
        self.first = first
        self.last = last  # None: today, whenever the check runs
        self.months = months  # the box shows MM/yyyy: the range is compared by month
        self.message_label = message_label
        self.message = ""
        edit.setDateRange(*TYPING_RANGE)
        edit.setCorrectionMode(QDateEdit.CorrectionMode.CorrectToNearestValue)
        edit.editingFinished.connect(self.check)
        self._digit_section: int | None = None  # where the last key, a digit, was typed
        edit.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.edit and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            text = event.text()
            typed_in, self._digit_section = self._digit_section, None
            if text.isdigit():
                self._digit_section = self.edit.currentSectionIndex()
            elif text and text in SEPARATORS and typed_in not in (None, self._section()):
                return True  # the digit before completed its part: Qt already moved on
        return super().eventFilter(watched, event)

    def _section(self) -> int:
        return self.edit.currentSectionIndex()

    def bounds(self) -> tuple[dt.date, dt.date]:
        last = self.last or clock.today()
        if self.months:
            return self.first.replace(day=1), last
        return self.first, last

    def check(self) -> bool:
        """Put a date outside the range back inside it, and say why; True when it was fine."""
        first, last = self.bounds()
        typed = pydate(self.edit.date())
        if self.months:
            typed = typed.replace(day=1)
        if first <= typed <= last:
            self._say("")
            return True
        self.edit.setDate(qdate(first if typed < first else last))
        if self.months:
            text = i18n.translate(
                "DateRange", "{typed}: choose a month from {first} to {last}."
            ).format(
                typed=f"{typed.month:02d}/{typed.year}",
                first=f"{first.month:02d}/{first.year}",
                last=f"{last.month:02d}/{last.year}",
            )
        elif self.last is None and typed > last:
            text = i18n.translate(
                "DateRange", "{typed} is in the future: choose a day up to today ({last})."
            ).format(typed=format_date(typed), last=format_date(last))
        else:
            text = i18n.translate(
                "DateRange", "{typed}: choose a day from {first} to {last}."
            ).format(typed=format_date(typed), first=format_date(first), last=format_date(last))
        self._say(text)
        return False

    def _say(self, text: str) -> None:
        label = self.message_label
        if label is not None and (text or label.text() == self.message):
            label.setText(text)  # a message of someone else's stays
            if text:
                label.show()
        self.message = text
        if text:
            self.refused.emit(text)
