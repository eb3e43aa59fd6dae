"""Where to write the report file for the district: USB sticks first, with their free space."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from quynhnhai_desktop.system.drives import Destination, list_destinations


class SendDialog(QDialog):
    """A list of places (removable drives first); another folder can be chosen too."""

    def __init__(
        self,
        extra_folders: list[Path],
        parent: QWidget | None = None,
        *,
        what: str = "",
        title: str = "",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title or self.tr("Send the report to the district"))
        self.extra_folders = extra_folders
        self.places = QListWidget()
        self.places.setAccessibleName(self.tr("Where to write the file"))
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.refresh_button = QPushButton(self.tr("&Look again"))
        self.other_button = QPushButton(self.tr("Another &folder…"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("&Write the file"))
        intro = QLabel(
            self.tr(
                "The file is written, read back and checked; then you may pull out the USB "
                "stick. A copy stays on this computer."
            )
        )
        intro.setWordWrap(True)
        self.what = QLabel(what)  # the file and its revision, e.g. "BC-2021-09-03703-r2.qnbc"
        self.what.setObjectName("fileLabel")
        self.what.setWordWrap(True)
        self.what.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.what.setVisible(bool(what))
        layout = QVBoxLayout(self)
        layout.addWidget(self.what)
        layout.addWidget(intro)
        layout.addWidget(self.places)
        layout.addWidget(self.hint)
        row = QDialogButtonBox()
        row.addButton(self.refresh_button, QDialogButtonBox.ButtonRole.ActionRole)
        row.addButton(self.other_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout.addWidget(row)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.refresh_button.clicked.connect(self.refresh)
        self.other_button.clicked.connect(self._other_folder)
        self.places.itemDoubleClicked.connect(lambda _item: self.accept())
        self.resize(560, 360)
        self.refresh()

    def refresh(self) -> None:
        self.places.clear()
        found = list_destinations(self.extra_folders)
        for place in found:
            item = QListWidgetItem(self._describe(place))
            item.setData(Qt.ItemDataRole.UserRole, str(place.path))
            self.places.addItem(item)
        if self.places.count():
            self.places.setCurrentRow(0)
        removable = any(place.removable for place in found)
        self.hint.setText(
            "" if removable else self.tr("No USB stick found. Plug one in and press “Look again”.")
        )

    def _describe(self, place: Destination) -> str:
        kinds = {
            "removable": self.tr("USB stick or memory card"),
            "folder": self.tr("Folder"),
            "fixed": self.tr("Disk"),
            "network": self.tr("Network drive"),
        }
        name = f"{place.label} ({place.path})" if place.label else str(place.path)
        free = QLocale().formattedDataSize(
            place.free_bytes, 1, QLocale.DataSizeFormat.DataSizeTraditionalFormat
        )  # "3,2 GB", as Windows shows it
        return self.tr("{kind}: {name} — {free} free").format(
            kind=kinds[place.kind], name=name, free=free
        )

    def _other_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Write the file into"))
        if folder:
            item = QListWidgetItem(folder)
            item.setData(Qt.ItemDataRole.UserRole, folder)
            self.places.insertItem(0, item)
            self.places.setCurrentRow(0)

    def chosen(self) -> Path | None:
        item = self.places.currentItem()
        return Path(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None
