"""One instance per data folder: a lock file that the window holds while it runs.

QLockFile writes the holder's process id; a lock left by a process that died (crash,
power cut, SIGKILL) is recognised as stale and taken over, so a crash never locks the
clerk out. Only QtCore is used: the CLI shares the lock without loading any widgets.

Who takes it, and why:

- the window, for its whole run: two windows on one database would each show stale data
  and, worse, one could restore a backup under the other's feet;
- the CLI only for what SQLite's own locking cannot make safe while the window runs:
  replacing the database file (``backup restore``) and migrating its schema. Everyday CLI
  reads and writes go through SQLite (WAL, busy timeout), which serialises writers safely,
  so ``quynhnhai check`` or ``backup create`` work while the window is open.
"""

from __future__ import annotations

import logging
import os
import sys

from PySide6.QtCore import QCryptographicHash, QLockFile

from quynhnhai_desktop.config import AppPaths

log = logging.getLogger(__name__)


class InstanceLock:
    def __init__(self, paths: AppPaths) -> None:
        self.paths = paths
        paths.data_dir.mkdir(parents=True, exist_ok=True)
        self._lock = QLockFile(str(paths.lock_file))
        # 0: never stale by age (a long-running window keeps it); a dead holder is still
        # detected through its process id.
        self._lock.setStaleLockTime(0)

    def try_acquire(self) -> bool:
        if self._lock.isLocked():
            return True
        acquired = self._lock.tryLock(0)
        if not acquired and self.holder() == os.getpid():
            # A lock left by a dead process that had this very process id (on Windows, ids
            # come round again after a restart; Wine hands out the same ids after each of its
            # restarts): QLockFile sees that id running and calls the lock held. It is not:
            # this process holds no lock, so it is stale.
            log.info("instance lock %s left by an earlier run with this pid", self.paths.lock_file)
            self._lock.removeStaleLockFile()
            acquired = self._lock.tryLock(0)
        if not acquired:
            log.info("instance lock %s held by %s", self.paths.lock_file, self.holder())
        return acquired

    def holder(self) -> int | None:
        """The process id that holds the lock, if known."""
        info = self._lock.getLockInfo()  # PySide6: (pid, hostname, appname), or a failure
        pid = info[0] if isinstance(info, tuple) and len(info) == 3 else 0
        return int(pid) if isinstance(pid, int) and pid > 0 else None

    def release(self) -> None:
        if self._lock.isLocked():
            self._lock.unlock()


def server_name(paths: AppPaths) -> str:
    """The local socket the running window listens on, one per data folder (and user)."""
    folder = str(paths.data_dir)
    if sys.platform == "win32":
        folder = folder.lower()  # one folder, however it is spelled
    # QtCore's hash: hashlib would load OpenSSL before the window paints (~7 ms).
    hashed = QCryptographicHash.hash(folder.encode("utf-8"), QCryptographicHash.Algorithm.Sha256)
    return f"quynhnhai-{bytes(hashed.toHex().data()).decode('ascii')[:20]}"
