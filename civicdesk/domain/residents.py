"""Residents who come for advice: what must be recorded, and the consent to record it.

Law of RK No. 94-V of 21 May 2013 "On personal data and their protection": consent
names the purposes; the IIN is optional everywhere; no copies of ID documents.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from .enums import AgeGroup, Sex
from .errors import Message
from .iin import validate_iin
from .phone import normalize_phone
from .text import normalize_kk
from .validation import Collector

__all__ = [
    "CONSENT_FORM_VERSION",
    "CONSENT_PURPOSES",
    "MIN_BIRTH_YEAR",
    "CheckedPerson",
    "ValidatedResident",
    "age_group",
    "check_person",
    "short_name",
    "surname",
    "validate_resident",
]

# "2025-2": the form says what goes where (center, server, head office, exports)
CONSENT_FORM_VERSION = "2025-2"
MIN_BIRTH_YEAR = 1900
MAX_NAME_LENGTH = 200

CONSENT_PURPOSES: dict[str, Message] = {
    "consultation": Message(
        kk="Кеңес беру туралы жазба жүргізу",
        ru="Ведение записи о консультации",
    ),
    "follow_up": Message(
        kk="Қосымша кеңес беру үшін хабарласу",
        ru="Связь для повторной консультации",
    ),
    "statistics": Message(
        kk="Бас кеңсеге берілетін жинақталған статистика",
        ru="Обобщённая статистика для головного офиса",
    ),
    "events": Message(
        kk="Семинарларға және гранттық конкурстарға қатысу",
        ru="Участие в семинарах и грантовых конкурсах",
    ),
}


def age_group(birth_year: int, on: date) -> AgeGroup:
    """Age group by birth year only (age = year difference, as the birth day is unknown)."""
    age = on.year - birth_year
    if age < 18:
        return AgeGroup.UNDER_18
    if age < 30:
        return AgeGroup.A18_29
    if age < 45:
        return AgeGroup.A30_44
    if age < 60:
        return AgeGroup.A45_59
    return AgeGroup.A60_PLUS


@dataclass(frozen=True)
class ValidatedResident:
    full_name: str
    iin: str | None
    sex: Sex | None
    birth_year: int | None
    age_group: AgeGroup | None
    phone: str | None
    consent_date: date
    consent_purposes: tuple[str, ...]
    consent_form_version: str = CONSENT_FORM_VERSION


#: endings that mark a word of a full name as the surname (Kazakh and Russian forms)
_SURNAME_ENDINGS = ("ов", "ова", "ев", "ева", "ёв", "ёва", "ский", "ская", "цкий", "цкая",
                    "енко")


def _surname_at(words: list[str]) -> int:
    """Which word of a full name is the surname: the first with a surname ending
    (-ов, -ева, -ский, ...); without one, the last word of a two-word name (given name
    first, as the forms ask) or the first word of a longer one (surname, given name,
    patronymic)."""
    for i, w in enumerate(words):
        low = w.casefold()
        if len(low) > 3 and low.endswith(_SURNAME_ENDINGS):
            return i
    return len(words) - 1 if len(words) == 2 else 0


def short_name(full_name: str) -> str:
    """The surname in full and the other names as initials, in the order they are
    written: «Жандос Құдайбергенов» -> «Ж. Құдайбергенов», «Құдайбергенов Жандос
    Серікұлы» -> «Құдайбергенов Ж. С.». For a list column too narrow for the whole name:
    the surname is what tells people apart, so it is the part never cut."""
    words = full_name.split()
    if len(words) < 2:
        return " ".join(words)
    keep = _surname_at(words)
    return " ".join(w if i == keep else f"{w[0]}." for i, w in enumerate(words))


def surname(full_name: str) -> str:
    """The surname alone (see :func:`short_name` for how it is found)."""
    words = full_name.split()
    return words[_surname_at(words)] if words else ""


def _blank(value: str | None) -> bool:
    return value is None or not value.strip()


@dataclass(frozen=True)
class CheckedPerson:
    """What :func:`check_person` made of a person's card (sex and birth year read from
    the IIN where they were left empty)."""

    full_name: str
    iin: str | None
    sex: Sex | None
    birth_year: int | None
    phone: str | None


def check_person(
    c: Collector,
    kind: str,
    full_name: str,
    iin: str | None,
    sex: Sex | None,
    birth_year: int | None,
    phone: str | None,
    consent_date: date | None,
    *,
    today: date,
    name_required: Message,
    consent_required: Message,
) -> CheckedPerson:
    """The checks every person's card gets, residents and volunteers alike: name, birth
    year, IIN with its sex and birth year, phone, consent date. Errors go to ``c`` with
    codes ``<kind>.name_required``, ``<kind>.name_length``, ``<kind>.birth_year``,
    ``iin.*``, ``<kind>.iin_sex_mismatch``, ``<kind>.iin_year_mismatch``,
    ``phone.invalid``, ``<kind>.consent_required``, ``<kind>.consent_future``; the
    purposes of consent differ by kind and are the caller's to check."""
    name = normalize_kk(full_name or "")
    name = " ".join(name.split())
    if not name:
        c.add(f"{kind}.name_required", name_required, field="full_name")
    elif len(name) > MAX_NAME_LENGTH:
        c.add(
            f"{kind}.name_length",
            Message(
                kk="Аты-жөні тым ұзын ({max} таңбадан аспауы керек)",
                ru="ФИО слишком длинное (не более {max} символов)",
            ),
            field="full_name",
            max=MAX_NAME_LENGTH,
        )

    if birth_year is not None and not MIN_BIRTH_YEAR <= birth_year <= today.year:
        c.add(
            f"{kind}.birth_year",
            Message(
                kk="Туған жылы {min} және {max} аралығында болуы керек",
                ru="Год рождения должен быть от {min} до {max}",
            ),
            field="birth_year",
            min=MIN_BIRTH_YEAR,
            max=today.year,
        )

    clean_iin: str | None = None
    if not _blank(iin):
        assert iin is not None
        info = c.attempt(lambda: validate_iin(iin, today=today))
        if info is not None:
            clean_iin = info.iin
            if sex is None:
                sex = info.sex
            elif sex != info.sex:
                c.add(
                    f"{kind}.iin_sex_mismatch",
                    Message(
                        kk="Көрсетілген жыныс ЖСН-ге сәйкес келмейді",
                        ru="Указанный пол не совпадает с ИИН",
                    ),
                    field="sex",
                )
            if birth_year is None:
                birth_year = info.birth_date.year
            elif birth_year != info.birth_date.year and not c.has("birth_year"):
                c.add(
                    f"{kind}.iin_year_mismatch",
                    Message(
                        kk="Туған жылы ЖСН-ге сәйкес келмейді (ЖСН бойынша: {year})",
                        ru="Год рождения не совпадает с ИИН (по ИИН: {year})",
                    ),
                    field="birth_year",
                    year=info.birth_date.year,
                )

    clean_phone: str | None = None
    if not _blank(phone):
        assert phone is not None
        clean_phone = c.attempt(lambda: normalize_phone(phone))

    if consent_date is None:
        c.add(f"{kind}.consent_required", consent_required, field="consent_date")
    elif consent_date > today:
        c.add(
            f"{kind}.consent_future",
            Message(
                kk="Келісім күні болашақта болмауы керек",
                ru="Дата согласия не может быть в будущем",
            ),
            field="consent_date",
        )
    return CheckedPerson(name, clean_iin, sex, birth_year, clean_phone)


def validate_resident(
    full_name: str,
    iin: str | None,
    sex: Sex | None,
    birth_year: int | None,
    phone: str | None,
    consent_date: date | None,
    consent_purposes: Iterable[str],
    *,
    today: date | None = None,
) -> ValidatedResident:
    """Check a resident card; raises ``ValidationErrors`` listing every wrong field.

    Sex and birth year may be left empty when the IIN is given: they are read from it.
    Codes: ``resident.name_required``, ``resident.name_length``, ``iin.*``,
    ``resident.iin_sex_mismatch``, ``resident.iin_year_mismatch``, ``resident.birth_year``,
    ``phone.invalid``, ``resident.consent_required``, ``resident.consent_future``,
    ``resident.consent_purposes``.
    """
    today = today or date.today()
    c = Collector()
    person = check_person(
        c, "resident", full_name, iin, sex, birth_year, phone, consent_date, today=today,
        name_required=Message(kk="Тұрғынның аты-жөнін енгізіңіз", ru="Укажите ФИО жителя"),
        consent_required=Message(
            kk="Дербес деректерді өңдеуге келісім күнін көрсетіңіз: келісімсіз тұрғынды тіркеуге болмайды",
            ru="Укажите дату согласия на обработку персональных данных: без согласия жителя записывать нельзя",
        ),
    )

    purposes: list[str] = []
    for p in consent_purposes:
        if p not in purposes:
            purposes.append(p)
    unknown = [p for p in purposes if p not in CONSENT_PURPOSES]
    if not purposes or unknown:
        c.add(
            "resident.consent_purposes",
            Message(
                kk="Келісімнің кемінде бір мақсатын тізімнен таңдаңыз",
                ru="Выберите из списка хотя бы одну цель согласия",
            ),
            field="consent_purposes",
        )

    c.raise_if_any()
    assert consent_date is not None
    return ValidatedResident(
        full_name=person.full_name,
        iin=person.iin,
        sex=person.sex,
        birth_year=person.birth_year,
        age_group=None if person.birth_year is None else age_group(person.birth_year, today),
        phone=person.phone,
        consent_date=consent_date,
        consent_purposes=tuple(purposes),
    )
