"""One window per data folder: a second start brings the running window forward.

The running window holds the instance lock (:mod:`quynhnhai_desktop.instance`) and listens
on a local socket named after the data folder. A second start finds the lock taken,
connects, sends ``raise`` and exits; the first window comes to the front. When nobody
answers (the window is still starting, or the holder is a command-line restore), the
second start says plainly that the app is already open. Either way the database is never
opened twice by two windows.
"""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from quynhnhai_desktop.config import AppPaths
from quynhnhai_desktop.instance import InstanceLock, server_name

log = logging.getLogger(__name__)

RAISE, ANSWER = b"raise\n", b"ok\n"


def bring_forward(window: QWidget) -> None:
    if window.isMinimized():
        window.showNormal()
    window.show()
    window.raise_()
    window.activateWindow()


def _allow_foreground(pid: int | None) -> None:
    """Windows lets only the foreground process raise a window: hand our right over."""
    if sys.platform == "win32" and pid:
        import ctypes

        ctypes.windll.user32.AllowSetForegroundWindow(pid)


class SingleInstance(QObject):
    """The lock, the listening socket, and the hand-over of a second start."""

    activation_requested = Signal()
    # How long a second start keeps trying: the first window listens after its first paint.
    handover_timeout_ms = 4000
    # How long it then waits for the answer: a busy PC (or Wine) can take seconds to reply;
    # giving up early shows "already open" over a window that did come forward.
    answer_timeout_ms = 10000

    def __init__(self, paths: AppPaths, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.paths = paths
        self.lock = InstanceLock(paths)
        self._server: object | None = None

    def acquire(self) -> bool:
        return self.lock.try_acquire()

    def serve(self, window: QWidget) -> bool:
        """Listen for later starts; each one brings *window* forward. False if impossible."""
        from PySide6.QtNetwork import QLocalServer

        name = server_name(self.paths)
        QLocalServer.removeServer(name)  # a socket file left by a crash (we hold the lock)
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(name):
            log.warning("cannot listen on %s: %s", name, server.errorString())
            return False
        server.newConnection.connect(self._on_connection)
        self.activation_requested.connect(lambda: bring_forward(window))
        self._server = server
        log.info("listening for later starts on %s", name)
        return True

    def _on_connection(self) -> None:
        from PySide6.QtNetwork import QLocalServer

        assert isinstance(self._server, QLocalServer)
        while (socket := self._server.nextPendingConnection()) is not None:
            socket.readyRead.connect(lambda s=socket: self._on_message(s))
            socket.disconnected.connect(socket.deleteLater)
            self._on_message(socket)  # the line may have arrived with the connection

    def _on_message(self, socket: object) -> None:
        from PySide6.QtNetwork import QLocalSocket

        assert isinstance(socket, QLocalSocket)
        if not socket.canReadLine():
            return
        if bytes(socket.readLine().data()) == RAISE:
            log.info("another start asked this window to come forward")
            socket.write(ANSWER)
            # Out before the window is raised: on Windows a pipe's write completes only in the
            # event loop, and raising the window can keep it busy past the asker's patience.
            socket.waitForBytesWritten(1000)
            self.activation_requested.emit()

    def hand_over(self) -> bool:
        """Ask the running window to come forward; True when it answered."""
        from PySide6.QtCore import QDeadlineTimer, QThread
        from PySide6.QtNetwork import QLocalSocket

        _allow_foreground(self.lock.holder())
        deadline = QDeadlineTimer(self.handover_timeout_ms)
        while not deadline.hasExpired():
            socket = QLocalSocket()
            socket.connectToServer(server_name(self.paths))
            if socket.waitForConnected(500):
                socket.write(RAISE)
                socket.waitForBytesWritten(1000)
                answered = (
                    socket.waitForReadyRead(self.answer_timeout_ms)
                    and socket.readAll().data() == ANSWER
                )
                socket.disconnectFromServer()
                return bool(answered)
            QThread.msleep(200)
        return False

    def release(self) -> None:
        from PySide6.QtNetwork import QLocalServer

        if isinstance(self._server, QLocalServer):
            self._server.close()
            self._server = None
        self.lock.release()


def explain_already_open(paths: AppPaths) -> None:
    """The running window did not answer: say clearly that the app is already open."""
    from PySide6.QtWidgets import QMessageBox

    from quynhnhai_desktop import i18n

    QMessageBox.information(
        None,
        i18n.translate("SingleInstance", "Quỳnh Nhai is already open"),
        i18n.translate(
            "SingleInstance",
            "Quỳnh Nhai is already open on this computer for the data folder {folder}. "
            "Switch to its window on the taskbar.\n\nIf there is no such window, a backup "
            "may be being restored: wait a minute and start again.",
        ).format(folder=paths.data_dir),
    )
