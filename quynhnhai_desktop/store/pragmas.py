"""What every connection to the database is set to, ORM or plain ``sqlite3`` alike."""

from __future__ import annotations

BUSY_TIMEOUT_MS = 5000  # the window: a save waits this long for another program's write
CLI_BUSY_TIMEOUT_MS = 120_000  # a command waits for the window's (or another command's) write
# WAL lets the list read while a save writes; synchronous=FULL makes every acknowledged
# commit survive a power cut (NORMAL may lose the last ones); foreign_keys is off by
# default in SQLite and per connection.
SQLITE_PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=FULL",
    "PRAGMA foreign_keys=ON",
)
