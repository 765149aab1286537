from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

from civicdesk.domain.ids import id_timestamp, new_id


def test_new_id_is_uuid_version_7_with_rfc_variant() -> None:
    value = uuid.UUID(new_id())
    assert value.version == 7
    assert value.variant == uuid.RFC_4122
    assert len(str(value)) == 36


def test_ids_sort_in_creation_order_even_within_one_millisecond() -> None:
    ids = [new_id() for _ in range(5000)]
    assert ids == sorted(ids)
    assert len(set(ids)) == len(ids)


def test_id_timestamp_is_now() -> None:
    before = datetime.now(UTC) - timedelta(milliseconds=5)
    stamp = id_timestamp(new_id())
    after = datetime.now(UTC) + timedelta(seconds=1)
    assert before <= stamp <= after
    assert stamp.tzinfo is not None


def test_id_timestamp_reads_known_value() -> None:
    # RFC 9562 appendix A.6 example: 017F22E2-79B0-7CC3-98C4-DC0C0C07398F
    stamp = id_timestamp("017f22e2-79b0-7cc3-98c4-dc0c0c07398f")
    assert stamp == datetime(2022, 2, 22, 19, 22, 22, tzinfo=UTC)


def test_id_timestamp_refuses_other_versions() -> None:
    import pytest

    with pytest.raises(ValueError):
        id_timestamp(str(uuid.uuid4()))
