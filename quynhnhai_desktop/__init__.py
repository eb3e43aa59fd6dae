"""quynhnhai-desktop: outreach log, venue QR posters and monthly reports for commune offices."""

__version__ = "0.1.0"
