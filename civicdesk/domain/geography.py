"""The shipped map reference: district outlines and places with coordinates.

``resources/reference/map_data.json`` is made by ``scripts/build_map_data.py`` from two
open data sets (docs/sources.md, «map_data.json»): the district outlines of the geokz
package (CC BY 4.0) and GeoNames places (CC BY 4.0). It is read only when a poster, a
GeoJSON export or a coordinate fill needs it, and then kept for the process.

A settlement gets a place's coordinates only when the place lies in the settlement's own
district (by the outline, when the data was built) and exactly one place of that district
bears the settlement's Kazakh or Russian name once the kind of settlement («ауылы»,
«село», «с.», …) is set aside. Anything less certain is left for a person to enter.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from civicdesk.paths import resources_dir

__all__ = ["OUTLINE_CREDIT", "PLACES_CREDIT", "MapData", "Place", "fold_place_name", "inside_outline",
           "load_map_data"]

Ring = tuple[tuple[float, float], ...]  # (lat, lon) pairs

#: the credit each licence asks for, printed under a poster that uses the data
OUTLINE_CREDIT = ("Аудан шекарасы: geokz (A. Rodionov), CC BY 4.0",
                  "Граница района: geokz (A. Rodionov), CC BY 4.0")
PLACES_CREDIT = ("Елді мекендердің координаттары: GeoNames, CC BY 4.0",
                 "Координаты населённых пунктов: GeoNames, CC BY 4.0")

_KIND = re.compile(
    r"(?:^|(?<=\s))(?:ауылы|ауыл|кенті|кент|қаласы|қала|селосы|село|поселок|посёлок|"
    r"пос\.|город|аул|станция|разъезд|с\.|п\.|г\.|а\.)(?=\s|$)|"
    r"(?:^|(?<=\s))(?:с|п|г|а)\.(?=\S)")
_KK_TO_RU = str.maketrans("әғқңөұүһі", "агкноуухи")


def fold_place_name(name: str) -> str:
    """A place name reduced for comparison: lower case, ё as е, without the kind of
    settlement, Kazakh letters as their nearest Russian ones and hyphens as spaces
    («Бақанас ауылы», «село Баканас» and «с.Баканас» all give «баканас»)."""
    text = name.casefold().replace("ё", "е").replace("-", " ")
    text = _KIND.sub(" ", text)
    return " ".join(text.translate(_KK_TO_RU).split())


@dataclass(frozen=True)
class Place:
    district_kato: str
    names: tuple[str, ...]
    lat: float
    lon: float
    geonameid: int


def _ring_contains(lat: float, lon: float, ring: Ring) -> bool:
    hit = False
    n = len(ring)
    for i in range(n):
        (y0, x0), (y1, x1) = ring[i], ring[(i + 1) % n]
        if (y0 > lat) != (y1 > lat) and lon < (x1 - x0) * (lat - y0) / (y1 - y0) + x0:
            hit = not hit
    return hit


def inside_outline(lat: float, lon: float, outline: tuple[Ring, ...]) -> bool:
    """Whether the point lies inside one of the outline's rings."""
    return any(_ring_contains(lat, lon, ring) for ring in outline)


@dataclass(frozen=True)
class MapData:
    outlines: dict[str, tuple[Ring, ...]]  # district KATO (4 digits) -> rings of (lat, lon)
    places: tuple[Place, ...]
    centres: dict[str, Place]  # district KATO -> its administrative centre, where known
    sources: dict[str, str]

    def outline(self, district_kato: str | None) -> tuple[Ring, ...]:
        return self.outlines.get(district_kato or "", ())

    def find(self, district_kato: str | None, *names: str) -> Place | None:
        """The one place of the district that bears one of these names, else None."""
        wanted = {fold_place_name(n) for n in names if n and n.strip()} - {""}
        if not district_kato or not wanted:
            return None
        found = [p for p in self.places if p.district_kato == district_kato
                 and wanted & {fold_place_name(n) for n in p.names}]
        return found[0] if len(found) == 1 else None

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> MapData:
        outlines = {
            code: tuple(tuple((float(lat), float(lon)) for lon, lat in ring)
                        for ring in d["outline"])
            for code, d in data.get("districts", {}).items()}
        places = tuple(Place(p["district"], tuple(p["names"]), float(p["lat"]),
                             float(p["lon"]), int(p["geonameid"]))
                       for p in data.get("places", []))
        centres = {code: places[int(i)] for code, i in data.get("centres", {}).items()}
        return cls(outlines, places, centres, dict(data.get("sources", {})))


EMPTY = MapData({}, (), {}, {})


@lru_cache(maxsize=4)
def _load(path: Path) -> MapData:
    if not path.exists():
        return EMPTY
    return MapData.from_json(json.loads(path.read_text(encoding="utf-8")))


def load_map_data(folder: Path | None = None) -> MapData:
    """The shipped map data (empty when the file is absent), read once per process."""
    return _load((folder or resources_dir() / "reference") / "map_data.json")
