"""Render the activity log's screenshots for the README (offscreen, Vietnamese, demo data).

    python build/screenshots_activities.py     # writes docs/screenshots/activities-*.png

Demo data for Xã Mường Giàng, September to November 2021 (the campaign of letter 2158).
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
OUT = ROOT / "docs" / "screenshots"


def settle(app: object, seconds: float = 1.0) -> None:
    limit = time.time() + seconds
    while time.time() < limit:
        app.processEvents()  # type: ignore[attr-defined]


def main() -> None:
    from PySide6.QtCore import QThreadPool
    from PySide6.QtWidgets import QApplication

    from quynhnhai_desktop import i18n

    app = QApplication(sys.argv[:1])
    i18n.install("vi")
    from quynhnhai_desktop.config import AppPaths
    from quynhnhai_desktop.gui.main_window import MainWindow
    from quynhnhai_desktop.gui.startup import DEMO_SETUP
    from quynhnhai_desktop.services import demo, profile
    from quynhnhai_desktop.store.database import open_database

    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        paths = AppPaths.resolve(tmp).ensure()
        db = open_database(paths.database_url)
        profile.set_up(db, DEMO_SETUP)
        demo.fill(db, months=3, until=dt.date(2021, 11, 30))
        db.close()
        window = MainWindow(paths)
        window.resize(1280, 760)
        window.show()
        while window.state is None:
            app.processEvents()
        page = window.show_section("activities")
        page.ui.periodCombo.setCurrentIndex(1)  # Tháng 11/2021
        page.ui.table.selectRow(2)
        settle(app)
        window.grab().save(str(OUT / "activities-list.png"))

        dialog = page.add_activity()
        dialog.set_values(
            {
                "date": "26/11/2021",
                "village": "Bản Nà",
                "team": "Đoàn Thanh niên",
                "form": "direct",
                "topics": ["bluezone", "health_book", "vaccination_registration"],
                "counts": {
                    "sessions": "2",
                    "people": "85",
                    "households": "120",
                    "leaflets": "60",
                    "bluezone_installs": "24",
                    "health_book_installs": "18",
                },
                "note": "Kết hợp họp bản, tại nhà văn hóa bản",
            }
        )
        dialog.ui.topicsList.setCurrentRow(5)
        settle(app, 0.5)
        dialog.grab().save(str(OUT / "activity-dialog.png"))
        dialog.reject()
        QThreadPool.globalInstance().waitForDone()
        window.close()
    print(f"written to {OUT}")


if __name__ == "__main__":
    main()
