"""The report screen (section "Reports"): figures, texts, preview, print, files."""
