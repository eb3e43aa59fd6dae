"""The CLI stays light: translations without Qt, and a command imports only what it needs."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from quynhnhai_desktop import i18n
from quynhnhai_desktop.config import resource
from quynhnhai_desktop.store.database import open_database
from tests.support.report_helpers import build_months


@pytest.mark.parametrize("name", i18n.CATALOG_FILES)
def test_the_plain_reader_translates_every_message_as_qtranslator_does(name: str) -> None:
    from PySide6.QtCore import QTranslator

    ts = resource("translations", f"{name}_vi.ts")
    qm = ts.with_suffix(".qm")
    translator = QTranslator()
    assert translator.load(str(qm))
    table = i18n.read_qm(qm)
    seen = 0
    for context in ET.parse(ts).getroot().iter("context"):
        context_name = context.findtext("name") or ""
        for entry in context.iter("message"):
            source = entry.findtext("source") or ""
            assert table.get((context_name, source)) == (
                translator.translate(context_name, source) or None
            ), (context_name, source)
            seen += 1
    assert seen > 50 and len(table) == seen


def test_a_text_in_another_context_or_unknown_has_no_translation() -> None:
    table = i18n.read_qm(resource("translations", "quynhnhai_vi.qm"))
    assert table.get(("cli", "Which month"))
    assert table.get(("no such context", "Which month")) is None
    assert table.get(("cli", "Which month?")) is None
    assert table.get(("cli", "")) is None


def test_a_file_that_is_not_a_qm_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "bad.qm"
    bad.write_bytes(b"not a translation file")
    with pytest.raises(ValueError):
        i18n.read_qm(bad)


CLI_PROCESS = """
import sys
from quynhnhai_desktop.cli import main
code = main(sys.argv[1:])
loaded = {n.split(".")[0] for n in sys.modules}
heavy = sorted(loaded & {"PySide6", "shiboken6", "openpyxl", "nacl"})
paragraph = sys.modules.get("reportlab.platypus.paragraph")
if paragraph is not None and type(paragraph.uri_pat).__name__ != "CompiledOnFirstUse":
    heavy.append("reportlab's URL pattern")
print("heavy:", ",".join(heavy))
sys.exit(code)
"""


def test_report_monthly_pdf_imports_neither_qt_nor_openpyxl(tmp_path: Path) -> None:
    """Nor PyNaCl (the key's fingerprint is read from the public key kept beside it), nor
    does it compile reportlab's URL pattern (output/platypus.py)."""
    folder = tmp_path / "d"
    from quynhnhai_desktop.cli import main

    signer = ["--signer-name", "Lò Văn Thành", "--signer-title", "CHỦ TỊCH"]
    assert main(["--data-dir", str(folder), "init", "--commune", "03703", *signer]) == 0
    db = open_database(f"sqlite:///{folder / 'quynhnhai.sqlite3'}")
    build_months(db)
    db.close()
    args = ["--data-dir", str(folder), "report", "monthly", "--month", "2021-09"]
    done = subprocess.run(
        [sys.executable, "-c", CLI_PROCESS, *args, "--pdf", str(tmp_path / "bc.pdf")],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "tuyên truyền" in done.stdout  # the summary, in Vietnamese without Qt's translator
    assert done.stdout.strip().splitlines()[-1] == "heavy:"
    assert (tmp_path / "bc.pdf").stat().st_size > 10_000


ORM_PROCESS = """
import sys
from quynhnhai_desktop.cli import main
code = main(sys.argv[1:])
loaded = {n.split(".")[0] for n in sys.modules}
heavy = sorted(loaded & {"sqlmodel", "sqlalchemy", "pydantic", "alembic", "openpyxl", "PySide6"})
heavy += [n for n in ("quynhnhai_desktop.store.models",) if n in sys.modules]
print("heavy:", ",".join(heavy))
sys.exit(code)
"""


def test_report_monthly_and_range_import_neither_the_orm_nor_pydantic(tmp_path: Path) -> None:
    """A database at the current schema is read through plain sqlite3: `report monthly`
    and `report range` as whole processes load no SQLAlchemy, SQLModel, pydantic, Alembic
    nor the models (most of what the command cost)."""
    folder = tmp_path / "d"
    from quynhnhai_desktop.cli import main

    signer = ["--signer-name", "Lò Văn Thành", "--signer-title", "CHỦ TỊCH"]
    assert main(["--data-dir", str(folder), "init", "--commune", "03703", *signer]) == 0
    db = open_database(f"sqlite:///{folder / 'quynhnhai.sqlite3'}")
    build_months(db)
    db.close()
    for args in (
        ["report", "monthly", "--month", "2021-09", "--pdf", str(tmp_path / "m.pdf")],
        ["report", "range", "--from", "06/09/2021", "--to", "2021-09-12"],
        ["report", "monthly", "--month", "2021-10", "--rule", "statistical"],
    ):
        done = subprocess.run(
            [sys.executable, "-c", ORM_PROCESS, "--data-dir", str(folder), *args],
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=120,
        )
        assert done.returncode == 0, done.stderr
        assert "tuyên truyền" in done.stdout, done.stdout
        assert done.stdout.strip().splitlines()[-1] == "heavy:", (args, done.stdout)
    assert (tmp_path / "m.pdf").stat().st_size > 10_000


def test_every_command_is_built_by_the_module_named_for_it() -> None:
    """COMMAND_HOMES names, for each command, the module adding it: a command's own parser
    is then built alone (start-up time), and parses exactly as the whole one."""
    import argparse
    import importlib

    from quynhnhai_desktop import cli

    added: dict[str, str] = {}
    for name in cli.COMMAND_MODULES:
        sub = argparse.ArgumentParser().add_subparsers()
        importlib.import_module(f"quynhnhai_desktop.cli.{name}").register(sub)
        added.update(dict.fromkeys(sub.choices, name))
    assert added == cli.COMMAND_HOMES


@pytest.mark.parametrize(
    "argv",
    [
        ["report", "monthly", "--month", "2021-09", "--pdf", "bc.pdf", "--rule", "statistical"],
        ["--data-dir", "d", "--lang", "en", "report", "range", "--from", "1/9/2021", "--to", "x"],
        ["report", "consolidated", "--month", "2021-09", "--xlsx", "t.xlsx"],
        ["activities", "list", "--month", "2021-09"],
        ["--verbose", "check"],
        ["backup", "list"],
        ["district", "status", "--month", "2021-09"],
    ],
)
def test_a_commands_own_parser_parses_as_the_whole_one(argv: list[str]) -> None:
    from quynhnhai_desktop.cli import build_parser

    command = next(a for a in argv if not a.startswith("-") and a not in ("d", "en"))
    assert vars(build_parser(command).parse_args(argv)) == vars(build_parser().parse_args(argv))


def test_a_commands_own_parser_refuses_as_the_whole_one(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from quynhnhai_desktop.cli import build_parser

    said = []
    for parser in (build_parser("report"), build_parser()):
        with pytest.raises(SystemExit) as ended:
            parser.parse_args(["report", "monthly", "--pdf", "x.pdf"])
        assert ended.value.code == 2
        said.append(capsys.readouterr().err)
    assert said[0] == said[1] and "--month" in said[0]
