"""`quynhnhai report`: the same report from a script, with the files the GUI would save."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from quynhnhai_desktop.cli import main
from quynhnhai_desktop.config import AppPaths
from quynhnhai_desktop.domain.periods import calendar_month, statistical_month
from quynhnhai_desktop.services import report
from quynhnhai_desktop.store.database import open_database
from tests.support.report_helpers import build_months

SIGNER = ["--signer-name", "Lò Văn Thành", "--signer-title", "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"]


@pytest.fixture
def data_dir(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    folder = tmp_path / "d"
    assert main(["--data-dir", str(folder), "init", "--commune", "03703", *SIGNER]) == 0
    db = open_database(AppPaths(folder).database_url)
    build_months(db)
    db.close()
    capsys.readouterr()
    return folder


def run(data_dir: Path, *args: str) -> int:
    return main(["--data-dir", str(data_dir), "report", *args])


def test_monthly_report_writes_pdf_and_excel_and_prints_the_summary(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pdf, xlsx = tmp_path / "out" / "bc.pdf", tmp_path / "out" / "bc.xlsx"
    assert (
        run(data_dir, "monthly", "--month", "2021-09", "--pdf", str(pdf), "--xlsx", str(xlsx)) == 0
    )
    out = capsys.readouterr().out
    db = open_database(AppPaths(data_dir).database_url)
    data = report.prepare(db, calendar_month(2021, 9)).data
    db.close()
    assert out.startswith("UBND xã Mường Giàng báo cáo nhanh kết quả tuyên truyền tháng 9/2021")
    assert f"{data.totals.activities} hoạt động tuyên truyền" in out
    assert f"Đã lưu PDF: {pdf}" in out and f"Đã lưu bản Excel: {xlsx}" in out
    text = " ".join(PdfReader(io.BytesIO(pdf.read_bytes())).pages[0].extract_text().split())
    assert "tháng 9 năm 2021" in text
    assert load_workbook(xlsx)["Tổng hợp"]["C5"].value == data.totals.activities
    assert not list(pdf.parent.glob(".*.part"))  # atomic writes leave no temporary file


def test_statistical_rule_and_a_range_of_days(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(data_dir, "monthly", "--month", "2021-09", "--rule", "statistical") == 0
    out = capsys.readouterr().out
    db = open_database(AppPaths(data_dir).database_url)
    data = report.prepare(db, statistical_month(2021, 9)).data
    db.close()
    assert "(từ ngày 15/8/2021 đến ngày 14/9/2021)" in out
    assert f"{data.totals.activities} hoạt động" in out
    pdf = tmp_path / "tuan.pdf"
    assert (
        run(data_dir, "range", "--from", "06/09/2021", "--to", "2021-09-12", "--pdf", str(pdf)) == 0
    )
    assert "từ ngày 06/9/2021 đến ngày 12/9/2021" in capsys.readouterr().out
    text = " ".join(PdfReader(pdf).pages[0].extract_text().split())
    assert "từ ngày 06/9/2021 đến ngày 12/9/2021" in text


def test_mistakes_get_a_vietnamese_message_and_exit_codes(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(data_dir, "monthly", "--month", "9/2021") == 1
    assert "Ghi tháng theo dạng YYYY-MM" in capsys.readouterr().err
    assert run(data_dir, "range", "--from", "2021-09-12", "--to", "2021-09-01") == 1
    assert "Ngày kết thúc 01/09/2021 trước ngày bắt đầu 12/09/2021." in capsys.readouterr().err
    with pytest.raises(SystemExit) as usage:
        run(data_dir, "monthly")
    assert usage.value.code == 2


def test_before_set_up_the_report_says_what_to_do(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(tmp_path / "empty", "monthly", "--month", "2021-09") == 1
    assert "quynhnhai init" in capsys.readouterr().err


def test_a_current_database_without_a_profile_says_what_to_do(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The plain path (the database exists at the current schema) says what the ORM said."""
    from quynhnhai_desktop.store.plain import open_current

    paths = AppPaths(tmp_path / "bare").ensure()
    open_database(paths.database_url).close()
    conn = open_current(paths.database)
    assert conn is not None  # the command takes the plain path
    conn.close()
    assert run(paths.data_dir, "monthly", "--month", "2021-09") == 1
    assert "quynhnhai init" in capsys.readouterr().err


def test_an_older_schema_is_opened_the_ordinary_way(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Not at HEAD: no plain read; the ordinary open (which migrates, after the window's
    lock and a backup) makes the same report."""
    from quynhnhai_desktop.store import migrate

    db = open_database(AppPaths(data_dir).database_url)
    expected = report.prepare(db, calendar_month(2021, 9))
    db.close()
    opened: list[str] = []
    real = report.prepare

    def ordinary(*args, **kwargs):  # type: ignore[no-untyped-def]
        opened.append("orm")
        return real(*args, **kwargs)

    monkeypatch.setattr(migrate, "HEAD", "0000_an_older_app")
    monkeypatch.setattr(report, "prepare", ordinary)
    assert run(data_dir, "monthly", "--month", "2021-09") == 0
    assert opened == ["orm"]
    from quynhnhai_desktop.domain.report_text import summary_text

    assert summary_text(expected.data) in capsys.readouterr().out
