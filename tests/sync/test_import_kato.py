"""Head office imports the official KATO classifier; centers pull it as reference data."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from civicdesk.domain.kato import reference_id
from civicdesk.services import reference, sync
from civicdesk.sync.server.cli import main as server_main
from civicdesk.sync.server.kato_import import KatoFileError, import_kato, read_kato_file
from civicdesk.sync.server.store import Store
from tests.sync.conftest import Make
from tests.sync.helpers import AppTransport, enroll_new

# A few rows as the bureau's workbook has them: title lines, then the header row
# (te, ab, cd, ef, hij, k, name_kaz, name_rus, nn), then one row per object.
ROWS = [
    ("612000000", "61", "20", "00", "000", "2", "Кентау қ.ә.", "Кентау Г.А.", 1),
    ("613600000", "61", "36", "00", "000", "2", "Бәйдібек ауданы", "район Байдибека", 2),
    ("613633000", "61", "36", "33", "000", "3", "Ағыбет а.о.", "Агыбетский с.о.", 3),
    ("613633100", "61", "36", "33", "100", "4", "Ағыбет а.", "с.Агыбет", 4),
    ("613633200", "61", "36", "33", "200", "4", "Алғабас а.", "с.Алгабас", 5),
    ("193600000", "19", "36", "00", "000", "2", "Балқаш ауданы", "Балхашский район", 6),
    ("193633100", "19", "36", "33", "100", "4", "Бақанас а.", "с.Баканас", 7),
    ("999900000", "99", "99", "00", "000", "2", "Белгісіз", "Неизвестно", 8),
    # a district of a city of republican significance (Astana): coded RRDD10000
    ("711110000", "71", "11", "10", "000", "2", "Алматы ауданы", "район Алматы", 9),
]


def _workbook(path: Path, rows: list[tuple[object, ...]] = ROWS) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.append(["Әкімшілік-аумақтық объектілер жіктеуіші (ӘАОЖ)"])
    sheet.append(["Классификатор административно-территориальных объектов (КАТО)"])
    sheet.append(["te", "ab", "cd", "ef", "hij", "k", "name_kaz", "name_rus", "nn"])
    for row in rows:
        sheet.append(list(row))
    book.save(path)
    return path


def test_reads_the_bureau_layout_from_xlsx_and_csv(tmp_path: Path) -> None:
    entries = read_kato_file(_workbook(tmp_path / "kato.xlsx"))
    assert [e.code for e in entries][:3] == ["612000000", "613600000", "613633000"]
    assert entries[1].name_kk == "Бәйдібек ауданы" and entries[1].name_ru == "район Байдибека"
    assert [e.level for e in entries[:4]] == ["district", "district", "rural", "settlement"]
    assert entries[-1].code == "711110000" and entries[-1].level == "district"
    csv = tmp_path / "kato.csv"
    csv.write_bytes(("te;ab;cd;ef;hij;k;name_kaz;name_rus;nn\n"
                     "193600000;19;36;00;000;2;Балқаш ауданы;Балхашский район;1\n"
                     ).encode("cp1251", errors="replace"))
    assert read_kato_file(csv)[0].name_ru == "Балхашский район"
    # a code Excel stored as a number (leading zero lost) is still read
    _workbook(tmp_path / "n.xlsx", [(11000000 + 3200000, "", "", "", "", "", "Аққөл ауданы",
                                     "Аккольский район", 1)])
    assert read_kato_file(tmp_path / "n.xlsx")[0].code == "014200000"


def test_not_a_kato_file_is_refused_clearly(tmp_path: Path) -> None:
    bad = tmp_path / "notes.csv"
    bad.write_text("name;value\nfoo;bar\n", encoding="utf-8")
    with pytest.raises(KatoFileError):
        read_kato_file(bad)
    binary = tmp_path / "classifier.pdf"
    binary.write_bytes(b"%PDF-1.4\n\x98\x00\xff binary")
    with pytest.raises(KatoFileError, match="neither an Excel workbook"):
        read_kato_file(binary)
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"not a workbook")
    with pytest.raises(KatoFileError):
        read_kato_file(broken)


def test_import_kato_command_and_centers_pull_it(
    store: Store, transport: AppTransport, make_replica: Make, tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    url = str(store.engine.url)
    path = _workbook(tmp_path / "kato.xlsx")
    assert server_main(["--db", url, "import-kato", str(path)]) == 0
    out = capsys.readouterr().out
    assert "read 9 KATO rows" in out and "skipped 1" in out
    # Astana's district is imported into the shipped record, not skipped
    city = store.get_record("districts", reference_id("districts", "7111"))
    assert city is not None and city["data"]["region_kato"] == "71"
    rec = store.get_record("settlements", reference_id("settlements", "613633100"))
    assert rec is not None and rec["data"]["name_kk"] == "Ағыбет а."
    assert rec["data"]["rural_district_id"] == reference_id("rural_districts", "613633")
    # again: nothing changes; a renamed row is updated
    again = import_kato(store, path)
    assert again.added == {} and again.changed == {} and again.unchanged == 8
    renamed = [r if r[0] != "613633200" else (*r[:6], "Алғабас ауылы", "с.Алгабас", 5)
               for r in ROWS]
    changed = import_kato(store, _workbook(tmp_path / "k2.xlsx", renamed))
    assert changed.changed == {"settlements": 1}
    assert server_main(["--db", url, "import-kato", str(tmp_path / "missing.xlsx")]) == 2

    a = make_replica("a")
    enroll_new(store, a, transport, name="Ақсу")
    sync.sync_now(a, transport=transport)
    ctx = a.admin_context("kk")
    names = {d.code: d.name_kk for d in reference.districts(ctx, "61")}
    # the bureau's names replace the shipped ones, in the same records (no twins)
    assert names["6120"] == "Кентау қ.ә." and names["6136"] == "Бәйдібек ауданы"
    assert len(names) == 17
    # the shipped Balkhash district is the same record as the imported one
    assert [d.code for d in reference.districts(ctx, "19")].count("1936") == 1
    villages = {s.code: s.name_kk for s in reference.settlements(ctx)}
    assert villages["613633200"] == "Алғабас ауылы" and "193633100" in villages


def test_head_office_merges_a_centers_village_into_the_official_one(
    store: Store, transport: AppTransport, make_replica: Make, tmp_path: Path
) -> None:
    from datetime import date

    from civicdesk.domain.enums import Role
    from civicdesk.services.base import Actor, ListQuery
    from civicdesk.services.residents import ResidentInput, create_resident, list_residents
    from civicdesk.services.settlements import merge_settlement

    import_kato(store, _workbook(tmp_path / "kato.xlsx"))
    official = reference_id("settlements", "613633100")
    a, ho = make_replica("a"), make_replica("ho")
    enroll_new(store, a, transport, name="Ақсу")
    ho_center = enroll_new(store, ho, transport, name="Бас кеңсе", head_office=True)
    sync.sync_now(a, transport=transport)
    a_ctx = a.admin_context("kk")
    own = reference.add_settlement(a_ctx, "Ағыбет ауылы", "село Агыбет")
    rid = create_resident(a_ctx, ResidentInput(
        full_name="Дана Әлиева", settlement_id=own.id, consent_date=date(2025, 1, 5),
        consent_purposes=["consultation"])).id
    sync.sync_now(a, transport=transport)
    sync.sync_now(ho, transport=transport)
    boss = ho.admin_context("kk").with_actor(
        Actor("ho-user", "Бас кеңсе", Role.HEAD_OFFICE, ho_center))
    merge_settlement(boss, own.id, official)
    sync.sync_now(ho, transport=transport)  # the merge reaches the server
    merged = store.get_record("settlements", own.id)
    assert merged is not None and merged["data"]["merged_into"] == official, merged
    sync.sync_now(a, transport=transport)  # the center moves its records...
    sync.sync_now(a, transport=transport)  # ...and sends them
    rows = list_residents(a_ctx, ListQuery()).rows
    assert [(r.id, r.settlement_kk) for r in rows] == [(rid, "Ағыбет а.")]
    rec = store.get_record("residents", rid)
    assert rec is not None and rec["data"]["settlement_id"] == official


def test_import_gives_settlements_the_map_references_coordinates_once(
    store: Store, tmp_path: Path
) -> None:
    from civicdesk.domain.geography import inside_outline, load_map_data

    path = _workbook(tmp_path / "kato.xlsx")
    summary = import_kato(store, path)
    assert summary.located == 1  # «Бақанас а.» / «с.Баканас», the Balkhash district centre
    bakanas = reference_id("settlements", "193633100")
    rec = store.get_record("settlements", bakanas)
    assert rec is not None
    lat, lon = rec["data"]["latitude"], rec["data"]["longitude"]
    assert 40 < lat < 56 and 46 < lon < 88
    assert inside_outline(lat, lon, load_map_data().outline("1936"))
    agybet = store.get_record("settlements", reference_id("settlements", "613633100"))
    assert agybet is not None and agybet["data"].get("latitude") is None  # not in the data
    # head office enters other coordinates: a second import leaves them as they are
    from civicdesk.sync.protocol import PushBatch, RowChange, dumps
    from civicdesk.sync.server.store import TokenInfo

    who = TokenInfo(center_id=rec["data"]["center_id"], device_id="kato-import",
                    instance_id="kato-import", head_office=True)
    rev = int(rec["rev"])
    store.push(who, PushBatch(batch_id="fix-1", device_id="kato-import", schema_version=0,
                              rows=[RowChange(table="settlements", id=bakanas, op="upsert",
                                              rev=rev + 1, base_rev=rev,
                                              changed=["latitude", "longitude"],
                                              data={**rec["data"], "latitude": 44.9,
                                                    "longitude": 76.3})]),
               "req-1", dumps)
    again = import_kato(store, path)
    assert again.changed == {}
    rec = store.get_record("settlements", bakanas)
    assert rec is not None and (rec["data"]["latitude"], rec["data"]["longitude"]) == (44.9, 76.3)
