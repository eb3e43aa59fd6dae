"""The activity log: list page, entry dialog, import and export."""
