"""Test helpers: an in-process transport to the server app, fault injection, replicas."""

from __future__ import annotations

import json
import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import httpx
from fastapi import FastAPI
from starlette.testclient import TestClient

from civicdesk.db.engine import DB_FILE_NAME
from civicdesk.db.models import Consultation, GrantApplication, GrantCall
from civicdesk.domain.ids import new_id
from civicdesk.services.app import CivicApp
from civicdesk.services.reference import REFERENCE_OWNER
from civicdesk.sync.protocol import gunzip_limited, unzstd_limited
from civicdesk.sync.server.store import Store

URL = "http://127.0.0.1"


def sent_json(request: httpx.Request) -> bytes:
    """The JSON a PC's request carries, decompressed as its Content-Encoding says."""
    unpack = {"gzip": gunzip_limited, "zstd": unzstd_limited}.get(
        request.headers.get("content-encoding", "")
    )
    body = request.read()
    return body if unpack is None else unpack(body)


class AppTransport(httpx.BaseTransport):
    """Hands each request to the ASGI app in this process (no sockets)."""

    def __init__(self, app: FastAPI, client_host: str = "testclient") -> None:
        self.client = TestClient(app, raise_server_exceptions=False)
        self.client_host = client_host
        self.sent_bytes = 0
        self.received_bytes = 0
        self.requests = 0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        body = request.read()
        self.requests += 1
        self.sent_bytes += len(body) + sum(len(k) + len(v) + 4 for k, v in request.headers.raw)
        raw = self.client.request(
            request.method,
            request.url.raw_path.decode("ascii"),
            content=body,
            headers=dict(request.headers),
        )
        headers = {k: v for k, v in raw.headers.items() if k.lower() != "content-encoding"}
        headers.pop("content-length", None)
        wire = int(raw.headers.get("content-length", len(raw.content)))
        self.received_bytes += wire + sum(len(k) + len(v) + 4 for k, v in raw.headers.items())
        return httpx.Response(raw.status_code, headers=headers, content=raw.content)


@dataclass
class Faults:
    """Cut the connection at chosen request numbers: before sending or after the
    server has handled the request (the answer is lost)."""

    before: set[int] = field(default_factory=set)
    after: set[int] = field(default_factory=set)
    count: int = 0


class FlakyTransport(httpx.BaseTransport):
    def __init__(self, inner: httpx.BaseTransport, faults: Faults) -> None:
        self.inner = inner
        self.faults = faults

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.faults.count += 1
        n = self.faults.count
        if n in self.faults.before:
            raise httpx.ConnectError("cut before sending", request=request)
        resp = self.inner.handle_request(request)
        if n in self.faults.after:
            raise httpx.ReadError("cut before the answer", request=request)
        return resp


def make_template(folder: Path, *, name: str, login: str, head_office: bool = False) -> Path:
    from civicdesk.services.users import setup_center

    app = CivicApp(folder)
    setup_center(
        app,
        name_kk=f"{name} орталығы",
        name_ru=f"Центр {name}",
        region_kato="19",
        district_id=None,
        manager_login=login,
        manager_name="Әсел Нұрланқызы",
        manager_password="secret-pass-1",
        language="kk",
        head_office=head_office,
    )
    app.close()
    con = sqlite3.connect(folder / DB_FILE_NAME)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    return folder


def replica(template: Path, target: Path) -> CivicApp:
    """A new PC: a copy of the template with its own device id."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(template / DB_FILE_NAME, target / DB_FILE_NAME)
    con = sqlite3.connect(target / DB_FILE_NAME)
    con.execute("DELETE FROM app_settings WHERE key = 'device_id'")
    con.commit()
    con.close()
    return CivicApp(target)


def enroll_new(
    store: Store,
    app: CivicApp,
    transport: httpx.BaseTransport,
    *,
    name: str,
    head_office: bool = False,
    center_id: str | None = None,
) -> str:
    from civicdesk.services import sync

    cid = (
        center_id
        or store.find_center(name)
        or store.create_center(name, "19", head_office=head_office)
    )
    code = store.issue_code(cid)
    info = sync.enroll(app, URL, code, transport=transport)
    return info.center_id


def add_consultation(app: CivicApp, question: str = "Жиын қалай өткізіледі?") -> str:
    now = datetime(2025, 2, 22, 10, 30)
    cid = app.state.center_id
    assert cid
    row = Consultation(
        id=new_id(),
        center_id=cid,
        created_at=now,
        updated_at=now,
        rev=1,
        hlc=app.clock.now(),
        occurred_at=now,
        channel="in_person",
        topic_code="gathering",
        question=question,
        advice="Әкімдікке хабарласыңыз",
        language="kk",
    )
    with app.db.session() as s:
        s.add(row)
    return row.id


def add_grant_application(app: CivicApp, call_id: str, title: str = "Саябақ") -> str:
    now = datetime(2025, 3, 1, 9, 0)
    cid = app.state.center_id
    assert cid
    row = GrantApplication(
        id=new_id(),
        center_id=cid,
        created_at=now,
        updated_at=now,
        rev=1,
        hlc=app.clock.now(),
        call_id=call_id,
        applicant_kind="initiative_group",
        applicant_name="Бастамашыл топ",
        title=title,
        problem="",
        goal="",
        beneficiaries=10,
    )
    with app.db.session() as s:
        s.add(row)
    return row.id


def add_grant_call(app: CivicApp) -> str:
    from datetime import date
    from decimal import Decimal

    now = datetime(2025, 1, 10, 9, 0)
    row = GrantCall(
        id=new_id(),
        center_id=REFERENCE_OWNER,
        created_at=now,
        updated_at=now,
        rev=1,
        hlc=app.clock.now(),
        title_kk="Шағын гранттар",
        title_ru="Малые гранты",
        region_kato="19",
        pool=Decimal("1000000"),
        opens_on=date(2025, 1, 10),
        closes_on=date(2025, 3, 10),
        criteria=[],
    )
    with app.db.session() as s:
        s.add(row)
    return row.id



def center_and_head_office_with_a_call(
    store: Store, transport: httpx.BaseTransport, make_replica: Callable[[str], CivicApp]
) -> tuple[CivicApp, CivicApp, str]:
    """Center "Ақсу" (a PC of replica ``a``) and head office, enrolled, with head
    office's grant call synced to both. Returns the center PC, head office, the call."""
    from civicdesk.services import sync

    a, ho = make_replica("a"), make_replica("ho")
    enroll_new(store, a, transport, name="Ақсу")
    enroll_new(store, ho, transport, name="Бас кеңсе", head_office=True)
    call = add_grant_call(ho)
    sync.sync_now(ho, transport=transport)
    sync.sync_now(a, transport=transport)
    return a, ho, call

def edit(app: CivicApp, table: str, row_id: str, **values: Any) -> None:
    """A local edit the way services make it: values, updated_at, rev + 1, new hlc."""
    sets = ", ".join(f'"{k}" = ?' for k in values)
    with app.db.engine.begin() as conn:
        conn.exec_driver_sql(
            f'UPDATE "{table}" SET {sets}, updated_at = ?, rev = rev + 1, hlc = ? WHERE id = ?',
            (*values.values(), datetime.now().isoformat(sep=" "), app.clock.now(), row_id),
        )


def alter_audit_entry_on_server(store: Store, row_id: str, **values: Any) -> dict[str, Any]:
    """Someone with the server's database changes an audit entry there, behind the
    server's back; returns the entry's values as they now are."""
    from sqlalchemy import update

    from civicdesk.sync.server.store import records

    rec = next(r for r in store.all_records() if r.table_name == "audit_log" and r.id == row_id)
    data = dict(rec.data if isinstance(rec.data, dict) else json.loads(rec.data))
    data.update(values)
    with store.engine.begin() as conn:
        conn.execute(
            update(records)
            .where(records.c.table_name == "audit_log", records.c.id == row_id)
            .values(data=data)
        )
    return data


def hard_delete(app: CivicApp, table: str, row_id: str) -> None:
    with app.db.engine.begin() as conn:
        conn.exec_driver_sql("PRAGMA foreign_keys = OFF")
        conn.exec_driver_sql(f'DELETE FROM "{table}" WHERE id = ?', (row_id,))


def row_of(app: CivicApp, table: str, row_id: str) -> dict[str, Any] | None:
    with app.db.engine.connect() as conn:
        r = (
            conn.exec_driver_sql(f'SELECT * FROM "{table}" WHERE id = ?', (row_id,))
            .mappings()
            .first()
        )
        return None if r is None else dict(r)


def rows_of(
    app: CivicApp, table: str, where: str = "1=1", params: tuple[Any, ...] = ()
) -> dict[str, dict[str, Any]]:
    with app.db.engine.connect() as conn:
        return {
            r["id"]: dict(r)
            for r in conn.exec_driver_sql(
                f'SELECT * FROM "{table}" WHERE {where}', params
            ).mappings()
        }


def outbox_count(app: CivicApp) -> int:
    with app.db.engine.connect() as conn:
        return int(conn.exec_driver_sql("SELECT count(*) FROM sync_outbox").scalar() or 0)


def dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, sort_keys=True, default=str)


Factory = Callable[..., Any]
