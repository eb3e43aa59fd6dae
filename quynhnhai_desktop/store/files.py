"""Writing files so that a power cut or a pulled USB stick never leaves half a file.

Write to a temporary file in the same folder, flush and fsync it, then atomically replace
the target (and fsync the folder where the OS allows it). A reader sees the old complete
file or the new complete file, never a mix.

A write that fails (a full disk, a folder the clerk may not write to, a PDF still open in a
viewer on Windows) raises :class:`FileWriteFailed`: the app's own message saying what to do,
which is also an ``OSError`` for callers that handle those; the half-written file is gone.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from quynhnhai_desktop.domain.errors import QT_TRANSLATE_NOOP, UserError

log = logging.getLogger(__name__)

TEMP_SUFFIX = ".part"
# Windows error codes behind a PermissionError: access denied, the file is open in another
# program (sharing / lock violation), and the two "disk full" ones.
_WIN_IN_USE = frozenset({5, 32, 33})
_WIN_FULL = frozenset({39, 112})
_FULL = frozenset({errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC), errno.EFBIG})
_DENIED = frozenset({errno.EACCES, errno.EPERM, errno.EROFS})


class FileWriteFailed(UserError, OSError):
    """A file could not be written; nothing half-written was left under its name."""

    def __str__(self) -> str:  # the message, not OSError's "[Errno 28] …"
        return self.english()


def is_disk_full(error: OSError) -> bool:
    return error.errno in _FULL or getattr(error, "winerror", None) in _WIN_FULL


def write_failed(target: Path, error: OSError) -> FileWriteFailed:
    """The clerk's message for *error* while writing *target*: what happened, what to do."""
    target = Path(target)
    names = {"name": target.name, "folder": str(target.parent)}
    if is_disk_full(error):
        failure = FileWriteFailed(
            "files",
            QT_TRANSLATE_NOOP(
                "files",
                "The drive is full: “{name}” was not written to {folder}. Free some space "
                "(or choose another drive) and try again.",
            ),
            **names,
        )
    elif getattr(error, "winerror", None) in _WIN_IN_USE or error.errno in _DENIED:
        failure = FileWriteFailed(
            "files",
            QT_TRANSLATE_NOOP(
                "files",
                "“{name}” could not be written to {folder}: the file is open in another "
                "program, or the folder is write-protected. Close the file “{name}” that "
                "is open (a PDF viewer, Excel) and try again, or choose another folder.",
            ),
            **names,
        )
    else:
        failure = FileWriteFailed(
            "files",
            QT_TRANSLATE_NOOP(
                "files",
                "“{name}” could not be written to {folder} ({reason}). Check the drive or "
                "USB stick and try again.",
            ),
            reason=error.strerror or str(error),
            **names,
        )
    failure.errno, failure.strerror, failure.filename = error.errno, error.strerror, str(target)
    return failure


@contextlib.contextmanager
def atomic_writer(target: Path, *, mode: int = 0o644) -> Iterator[BinaryIO]:
    """Yield a binary file; on success it replaces *target* atomically, on error it vanishes.

    *mode*: the file's permissions. The temporary file is private (0600) from its creation,
    so a private file (a key: 0600) is never readable by others, not even for an instant;
    documents meant to be shared get 0644 just before their final name.
    """
    target = Path(target)
    tmp: Path | None = None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(
            prefix=f".{target.name}.", suffix=TEMP_SUFFIX, dir=target.parent
        )
        tmp = Path(tmp_name)
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        if mode != 0o600:
            tmp.chmod(mode)
        tmp.replace(target)
        fsync_dir(target.parent)
    except OSError as error:
        if tmp is not None:
            _unlink_quietly(tmp)
        if isinstance(error, FileWriteFailed):
            raise
        raise write_failed(target, error) from error
    except BaseException:
        if tmp is not None:
            _unlink_quietly(tmp)
        raise


def write_staged(target: Path, data: bytes) -> Path:
    """Write *data* whole and durably beside *target* under a temporary name; return it.

    The first half of an atomic write, for callers that must do something (record it)
    before the file gets its name with :func:`commit_staged`. Errors as for atomic_writer.
    """
    target = Path(target)
    tmp: Path | None = None
    try:
        fd, tmp_name = tempfile.mkstemp(
            prefix=f".{target.name}.", suffix=TEMP_SUFFIX, dir=target.parent
        )
        tmp = Path(tmp_name)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        tmp.chmod(0o644)
    except OSError as error:
        if tmp is not None:
            _unlink_quietly(tmp)
        raise write_failed(target, error) from error
    except BaseException:
        if tmp is not None:
            _unlink_quietly(tmp)
        raise
    return tmp


def commit_staged(staged: Path, target: Path) -> None:
    """Give the file of :func:`write_staged` its name, atomically and durably."""
    try:
        staged.replace(target)
        fsync_dir(target.parent)
    except OSError as error:
        _unlink_quietly(staged)
        raise write_failed(target, error) from error


def _unlink_quietly(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink(missing_ok=True)


def atomic_write_bytes(target: Path, data: bytes, *, mode: int = 0o644) -> None:
    with atomic_writer(target, mode=mode) as handle:
        handle.write(data)


def atomic_write_with(target: Path, write: Callable[[BinaryIO], object]) -> None:
    """Let a library (reportlab, openpyxl, zipfile) write into the file object."""
    with atomic_writer(target) as handle:
        write(handle)


def remove_leftovers(
    folders: Iterable[Path], *, older_than_s: float = 3600, pattern: str = ".*"
) -> list[Path]:
    """Delete what a crash left of this app's temporary files: never a live one.

    Only names this app gives its temporary files (``.NAME.xxxx.part`` and SQLite's
    ``-journal``/``-wal``/``-shm`` beside them, ``.restore-*.part``); only files untouched
    for *older_than_s* (a command writing beside the window is never robbed of its file).
    A database's own ``-journal`` or ``-wal`` is never touched: SQLite needs it.
    """
    cutoff = time.time() - older_than_s
    removed = []
    for folder in folders:
        if not Path(folder).is_dir():
            continue
        try:
            # Windows cannot list an empty drive's root (FindFirstFile answers "file not
            # found": a root has no "." entry), so an empty USB stick raises here.
            found = list(Path(folder).glob(pattern))
        except OSError:
            continue  # nothing this app can list is a leftover it could clean
        for path in found:
            name = path.name
            stem = name.removesuffix("-journal").removesuffix("-wal").removesuffix("-shm")
            if not stem.endswith(TEMP_SUFFIX) or not path.is_file():
                continue
            try:
                if path.stat().st_mtime < cutoff:
                    path.unlink()
                    removed.append(path)
            except OSError:
                continue
    if removed:
        log.info("removed %d files left by an earlier crash: %s", len(removed), removed)
    return removed


def fsync_file(path: Path) -> None:
    """Push a file written by someone else (SQLite's VACUUM INTO) to the disk."""
    with Path(path).open("rb+") as handle:
        os.fsync(handle.fileno())


def fsync_dir(folder: Path) -> None:
    """Make the rename itself durable (POSIX); Windows cannot open a folder this way."""
    if os.name == "nt":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
