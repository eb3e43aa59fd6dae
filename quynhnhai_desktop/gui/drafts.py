"""Power-cut proof forms: a dialog's unsaved values go to a draft file as the clerk types.

The seam a dialog provides is two methods::

    def values(self) -> dict[str, Any]: ...        # JSON types only (dates as ISO text)
    def set_values(self, values: dict[str, Any]) -> None: ...

and three lines in its constructor::

    self.draft = DraftKeeper(self, DraftStore.for_paths(state.paths), "activity")
    self.draft.watch()       # every input widget's change signal saves the draft
    self.draft.restore()     # puts back what a crash interrupted, if anything

Once the dialog closes (saved, or cancelled on purpose) the draft is removed. A draft
that is still on disk at the next start is offered back by :func:`offer_pending`, which
opens the form through the opener registered for it in :data:`OPENERS` (one line per form;
the key's part after ``:`` names the record being edited, if any).

Saving is debounced (:attr:`DraftKeeper.delay_ms`, 300 ms after the last change): a power
cut loses at most that much typing, and an old HDD is not asked for an fsync per key.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDoubleSpinBox,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QSpinBox,
    QTextEdit,
    QWidget,
)

from quynhnhai_desktop import i18n
from quynhnhai_desktop.domain.errors import QT_TRANSLATE_NOOP
from quynhnhai_desktop.services.drafts import Draft, DraftStore

if TYPE_CHECKING:
    from quynhnhai_desktop.gui.state import AppState

log = logging.getLogger(__name__)


class DraftForm(Protocol):
    """What a dialog implements so its unsaved values survive a crash."""

    def values(self) -> dict[str, Any]: ...

    def set_values(self, values: dict[str, Any]) -> None: ...


class DraftKeeper(QObject):
    """Keeps one dialog's draft on disk while it is open."""

    written = Signal()  # a draft reached the disk (tests wait for it)
    delay_ms = 300

    def __init__(self, dialog: QDialog, store: DraftStore, key: str) -> None:
        super().__init__(dialog)
        if not callable(getattr(dialog, "values", None)) or not callable(
            getattr(dialog, "set_values", None)
        ):
            raise TypeError(f"{type(dialog).__name__} needs values() and set_values()")
        self._dialog = dialog
        self._form: DraftForm = dialog  # type: ignore[assignment]
        self.store = store
        self.key = key
        self._applying = False
        self._last: dict[str, Any] | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(self.delay_ms)
        self._timer.timeout.connect(self.flush)
        dialog.finished.connect(self._on_finished)

    def watch(self, root: QWidget | None = None) -> None:
        """Save on every change of every input widget under *root* (the dialog)."""
        for widget in (root or self._dialog).findChildren(QWidget):
            for signal in _change_signals(widget):
                signal.connect(self.changed)

    def changed(self) -> None:
        """A value changed: write the draft once typing pauses."""
        if not self._applying:
            self._timer.start()

    def flush(self) -> None:
        """Write the draft now (skipped when nothing changed since the last write)."""
        self._timer.stop()
        values = self._form.values()
        if values == self._last:
            return
        try:
            self.store.save(self.key, values)
        except OSError:  # a safety net must never break the form it protects
            log.exception("draft %s could not be written", self.key)
            return
        self._last = values
        self.written.emit()

    def restore(self) -> bool:
        """Put a kept draft back into the dialog; True when there was one."""
        draft = self.store.load(self.key)
        if draft is None:
            return False
        self._applying = True
        try:
            self._form.set_values(draft.values)
        finally:
            self._applying = False
        self._last = draft.values
        log.info("draft %s restored (from %s)", self.key, draft.saved_at)
        return True

    def clear(self) -> None:
        self._timer.stop()
        self.store.clear(self.key)
        self._last = None

    def _on_finished(self, _result: int) -> None:
        # Saved (accepted) or cancelled on purpose (rejected): either way nothing to keep.
        self.clear()


def _change_signals(widget: QWidget) -> list[Any]:
    if isinstance(widget, QLineEdit):
        return [widget.textChanged]
    if isinstance(widget, QPlainTextEdit | QTextEdit):
        return [widget.textChanged]
    if isinstance(widget, QSpinBox | QDoubleSpinBox):
        return [widget.valueChanged]
    if isinstance(widget, QDateTimeEdit):  # QDateEdit too
        return [widget.dateTimeChanged]
    if isinstance(widget, QComboBox):
        return [widget.currentIndexChanged, widget.editTextChanged]
    if isinstance(widget, QAbstractButton) and widget.isCheckable():
        return [widget.toggled]
    if isinstance(widget, QAbstractSlider):
        return [widget.valueChanged]
    if isinstance(widget, QAbstractItemView) and widget.model() is not None:
        model = widget.model()
        return [model.dataChanged, model.rowsInserted, model.rowsRemoved]
    return []


# -- offering drafts back at start-up ---------------------------------------------------

Opener = Callable[[QWidget, "AppState", Draft], None]


@dataclass(frozen=True)
class DraftOpener:
    """How to reopen one form with its draft: *title* (English, context "Drafts") and
    *open*, a function or its "module:function" path (imported only when needed)."""

    title: str
    open: Opener | str

    def resolve(self) -> Opener:
        if callable(self.open):
            return self.open
        module, _, name = self.open.partition(":")
        opener: Opener = getattr(importlib.import_module(module), name)
        return opener


# form key → opener. A form adds its line here, e.g.
#   "activity": DraftOpener(QT_TRANSLATE_NOOP("Drafts", "New activity"),
#                           "quynhnhai_desktop.gui.activities.dialog:open_draft"),
OPENERS: dict[str, DraftOpener] = {
    "activity": DraftOpener(
        QT_TRANSLATE_NOOP("Drafts", "Activity entry"),
        "quynhnhai_desktop.gui.activities.dialog:open_draft",
    ),
}


def offer_pending(parent: QWidget, state: AppState) -> list[str]:
    """Ask about each draft left by a run that never finished; returns the keys opened."""
    store = DraftStore.for_paths(state.paths)
    opened = []
    for draft in store.pending():
        opener = OPENERS.get(draft.form)
        if opener is None:
            log.warning("draft %s has no form to open it; left on disk", draft.key)
            continue
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(i18n.translate("Drafts", "Unsaved entry"))
        box.setText(
            i18n.translate(
                "Drafts",
                "“{form}” was being filled in when the app closed unexpectedly (last change "
                "{when}). What was typed has been kept.",
            ).format(
                form=i18n.translate("Drafts", opener.title),
                when=f"{draft.saved_at:%H:%M %d/%m/%Y}",
            )
        )
        box.setInformativeText(i18n.translate("Drafts", "Open it to check and save it?"))
        reopen = box.addButton(
            i18n.translate("Drafts", "Open it"), QMessageBox.ButtonRole.AcceptRole
        )
        discard = box.addButton(
            i18n.translate("Drafts", "Discard it"), QMessageBox.ButtonRole.DestructiveRole
        )
        box.addButton(i18n.translate("Drafts", "Later"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(reopen)
        box.exec()
        clicked = box.clickedButton()
        if clicked is reopen:
            opened.append(draft.key)
            opener.resolve()(parent, state, draft)
        elif clicked is discard:
            store.clear(draft.key)
    return opened
