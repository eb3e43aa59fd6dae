"""The signing identity stays byte-compatible with the one earlier versions made.

tests/data/legacy-identity was written by the cryptography-based identity (before PyNaCl):
its PEM key file, a signature over a known message, and a whole report package. The
current code must load that key unchanged, make the very same signature (Ed25519 is
deterministic), verify the old signature and accept the old package.
"""

from __future__ import annotations

import base64
import hashlib
import json
import subprocess
import sys
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


# -- the public key kept beside the key file (the fingerprint without PyNaCl) ---------------


def test_a_new_key_keeps_its_public_key_beside_it(tmp_path: Path) -> None:
    made = identity.load_or_create(tmp_path)
    public_b64, pem_sha256 = (tmp_path / identity.PUBLIC_FILE).read_text("ascii").split()
    assert public_b64 == made.public_key_b64
    assert pem_sha256 == hashlib.sha256((tmp_path / identity.KEY_FILE).read_bytes()).hexdigest()
    assert identity.installed_fingerprint(tmp_path) == made.fingerprint


def test_the_fingerprint_of_an_installed_key_is_read_without_pynacl(tmp_path: Path) -> None:
    made = identity.load_or_create(tmp_path)
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from quynhnhai_desktop.services.identity import installed_fingerprint\n"
        "print(installed_fingerprint(Path(sys.argv[1])))\n"
        "print(sorted(n for n in sys.modules if n.split('.')[0] == 'nacl'))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert done.stdout.splitlines() == [made.fingerprint, "[]"]


@pytest.mark.parametrize(
    "kept",
    [
        None,  # an earlier version's key folder: no copy yet
        b"",
        b"garbage",
        "Khóa công khai".encode(),
        b"not-base64! " + b"0" * 64,
        base64.b64encode(bytes(31)) + b" " + b"0" * 64,
        "stale",  # the copy of another key file (a key file restored or replaced)
    ],
)
def test_a_missing_damaged_or_stale_copy_is_never_believed(
    tmp_path: Path, kept: bytes | str | None
) -> None:
    other = tmp_path / "other"
    identity.load_or_create(other)
    keys = tmp_path / "keys"
    keys.mkdir()
    (keys / identity.KEY_FILE).write_bytes((LEGACY / "keys" / identity.KEY_FILE).read_bytes())
    if kept == "stale":
        (keys / identity.PUBLIC_FILE).write_bytes((other / identity.PUBLIC_FILE).read_bytes())
    elif isinstance(kept, bytes):
        (keys / identity.PUBLIC_FILE).write_bytes(kept)
    assert identity.installed_fingerprint(keys) == FIXTURE["fingerprint"]
    # The copy is made again from the key file; the next report reads it.
    assert (keys / identity.PUBLIC_FILE).read_text("ascii").split()[0] == FIXTURE["public_key"]
    assert identity.installed_fingerprint(keys) == FIXTURE["fingerprint"]


def test_a_folder_where_the_copy_cannot_be_written_still_gives_the_fingerprint(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / identity.KEY_FILE).write_bytes((LEGACY / "keys" / identity.KEY_FILE).read_bytes())

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise PermissionError(13, "read-only")

    monkeypatch.setattr(identity, "atomic_write_bytes", refuse)
    assert identity.installed_fingerprint(tmp_path) == FIXTURE["fingerprint"]
    assert not (tmp_path / identity.PUBLIC_FILE).exists()


def test_no_key_no_fingerprint_and_nothing_written(tmp_path: Path) -> None:
    assert identity.installed_fingerprint(tmp_path) == ""
    assert list(tmp_path.iterdir()) == []
    (tmp_path / identity.KEY_FILE).write_bytes(b"damaged")
    assert identity.installed_fingerprint(tmp_path) == ""
    assert not (tmp_path / identity.PUBLIC_FILE).exists()
