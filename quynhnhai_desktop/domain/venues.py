"""Venue rules that need no database: codes, phone numbers, and the local QR payload.

The national platform (qr.tokhaiyte.vn) issued each registered venue its own QR content;
the app cannot issue national codes. A venue without official content gets a **local**
code whose payload is documented here and in the README:

    QNVENUE:1:<venue code>          e.g.  QNVENUE:1:03703-0007

``QNVENUE`` says "a venue code of the Quỳnh Nhai commune app", ``1`` is the format version,
then the venue's code exactly as in the register. Every character is in the QR
alphanumeric set (digits, capitals, ``-``, ``.``, ``:``), so the code stays small and
scans easily. The poster says plainly that such a code is the commune's own, not the
national one.
"""

from __future__ import annotations

import re

from quynhnhai_desktop.domain.errors import QT_TRANSLATE_NOOP, UserError

STATUSES = ("active", "closed")
LOCAL_PREFIX = "QNVENUE:1:"
CODE_PATTERN = re.compile(r"^[A-Z0-9][A-Z0-9.\-]{0,31}$")
MAX_QR_CONTENT = 2000  # the column's size; the poster layouts refuse what they cannot print

# Mobile numbers since the 2018 renumbering: 10 digits, 03x/05x/07x/08x/09x.
# Landlines since the 2017 renumbering: 0 + a 2x/2xx area code + subscriber = 11 digits
# (Sơn La: 0212 xxx xxxx; Hà Nội: 024 xxxx xxxx).
_MOBILE = re.compile(r"^0[35789]\d{8}$")
_LANDLINE = re.compile(r"^02\d{9}$")
_PHONE_PUNCTUATION = re.compile(r"[\s.\-()/]")


def normalise_code(text: str) -> str:
    """A venue code as stored: blanks removed, capitals (codes are typed by hand too)."""
    return "".join(text.split()).upper()


def check_code(code: str) -> str:
    """Return the normalised code or raise a UserError saying what a code may hold."""
    normalised = normalise_code(code)
    if not CODE_PATTERN.match(normalised):
        raise UserError(
            "venues",
            QT_TRANSLATE_NOOP(
                "venues",
                "The venue code “{code}” is not valid: use up to 32 letters, digits, "
                "dots or hyphens, e.g. 03703-0012.",
            ),
            code=code,
        )
    return normalised


def generated_code(commune_code: str, sequence: int) -> str:
    """``<commune code>-<4-digit sequence>``; a 10,000th venue simply gets 5 digits."""
    return f"{commune_code}-{sequence:04d}"


def sequence_of(commune_code: str, code: str) -> int | None:
    """The sequence number of a generated code of this commune, else None."""
    prefix = f"{commune_code}-"
    rest = code[len(prefix) :] if code.startswith(prefix) else ""
    return int(rest) if rest.isdigit() else None


def normalise_phone(text: str) -> str:
    """A Vietnamese phone number as stored (digits, leading 0), or "" for none.

    Accepts the ways clerks write numbers: spaces, dots, hyphens, brackets, and the
    international forms +84 / 84 / 0084. Raises UserError for anything else.
    """
    compact = _PHONE_PUNCTUATION.sub("", text.strip())
    if not compact:
        return ""
    for prefix in ("+84", "0084", "84"):
        if compact.startswith(prefix) and len(compact) in (len(prefix) + 9, len(prefix) + 10):
            compact = "0" + compact[len(prefix) :]
            break
    if _MOBILE.match(compact) or _LANDLINE.match(compact):
        return compact
    raise UserError(
        "venues",
        QT_TRANSLATE_NOOP(
            "venues",
            "“{phone}” is not a Vietnamese phone number. A mobile has 10 digits "
            "(e.g. 0912 345 678); a landline has 11 digits starting with 02 "
            "(e.g. 0212 3851 234).",
        ),
        phone=text.strip(),
    )


def format_phone(phone: str) -> str:
    """Group a stored number for display: 0912 345 678, 0212 3851 234."""
    if len(phone) == 10:
        return f"{phone[:4]} {phone[4:7]} {phone[7:]}"
    if len(phone) == 11:
        return f"{phone[:4]} {phone[4:8]} {phone[8:]}"
    return phone


def local_payload(code: str) -> str:
    """The content of the commune's own (local) QR code for a venue without official one."""
    return f"{LOCAL_PREFIX}{code}"


def parse_local_payload(payload: str) -> str | None:
    """The venue code inside a local payload, or None when *payload* is not one."""
    if not payload.startswith(LOCAL_PREFIX):
        return None
    code = payload[len(LOCAL_PREFIX) :]
    return code if CODE_PATTERN.match(code) else None


def qr_payload(code: str, qr_content: str) -> tuple[str, bool]:
    """What a venue's poster encodes, and whether it is the local (commune's own) code."""
    return (qr_content, False) if qr_content else (local_payload(code), True)
