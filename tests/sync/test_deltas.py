"""An edited record travels as its changed columns to a PC that holds the revision it
was made from, and whole to everyone else (docs/sync.md §4, "Changed columns only")."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path
from typing import Any

import httpx
import pytest

from civicdesk.services import sync
from civicdesk.services.demo import generate_demo
from civicdesk.sync.protocol import SCHEMA_VERSION, Change, PullPage, PushBatch, RowChange, dumps
from civicdesk.sync.server import create_app
from civicdesk.sync.server.store import Store, TokenInfo
from tests.sync.conftest import Make
from tests.sync.helpers import (
    AppTransport,
    add_consultation,
    add_grant_application,
    center_and_head_office_with_a_call,
    edit,
    enroll_new,
    row_of,
)


@pytest.fixture(params=["sqlite", "postgresql"])
def any_store(request: pytest.FixtureRequest, store: Store) -> Store:
    if request.param == "sqlite":
        return store
    return request.getfixturevalue("pg_store")  # type: ignore[no-any-return]


def _push(store: Store, who: TokenInfo, n: int, *rows: RowChange) -> None:
    batch = PushBatch(batch_id=f"b{n}", device_id=who.device_id,
                      schema_version=SCHEMA_VERSION, rows=list(rows))
    store.push(who, batch, f"h{n}", dumps)


def _one(page: PullPage, row_id: str) -> Change:
    (change,) = [c for c in page.changes if c.id == row_id]
    return change


def test_the_server_sends_an_edit_as_its_columns_only_when_asked(any_store: Store) -> None:
    cid = any_store.create_center("Ақсу", "19")
    pc = TokenInfo(cid, "dev-a", "i-a", head_office=False)
    data = {"center_id": cid, "question": "Жайылым туралы сұрақ " * 20, "advice": "",
            "deleted": 0}
    _push(any_store, pc, 1, RowChange(table="consultations", id="c-1", op="upsert", rev=1,
                                      base_rev=0, data=data))
    first = any_store.pull(pc, 0, 100, delta=True)
    assert _one(first, "c-1").base_rev is None  # a new record goes whole
    _push(any_store, pc, 2, RowChange(
        table="consultations", id="c-1", op="upsert", rev=2, base_rev=1,
        changed=["advice"], data={**data, "advice": "Әкімдікке бару керек"},
    ))
    got = _one(any_store.pull(pc, first.next_cursor, 100, delta=True), "c-1")
    assert (got.base_rev, got.rev, got.data) == (1, 2, {"advice": "Әкімдікке бару керек"})
    whole = _one(any_store.pull(pc, first.next_cursor, 100), "c-1")
    assert whole.base_rev is None and whole.data["question"] == data["question"]
    # a delete goes as the one column too
    _push(any_store, pc, 3, RowChange(table="consultations", id="c-1", op="delete", rev=3,
                                      base_rev=2))
    gone = _one(any_store.pull(pc, first.next_cursor, 100, delta=True), "c-1")
    assert (gone.base_rev, gone.deleted, gone.data) == (2, True, {"deleted": 1})


class Pages(AppTransport):
    """Notes every pulled change and the query each page was asked with."""

    def __init__(self, store: Store) -> None:
        super().__init__(create_app(store=store))
        self.changes: list[Change] = []
        self.asked: list[dict[str, str]] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        resp = super().handle_request(request)
        if request.url.path.endswith("/pull") and resp.status_code == 200:
            self.asked.append(dict(request.url.params))
            self.changes += PullPage.model_validate_json(resp.content).changes
        return resp

    def of(self, row_id: str) -> list[Change]:
        return [c for c in self.changes if c.id == row_id]


def _data(row: dict[str, Any] | None) -> dict[str, Any]:
    assert row is not None
    return {k: v for k, v in row.items() if k not in ("rev", "hlc", "server_seq")}


def _two_pcs(
    store: Store, make_replica: Make, question: str, advice: str | None = None
) -> tuple[Pages, Any, Any, str]:
    """Two PCs of one center, both holding one consultation made on the first."""
    pages = Pages(store)
    a, a2 = make_replica("a"), make_replica("a")
    enroll_new(store, a, pages, name="Ақсу")
    enroll_new(store, a2, pages, name="Ақсу")
    rid = add_consultation(a, question)
    if advice is not None:
        edit(a, "consultations", rid, advice=advice)
    sync.sync_now(a, transport=pages)
    sync.sync_now(a2, transport=pages)
    return pages, a, a2, rid


def test_a_pc_at_the_base_revision_gets_the_changed_columns_and_the_same_record(
    store: Store, make_replica: Make
) -> None:
    pages, a, a2, rid = _two_pcs(store, make_replica, "Жайылым туралы ұзын сұрақ " * 30)
    edit(a, "consultations", rid, advice="Әкімдікке бару керек")
    sync.sync_now(a, transport=pages)
    pages.changes.clear()
    sync.sync_now(a2, transport=pages)
    (got,) = pages.of(rid)
    assert got.base_rev is not None and "question" not in got.data
    assert got.data["advice"] == "Әкімдікке бару керек"
    assert _data(row_of(a2, "consultations", rid)) == _data(row_of(a, "consultations", rid))
    # the search index follows the completed record
    with sqlite3.connect(a2.db.path) as con:
        assert con.execute(
            "SELECT count(*) FROM consultations_fts WHERE consultations_fts MATCH 'Әкімдікке'"
        ).fetchone() == (1,)


def test_a_pc_behind_the_base_revision_asks_for_the_page_again_whole(
    store: Store, make_replica: Make
) -> None:
    pages, a, a2, rid = _two_pcs(store, make_replica, "Жер учаскесі туралы сұрақ")
    # two edits, each pushed: the record's last write was made from a revision a2 lacks
    edit(a, "consultations", rid, question="Жер учаскесі туралы нақты сұрақ")
    sync.sync_now(a, transport=pages)
    edit(a, "consultations", rid, advice="Аудандық жер бөліміне өтініш")
    sync.sync_now(a, transport=pages)
    pages.changes.clear()
    pages.asked.clear()
    summary = sync.sync_now(a2, transport=pages)
    assert summary.errors == 0
    partial, whole = pages.of(rid)
    assert partial.base_rev is not None and whole.base_rev is None
    assert pages.asked[0]["cursor"] == pages.asked[1]["cursor"]
    assert "delta" in pages.asked[0] and "delta" not in pages.asked[1]
    assert _data(row_of(a2, "consultations", rid)) == _data(row_of(a, "consultations", rid))


def test_a_pc_with_its_own_change_waiting_keeps_it_and_the_server_merges(
    store: Store, make_replica: Make
) -> None:
    pages, a, a2, rid = _two_pcs(store, make_replica, "Су құбыры туралы сұрақ")
    edit(a, "consultations", rid, advice="Ауыл әкіміне бару керек")
    sync.sync_now(a, transport=pages)
    edit(a2, "consultations", rid, status="closed")
    sync.sync_now(a2, transport=pages)
    sync.sync_now(a, transport=pages)
    for app in (a, a2):
        got = row_of(app, "consultations", rid)
        assert got is not None
        assert (got["advice"], got["status"]) == ("Ауыл әкіміне бару керек", "closed")


def test_head_office_gets_an_edit_of_a_resident_without_the_names(
    store: Store, make_replica: Make
) -> None:
    pages = Pages(store)
    a, ho = make_replica("a"), make_replica("ho")
    generate_demo(a.admin_context(), consultations=5, seed=3)
    enroll_new(store, a, pages, name="Ақсу")
    enroll_new(store, ho, pages, name="Бас кеңсе", head_office=True)
    sync.sync_now(a, transport=pages)
    sync.sync_now(ho, transport=pages)
    with sqlite3.connect(a.db.path) as con:
        (rid,) = con.execute("SELECT id FROM residents LIMIT 1").fetchone()
    edit(a, "residents", rid, full_name="Жаңабай Сейітқали", phone="+77015550199", sex="female")
    sync.sync_now(a, transport=pages)
    pages.changes.clear()
    sync.sync_now(ho, transport=pages)
    (got,) = pages.of(rid)
    assert got.base_rev is not None
    assert got.data["full_name"] == "" and got.data["phone"] is None
    held = row_of(ho, "residents", rid)
    assert held is not None
    assert (held["full_name"], held["phone"], held["sex"]) == ("", None, "female")
    for part in (Path(ho.db.path), Path(str(ho.db.path) + "-wal")):
        if part.exists():
            assert "Жаңабай".encode() not in part.read_bytes()


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
def test_a_server_database_of_schema_2_gains_the_column_and_sends_old_records_whole(
    tmp_path: Path, kind: str
) -> None:
    from tests.sync.conftest import new_pg_database

    with contextlib.ExitStack() as stack:
        url = (
            stack.enter_context(new_pg_database())
            if kind == "postgresql"
            else f"sqlite+pysqlite:///{tmp_path / 'server.sqlite3'}"
        )
        old = Store(url)
        cid = old.create_center("Ақсу", "19")
        pc = TokenInfo(cid, "dev-a", "i-a", head_office=False)
        data = {"center_id": cid, "question": "Сұрақ", "deleted": 0}
        _push(old, pc, 1, RowChange(table="consultations", id="c-1", op="upsert", rev=1,
                                    base_rev=0, data=data))
        _push(old, pc, 2, RowChange(table="consultations", id="c-1", op="upsert", rev=2,
                                    base_rev=1, changed=["question"],
                                    data={**data, "question": "Жаңа сұрақ"}))
        with old.engine.begin() as conn:  # as schema 2 left it
            conn.exec_driver_sql("ALTER TABLE records DROP COLUMN last_write")
            conn.exec_driver_sql(
                "UPDATE server_meta SET value = '2' WHERE key = 'schema_version'"
            )
        old.dispose()
        store = Store(url)
        stack.callback(store.dispose)
        got = _one(store.pull(pc, 0, 100, delta=True), "c-1")
        assert got.base_rev is None and got.data["question"] == "Жаңа сұрақ"
        _push(store, pc, 3, RowChange(table="consultations", id="c-1", op="upsert", rev=3,
                                      base_rev=2, changed=["question"],
                                      data={**data, "question": "Үшінші сұрақ"}))
        got = _one(store.pull(pc, 0, 100, delta=True), "c-1")
        assert (got.base_rev, got.data) == (2, {"question": "Үшінші сұрақ"})


def test_a_long_text_edited_in_one_place_travels_as_that_place(
    store: Store, make_replica: Make
) -> None:
    advice = "Ауыл әкімдігіне жазбаша өтініш беру керек, үлгісі орталықта бар. " * 6
    pages, a, a2, rid = _two_pcs(store, make_replica, "Жайылым туралы сұрақ", advice)
    # a sentence added in the middle, and an emoji, which is one character everywhere
    edited = advice[:130] + "Қайта хабарласты 📞. " + advice[130:]
    edit(a, "consultations", rid, advice=edited)
    sync.sync_now(a, transport=pages)
    pages.changes.clear()
    sync.sync_now(a2, transport=pages)
    (got,) = pages.of(rid)
    assert got.text is not None and "advice" not in got.data
    head, tail, length, mid = got.text["advice"]
    assert length == len(advice) and "Қайта хабарласты 📞" in mid and len(mid) < 30
    assert head + tail == len(edited) - len(mid)
    held = row_of(a2, "consultations", rid)
    assert held is not None and held["advice"] == edited
    assert _data(held) == _data(row_of(a, "consultations", rid))


def test_a_text_edit_for_another_text_than_the_one_held_is_asked_for_again_whole(
    store: Store, make_replica: Make
) -> None:
    advice = "Аудандық жер қатынастары бөліміне жүгіну керек. " * 8
    pages, a, a2, rid = _two_pcs(store, make_replica, "Жер туралы сұрақ", advice)
    # a2's copy no longer the server's text, with nothing queued (as a damaged file
    # or a faulty tool would leave it): the edit cannot be applied to it
    with a2.db.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE sync_control SET applying = 1 WHERE id = 1")
        conn.exec_driver_sql(
            "UPDATE consultations SET advice = ? WHERE id = ?", (advice[:-5], rid)
        )
        conn.exec_driver_sql("UPDATE sync_control SET applying = 0 WHERE id = 1")
    edit(a, "consultations", rid, advice=advice + "Қайта хабарласты.")
    sync.sync_now(a, transport=pages)
    pages.changes.clear()
    pages.asked.clear()
    assert sync.sync_now(a2, transport=pages).errors == 0
    partial, whole = pages.of(rid)
    assert partial.text and whole.text is None and whole.base_rev is None
    held = row_of(a2, "consultations", rid)
    assert held is not None and held["advice"] == advice + "Қайта хабарласты."


# A copy this PC cannot vouch for is completed only from a whole version: each of
# these went wrong before (the record stayed as this PC had it).


def test_an_edit_the_server_refused_is_not_kept_under_a_later_delta(
    store: Store, make_replica: Make
) -> None:
    pages, a, a2, rid = _two_pcs(store, make_replica, "Жайылым туралы сұрақ")
    edit(a, "consultations", rid, advice="bad\x00value")  # the server refuses it
    assert sync.sync_now(a, transport=pages).errors == 1
    edit(a2, "consultations", rid, status="closed")
    sync.sync_now(a2, transport=pages)
    sync.sync_now(a, transport=pages)
    assert _data(row_of(a, "consultations", rid)) == _data(row_of(a2, "consultations", rid))


def _closed_elsewhere_refused_here(
    store: Store, make_replica: Make, question: str
) -> tuple[Pages, Any, Any, str]:
    """Two PCs of one center; the second closes the record, and the first's database
    refuses "closed" for a while (as a unique or check clash would) until its trigger
    ``refuse_closed`` is dropped."""
    pages, a, a2, rid = _two_pcs(store, make_replica, question)
    edit(a2, "consultations", rid, status="closed")
    sync.sync_now(a2, transport=pages)
    with a.db.engine.begin() as conn:
        conn.exec_driver_sql(
            "CREATE TRIGGER refuse_closed BEFORE UPDATE OF status ON consultations "
            "WHEN NEW.status = 'closed' BEGIN SELECT RAISE(ABORT, 'CHECK constraint failed'); END"
        )
    return pages, a, a2, rid


def test_a_push_answer_that_had_to_wait_is_not_lost_under_a_later_delta(
    store: Store, make_replica: Make
) -> None:
    pages, a, a2, rid = _closed_elsewhere_refused_here(store, make_replica, "Су туралы сұрақ")
    edit(a, "consultations", rid, advice="Жаңа кеңес")
    sync.sync_now(a, transport=pages)  # answered "merged"; the answer waits
    with a.db.engine.begin() as conn:
        conn.exec_driver_sql("DROP TRIGGER refuse_closed")
    edit(a2, "consultations", rid, question="Су құбыры туралы сұрақ")
    sync.sync_now(a2, transport=pages)
    sync.sync_now(a, transport=pages)
    held = row_of(a, "consultations", rid)
    assert held is not None and held["status"] == "closed"
    assert _data(held) == _data(row_of(a2, "consultations", rid))


@pytest.mark.parametrize("second", ["advice", "delete"])
def test_a_push_answer_that_had_to_wait_survives_this_pcs_next_edit(
    store: Store, make_replica: Make, second: str
) -> None:
    """The waiting answer is not dropped when this PC's next push of the record is
    answered "applied": the server's new revision is that answer plus this PC's edit."""
    pages, a, a2, rid = _closed_elsewhere_refused_here(store, make_replica, "Жол туралы сұрақ")
    edit(a, "consultations", rid, advice="Бірінші кеңес")
    sync.sync_now(a, transport=pages)  # answered "merged"; the answer waits
    if second == "delete":
        edit(a, "consultations", rid, deleted=1)
    else:
        edit(a, "consultations", rid, advice="Екінші кеңес")
    # answered "applied"; the answer still waits
    assert sync.sync_now(a, transport=pages).waiting == 1
    with a.db.engine.begin() as conn:
        conn.exec_driver_sql("DROP TRIGGER refuse_closed")
    sync.sync_now(a, transport=pages)
    sync.sync_now(a2, transport=pages)
    held = row_of(a, "consultations", rid)
    assert held is not None and held["status"] == "closed"
    assert (held["deleted"], held["advice"]) == (
        (1, "Бірінші кеңес") if second == "delete" else (0, "Екінші кеңес")
    )
    assert _data(held) == _data(row_of(a2, "consultations", rid))


def test_head_office_gets_a_merged_answer_without_the_withheld_names(
    store: Store, make_replica: Make
) -> None:
    pages = Pages(store)
    a, ho, call = center_and_head_office_with_a_call(store, pages, make_replica)
    gid = add_grant_application(a, call)
    edit(a, "grant_applications", gid, leader_name="Асан Бекұлы", contact_phone="+77015550000")
    sync.sync_now(a, transport=pages)
    sync.sync_now(ho, transport=pages)
    edit(a, "grant_applications", gid, title="Жаңа атау")
    sync.sync_now(a, transport=pages)
    edit(ho, "grant_applications", gid, status="accepted")  # from the older revision
    sync.sync_now(ho, transport=pages)  # answered "merged"
    edit(a, "grant_applications", gid, goal="Мақсат")
    sync.sync_now(a, transport=pages)
    sync.sync_now(ho, transport=pages)
    held = row_of(ho, "grant_applications", gid)
    assert held is not None
    assert (held["leader_name"], held["contact_phone"]) == ("", "")
    assert (held["title"], held["status"], held["goal"]) == ("Жаңа атау", "accepted", "Мақсат")
    for part in (Path(ho.db.path), Path(str(ho.db.path) + "-wal")):
        if part.exists():
            assert "Асан Бекұлы".encode() not in part.read_bytes()


def test_a_column_this_pc_lacks_in_a_merged_answer_is_filled_after_the_upgrade(
    store: Store, make_replica: Make
) -> None:
    pages, old_pc, _a2, rid = _two_pcs(store, make_replica, "Жер туралы сұрақ")
    center = old_pc.state.center_id or ""
    newer = TokenInfo(center, "newer-pc", "inst", head_office=False)
    rev = store.get_record("consultations", rid)["rev"]  # type: ignore[index]
    _push(store, newer, 1, RowChange(
        table="consultations", id=rid, op="upsert", rev=rev + 1, base_rev=rev,
        changed=["duration_minutes"], data={"center_id": center, "duration_minutes": 25},
    ))
    # the older PC edits from the revision before: its answer ("merged") carries the
    # column it lacks, and its own pull leaves that version out (it has the answer)
    edit(old_pc, "consultations", rid, advice="Жер бөліміне бару керек")
    sync.sync_now(old_pc, transport=pages)
    with old_pc.db.engine.begin() as conn:  # the upgrade adds the column
        conn.exec_driver_sql("ALTER TABLE consultations ADD COLUMN duration_minutes INTEGER")
    sync.sync_now(old_pc, transport=pages)
    held = row_of(old_pc, "consultations", rid)
    assert held is not None and held["duration_minutes"] == 25


def test_what_head_office_types_over_a_withheld_blank_goes_back_to_the_blank(
    store: Store, make_replica: Make
) -> None:
    pages = Pages(store)
    a, ho, call = center_and_head_office_with_a_call(store, pages, make_replica)
    gid = add_grant_application(a, call)
    edit(a, "grant_applications", gid, leader_name="Асан Бекұлы")
    sync.sync_now(a, transport=pages)
    sync.sync_now(ho, transport=pages)
    edit(ho, "grant_applications", gid, leader_name="Басқа адам", status="accepted")
    assert sync.sync_now(ho, transport=pages).errors == 0
    held = row_of(ho, "grant_applications", gid)
    assert held is not None and (held["leader_name"], held["status"]) == ("", "accepted")
    edit(a, "grant_applications", gid, title="Жаңа атау")
    sync.sync_now(a, transport=pages)
    sync.sync_now(ho, transport=pages)  # the title as a changed column
    held = row_of(ho, "grant_applications", gid)
    assert held is not None and (held["leader_name"], held["title"]) == ("", "Жаңа атау")
    rec = store.get_record("grant_applications", gid)
    assert rec is not None and rec["data"]["leader_name"] == "Асан Бекұлы"
    assert rec["data"]["status"] == "accepted"


def test_an_edit_undone_before_the_sync_leaves_the_copy_as_the_server_holds_it(
    store: Store, make_replica: Make
) -> None:
    """An edit taken back before the PC synced changes no value at the server, which
    writes nothing; the PC's copy goes back to the server's time of last change rather
    than keeping its own, which no other copy has."""
    pages, a, a2, rid = _two_pcs(store, make_replica, "Көше жарығы туралы сұрақ")
    status = row_of(a, "consultations", rid)["status"]  # type: ignore[index]
    edit(a, "consultations", rid, status="closed")
    edit(a, "consultations", rid, status=status)
    assert sync.sync_now(a, transport=pages).errors == 0
    sync.sync_now(a2, transport=pages)
    held = row_of(a, "consultations", rid)
    assert _data(held) == _data(row_of(a2, "consultations", rid))
    server = store.get_record("consultations", rid)
    assert server is not None and held is not None
    assert held["updated_at"] == server["data"]["updated_at"]


def test_a_delta_made_at_the_write_is_the_one_made_at_the_pull_from_the_record(
    any_store: Store,
) -> None:
    """The server makes what a delta pull sends when the version is written; a version
    written by an older server (no such part kept) is sent the same, made from the
    whole record at the pull."""
    import json
    import re

    cid = any_store.create_center("Ақсу", "19")
    pc = TokenInfo(cid, "dev-a", "i-a", head_office=False)
    advice = "Ауыл әкімдігіне жазбаша өтініш беру керек, үлгісі орталықта бар. " * 4
    data = {"center_id": cid, "question": "Жайылым туралы сұрақ", "advice": advice,
            "status": "open", "deleted": 0}
    _push(any_store, pc, 1, RowChange(table="consultations", id="c-1", op="upsert", rev=1,
                                      base_rev=0, data=data))
    first = any_store.pull(pc, 0, 100, delta=True)
    edited = {**data, "advice": advice[:100] + "Қайта хабарласты. " + advice[100:],
              "status": "closed"}
    _push(any_store, pc, 2, RowChange(table="consultations", id="c-1", op="upsert", rev=2,
                                      base_rev=1, changed=["advice", "status"], data=edited))

    def page() -> bytes:
        raw = any_store.pull_json(pc, first.next_cursor, 100, delta=True)
        return re.sub(rb'"server_time":"[^"]*"', b'"server_time":""', raw)

    made_at_write = page()
    got = _one(PullPage.model_validate_json(made_at_write), "c-1")
    assert got.base_rev == 1 and got.data == {"status": "closed"}
    assert got.text is not None and "Қайта хабарласты." in got.text["advice"][3]
    with any_store.engine.begin() as conn:
        (kept,) = conn.exec_driver_sql(
            "SELECT last_write FROM records WHERE id = 'c-1'"
        ).scalars().all()
        older = {k: v for k, v in json.loads(kept).items() if k not in ("d", "t")}
        assert older != json.loads(kept)
        conn.exec_driver_sql(
            "UPDATE records SET last_write = :w WHERE id = 'c-1'"
            if not any_store.is_pg
            else "UPDATE records SET last_write = %(w)s WHERE id = 'c-1'",
            {"w": json.dumps(older)},
        )
    assert page() == made_at_write
