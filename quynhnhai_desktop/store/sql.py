"""SQL expressions the queries share."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement
from sqlalchemy.sql.expression import UnaryExpression
from sqlalchemy.sql.operators import custom_op


def not_by_index(column: Any) -> ColumnElement[Any]:
    """``+column``: the same value, but SQLite no longer sees an index in it, so it finds
    the rows another way (by id for a search's few matches)."""
    return UnaryExpression(column, operator=custom_op("+"), type_=column.type)
