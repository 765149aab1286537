"""Finding 5: personal data stays at the center. Everything a head-office replica holds
and everything an export holds is scanned for the demo's residents' names, IINs and
phone numbers.

Before, sync sent every IIN, phone, note and audit value on to every head-office PC,
and the export named consultants, chairs, secretaries and applicants.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from civicdesk.db.engine import DB_FILE_NAME
from civicdesk.services import sync
from civicdesk.services.admin import check_database, export_tables
from civicdesk.services.app import CivicApp
from civicdesk.services.demo import generate_demo
from civicdesk.sync.server.minimise import ENTITY_TABLES, head_office_view, may_withhold
from civicdesk.sync.server.store import Store
from tests.sync.conftest import Make
from tests.sync.helpers import AppTransport, enroll_new


def _personal(app: CivicApp) -> tuple[set[str], set[str], set[str]]:
    con = sqlite3.connect(app.db.path)
    try:
        staff = {n for (n,) in con.execute("SELECT full_name FROM users")}
        names = {
            n for (n,) in con.execute("SELECT full_name FROM residents") if n and n not in staff
        }
        iins = {i for (i,) in con.execute("SELECT iin FROM residents WHERE iin IS NOT NULL")}
        phones = {
            p for (p,) in con.execute("SELECT phone FROM residents WHERE phone IS NOT NULL")
        }
    finally:
        con.close()
    return names, iins, phones


def _found(text: str, personal: tuple[set[str], set[str], set[str]]) -> list[str]:
    names, iins, phones = personal
    return [x for x in (*names, *iins, *phones) if x in text]


def _file_text(path: Path) -> str:
    parts = [path, Path(str(path) + "-wal")]
    return "".join(p.read_bytes().decode("utf-8", "ignore") for p in parts if p.exists())


def test_head_office_replica_and_export_hold_no_resident_identity(
    store: Store, transport: AppTransport, make_replica: Make, tmp_path: Path
) -> None:
    a, ho = make_replica("a"), make_replica("ho")
    generate_demo(a.admin_context(), consultations=80, seed=11)
    enroll_new(store, a, transport, name="Ақсу")
    enroll_new(store, ho, transport, name="Бас кеңсе", head_office=True)
    personal = _personal(a)
    assert all(personal), "the demo made residents with names, IINs and phones"
    assert sync.sync_now(a, transport=transport).errors == 0
    assert sync.sync_now(ho, transport=transport).errors == 0

    # the center's own data is all at the server: a new PC of the center gets it back
    a2 = make_replica("a")
    enroll_new(store, a2, transport, name="Ақсу")
    sync.sync_now(a2, transport=transport)
    assert _personal(a2)[1] == personal[1]

    # head office got the records, without identities
    con = sqlite3.connect(ho.db.path)
    got = con.execute(
        "SELECT count(*), count(sex), count(age_group) FROM residents WHERE center_id = ?",
        (a.state.center_id,),
    ).fetchone()
    con.close()
    assert got[0] > 0 and got[1] == got[0] and got[2] > 0
    ho_path = ho.db.path
    ho.close()
    assert _found(_file_text(ho_path), personal) == []
    chain = [r for r in check_database(ho_path) if "аудит" in r.name.text("ru").lower()]
    assert chain and chain[0].problems == []

    # the export a center sends to head office
    out = tmp_path / "export"
    export_tables(a.data_dir, "csv", out)
    text = "".join(p.read_text(encoding="utf-8-sig") for p in out.glob("*.csv"))
    assert "consultant_role" in text
    assert _found(text, personal) == []
    xlsx = tmp_path / "export.xlsx"
    export_tables(a.data_dir, "xlsx", xlsx)
    from openpyxl import load_workbook

    wb = load_workbook(xlsx, read_only=True)
    cells = " ".join(
        str(v) for ws in wb.worksheets for row in ws.iter_rows(values_only=True) for v in row
        if v is not None
    )
    wb.close()
    assert _found(cells, personal) == []
    assert (a.data_dir / DB_FILE_NAME).exists()


# ------------------------------------------------ the shortcut that skips decoding


_ENTITIES = [*ENTITY_TABLES, "consultation", "meeting_vote", "", "resident2", "Resident"]


@given(
    entity=st.sampled_from(_ENTITIES),
    nested=st.sampled_from(_ENTITIES),
    name=st.text(max_size=12),
    spaced=st.booleans(),
    ascii_only=st.booleans(),
    nested_as_object=st.booleans(),
)
@settings(max_examples=300, deadline=None)
def test_an_audit_entry_left_undecoded_is_one_head_office_gets_unchanged(
    entity: str, nested: str, name: str, spaced: bool, ascii_only: bool,
    nested_as_object: bool,
) -> None:
    """The pull skips decoding an audit entry only when its view would not change it,
    however the entry's JSON is written (spaces, escapes, an entity named inside its
    values)."""
    values: dict[str, object] = {"entity": nested, "full_name": name, "leader_name": name}
    entry = {
        "entity": entity, "entity_id": "x", "action": "update",
        "before": values if nested_as_object else json.dumps(values, ensure_ascii=False),
        "after": None,
    }
    seps = (", ", ": ") if spaced else (",", ":")
    raw = json.dumps(entry, ensure_ascii=ascii_only, separators=seps)
    if not may_withhold("audit_log", raw.encode("utf-8")):
        assert head_office_view("audit_log", json.loads(raw)) == json.loads(raw)


def test_an_audit_entry_about_a_resident_is_always_decoded() -> None:
    for raw in (
        '{"entity": "resident", "before": "{}"}',
        '{"entity":"resident","before":"{}"}',
        '{"entity": "resid\\u0065nt", "before": "{}"}',
        '{"entit\\u0079": "resident", "entity_id": "1", "before": "{\\"entity\\": \\"x\\"}"}',
        '{"before": {"entity": "consultation"}, "entity": "resident"}',
        # a key written twice: the last, escaped one is the one read
        '{"entity": "consultation", "entit\\u0079": "resident", "before": "{}"}',
    ):
        assert may_withhold("audit_log", raw.encode("utf-8")), raw
    assert not may_withhold("audit_log", b'{"entity": "consultation", "before": "{}"}')
    assert may_withhold("residents", b"{}") and not may_withhold("consultations", b"{}")
