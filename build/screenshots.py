"""Screenshots of every section, in both languages, at 100 % and 150 % scale.

    .venv/bin/python build/screenshots.py            # all of them, into docs/screenshots/

Each language and scale runs in its own process (QT_SCALE_FACTOR is read at start-up) on a
demo database (Xã Mường Giàng, 12 months up to November 2021), offscreen.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
OUT = ROOT / "docs" / "screenshots"
SIZE = (1200, 800)
SCALES = {"": "1", ".150": "1.5"}


def shoot(lang: str, suffix: str, out: Path) -> None:
    from PySide6.QtWidgets import QApplication

    from quynhnhai_desktop import i18n
    from quynhnhai_desktop.config import AppPaths
    from quynhnhai_desktop.gui.main_window import MainWindow
    from quynhnhai_desktop.services import demo, profile
    from quynhnhai_desktop.store.database import open_database

    app = QApplication(sys.argv[:1])
    i18n.install("en" if lang == "en" else "vi")
    paths = AppPaths.resolve(Path(tempfile.mkdtemp())).ensure()
    db = open_database(paths.database_url)
    profile.set_up(
        db,
        profile.SetupRequest(
            mode="commune",
            unit_code="03703",
            signer_name="Lò Văn Thành",
            signer_title="KT. CHỦ TỊCH / PHÓ CHỦ TỊCH",
        ),
    )
    demo.fill(db, months=12, until=dt.date(2021, 11, 30))
    db.close()
    window = MainWindow(paths, lang=lang)
    window.resize(*SIZE)
    window.show()
    while window.state is None or not window._section_actions:  # the remembered size…
        app.processEvents()
    window.resize(*SIZE)  # …is the screen's (offscreen: 800×800): the documented size again

    def settle(seconds: float = 1.0) -> None:
        """Let pages that load on a worker thread or after a pause show their data."""
        limit = time.time() + seconds
        while time.time() < limit:
            app.processEvents()
            time.sleep(0.01)

    for key in window.section_keys():
        page = window.show_section(key)
        if key == "overview":
            page.set_month(2021, 11)  # type: ignore[attr-defined]
        if key == "reports":
            from PySide6.QtCore import QDate

            page.ui.monthEdit.setDate(QDate(2021, 10, 1))  # type: ignore[attr-defined]
        settle()
        if key == "reports":
            limit = time.time() + 20
            while page.bundle is None and time.time() < limit:  # type: ignore[attr-defined]
                app.processEvents()
                time.sleep(0.01)
            settle()
        window.grab().save(str(out / f"{key}.{lang}{suffix}.png"))
    guide = window.show_user_guide()
    settle()
    guide.grab().save(str(out / f"help.{lang}{suffix}.png"))
    window.close()


def main() -> int:
    if len(sys.argv) == 4 and sys.argv[1] == "--one":
        shoot(sys.argv[2], sys.argv[3], OUT)
        return 0
    OUT.mkdir(parents=True, exist_ok=True)
    for lang in ("vi", "en"):
        for suffix, scale in SCALES.items():
            env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_SCALE_FACTOR": scale}
            subprocess.run(
                [sys.executable, __file__, "--one", lang, suffix], env=env, check=True, cwd=ROOT
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
