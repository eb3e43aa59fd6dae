"""The activity log's rules and queries, on a real database."""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading
from typing import Any

import pytest
from alembic import command
from sqlalchemy import text

from quynhnhai_desktop.config import AppPaths
from quynhnhai_desktop.domain import activity as rules
from quynhnhai_desktop.domain.campaign import first_campaign
from quynhnhai_desktop.domain.dates import parse_count, parse_date
from quynhnhai_desktop.domain.errors import UserError
from quynhnhai_desktop.domain.text import sorted_vi
from quynhnhai_desktop.services import activities, reference
from quynhnhai_desktop.services import activity_queries as queries
from quynhnhai_desktop.services.activity_queries import WHOLE_COMMUNE, ActivityFilter
from quynhnhai_desktop.store import migrate, search
from quynhnhai_desktop.store.database import Database, open_database
from quynhnhai_desktop.store.engine import make_engine
from quynhnhai_desktop.store.models import ReportSubmission, Team, Village
from tests.conftest import MUONG_GIANG
from tests.support.activity_data import COMMUNE, add, add_villages, draft, team_id, village_id

CATALOG = first_campaign()


def listed(db: Database, **kwargs: object) -> list[queries.ActivityRow]:
    sort = kwargs.pop("sort", "date")
    descending = kwargs.pop("descending", True)
    with db.session() as session:
        flt = ActivityFilter(COMMUNE, **kwargs)  # type: ignore[arg-type]
        ids = queries.ordered_ids(session, flt, CATALOG, sort=sort, descending=descending)  # type: ignore[arg-type]
        return queries.fetch_rows(session, ids)


@pytest.fixture
def log_db(commune_db: Database) -> Database:
    add_villages(commune_db)
    return commune_db


def test_dates_and_counts_as_clerks_write_them() -> None:
    for text_ in ("15/09/2021", "15/9/2021", "15.09.2021", "15-9-21", "15092021", "2021-09-15"):
        assert parse_date(text_) == dt.date(2021, 9, 15), text_
    assert parse_date("31/02/2021") is None and parse_date("hôm qua") is None
    assert [parse_count(t) for t in ("", "0", "25", "1.234", "1 234", "12,345")] == [
        0,
        0,
        25,
        1234,
        1234,
        12345,
    ]
    assert [parse_count(t) for t in ("-3", "2,5", "1.5", "abc", "1.23")] == [None] * 5


def test_search_ignores_accents_and_case(log_db: Database) -> None:
    add(log_db, village="Bản Nà", note="Họp ở nhà văn hóa")
    add(log_db, village="Bản Đán", team="Hội Phụ nữ")
    add(log_db, village="Bản Co Phường", form="meeting", topics=("vaccination_benefit",))
    assert [r.village for r in listed(log_db, search="ban na")] == ["Bản Nà"]
    assert [r.village for r in listed(log_db, search="BẢN ĐÁN")] == ["Bản Đán"]
    assert [r.village for r in listed(log_db, search="ban dan")] == ["Bản Đán"]  # đ is d
    assert {r.village for r in listed(log_db, search="ban n")} == {"Bản Nà"}  # a word's start
    assert [r.village for r in listed(log_db, search="na ban")] == []  # words in order
    assert [r.team for r in listed(log_db, search="hoi phu")] == ["Hội Phụ nữ"]
    assert [r.village for r in listed(log_db, search="van hoa")] == ["Bản Nà"]  # the note
    assert [r.village for r in listed(log_db, search="vaccination")] == ["Bản Co Phường"]
    assert listed(log_db, search="không có") == []


def test_search_without_fts5_scans_and_finds_the_same(log_db: Database) -> None:
    add(log_db, village="Bản Nà")
    add(log_db, village="Bản Đán")
    with log_db.engine.begin() as conn:
        for trigger in search.TRIGGERS:
            conn.execute(text(f"DROP TRIGGER {trigger}"))
        conn.execute(text(f"DROP TABLE {search.FTS_TABLE}"))
        assert not search.has_index(conn)
    assert [r.village for r in listed(log_db, search="ban da")] == ["Bản Đán"]


def test_filters_narrow_the_list(log_db: Database) -> None:
    add(log_db, "02/08/2021", village="Bản Nà")
    add(log_db, "15/09/2021", village="Bản Đán", team="Hội Phụ nữ", form="meeting")
    add(log_db, "20/09/2021", village=None, form="loudspeaker", sessions=2, minutes=60)
    add(log_db, "21/09/2021", village="Bản Nà", topics=("venue_qr", "bluezone"))
    september = {"start": dt.date(2021, 9, 1), "end": dt.date(2021, 9, 30)}
    assert len(listed(log_db, **september)) == 3
    assert [r.date.day for r in listed(log_db, village_id=village_id(log_db, "Bản Nà"))] == [
        21,
        2,
    ]
    assert [r.form_code for r in listed(log_db, village_id=WHOLE_COMMUNE)] == ["loudspeaker"]
    assert [r.team for r in listed(log_db, team_id=team_id(log_db, "Hội Phụ nữ"))] == ["Hội Phụ nữ"]
    assert [r.form_code for r in listed(log_db, form_code="meeting")] == ["meeting"]
    assert [r.date.day for r in listed(log_db, topic_code="venue_qr")] == [21]
    with log_db.session() as session:
        assert queries.months(session, COMMUNE) == [(2021, 9), (2021, 8)]


def test_sorting_by_names_follows_vietnamese_collation(log_db: Database) -> None:
    for name in ("Bản Đán", "Bản Dũng", "Bản Co Phường", "Bản Nàng", "Bản Nà"):
        add(log_db, village=name)
    add(log_db, village=None)
    rows = listed(log_db, sort="village", descending=False)
    assert rows[0].village is None  # the whole commune first
    names = [r.village for r in rows[1:]]
    assert names == sorted_vi([n for n in names if n])
    assert names == ["Bản Co Phường", "Bản Dũng", "Bản Đán", "Bản Nà", "Bản Nàng"]
    descending = listed(log_db, sort="village", descending=True)
    assert [r.village for r in descending][:2] == ["Bản Nàng", "Bản Nà"]


def test_sorting_by_counts_form_and_topics(log_db: Database) -> None:
    add(log_db, people=40, sessions=1)
    add(log_db, people=400, sessions=1)
    add(log_db, form="install_support", people=5, bluezone_installs=5, health_book_installs=3)
    people = [r.count("people") for r in listed(log_db, sort="people")]
    assert people == [400, 40, 5]
    assert listed(log_db, sort="installs")[0].count("installs") == 8
    forms = [r.form_code for r in listed(log_db, sort="form", descending=False)]
    labels = [CATALOG.form(code).vi for code in forms]
    assert labels == sorted_vi(labels)
    assert len(listed(log_db, sort="topics")) == 3
    assert len(listed(log_db, sort="note")) == 3


def test_totals_follow_the_filter(log_db: Database) -> None:
    add(log_db, sessions=2, people=50, households=20)
    add(log_db, sessions=1, people=30, households=10, village="Bản Đán")
    with log_db.session() as session:
        every = queries.totals(session, ActivityFilter(COMMUNE))
        dan = queries.totals(
            session, ActivityFilter(COMMUNE, village_id=village_id(log_db, "Bản Đán"))
        )
    assert (every.activities, every.values["people"], every.count("sessions")) == (2, 80, 3)
    assert (dan.activities, dan.values["households"]) == (1, 10)


def test_rules_report_every_problem_with_its_field() -> None:
    bad = rules.ActivityDraft(
        date=dt.date(2019, 12, 31),
        team_id=1,
        form_code="loudspeaker",
        topics=(),
        values={"sessions": -1, "people": 30},
        note="x" * 2001,
    )
    fields = [p.field for p in rules.check(bad, CATALOG, today=dt.date(2021, 10, 1))]
    assert fields == ["date", "topics", "value:sessions", "value:people", "note"]
    with pytest.raises(UserError, match="between 01/01/2020 and today"):
        rules.validate(bad, CATALOG)
    future = rules.ActivityDraft(dt.date(2021, 10, 2), 1, "meeting", ("bluezone",))
    assert rules.check(future, CATALOG, today=dt.date(2021, 10, 1))[0].field == "date"


def test_implausible_counts_are_warnings_not_errors() -> None:
    odd = rules.ActivityDraft(
        dt.date(2021, 9, 1),
        1,
        "direct",
        ("bluezone",),
        values={"people": 30, "households": 45, "bluezone_installs": 60, "leaflets": 9000},
    )
    assert rules.check(odd, CATALOG) == []
    found = {p.field: p.error.english() for p in rules.implausible(odd, CATALOG)}
    assert "More households (45) than people (30)" in found["value:households"]
    assert "more than the people reached" in found["value:bluezone_installs"]
    assert "unusually large" in found["value:leaflets"]
    empty = rules.ActivityDraft(dt.date(2021, 9, 1), 1, "direct", ("bluezone",))
    assert [p.error.english() for p in rules.implausible(empty, CATALOG)] == [
        "No counts entered for this activity."
    ]


def test_likely_duplicate_and_reported_month_are_warned(log_db: Database) -> None:
    first = add(log_db)
    again = draft(log_db, people=99)
    found = activities.warnings(log_db, COMMUNE, again, CATALOG)
    assert any("duplicate" in w.error.english() for w in found)
    alone = activities.warnings(log_db, COMMUNE, again, CATALOG, exclude_id=first)
    assert not any("duplicate" in w.error.english() for w in alone)
    with log_db.session() as session:
        session.add(
            ReportSubmission(
                commune_code=COMMUNE,
                period_start=dt.date(2021, 9, 1),
                period_end=dt.date(2021, 9, 30),
                period_rule="calendar",
                revision=1,
            )
        )
    found = activities.warnings(log_db, COMMUNE, again, CATALOG, exclude_id=first)
    assert any("next export is revision 2" in w.error.english() for w in found)


def test_edit_after_export_is_flagged_and_stamped(log_db: Database) -> None:
    kept = add(log_db, "10/09/2021")
    edited = add(log_db, "11/09/2021")
    exported_at = dt.datetime.now(dt.UTC)
    with log_db.session() as session:
        session.add(
            ReportSubmission(
                commune_code=COMMUNE,
                period_start=dt.date(2021, 9, 1),
                period_end=dt.date(2021, 9, 30),
                period_rule="calendar",
                revision=1,
                exported_at=exported_at,
            )
        )
    with log_db.session() as session:
        result = activities.update_activity(
            session, edited, draft(log_db, "11/09/2021", people=77), CATALOG
        )
    assert result.reported_revision == 1
    flags = {r.id: r.changed_after_export for r in listed(log_db)}
    assert flags == {kept: False, edited: True}
    assert activities.load_draft(log_db, edited).values["people"] == 77


def test_delete_keeps_the_row_and_undo_restores_it(log_db: Database) -> None:
    gone = add(log_db, people=40)
    add(log_db, "16/09/2021", people=10)
    with log_db.session() as session:
        assert activities.soft_delete(session, [gone]) == 1
    assert [r.id for r in listed(log_db)] != [] and gone not in [r.id for r in listed(log_db)]
    with log_db.session() as session:
        assert queries.totals(session, ActivityFilter(COMMUNE)).values["people"] == 10
        assert session.execute(text(f"SELECT count(*) FROM activity WHERE id={gone}")).scalar()
        assert activities.restore(session, [gone]) == 1
    assert gone in [r.id for r in listed(log_db)]


def test_update_replaces_content_and_search(log_db: Database) -> None:
    ident = add(log_db, village="Bản Nà", note="")
    changed = draft(log_db, village="Bản Đán", note="Kết hợp họp bản", people=5)
    with log_db.session() as session:
        activities.update_activity(session, ident, changed, CATALOG)
    assert [r.id for r in listed(log_db, search="ban dan")] == [ident]
    assert [r.id for r in listed(log_db, search="ket hop hop ban")] == [ident]
    assert listed(log_db, search="ban na") == []


def test_last_entered_date_is_the_latest_entry_not_the_latest_day(log_db: Database) -> None:
    with log_db.session() as session:
        assert queries.last_entered_date(session, COMMUNE) is None
    add(log_db, "20/09/2021")
    add(log_db, "03/09/2021")
    with log_db.session() as session:
        assert queries.last_entered_date(session, COMMUNE) == dt.date(2021, 9, 3)


def test_rename_deactivate_and_delete_villages_and_teams(log_db: Database) -> None:
    ident = add(log_db, village="Bản Nà")
    nà = village_id(log_db, "Bản Nà")
    with log_db.session() as session:
        reference.rename(session, Village, nà, "  Bản  Nà Mới ")
    assert [r.village for r in listed(log_db, search="na moi")] == ["Bản Nà Mới"]
    assert listed(log_db, search="na moi")[0].id == ident
    with log_db.session() as session, pytest.raises(UserError, match="already exists"):
        reference.rename(session, Village, nà, "bản đán")
    with log_db.session() as session:
        reference.rename(session, Village, nà, "BẢN NÀ MỚI")  # case only: allowed
        with pytest.raises(UserError, match="cannot be deleted"):
            reference.delete_unused(session, Village, nà)
        reference.set_active(session, Village, nà, False)
        assert "BẢN NÀ MỚI" not in [
            v.name for v in reference.list_villages(session, COMMUNE, active_only=True)
        ]
        unused = village_id(log_db, "Bản Dũng")
        reference.delete_unused(session, Village, unused)
        assert reference.usage(session, Village, COMMUNE) == {nà: 1}
        team = team_id(log_db, "Đoàn Thanh niên")
        reference.rename(session, Team, team, "Đoàn TN xã")
    assert [r.team for r in listed(log_db, search="doan tn")] == ["Đoàn TN xã"]


def test_upgrade_from_0001_fills_content_keys_and_the_search_index(paths: AppPaths) -> None:
    engine = make_engine(paths.database_url)
    config = migrate.alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0001")
        conn.execute(
            text(
                "INSERT INTO team (id, commune_code, name, name_folded, sort_key, active, "
                "created_at, updated_at) VALUES (1, '03703', 'Hội Nữ công', 'hoi nu cong', x'00',"
                " 1, '2021-09-01', '2021-09-01')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO activity (id, uuid, commune_code, date, team_id, form_code, note, "
                "search_text, created_at, updated_at) VALUES (1, 'u1', '03703', '2021-09-15', "
                "1, 'meeting', ' Buổi  tối ', 'hoi nu cong | hop dan', '2021-09-15', "
                "'2021-09-15')"
            )
        )
        conn.execute(text("INSERT INTO activity_topic VALUES (1, 'bluezone')"))
        conn.execute(text("INSERT INTO activity_value VALUES (1, 'people', 30)"))
    engine.dispose()
    db = open_database(paths.database_url)
    from quynhnhai_desktop.services import profile

    profile.set_up(db, MUONG_GIANG)
    with db.session() as session:
        stored = session.execute(text("SELECT content_key FROM activity")).scalar()
        expected = rules.content_key(
            rules.ActivityDraft(
                dt.date(2021, 9, 15), 1, "meeting", ("bluezone",), {"people": 30}, None, "Buổi tối"
            )
        )
        assert stored == expected  # the migration's frozen copy agrees with the code
    assert [r.id for r in listed(db, search="nu cong")] == [1]
    with db.engine.connect() as conn:  # the index follows every later write by itself
        triggers = conn.execute(text("SELECT name FROM sqlite_master WHERE type='trigger'"))
        assert set(search.TRIGGERS) <= {row[0] for row in triggers}
    db.close()


def test_bulk_inserts_store_what_the_orm_stores(log_db: Database) -> None:
    """record_many writes through the session's DBAPI cursor, past SQLAlchemy: the date,
    the times and the campaign's defaults are stored as an ORM insert stores them."""
    from sqlmodel import select

    from quynhnhai_desktop.store.models import Activity, ActivityTopic, ActivityValue

    new = draft(log_db, note="  họp   dân ", topics=("bluezone", "vaccine", "bluezone"))
    with log_db.session() as session:
        (bulk_id,) = activities.record_many(session, COMMUNE, [(new, "text")])
        orm = Activity(
            commune_code=COMMUNE, date=new.date, team_id=new.team_id, form_code=new.form_code
        )
        session.add(orm)
        session.flush()
        stored = {
            row[0]: row[1:]
            for row in session.execute(
                text(
                    "SELECT id, date, typeof(created_at), length(created_at), campaign_id, "
                    "campaign_version, deleted_at FROM activity"
                )
            )
        }
        assert stored[bulk_id] == stored[orm.id]
        saved = session.get(Activity, bulk_id)
        assert saved is not None
        session.refresh(saved)
        assert saved.date == new.date and saved.created_at == saved.updated_at
        assert (saved.note, saved.search_text) == ("họp dân", "text")
        assert saved.content_key == rules.content_key(new)
        assert saved.campaign_id == CATALOG.id and saved.campaign_version == 1
        topics = session.exec(
            select(ActivityTopic.topic_code).where(ActivityTopic.activity_id == bulk_id)
        ).all()
        values = session.exec(
            select(ActivityValue.indicator_code, ActivityValue.value).where(
                ActivityValue.activity_id == bulk_id
            )
        ).all()
    assert sorted(topics) == ["bluezone", "vaccine"]  # a topic named twice is one
    assert dict(values) == {code: value for code, value in new.values.items() if value}
    assert activities.load_draft(log_db, bulk_id).values == dict(values)


def test_a_list_reading_stops_where_it_is_when_a_newer_one_is_asked(
    log_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The window's reading of the list (gui/activities/model.py) on a worker: a newer
    filter stops it mid-statement (sqlite3's interrupt) and it answers None; a reading
    stopped before it began reads nothing; any other failure is raised."""
    flt, catalog = ActivityFilter(COMMUNE), first_campaign()
    expected = queries.list_ids(log_db, flt, catalog)
    assert queries.list_ids_unless_stopped(log_db, flt, catalog, queries.Interrupt()) == expected
    stopped = queries.Interrupt()
    stopped.stop()
    assert queries.list_ids_unless_stopped(log_db, flt, catalog, stopped) is None

    running = threading.Event()

    def endless(session: Any, *_args: Any, **_how: Any) -> Any:
        raw = queries.dbapi_connection(session)
        raw.create_function("running", 0, lambda: running.set() or 1)
        return raw.execute(  # counts for ever, unless interrupted
            "WITH RECURSIVE c(x) AS (SELECT running() UNION ALL SELECT x + 1 FROM c) "
            "SELECT count(*) FROM c"
        ).fetchall()

    monkeypatch.setattr(queries, "ordered_ids", endless)
    interrupt, answers = queries.Interrupt(), []
    worker = threading.Thread(
        target=lambda: answers.append(
            queries.list_ids_unless_stopped(log_db, flt, catalog, interrupt)
        ),
        daemon=True,
    )
    worker.start()
    assert running.wait(10)  # the statement is running
    interrupt.stop()
    worker.join(10)
    assert answers == [None]

    def failing(*_args: Any, **_how: Any) -> Any:
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(queries, "ordered_ids", failing)
    with pytest.raises(sqlite3.OperationalError, match="disk I/O"):
        queries.list_ids_unless_stopped(log_db, flt, catalog, queries.Interrupt())


def test_a_list_reading_asked_as_the_database_closes_answers_nothing(log_db: Database) -> None:
    """A search's pause or a chunk asked just before the window closes (or a restore
    replaces the file) reads nothing and raises nothing: no one waits for its answer."""
    flt, catalog = ActivityFilter(COMMUNE, search="ban"), first_campaign()
    log_db.close()
    assert queries.list_ids_unless_stopped(log_db, flt, catalog, queries.Interrupt()) is None
    assert queries.totals_unless_stopped(log_db, flt, queries.Interrupt()) is None
