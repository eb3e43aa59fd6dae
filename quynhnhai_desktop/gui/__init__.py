"""PySide6 only here: windows, pages, dialogs, item models, workers. Thin: calls services."""
