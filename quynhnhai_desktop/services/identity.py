"""This installation's signing identity: an Ed25519 key pair kept in the data folder.

The commune signs every report package with it; the district trusts a commune's key the
first time it sees it, and the fingerprint (shown in Settings) can be read out over the
phone to confirm it.
"""

from __future__ import annotations

import base64
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from quynhnhai_desktop.store.files import atomic_write_bytes

KEY_FILE = "signing-key.pem"


@dataclass(frozen=True)
class Identity:
    private_key: Ed25519PrivateKey

    @property
    def public_key_b64(self) -> str:
        raw = self.private_key.public_key().public_bytes(
            serialization.Encoding.Raw, serialization.PublicFormat.Raw
        )
        return base64.b64encode(raw).decode("ascii")

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.public_key_b64)

    def sign(self, data: bytes) -> bytes:
        return self.private_key.sign(data)


def fingerprint(public_key_b64: str) -> str:
    """Eight groups of four hex digits of the key's SHA-256: short enough to read aloud."""
    digest = hashlib.sha256(base64.b64decode(public_key_b64)).hexdigest().upper()[:32]
    return " ".join(digest[i : i + 4] for i in range(0, 32, 4))


def verify(public_key_b64: str, signature: bytes, data: bytes) -> bool:
    try:
        key = Ed25519PublicKey.from_public_bytes(base64.b64decode(public_key_b64, validate=True))
        key.verify(signature, data)
    except (InvalidSignature, ValueError):
        return False
    return True


def load_or_create(keys_dir: Path) -> Identity:
    """The installation's key, made on first use (set-up) and kept for good."""
    path = keys_dir / KEY_FILE
    if path.exists():
        key = serialization.load_pem_private_key(path.read_bytes(), password=None)
        if not isinstance(key, Ed25519PrivateKey):
            raise ValueError(f"{path} does not hold an Ed25519 key")
        return Identity(key)
    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    keys_dir.mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(path, pem)
    if os.name != "nt":
        path.chmod(0o600)
    return Identity(key)
