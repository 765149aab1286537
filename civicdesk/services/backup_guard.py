"""What a restore must respect besides the file's format: whose backup it is, and that
a restored database never syncs as this PC until it is enrolled again.

* A backup of another center, or of another PC of this center, is refused unless the
  manager explicitly moves that center to this PC (``move_center=True``); the moved
  database then gets a new device id, so two PCs never write under one.
* After every restore this database file's sync login is forgotten: the PC must be
  enrolled again with a new code (the server then gives it a fresh token).
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from civicdesk.db.engine import DB_FILE_NAME, ro_uri
from civicdesk.domain.errors import Message, UserError
from civicdesk.domain.ids import new_id
from civicdesk.sync import credentials

OTHER_CENTER = Message(
    kk="«{path}» көшірмесі басқа орталыққа тиесілі ({theirs}). Ағымдағы деректер өзгертілген "
    "жоқ. Сол орталықты осы компьютерге көшіру керек болса, қалпына келтіруді «орталықты "
    "көшіру» белгісімен қайталаңыз; кейін компьютерді бас кеңсеге қайта қосыңыз.",
    ru="Копия «{path}» принадлежит другому центру ({theirs}). Текущие данные не изменены. "
    "Если этот центр нужно перенести на этот компьютер, повторите восстановление с отметкой "
    "«перенести центр»; затем заново подключите компьютер к головному офису.",
)
OTHER_PC = Message(
    kk="«{path}» көшірмесі осы орталықтың басқа компьютерінде жасалған. Ағымдағы деректер "
    "өзгертілген жоқ. Сол компьютердің деректерін осында көшіру керек болса, қалпына "
    "келтіруді «орталықты көшіру» белгісімен қайталаңыз.",
    ru="Копия «{path}» сделана на другом компьютере этого центра. Текущие данные не изменены. "
    "Если данные того компьютера нужно перенести сюда, повторите восстановление с отметкой "
    "«перенести центр».",
)


def _settings(path: Path) -> dict[str, object]:
    try:
        con = sqlite3.connect(ro_uri(path), uri=True)
    except sqlite3.Error:
        return {}
    try:
        rows = con.execute(
            "SELECT key, value FROM app_settings WHERE key IN ('center_id', 'device_id')"
        ).fetchall()
    except sqlite3.Error:
        return {}
    finally:
        con.close()
    out: dict[str, object] = {}
    for key, raw in rows:
        try:
            out[str(key)] = json.loads(raw)
        except (TypeError, ValueError):
            out[str(key)] = raw
    return out


def check_backup_belongs(data_dir: Path, backup: Path, *, move_center: bool = False) -> None:
    """Refuse a backup of another center or PC unless the center is being moved here."""
    current = data_dir / DB_FILE_NAME
    if move_center or not current.exists():
        return
    ours = _settings(current)
    theirs = _settings(backup)
    if not ours.get("center_id") or not theirs.get("center_id"):
        return  # an empty installation, or a backup made before its center was set up
    if ours["center_id"] != theirs["center_id"]:
        raise UserError(
            "restore.other_center", OTHER_CENTER, path=str(backup), theirs=theirs["center_id"]
        )
    if ours.get("device_id") and theirs.get("device_id") != ours["device_id"]:
        raise UserError("restore.other_pc", OTHER_PC, path=str(backup))


def forget_sync_login(target: Path) -> None:
    """After a restore into ``target``: this file must be enrolled again."""
    credentials.forget(target)


def prepare_restored(staging: Path, *, moved: bool) -> None:
    """The database about to replace the live one: no sync reference, a new audit
    chain, and for a moved center a device id of its own."""
    con = sqlite3.connect(staging)
    try:
        con.execute(f"DELETE FROM sync_state WHERE key = '{credentials.REF_KEY}'")
        # a new audit chain: the old one goes on at the server past this backup's end
        con.execute("DELETE FROM app_settings WHERE key = 'audit_chain_id'")
        if moved:
            con.execute(
                "UPDATE app_settings SET value = ? WHERE key = 'device_id'",
                (json.dumps(new_id()),),
            )
        con.commit()
    finally:
        con.close()
