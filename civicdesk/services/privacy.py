"""Exports name no person: names, IINs and phone numbers are blanked in free text.

Head office needs counts, not identities (docs/admin-guide.md). The export's own
columns leave out people's names (a consultation shows the consultant's role, not the
name), and every text cell goes through ``Scrubber``: each word of every person's name
this database knows (residents, attendees, participants, chairs, secretaries,
speakers, applicants' leaders, reviewers, trainers, staff), every 12-digit number (an
IIN) and every phone number becomes ``***``. A name typed in a form this database
never saw as a name cannot be found; such text is listed by the erasure report, and
managers are asked not to type names in free text (user guide).
"""

from __future__ import annotations

import re
import sqlite3
from typing import Any

MASK = "***"
IIN_RE = re.compile(r"(?<!\d)\d{12}(?!\d)")
PHONE_RE = re.compile(
    r"(?<![\d+])(?:\+?7|8)[\s\-().]*\d{3}[\s\-().]*\d{3}[\s\-.]*\d{2}[\s\-.]*\d{2}(?!\d)"
)
MIN_WORD = 3

NAME_SOURCES = (
    "SELECT full_name FROM residents",
    "SELECT full_name FROM meeting_attendees",
    "SELECT full_name FROM seminar_participants",
    "SELECT full_name FROM users",
    "SELECT chair_name FROM meetings",
    "SELECT secretary_name FROM meetings",
    "SELECT speakers FROM agenda_items",
    "SELECT leader_name FROM grant_applications",
    "SELECT reviewer_name FROM grant_reviews",
    "SELECT trainer FROM seminars",
    "SELECT full_name FROM volunteers",
    "SELECT contact_name FROM volunteer_orgs",
)


class Scrubber:
    """Blanks known names, IINs and phone numbers in text."""

    def __init__(self, names: set[str]) -> None:
        words = sorted(
            {w for n in names for w in re.findall(r"\w+", n) if len(w) >= MIN_WORD
             and not w.isdigit()},
            key=len, reverse=True,
        )
        self._names = (
            re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b", re.IGNORECASE)
            if words else None
        )

    @classmethod
    def from_connection(cls, con: sqlite3.Connection) -> Scrubber:
        names: set[str] = set()
        for sql in NAME_SOURCES:
            try:
                names.update(str(v) for (v,) in con.execute(sql) if v)
            except sqlite3.Error:
                continue  # a table of a newer or older schema
        return cls(names)

    def text(self, value: str) -> str:
        value = IIN_RE.sub(MASK, value)
        value = PHONE_RE.sub(MASK, value)
        if self._names is not None:
            value = self._names.sub(MASK, value)
        return value

    def __call__(self, value: Any) -> Any:
        return self.text(value) if isinstance(value, str) else value
