"""The venue register page, its form, and the QR-poster dialog."""
