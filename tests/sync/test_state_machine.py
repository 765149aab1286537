"""Random edits, deletes, pushes and pulls on three replicas (two PCs of a center and
head office) in random order: after quiescence every replica equals the server, and
the last edit of every field is either the value everybody has or waits in the
conflict queue of the replica that made it.

Also: edits made while a PC's own push is in flight, the users table, a hostile PC
pushing values and timestamps no node could store (all refused, nothing else moves),
and the server put back from an earlier snapshot (``restored``). No PC is ever
stalled: every round succeeds, and every queue drains within a few rounds once the
network is up."""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from civicdesk.domain.hlc import Timestamp
from civicdesk.services import sync
from civicdesk.services.app import CivicApp
from civicdesk.sync.client import SyncClient
from civicdesk.sync.protocol import PushBatch, PushResult, RowChange, dumps
from civicdesk.sync.server import create_app
from civicdesk.sync.server.store import Store, TokenInfo
from tests.sync.helpers import (
    AppTransport,
    add_consultation,
    add_grant_application,
    add_grant_call,
    edit,
    enroll_new,
    hard_delete,
    make_template,
    outbox_count,
    replica,
)
from tests.sync.test_never_stalls import BeforePush

# A passing run takes about a minute; a failing one shrinks its example, which may take
# longer than the suite's 300 s (and a timeout would hide the example).
pytestmark = pytest.mark.timeout(900)

_TEMPLATES: dict[str, Path] = {}
PHASES = [Phase.explicit, Phase.reuse, Phase.generate] + (
    [] if os.environ.get("CIVICDESK_NO_SHRINK") else [Phase.shrink]
)
FIELDS = {
    "grant_applications": ("title", "problem", "goal", "beneficiaries"),
    "consultations": ("advice", "status"),
    "users": ("full_name",),
    "centers": ("phone", "address"),
}
HOSTILE: list[tuple[str, dict[str, Any]]] = [
    ("", {"copies": 2**63}),
    ("", {"advice": "a\x00b"}),
    ("", {"ratio": float("inf")}),
    ("", {"follow_up_on": "ертең"}),
    ("0001740000000000-" + "9" * 50 + "-evil", {}),
    ("9999999999999999-0000-evil", {}),
    ("not-a-clock", {}),
]
WORDS = ["Алаң", "Жол", "Мектеп", "Су", "Жарық", "Саябақ", "Көпір", "Ұя", "Өзен", "Ірге"]


def templates() -> dict[str, Path]:
    if not _TEMPLATES:
        base = Path(tempfile.mkdtemp(prefix="civicdesk-sm-"))
        _TEMPLATES["a"] = make_template(base / "a", name="Ақсу", login="m.a")
        _TEMPLATES["ho"] = make_template(
            base / "ho", name="Бас кеңсе", login="m.ho", head_office=True
        )
    return _TEMPLATES


class SyncMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.dir = Path(tempfile.mkdtemp(prefix="civicdesk-sm-run-"))
        self.server_file = self.dir / "server.sqlite3"
        self.store = Store(f"sqlite+pysqlite:///{self.server_file}")
        self.snapshot: Path | None = None
        self.transport = AppTransport(create_app(store=self.store))
        t = templates()
        self.apps: dict[str, CivicApp] = {
            "pc1": replica(t["a"], self.dir / "pc1"),
            "pc2": replica(t["a"], self.dir / "pc2"),
            "ho": replica(t["ho"], self.dir / "ho"),
        }
        self.rows: dict[str, list[str]] = {
            "grant_applications": [],
            "consultations": [],
            "users": [],
            "centers": [],
        }
        self.edits: list[tuple[str, str, str, str, Any]] = []
        self.gone: set[str] = set()
        # removed outright (raw SQL; the app only marks records deleted) before a restore
        self.hard_gone: set[str] = set()
        self.restored = False

    @initialize()
    def start(self) -> None:
        enroll_new(self.store, self.apps["pc1"], self.transport, name="Ақсу")
        enroll_new(self.store, self.apps["pc2"], self.transport, name="Ақсу")
        enroll_new(self.store, self.apps["ho"], self.transport, name="Бас кеңсе", head_office=True)
        call = add_grant_call(self.apps["ho"])
        self.sync("ho")
        self.sync("pc1")
        for i in range(2):
            self.rows["grant_applications"].append(
                add_grant_application(self.apps["pc1"], call, f"Өтінім {i}")
            )
            self.rows["consultations"].append(add_consultation(self.apps["pc1"], f"Сұрақ {i}"))
        for name in ("pc1", "pc2", "ho"):
            self.sync(name)
        with self.apps["pc1"].db.engine.connect() as conn:
            center_a = self.apps["pc1"].state.center_id
            for table in ("users", "centers"):
                self.rows[table] = [
                    r[0]
                    for r in conn.exec_driver_sql(
                        f'SELECT id FROM "{table}" WHERE center_id = ?', (center_a,)
                    )
                ]
                assert self.rows[table], table

    def sync(self, name: str, transport: Any = None) -> None:
        app = self.apps[name]
        client = SyncClient(app.db, transport=transport or self.transport, clock=app.clock)
        summary = client.sync_once()  # never raises: no PC is stalled
        assert summary.waiting == 0, (name, client.waiting())
        assert summary.errors == 0, (
            name,
            [c for c in sync.conflicts(self.apps[name]) if c.reason.startswith("rejected")],
        )

    def has_row(self, name: str, table: str, row_id: str) -> bool:
        with self.apps[name].db.engine.connect() as conn:
            return (
                conn.exec_driver_sql(f'SELECT 1 FROM "{table}" WHERE id = ?', (row_id,)).first()
                is not None
            )

    @rule(
        who=st.sampled_from(["pc1", "pc2", "ho"]),
        pick=st.integers(0, 50),
        field_pick=st.integers(0, 10),
        word=st.sampled_from(WORDS),
        n=st.integers(0, 99),
    )
    def edit_grant(self, who: str, pick: int, field_pick: int, word: str, n: int) -> None:
        self._edit(who, "grant_applications", pick, field_pick, word, n)

    @rule(
        who=st.sampled_from(["pc1", "pc2"]),
        pick=st.integers(0, 50),
        field_pick=st.integers(0, 10),
        word=st.sampled_from(WORDS),
        n=st.integers(0, 99),
    )
    def edit_consultation(self, who: str, pick: int, field_pick: int, word: str, n: int) -> None:
        self._edit(who, "consultations", pick, field_pick, word, n)

    @rule(who=st.sampled_from(["pc1", "pc2"]), pick=st.integers(0, 5), word=st.sampled_from(WORDS))
    def edit_user(self, who: str, pick: int, word: str) -> None:
        self._edit(who, "users", pick, 0, word, pick)

    @rule(who=st.sampled_from(["pc1", "pc2"]), field_pick=st.integers(0, 1),
          word=st.sampled_from(WORDS), n=st.integers(0, 99))
    def edit_center(self, who: str, field_pick: int, word: str, n: int) -> None:
        self._edit(who, "centers", 0, field_pick, word, n)

    @rule(
        who=st.sampled_from(["pc1", "pc2", "ho"]),
        table=st.sampled_from(["grant_applications", "consultations"]),
        pick=st.integers(0, 50),
        field_pick=st.integers(0, 10),
        word=st.sampled_from(WORDS),
        n=st.integers(0, 99),
    )
    def sync_with_an_edit_in_flight(
        self, who: str, table: str, pick: int, field_pick: int, word: str, n: int
    ) -> None:
        if who == "ho" and table == "consultations":
            table = "grant_applications"
        flight = BeforePush(
            self.transport, lambda: self._edit(who, table, pick, field_pick, word, n)
        )
        self.sync(who, flight)

    @rule(pick=st.integers(0, len(HOSTILE) - 1))
    def hostile_push(self, pick: int) -> None:
        """A PC of center A pushes what no node could store: refused, nothing moves."""
        hlc, extra = HOSTILE[pick]
        center = self.apps["pc1"].state.center_id or ""
        before = {(r.table_name, r.id): r.rev for r in self.store.all_records()}
        row = RowChange(
            table="consultations",
            id=f"hostile-{pick}-{len(before)}",
            op="upsert",
            rev=1,
            base_rev=0,
            hlc=hlc,
            data={"center_id": center, "question": "?", **extra},
        )
        batch = PushBatch(batch_id=row.id, device_id="hostile", schema_version=4, rows=[row])
        who = TokenInfo(center, "hostile", "hostile", head_office=False)
        res = PushResult.model_validate_json(self.store.push(who, batch, row.id, dumps))
        assert res.results[0].status == "rejected", res.results[0]
        assert {(r.table_name, r.id): r.rev for r in self.store.all_records()} == before
        assert Timestamp.decode(self.store.clock.now()).counter < 10_000

    @rule()
    def take_snapshot(self) -> None:
        self.snapshot = self.dir / "snapshot.sqlite3"
        _copy_db(self.server_file, self.snapshot)

    @precondition(lambda self: self.snapshot is not None)
    @rule()
    def restore_snapshot(self) -> None:
        """Head office puts the server back from the snapshot and runs `restored`."""
        assert self.snapshot is not None
        self.store.dispose()
        _copy_db(self.snapshot, self.server_file)
        self.store = Store(f"sqlite+pysqlite:///{self.server_file}")
        self.store.new_epoch()
        self.transport = AppTransport(create_app(store=self.store))
        self.snapshot = None  # a dump is put back once (docs/deployment.md)
        self.restored = True

    def _edit(self, who: str, table: str, pick: int, field_pick: int, word: str, n: int) -> None:
        ids = [i for i in self.rows[table] if self.has_row(who, table, i)]
        if not ids:
            return
        row_id = ids[pick % len(ids)]
        fields = FIELDS[table]
        field = fields[field_pick % len(fields)]
        value: Any = n if field == "beneficiaries" else f"{word} {n}"
        with self.apps[who].db.engine.connect() as conn:
            current = conn.exec_driver_sql(
                f'SELECT "{field}" FROM "{table}" WHERE id = ?', (row_id,)
            ).scalar()
        edit(self.apps[who], table, row_id, **{field: value})
        if current != value:  # writing the value a field already has changes nothing
            self.edits.append((who, table, row_id, field, value))

    @rule(who=st.sampled_from(["pc1", "pc2"]), word=st.sampled_from(WORDS))
    def create(self, who: str, word: str) -> None:
        self.rows["consultations"].append(add_consultation(self.apps[who], f"{word}?"))

    @rule(who=st.sampled_from(["pc1", "pc2"]), pick=st.integers(0, 50), hard=st.booleans())
    def delete(self, who: str, pick: int, hard: bool) -> None:
        ids = [i for i in self.rows["consultations"] if self.has_row(who, "consultations", i)]
        if not ids:
            return
        row_id = ids[pick % len(ids)]
        if hard:
            hard_delete(self.apps[who], "consultations", row_id)
            self.hard_gone.add(row_id)
        else:
            edit(self.apps[who], "consultations", row_id, deleted=1)
        self.gone.add(row_id)

    @rule(who=st.sampled_from(["pc1", "pc2", "ho"]))
    def sync_one(self, who: str) -> None:
        self.sync(who)

    @precondition(lambda self: True)
    @rule(who=st.sampled_from(["pc1", "pc2", "ho"]), mine=st.booleans())
    def resolve(self, who: str, mine: bool) -> None:
        queue = sync.conflicts(self.apps[who])
        if not queue:
            return
        c = queue[0]
        SyncClient(self.apps[who].db).resolve_conflict(c.id, "mine" if mine else "theirs")
        if mine:
            for field, pair in c.fields.items():
                self.edits.append((who, c.table, c.row_id, field, pair["mine"]))

    @invariant()
    def server_never_loses_a_record(self) -> None:
        for r in self.store.all_records():
            assert r.rev >= 1

    def teardown(self) -> None:
        try:
            self.quiesce_and_check()
        finally:
            for app in self.apps.values():
                app.close()
            self.store.dispose()
            shutil.rmtree(self.dir, ignore_errors=True)

    def quiesce_and_check(self) -> None:
        if not self.store.all_records():
            return  # the machine never started (hypothesis shrinking)
        for _ in range(4):  # every queue drains within a few rounds once the network is up
            for name in ("pc1", "pc2", "ho"):
                self.sync(name)
        for name, app in self.apps.items():
            assert outbox_count(app) == 0, name
        center_a = self.apps["pc1"].state.center_id
        server = {(r.table_name, r.id): r for r in self.store.all_records()}
        for name, app in self.apps.items():
            for table, fields in FIELDS.items():
                with app.db.engine.connect() as conn:
                    local = {
                        r["id"]: dict(r)
                        for r in conn.exec_driver_sql(f'SELECT * FROM "{table}"').mappings()
                    }
                for (t, rid), rec in server.items():
                    if t != table:
                        continue
                    if name != "ho" and rec.center_id != center_a:
                        continue  # another center's record: not this PC's to hold
                    row = local.get(rid)
                    if rec.deleted:
                        assert row is None or row["deleted"] == 1, (name, rid)
                        continue
                    assert row is not None and row["deleted"] == 0, (name, rid)
                    for f in fields:
                        assert row[f] == rec.data.get(f), (name, rid, f, row[f], rec.data.get(f))
                for rid, row in local.items():
                    if not row["deleted"]:
                        if self.restored and rid in self.hard_gone:
                            # documented limit (docs/sync.md §4): a record removed
                            # outright is not removed again after a restore
                            continue
                        assert (table, rid) in server, (name, rid)
        # the last edit of each field: applied everywhere, or queued where it was made
        last: dict[tuple[str, str, str], tuple[str, Any]] = {}
        for who, table, rid, field, value in self.edits:
            last[(table, rid, field)] = (who, value)
        for (table, rid, field), (who, value) in last.items():
            if (table, rid) not in server:
                assert rid in self.gone  # made and deleted before it was ever sent
                continue
            rec = server[(table, rid)]
            if rec.data.get(field) == value:
                continue
            if rec.deleted and rid in self.gone:
                continue  # a delete came after the edit (a hard delete keeps no values)
            if self.restored and rid in self.hard_gone:
                # removed outright after the edit, then the server was put back from a
                # dump that holds the record: it comes back as the dump has it (the
                # documented limit above, docs/sync.md §4)
                continue
            queued = [
                c
                for c in sync.conflicts(self.apps[who], include_resolved=True)
                if c.row_id == rid and c.fields.get(field, {}).get("mine") == value
            ]
            assert queued, (who, table, rid, field, value, rec.data.get(field))


SyncMachine.TestCase.settings = settings(
    max_examples=15,
    stateful_step_count=30,
    deadline=None,
    phases=PHASES,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
test_replicas_converge = SyncMachine.TestCase


def _copy_db(src: Path, dest: Path) -> None:
    a, b = sqlite3.connect(src), sqlite3.connect(dest)
    try:
        a.backup(b)
    finally:
        a.close()
        b.close()
