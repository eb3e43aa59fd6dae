"""Whether the ``-wal`` beside a database is live: a connection (the window) has it open.

A ``-wal`` nobody has open was left by a crash, or copied from elsewhere, and is looked at
before SQLite replays it (:mod:`store.preflight`: a whole-file quick check, ~3 s at a million
activities). A live one is SQLite's own, written into this very file by the process that
holds it; a command run while the window is open need not check it.

SQLite tells: every connection to a database in WAL mode holds a shared lock on one byte of
the ``-shm`` file, its "dead man switch" (byte 128, ``UNIX_SHM_DMS`` and ``WIN_SHM_DMS`` in
SQLite's os_unix.c and os_win.c), for as long as it is open. Failing to lock that byte
exclusively means someone holds it.

The look must not disturb SQLite's own locks in this process. On Windows a lock belongs to the
handle, so a handle of our own conflicts with this process's connections too and closing it
drops only its lock. Classic POSIX locks belong to the process: closing any descriptor of the
file drops every lock the process holds on it, SQLite's included. So on Linux the probe
is an open file description lock (``F_OFD_SETLK``: it belongs to the descriptor, and conflicts
with this process's own connections too), and the descriptor is never closed: one per
``-shm`` file for the life of the process (:data:`_KEPT`). Where those locks do not exist the
answer is "cannot tell", and the file is checked.
"""

from __future__ import annotations

import logging
import os
import struct
import sys
from collections.abc import Callable
from pathlib import Path

log = logging.getLogger(__name__)

DEAD_MAN_SWITCH = 128  # the -shm byte every open connection holds a shared lock on

Probe = Callable[[int], bool | None]  # descriptor of the -shm → True: someone holds the byte


def held_open(database: Path, probe: Probe | None = None) -> bool | None:
    """True when a connection has *database* open (its ``-wal`` is live), False when none
    has, None when this system cannot tell."""
    shm = database.with_name(database.name + "-shm")
    kept = sys.platform != "win32"  # closing it would drop this process's SQLite locks
    try:
        descriptor = _kept_descriptor(shm) if kept else _windows_open(shm)
    except FileNotFoundError:
        return False  # no connection in WAL mode without its -shm
    except OSError as error:
        log.info("cannot look at %s: %s", shm, error)
        return None
    try:
        return (probe or _system_probe())(descriptor)
    finally:
        if not kept:
            os.close(descriptor)


# (device, inode) of a -shm file → this process's descriptor of it, never closed (POSIX).
_KEPT: dict[tuple[int, int], int] = {}


def _kept_descriptor(shm: Path) -> int:
    found = shm.stat()
    key = (found.st_dev, found.st_ino)  # a -shm made again is another file
    if key not in _KEPT:
        descriptor = os.open(shm, os.O_RDWR)
        opened = os.fstat(descriptor)
        _KEPT[(opened.st_dev, opened.st_ino)] = descriptor
        if (opened.st_dev, opened.st_ino) != key:  # replaced between stat and open
            return descriptor
    return _KEPT[key]


def _windows_open(shm: Path) -> int:  # pragma: no cover - runs on Windows only
    return os.open(shm, os.O_RDWR | os.O_BINARY)  # type: ignore[attr-defined]


def _system_probe() -> Probe:
    if sys.platform == "win32":  # pragma: no cover - runs on Windows only
        return _windows_probe
    import fcntl

    return _ofd_probe if hasattr(fcntl, "F_OFD_SETLK") else _cannot_tell


def _cannot_tell(_descriptor: int) -> None:
    return None


def _windows_probe(descriptor: int) -> bool:  # pragma: no cover - runs on Windows only
    import msvcrt

    os.lseek(descriptor, DEAD_MAN_SWITCH, os.SEEK_SET)
    try:
        msvcrt.locking(descriptor, msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
    except OSError:
        return True  # a connection holds it
    os.lseek(descriptor, DEAD_MAN_SWITCH, os.SEEK_SET)
    msvcrt.locking(descriptor, msvcrt.LK_UNLCK, 1)  # type: ignore[attr-defined]
    return False


# struct flock on Linux: l_type, l_whence, l_start, l_len, l_pid (0 for these locks).
_FLOCK = "@hhqqi4x"


def _ofd_probe(descriptor: int) -> bool | None:
    import fcntl

    def flock(kind: int) -> bytes:
        return struct.pack(_FLOCK, kind, os.SEEK_SET, DEAD_MAN_SWITCH, 1, 0)

    try:
        fcntl.fcntl(descriptor, fcntl.F_OFD_SETLK, flock(fcntl.F_WRLCK))
    except (BlockingIOError, PermissionError):  # EAGAIN, or EACCES on some systems
        return True  # a connection holds it
    except OSError as error:  # EINVAL: a kernel without these locks
        log.info("cannot probe the -shm lock: %s", error)
        return None
    fcntl.fcntl(descriptor, fcntl.F_OFD_SETLK, flock(fcntl.F_UNLCK))
    return False
