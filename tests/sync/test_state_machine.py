"""Random edits, deletes, pushes and pulls on three replicas (two PCs of a center and
head office) in random order: after quiescence every replica equals the server, and
the last edit of every field is either the value everybody has or waits in the
conflict queue of the replica that made it."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from civicdesk.services import sync
from civicdesk.services.app import CivicApp
from civicdesk.sync.client import SyncClient
from civicdesk.sync.server import create_app
from civicdesk.sync.server.store import Store
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

_TEMPLATES: dict[str, Path] = {}
PHASES = [Phase.explicit, Phase.reuse, Phase.generate] + (
    [] if os.environ.get("CIVICDESK_NO_SHRINK") else [Phase.shrink]
)
FIELDS = {
    "grant_applications": ("title", "problem", "goal", "beneficiaries"),
    "consultations": ("advice", "status"),
}
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
        self.store = Store(f"sqlite+pysqlite:///{self.dir / 'server.sqlite3'}")
        self.transport = AppTransport(create_app(store=self.store))
        t = templates()
        self.apps: dict[str, CivicApp] = {
            "pc1": replica(t["a"], self.dir / "pc1"),
            "pc2": replica(t["a"], self.dir / "pc2"),
            "ho": replica(t["ho"], self.dir / "ho"),
        }
        self.rows: dict[str, list[str]] = {"grant_applications": [], "consultations": []}
        self.edits: list[tuple[str, str, str, str, Any]] = []
        self.gone: set[str] = set()

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

    def sync(self, name: str) -> None:
        summary = SyncClient(self.apps[name].db, transport=self.transport).sync_once()
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
        for _ in range(4):
            for name in ("pc1", "pc2", "ho"):
                self.sync(name)
        for name, app in self.apps.items():
            assert outbox_count(app) == 0, name
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
                    row = local.get(rid)
                    if rec.deleted:
                        assert row is None or row["deleted"] == 1, (name, rid)
                        continue
                    assert row is not None and row["deleted"] == 0, (name, rid)
                    for f in fields:
                        assert row[f] == rec.data.get(f), (name, rid, f, row[f], rec.data.get(f))
                for rid, row in local.items():
                    if not row["deleted"]:
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
