"""USB copies sealed with the center's passphrase (finding 1: a lost stick exposed
every resident). The sealed file shows none of the residents; a wrong passphrase, a
changed byte or a cut file are refused; the command line seals and restores.
"""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from civicdesk import cli_signin
from civicdesk.cli import main
from civicdesk.db.engine import DB_FILE_NAME
from civicdesk.domain.enums import Sex
from civicdesk.domain.errors import UserError
from civicdesk.services.admin import make_backup
from civicdesk.services.backup_crypt import (
    HEADER_BYTES,
    decrypt_file,
    encrypt_file,
    is_encrypted,
)
from civicdesk.services.base import Context
from civicdesk.services.residents import ResidentInput, create_resident

PASSPHRASE = "Ақсу орталығы 2025 мөр"


def _copy_with_a_resident(ctx: Context, tmp_path: Path) -> Path:
    create_resident(ctx, ResidentInput(
        full_name="Сәуле Маратқызы", phone="+77015550011", sex=Sex.FEMALE, birth_year=1990,
        consent_date=date(2025, 1, 10), consent_purposes=["consultation"],
    ))
    return make_backup(ctx.db.path.parent, tmp_path / "plain.sqlite3")


def test_sealed_copy_shows_nothing_and_opens_with_the_passphrase(
    ctx: Context, tmp_path: Path
) -> None:
    plain = _copy_with_a_resident(ctx, tmp_path)
    sealed = encrypt_file(plain, tmp_path / "usb.cdbak", PASSPHRASE)
    raw = sealed.read_bytes()
    assert is_encrypted(sealed) and not is_encrypted(plain)
    assert "Сәуле".encode() not in raw and b"+77015550011" not in raw
    assert b"SQLite format 3" not in raw
    opened = decrypt_file(sealed, tmp_path / "opened.sqlite3", PASSPHRASE)
    assert opened.read_bytes() == plain.read_bytes()


def test_wrong_passphrase_changed_or_cut_file_is_refused(
    ctx: Context, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from civicdesk.services import backup_crypt

    monkeypatch.setattr(backup_crypt, "CHUNK", 4096)  # many chunks: cutting one is tested
    plain = _copy_with_a_resident(ctx, tmp_path)
    assert plain.stat().st_size > 3 * backup_crypt.CHUNK
    sealed = encrypt_file(plain, tmp_path / "usb.cdbak", PASSPHRASE)
    target = tmp_path / "opened.sqlite3"
    with pytest.raises(UserError) as err:
        decrypt_file(sealed, target, "another passphrase")
    assert err.value.code == "backup.wrong_passphrase"
    assert "парольная фраза" in err.value.text("ru")
    raw = bytearray(sealed.read_bytes())
    raw[len(raw) // 2] ^= 1
    changed = tmp_path / "changed.cdbak"
    changed.write_bytes(bytes(raw))
    cut = tmp_path / "cut.cdbak"
    cut.write_bytes(sealed.read_bytes()[: HEADER_BYTES + 2 * (4 + backup_crypt.CHUNK + 16)])
    for bad in (changed, cut):
        with pytest.raises(UserError):
            decrypt_file(bad, target, PASSPHRASE)
    assert not target.exists()


def test_short_passphrase_is_refused_with_its_loss_explained(tmp_path: Path) -> None:
    src = tmp_path / "x"
    src.write_bytes(b"data")
    with pytest.raises(UserError) as err:
        encrypt_file(src, tmp_path / "y", "short")
    assert "не откроет никто" in err.value.text("ru")
    assert "ешкім аша алмайды" in err.value.text("kk")


def test_command_line_seals_and_restores(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cli_signin, "ask_password", lambda login, lang: "secret-pass-1")
    monkeypatch.setattr(cli_signin.getpass, "getpass", lambda prompt="": PASSPHRASE)
    stick = tmp_path / "usb" / "aksu.cdbak"
    base = ["--data-dir", str(data_dir), "--lang", "kk", "--user", "manager"]
    assert main([*base, "backup", "--out", str(stick), "--encrypt"]) == 0
    assert is_encrypted(stick)
    assert not list(stick.parent.glob("*.plain*"))
    assert "backup" in _actions(data_dir)
    assert main([*base, "restore", str(stick)]) == 0
    assert "restore" in _actions(data_dir)


def _actions(data_dir: Path) -> set[str]:
    con = sqlite3.connect(data_dir / DB_FILE_NAME)
    try:
        return {a for (a,) in con.execute("SELECT action FROM audit_log")}
    finally:
        con.close()
