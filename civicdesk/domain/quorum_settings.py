"""The center's own quorum and decision thresholds.

No act fixes nationwide figures: Law of RK No. 148-II, art. 39-3, leaves them to the
regulations (rules) each district maslikhat adopts (docs/sources.md). A center's
setting is a new rule version for one kind of meeting, in force from the date it
takes effect, so a meeting held earlier keeps the rule it was judged by.

The version names the figures (``center-2026-12-03-q1/2s-d2/3``: quorum more than
1/2, decision at least 2/3), so a meeting's recorded version says by which rule it
was judged wherever its row goes, head office included.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date

from .enums import MeetingKind
from .errors import Message, UserError
from .meetings import DEFAULT_RULES, QuorumRule, rule_for
from .validation import Collector

__all__ = [
    "CENTER_PREFIX",
    "MAX_TERM",
    "CenterRule",
    "center_rule",
    "describe",
    "first_default",
    "meeting_rule",
    "rule_from_version",
    "validate_center_rule",
]

CENTER_PREFIX = "center-"
#: Largest numerator or denominator (keeps the version within 40 characters).
MAX_TERM = 100
_VERSION = re.compile(
    r"^center-(\d{4})-(\d{2})-(\d{2})-q(\d{1,3})/(\d{1,3})(s?)-d(\d{1,3})/(\d{1,3})(s?)$"
)

BAD_DENOMINATOR = Message(
    kk="Бөлгіш 1-ден {max}-ге дейін болуы керек.",
    ru="Знаменатель должен быть от 1 до {max}.",
)
BAD_NUMERATOR = Message(
    kk="Алым 0-ден бөлгішке ({den}) дейін болуы керек.",
    ru="Числитель должен быть от 0 до знаменателя ({den}).",
)
BAD_DECISION_NUMERATOR = Message(
    kk="Шешім үшін алым 1-ден бөлгішке ({den}) дейін болуы керек.",
    ru="Числитель для решения должен быть от 1 до знаменателя ({den}).",
)
BAD_STRICT = Message(
    kk="«Барлығынан астам» шегі мүмкін емес: шекті азайтыңыз немесе «кемінде» таңдаңыз.",
    ru="Порог «больше всех» недостижим: уменьшите долю или выберите «не менее».",
)
BAD_VALID_FROM = Message(
    kk="Күшіне енетін күні {first} күнінен ерте болмауы керек.",
    ru="Дата вступления в силу не может быть раньше {first}.",
)
DATE_REQUIRED = Message(
    kk="Баптаудың күшіне енетін күнін көрсетіңіз.",
    ru="Укажите дату, с которой действует настройка.",
)


@dataclass(frozen=True)
class CenterRule:
    """What a manager enters for one kind of meeting."""

    kind: MeetingKind
    valid_from: date
    quorum_numerator: int
    quorum_denominator: int
    strict: bool
    decision_numerator: int
    decision_denominator: int
    decision_strict: bool

    def version(self) -> str:
        return (
            f"{CENTER_PREFIX}{self.valid_from.isoformat()}"
            f"-q{self.quorum_numerator}/{self.quorum_denominator}{'s' if self.strict else ''}"
            f"-d{self.decision_numerator}/{self.decision_denominator}"
            f"{'s' if self.decision_strict else ''}"
        )


def first_default(kind: MeetingKind) -> QuorumRule:
    """The earliest default rule of ``kind`` (its acts, its note)."""
    return min((r for r in DEFAULT_RULES if r.kind == kind), key=lambda r: r.valid_from)


def validate_center_rule(data: CenterRule) -> None:
    """Codes (all on their fields): ``quorum.denominator``, ``quorum.numerator``,
    ``quorum.strict``, ``quorum.valid_from``."""
    c = Collector()
    if not isinstance(data.valid_from, date):
        c.add("quorum.valid_from", DATE_REQUIRED, field="valid_from")
    else:
        first = first_default(data.kind).valid_from
        if data.valid_from < first:
            c.add("quorum.valid_from", BAD_VALID_FROM, field="valid_from",
                  first=first.strftime("%d.%m.%Y"))
    for prefix, num, den, strict, lowest in (
        ("quorum", data.quorum_numerator, data.quorum_denominator, data.strict, 0),
        ("decision", data.decision_numerator, data.decision_denominator,
         data.decision_strict, 1),
    ):
        if not 1 <= den <= MAX_TERM:
            c.add("quorum.denominator", BAD_DENOMINATOR, field=f"{prefix}_denominator",
                  max=MAX_TERM)
        elif not lowest <= num <= den:
            c.add("quorum.numerator",
                  BAD_NUMERATOR if prefix == "quorum" else BAD_DECISION_NUMERATOR,
                  field=f"{prefix}_numerator", den=den)
        elif strict and num == den:
            c.add("quorum.strict", BAD_STRICT, field=f"{prefix}_numerator")
    c.raise_if_any()


def _share(num: int, den: int, strict: bool, whom_kk: str, whom_ru: str) -> tuple[str, str]:
    frac = f"{num}/{den}"
    if strict:
        return f"{whom_kk} {frac} бөлігінен астамы", f"более {frac} {whom_ru}"
    return f"{whom_kk} кемінде {frac} бөлігі", f"не менее {frac} {whom_ru}"


def describe(rule: QuorumRule) -> Message:
    """«кворум — более 1/2 членов; решение — не менее 2/3 присутствующих» (kk, ru)."""
    if rule.quorum_numerator == 0:
        q_kk, q_ru = "талап етілмейді", "не требуется"
    else:
        q_kk, q_ru = _share(rule.quorum_numerator, rule.quorum_denominator, rule.strict,
                            "мүшелердің", "членов")
    d_kk, d_ru = _share(rule.decision_numerator, rule.decision_denominator,
                        rule.decision_strict, "қатысушылардың", "присутствующих")
    return Message(kk=f"кворум — {q_kk}; шешім — {d_kk}",
                   ru=f"кворум — {q_ru}; решение — {d_ru}")


def center_rule(data: CenterRule) -> QuorumRule:
    """The rule version a center's setting makes: the default's acts and note, and a
    source saying the figures are the center's, per the district's regulations."""
    base = first_default(data.kind)
    day = data.valid_from.strftime("%d.%m.%Y")
    rule = QuorumRule(
        kind=data.kind,
        version=data.version(),
        valid_from=data.valid_from,
        quorum_numerator=data.quorum_numerator,
        quorum_denominator=data.quorum_denominator,
        strict=data.strict,
        decision_numerator=data.decision_numerator,
        decision_denominator=data.decision_denominator,
        decision_strict=data.decision_strict,
        legal_source=base.legal_source,
        note=base.note,
        configurable=True,
    )
    figures = describe(rule)
    return replace(rule, legal_source=Message(
        kk=f"Орталықтың баптауы, күшіне енген күні {day} ({figures.kk}), аудандық "
        f"мәслихат бекіткен регламент (қағидалар) бойынша; {base.legal_source.kk}",
        ru=f"Настройка центра, действует с {day} ({figures.ru}), по регламенту "
        f"(правилам), утверждённому маслихатом района; {base.legal_source.ru}",
    ))


def rule_from_version(kind: MeetingKind, version: str) -> QuorumRule | None:
    """The center rule a recorded version names, or None for any other version."""
    m = _VERSION.match(version or "")
    if m is None:
        return None
    y, mo, d, qn, qd, qs, dn, dd, ds = m.groups()
    try:
        data = CenterRule(kind, date(int(y), int(mo), int(d)), int(qn), int(qd), qs == "s",
                          int(dn), int(dd), ds == "s")
        validate_center_rule(data)
    except (ValueError, LookupError, UserError):
        return None
    return center_rule(data)


def meeting_rule(
    kind: MeetingKind, held_on: date, recorded: str, rules: Iterable[QuorumRule] | None = None
) -> QuorumRule:
    """The rule a saved meeting is judged by: the center rule its recorded version
    names, else the rule of ``rules`` in force on its date."""
    return rule_from_version(kind, recorded) or rule_for(kind, held_on, rules)
