"""Settings → Backup: copies to a USB stick, restore from a file, the automatic backups."""
