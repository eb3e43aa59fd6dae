"""This installation's signing identity: an Ed25519 key pair kept in the data folder.

The commune signs every report package with it; the district trusts a commune's key only
once enrolled, after comparing its fingerprint (printed at the foot of page 1 of the monthly
report and shown in Settings) with the one the commune reads out over the phone.

Signing is PyNaCl's (libsodium, ~0.6 MB in the bundle instead of cryptography's 11.6 MB).
Keys and signatures are plain Ed25519 (RFC 8032): raw 32-byte public keys, 64-byte
signatures, and the private key stays in the PKCS #8 PEM file that earlier versions wrote
with the cryptography package, so existing identities and packages keep verifying.

The public key is also kept beside it (PUBLIC_FILE, with the SHA-256 of the key file it was
derived from): printing the fingerprint on a report then needs no PyNaCl (7 ms of a 0.2 s
`report monthly`). A missing, damaged or stale copy (a key file restored or replaced) is
never believed: the key is derived from the key file again and the copy rewritten.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from quynhnhai_desktop.store.files import atomic_write_bytes

if TYPE_CHECKING:
    from nacl.signing import SigningKey  # imported when a key is used (start-up time)

log = logging.getLogger(__name__)

KEY_FILE = "signing-key.pem"
PUBLIC_FILE = "signing-key.pub"  # "<public key, base64> <SHA-256 of KEY_FILE, hex>"

# PKCS #8 of an Ed25519 private key (RFC 8410): this fixed DER header, then the 32-byte
# seed. It is the whole file's content (no attributes, no public key), as written before.
_PKCS8_PREFIX = bytes.fromhex("302e020100300506032b657004220420")
_PEM_BEGIN, _PEM_END = "-----BEGIN PRIVATE KEY-----", "-----END PRIVATE KEY-----"


@dataclass(frozen=True)
class Identity:
    private_key: SigningKey

    @property
    def public_key_b64(self) -> str:
        return base64.b64encode(bytes(self.private_key.verify_key)).decode("ascii")

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.public_key_b64)

    def sign(self, data: bytes) -> bytes:
        """The 64-byte detached signature of *data*."""
        return self.private_key.sign(data).signature


def fingerprint(public_key_b64: str) -> str:
    """Eight groups of four hex digits of the key's SHA-256: short enough to read aloud."""
    digest = hashlib.sha256(base64.b64decode(public_key_b64)).hexdigest().upper()[:32]
    return " ".join(digest[i : i + 4] for i in range(0, 32, 4))


def verify(public_key_b64: str, signature: bytes, data: bytes) -> bool:
    from nacl.exceptions import BadSignatureError
    from nacl.signing import VerifyKey

    try:
        key = VerifyKey(base64.b64decode(public_key_b64, validate=True))
        key.verify(data, signature)
    except (BadSignatureError, ValueError, TypeError):
        return False
    return True


def pem_from_seed(seed: bytes) -> bytes:
    """The PKCS #8 PEM text of an Ed25519 private key (what OpenSSL would write)."""
    body = base64.b64encode(_PKCS8_PREFIX + seed).decode("ascii")
    return f"{_PEM_BEGIN}\n{body}\n{_PEM_END}\n".encode("ascii")


def seed_from_pem(pem: bytes) -> bytes:
    """The 32-byte seed of an Ed25519 PKCS #8 PEM key; ValueError for anything else."""
    text = pem.decode("ascii", errors="replace").strip()
    if not (text.startswith(_PEM_BEGIN) and text.endswith(_PEM_END)):
        raise ValueError("not a PEM private key")
    body = "".join(text[len(_PEM_BEGIN) : -len(_PEM_END)].split())
    try:
        der = base64.b64decode(body, validate=True)
    except binascii.Error as exc:
        raise ValueError("damaged PEM private key") from exc
    if len(der) != len(_PKCS8_PREFIX) + 32 or not der.startswith(_PKCS8_PREFIX):
        raise ValueError("not an Ed25519 private key")
    return der[len(_PKCS8_PREFIX) :]


def load_or_create(keys_dir: Path) -> Identity:
    """The installation's key, made on first use (set-up) and kept for good."""
    from nacl.signing import SigningKey

    path = keys_dir / KEY_FILE
    if path.exists():
        try:
            seed = seed_from_pem(path.read_bytes())
        except ValueError as exc:
            raise ValueError(f"{path} does not hold an Ed25519 key") from exc
        return Identity(SigningKey(seed))
    key = SigningKey.generate()
    keys_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    # Private from its first byte: the temporary file is created 0600 and keeps that mode
    # (a chmod after writing would leave it world-readable for a moment).
    pem = pem_from_seed(bytes(key))
    atomic_write_bytes(path, pem, mode=0o600)
    made = Identity(key)
    _remember_public(keys_dir, pem, made.public_key_b64)
    return made


def installed_fingerprint(keys_dir: Path) -> str:
    """The fingerprint of this installation's key, or "" when it has none (never makes one):
    what page 1 of the monthly report prints for the district to compare. Read from the
    public key kept beside the key file when that copy belongs to this very file."""
    try:
        pem = (keys_dir / KEY_FILE).read_bytes()
        public_b64 = _stored_public(keys_dir, pem)
        if public_b64 is None:
            from nacl.signing import SigningKey

            public_b64 = Identity(SigningKey(seed_from_pem(pem))).public_key_b64
            _remember_public(keys_dir, pem, public_b64)
    except (OSError, ValueError):
        return ""
    return fingerprint(public_b64)


def _stored_public(keys_dir: Path, pem: bytes) -> str | None:
    """The public key kept beside *pem*, if it was derived from exactly this key file."""
    try:
        public_b64, pem_sha256 = (keys_dir / PUBLIC_FILE).read_text(encoding="ascii").split()
        ours = pem_sha256 == hashlib.sha256(pem).hexdigest()
        if ours and len(base64.b64decode(public_b64, validate=True)) == 32:
            return public_b64
    except (OSError, ValueError):  # missing, unreadable, not two ASCII words, not base64
        pass
    return None


def _remember_public(keys_dir: Path, pem: bytes, public_b64: str) -> None:
    """Keep the public key beside the key file it belongs to; a failure only costs time."""
    record = f"{public_b64} {hashlib.sha256(pem).hexdigest()}\n".encode("ascii")
    try:
        atomic_write_bytes(keys_dir / PUBLIC_FILE, record, mode=0o600)
    except OSError:
        log.warning("could not keep the public key in %s", keys_dir, exc_info=True)
