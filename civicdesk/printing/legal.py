"""Legal acts as booklets cite them, from ``resources/reference/legal_acts.json``.

Each act has a code, its number, date of adoption, title in Kazakh and Russian,
``in_force_from`` and, once replaced, ``replaced_by`` (the code of the act that
replaced it), and ``checked``: the date its number, date and title were last compared
with a source (docs/sources.md says which). A template lists the codes it rests on
(``legal_acts``); the booklet prints each as a full citation and the heading
"as of" the date the list was checked, so a booklet never cites a replaced act
without showing it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from civicdesk.domain.errors import Message
from civicdesk.domain.formatting import format_date, month_name
from civicdesk.paths import resources_dir

__all__ = ["LegalAct", "as_of", "citation", "legal_acts", "resolve"]

#: Kazakh month names with the locative-attributive ending («23 қаңтардағы»).
_KK_MONTH_LOC = (
    "қаңтардағы", "ақпандағы", "наурыздағы", "сәуірдегі", "мамырдағы", "маусымдағы",
    "шілдедегі", "тамыздағы", "қыркүйектегі", "қазандағы", "қарашадағы", "желтоқсандағы",
)


@dataclass(frozen=True)
class LegalAct:
    code: str
    title_kk: str
    title_ru: str
    number: str
    adopted_on: date | None
    in_force_from: date | None = None
    replaced_by: str | None = None
    checked: date | None = None
    articles: tuple[str, ...] = ()


def _date(value: object) -> date | None:
    return date.fromisoformat(value) if isinstance(value, str) and value else None


@lru_cache(maxsize=4)
def _load(path: Path) -> dict[str, LegalAct]:
    raw = json.loads(path.read_text(encoding="utf-8"))
    acts: dict[str, LegalAct] = {}
    for a in raw:
        acts[a["code"]] = LegalAct(
            code=a["code"], title_kk=a["kk"], title_ru=a["ru"], number=a.get("number", ""),
            adopted_on=_date(a.get("date")), in_force_from=_date(a.get("in_force_from")),
            replaced_by=a.get("replaced_by") or None, checked=_date(a.get("checked")),
            articles=tuple(a.get("articles", ())),
        )
    return acts


def legal_acts(folder: Path | None = None) -> dict[str, LegalAct]:
    """Every act of the reference data by code."""
    return _load((folder or resources_dir() / "reference") / "legal_acts.json")


def citation(act: LegalAct) -> Message:
    """«2001 жылғы 23 қаңтардағы № 148-II «…» Қазақстан Республикасының Заңы» /
    «Закон Республики Казахстан «…» от 23 января 2001 года № 148-II»."""
    kk, ru = act.title_kk, act.title_ru
    number = f"№ {act.number}" if act.number else ""
    d = act.adopted_on
    if d is not None:
        kk = f"{d.year} жылғы {d.day} {_KK_MONTH_LOC[d.month - 1]} {number} {kk}".replace("  ", " ")
        ru_day = f"{d.day} {month_name(d.month, 'ru', 'genitive')} {d.year} года"
        # «Закон Республики Казахстан от 23 января 2001 года № 148-II «О …»»: the date
        # and number go between the kind of act and its title
        cut = ru.find("«")
        if cut < 0:
            cut = ru.find(" о ")
        if cut > 0:
            ru = f"{ru[:cut].rstrip()} от {ru_day} {number} {ru[cut:].lstrip()}"
        else:
            ru = f"{ru} от {ru_day} {number}"
    elif number:
        kk, ru = f"{number} {kk}", f"{ru} {number}"
    if act.replaced_by:
        kk += " (күші жойылды)"
        ru += " (утратил силу)"
    return Message(kk=kk.strip(), ru=ru.strip())


def resolve(codes: list[str] | tuple[str, ...], folder: Path | None = None) -> list[LegalAct]:
    """The acts for ``codes``; a replaced act is followed to the act now in force.
    Unknown codes raise ``KeyError``."""
    acts = legal_acts(folder)
    out: list[LegalAct] = []
    for code in codes:
        act = acts[code]
        seen = {code}
        while act.replaced_by and act.replaced_by in acts and act.replaced_by not in seen:
            seen.add(act.replaced_by)
            act = acts[act.replaced_by]
        if act not in out:
            out.append(act)
    return out


def as_of(acts: list[LegalAct]) -> Message | None:
    """«2026 жылғы 3 желтоқсандағы жағдай бойынша» / «по состоянию на 3 декабря 2026
    года»: the latest date the listed acts were checked."""
    dates = [a.checked for a in acts if a.checked is not None]
    if not dates:
        return None
    d = max(dates)
    return Message(
        kk=f"{d.year} жылғы {d.day} {_KK_MONTH_LOC[d.month - 1]} жағдай бойынша",
        ru=f"по состоянию на {format_date(d, 'ru', style='official')}",
    )
