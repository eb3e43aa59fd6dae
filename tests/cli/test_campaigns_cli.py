"""Two campaigns in one commune and one month: each command works in the campaign named."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from pypdf import PdfReader

from quynhnhai_desktop.cli import main
from quynhnhai_desktop.config import AppPaths
from quynhnhai_desktop.services import campaigns
from quynhnhai_desktop.store.database import open_database

SIGNER = ["--signer-name", "Lò Văn Thành", "--signer-title", "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"]
DIGITAL = Path(__file__).resolve().parents[1] / "data" / "digital-2026.json"
COVID_ROWS = (
    "Ngày,Bản,Lực lượng,Hình thức,Nội dung,Số buổi/lượt,Lượt người được tuyên truyền,Số hộ\n"
    "05/02/2026,,Đoàn Thanh niên,direct,bluezone,2,120,30\n"
    "06/02/2026,,Hội Phụ nữ,meeting,vaccination_benefit,1,60,\n"
)
DIGITAL_ROWS = (
    "Ngày,Bản,Lực lượng,Hình thức,Nội dung,Số lớp hướng dẫn,Lượt người học\n"
    "07/02/2026,,Đoàn Thanh niên,class,vneid,1,25\n"
)


def run(data: Path, *args: str) -> int:
    return main(["--data-dir", str(data), *args])


@pytest.fixture
def data(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    folder = tmp_path / "d"
    assert run(folder, "init", "--commune", "03703", *SIGNER) == 0
    db = open_database(AppPaths(folder).database_url)
    with db.session() as session:
        campaigns.store(session, DIGITAL.read_bytes())
    db.close()
    capsys.readouterr()
    return folder


def _sql_sum(data: Path, campaign: str, indicator: str) -> int:
    conn = sqlite3.connect(AppPaths(data).database)
    try:
        (total,) = conn.execute(
            "SELECT coalesce(sum(v.value), 0) FROM activity a JOIN activity_value v"
            " ON v.activity_id = a.id WHERE a.campaign_id = ? AND v.indicator_code = ?"
            " AND a.deleted_at IS NULL",
            (campaign, indicator),
        ).fetchone()
    finally:
        conn.close()
    return int(total)


def test_each_command_works_in_the_campaign_named(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    covid, digital = tmp_path / "covid.csv", tmp_path / "digital.csv"
    covid.write_text(COVID_ROWS, encoding="utf-8")
    digital.write_text(DIGITAL_ROWS, encoding="utf-8")

    # Two campaigns run in February 2026: a command without --campaign lists them.
    assert run(data, "activities", "import", str(covid)) == 1
    err = capsys.readouterr().err
    assert "--campaign" in err and "covid-2021" in err and "digital-2026" in err
    assert "Traceback" not in err
    assert run(data, "activities", "import", str(covid), "--campaign", "covid-2021") == 0
    assert run(data, "activities", "import", str(digital), "--campaign", "digital-2026") == 0
    # A digital form is not a form of the 2021 campaign: the file is refused there.
    assert run(data, "activities", "import", str(digital), "--campaign", "covid-2021") == 1
    assert run(data, "activities", "import", str(covid), "--campaign", "nope") == 1
    assert "nope" in capsys.readouterr().err

    assert run(data, "activities", "list", "--campaign", "digital-2026") == 0
    out = capsys.readouterr().out
    assert "07/02/2026" in out and "05/02/2026" not in out
    assert "Lớp\tNgười học\tVNeID" in out and "Lượt người học 25" in out
    assert run(data, "activities", "list", "--campaign", "covid-2021") == 0
    out = capsys.readouterr().out
    assert "05/02/2026" in out and "07/02/2026" not in out and "Tổng: 2 hoạt động" in out

    for campaign, title, people in (
        ("covid-2021", "an toàn tiêm chủng", "people"),
        ("digital-2026", "kỹ năng số", "learners"),
    ):
        pdf = tmp_path / f"{campaign}.pdf"
        args = ("report", "monthly", "--month", "2026-02", "--campaign", campaign)
        assert run(data, *args, "--pdf", str(pdf)) == 0
        summary = capsys.readouterr().out
        assert str(_sql_sum(data, campaign, people)) in summary
        text = " ".join(page.extract_text() for page in PdfReader(pdf).pages)
        assert title in " ".join(text.split())
    assert _sql_sum(data, "covid-2021", "people") == 180
    assert _sql_sum(data, "digital-2026", "learners") == 25
