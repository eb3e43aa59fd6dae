"""Writing files so that a power cut or a pulled USB stick never leaves half a file.

Write to a temporary file in the same folder, flush and fsync it, then atomically replace
the target (and fsync the folder where the OS allows it). A reader sees the old complete
file or the new complete file, never a mix.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO


@contextlib.contextmanager
def atomic_writer(target: Path) -> Iterator[BinaryIO]:
    """Yield a binary file; on success it replaces *target* atomically, on error it vanishes."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        tmp.chmod(0o644)  # mkstemp makes it private; these are documents meant to be shared
        tmp.replace(target)
        fsync_dir(target.parent)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def atomic_write_bytes(target: Path, data: bytes) -> None:
    with atomic_writer(target) as handle:
        handle.write(data)


def atomic_write_with(target: Path, write: Callable[[BinaryIO], object]) -> None:
    """Let a library (reportlab, openpyxl, zipfile) write into the file object."""
    with atomic_writer(target) as handle:
        write(handle)


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
