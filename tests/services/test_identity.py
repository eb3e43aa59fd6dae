"""The signing identity stays byte-compatible with the one earlier versions made.

tests/data/legacy-identity was written by the cryptography-based identity (before PyNaCl):
its PEM key file, a signature over a known message, and a whole report package. The
current code must load that key unchanged, make the very same signature (Ed25519 is
deterministic), verify the old signature and accept the old package.
"""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest

from quynhnhai_desktop.services import identity, package

LEGACY = Path(__file__).parents[1] / "data" / "legacy-identity"
FIXTURE = json.loads((LEGACY / "signature.json").read_text(encoding="utf-8"))
MESSAGE = base64.b64decode(FIXTURE["message_b64"])
SIGNATURE = base64.b64decode(FIXTURE["signature_b64"])


def test_a_key_file_from_an_earlier_version_loads_with_the_same_public_key() -> None:
    key = identity.load_or_create(LEGACY / "keys")
    assert key.public_key_b64 == FIXTURE["public_key"]
    assert key.fingerprint == FIXTURE["fingerprint"]


def test_it_signs_exactly_as_before_and_old_signatures_verify() -> None:
    key = identity.load_or_create(LEGACY / "keys")
    assert len(SIGNATURE) == 64
    assert key.sign(MESSAGE) == SIGNATURE
    assert identity.verify(FIXTURE["public_key"], SIGNATURE, MESSAGE)
    assert not identity.verify(FIXTURE["public_key"], SIGNATURE, MESSAGE + b".")


def test_a_package_signed_by_an_earlier_version_is_accepted() -> None:
    blob = (LEGACY / FIXTURE["package"]).read_bytes()
    verified = package.read(blob)
    assert verified.manifest.commune_code == "03703"
    assert verified.manifest.public_key == FIXTURE["public_key"]


def test_a_new_key_file_has_the_earlier_format(tmp_path: Path) -> None:
    made = identity.load_or_create(tmp_path)
    pem = (tmp_path / identity.KEY_FILE).read_bytes()
    lines = pem.decode("ascii").splitlines()
    assert lines[0] == "-----BEGIN PRIVATE KEY-----"
    assert lines[-1] == "-----END PRIVATE KEY-----"
    assert len(base64.b64decode("".join(lines[1:-1]))) == 48  # RFC 8410 PKCS #8, seed only
    assert identity.load_or_create(tmp_path).public_key_b64 == made.public_key_b64
    legacy_pem = (LEGACY / "keys" / identity.KEY_FILE).read_bytes()
    assert identity.pem_from_seed(identity.seed_from_pem(legacy_pem)) == legacy_pem


@pytest.mark.parametrize(
    ("key", "signature"),
    [
        ("not base64!", SIGNATURE),
        (base64.b64encode(b"short").decode(), SIGNATURE),
        (FIXTURE["public_key"], SIGNATURE[:63]),
        (FIXTURE["public_key"], b""),
    ],
)
def test_malformed_keys_and_signatures_do_not_verify(key: str, signature: bytes) -> None:
    assert not identity.verify(key, signature, MESSAGE)


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"-----BEGIN PRIVATE KEY-----\n!!!\n-----END PRIVATE KEY-----\n",
        # an RSA-sized body: not Ed25519
        b"-----BEGIN PRIVATE KEY-----\n"
        + base64.b64encode(bytes(64))
        + b"\n-----END PRIVATE KEY-----\n",
    ],
)
def test_a_key_file_that_is_not_ed25519_is_refused(tmp_path: Path, content: bytes) -> None:
    (tmp_path / identity.KEY_FILE).write_bytes(content)
    with pytest.raises(ValueError, match="does not hold an Ed25519 key"):
        identity.load_or_create(tmp_path)
