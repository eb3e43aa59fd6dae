"""The campaign editor: the upper level writes a campaign, or a new version of one.

Tabs keep it on a 1024×600 screen: the directive and dates; the indicators; the forms (and
which indicators each asks for); the topics; what the screens show (the list's columns, the
totals line, the overview's cards, the plausibility limits). Codes are typed in small Latin
letters; lists of codes are written with commas. Saving checks everything at once, the same
way a campaign file from elsewhere is checked, and shows the first problem.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from quynhnhai_desktop import i18n
from quynhnhai_desktop.domain import clock
from quynhnhai_desktop.domain.campaign import DIRECTIVE_WORDS, Campaign
from quynhnhai_desktop.domain.dates import format_date, parse_date
from quynhnhai_desktop.domain.errors import UserError
from quynhnhai_desktop.services import campaign_editing
from quynhnhai_desktop.services.database import Database

ERROR_STYLE = "color: #b00020;"
FROZEN_COLOR = "#e6e6e6"


def _codes(text: str) -> list[str]:
    return [part.strip() for part in text.replace(";", ",").split(",") if part.strip()]


class RowsEditor(QWidget):
    """A small table of rows (code, Vietnamese, English, …) with Add and Remove; with
    *retire*, a last column ticks a row retired (kept, no longer offered)."""

    def __init__(
        self, headers: list[str], parent: QWidget | None = None, *, retire: bool = False
    ) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.texts = len(headers)  # the text columns; the retire tick comes after them
        self.retire = retire
        shown = [*headers, self.tr("Retired")] if retire else headers
        self.table = QTableWidget(0, len(shown), self)
        self.table.setHorizontalHeaderLabels(shown)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.table.setColumnWidth(0, 140)
        if retire:
            header.setSectionResizeMode(self.texts, QHeaderView.ResizeMode.ResizeToContents)
        self.frozen: set[str] = set()  # codes a report used: fixed, never removed
        layout.addWidget(self.table, 1)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.hide()
        layout.addWidget(self.note)
        buttons = QHBoxLayout()
        self.addButton = QPushButton(self.tr("&Add a row"), self)
        self.removeButton = QPushButton(self.tr("&Remove the row"), self)
        buttons.addWidget(self.addButton)
        buttons.addWidget(self.removeButton)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.addButton.clicked.connect(self.add_row)
        self.removeButton.clicked.connect(self._remove)

    def add_row(self, values: list[str] | None = None, *, retired: bool = False) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column in range(self.texts):
            text = values[column] if values and column < len(values) else ""
            self.table.setItem(row, column, QTableWidgetItem(text))
        if self.retire:
            tick = QTableWidgetItem()
            tick.setFlags(
                Qt.ItemFlag.ItemIsEnabled
                | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsUserCheckable
            )
            tick.setCheckState(Qt.CheckState.Checked if retired else Qt.CheckState.Unchecked)
            self.table.setItem(row, self.texts, tick)
        self.table.setCurrentCell(row, 0)
        return row

    def freeze(self, codes: set[str]) -> None:
        """Fix the codes a report used: the code cannot be edited nor the row removed (it
        can be renamed in words, or retired); the note under the table says why."""
        self.frozen = set(codes)
        tip = self.tr(
            "A report used this code: it can be renamed in words or retired, never changed "
            "or removed."
        )
        shown = 0
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            if item is None or item.text().strip() not in self.frozen:
                continue
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            item.setToolTip(tip)
            item.setBackground(QColor(FROZEN_COLOR))
            shown += 1
        if shown:
            self.note.setText(
                self.tr(
                    "The codes in grey ({count}) were used by reports: they stay as they are. "
                    "Change their names, or tick “Retired” to stop offering them."
                ).format(count=shown)
            )
            self.note.setStyleSheet("")
            self.note.show()

    def _remove(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            return
        item = self.table.item(row, 0)
        code = item.text().strip() if item else ""
        if code in self.frozen:
            self.note.setText(
                self.tr(
                    "“{code}” was used by a report, so it cannot be removed. Tick “Retired” "
                    "instead: it is then no longer offered for new entries."
                ).format(code=code)
            )
            self.note.setStyleSheet(ERROR_STYLE)
            self.note.show()
            return
        self.table.removeRow(row)

    def rows(self) -> list[list[str]]:
        """The filled rows' texts (a row left wholly empty is ignored)."""
        return [texts for texts, _retired in self.rows_retired()]

    def rows_retired(self) -> list[tuple[list[str], bool]]:
        """The filled rows' texts, each with its "Retired" tick."""
        found = []
        for row in range(self.table.rowCount()):
            texts = [
                (item.text().strip() if (item := self.table.item(row, c)) else "")
                for c in range(self.texts)
            ]
            tick = self.table.item(row, self.texts) if self.retire else None
            retired = tick is not None and tick.checkState() == Qt.CheckState.Checked
            if any(texts):
                found.append((texts, retired))
        return found


class CampaignEditor(QDialog):
    """A new campaign (*base* None) or a new version of *base*; ``saved`` gives it."""

    saved = Signal(object)  # the Campaign stored

    def __init__(self, db: Database, base: Campaign | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.base = base
        self.setWindowTitle(
            self.tr("New campaign")
            if base is None
            else self.tr("New version of “{title}”").format(title=base.title[i18n.current_lang()])
        )
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget(self)
        layout.addWidget(self.tabs, 1)
        self._build_directive_tab()
        self.indicators = RowsEditor(
            [self.tr("Code"), self.tr("Name in Vietnamese"), self.tr("Name in English")],
            self,
            retire=True,
        )
        self.tabs.addTab(self.indicators, self.tr("&Indicators"))
        self.forms = RowsEditor(
            [
                self.tr("Code"),
                self.tr("Name in Vietnamese"),
                self.tr("Name in English"),
                self.tr("Indicators asked (codes)"),
            ],
            self,
            retire=True,
        )
        self.tabs.addTab(self.forms, self.tr("&Forms"))
        self.topics = RowsEditor(
            [self.tr("Code"), self.tr("Name in Vietnamese"), self.tr("Name in English")],
            self,
            retire=True,
        )
        self.tabs.addTab(self.topics, self.tr("&Topics"))
        self._build_screens_tab()
        self.errorLabel = QLabel(self)
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setStyleSheet(ERROR_STYLE)
        self.errorLabel.hide()
        layout.addWidget(self.errorLabel)
        buttons = QHBoxLayout()
        self.previewButton = QPushButton(self.tr("Previe&w…"), self)
        self.previewButton.setToolTip(
            self.tr("The entry dialog and a blank report, as the communes will see them")
        )
        buttons.addWidget(self.previewButton)
        buttons.addStretch(1)
        self.saveButton = QPushButton(self.tr("&Save"), self)
        self.saveButton.setDefault(True)
        self.cancelButton = QPushButton(self.tr("Cancel"), self)
        buttons.addWidget(self.saveButton)
        buttons.addWidget(self.cancelButton)
        layout.addLayout(buttons)
        self.saveButton.clicked.connect(self.save)
        self.previewButton.clicked.connect(self.show_preview)
        self.preview: QDialog | None = None
        self.cancelButton.clicked.connect(self.reject)
        if base is not None:
            self.fill(base)
            self.idEdit.setReadOnly(True)  # a new version of the same campaign
            self.versionSpin.setValue(campaign_editing.next_version(db, base.id))
            used = campaign_editing.used_codes(db, base.id)
            for kind, rows in (
                ("indicators", self.indicators),
                ("forms", self.forms),
                ("topics", self.topics),
            ):
                rows.freeze(used[kind])
        else:
            self.runsFromEdit.setText(format_date(clock.today()))
            self.directiveDateEdit.setText(format_date(clock.today()))
        self.versionSpin.setEnabled(False)  # always the next one
        self.resize(860, 520)

    # -- building -----------------------------------------------------------------------

    def _build_directive_tab(self) -> None:
        page = QWidget(self)
        form = QFormLayout(page)
        self.idEdit = QLineEdit(page)
        self.idEdit.setPlaceholderText("digital-2026")
        self.idEdit.setMaxLength(64)
        self.versionSpin = QSpinBox(page)
        self.versionSpin.setRange(1, 10_000)
        self.titleViEdit = QLineEdit(page)
        self.titleEnEdit = QLineEdit(page)
        self.kindCombo = QComboBox(page)
        for kind, word in DIRECTIVE_WORDS.items():
            self.kindCombo.addItem(word, kind)
        self.numberEdit = QLineEdit(page)
        self.numberEdit.setMaxLength(20)
        self.symbolEdit = QLineEdit(page)
        self.symbolEdit.setPlaceholderText("KH-UBND")
        self.directiveDateEdit = QLineEdit(page)
        self.issuerEdit = QLineEdit(page)
        self.issuerEdit.setPlaceholderText("UBND huyện Quỳnh Nhai")
        self.runsFromEdit = QLineEdit(page)
        self.runsToEdit = QLineEdit(page)
        self.runsToEdit.setPlaceholderText(self.tr("empty: no end date"))
        self.ruleCombo = QComboBox(page)
        self.ruleCombo.addItem(self.tr("Calendar month"), "calendar")
        self.ruleCombo.addItem(self.tr("Statistical month (Decree 09)"), "statistical")
        self.deadlineSpin = QSpinBox(page)
        self.deadlineSpin.setRange(1, 28)
        self.deadlineSpin.setValue(5)
        self.deadlineSpin.setSuffix(self.tr(" days after the period"))
        for text, widget in (
            (self.tr("Campaign &code:"), self.idEdit),
            (self.tr("Version:"), self.versionSpin),
            (self.tr("Title (&Vietnamese):"), self.titleViEdit),
            (self.tr("Title (&English):"), self.titleEnEdit),
            (self.tr("Directive &kind:"), self.kindCombo),
            (self.tr("&Number:"), self.numberEdit),
            (self.tr("S&ymbol:"), self.symbolEdit),
            (self.tr("Directive &date:"), self.directiveDateEdit),
            (self.tr("Issued &by:"), self.issuerEdit),
            (self.tr("Runs &from:"), self.runsFromEdit),
            (self.tr("Runs &until:"), self.runsToEdit),
            (self.tr("Reporting &period:"), self.ruleCombo),
            (self.tr("Report &due:"), self.deadlineSpin),
        ):
            form.addRow(text, widget)
        self.tabs.addTab(page, self.tr("&Directive"))

    def _build_screens_tab(self) -> None:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.addWidget(QLabel(self.tr("Columns of the activity list:"), page))
        self.columns = RowsEditor(
            [
                self.tr("Code"),
                self.tr("Name in Vietnamese"),
                self.tr("Name in English"),
                self.tr("Indicators summed (codes)"),
            ],
            page,
        )
        layout.addWidget(self.columns, 1)
        form = QFormLayout()
        self.totalsEdit = QLineEdit(page)
        self.totalsEdit.setPlaceholderText(self.tr("empty: every indicator"))
        self.cardsEdit = QLineEdit(page)
        self.reachEdit = QLineEdit(page)
        self.maximumEdit = QLineEdit(page)
        self.maximumEdit.setPlaceholderText("learners=500, classes=10")
        self.peopleEdit = QLineEdit(page)
        for text, widget in (
            (self.tr("Totals line (codes):"), self.totalsEdit),
            (self.tr("Overview cards (codes):"), self.cardsEdit),
            (self.tr("People reached (code):"), self.reachEdit),
            (self.tr("Worth a second look above (code=N):"), self.maximumEdit),
            (self.tr("People counted (code):"), self.peopleEdit),
        ):
            form.addRow(text, widget)
        layout.addLayout(form)
        self.tabs.addTab(page, self.tr("What the &screens show"))

    # -- between the fields and the data ----------------------------------------------

    def fill(self, campaign: Campaign) -> None:
        """Start from *campaign* (a new version keeps everything, to be changed)."""
        self.idEdit.setText(campaign.id)
        self.versionSpin.setValue(campaign.version)
        self.titleViEdit.setText(campaign.title["vi"])
        self.titleEnEdit.setText(campaign.title.get("en", ""))
        directive = campaign.directive
        self.kindCombo.setCurrentIndex(max(self.kindCombo.findData(directive.kind), 0))
        self.numberEdit.setText(directive.number)
        self.symbolEdit.setText(directive.symbol)
        self.directiveDateEdit.setText(format_date(directive.date))
        self.issuerEdit.setText(directive.issuer)
        self.runsFromEdit.setText(format_date(campaign.runs_from))
        self.runsToEdit.setText(format_date(campaign.runs_to) if campaign.runs_to else "")
        self.ruleCombo.setCurrentIndex(max(self.ruleCombo.findData(campaign.reporting.rule), 0))
        self.deadlineSpin.setValue(campaign.reporting.deadline_day)
        for i in campaign.indicators:
            self.indicators.add_row([i.code, i.vi, i.en], retired=i.retired)
        for f in campaign.forms:
            self.forms.add_row([f.code, f.vi, f.en, ", ".join(f.indicators)], retired=f.retired)
        for t in campaign.topics:
            self.topics.add_row([t.code, t.vi, t.en], retired=t.retired)
        for c in campaign.list_columns:
            self.columns.add_row([c.code, c.vi, c.en, ", ".join(c.indicators)])
        self.totalsEdit.setText(", ".join(campaign.totals))
        self.cardsEdit.setText(", ".join(campaign.overview.cards))
        self.reachEdit.setText(campaign.overview.reach or "")
        self.maximumEdit.setText(
            ", ".join(f"{c}={n}" for c, n in campaign.plausibility.maximum.items())
        )
        self.peopleEdit.setText(campaign.plausibility.people or "")
        self._kept = campaign.model_dump(mode="json")  # what the editor has no field for

    def data(self) -> dict[str, Any]:
        """The campaign as typed, as a campaign file's data (checked on Save)."""
        kept: dict[str, Any] = dict(getattr(self, "_kept", {}))

        def day(text: str) -> str | None:
            found = parse_date(text)
            return found.isoformat() if found else (text.strip() or None)

        def items(kind: str, editor: RowsEditor, extra: str | None = None) -> list[dict[str, Any]]:
            found = []
            for row, retired in editor.rows_retired():
                item: dict[str, Any] = {"code": row[0], "vi": row[1], "en": row[2]}
                if extra:
                    item[extra] = _codes(row[3])
                if editor.retire:
                    item["retired"] = retired
                found.append(self._kept_item(kind, row[0]) | item)  # e.g. a report phrase
            return found

        maximum: dict[str, Any] = {}
        for part in _codes(self.maximumEdit.text()):
            code, _sep, number = part.partition("=")
            maximum[code.strip()] = int(number) if number.strip().isdigit() else number.strip()
        directive = {
            "kind": self.kindCombo.currentData(),
            "number": self.numberEdit.text().strip(),
            "symbol": self.symbolEdit.text().strip(),
            "date": day(self.directiveDateEdit.text()),
            "issuer": self.issuerEdit.text().strip(),
        }
        title_vi = self.titleViEdit.text().strip()
        signed_on = parse_date(self.directiveDateEdit.text())
        signed = (
            f"{signed_on.day}/{signed_on.month}/{signed_on.year}"
            if signed_on
            else self.directiveDateEdit.text().strip()
        )
        kept_overview = kept.get("overview", {})
        kept_plausibility = kept.get("plausibility", {})
        return kept | {
            "id": self.idEdit.text().strip(),
            "version": self.versionSpin.value(),
            "title": {"vi": title_vi, "en": self.titleEnEdit.text().strip() or title_vi},
            "source": (  # as the report's opening sentence names it
                f"{DIRECTIVE_WORDS.get(directive['kind'], '')} số {directive['number']}/"
                f"{directive['symbol']} ngày {signed} của {directive['issuer']}"
            ),
            "directive": directive,
            "runs_from": day(self.runsFromEdit.text()),
            "runs_to": day(self.runsToEdit.text()),
            "indicators": items("indicators", self.indicators),
            "forms": items("forms", self.forms, "indicators"),
            "topics": items("topics", self.topics),
            "list_columns": items("list_columns", self.columns, "indicators"),
            "totals": _codes(self.totalsEdit.text()),
            "overview": kept_overview
            | {
                "cards": _codes(self.cardsEdit.text()),
                "reach": self.reachEdit.text().strip() or None,
            },
            "plausibility": kept_plausibility
            | dict(maximum=maximum, people=self.peopleEdit.text().strip() or None),
            "reporting": {
                "rule": self.ruleCombo.currentData(),
                "deadline_day": self.deadlineSpin.value(),
            },
        }

    def _kept_item(self, kind: str, code: str) -> dict[str, Any]:
        """What the base campaign says of *code* beyond the editor's fields."""
        for item in getattr(self, "_kept", {}).get(kind, []):
            if item["code"] == code:
                return dict(item)
        return {}

    def show_preview(self) -> QDialog | None:
        """The campaign as typed, as a commune will see it (checked first, not saved)."""
        from quynhnhai_desktop.gui.campaigns.preview import CampaignPreview

        try:
            campaign = campaign_editing.check(self.data())
        except UserError as error:
            self.errorLabel.setText(i18n.message(error))
            self.errorLabel.show()
            return None
        self.errorLabel.hide()
        preview = CampaignPreview(self.db, campaign, self)
        preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        preview.finished.connect(lambda _r: setattr(self, "preview", None))
        self.preview = preview
        preview.open()
        return preview

    def save(self) -> None:
        try:
            campaign = campaign_editing.save(self.db, self.data())
        except UserError as error:
            self.errorLabel.setText(i18n.message(error))
            self.errorLabel.show()
            return
        self.saved.emit(campaign)
        self.accept()
