"""The main window: section list on the left, pages on the right, status bar below.

It paints before the database opens (importing the store costs ~0.4 s): :meth:`start`
runs right after the first paint, opens the database, and fills the pages. For the same
reason this module avoids PySide6 types that are slow to initialise (the ``Qt`` namespace
~12 ms, ``QStyle`` ~5 ms) and the first keyboard shortcut (~13 ms, the key map loads):
icons and shortcuts are set in :meth:`_finish_window`, after the first paint.
"""

from __future__ import annotations

import logging
import os
import sys
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QPaintEvent
from PySide6.QtWidgets import QLabel, QListWidgetItem, QMainWindow, QWidget

from quynhnhai_desktop import __version__, i18n
from quynhnhai_desktop.config import AppPaths
from quynhnhai_desktop.gui.after_paint import AfterPaint
from quynhnhai_desktop.gui.forms.ui_main_window import Ui_MainWindow
from quynhnhai_desktop.gui.sections import SECTIONS

if TYPE_CHECKING:
    from quynhnhai_desktop.gui.data_safety import DataGuard
    from quynhnhai_desktop.gui.state import AppState
    from quynhnhai_desktop.services.run_markers import UncleanExit

log = logging.getLogger(__name__)
T = TypeVar("T")

# Set by the start-up benchmark: print the time (and the CPU used) at the first paint and when
# the data shows (and, set to "sections", open every section first: the frozen smoke test).
STARTUP_PROBE_ENV = "QUYNHNHAI_STARTUP_PROBE"


class MainWindow(QMainWindow):
    first_painted = Signal()
    ready = Signal()  # the database is open and the pages show data
    database_checked = Signal(list)  # the quick check's problems, [] when sound

    language_changed = Signal(str)  # the pages are rebuilt in the new language

    def __init__(
        self,
        paths: AppPaths,
        *,
        demo: bool = False,
        lang: str | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.paths = paths
        self.demo = demo
        self.lang_forced = lang  # --lang on the command line wins over the saved choice
        self._section_actions: list[QAction] = []
        self.state: AppState | None = None
        self.guard: DataGuard | None = None  # crash check, daily and exit backups, drafts
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)
        # A page's minimum size never grows the window (a 1024×600 screen): each page fits
        # itself, scrolling where it must.
        policy = self.ui.pages.sizePolicy()
        policy.setHorizontalPolicy(policy.Policy.Ignored)
        policy.setVerticalPolicy(policy.Policy.Ignored)
        self.ui.pages.setSizePolicy(policy)
        from quynhnhai_desktop.gui.window_memory import fit_on_screen

        fit_on_screen(self)  # the first start's size, on a small screen too
        self._painted = False
        self._closing = False
        self._data_paint_watch: AfterPaint | None = None
        self._unit_label = QLabel(self)
        self._db_label = QLabel(self)
        self.statusBar().addWidget(self._unit_label, 1)
        self.statusBar().addPermanentWidget(self._db_label)
        self._pages: dict[str, QWidget] = {}
        self._build_navigation()
        self.ui.navigation.currentRowChanged.connect(self._show_section)
        self.ui.actionQuit.triggered.connect(self.close)
        self.ui.actionAbout.triggered.connect(self._about)
        self.ui.actionUserGuide.triggered.connect(self.show_user_guide)
        self._set_status(loading=True)
        self.first_painted.connect(lambda: QTimer.singleShot(0, self.start))

    # -- start-up ---------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            _probe("first-paint")
            self.first_painted.emit()

    def start(self) -> None:
        """Open the database (set it up first if needed) and show the data."""
        from quynhnhai_desktop import logging_setup
        from quynhnhai_desktop.gui.startup import open_state
        from quynhnhai_desktop.services import run_markers

        logging_setup.configure(self.paths.log_file)
        unclean = run_markers.previous_run_unclean(self.paths)  # before open_state can fail
        state = open_state(self, self.paths, demo=self.demo)
        if state is None:  # the user cancelled the set-up
            self.close()
            return
        self.state = state
        self._apply_saved_language()
        self._set_status(loading=False)
        self._show_section(self.ui.navigation.currentRow())
        page = self.ui.pages.currentWidget()
        settled = getattr(page, "settled", None)
        if settled is None or page.is_settled():  # type: ignore[union-attr]
            self._data_shown(unclean)
            return

        def once() -> None:  # its figures come from a worker: ready when they are on screen
            settled.disconnect(once)
            self._data_shown(unclean)

        settled.connect(once)

    def _data_shown(self, unclean: UncleanExit | None) -> None:
        """The first page has its numbers: once they are painted, the rest of the window."""
        # The whole window repaints (the page alone may be swapped out before it paints).
        self._data_paint_watch = AfterPaint(self, lambda: self._data_painted(unclean))

    def _data_painted(self, unclean: UncleanExit | None) -> None:
        """The numbers are on screen: now icons and menus, the backups, the check, and
        (``ready``) the window icon and the single-instance server."""
        self._data_paint_watch = None
        if self._closing:
            return
        _probe("data-shown")
        self._finish_window()
        from quynhnhai_desktop.gui.data_safety import DataGuard  # backups: after the data shows

        self.guard = DataGuard(self, self.paths, unclean)  # marks this run (an fsync)
        self.ready.emit()
        if os.environ.get(STARTUP_PROBE_ENV):
            if os.environ[STARTUP_PROBE_ENV] == "sections":
                self._visit_sections()
            QTimer.singleShot(0, self.close)
            return
        self._check_database()

    def _visit_sections(self) -> None:
        """Build every page once (the frozen smoke test: each page's Qt modules are bundled)."""
        from PySide6.QtWidgets import QApplication

        from quynhnhai_desktop.gui.ops import ops

        for key in self.section_keys():
            self.show_section(key)
            _probe(f"section-{key}")
        for _round in range(2):  # the pages' first loads, and what their results start
            QApplication.processEvents()
            ops().wait()

    def _check_database(self) -> None:
        """SQLite's quick check, off the GUI thread (it reads the whole file); the full
        integrity check when the previous run did not close cleanly."""
        from quynhnhai_desktop.gui.tasks import Cancelled, Progress, Task
        from quynhnhai_desktop.services import database

        assert self.state is not None and self.guard is not None
        db = self.state.db
        full = self.guard.previous_run_crashed
        self._db_label.setText(self.tr("Database: checking…"))

        def run(progress: Progress) -> list[str]:
            try:
                return database.check(db, full=full, should_stop=lambda: progress.cancelled)
            except Exception as error:
                if progress.cancelled:  # the window closed: SQLite gave up, as asked
                    raise Cancelled from error
                raise

        self._check_task = Task(run, self)
        self._check_task.done.connect(self._database_checked)
        self._check_task.start()

    def _database_checked(self, problems: list[str]) -> None:
        if self.state is None or self._closing:
            return
        self.state.db.problems = problems
        self._set_status(loading=False)
        self.database_checked.emit(problems)
        assert self.guard is not None
        if self.guard.previous_run_crashed:
            self.guard.report_check(problems)
        elif problems:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.warning(
                self,
                self.tr("The data needs attention"),
                self.tr(
                    "The database check found a problem: {problem}\n\nKeep working only if "
                    "you must; restore the latest backup in Settings as soon as you can."
                ).format(problem=problems[0]),
            )
        self.guard.after_start(self.state)

    # -- sections ---------------------------------------------------------------------

    def _build_navigation(self) -> None:
        """One row per section, in SECTIONS order (the row is the index into SECTIONS)."""
        for section in SECTIONS:
            self.ui.navigation.addItem(QListWidgetItem(i18n.translate("Sections", section.title)))
        self.ui.navigation.setCurrentRow(0)

    def _finish_window(self) -> None:
        """Icons, shortcuts, the Go menu and the remembered size: after the first paint."""
        from PySide6.QtGui import QKeySequence
        from PySide6.QtWidgets import QStyle

        from quynhnhai_desktop.gui import window_memory

        self.ui.actionQuit.setShortcut(QKeySequence("Ctrl+Q"))
        self.ui.actionUserGuide.setShortcut(QKeySequence("F1"))
        style = self.style()
        for row, section in enumerate(SECTIONS):
            icon = style.standardIcon(getattr(QStyle.StandardPixmap, section.icon))
            self.ui.navigation.item(row).setIcon(icon)
            action = QAction(icon, "", self)
            action.setShortcut(QKeySequence(f"Ctrl+{row + 1}"))
            action.triggered.connect(lambda _c=False, key=section.key: self.go_to_section(key))
            self.ui.menuGo.addAction(action)
            self._section_actions.append(action)
        self._build_file_menu()
        self._retranslate_sections()
        window_memory.restore(self)

    def _build_file_menu(self) -> None:
        """What a clerk looks for under Tệp: import, export, backup, print, then Quit."""
        from PySide6.QtGui import QKeySequence

        from quynhnhai_desktop.services import profile as profile_service

        commune = self.state is not None and profile_service.records_activities(self.state.profile)
        wanted = [
            ("import", "activities", "import_file", "", commune),
            ("export", "activities", "export_file", "", commune),
            ("backup", "settings", "back_up", "", True),
            ("print", "reports", "print_report", "Ctrl+P", commune),
        ]
        self._file_actions: dict[str, QAction] = {}
        quit_action = self.ui.actionQuit
        for name, key, method, keys, shown in wanted:
            if not shown:
                continue
            action = QAction(self)
            if keys:
                action.setShortcut(QKeySequence(keys))
            action.triggered.connect(
                lambda _c=False, key=key, method=method: self._page_action(key, method)
            )
            self.ui.menuFile.insertAction(quit_action, action)
            self._file_actions[name] = action
        if self._file_actions:
            self.ui.menuFile.insertSeparator(quit_action)
        self._retranslate_file_menu()

    def _retranslate_file_menu(self) -> None:
        texts = {
            "import": self.tr("&Import activities from a file…"),
            "export": self.tr("&Export activities to a file…"),
            "backup": self.tr("&Back up to a file…"),
            "print": self.tr("&Print the monthly report…"),
        }
        for name, action in getattr(self, "_file_actions", {}).items():
            action.setText(texts[name])

    def _page_action(self, key: str, method: str) -> None:
        """A File-menu entry: open the section and do what its button does."""
        page = self.go_to_section(key)
        action = getattr(page, method, None)
        if callable(action):
            action()

    def _retranslate_sections(self) -> None:
        for row, section in enumerate(SECTIONS):
            title = i18n.translate("Sections", section.title)
            self.ui.navigation.item(row).setText(title)
            if row < len(self._section_actions):
                self._section_actions[row].setText(f"&{row + 1} {title.replace('&', '&&')}")

    # -- language -----------------------------------------------------------------------

    def _apply_saved_language(self) -> None:
        """The language the clerk chose in Settings (kept in the database), unless forced."""
        from quynhnhai_desktop.services import settings

        if self.lang_forced or self.state is None:
            return
        saved = settings.language(self.state.db)
        if saved and saved != i18n.current_lang():
            i18n.install("en" if saved == "en" else "vi")
            self._retranslate()

    def set_language(self, lang: i18n.Lang) -> None:
        """Switch the language now and remember it: the window retitles itself (Qt sends
        LanguageChange), the pages are rebuilt in the new language on their next show."""
        from quynhnhai_desktop.gui.ops import ops
        from quynhnhai_desktop.services import settings

        if self.state is not None:  # remembered on the writer lane (after a running import)
            db = self.state.db
            ops().write(self, lambda _progress: settings.set_language(db, lang))
        if lang == i18n.current_lang():
            return
        for page in self._pages.values():
            save = getattr(page, "save_texts", None)
            if callable(save):
                save()  # typed report texts are kept, whatever the language
        i18n.install(lang)
        self._retranslate()  # now; Qt's LanguageChange events arrive on the next turn
        self._rebuild_pages()
        self.language_changed.emit(lang)

    def reload_pages(self) -> None:
        """The pages again, from the profile (the installation moved to its 2025 unit)."""
        self._rebuild_pages()
        self.refresh_status()

    def _rebuild_pages(self) -> None:
        from quynhnhai_desktop.gui.ops import ops

        ops().wait()  # a page's task must not outlive its page
        self._kept_views = {}  # the month chosen on a page stays chosen in the new language
        for key, page in self._pages.items():
            view_state = getattr(page, "view_state", None)
            if callable(view_state):
                self._kept_views[key] = view_state()
            self.ui.pages.removeWidget(page)
            page.deleteLater()
        self._pages.clear()
        self._show_section(self.ui.navigation.currentRow())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.ui.retranslateUi(self)
        self._retranslate_sections()
        self._retranslate_file_menu()
        self._set_status(loading=self.state is None)

    def section_keys(self) -> list[str]:
        return [s.key for s in SECTIONS]

    def show_section(self, key: str) -> QWidget:
        """Switch to a section by key (also used by tests and by links between pages)."""
        self.ui.navigation.setCurrentRow(self.section_keys().index(key))
        return self._pages[key]

    def go_to_section(self, key: str) -> QWidget:
        """Ctrl+1…Ctrl+7: show the section and put the keyboard in it (its list, or its
        first field), so the section's own keys (Insert, Ctrl+N…) work at once."""
        from PySide6.QtCore import Qt

        page = self.show_section(key)
        initial_focus = getattr(page, "initial_focus", None)
        if callable(initial_focus):
            initial_focus()
            return page
        widget = page.nextInFocusChain()
        while widget is not None and widget is not page:  # the page's first field
            if (
                page.isAncestorOf(widget)
                and widget.isVisible()
                and widget.isEnabled()
                and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            ):
                widget.setFocus(Qt.FocusReason.ShortcutFocusReason)
                break
            widget = widget.nextInFocusChain()
        return page

    def _show_section(self, row: int) -> None:
        if row < 0 or self.state is None:
            return
        section = SECTIONS[row]
        page = self._pages.get(section.key)
        if page is None:
            page = section.factory(self.state)
            kept = getattr(self, "_kept_views", {}).pop(section.key, None)
            set_view_state = getattr(page, "set_view_state", None)
            if kept is not None and callable(set_view_state):
                set_view_state(kept)
            self._pages[section.key] = page
            self.ui.pages.addWidget(page)
            self._follow_campaigns(section.key, page)
        self.ui.pages.setCurrentWidget(page)

    def _follow_campaigns(self, key: str, page: QWidget) -> None:
        """A campaign imported or saved (the Campaigns section), or another one picked on
        the overview: the pages built for the old campaigns are made again when next shown."""
        picked = getattr(page, "campaign_picked", None)
        if picked is not None:
            picked.connect(lambda: self._campaigns_changed(key, rebuild_self=True))
        changed = getattr(page, "campaigns_changed", None)
        if changed is not None:
            changed.connect(lambda: self._campaigns_changed(key, rebuild_self=False))

    def _campaigns_changed(self, key: str, *, rebuild_self: bool) -> None:
        from quynhnhai_desktop.gui.ops import ops

        ops().wait()  # a page's task must not outlive its page
        self._kept_views = getattr(self, "_kept_views", {})
        for name, page in list(self._pages.items()):
            if name == key and not rebuild_self:
                continue
            view_state = getattr(page, "view_state", None)
            if callable(view_state):
                self._kept_views[name] = view_state()
            self.ui.pages.removeWidget(page)
            page.deleteLater()
            del self._pages[name]
        self._show_section(self.ui.navigation.currentRow())

    # -- status and dialogs -------------------------------------------------------------

    def _set_status(self, *, loading: bool) -> None:
        if loading or self.state is None:
            self._unit_label.setText(self.tr("Opening the database…"))
            self._db_label.setText("")
            return
        profile = self.state.profile
        self._unit_label.setText(f"{profile.unit_kind} {profile.unit_name} — {profile.signer_name}")
        problems = self.state.db.problems
        self._db_label.setText(
            self.tr("Database: OK") if not problems else self.tr("Database: problems found")
        )
        title = self.tr("Quỳnh Nhai — {unit}").format(
            unit=f"{profile.unit_kind} {profile.unit_name}"
        )
        if self.demo:  # never mistaken for the commune's real data
            title += " — " + self.tr("DEMO DATA")
        self.setWindowTitle(title)

    def refresh_status(self) -> None:
        """The status bar and title again (the signer changed in Settings)."""
        self._set_status(loading=self.state is None)

    def _about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.about(
            self,
            self.tr("About"),
            self.tr(
                "<b>Quỳnh Nhai</b> version {version}<br>Outreach log, venue QR posters and "
                "monthly reports for the commune offices.<br>Data folder: {folder}"
            ).format(version=__version__, folder=self.paths.data_dir),
        )

    def replace_database(self, action: Callable[[], T]) -> T:
        """Close the database, run *action* (a restore), reopen, and rebuild every page."""
        from quynhnhai_desktop.gui.ops import ops
        from quynhnhai_desktop.gui.startup import open_state

        assert self.state is not None
        ops().wait()  # no check or backup reads the file
        self.state.db.close()
        try:
            return action()
        finally:
            state = open_state(self, self.paths, demo=False)
            self.state = state
            if state is None:
                for page in self._pages.values():
                    self.ui.pages.removeWidget(page)
                    page.deleteLater()
                self._pages.clear()
                self.close()
            else:
                self._set_status(loading=False)
                self._rebuild_pages()

    def show_user_guide(self) -> QWidget:
        from quynhnhai_desktop.gui.help import HelpDialog

        dialog = HelpDialog(self)
        dialog.show()
        return dialog

    def closeEvent(self, event: QCloseEvent) -> None:
        """Closing never waits for the data: a running check or backup is told to stop (SQLite
        gives up within milliseconds) and the exit backup is owed to the next start."""
        self._closing = True
        if self._painted and self._section_actions:
            from quynhnhai_desktop.gui import window_memory

            window_memory.save(self)
        from quynhnhai_desktop.gui.ops import ops

        check = getattr(self, "_check_task", None)
        if check is not None:
            check.cancel()
        if self.guard is not None:  # stops its backup; the next start owes the exit backup
            self.guard.end(backup_owed=self.state is not None)
        ops().wait()  # the pages' sums read the file
        if self.state is not None:
            self.state.db.close()
        super().closeEvent(event)


def _probe(what: str) -> None:
    if os.environ.get(STARTUP_PROBE_ENV) and sys.stdout is not None:
        print(f"{what} {time.time():.6f} {time.process_time():.6f}", flush=True)
