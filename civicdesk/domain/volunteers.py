"""Volunteers and aid: what a volunteer card needs, the consent to keep it, and the
rules for assignments and aid actions.

The same personal-data rules as residents (Law of RK No. 94-V of 21 May 2013 "On
personal data and their protection", see docs/sources.md): consent names its purposes,
nothing is ticked for the person, the IIN is optional; a withdrawn consent stops new
assignments, and the record can be erased on request keeping anonymous hours.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from .enums import AgeGroup, Sex
from .errors import Message
from .residents import age_group, check_person
from .validation import Collector

__all__ = [
    "AID_FORMS",
    "ASSIGNMENT_KINDS",
    "MAX_HOURS",
    "ORG_KINDS",
    "VOLUNTEER_CONSENT_PURPOSES",
    "VOLUNTEER_FORM_VERSION",
    "ValidatedVolunteer",
    "consent_valid",
    "validate_aid",
    "validate_assignment",
    "validate_volunteer",
]

VOLUNTEER_FORM_VERSION = "2026-1"
MAX_HOURS = Decimal(24)
MAX_HOUSEHOLDS = 100_000
MAX_AMOUNT = Decimal("1000000000")

#: purposes a volunteer may consent to; "register" is needed to be on the list at all,
#: "network" to be sent to the national volunteer network (docs/volunteers.md)
VOLUNTEER_CONSENT_PURPOSES: dict[str, Message] = {
    "register": Message(
        kk="Еріктілер тізілімін жүргізу және тапсырмалар беру",
        ru="Ведение реестра волонтёров и поручения",
    ),
    "contact": Message(
        kk="Телефон арқылы хабарласу",
        ru="Связь по телефону",
    ),
    "statistics": Message(
        kk="Бас кеңсеге берілетін жинақталған статистика (атаусыз)",
        ru="Обобщённая статистика для головного офиса (без имён)",
    ),
    "network": Message(
        kk="Ұлттық еріктілер желісіне деректерді беру",
        ru="Передача данных в национальную сеть волонтёров",
    ),
}

ASSIGNMENT_KINDS: dict[str, Message] = {
    "booklets": Message(kk="Кітапша тарату", ru="Раздача буклетов"),
    "aid": Message(kk="Көмек жеткізу", ru="Доставка помощи"),
    "survey": Message(kk="Сауалнама жүргізу", ru="Проведение опроса"),
    "seminar": Message(kk="Семинарға көмек", ru="Помощь на семинаре"),
    "other": Message(kk="Басқа", ru="Другое"),
}

#: what kind of organisation asks for volunteers
ORG_KINDS: dict[str, Message] = {
    "school": Message(kk="Мектеп", ru="Школа"),
    "akimat": Message(kk="Әкімдік", ru="Акимат"),
    "clinic": Message(kk="Емхана", ru="Поликлиника"),
    "ngo": Message(kk="ҮЕҰ", ru="НПО"),
    "other": Message(kk="Басқа", ru="Другое"),
}

#: an aid action is money (an amount in tenge) or in kind (a quantity with its unit,
#: and optionally its value in tenge)
AID_FORMS: dict[str, Message] = {
    "money": Message(kk="Ақшалай", ru="Деньгами"),
    "kind": Message(kk="Заттай", ru="В натуральной форме"),
}

M = Message
NAME = M("Еріктінің аты-жөнін енгізіңіз", "Укажите ФИО волонтёра")
CONSENT_DATE = M(
    "Дербес деректерді өңдеуге келісім күнін көрсетіңіз: келісімсіз еріктіні тіркеуге болмайды",
    "Укажите дату согласия на обработку персональных данных: без согласия волонтёра "
    "записывать нельзя",
)
CONSENT_REGISTER = M(
    "Келісімде «Еріктілер тізілімін жүргізу» мақсаты белгіленуі керек (тізімнен таңдаңыз)",
    "В согласии должна быть отмечена цель «Ведение реестра волонтёров» (выберите из списка)",
)
KIND = M("Тапсырма түрін тізімнен таңдаңыз", "Выберите вид поручения из списка")
HOURS = M("Сағат саны 0-ден жоғары және {max}-тен аспауы керек (мысалы 2,5)",
          "Число часов должно быть больше 0 и не больше {max} (например 2,5)")
DATE_FUTURE = M("Күні болашақта болмауы керек", "Дата не может быть в будущем")
TITLE = M("Көмектің не екенін жазыңыз", "Укажите, какая помощь оказана")
FORM = M("Көмек түрін таңдаңыз: ақшалай немесе заттай", "Выберите форму помощи: деньгами или "
         "в натуральной форме")
AMOUNT = M("Сомасы 0-ден {max} ₸-ге дейінгі сан болуы керек",
           "Сумма должна быть числом от 0 до {max} ₸")
MONEY_AMOUNT = M("Ақшалай көмектің сомасын ₸-мен көрсетіңіз", "Укажите сумму денежной помощи в ₸")
QUANTITY = M("Заттай көмектің мөлшері мен өлшем бірлігін көрсетіңіз (мысалы 3 тонна)",
             "Укажите количество и единицу натуральной помощи (например 3 тонны)")
HOUSEHOLDS = M("Көмек алған үй шаруашылықтарының саны 0-ден {max}-ға дейін болуы керек",
               "Число семей, получивших помощь, должно быть от 0 до {max}")


def consent_valid(consent_date: date | None, purposes: Iterable[str],
                  withdrawn_on: date | None, on: date) -> bool:
    """Whether a volunteer may be given work on ``on``: consent given by then for the
    register, and not withdrawn on or before that day."""
    if consent_date is None or consent_date > on or "register" not in set(purposes):
        return False
    return withdrawn_on is None or withdrawn_on > on


@dataclass(frozen=True)
class ValidatedVolunteer:
    full_name: str
    iin: str | None
    sex: Sex | None
    birth_year: int | None
    age_group: AgeGroup | None
    phone: str | None
    consent_date: date
    consent_purposes: tuple[str, ...]


def validate_volunteer(
    full_name: str, iin: str | None, sex: Sex | None, birth_year: int | None,
    phone: str | None, consent_date: date | None, consent_purposes: Iterable[str],
    *, today: date,
) -> ValidatedVolunteer:
    """Check a volunteer card; raises ``ValidationErrors`` listing every wrong field.

    A volunteer's card gets every check a resident's does (``residents.check_person``:
    name, birth year, IIN with its sex and birth year, phone, consent date), with codes
    ``volunteer.*``; the purposes must include the register."""
    c = Collector()
    person = check_person(c, "volunteer", full_name, iin, sex, birth_year, phone,
                          consent_date, today=today, name_required=NAME,
                          consent_required=CONSENT_DATE)
    purposes: list[str] = []
    for p in consent_purposes:
        if p not in purposes:
            purposes.append(p)
    if "register" not in purposes or any(p not in VOLUNTEER_CONSENT_PURPOSES for p in purposes):
        c.add("volunteer.consent_purposes", CONSENT_REGISTER, field="consent_purposes")
    c.raise_if_any()
    assert consent_date is not None
    year = person.birth_year
    return ValidatedVolunteer(
        full_name=person.full_name, iin=person.iin, sex=person.sex, birth_year=year,
        age_group=None if year is None else age_group(year, today),
        phone=person.phone, consent_date=consent_date, consent_purposes=tuple(purposes),
    )


def parse_decimal(value: str | Decimal | int | None) -> Decimal | None:
    """``2,5`` or ``2.5`` or ``1 500`` as a Decimal; None for empty or not a number."""
    if value is None:
        return None
    if isinstance(value, Decimal | int):
        return Decimal(value)
    text = value.replace("\u00a0", "").replace(" ", "").replace(",", ".").strip()
    if not text:
        return None
    try:
        out = Decimal(text)
    except InvalidOperation:
        return None
    return out if out.is_finite() else None


def validate_assignment(kind: str, done_on: date | None, hours: Decimal | None,
                        *, today: date) -> Decimal:
    """Check an assignment's kind, date and hours; returns hours to 0.01."""
    c = Collector()
    if kind not in ASSIGNMENT_KINDS:
        c.add("assignment.kind", KIND, field="kind")
    if done_on is not None and done_on > today:
        c.add("assignment.date_future", DATE_FUTURE, field="done_on")
    if hours is None or not Decimal(0) < hours <= MAX_HOURS:
        c.add("assignment.hours", HOURS, field="hours", max=MAX_HOURS)
    c.raise_if_any()
    assert hours is not None
    return hours.quantize(Decimal("0.01"))


@dataclass(frozen=True)
class ValidatedAid:
    title: str
    form: str
    amount: Decimal | None
    quantity: Decimal | None
    unit: str
    households: int


def validate_aid(title: str, form: str, amount: Decimal | None, quantity: Decimal | None,
                 unit: str, households: int, done_on: date, *, today: date) -> ValidatedAid:
    """Money needs its amount; in kind needs a quantity and unit (its value in ₸ is
    optional, used for the "aid value" statistic)."""
    c = Collector()
    clean = " ".join((title or "").split())
    if not clean:
        c.add("aid.title", TITLE, field="title")
    if form not in AID_FORMS:
        c.add("aid.form", FORM, field="form")
    if amount is not None and not Decimal(0) <= amount <= MAX_AMOUNT:
        c.add("aid.amount", AMOUNT, field="amount", max=MAX_AMOUNT)
    elif form == "money" and not amount:
        c.add("aid.money_amount", MONEY_AMOUNT, field="amount")
    unit = (unit or "").strip()
    if form == "kind" and (quantity is None or quantity <= 0 or not unit):
        c.add("aid.quantity", QUANTITY, field="quantity")
    if not 0 <= households <= MAX_HOUSEHOLDS:
        c.add("aid.households", HOUSEHOLDS, field="households", max=MAX_HOUSEHOLDS)
    if done_on > today:
        c.add("aid.date_future", DATE_FUTURE, field="done_on")
    c.raise_if_any()
    return ValidatedAid(clean, form, amount, quantity if form == "kind" else None,
                        unit if form == "kind" else "", households)
