"""The smallest PySide6 window: the size and start-up baseline for the frozen app.

Prints "first-paint <unix time>" on its first paint and quits, like the app does with
QUYNHNHAI_STARTUP_PROBE=1, so both are timed the same way.
"""

from __future__ import annotations

import sys
import time

from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QApplication, QMainWindow


class Window(QMainWindow):
    painted = False

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self.painted:
            self.painted = True
            if sys.stdout is not None:
                print(f"first-paint {time.time():.6f}", flush=True)
            QApplication.quit()


if __name__ == "__main__":
    app = QApplication(sys.argv[:1])
    window = Window()
    window.resize(1100, 720)
    window.show()
    sys.exit(app.exec())
