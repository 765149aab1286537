"""``civicdesk-server import-kato FILE``: load the official KATO classifier at head office.

The statistics bureau (stat.gov.kz) publishes the classifier of administrative-territorial
objects (KATO) as an Excel workbook. Its rows have these columns, in this order
(docs/sources.md, "The KATO classifier file"):

    te        the 9-digit code RRDDEEHHH
    ab        region part (RR)        cd   district / city administration part (DD)
    ef        rural district part (EE) hij settlement part (HHH)
    k         a level/type mark of the bureau (not used here)
    name_kaz  official Kazakh name     name_rus  official Russian name
    nn        the bureau's row number (not used here)

Title rows above the table and a header row are skipped: a data row is one whose first
cell is a 9-digit code. A header row naming the columns (``te`` ... ``name_kaz``,
``name_rus``) is honoured wherever its columns are; without one the positions above
are used. The same table saved as CSV (``;`` or ``,``, UTF-8 or Windows-1251) is read too.

Districts, rural districts and settlements become reference records on the server,
owned by head office, with the same ids every node gives them (uuid5 of table and code),
so centers pull them like any other change and a district shipped with the app is
the same record, not a twin. Running the import again changes only what changed.
"""

from __future__ import annotations

import csv
import io
import re
import uuid
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from civicdesk.domain.geography import MapData, load_map_data
from civicdesk.domain.kato import REFERENCE_OWNER, REGIONS, kato_level, reference_id
from civicdesk.sync.protocol import MAX_BATCH_ROWS, PushBatch, PushResult, RowChange, dumps
from civicdesk.sync.server.store import Store, TokenInfo

__all__ = ["ImportSummary", "KatoEntry", "KatoFileError", "import_kato", "read_kato_file"]

COLUMNS = ("te", "ab", "cd", "ef", "hij", "k", "name_kaz", "name_rus", "nn")
_CODE = re.compile(r"^\d{9}$")
_DEVICE = "kato-import"


class KatoFileError(Exception):
    """The file is not a KATO classifier this importer can read."""


@dataclass(frozen=True)
class KatoEntry:
    code: str
    name_kk: str
    name_ru: str

    @property
    def level(self) -> str:
        return kato_level(self.code)


@dataclass
class ImportSummary:
    read: int = 0
    added: dict[str, int] = field(default_factory=dict)
    changed: dict[str, int] = field(default_factory=dict)
    unchanged: int = 0
    skipped: list[str] = field(default_factory=list)
    rejected: int = 0
    #: settlements of the file that the shipped map reference locates (their coordinates
    #: are written only where the server's record has none)
    located: int = 0


# --------------------------------------------------------------------------- reading


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).split())


def _code(value: Any) -> str | None:
    text = _cell(value)
    if text.isdigit() and len(text) < 9:
        text = text.zfill(9)  # a code read as a number loses its leading zeros
    return text if _CODE.match(text) else None


def _rows_xlsx(path: Path) -> Iterator[list[Any]]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a file that is not a workbook
        raise KatoFileError(f"not an Excel workbook: {exc}") from exc
    try:
        for sheet in book.worksheets:
            for row in sheet.iter_rows(values_only=True):
                yield list(row)
    finally:
        book.close()


def _rows_csv(path: Path) -> Iterator[list[Any]]:
    raw = path.read_bytes()
    for encoding in ("utf-8-sig", "cp1251"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # cp1251 leaves one byte (0x98) undefined: a PDF or an image ends here
        raise KatoFileError(
            "not a KATO classifier file: neither an Excel workbook (.xlsx) nor a text file "
            "in UTF-8 or Windows-1251 (.csv)")
    sample = text[:4096]
    delimiter = ";" if sample.count(";") >= sample.count(",") else ","
    yield from csv.reader(io.StringIO(text), delimiter=delimiter)


def _positions(header: Sequence[Any]) -> dict[str, int] | None:
    names = [_cell(h).casefold() for h in header]
    if "name_kaz" in names and "name_rus" in names:
        return {name: names.index(name) for name in COLUMNS if name in names}
    return None


def read_kato_file(path: Path) -> list[KatoEntry]:
    """Every coded row of a KATO classifier file (xlsx or csv), in file order."""
    if not path.is_file():
        raise KatoFileError(f"no such file: {path}")
    rows = _rows_xlsx(path) if path.suffix.casefold() in (".xlsx", ".xlsm") else _rows_csv(path)
    pos = {name: i for i, name in enumerate(COLUMNS)}
    out: list[KatoEntry] = []
    seen: set[str] = set()
    for row in rows:
        header = _positions(row)
        if header is not None:
            pos = header
            continue
        code = _code(row[pos.get("te", 0)] if len(row) > pos.get("te", 0) else None)
        if code is None or code in seen:
            continue
        kk = _cell(row[pos["name_kaz"]]) if len(row) > pos["name_kaz"] else ""
        ru = _cell(row[pos["name_rus"]]) if len(row) > pos["name_rus"] else ""
        if not kk and not ru:
            continue
        seen.add(code)
        out.append(KatoEntry(code, kk or ru, ru or kk))
    if not out:
        raise KatoFileError(
            "no KATO rows found: expected a 9-digit code in the first column and the "
            "Kazakh and Russian names in columns name_kaz and name_rus"
        )
    return out


# --------------------------------------------------------------------------- records


def _stamp(now: datetime) -> str:
    return now.strftime("%Y-%m-%d %H:%M:%S.%f")


def _records(entries: Iterable[KatoEntry], now: datetime, summary: ImportSummary,
             places: MapData | None = None) -> list[tuple[str, str, dict[str, Any]]]:
    """(table, id, data) of every district, rural district and settlement, parents first."""
    base = {"center_id": REFERENCE_OWNER, "created_at": _stamp(now), "updated_at": _stamp(now),
            "updated_by": None, "deleted": False}
    by_level: dict[str, list[KatoEntry]] = {"district": [], "rural": [], "settlement": []}
    for e in entries:
        if e.code[:2] not in REGIONS:
            summary.skipped.append(e.code)
            continue
        if e.level in by_level:
            by_level[e.level].append(e)
    districts = {e.code[:4] for e in by_level["district"]}
    rurals = {e.code[:6] for e in by_level["rural"]}
    out: list[tuple[str, str, dict[str, Any]]] = []
    for e in by_level["district"]:
        out.append(("districts", reference_id("districts", e.code[:4]), {
            **base, "kato": e.code[:4], "region_kato": e.code[:2],
            "name_kk": e.name_kk, "name_ru": e.name_ru}))
    for e in by_level["rural"]:
        if e.code[:4] not in districts:
            summary.skipped.append(e.code)
            continue
        out.append(("rural_districts", reference_id("rural_districts", e.code[:6]), {
            **base, "kato": e.code[:6], "district_id": reference_id("districts", e.code[:4]),
            "name_kk": e.name_kk, "name_ru": e.name_ru}))
    for e in by_level["settlement"]:
        if e.code[:4] not in districts:
            summary.skipped.append(e.code)
            continue
        rural = e.code[:6] if e.code[:6] in rurals else None
        data: dict[str, Any] = {
            **base, "kato": e.code, "district_id": reference_id("districts", e.code[:4]),
            "rural_district_id": reference_id("rural_districts", rural) if rural else None,
            "name_kk": e.name_kk, "name_ru": e.name_ru, "population": None}
        place = places.find(e.code[:4], e.name_kk, e.name_ru) if places else None
        if place is not None:
            data["latitude"], data["longitude"] = place.lat, place.lon
            summary.located += 1
        out.append(("settlements", reference_id("settlements", e.code), data))
    return out


_COMPARED = ("kato", "region_kato", "district_id", "rural_district_id", "name_kk", "name_ru",
             "deleted")


def import_kato(store: Store, path: Path, *, now: datetime | None = None) -> ImportSummary:
    """Read the classifier file and write what is new or changed to the server."""
    now = now or datetime.now().replace(tzinfo=None)
    summary = ImportSummary()
    entries = read_kato_file(path)
    summary.read = len(entries)
    who = TokenInfo(center_id=REFERENCE_OWNER, device_id=_DEVICE, instance_id=_DEVICE,
                    head_office=True)
    rows: list[RowChange] = []
    kinds: dict[tuple[str, str], bool] = {}
    for table, row_id, data in _records(entries, now, summary, load_map_data()):
        existing = store.get_record(table, row_id)
        if existing is None:
            rows.append(RowChange(table=table, id=row_id, op="upsert", rev=1, base_rev=0,
                                  data=data))
            kinds[(table, row_id)] = True
            continue
        old = dict(existing["data"])
        # coordinates head office entered, or an earlier import wrote, stay as they are
        skip = {"created_at"} | ({"latitude", "longitude"} if (
            old.get("latitude") is not None or old.get("longitude") is not None) else set())
        changed = [k for k in (*_COMPARED, "latitude", "longitude")
                   if k in data and k not in skip and old.get(k) != data[k]]
        if not changed and not existing["deleted"]:
            summary.unchanged += 1
            continue
        keep = {k: v for k, v in data.items() if k not in skip}
        rev = int(existing["rev"])
        rows.append(RowChange(table=table, id=row_id, op="upsert", rev=rev + 1, base_rev=rev,
                              changed=[*changed, "updated_at"], data=keep))
        kinds[(table, row_id)] = False
    for i in range(0, len(rows), MAX_BATCH_ROWS):
        part = rows[i:i + MAX_BATCH_ROWS]
        batch = PushBatch(batch_id=f"kato-{uuid.uuid4().hex}", device_id=_DEVICE,
                          schema_version=0, rows=part)
        body = store.push(who, batch, uuid.uuid4().hex, dumps)
        result = PushResult.model_validate_json(body)
        for r in result.results:
            if r.status != "applied":
                summary.rejected += 1
                continue
            target = summary.added if kinds[(r.table, r.id)] else summary.changed
            target[r.table] = target.get(r.table, 0) + 1
    return summary


def run_import(store: Store, file: str) -> int:
    """The ``import-kato`` command: print what was done; exit code 2 on a bad file."""
    import sys

    try:
        summary = import_kato(store, Path(file))
    except (KatoFileError, OSError) as exc:
        print(f"import-kato: {exc}", file=sys.stderr)
        return 2
    print(f"read {summary.read} KATO rows")
    for label, counts in (("added", summary.added), ("changed", summary.changed)):
        for table in ("districts", "rural_districts", "settlements"):
            print(f"{label:8} {table:16} {counts.get(table, 0)}")
    print(f"unchanged {summary.unchanged}; skipped {len(summary.skipped)} (unknown region or "
          f"parent); refused {summary.rejected}")
    print(f"settlements the map reference locates: {summary.located}")
    return 1 if summary.rejected else 0
