"""The center as the operator of personal data: what the consent form names.

Law of RK No. 94-V of 21.05.2013 «О персональных данных и их защите», art. 8 para. 4:
the consent names the operator with its business identification number (BIN). The
Russian text needs the center's name in the dative («даю согласие Центру …»), the
Kazakh one in the genitive («…орталығының … жинауына»); these forms cannot be derived
reliably from the nominative, so the center stores them. The term of consent is the
center's setting (no act fixes a number of years). The data go to one third party, the
programme's head office, through its synchronisation server: the form names it.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from civicdesk.db.models import Center
from civicdesk.domain.enums import Role
from civicdesk.domain.errors import Message, UserError
from civicdesk.domain.iin import validate_bin
from civicdesk.domain.text import normalize_kk
from civicdesk.domain.validation import Collector
from civicdesk.services.base import Context, record_change, require_role, snapshot, stamp_update

__all__ = [
    "MAX_TERM_YEARS",
    "OperatorDetails",
    "OperatorInput",
    "operator_details",
    "update_operator_details",
]

MAX_TERM_YEARS = 75

NAME_FORM_REQUIRED = Message(
    kk="Орталықтың атауын келісім нысаны талап ететін септікте жазыңыз.",
    ru="Укажите название центра в падеже, которого требует форма согласия.",
)
TOO_LONG = Message(
    kk="Мәтін тым ұзын ({max} таңбадан аспауы керек).",
    ru="Текст слишком длинный (не более {max} символов).",
)
BAD_TERM = Message(
    kk="Келісімнің мерзімі 1-ден {max} жылға дейін болуы керек.",
    ru="Срок согласия должен быть от 1 до {max} лет.",
)
NO_CENTER = Message(kk="Орталық табылмады.", ru="Центр не найден.")


@dataclass(frozen=True)
class OperatorDetails:
    name_kk: str
    name_ru: str
    bin: str
    #: «Центру развития …» — the Russian form after «даю согласие»; "" when not set.
    name_ru_dative: str
    #: «… орталығының» — the Kazakh form before «жинауына»; "" when not set.
    name_kk_genitive: str
    address: str
    phone: str
    consent_term_years: int
    #: The third party that receives the data: the head office (empty if unknown).
    head_office_kk: str
    head_office_ru: str


@dataclass(frozen=True)
class OperatorInput:
    bin: str
    name_ru_dative: str
    name_kk_genitive: str
    consent_term_years: int = 5


def _center(ctx: Context, s: Session) -> Center | None:
    center = s.get(Center, ctx.actor.center_id) if ctx.actor.center_id else None
    if center is None:
        center = s.scalars(select(Center).where(Center.is_head_office.is_(False)).limit(1)).first()
    return center


def operator_details(ctx: Context) -> OperatorDetails:
    """The center of the signed-in user as the consent form names it."""
    with ctx.db.session() as s:
        c = _center(ctx, s)
        head = s.scalars(select(Center).where(Center.is_head_office.is_(True)).limit(1)).first()
        if c is None:
            return OperatorDetails("", "", "", "", "", "", "", 5, "", "")
        return OperatorDetails(
            name_kk=c.name_kk, name_ru=c.name_ru, bin=c.bin or "",
            name_ru_dative=c.name_ru_dative or "", name_kk_genitive=c.name_kk_genitive or "",
            address=c.address or "", phone=c.phone or "",
            consent_term_years=c.consent_term_years or 5,
            head_office_kk=head.name_kk if head is not None and head.id != c.id else "",
            head_office_ru=head.name_ru if head is not None and head.id != c.id else "",
        )


def update_operator_details(ctx: Context, data: OperatorInput) -> OperatorDetails:
    """Store the BIN, the case forms of the name and the term of consent (manager or
    head office). Codes: those of :func:`~civicdesk.domain.iin.validate_bin` (``bin.*``,
    on the field ``bin``), ``operator.name_form``, ``operator.too_long``,
    ``operator.term``."""
    require_role(ctx.actor, Role.MANAGER, Role.HEAD_OFFICE)
    bin_ = "".join((data.bin or "").split())
    dative = normalize_kk(data.name_ru_dative or "")
    genitive = normalize_kk(data.name_kk_genitive or "")
    c = Collector()
    c.attempt(lambda: validate_bin(bin_, field="bin"))
    for value, field in ((dative, "name_ru_dative"), (genitive, "name_kk_genitive")):
        if not value:
            c.add("operator.name_form", NAME_FORM_REQUIRED, field=field)
        elif len(value) > 300:
            c.add("operator.too_long", TOO_LONG, field=field, max=300)
    term = data.consent_term_years
    if isinstance(term, bool) or not isinstance(term, int) or not 1 <= term <= MAX_TERM_YEARS:
        c.add("operator.term", BAD_TERM, field="consent_term_years", max=MAX_TERM_YEARS)
    c.raise_if_any()
    with ctx.db.session() as s:
        center = _center(ctx, s)
        if center is None:
            raise UserError("not_found", NO_CENTER)
        before = snapshot(center)
        center.bin, center.name_ru_dative, center.name_kk_genitive = bin_, dative, genitive
        center.consent_term_years = term
        stamp_update(ctx, center)
        record_change(ctx, s, "center", center, before)
    return operator_details(ctx)
