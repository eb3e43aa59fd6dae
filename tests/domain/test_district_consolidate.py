"""consolidate(): the pure sum behind the district report, on hand-made package data."""

from __future__ import annotations

import datetime as dt
import uuid

from quynhnhai_desktop.domain import package as wire
from quynhnhai_desktop.domain.campaign import first_campaign
from quynhnhai_desktop.domain.district_report import Received, consolidate
from quynhnhai_desktop.domain.periods import month_period, statistical_month
from quynhnhai_desktop.domain.report_text import commune_status, draft_district_results
from tests.support.package_helpers import sample_data

SEPTEMBER = month_period(2021, 9)
SENT = dt.datetime(2021, 10, 3, 9, 0, tzinfo=dt.UTC)
COMMUNES = [("03682", "Xã Mường Chiên"), ("03703", "Xã Mường Giàng"), ("03712", "Xã Nậm Ét")]


def one_activity(form: str, values: dict[str, int], difficulties: str = "") -> wire.ReportData:
    """A commune-month of one activity, its tables adding up (the wire format checks it)."""
    line = [wire.GroupTotals(key=form, label=form.title(), activities=1, values=values)]
    return wire.ReportData(
        catalog_id="covid-2021",
        activities_count=1,
        totals=values,
        by_form=line,
        by_topic=[wire.GroupTotals(key="bluezone", label="Bluezone", activities=1, values=values)],
        by_village=[wire.GroupTotals(key="*", label="Toàn xã", activities=1, values=values)],
        by_team=[wire.GroupTotals(key="1", label="Đoàn Thanh niên", activities=1, values=values)],
        venues=wire.VenueSummary(
            total=4,
            active=4,
            registered=3,
            with_official_qr=2,
            registered_in_period=1,
            posters_printed=5,
        ),
        narrative=wire.Narrative(
            number="",
            issued_on=dt.date(2021, 10, 2),
            results="",
            difficulties=difficulties,
            proposals="",
        ),
        activities=[
            wire.ActivityRow(
                uuid=str(uuid.UUID(int=7)),
                date=dt.date(2021, 9, 9),
                village=None,
                team="Đoàn Thanh niên",
                form=form,
                topics=["bluezone"],
                values=values,
                note="",
            )
        ],
    )


def test_sums_lines_by_key_with_catalog_labels_and_keeps_unknown_codes() -> None:
    received = {
        "03682": Received(1, SENT, sample_data(people=100, sessions=2)),
        "03703": Received(3, SENT, one_activity("direct", {"people": 5, "sms_sent": 9})),
        "03706": Received(1, SENT, one_activity("karaoke", {"people": 1})),  # not expected
    }
    report = consolidate(
        unit_code="118",
        unit_kind="Huyện",
        unit_name="Quỳnh Nhai",
        communes=COMMUNES,
        received=received,
        previous={"03682": sample_data(people=40)},
        period=SEPTEMBER,
        catalog=first_campaign(),
    )
    data = report.data
    assert data.totals.activities == 2 + 1 + 1
    assert data.totals.value("people") == 106
    assert data.totals.value("sms_sent") == 9  # a code the catalog does not know is kept…
    assert data.columns[-1].code == "sms_sent"  # …as its own column, after the catalog's
    direct = next(line for line in data.by_form.lines if line.key == "direct")
    assert direct.label == "Tuyên truyền trực tiếp, đến hộ gia đình"  # the catalog's label
    assert (direct.activities, direct.value("people")) == (2, 105)
    assert direct.applies == first_campaign().form("direct").indicators
    karaoke = data.by_form.lines[-1]
    assert (karaoke.key, karaoke.label, karaoke.activities) == ("karaoke", "Karaoke", 1)
    assert [x.key for x in data.by_form.lines[: len(first_campaign().forms)]] == [
        f.code for f in first_campaign().forms
    ]
    # by commune: the expected ones that reported, in order, then the unexpected one
    assert [(x.key, x.label) for x in data.by_village.lines] == [
        ("03682", "Xã Mường Chiên"),
        ("03703", "Xã Mường Giàng"),
        ("03706", "03706"),
    ]
    assert [c.code for c in report.missing] == ["03712"]
    assert data.villages_total == 3
    assert data.previous_totals.value("people") == 40
    assert report.previous_reported == 1
    team = next(x for x in data.by_team.lines if x.label == "Đoàn Thanh niên")
    assert team.activities == 2  # the same team name in two communes, summed
    venues = data.venues
    assert [x.label for x in venues.lines] == ["Xã Mường Chiên", "Xã Mường Giàng", "03706"]
    assert venues.total.venues == 31 + 4 + 4
    assert venues.previous_registered == venues.total.registered - venues.total.new


def test_a_commune_that_sent_another_period_rule_is_named_but_not_summed() -> None:
    report = consolidate(
        unit_code="118",
        unit_kind="Huyện",
        unit_name="Quỳnh Nhai",
        communes=COMMUNES,
        received={"03703": Received(1, SENT, one_activity("direct", {"people": 5}, "Mưa lũ."))},
        previous={},
        period=SEPTEMBER,
        catalog=first_campaign(),
        other_periods={"03682": statistical_month(2021, 9)},
    )
    by_code = {c.code: c for c in report.communes}
    status = commune_status(by_code["03682"])
    assert status == ("Chưa báo cáo (đã gửi số liệu từ ngày 15/8/2021 đến ngày 14/9/2021)", "", "")
    assert commune_status(by_code["03712"]) == ("Chưa báo cáo", "", "")
    assert commune_status(by_code["03703"]) == ("Đã báo cáo", "Báo cáo ngày 02/10/2021", "1")
    assert report.data.totals.value("people") == 5
    draft = draft_district_results(report, "Phòng Văn hóa và Thông tin")
    assert (
        "nhận được báo cáo của 1/3 xã; còn 02 xã chưa gửi báo cáo: xã Mường Chiên, xã Nậm Ét."
        in draft
    )
    assert "so với kỳ trước" not in draft  # nothing to compare with
    assert by_code["03703"].difficulties == "Mưa lũ."


def test_a_number_written_with_its_symbol_is_cited_once() -> None:
    report = consolidate(
        unit_code="118",
        unit_kind="Huyện",
        unit_name="Quỳnh Nhai",
        communes=COMMUNES[:1],
        received={"03682": Received(2, SENT, sample_data())},  # number "05/BC-UBND"
        previous={},
        period=SEPTEMBER,
        catalog=first_campaign(),
    )
    assert commune_status(report.communes[0]) == (
        "Đã báo cáo (bản sửa đổi)",
        "Số 05/BC-UBND ngày 05/10/2021",
        "2",
    )
    assert "đủ 1/1 xã" in draft_district_results(report, "Phòng Văn hóa và Thông tin")
