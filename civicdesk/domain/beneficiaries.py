"""Who a grant project reaches, counted without names: beneficiaries by sex, by the
report's age groups, the youth band (14-35, Law No. 285-V article 1, see
docs/sources.md) and disability.

Every count is optional (None: not stated). The counts by sex add up to at most the
total, as do the counts by age group; youth and disability are each at most the total
(they overlap the other groups).
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from civicdesk.domain.errors import Message, ValidationError, ValidationErrors

__all__ = [
    "AGE_FIELDS",
    "COLUMNS",
    "SEX_FIELDS",
    "Breakdown",
    "check_breakdown",
]

SEX_FIELDS = ("women", "men")
AGE_FIELDS = ("under_18", "a18_29", "a30_44", "a45_59", "a60_plus")
#: breakdown field -> grant_applications column
COLUMNS: dict[str, str] = {
    "women": "ben_women", "men": "ben_men", "under_18": "ben_under_18",
    "a18_29": "ben_18_29", "a30_44": "ben_30_44", "a45_59": "ben_45_59",
    "a60_plus": "ben_60_plus", "youth": "ben_youth", "disability": "ben_disability",
}
FIELD = "beneficiary_breakdown"

NEGATIVE = Message(
    kk="Пайда алушылар саны теріс болмауы керек ({what}).",
    ru="Число благополучателей не может быть отрицательным ({what}).",
)
SEX_OVER = Message(
    kk="Әйелдер мен ерлер бірге ({sum}) пайда алушылардың жалпы санынан ({total}) көп "
       "болмауы керек.",
    ru="Женщин и мужчин вместе ({sum}) не может быть больше, чем всех благополучателей "
       "({total}).",
)
AGE_OVER = Message(
    kk="Жас топтары бойынша барлығы ({sum}) пайда алушылардың жалпы санынан ({total}) көп "
       "болмауы керек.",
    ru="По возрастным группам вместе ({sum}) не может быть больше, чем всех "
       "благополучателей ({total}).",
)
YOUTH_OVER = Message(
    kk="Жастар (14–35 жас) саны ({sum}) пайда алушылардың жалпы санынан ({total}) көп "
       "болмауы керек.",
    ru="Молодёжи (14–35 лет) ({sum}) не может быть больше, чем всех благополучателей "
       "({total}).",
)
DISABILITY_OVER = Message(
    kk="Мүгедектігі бар адамдар саны ({sum}) пайда алушылардың жалпы санынан ({total}) "
       "көп болмауы керек.",
    ru="Людей с инвалидностью ({sum}) не может быть больше, чем всех благополучателей "
       "({total}).",
)


@dataclass(frozen=True)
class Breakdown:
    women: int | None = None
    men: int | None = None
    under_18: int | None = None
    a18_29: int | None = None
    a30_44: int | None = None
    a45_59: int | None = None
    a60_plus: int | None = None
    youth: int | None = None
    disability: int | None = None

    def values(self) -> dict[str, int | None]:
        return {f.name: getattr(self, f.name) for f in fields(self)}

    def stated(self) -> bool:
        return any(v is not None for v in self.values().values())


def _sum(b: Breakdown, names: tuple[str, ...]) -> int:
    return sum(getattr(b, n) or 0 for n in names)


def check_breakdown(total: int, b: Breakdown) -> list[ValidationError]:
    """Every way the breakdown disagrees with the total (empty when it agrees)."""
    errors: list[ValidationError] = []
    negative = [n for n, v in b.values().items() if v is not None and v < 0]
    if negative:
        errors.append(ValidationError("grant.breakdown_negative", NEGATIVE, field=FIELD,
                                      what=", ".join(negative)))
        return errors
    for names, message, code in (
        (SEX_FIELDS, SEX_OVER, "grant.breakdown_sex"),
        (AGE_FIELDS, AGE_OVER, "grant.breakdown_age"),
        (("youth",), YOUTH_OVER, "grant.breakdown_youth"),
        (("disability",), DISABILITY_OVER, "grant.breakdown_disability"),
    ):
        counted = _sum(b, names)
        if counted > total:
            errors.append(ValidationError(code, message, field=FIELD, sum=counted, total=total))
    return errors


def raise_if_wrong(total: int, b: Breakdown) -> None:
    errors = check_breakdown(total, b)
    if errors:
        raise ValidationErrors(list(errors))
