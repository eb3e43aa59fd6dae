"""The signed campaign file (.qncampaign): how a campaign travels from the upper level.

Members: manifest.json (signed; the SHA-256 of the campaign), campaign.json (the campaign
file verbatim), manifest.sig (Ed25519 over the manifest's bytes, the installation's key).
The reader is the report package's (services/signed_zip.py): the file is refused by its
size before it is read, exactly these three members, each capped and never read past its
cap, JSON depth scanned before parsing, signature and checksum checked, both JSON
documents validated strictly.

The upper level's key is trusted on first use, shown as a fingerprint to read out on the
phone; a file signed by another key later is refused unless the key is replaced explicitly.
A campaign version already stored is left as it is; a newer one serves new entries.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError
from sqlmodel import Session

from quynhnhai_desktop import __version__
from quynhnhai_desktop.domain import clock
from quynhnhai_desktop.domain.campaign import Campaign, parse_campaign
from quynhnhai_desktop.domain.errors import QT_TRANSLATE_NOOP, UserError
from quynhnhai_desktop.services import campaign_codes, campaigns, settings, signed_zip
from quynhnhai_desktop.services.identity import Identity, fingerprint
from quynhnhai_desktop.services.signed_zip import json_too_deep
from quynhnhai_desktop.store.database import Database
from quynhnhai_desktop.store.models import CampaignRecord

SUFFIX = ".qncampaign"
FORMAT: Literal["quynhnhai-campaign"] = "quynhnhai-campaign"
FORMAT_VERSION: Literal[1] = 1
MANIFEST, CAMPAIGN, SIGNATURE = signed_zip.MANIFEST, "campaign.json", signed_zip.SIGNATURE
MEMBER_CAPS = {MANIFEST: 8 * 1024, CAMPAIGN: 512 * 1024, SIGNATURE: 128}
MAX_FILE_BYTES = 1024 * 1024
MAX_JSON_DEPTH = 8  # a campaign nests 4 deep
MAX_RATIO = 200
ISSUER_KEY = "campaign_issuer_key"  # the upper level's public key (base64), once trusted


class CampaignRefused(UserError):
    """The file is not a sound campaign file, or its signer is not trusted; nothing changed."""


def _refuse(template: str, **params: object) -> CampaignRefused:
    return CampaignRefused("campaigns", template, **params)


def _damaged() -> CampaignRefused:
    return _refuse(
        QT_TRANSLATE_NOOP(
            "campaigns", "This is not a campaign file, or it is damaged (copy it again)."
        )
    )


class Manifest(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", strict=True)

    format: Literal["quynhnhai-campaign"]
    format_version: Literal[1]
    app_version: str = Field(max_length=40)
    campaign_id: str = Field(pattern=r"^[a-z][a-z0-9_-]*$", max_length=64)
    version: int = Field(ge=1, le=10_000)
    created_at: str = Field(max_length=40)
    campaign_sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    public_key: str = Field(min_length=40, max_length=60)


@dataclass(frozen=True)
class VerifiedCampaign:
    campaign: Campaign
    source: bytes  # campaign.json verbatim
    public_key: str

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.public_key)


def build(source: bytes, identity: Identity, *, created_at: dt.datetime | None = None) -> bytes:
    """The signed file for the campaign *source* (validated first)."""
    campaign = parse_campaign(json.loads(source.decode("utf-8")))
    manifest = Manifest(
        format=FORMAT,
        format_version=FORMAT_VERSION,
        app_version=__version__,
        campaign_id=campaign.id,
        version=campaign.version,
        created_at=(created_at or clock.now(dt.UTC)).isoformat(),
        campaign_sha256=hashlib.sha256(source).hexdigest(),
        public_key=identity.public_key_b64,
    )
    manifest_bytes = manifest.model_dump_json(indent=1).encode("utf-8")
    return signed_zip.build(manifest_bytes, ((CAMPAIGN, source),), identity)


def read_path(path: Path) -> bytes:
    """The file's bytes, refused by its size before any is read."""
    path = Path(path)
    try:
        return signed_zip.read_path(path, RULES)
    except OSError as error:
        raise _refuse(
            QT_TRANSLATE_NOOP("campaigns", "Cannot read “{path}”: {reason}"),
            path=str(path),
            reason=error.strerror or str(error),
        ) from None


def _too_large() -> CampaignRefused:
    return _refuse(QT_TRANSLATE_NOOP("campaigns", "The file is too large to be a campaign."))


RULES = signed_zip.Rules(
    caps=MEMBER_CAPS,
    max_file_bytes=MAX_FILE_BYTES,
    max_ratio=MAX_RATIO,
    damaged=_damaged,
    too_large=_too_large,
    unusual=lambda _member: _damaged(),
    unexpected=lambda _names, _count: _damaged(),
)


def read(blob: bytes) -> VerifiedCampaign:
    """Verify *blob* completely, in memory (who signed it is checked by :func:`import_blob`)."""
    members = signed_zip.members(blob, RULES)
    if any(json_too_deep(members[name], MAX_JSON_DEPTH) for name in (MANIFEST, CAMPAIGN)):
        raise _damaged()
    if not signed_zip.signed_by_own_key(members):
        raise _refuse(
            QT_TRANSLATE_NOOP(
                "campaigns",
                "The signature does not match: the file was changed after it was signed. "
                "Ask the upper level for the file again.",
            )
        )
    try:
        manifest = Manifest.model_validate_json(members[MANIFEST])
        if hashlib.sha256(members[CAMPAIGN]).hexdigest() != manifest.campaign_sha256:
            raise _refuse(
                QT_TRANSLATE_NOOP(
                    "campaigns", "The campaign does not match its checksum: the file was changed."
                )
            )
        campaign = parse_campaign(json.loads(members[CAMPAIGN].decode("utf-8")))
    except (ValidationError, ValueError) as error:
        if isinstance(error, CampaignRefused):
            raise
        raise _refuse(
            QT_TRANSLATE_NOOP("campaigns", "The campaign is not valid: {detail}"),
            detail=_first_error(error),
        ) from None
    if (campaign.id, campaign.version) != (manifest.campaign_id, manifest.version):
        raise _damaged()
    return VerifiedCampaign(campaign, members[CAMPAIGN], manifest.public_key)


def _first_error(error: Exception) -> str:
    if isinstance(error, ValidationError):
        first = error.errors()[0]
        where = ".".join(str(part) for part in first.get("loc", ()))
        return f"{where}: {first.get('msg', '')}"[:200]
    return str(error)[:200]


def trusted_key(db: Database) -> str:
    """The upper level's key this installation trusts ("" before the first campaign file)."""
    with db.read_session() as session:
        return settings.get(session, ISSUER_KEY, "")


def import_file(
    db: Database, verified: VerifiedCampaign, *, trust_new_key: bool = False
) -> tuple[Campaign, bool]:
    """Store a verified campaign; returns it and whether it was new to this installation.

    The first signer is trusted only with *trust_new_key* (the clerk compared the
    fingerprint); a different signer later is refused."""
    with db.session() as session:
        trusted = settings.get(session, ISSUER_KEY, "")
        if trusted and trusted != verified.public_key:
            raise _refuse(
                QT_TRANSLATE_NOOP(
                    "campaigns",
                    "This campaign file was signed by another key ({fingerprint}) than the "
                    "upper level's you trust. Nothing was imported; ask the district office.",
                ),
                fingerprint=verified.fingerprint,
            )
        if not trusted:
            if not trust_new_key:
                raise _refuse(
                    QT_TRANSLATE_NOOP(
                        "campaigns",
                        "The upper level's key {fingerprint} is not trusted yet: compare it "
                        "with the district office by phone, then import again with --yes. "
                        "Nothing was imported.",
                    ),
                    fingerprint=verified.fingerprint,
                )
            settings.put(session, ISSUER_KEY, verified.public_key)
        return _store(session, verified)


def _store(session: Session, verified: VerifiedCampaign) -> tuple[Campaign, bool]:
    """Keep the verified campaign; it and whether this version was new here."""
    campaign = verified.campaign
    new = session.get(CampaignRecord, (campaign.id, campaign.version)) is None
    campaigns.store(session, verified.source, signed_by=verified.fingerprint)
    return campaign, new


def replace_key(
    db: Database, verified: VerifiedCampaign, *, confirmed: bool = False
) -> tuple[Campaign, bool]:
    """Trust the key that signed *verified* instead of the upper level's key trusted so far
    (its computer was reinstalled), then store the campaign, as :func:`import_file` returns.

    Only with *confirmed* (the clerk compared the new fingerprint by phone); refused when
    no key is trusted yet (a first import trusts it) or the file's key is the trusted one."""
    with db.session() as session:
        trusted = settings.get(session, ISSUER_KEY, "")
        if not trusted:
            raise _refuse(
                QT_TRANSLATE_NOOP(
                    "campaigns",
                    "No upper level's key is trusted yet: import the campaign file instead. "
                    "Nothing was changed.",
                )
            )
        if trusted == verified.public_key:
            raise _refuse(
                QT_TRANSLATE_NOOP(
                    "campaigns",
                    "This file is signed by the key already trusted ({fingerprint}): there is "
                    "nothing to replace. Import it instead.",
                ),
                fingerprint=verified.fingerprint,
            )
        if not confirmed:
            raise _refuse(
                QT_TRANSLATE_NOOP(
                    "campaigns",
                    "The trusted key {old} would be replaced by {new}. Compare the new "
                    "fingerprint with the district office by phone, then run again with "
                    "--yes. Nothing was changed.",
                ),
                old=fingerprint(trusted),
                new=verified.fingerprint,
            )
        settings.put(session, ISSUER_KEY, verified.public_key)
        return _store(session, verified)


def export(db: Database, campaign_id: str, identity: Identity, out: Path) -> Campaign:
    """Write the newest version of *campaign_id* as a signed file at *out*."""
    from quynhnhai_desktop.store.files import atomic_write_bytes

    with db.read_session() as session:
        campaign = campaigns.choose(session, campaign_id)
        row = session.get(CampaignRecord, (campaign.id, campaign.version))
        assert row is not None
        source = row.source
        campaign_codes.check_kept(session, campaign)  # never send a file that drops one
    atomic_write_bytes(Path(out), build(source, identity))
    return campaign


def add_source(db: Database, path: Path) -> Campaign:
    """The upper level adds a campaign it wrote (a campaign .json file), checked strictly."""
    blob = read_path(path)
    if json_too_deep(blob, MAX_JSON_DEPTH) or len(blob) > MEMBER_CAPS[CAMPAIGN]:
        raise _damaged()
    try:
        campaign = parse_campaign(json.loads(blob.decode("utf-8")))
    except (ValidationError, ValueError) as error:
        raise _refuse(
            QT_TRANSLATE_NOOP("campaigns", "The campaign is not valid: {detail}"),
            detail=_first_error(error),
        ) from None
    with db.session() as session:
        campaign_codes.check_kept(session, campaign)
        return campaigns.store(session, blob)
