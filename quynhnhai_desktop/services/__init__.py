"""Use cases shared by the GUI and the CLI. No Qt widgets here; one transaction per action.

Two kinds of public function, told apart by their first parameter:

- ``db: Database`` — the function owns its transaction (it opens, commits or rolls back
  the session itself) and returns plain data: dataclasses or the domain's models, never an
  ORM row. These are the only ones the window and the commands call; a refusal leaves the
  database as it was.
- ``session: Session`` — a helper that composes inside a transaction its caller opened
  (several such reads and writes commit or fail together). Only services call them; they
  may hand ORM rows to one another. Where the window or a command needs one alone, it gets
  a ``db`` sibling that opens the read transaction (``campaigns.installed`` for
  ``campaigns.known``, ``unit_history.identities`` for ``unit_history.history``).

tests/services/test_service_boundary.py checks both sides: the GUI and the CLI open no session, and
no ``db`` function's return type names a table model.
"""
