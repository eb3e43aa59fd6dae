"""Unsaved form contents, kept on disk so a crash or a power cut loses no typing.

A form's values are written (atomically, as JSON) to ``drafts/<key>.json`` in the data
folder while the clerk types, and removed once the form is saved or deliberately closed.
A draft still there at the next start belongs to a form that never finished: the window
offers it back. Values must be JSON types (str, int, float, bool, None, lists and dicts of
them): a form writes dates as ISO strings and ids as ints.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from quynhnhai_desktop.config import AppPaths
from quynhnhai_desktop.domain import clock
from quynhnhai_desktop.store.files import atomic_write_bytes

log = logging.getLogger(__name__)

FORMAT_VERSION = 1


@dataclass(frozen=True)
class Draft:
    key: str  # which form: "activity", or "activity:<uuid>" when editing one record
    values: dict[str, Any]
    saved_at: dt.datetime  # local time of the last change

    @property
    def form(self) -> str:
        """The form part of the key (what opens it); the rest names the record, if any."""
        return self.key.partition(":")[0]

    @property
    def record(self) -> str | None:
        return self.key.partition(":")[2] or None


class DraftStore:
    """The drafts folder of one installation."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)

    @classmethod
    def for_paths(cls, paths: AppPaths) -> DraftStore:
        return cls(paths.drafts_dir)

    def _file(self, key: str) -> Path:
        # Percent-encoding keeps any key a valid file name on Windows too (":" is not).
        return self.folder / f"{quote(key, safe='-_.')}.json"

    def save(self, key: str, values: dict[str, Any], *, now: dt.datetime | None = None) -> None:
        """Write the draft of *key*; it replaces the previous one atomically."""
        record = {
            "format": FORMAT_VERSION,
            "key": key,
            "saved_at": (now or clock.now()).isoformat(timespec="seconds"),
            "values": values,
        }
        data = json.dumps(record, ensure_ascii=False, indent=1).encode("utf-8")
        atomic_write_bytes(self._file(key), data)

    def load(self, key: str) -> Draft | None:
        return self._read(self._file(key))

    def clear(self, key: str) -> None:
        self._file(key).unlink(missing_ok=True)

    def pending(self) -> list[Draft]:
        """Every draft on disk, oldest first."""
        if not self.folder.is_dir():
            return []
        found = [d for d in map(self._read, sorted(self.folder.glob("*.json"))) if d is not None]
        return sorted(found, key=lambda d: d.saved_at)

    def _read(self, path: Path) -> Draft | None:
        if not path.exists():
            return None
        try:
            record = json.loads(path.read_text(encoding="utf-8"))
            return Draft(
                key=str(record["key"]),
                values=dict(record["values"]),
                saved_at=dt.datetime.fromisoformat(record["saved_at"]),
            )
        except (OSError, ValueError, KeyError, TypeError):
            # Never delete what we cannot read: set it aside for the IT staff instead.
            log.exception("unreadable draft %s, set aside", path)
            path.replace(path.with_suffix(".unreadable"))
            return None
