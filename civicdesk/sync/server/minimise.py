"""What head office receives of another center's records: counts, not identities.

The server keeps everything a center's own PCs need. A head-office replica pulling
another center's records gets them through ``head_office_view``: residents without
name, IIN, phone, notes or exact birth year (sex, age group, settlement, disability and
consent stay, for statistics); meeting and seminar lists, chairs, secretaries, speakers
and grant applicants' leaders and contacts without names or contacts; volunteers like
residents (also without skills and availability) and volunteer organisations without
their contact person; and in audit
entries about those records, no before/after values of those fields (such an entry is
marked ``"_withheld": true``, so head office still checks its hash chain).

Head office's own records, and everything a center pulls of its own, are not changed.
A head-office PC cannot write the blanks back: the server refuses its edits of another
center's records in these tables (``not_owner``), and of grant applications, which head
office may edit, it leaves the blanked columns out (``Store._apply_row``).
"""

from __future__ import annotations

import json
import re
from typing import Any

WITHHELD_MARK = "_withheld"

#: table -> column -> what head office gets instead
WITHHELD: dict[str, dict[str, Any]] = {
    "residents": {"full_name": "", "iin": None, "phone": None, "notes": "", "birth_year": None},
    "meeting_attendees": {"full_name": ""},
    "seminar_participants": {"full_name": ""},
    "meetings": {"chair_name": "", "secretary_name": ""},
    "agenda_items": {"speakers": ""},
    "grant_applications": {"leader_name": "", "contact_phone": "", "contact_email": ""},
    "grant_reviews": {"reviewer_name": ""},
    "volunteers": {"full_name": "", "iin": None, "phone": None, "notes": "", "birth_year": None,
                   "skills": "", "availability": ""},
    "volunteer_orgs": {"contact_name": "", "contact_phone": ""},
    "focus_groups": {"moderator": ""},
    "problem_steps": {"note": ""},
}

#: audit entity name -> its table
ENTITY_TABLES: dict[str, str] = {
    "resident": "residents",
    "meeting_attendee": "meeting_attendees",
    "attendee": "meeting_attendees",
    "seminar_participant": "seminar_participants",
    "meeting": "meetings",
    "agenda_item": "agenda_items",
    "grant_application": "grant_applications",
    "grant_review": "grant_reviews",
    "volunteer": "volunteers",
    "volunteer_org": "volunteer_orgs",
    "focus_group": "focus_groups",
    "problem_step": "problem_steps",
}


_ENTITY = re.compile(rb'"entity"\s*:\s*"([^"\\]*)"')


def may_withhold(table: str, raw: bytes) -> bool:
    """Whether ``head_office_view`` may change this record, given as its stored JSON
    (UTF-8 bytes): False only when it surely leaves it as it is (an audit entry about a
    record none of whose fields are withheld), which saves decoding the entry."""
    if table in WITHHELD:
        return True
    if table != "audit_log":
        return False
    if b"\\u" in raw:  # a name written with escapes could hide from the search below
        return True
    names = _ENTITY.findall(raw)
    return (
        not names
        or raw.count(b'"entity"') != len(names)
        or any(ENTITY_TABLES.get(name.decode("utf-8", "replace")) in WITHHELD for name in names)
    )


def _values(values: Any, hidden: dict[str, Any]) -> Any:
    if not isinstance(values, dict) or not (hidden.keys() & values.keys()):
        return values
    kept = {k: v for k, v in values.items() if k not in hidden}
    kept[WITHHELD_MARK] = True
    return kept


def head_office_view(table: str, data: dict[str, Any]) -> dict[str, Any]:
    """``data`` of another center's record as a head-office replica receives it."""
    hidden = WITHHELD.get(table)
    if hidden is not None:
        return {k: hidden.get(k, v) for k, v in data.items()}
    if table == "audit_log":
        fields = WITHHELD.get(ENTITY_TABLES.get(str(data.get("entity")), ""), {})
        if fields:
            out = dict(data)
            for key in ("before", "after"):
                raw = out.get(key)
                if isinstance(raw, str):
                    kept = _values(_decoded(raw), fields)
                    if isinstance(kept, dict):
                        out[key] = json.dumps(kept, ensure_ascii=False)
                elif raw is not None:
                    out[key] = _values(raw, fields)
            return out
    return data


def _decoded(value: Any) -> Any:
    if isinstance(value, str) and value.startswith("{"):
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value
