"""Renderers: PDF (reportlab), XLSX (openpyxl), QR posters. Imported lazily (start-up time)."""
