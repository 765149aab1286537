"""A delete against a concurrent edit (finding 5 of the sync review): the editor's PC
gets a conflict it can settle by restoring the record with its edit, or by accepting
the delete; the edit is never silently absorbed into the deleted record."""

from __future__ import annotations

import pytest

from civicdesk.services import sync
from civicdesk.sync.server.store import Store
from tests.sync.conftest import Make
from tests.sync.helpers import AppTransport, add_consultation, edit, enroll_new, row_of


@pytest.mark.parametrize("choice", ["mine", "theirs"])
def test_edit_against_a_delete_is_a_conflict(
    store: Store, transport: AppTransport, make_replica: Make, choice: str
) -> None:
    pc1, pc2 = make_replica("a"), make_replica("a")
    enroll_new(store, pc1, transport, name="Ақсу")
    enroll_new(store, pc2, transport, name="Ақсу")
    cons = add_consultation(pc1)
    sync.sync_now(pc1, transport=transport)
    sync.sync_now(pc2, transport=transport)
    edit(pc1, "consultations", cons, deleted=1)
    sync.sync_now(pc1, transport=transport)
    edit(pc2, "consultations", cons, advice="Жаңа кеңес")

    summary = sync.sync_now(pc2, transport=transport)

    assert summary.conflicts == 1
    (conflict,) = sync.conflicts(pc2)
    assert conflict.row_id == cons
    assert conflict.fields["deleted"] == {"mine": 0, "theirs": 1}
    assert conflict.fields["advice"]["mine"] == "Жаңа кеңес"
    rec = store.get_record("consultations", cons)
    assert rec is not None and rec["deleted"] and rec["data"]["advice"] != "Жаңа кеңес"

    sync.resolve(pc2, conflict.id, choice)  # type: ignore[arg-type]
    for _ in range(2):
        sync.sync_now(pc2, transport=transport)
        sync.sync_now(pc1, transport=transport)
    for pc in (pc1, pc2):
        row = row_of(pc, "consultations", cons)
        assert row is not None
        if choice == "mine":
            assert (row["deleted"], row["advice"]) == (0, "Жаңа кеңес")
        else:
            assert row["deleted"] == 1 and row["advice"] != "Жаңа кеңес"
    assert sync.conflicts(pc2) == []
