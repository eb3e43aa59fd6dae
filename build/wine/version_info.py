"""Print the Windows version resource of executables, and fail if one has none.

    python build/wine/version_info.py EXE [EXE ...]

Run under the Windows Python of the Wine stage (pefile comes with PyInstaller there): what
Explorer shows in a file's Properties > Details, for the app's two executables and the setup.
"""

from __future__ import annotations

import sys

import pefile

SHOWN = ("FileDescription", "FileVersion", "ProductName", "ProductVersion", "CompanyName")


def strings(path: str) -> dict[str, str]:
    pe = pefile.PE(path, fast_load=True)
    pe.parse_data_directories([pefile.DIRECTORY_ENTRY["IMAGE_DIRECTORY_ENTRY_RESOURCE"]])
    found: dict[str, str] = {}
    for info in getattr(pe, "FileInfo", None) or []:
        for entry in info:
            for table in getattr(entry, "StringTable", []):
                found.update(
                    {k.decode("utf-8"): v.decode("utf-8") for k, v in table.entries.items()}
                )
    return found


def main(paths: list[str]) -> int:
    missing = 0
    for path in paths:
        found = strings(path)
        print(
            path.rsplit("\\", 1)[-1]
            + ": "
            + "; ".join(f"{k}={found.get(k, '?').strip()}" for k in SHOWN)
        )
        missing += not found.get("ProductVersion")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.stdout.reconfigure(encoding="utf-8")  # type: ignore[union-attr]  # a pipe: cp1252
    sys.exit(main(sys.argv[1:]))
