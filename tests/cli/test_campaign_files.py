"""A campaign travels from the district to a commune as a signed file (.qncampaign)."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
from nacl.signing import SigningKey

from quynhnhai_desktop.cli import main
from quynhnhai_desktop.services import campaign_files
from quynhnhai_desktop.services.identity import Identity
from tests.support.hostile import assert_refused, database_dump, run_cli

SIGNER = ["--signer-name", "Lò Văn Thành", "--signer-title", "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"]
DIGITAL = Path(__file__).resolve().parents[1] / "data" / "digital-2026.json"


def run(data: Path, *args: str) -> int:
    return main(["--data-dir", str(data), *args])


@pytest.fixture
def made(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Path, Path, str]:
    """A district that added and exported the digital campaign; a commune not yet told."""
    district, commune = tmp_path / "district", tmp_path / "commune"
    assert run(district, "init", "--district", "118", *SIGNER) == 0
    assert run(commune, "init", "--commune", "03703", *SIGNER) == 0
    assert run(district, "campaign", "add", str(DIGITAL)) == 0
    signed = tmp_path / "digital.qncampaign"
    assert run(district, "campaign", "export", "digital-2026", "--out", str(signed)) == 0
    out = capsys.readouterr().out
    fingerprint = out.rsplit(": ", 1)[1].strip()
    assert len(fingerprint.split()) == 8
    return commune, signed, fingerprint


def test_a_commune_trusts_the_district_key_on_first_use(
    made: tuple[Path, Path, str], capsys: pytest.CaptureFixture[str]
) -> None:
    commune, signed, fingerprint = made
    assert run(commune, "campaign", "import", str(signed)) == 1  # not trusted yet
    captured = capsys.readouterr()
    assert fingerprint in captured.out + captured.err and "--yes" in captured.err
    assert run(commune, "campaign", "list") == 0
    assert "digital-2026" not in capsys.readouterr().out

    assert run(commune, "campaign", "import", str(signed), "--yes") == 0
    assert "Đã nhập đợt digital-2026" in capsys.readouterr().out
    assert run(commune, "campaign", "import", str(signed)) == 0  # the key is trusted now
    assert "đã có trên máy" in capsys.readouterr().out
    assert run(commune, "campaign", "list") == 0
    out = capsys.readouterr().out
    assert "covid-2021\tv1\t31/08/2021 – chưa có ngày kết thúc" in out
    assert "digital-2026\tv1\t10/01/2026" in out
    assert run(commune, "campaign", "show", "digital-2026") == 0
    out = capsys.readouterr().out
    assert "Kế hoạch số 45/KH-UBND ngày 10/1/2026 của UBND tỉnh Sơn La" in out
    assert "Lớp hướng dẫn tại nhà văn hóa: Số lớp hướng dẫn, Lượt người học" in out


def _rezip(blob: bytes, change: dict[str, bytes | None]) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(blob))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = change.get(info.filename, source.read(info))
            if content is not None:
                target.writestr(info.filename, content)
        for name, content in change.items():
            if name not in source.namelist() and content is not None:
                target.writestr(name, content)
    return out.getvalue()


def test_bad_and_foreign_files_are_refused_and_nothing_changes(
    made: tuple[Path, Path, str], tmp_path: Path
) -> None:
    commune, signed, _fingerprint = made
    assert run(commune, "campaign", "import", str(signed), "--yes") == 0
    blob = signed.read_bytes()
    text = json.loads(zipfile.ZipFile(io.BytesIO(blob)).read("campaign.json"))
    text["version"] = 2
    changed = json.dumps(text, ensure_ascii=False).encode()
    cases = {
        "tampered": (_rezip(blob, {"campaign.json": changed}), "mã kiểm tra"),
        "foreign": (campaign_files.build(changed, Identity(SigningKey.generate())), "khóa khác"),
        "truncated": (blob[: len(blob) // 2], "không phải tệp đợt tuyên truyền"),
        "extra member": (_rezip(blob, {"evil.exe": b"MZ"}), "không phải tệp đợt tuyên truyền"),
        "not a zip": (b"{" * 5000, "không phải tệp đợt tuyên truyền"),
    }
    before = database_dump(commune)
    for name, (content, words) in cases.items():
        bad = tmp_path / f"{name}.qncampaign"
        bad.write_bytes(content)
        result = run_cli(commune, "campaign", "import", str(bad), "--yes")
        assert_refused(result, commune, before, words)


def test_a_malformed_campaign_is_refused_at_the_district(tmp_path: Path) -> None:
    district = tmp_path / "district"
    assert run(district, "init", "--district", "118", *SIGNER) == 0
    data = json.loads(DIGITAL.read_text(encoding="utf-8"))
    data["forms"][0]["indicators"].append("smiles")
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    before = database_dump(district)
    assert_refused(run_cli(district, "campaign", "add", str(bad)), district, before, "smiles")


def test_the_upper_level_key_is_replaced_only_explicitly(
    made: tuple[Path, Path, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The district's computer was reinstalled: its new key signs the next version. The
    commune refuses it on import, sees both fingerprints, and replaces the key with --yes;
    then the old key's files are the foreign ones."""
    commune, signed, old_fingerprint = made
    assert run(commune, "campaign", "import", str(signed), "--yes") == 0
    text = json.loads(zipfile.ZipFile(io.BytesIO(signed.read_bytes())).read("campaign.json"))
    text["version"] = 2
    new_key = Identity(SigningKey.generate())
    resigned = tmp_path / "digital-v2.qncampaign"
    resigned.write_bytes(
        campaign_files.build(json.dumps(text, ensure_ascii=False).encode(), new_key)
    )
    before = database_dump(commune)
    assert_refused(
        run_cli(commune, "campaign", "import", str(resigned), "--yes"), commune, before, "khóa khác"
    )
    refused = run_cli(commune, "campaign", "replace-key", str(resigned))
    assert_refused(refused, commune, before, new_key.fingerprint, "--yes")
    assert old_fingerprint in refused.text
    capsys.readouterr()
    assert run(commune, "campaign", "replace-key", str(resigned), "--yes") == 0
    assert new_key.fingerprint in capsys.readouterr().out
    assert run(commune, "campaign", "list") == 0
    assert "digital-2026\tv2" in capsys.readouterr().out
    after = database_dump(commune)
    assert_refused(run_cli(commune, "campaign", "import", str(signed)), commune, after, "khóa khác")
    again = run_cli(commune, "campaign", "replace-key", str(resigned), "--yes")
    assert_refused(again, commune, after, "không có gì để thay")
