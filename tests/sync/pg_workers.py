"""Processes of the PostgreSQL concurrency test (importable for the spawn start method)."""

from __future__ import annotations

import random
import time
from typing import Any

from civicdesk.sync.protocol import PushBatch, RowChange, dumps
from civicdesk.sync.server.store import Store, TokenInfo


def writer(url: str, center: str, device: str, n_batches: int, seed: int) -> list[str]:
    store = Store(url)
    rnd = random.Random(seed)
    who = TokenInfo(center, device, "inst", head_office=False)
    written: list[str] = []
    try:
        for b in range(n_batches):
            rows = [
                RowChange(
                    table="consultations",
                    id=f"{device}-{b}-{i}",
                    op="upsert",
                    rev=1,
                    base_rev=0,
                    data={"center_id": center, "question": f"Сұрақ {b}/{i}"},
                )
                for i in range(rnd.randint(1, 120))
            ]
            batch = PushBatch(
                batch_id=f"{device}-{b}", device_id=device, schema_version=4, rows=rows
            )
            store.push(who, batch, f"h{device}{b}", dumps)
            written.extend(r.id for r in rows)
            time.sleep(rnd.random() * 0.01)
    finally:
        store.dispose()
    return written


def reader(url: str, center: str, stop_file: str, page: int) -> dict[str, Any]:
    """Pull as head office until told to stop, then drain; report what was seen."""
    import os

    store = Store(url)
    who = TokenInfo(center, "reader", "inst", head_office=True)
    seen: list[str] = []
    cursor = 0
    last_seq = 0
    try:
        while True:
            stopping = os.path.exists(stop_file)
            p = store.pull(who, cursor, page)
            for ch in p.changes:
                assert ch.server_seq > last_seq, "sequence went backwards"
                last_seq = ch.server_seq
                seen.append(ch.id)
            cursor = p.next_cursor
            if stopping and not p.has_more:
                with store.engine.connect() as conn:
                    left = conn.exec_driver_sql(
                        "SELECT count(*) FROM records WHERE server_seq IS NULL"
                    ).scalar()
                if not left:
                    break
            if not p.changes:
                time.sleep(0.005)
    finally:
        store.dispose()
    return {"seen": seen, "cursor": cursor}
