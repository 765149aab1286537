"""A center anywhere in Kazakhstan finds its region and district at first start."""

from __future__ import annotations

from civicdesk.domain.collation import collation_key
from civicdesk.ui.env import UiEnv
from civicdesk.ui.firststart import FirstStartWizard
from tests.ui.test_start import fresh_env  # noqa: F401  (fixture)


def _items(combo) -> list[str]:  # type: ignore[no-untyped-def]
    return [combo.itemText(i) for i in range(1, combo.count())]


def test_turkistan_center_picks_its_district_in_kazakh_order(qtbot, fresh_env: UiEnv) -> None:  # noqa: F811
    w = FirstStartWizard(fresh_env)
    qtbot.addWidget(w)
    w.show()
    c = w.center_page
    regions = [c.region.itemText(i) for i in range(c.region.count()) if c.region.itemData(i)]
    assert regions == sorted(regions, key=collation_key)
    assert regions.index("Ақмола облысы") < regions.index("Батыс Қазақстан облысы")
    assert regions.index("Қарағанды облысы") < regions.index("Маңғыстау облысы")
    c.region.setCurrentIndex(c.region.findData("61"))
    qtbot.waitUntil(lambda: c.district.count() == 18, timeout=5000)
    names = _items(c.district)
    assert names[:3] == ["Арыс қаласы", "Бәйдібек ауданы", "Жетісай ауданы"]
    assert "Сауран ауданы" in names and "Түркістан қаласы" in names
    for code in ("11", "33", "62", "10"):  # Akmola, Zhetisu, Ulytau, Abai
        c.region.setCurrentIndex(c.region.findData(code))
        qtbot.waitUntil(lambda: c.district.count() > 2, timeout=5000)
    fresh_env.set_language("ru")
    c.region.setCurrentIndex(c.region.findData("61"))
    qtbot.waitUntil(lambda: c.district.count() == 18
                    and any("район" in t for t in _items(c.district)), timeout=5000)
    ru = _items(c.district)
    assert ru == sorted(ru, key=collation_key) and ru[0] == "город Арысь"
    assert fresh_env.runner.wait_idle(5000)


def test_shymkent_center_picks_its_city_district(qtbot, fresh_env: UiEnv) -> None:  # noqa: F811
    w = FirstStartWizard(fresh_env)
    qtbot.addWidget(w)
    w.show()
    c = w.center_page
    c.region.setCurrentIndex(c.region.findData("79"))
    qtbot.waitUntil(lambda: c.district.count() == 6, timeout=5000)
    names = _items(c.district)
    assert names == ["Абай ауданы", "Әл Фараби ауданы", "Еңбекші ауданы",
                     "Қаратау ауданы", "Тұран ауданы"]
    c.district.setCurrentIndex(c.district.findText("Қаратау ауданы"))
    assert c.district.currentData()
    for code, count in (("71", 6), ("75", 8)):  # Astana, Almaty
        c.region.setCurrentIndex(c.region.findData(code))
        qtbot.waitUntil(lambda n=count: c.district.count() == n + 1, timeout=5000)
    fresh_env.set_language("ru")
    c.region.setCurrentIndex(c.region.findData("79"))
    qtbot.waitUntil(lambda: "Абайский район" in _items(c.district), timeout=5000)
    ru = _items(c.district)
    assert ru == sorted(ru, key=collation_key)
    assert fresh_env.runner.wait_idle(5000)
