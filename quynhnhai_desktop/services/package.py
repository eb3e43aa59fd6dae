"""The report package (.qnbc): one signed, self-checking zip per commune, period and revision.

Members: manifest.json (signed; SHA-256 of the others), data.json, report.pdf, manifest.sig
(Ed25519 over the manifest's bytes). The reader treats every file as hostile: it never
extracts to disk, allows exactly the four member names, caps the file size, each member's
size and compression ratio (reading no more than the cap, whatever the header claims),
checks every hash and the signature, and validates the JSON strictly. A file is refused by
its size before it is read (:func:`read_path`), and JSON nested deeper than any report is
refused by a scan of its bytes before it is parsed (a manifest of thousands of brackets
would otherwise exhaust the parser's recursion before the signature is checked).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from quynhnhai_desktop import __version__
from quynhnhai_desktop.domain import clock
from quynhnhai_desktop.domain.campaign import FIRST_CAMPAIGN
from quynhnhai_desktop.domain.errors import QT_TRANSLATE_NOOP, UserError
from quynhnhai_desktop.domain.package import (
    DATA,
    FORMAT,
    FORMAT_VERSION,
    MANIFEST,
    PDF,
    READABLE,
    SIGNATURE,
    AnyManifest,
    CampaignRef,
    ConsolidatedData,
    Manifest,
    ManifestV1,
    Payload,
    ReportData,
    UnitRef,
)
from quynhnhai_desktop.services import signed_zip
from quynhnhai_desktop.services.identity import Identity, fingerprint

SUFFIX = ".qnbc"
MAX_FILE_BYTES = 32 * 1024 * 1024
MEMBER_CAPS = {MANIFEST: 16 * 1024, SIGNATURE: 128, DATA: 24 * 1024 * 1024, PDF: 24 * 1024 * 1024}
MAX_JSON_DEPTH = 16  # a report's data nests 5 deep
MAX_RATIO = 200  # JSON compresses ~10-20x; a bomb compresses 1000x and more


class PackageRefused(UserError):
    """The file is not a sound report package; nothing was imported."""


def _refuse(template: str, **params: object) -> PackageRefused:
    return PackageRefused("package", template, **params)


@dataclass(frozen=True)
class VerifiedPackage:
    manifest: AnyManifest
    data: Payload  # a commune's ReportData, or a district's ConsolidatedData (format 2)
    data_json: str
    pdf: bytes
    sha256: str  # of the whole file: its identity for "already imported"

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.manifest.public_key)


def file_name(manifest: AnyManifest) -> str:
    """ASCII name: BC-2021-09-03703-r2.qnbc (a calendar or statistical month) or with dates."""
    return name_for(
        manifest.period_start,
        manifest.period_end,
        manifest.period_rule,
        manifest.commune_code,
        manifest.revision,
        manifest.campaign_id,
    )


def name_for(
    start: dt.date,
    end: dt.date,
    rule: str,
    commune_code: str,
    revision: int,
    campaign_id: str = FIRST_CAMPAIGN,
) -> str:
    """The file name of a package (see :func:`file_name`), before it is made. A campaign
    other than the 2021 one is named before the revision: BC-2021-09-03703-kns-2026-r1.qnbc."""
    period = f"{end:%Y-%m}" if rule != "custom" else f"{start:%Y%m%d}-{end:%Y%m%d}"
    campaign = "" if campaign_id == FIRST_CAMPAIGN else f"-{campaign_id}"
    return f"BC-{period}-{commune_code}{campaign}-r{revision}{SUFFIX}"


def build(
    *,
    unit: UnitRef,
    period_start: dt.date,
    period_end: dt.date,
    period_rule: str,
    revision: int,
    data: Payload,
    pdf: bytes,
    identity: Identity,
    campaign: CampaignRef,
    created_at: dt.datetime | None = None,
) -> tuple[Manifest, bytes]:
    """The package's bytes (format 2), ready to write (atomically) wherever the clerk
    chooses: from *unit*, for *campaign*; *data* is a commune's activity data or a
    district's per-commune totals, as the unit's level says."""
    if isinstance(data, ConsolidatedData) != (unit.level != "commune"):
        raise ValueError(f"a {unit.level}'s package cannot carry {type(data).__name__}")
    data_bytes = data.model_dump_json(indent=1).encode("utf-8")
    manifest = Manifest.model_validate(
        {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "app_version": __version__,
            "unit": unit.model_dump(),
            "campaign": campaign.model_dump(),
            "period_start": period_start,
            "period_end": period_end,
            "period_rule": period_rule,
            "revision": revision,
            "created_at": created_at or clock.now(dt.UTC),
            "members": {DATA: _sha256(data_bytes), PDF: _sha256(pdf)},
            "public_key": identity.public_key_b64,
        },
        strict=False,
    )
    manifest_bytes = manifest.model_dump_json(indent=1, exclude_none=True).encode("utf-8")
    return manifest, signed_zip.build(manifest_bytes, ((DATA, data_bytes), (PDF, pdf)), identity)


def _too_large() -> PackageRefused:
    return _refuse(QT_TRANSLATE_NOOP("package", "The file is too large to be a report."))


def _damaged() -> PackageRefused:
    return _refuse(
        QT_TRANSLATE_NOOP("package", "This is not a report file, or it is damaged (copy it again).")
    )


def _unusual(member: str) -> PackageRefused:
    return _refuse(
        QT_TRANSLATE_NOOP("package", "{member} is too large or packed in an unusual way."),
        member=member,
    )


def _unexpected(names: list[str], count: int) -> PackageRefused:
    return _refuse(
        QT_TRANSLATE_NOOP(
            "package", "The file holds unexpected contents ({names}); it is not a report."
        ),
        names=", ".join(names[:3]) or str(count),
    )


RULES = signed_zip.Rules(
    caps=MEMBER_CAPS,
    max_file_bytes=MAX_FILE_BYTES,
    max_ratio=MAX_RATIO,
    damaged=_damaged,
    too_large=_too_large,
    unusual=_unusual,
    unexpected=_unexpected,
)


def read_path(path: Path) -> bytes:
    """The bytes of the file at *path*, refused by its size before it is read (and never
    more than the cap read, should the file grow meanwhile). Raises OSError as reading does.
    """
    return signed_zip.read_path(path, RULES)


def read(blob: bytes) -> VerifiedPackage:
    """Verify *blob* completely, in memory; raise PackageRefused with the reason."""
    members = signed_zip.members(blob, RULES)
    for name in (MANIFEST, DATA):
        if json_too_deep(members[name]):
            raise _damaged()
    if not verify_signature(members):
        raise _refuse(
            QT_TRANSLATE_NOOP(
                "package",
                "The signature does not match: the file was changed after the commune "
                "signed it. Ask the commune for the file again.",
            )
        )
    manifest = _parse_manifest(members[MANIFEST])
    for name in (DATA, PDF):
        if _sha256(members[name]) != manifest.members[name]:  # type: ignore[index]
            raise _refuse(
                QT_TRANSLATE_NOOP(
                    "package", "{member} does not match its checksum: the file was changed."
                ),
                member=name,
            )
    model: type[ReportData] | type[ConsolidatedData] = (
        ReportData if manifest.unit_level == "commune" else ConsolidatedData
    )
    try:
        data: Payload = model.model_validate_json(members[DATA])
    except ValidationError as error:
        raise _refuse(
            QT_TRANSLATE_NOOP("package", "The report data is not valid: {detail}"),
            detail=_first_error(error),
        ) from None
    return VerifiedPackage(
        manifest=manifest,
        data=data,
        data_json=members[DATA].decode("utf-8"),
        pdf=members[PDF],
        sha256=_sha256(blob),
    )


def json_too_deep(raw: bytes, limit: int = MAX_JSON_DEPTH) -> bool:
    """*raw* (JSON) opens more than *limit* brackets at once (:func:`signed_zip.json_too_deep`)."""
    return signed_zip.json_too_deep(raw, limit)


def verify_signature(members: dict[str, bytes]) -> bool:
    """The manifest's own key signed the manifest (who that key belongs to is checked later)."""
    return signed_zip.signed_by_own_key(members)


def _parse_manifest(raw: bytes) -> AnyManifest:
    try:
        version = json.loads(raw).get("format_version")
    except (ValueError, AttributeError):
        version = None
    if version not in READABLE or isinstance(version, bool):
        raise _refuse(
            QT_TRANSLATE_NOOP(
                "package",
                "This report was made in format version {version}, which this app does not "
                "read. Install the newest version of the app.",
            ),
            version=version,
        )
    model: type[AnyManifest] = ManifestV1 if version == 1 else Manifest
    try:
        return model.model_validate_json(raw)
    except ValidationError as error:
        raise _refuse(
            QT_TRANSLATE_NOOP("package", "The report data is not valid: {detail}"),
            detail=_first_error(error),
        ) from None


def _first_error(error: ValidationError) -> str:
    first = error.errors()[0]
    where = ".".join(str(part) for part in first.get("loc", ()))
    return f"{where}: {first.get('msg', '')}"[:200]


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
