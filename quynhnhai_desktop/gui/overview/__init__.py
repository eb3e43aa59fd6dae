"""The overview section (Tổng quan)."""
