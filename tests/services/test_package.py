"""The report package reader refuses every broken or hostile file with a clear reason."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quynhnhai_desktop.domain.package import DATA, MANIFEST, PDF, SIGNATURE
from quynhnhai_desktop.services import identity as identity_service
from quynhnhai_desktop.services import package
from quynhnhai_desktop.services.package import PackageRefused
from tests.support.package_helpers import make_package, sample_data


@pytest.fixture(scope="module")
def key(tmp_path_factory: pytest.TempPathFactory) -> identity_service.Identity:
    return identity_service.load_or_create(tmp_path_factory.mktemp("keys"))


@pytest.fixture(scope="module")
def sound(key: identity_service.Identity) -> bytes:
    return make_package(key)[1]


def members_of(blob: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(blob)) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def rezip(members: dict[str, bytes] | list[tuple[str, bytes]]) -> bytes:
    buffer = io.BytesIO()
    items = members.items() if isinstance(members, dict) else members
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in items:
            archive.writestr(name, content)
    return buffer.getvalue()


def resign(members: dict[str, bytes], key: identity_service.Identity) -> dict[str, bytes]:
    return {**members, SIGNATURE: key.sign(members[MANIFEST])}


def test_a_sound_package_reads_back_whole(sound: bytes, key: identity_service.Identity) -> None:
    verified = package.read(sound)
    assert verified.data == sample_data()
    assert verified.manifest.commune_name == "Mường Giàng"
    assert verified.fingerprint == key.fingerprint
    assert verified.pdf.startswith(b"%PDF")


def test_file_name_is_ascii_and_names_period_commune_revision(key) -> None:  # type: ignore[no-untyped-def]
    name, _ = make_package(key, revision=2)
    assert name == "BC-2021-09-03703-r2.qnbc"
    assert name.isascii()


def test_same_content_gives_identical_bytes(key) -> None:  # type: ignore[no-untyped-def]
    assert make_package(key)[1] == make_package(key)[1]


def test_identity_is_kept_and_fingerprint_is_readable(tmp_path: Path) -> None:
    first = identity_service.load_or_create(tmp_path)
    again = identity_service.load_or_create(tmp_path)
    assert first.public_key_b64 == again.public_key_b64
    groups = first.fingerprint.split()
    assert len(groups) == 8 and all(len(g) == 4 for g in groups)


def refused(blob: bytes) -> str:
    with pytest.raises(PackageRefused) as error:
        package.read(blob)
    return error.value.english()


def test_truncated_file(sound: bytes) -> None:
    assert "damaged" in refused(sound[: len(sound) // 2])


def test_random_bytes() -> None:
    assert "damaged" in refused(bytes(range(256)) * 40)


def test_one_flipped_bit_in_data(sound: bytes, key) -> None:  # type: ignore[no-untyped-def]
    members = members_of(sound)
    data = bytearray(members[DATA])
    data[len(data) // 2] ^= 0x01
    message = refused(rezip({**members, DATA: bytes(data)}))
    assert "checksum" in message


def test_flipped_bit_in_the_compressed_file(sound: bytes) -> None:
    broken = bytearray(sound)
    broken[len(broken) // 3] ^= 0x10
    refused(bytes(broken))  # any clear refusal: damaged, checksum or signature


def test_changed_number_with_recomputed_hashes_but_old_signature(sound: bytes) -> None:
    members = members_of(sound)
    data = json.loads(members[DATA])
    data["totals"]["people"] += 1000
    data["activities"][0]["values"]["people"] += 1000
    data["by_form"][0]["values"]["people"] += 1000
    data["by_village"][0]["values"]["people"] += 1000
    data["by_team"][0]["values"]["people"] += 1000
    new_data = json.dumps(data).encode()
    manifest = json.loads(members[MANIFEST])
    import hashlib

    manifest["members"][DATA] = hashlib.sha256(new_data).hexdigest()
    message = refused(rezip({**members, DATA: new_data, MANIFEST: json.dumps(manifest).encode()}))
    assert "signature does not match" in message


def test_path_traversal_member(sound: bytes) -> None:
    members = members_of(sound)
    members["../../evil.exe"] = members.pop(PDF)
    assert "unexpected contents" in refused(rezip(members))


def test_extra_member(sound: bytes) -> None:
    assert "unexpected contents" in refused(rezip({**members_of(sound), "readme.txt": b"hi"}))


@pytest.mark.filterwarnings("ignore:Duplicate name")
def test_duplicate_member_name(sound: bytes) -> None:
    members = members_of(sound)
    assert "unexpected contents" in refused(rezip([*members.items(), (DATA, members[DATA])]))


def test_zip_bomb(sound: bytes) -> None:
    members = members_of(sound)
    assert "too large" in refused(rezip({**members, PDF: b"\0" * (30 * 1024 * 1024)}))


def test_ten_thousand_tiny_members() -> None:
    assert "unexpected contents" in refused(rezip([(f"m{i}", b"x") for i in range(10_000)]))


def test_wrong_format_version_even_when_signed(sound: bytes, key) -> None:  # type: ignore[no-untyped-def]
    members = members_of(sound)
    manifest = json.loads(members[MANIFEST])
    manifest["format_version"] = 3
    members[MANIFEST] = json.dumps(manifest).encode()
    assert "format version 3" in refused(rezip(resign(members, key)))


def test_malformed_json_even_when_signed(sound: bytes, key) -> None:  # type: ignore[no-untyped-def]
    members = members_of(sound)
    members[DATA] = b'{"totals": {'
    manifest = json.loads(members[MANIFEST])
    import hashlib

    manifest["members"][DATA] = hashlib.sha256(members[DATA]).hexdigest()
    members[MANIFEST] = json.dumps(manifest).encode()
    assert "not valid" in refused(rezip(resign(members, key)))


def test_extra_field_and_inconsistent_totals_even_when_signed(sound: bytes, key) -> None:  # type: ignore[no-untyped-def]
    import hashlib

    for change in ("extra", "totals"):
        members = members_of(sound)
        data = json.loads(members[DATA])
        if change == "extra":
            data["venues"]["bonus"] = 1
        else:
            data["totals"]["people"] += 1
        members[DATA] = json.dumps(data).encode()
        manifest = json.loads(members[MANIFEST])
        manifest["members"][DATA] = hashlib.sha256(members[DATA]).hexdigest()
        members[MANIFEST] = json.dumps(manifest).encode()
        assert "not valid" in refused(rezip(resign(members, key)))


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_fuzz_the_reader_never_crashes(sound: bytes, data: st.DataObject) -> None:
    blob = bytearray(sound)
    for _ in range(data.draw(st.integers(1, 8))):
        position = data.draw(st.integers(0, len(blob) - 1))
        blob[position] = data.draw(st.integers(0, 255))
    cut = data.draw(st.integers(len(blob) // 2, len(blob)))
    candidate = bytes(blob[:cut])
    try:
        verified = package.read(candidate)
    except PackageRefused:
        return
    # A mutation that still verifies must not have changed anything that matters.
    assert verified.data == sample_data()
