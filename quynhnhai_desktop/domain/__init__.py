"""Pure Python: the catalog, administrative units, Vietnamese text rules, value types.

Nothing here imports Qt or SQL, so every layer above can use it.
"""
