"""The server refuses what cannot be applied everywhere (finding 3 of the sync review).

Every pushed value is checked against its column (int64 range, finite numbers, text
without NUL and within its size, ISO dates), every timestamp for its format and for
drift (more than the margin, 5 minutes by default, ahead of the server's clock is
refused for that row, never adopted). One bad row is refused alone; the batch's other
rows are taken, and no answer is a 500.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient

from civicdesk.domain.hlc import HybridClock, Timestamp
from civicdesk.sync.protocol import PushBatch, PushResult, RowChange, dumps
from civicdesk.sync.server import create_app
from civicdesk.sync.server.store import DEFAULT_CLOCK_MARGIN_MS, Store, TokenInfo
from tests.sync.test_hostile import enrolled

NOW_MS = 1_740_000_000_000


@pytest.fixture()
def fixed_store(tmp_path: Path) -> Iterator[Store]:
    s = Store(f"sqlite:///{tmp_path / 's.db'}", wall=lambda: NOW_MS)
    yield s
    s.dispose()


def _push(store: Store, who: TokenInfo, rows: list[RowChange], batch_id: str = "b") -> PushResult:
    batch = PushBatch(batch_id=batch_id, device_id=who.device_id, schema_version=4, rows=rows)
    return PushResult.model_validate_json(store.push(who, batch, batch_id, dumps))


def _row(cid: str, row_id: str, hlc: str = "", **data: Any) -> RowChange:
    return RowChange(
        table="consultations",
        id=row_id,
        op="upsert",
        rev=1,
        base_rev=0,
        hlc=hlc,
        data={"center_id": cid, "question": "?", **data},
    )


BAD_VALUES: list[tuple[str, Any]] = [
    ("copies_or_int", 2**63),  # an unknown column still must fit int64
    ("question", "a\x00b"),
    ("question", 12),
    ("occurred_at", "tomorrow"),
    ("follow_up_on", "2025-13-40"),
    ("follow_up_on", 20250101),
    ("status", 1.5),
    ("deleted", 7),
    ("advice", "y" * 2_000_000),
]


@pytest.mark.parametrize(("column", "value"), BAD_VALUES)
def test_a_value_that_cannot_be_stored_everywhere_is_refused_alone(
    fixed_store: Store, column: str, value: Any
) -> None:
    cid = fixed_store.create_center("Ақсу", "19")
    who = TokenInfo(cid, "dev", "inst", head_office=False)
    res = _push(fixed_store, who, [_row(cid, "bad", **{column: value}), _row(cid, "good")])
    assert res.results[0].status == "rejected"
    assert res.results[0].reason == "bad_value"
    assert res.results[1].status == "applied"
    assert fixed_store.get_record("consultations", "bad") is None


def test_good_values_of_every_kind_are_taken(fixed_store: Store) -> None:
    cid = fixed_store.create_center("Ақсу", "19")
    who = TokenInfo(cid, "dev", "inst", head_office=False)
    row = _row(
        cid,
        "ok",
        occurred_at="2025-02-22 10:30:00.000000",
        follow_up_on="2025-03-01",
        deleted=0,
        status="open",
        new_column_of_a_newer_desktop=2**63 - 1,
        ratio=0.5,
    )
    assert _push(fixed_store, who, [row]).results[0].status == "applied"


def test_timestamps_are_checked_and_never_adopted(fixed_store: Store) -> None:
    cid = fixed_store.create_center("Ақсу", "19")
    who = TokenInfo(cid, "dev", "inst", head_office=False)
    margin = DEFAULT_CLOCK_MARGIN_MS
    assert margin == 5 * 60 * 1000
    ahead_day = HybridClock("pc-ahead", wall=lambda: NOW_MS + 86_400_000).now()
    slightly = HybridClock("pc-ok", wall=lambda: NOW_MS + margin // 2).now()
    fifty = f"{NOW_MS:016d}-{'9' * 50}-pc"
    rows = [
        _row(cid, "ahead", hlc=ahead_day),
        _row(cid, "fifty", hlc=fifty),
        _row(cid, "junk", hlc="yesterday"),
        _row(cid, "ok", hlc=slightly),
        _row(cid, "none", hlc=""),
    ]
    res = _push(fixed_store, who, rows)
    assert [r.status for r in res.results] == ["rejected", "rejected", "rejected", "applied", "applied"]
    assert [r.reason for r in res.results[:3]] == ["clock_ahead", "bad_clock", "bad_clock"]
    server_now = Timestamp.decode(fixed_store.clock.now())
    assert server_now.wall_ms <= NOW_MS + margin
    assert server_now.counter < 10_000
    stamped = fixed_store.get_record("consultations", "none")
    assert stamped is not None and Timestamp.decode(stamped["hlc"]).wall_ms <= NOW_MS + margin
    assert Timestamp.decode(res.server_time).wall_ms <= NOW_MS + margin


def test_margin_is_configurable(tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path / 's.db'}", wall=lambda: NOW_MS, clock_margin_ms=60_000)
    try:
        cid = store.create_center("Ақсу", "19")
        who = TokenInfo(cid, "dev", "inst", head_office=False)
        two_min = HybridClock("pc", wall=lambda: NOW_MS + 120_000).now()
        assert _push(store, who, [_row(cid, "r", hlc=two_min)]).results[0].reason == "clock_ahead"
    finally:
        store.dispose()


def test_nan_and_infinity_over_http_are_refused_not_500(store: Store) -> None:
    with TestClient(create_app(store=store), raise_server_exceptions=False) as client:
        headers = enrolled(client, store)
        cid = headers["X-Center"]
        for n, literal in enumerate(("NaN", "Infinity", "-Infinity", "1e999")):
            row = (
                f'{{"table":"consultations","id":"x{n}","op":"upsert","rev":1,"base_rev":0,'
                f'"data":{{"center_id":"{cid}","question":"?","ratio":{literal}}}}}'
            )
            body = (
                f'{{"batch_id":"n{n}","device_id":"dev-1","schema_version":4,"rows":[{row}]}}'
            ).encode()
            r = client.post("/sync/v1/push", content=body, headers=headers)
            assert r.status_code in (200, 400), r.text
            if r.status_code == 200:
                assert json.loads(r.text)["results"][0]["reason"] == "bad_value"
        assert client.get("/sync/v1/pull", headers=headers).status_code == 200


def test_another_centers_id_gets_the_same_reason_as_any_foreign_row(fixed_store: Store) -> None:
    a = fixed_store.create_center("Ақсу", "19")
    b = fixed_store.create_center("Бесқарағай", "19")
    _push(fixed_store, TokenInfo(a, "da", "ia", head_office=False), [_row(a, "a-row")])
    who_b = TokenInfo(b, "db", "ib", head_office=False)
    res = _push(fixed_store, who_b, [_row(b, "a-row"), _row(a, "never-was")], "b2")
    assert [r.reason for r in res.results] == ["not_owner", "not_owner"]


def _bad_column_one_by_one(table: str, data: dict[str, Any]) -> str | None:
    """``bad_column`` as written first: every column through its name check, its kind
    and ``value_ok`` (the reference its quicker paths must agree with)."""
    from civicdesk.sync.server import values as v

    kinds = v.column_kinds().get(table, {})
    for column, value in data.items():
        if not column or len(column) > v.MAX_NAME or "\x00" in column:
            return column[: v.MAX_NAME]
        kind = kinds.get(column, ("any", None))
        if type(value) is str and kind[0] in ("text", "json", "any"):
            if "\x00" in value or len(value) > v.MAX_TEXT:
                return column
            continue
        if value is None:
            continue
        if not v.value_ok(kind, value):
            return column
    return None


def test_bad_column_agrees_with_checking_every_column_one_by_one() -> None:
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from civicdesk.sync.server.values import MAX_TEXT, bad_column, column_kinds

    tables = sorted(column_kinds())
    values = st.one_of(
        st.none(), st.booleans(), st.integers(min_value=-(2**70), max_value=2**70),
        st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=12),
        st.sampled_from(["2025-03-01", "2025-03-01T09:00:00", "2025-13-01", "0", "1",
                         "a\x00b", "x" * (MAX_TEXT + 1), '{"a": 1}']),
    )

    @given(st.data())
    @settings(max_examples=400, deadline=None)
    def check(data: st.DataObject) -> None:
        table = data.draw(st.sampled_from([*tables, "not_a_table"]))
        known = sorted(column_kinds().get(table, {})) or ["id"]
        names = st.one_of(st.sampled_from(known), st.text(max_size=3),
                          st.sampled_from(["", "a\x00", "n" * 65]))
        row = data.draw(st.dictionaries(names, values, max_size=8))
        assert bad_column(table, row) == _bad_column_one_by_one(table, row)

    check()
