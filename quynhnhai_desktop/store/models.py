"""All tables in one module (the schema at a glance). Alembic migrations follow this file.

Text columns hold NFC; ``*_folded`` columns hold :func:`domain.text.fold` for
accent-insensitive search and ``sort_key`` columns the Vietnamese collation key, so lists
sort and filter in SQL without calling back into Python.
"""

from __future__ import annotations

import datetime as dt
import os
import uuid as uuid_lib

from sqlalchemy import CheckConstraint, Index, LargeBinary, Text, UniqueConstraint, text
from sqlmodel import Column, Field, SQLModel

from quynhnhai_desktop.domain.campaign import FIRST_CAMPAIGN


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def new_uuid() -> str:
    return str(uuid_lib.uuid4())


def new_uuids(count: int) -> list[str]:
    """*count* UUIDs as :func:`new_uuid` makes them (random, version 4), from one read of
    the system's random source (a bulk insert: a quarter of the time of one call each)."""
    data = bytearray(os.urandom(16 * count))
    data[6::16] = bytes((byte & 0x0F) | 0x40 for byte in data[6::16])  # version 4
    data[8::16] = bytes((byte & 0x3F) | 0x80 for byte in data[8::16])  # RFC 4122 variant
    digits = data.hex()
    return [
        f"{digits[i : i + 8]}-{digits[i + 8 : i + 12]}-{digits[i + 12 : i + 16]}-"
        f"{digits[i + 16 : i + 20]}-{digits[i + 20 : i + 32]}"
        for i in range(0, 32 * count, 32)
    ]


class Profile(SQLModel, table=True):
    """This installation: which unit it is and who signs its reports (exactly one row)."""

    __tablename__ = "profile"
    __table_args__ = (
        CheckConstraint("id = 1", name="single_row"),
        CheckConstraint("mode IN ('commune', 'district', 'province')", name="mode_known"),
    )

    id: int = Field(default=1, primary_key=True)
    mode: str = Field(max_length=16)
    unit_code: str = Field(max_length=8)
    unit_kind: str = Field(max_length=32)  # "Xã", "Huyện"…
    unit_name: str = Field(max_length=128)
    district_code: str | None = Field(default=None, max_length=8)
    district_name: str | None = Field(default=None, max_length=128)
    province_code: str = Field(max_length=8)
    province_name: str = Field(max_length=128)
    recipient: str = Field(max_length=256)  # "Phòng Văn hóa và Thông tin huyện Quỳnh Nhai"
    signer_name: str = Field(max_length=128)
    signer_title: str = Field(max_length=128)  # "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH"
    # The line above the title ("TM. ỦY BAN NHÂN DÂN"); None: the unit's usual one, "": none.
    signature_line: str | None = Field(default=None, max_length=128)
    # "Nơi nhận", one item a line ("Như trên;" … "Lưu: VT, VHXH."); None: the usual list.
    copies_to: str | None = Field(default=None, max_length=1000)
    # The body that issues the consolidated report ("Phòng Văn hóa và Thông tin", "Sở Văn
    # hóa, Thể thao và Du lịch"); None: the level's usual one.
    issuing_body: str | None = Field(default=None, max_length=128)
    created_at: dt.datetime = Field(default_factory=utcnow)
    updated_at: dt.datetime = Field(default_factory=utcnow)


class UnitHistory(SQLModel, table=True):
    """Who the installation was, and when: one row per identity (a 2021 commune moved to
    the 2025 commune it was merged into has two). The row without ``valid_to`` is the one
    the profile shows; a report prints the identity valid for its period."""

    __tablename__ = "unit_history"
    __table_args__ = (
        CheckConstraint(
            "valid_to IS NULL OR valid_from IS NULL OR valid_from <= valid_to",
            name="dates_in_order",
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    unit_code: str = Field(max_length=8)
    level: str = Field(max_length=16)
    unit_kind: str = Field(max_length=32)
    unit_name: str = Field(max_length=128)
    parent_code: str | None = Field(default=None, max_length=8)  # who it reported to then
    district_code: str | None = Field(default=None, max_length=8)
    district_name: str | None = Field(default=None, max_length=128)
    province_code: str = Field(max_length=8)
    province_name: str = Field(max_length=128)
    recipient: str = Field(max_length=256)  # "Kính gửi" then (the current row: the profile's)
    valid_from: dt.date | None = None  # None: since before the installation was set up
    valid_to: dt.date | None = None  # None: still this unit
    created_at: dt.datetime = Field(default_factory=utcnow)


class TakenReport(SQLModel, table=True):
    """A report of another commune merged into this 2025 commune, taken in from its signed
    package (kept whole): shown under its old name, never counted in this commune's months."""

    __tablename__ = "taken_report"
    __table_args__ = (
        UniqueConstraint("package_sha256", name="uq_taken_package"),
        UniqueConstraint(
            "unit_code",
            "unit_valid_to",
            "campaign_id",
            "period_start",
            "period_end",
            "revision",
            name="uq_taken_revision",
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    unit_code: str = Field(max_length=8)
    unit_name: str = Field(max_length=128)  # "Xã Chiềng Bằng", as the unit list has it
    unit_valid_to: dt.date  # its last day (30/06/2025): the code names it only with a date
    campaign_id: str = Field(max_length=64)
    period_start: dt.date
    period_end: dt.date
    period_rule: str = Field(max_length=16)
    revision: int
    activities: int
    package_sha256: str = Field(max_length=64)
    package: bytes = Field(sa_type=LargeBinary)
    taken_at: dt.datetime = Field(default_factory=utcnow)


class _CommuneList(SQLModel):
    """What a village and a team have in common: a name the commune edits, kept unique
    (accents and case ignored) and sorted the Vietnamese way; deactivated, never deleted."""

    id: int | None = Field(default=None, primary_key=True)
    commune_code: str = Field(max_length=8, index=True)
    name: str = Field(max_length=128)
    name_folded: str = Field(max_length=128)
    sort_key: bytes = Field(sa_type=LargeBinary)
    active: bool = Field(default=True)
    created_at: dt.datetime = Field(default_factory=utcnow)
    updated_at: dt.datetime = Field(default_factory=utcnow)


class Village(_CommuneList, table=True):
    """Bản / tổ dân phố; entered by the commune (none are shipped)."""

    __tablename__ = "village"
    __table_args__ = (UniqueConstraint("commune_code", "name_folded", name="uq_village_name"),)


class Team(_CommuneList, table=True):
    """Lực lượng: who ran the activity (Tổ COVID cộng đồng, Đoàn Thanh niên…)."""

    __tablename__ = "team"
    __table_args__ = (UniqueConstraint("commune_code", "name_folded", name="uq_team_name"),)


class Activity(SQLModel, table=True):
    """One outreach activity as a team leader tallied it."""

    __tablename__ = "activity"
    __table_args__ = (
        Index("ix_activity_team", "team_id"),
        Index("ix_activity_village", "village_id"),
        # The live rows of a commune by date, with what the list filters on: the list, its
        # filters and the monthly figures are answered from this index alone (100,000
        # rows: every id in date order 35 ms, by team 7 ms; 110-145 ms with the former
        # (commune_code, date) index, which it replaces).
        Index(
            "ix_activity_live",
            "commune_code",
            "deleted_at",
            "date",
            "team_id",
            "village_id",
            "form_code",
            "campaign_id",  # one campaign's list from the index too (migration 0014)
        ),
        Index("ix_activity_content", "commune_code", "content_key"),
        # The list sorted by a name reads the live rows name by name, each newest first,
        # from these (keyset paging, migration 0017).
        *(
            Index(f"ix_activity_by_{name}", "commune_code", "deleted_at", *columns)
            for name, columns in (
                ("village", ("village_id", "date", "team_id", "form_code", "campaign_id")),
                ("team", ("team_id", "date", "village_id", "form_code", "campaign_id")),
                ("form", ("form_code", "date", "team_id", "village_id", "campaign_id")),
            )
        ),
        # The list sorted by note: a note's live rows newest first, with what the list
        # filters on (migration 0020).
        Index(
            "ix_activity_by_note",
            "commune_code",
            "deleted_at",
            "note",
            "date",
            "campaign_id",
            "village_id",
            "team_id",
            "form_code",
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    uuid: str = Field(default_factory=new_uuid, max_length=36, unique=True)
    commune_code: str = Field(max_length=8)
    date: dt.date
    village_id: int | None = Field(default=None, foreign_key="village.id", ondelete="RESTRICT")
    team_id: int = Field(foreign_key="team.id", ondelete="RESTRICT")
    form_code: str = Field(max_length=32, index=True)
    note: str = Field(default="", max_length=2000)
    # fold() of village, team, form and topic labels and the note: what the search box matches.
    search_text: str = Field(default="", max_length=4000)
    created_at: dt.datetime = Field(default_factory=utcnow)
    updated_at: dt.datetime = Field(default_factory=utcnow)
    deleted_at: dt.datetime | None = Field(default=None, index=True)
    # SHA-256 of what the activity says (date, village, team, form, topics, counts, note):
    # a spreadsheet row whose content is already recorded is not imported again.
    content_key: str = Field(default="", max_length=64, sa_column_kwargs={"server_default": ""})
    # The campaign and the version of it the activity was recorded under (migration 0011
    # put every earlier activity into the 2021 campaign).
    campaign_id: str = Field(
        default=FIRST_CAMPAIGN,
        max_length=64,
        sa_column_kwargs={"server_default": FIRST_CAMPAIGN},
    )
    campaign_version: int = Field(default=1, sa_column_kwargs={"server_default": "1"})


class CampaignRecord(SQLModel, table=True):
    """A campaign this installation knows, one row per version, with its file verbatim
    (so a report can always be made again exactly as the campaign then said)."""

    __tablename__ = "campaign"

    campaign_id: str = Field(primary_key=True, max_length=64)
    version: int = Field(primary_key=True)
    title_vi: str = Field(max_length=500)
    runs_from: dt.date
    runs_to: dt.date | None = None
    source: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    source_sha256: str = Field(max_length=64)
    # The upper level's key fingerprint that signed the file ("" for a shipped campaign).
    signed_by: str = Field(default="", max_length=64)
    added_at: dt.datetime = Field(default_factory=utcnow)


class ActivityTopic(SQLModel, table=True):
    __tablename__ = "activity_topic"
    __table_args__ = (Index("ix_activity_topic_topic", "topic_code"),)

    activity_id: int = Field(foreign_key="activity.id", primary_key=True, ondelete="CASCADE")
    topic_code: str = Field(max_length=32, primary_key=True)


class ActivityValue(SQLModel, table=True):
    """One indicator count of an activity (only non-zero counts are stored)."""

    __tablename__ = "activity_value"
    __table_args__ = (CheckConstraint("value >= 0", name="value_not_negative"),)

    activity_id: int = Field(foreign_key="activity.id", primary_key=True, ondelete="CASCADE")
    indicator_code: str = Field(max_length=32, primary_key=True)
    value: int


class Venue(SQLModel, table=True):
    """A public venue of the commune, with its QR-code situation."""

    __tablename__ = "venue"
    __table_args__ = (
        CheckConstraint("status IN ('active', 'closed')", name="status_known"),
        CheckConstraint("posters_printed >= 0", name="posters_not_negative"),
    )

    id: int | None = Field(default=None, primary_key=True)
    commune_code: str = Field(max_length=8, index=True)
    code: str = Field(max_length=32, unique=True)  # "<commune code>-<4 digits>" unless given
    name: str = Field(max_length=256)
    name_folded: str = Field(max_length=256)
    sort_key: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    category: str = Field(max_length=32)
    village_id: int | None = Field(default=None, foreign_key="village.id", ondelete="RESTRICT")
    address: str = Field(default="", max_length=512)
    contact_name: str = Field(default="", max_length=128)
    phone: str = Field(default="", max_length=20)
    registered: bool = Field(default=False)
    registered_on: dt.date | None = None
    qr_content: str = Field(default="", max_length=2000)  # as issued by the national platform
    status: str = Field(default="active", max_length=8)
    posters_printed: int = Field(default=0)
    last_printed_at: dt.datetime | None = None
    created_at: dt.datetime = Field(default_factory=utcnow)
    updated_at: dt.datetime = Field(default_factory=utcnow)


class ReportSubmission(SQLModel, table=True):
    """A report the commune exported (one row per revision); edits after it mean a new one.

    Written by the report-package export; read by the activity log to flag edits in a
    period that was already reported.
    """

    __tablename__ = "report_submission"
    __table_args__ = (
        UniqueConstraint(
            "commune_code",
            "campaign_id",
            "period_start",
            "period_end",
            "revision",
            name="uq_submission_revision",
        ),
        CheckConstraint("revision >= 1", name="revision_positive"),
    )

    id: int | None = Field(default=None, primary_key=True)
    commune_code: str = Field(max_length=8)
    # The campaign the report is for: numbering, revisions and texts are per campaign.
    campaign_id: str = Field(
        default="covid-2021", max_length=64, sa_column_kwargs={"server_default": "covid-2021"}
    )
    period_start: dt.date
    period_end: dt.date
    period_rule: str = Field(max_length=16)  # "calendar" | "statistical" | "custom"
    revision: int
    exported_at: dt.datetime = Field(default_factory=utcnow)
    package_sha256: str = Field(default="", max_length=64)
    # Who signed it and to whom it went (the Issuer as JSON): a change of signer makes the
    # next revision. None for revisions exported before this was kept.
    issuer_json: str | None = Field(default=None, sa_type=Text)


class ReportText(SQLModel, table=True):
    """The texts of one period's report, kept so the clerk never types them twice.

    ``results`` is None until the clerk edits the draft written from the numbers, so the
    draft follows the data until then.
    """

    __tablename__ = "report_text"
    __table_args__ = (
        UniqueConstraint(
            "commune_code",
            "campaign_id",
            "period_start",
            "period_end",
            "period_rule",
            name="uq_report_text",
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    commune_code: str = Field(max_length=8)
    # The campaign the report is for: numbering, revisions and texts are per campaign.
    campaign_id: str = Field(
        default="covid-2021", max_length=64, sa_column_kwargs={"server_default": "covid-2021"}
    )
    period_start: dt.date
    period_end: dt.date
    period_rule: str = Field(max_length=16)  # "calendar" | "statistical" | "custom"
    number: str = Field(default="", max_length=16)  # "05"; blank: written by hand
    report_date: dt.date
    results: str | None = Field(default=None, max_length=20000)
    difficulties: str = Field(default="", max_length=20000)
    proposals: str = Field(default="", max_length=20000)
    created_at: dt.datetime = Field(default_factory=utcnow)
    updated_at: dt.datetime = Field(default_factory=utcnow)


class Setting(SQLModel, table=True):
    """Small named settings shared by the GUI and the CLI (e.g. the reporting deadline)."""

    __tablename__ = "setting"

    key: str = Field(primary_key=True, max_length=64)
    value: str = Field(max_length=1000)


class CommuneKey(SQLModel, table=True):
    """District side: the signing key enrolled for a commune (its fingerprint confirmed).

    One key, one unit: a key enrolled for a commune is never trusted for another.
    """

    __tablename__ = "commune_key"
    __table_args__ = (UniqueConstraint("public_key", name="uq_commune_key_public_key"),)

    commune_code: str = Field(primary_key=True, max_length=8)
    public_key: str = Field(max_length=64)  # base64 of the raw 32-byte Ed25519 key
    fingerprint: str = Field(max_length=64)
    first_seen: dt.datetime = Field(default_factory=utcnow)  # when it was enrolled
    replaced_at: dt.datetime | None = None


class HeldPackage(SQLModel, table=True):
    """District side: a sound package from a commune with no enrolled key yet.

    Kept whole (its bytes), counted nowhere, until the district confirms the key's
    fingerprint with the commune and enrols it; the package is then imported.
    """

    __tablename__ = "held_package"

    id: int | None = Field(default=None, primary_key=True)
    package_sha256: str = Field(max_length=64, unique=True)
    commune_code: str = Field(max_length=8, index=True)
    period_start: dt.date
    period_end: dt.date
    revision: int
    public_key: str = Field(max_length=64)
    fingerprint: str = Field(max_length=64)
    received_at: dt.datetime = Field(default_factory=utcnow)
    file_name: str = Field(max_length=255)
    blob: bytes = Field(sa_column=Column(LargeBinary, nullable=False))


class ImportedReport(SQLModel, table=True):
    """District side: one imported package; the highest live revision per period counts."""

    __tablename__ = "imported_report"
    __table_args__ = (
        # One live report per commune, period and revision; a withdrawn one stays for the
        # record and no longer blocks the genuine file of the same revision.
        Index(
            "uq_imported_live_revision",
            "commune_code",
            "campaign_id",
            "period_start",
            "period_end",
            "revision",
            unique=True,
            sqlite_where=text("withdrawn_at IS NULL"),
        ),
        Index("ix_imported_period", "period_end", "commune_code"),
        # What the completeness grid reads, and only that: never a page of the blobs
        # (migration 0018_i19c).
        Index(
            "ix_imported_grid",
            "campaign_id",
            "period_end",
            "commune_code",
            "period_start",
            "revision",
            "created_at",
            "withdrawn_at",
            "withdrawn_reason",
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    package_sha256: str = Field(max_length=64, unique=True)
    commune_code: str = Field(max_length=8)
    commune_name: str = Field(max_length=128)
    # The campaign the report is for: numbering, revisions and texts are per campaign.
    campaign_id: str = Field(
        default="covid-2021", max_length=64, sa_column_kwargs={"server_default": "covid-2021"}
    )
    period_start: dt.date
    period_end: dt.date
    period_rule: str = Field(max_length=16)
    revision: int
    key_fingerprint: str = Field(max_length=64)
    created_at: dt.datetime  # when the commune exported it (from the signed manifest)
    imported_at: dt.datetime = Field(default_factory=utcnow)
    file_name: str = Field(max_length=255)
    data_json: str = Field(sa_column=Column(Text, nullable=False))
    pdf: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    # Withdrawn: kept and shown, but out of every count and total.
    withdrawn_at: dt.datetime | None = None
    withdrawn_reason: str = Field(
        default="", max_length=500, sa_column_kwargs={"server_default": ""}
    )
