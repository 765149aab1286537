"""IIN (ЖСН / ИИН) and BIN (БСН / БИН): 12-digit identifiers with a check digit.

IIN: YYMMDD birth date, a digit for century and sex (1/2 = 1800s male/female,
3/4 = 1900s, 5/6 = 2000s), four serial digits, a check digit.
BIN: YYMM of registration, entity type (4/5/6), marker (0-3), five serial digits,
a check digit.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .enums import Sex
from .errors import Message, ValidationError

__all__ = [
    "BIN_ENTITY_TYPES",
    "BIN_MARKERS",
    "BinInfo",
    "IinInfo",
    "iin_check_digit",
    "make_iin",
    "validate_bin",
    "validate_iin",
]

_WEIGHTS_1 = (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11)
_WEIGHTS_2 = (3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2)

# Seventh IIN digit -> (first year of the century, sex).
_CENTURY_SEX: dict[str, tuple[int, Sex]] = {
    "1": (1800, Sex.MALE),
    "2": (1800, Sex.FEMALE),
    "3": (1900, Sex.MALE),
    "4": (1900, Sex.FEMALE),
    "5": (2000, Sex.MALE),
    "6": (2000, Sex.FEMALE),
}

BIN_ENTITY_TYPES: dict[str, Message] = {
    "4": Message(kk="резидент заңды тұлға", ru="юридическое лицо-резидент"),
    "5": Message(kk="бейрезидент заңды тұлға", ru="юридическое лицо-нерезидент"),
    "6": Message(
        kk="бірлескен кәсіпкерлік түріндегі жеке кәсіпкер",
        ru="индивидуальный предприниматель в форме совместного предпринимательства",
    ),
}

BIN_MARKERS: dict[str, Message] = {
    "0": Message(kk="бас ұйым", ru="головная организация"),
    "1": Message(kk="филиал", ru="филиал"),
    "2": Message(kk="өкілдік", ru="представительство"),
    "3": Message(kk="шаруа (фермер) қожалығы", ru="крестьянское (фермерское) хозяйство"),
}


def iin_check_digit(first11: str) -> int | None:
    """Check digit for the first 11 digits, or ``None`` if no number can end them.

    Raises ``ValueError`` if ``first11`` is not exactly 11 ASCII digits.
    """
    if len(first11) != 11 or not _is_ascii_digits(first11):
        raise ValueError("expected 11 digits")
    digits = [int(c) for c in first11]
    for weights in (_WEIGHTS_1, _WEIGHTS_2):
        check = sum(d * w for d, w in zip(digits, weights, strict=True)) % 11
        if check != 10:
            return check
    return None


def _is_ascii_digits(value: str) -> bool:
    return value.isascii() and value.isdigit()


def _clean(value: str) -> str:
    return "".join(value.split())


@dataclass(frozen=True)
class IinInfo:
    iin: str
    birth_date: date
    sex: Sex


def validate_iin(value: str, *, today: date | None = None, field: str = "iin") -> IinInfo:
    """Check an IIN and read the birth date and sex from it.

    Spaces are ignored. Raises ``ValidationError`` with one of the codes
    ``iin.digits``, ``iin.length``, ``iin.century``, ``iin.date``, ``iin.future``,
    ``iin.checksum``.
    """
    iin = _clean(value)
    if iin and not _is_ascii_digits(iin):
        raise ValidationError(
            "iin.digits",
            Message(
                kk="ЖСН тек цифрлардан тұруы керек",
                ru="ИИН должен содержать только цифры",
            ),
            field=field,
        )
    if len(iin) != 12:
        raise ValidationError(
            "iin.length",
            Message(
                kk="ЖСН 12 цифрдан тұруы керек (енгізілгені: {count})",
                ru="ИИН должен состоять из 12 цифр (введено: {count})",
            ),
            field=field,
            count=len(iin),
        )
    century_sex = _CENTURY_SEX.get(iin[6])
    if century_sex is None:
        raise ValidationError(
            "iin.century",
            Message(
                kk="ЖСН-нің жетінші цифры 1-ден 6-ға дейін болуы керек (ол ғасыр мен жынысты білдіреді)",
                ru="Седьмая цифра ИИН должна быть от 1 до 6 (она означает век и пол)",
            ),
            field=field,
        )
    century, sex = century_sex
    try:
        birth = date(century + int(iin[0:2]), int(iin[2:4]), int(iin[4:6]))
    except ValueError:
        raise ValidationError(
            "iin.date",
            Message(
                kk="ЖСН-нің алғашқы алты цифры дұрыс туған күнді көрсетпейді",
                ru="Первые шесть цифр ИИН не образуют правильную дату рождения",
            ),
            field=field,
        ) from None
    if birth > (today or date.today()):
        raise ValidationError(
            "iin.future",
            Message(
                kk="ЖСН бойынша туған күн болашақта: {date}",
                ru="Дата рождения по ИИН в будущем: {date}",
            ),
            field=field,
            date=birth.strftime("%d.%m.%Y"),
        )
    if iin_check_digit(iin[:11]) != int(iin[11]):
        raise ValidationError(
            "iin.checksum",
            Message(
                kk="ЖСН-нің бақылау цифры сәйкес келмейді: нөмірді тексеріңіз",
                ru="Контрольная цифра ИИН не сходится: проверьте номер",
            ),
            field=field,
        )
    return IinInfo(iin=iin, birth_date=birth, sex=sex)


def make_iin(birth_date: date, sex: Sex, serial: int) -> str | None:
    """Build a valid IIN, or ``None`` if these digits admit no check digit.

    ``serial`` is 0..9999. Only for tests and demo data: never real people.
    """
    if not 0 <= serial <= 9999:
        raise ValueError("serial must be 0..9999")
    base = {1800: 1, 1900: 3, 2000: 5}.get(birth_date.year // 100 * 100)
    if base is None:
        raise ValueError("birth year must be 1800..2099")
    code = base + (0 if sex is Sex.MALE else 1)
    # not strftime("%y"): Windows' C library refuses years before 1900
    yymmdd = f"{birth_date.year % 100:02d}{birth_date.month:02d}{birth_date.day:02d}"
    first11 = f"{yymmdd}{code}{serial:04d}"
    check = iin_check_digit(first11)
    return None if check is None else f"{first11}{check}"


@dataclass(frozen=True)
class BinInfo:
    bin: str
    year: int
    month: int
    entity_type: str
    marker: str


def validate_bin(value: str, *, today: date | None = None, field: str = "bin") -> BinInfo:
    """Check a BIN. ``year`` is the full registration year (19YY or 20YY).

    Codes: ``bin.digits``, ``bin.length``, ``bin.month``, ``bin.type``, ``bin.checksum``.
    """
    bin_ = _clean(value)
    if bin_ and not _is_ascii_digits(bin_):
        raise ValidationError(
            "bin.digits",
            Message(
                kk="БСН тек цифрлардан тұруы керек",
                ru="БИН должен содержать только цифры",
            ),
            field=field,
        )
    if len(bin_) != 12:
        raise ValidationError(
            "bin.length",
            Message(
                kk="БСН 12 цифрдан тұруы керек (енгізілгені: {count})",
                ru="БИН должен состоять из 12 цифр (введено: {count})",
            ),
            field=field,
            count=len(bin_),
        )
    month = int(bin_[2:4])
    if not 1 <= month <= 12:
        raise ValidationError(
            "bin.month",
            Message(
                kk="БСН-нің үшінші және төртінші цифрлары тіркелген айды білдіреді (01-ден 12-ге дейін)",
                ru="Третья и четвёртая цифры БИН означают месяц регистрации (от 01 до 12)",
            ),
            field=field,
        )
    if bin_[4] not in BIN_ENTITY_TYPES:
        raise ValidationError(
            "bin.type",
            Message(
                kk="БСН-нің бесінші цифры заңды тұлғаның түрін білдіреді: 4, 5 немесе 6",
                ru="Пятая цифра БИН означает тип юридического лица: 4, 5 или 6",
            ),
            field=field,
        )
    if bin_[5] not in BIN_MARKERS:
        raise ValidationError(
            "bin.marker",
            Message(
                kk="БСН-нің алтыншы цифры 0, 1, 2 немесе 3 болуы керек",
                ru="Шестая цифра БИН должна быть 0, 1, 2 или 3",
            ),
            field=field,
        )
    if iin_check_digit(bin_[:11]) != int(bin_[11]):
        raise ValidationError(
            "bin.checksum",
            Message(
                kk="БСН-нің бақылау цифры сәйкес келмейді: нөмірді тексеріңіз",
                ru="Контрольная цифра БИН не сходится: проверьте номер",
            ),
            field=field,
        )
    yy = int(bin_[:2])
    this_year = (today or date.today()).year
    year = 2000 + yy if 2000 + yy <= this_year else 1900 + yy
    return BinInfo(bin=bin_, year=year, month=month, entity_type=bin_[4], marker=bin_[5])
