"""KATO codes (administrative-territorial objects classifier): 9 digits.

Region (2), district or city administration (2), rural district or city of district
significance (2), settlement (3). Regions as of 8 June 2022: 17 regions and 3 cities
of republican significance.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from .errors import Message, ValidationError

__all__ = ["CITY_REGIONS", "REFERENCE_OWNER", "REGIONS", "KatoParts", "kato_level", "reference_id",
           "validate_kato"]

#: the owner (center id) of reference data: head office's classifier, on every node
REFERENCE_OWNER = "00000000-0000-0000-0000-000000000000"
_NS = uuid.UUID("5d0c2f1e-8f4b-4b7e-9d59-0c1d2b3a4e5f")


def reference_id(table: str, code: str) -> str:
    """The id of a reference row on every node (uuid5 of table and code), so a row
    shipped with the app and the same row imported at head office are one record."""
    return str(uuid.uuid5(_NS, f"{table}:{code}"))


#: the cities of republican significance (Astana, Almaty, Shymkent): their districts are
#: coded RRDD10000 in the classifier (e.g. 711110000, Astana's Алматы ауданы)
CITY_REGIONS = frozenset({"71", "75", "79"})


def kato_level(code: str) -> str:
    """Which level a 9-digit code names: ``region`` (RR0000000), ``district`` (a district
    or a city administration, RRDD00000; in the three cities of republican significance
    a city district, RRDD10000), ``rural`` (a rural district or a town of district
    significance, RRDDEE000) or ``settlement``."""
    if code[2:] == "0000000":
        return "region"
    if code[4:] == "00000":
        return "district"
    if code[:2] in CITY_REGIONS and code[4:] == "10000":
        return "district"
    if code[6:] == "000":
        return "rural"
    return "settlement"

REGIONS: dict[str, Message] = {
    "10": Message(kk="Абай облысы", ru="область Абай"),
    "11": Message(kk="Ақмола облысы", ru="Акмолинская область"),
    "15": Message(kk="Ақтөбе облысы", ru="Актюбинская область"),
    "19": Message(kk="Алматы облысы", ru="Алматинская область"),
    "23": Message(kk="Атырау облысы", ru="Атырауская область"),
    "27": Message(kk="Батыс Қазақстан облысы", ru="Западно-Казахстанская область"),
    "31": Message(kk="Жамбыл облысы", ru="Жамбылская область"),
    "33": Message(kk="Жетісу облысы", ru="область Жетісу"),
    "35": Message(kk="Қарағанды облысы", ru="Карагандинская область"),
    "39": Message(kk="Қостанай облысы", ru="Костанайская область"),
    "43": Message(kk="Қызылорда облысы", ru="Кызылординская область"),
    "47": Message(kk="Маңғыстау облысы", ru="Мангистауская область"),
    "55": Message(kk="Павлодар облысы", ru="Павлодарская область"),
    "59": Message(kk="Солтүстік Қазақстан облысы", ru="Северо-Казахстанская область"),
    "61": Message(kk="Түркістан облысы", ru="Туркестанская область"),
    "62": Message(kk="Ұлытау облысы", ru="область Ұлытау"),
    "63": Message(kk="Шығыс Қазақстан облысы", ru="Восточно-Казахстанская область"),
    "71": Message(kk="Астана қаласы", ru="город Астана"),
    "75": Message(kk="Алматы қаласы", ru="город Алматы"),
    "79": Message(kk="Шымкент қаласы", ru="город Шымкент"),
}

CITIES = frozenset({"71", "75", "79"})


@dataclass(frozen=True)
class KatoParts:
    region: str
    district: str
    rural: str
    settlement: str

    @property
    def code(self) -> str:
        return f"{self.region}{self.district}{self.rural}{self.settlement}"

    @property
    def region_name(self) -> Message:
        return REGIONS[self.region]

    @property
    def district_code(self) -> str:
        """The code of the district this object lies in (``RRDD00000``)."""
        return f"{self.region}{self.district}00000"

    @property
    def rural_code(self) -> str:
        """The code of the rural district this object lies in."""
        return f"{self.region}{self.district}{self.rural}000"


def validate_kato(code: str, *, field: str = "kato") -> KatoParts:
    """Split a 9-digit KATO code; spaces are ignored. Codes ``kato.invalid``, ``kato.region``."""
    clean = "".join(code.split())
    if len(clean) != 9 or not (clean.isascii() and clean.isdigit()):
        raise ValidationError(
            "kato.invalid",
            Message(
                kk="ӘАОЖ (КАТО) коды 9 цифрдан тұруы керек",
                ru="Код КАТО должен состоять из 9 цифр",
            ),
            field=field,
        )
    if clean[:2] not in REGIONS:
        raise ValidationError(
            "kato.region",
            Message(
                kk="ӘАОЖ (КАТО) кодының алғашқы екі цифры белгілі облысқа сәйкес келмейді: {region}",
                ru="Первые две цифры кода КАТО не соответствуют известной области: {region}",
            ),
            field=field,
            region=clean[:2],
        )
    return KatoParts(clean[:2], clean[2:4], clean[4:6], clean[6:9])
