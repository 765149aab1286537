from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from civicdesk.domain.enums import Sex
from civicdesk.domain.errors import ValidationError
from civicdesk.domain.iin import (
    BinInfo,
    IinInfo,
    iin_check_digit,
    make_iin,
    validate_bin,
    validate_iin,
)

TODAY = date(2025, 2, 22)


def test_known_synthetic_iins() -> None:
    assert validate_iin("900101300007", today=TODAY) == IinInfo(
        "900101300007", date(1990, 1, 1), Sex.MALE
    )
    assert validate_iin("850515400002", today=TODAY) == IinInfo(
        "850515400002", date(1985, 5, 15), Sex.FEMALE
    )
    assert validate_iin("900101300811", today=TODAY).birth_date == date(1990, 1, 1)


def test_check_digit_first_and_second_pass() -> None:
    assert iin_check_digit("90010130000") == 7
    # First pass gives 10, so the second set of weights decides.
    first = sum(int(d) * w for d, w in zip("90010130081", range(1, 12), strict=True)) % 11
    assert first == 10
    assert iin_check_digit("90010130081") == 1


def test_check_digit_none_when_never_issued() -> None:
    found = None
    for serial in range(10000):
        prefix = f"9001013{serial:04d}"
        if iin_check_digit(prefix) is None:
            found = prefix
            break
    assert found is not None
    assert make_iin(date(1990, 1, 1), Sex.MALE, int(found[7:])) is None


def test_check_digit_needs_11_digits() -> None:
    with pytest.raises(ValueError):
        iin_check_digit("123")


def test_spaces_are_ignored() -> None:
    assert validate_iin(" 900101 300007 ", today=TODAY).iin == "900101300007"


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("90010130000", "iin.length"),
        ("9001013000071", "iin.length"),
        ("", "iin.length"),
        ("90010130000x", "iin.digits"),
        ("９００１０１３０００７", "iin.digits"),  # full-width digits
        ("900101000007", "iin.century"),
        ("900101700007", "iin.century"),
        ("900101900007", "iin.century"),
        ("901301300007", "iin.date"),
        ("900230300007", "iin.date"),
        ("900101300008", "iin.checksum"),
    ],
)
def test_iin_errors(value: str, code: str) -> None:
    with pytest.raises(ValidationError) as info:
        validate_iin(value, today=TODAY)
    assert info.value.code == code
    assert info.value.field == "iin"
    assert info.value.text("kk") and info.value.text("ru")
    assert info.value.text("kk") != info.value.text("ru")


def test_iin_future_birth_date() -> None:
    iin = make_iin(date(2025, 3, 1), Sex.FEMALE, 1)
    assert iin is not None
    with pytest.raises(ValidationError) as info:
        validate_iin(iin, today=TODAY)
    assert info.value.code == "iin.future"
    assert "01.03.2025" in info.value.text("ru")
    assert validate_iin(iin, today=date(2025, 3, 1)).sex is Sex.FEMALE


def test_iin_length_message_counts_digits() -> None:
    with pytest.raises(ValidationError) as info:
        validate_iin("12345")
    assert info.value.text("ru") == "ИИН должен состоять из 12 цифр (введено: 5)"
    assert info.value.text("kk") == "ЖСН 12 цифрдан тұруы керек (енгізілгені: 5)"


def test_centuries() -> None:
    for d, sex, digit in [
        (date(1899, 12, 31), Sex.MALE, "1"),
        (date(1899, 12, 31), Sex.FEMALE, "2"),
        (date(1950, 6, 1), Sex.MALE, "3"),
        (date(2005, 6, 1), Sex.MALE, "5"),
        (date(2005, 6, 1), Sex.FEMALE, "6"),
    ]:
        iin = make_iin(d, sex, 5)
        assert iin is not None
        assert iin[6] == digit
        info = validate_iin(iin, today=TODAY)
        assert (info.birth_date, info.sex) == (d, sex)


def test_make_iin_refuses_bad_input() -> None:
    with pytest.raises(ValueError):
        make_iin(date(1990, 1, 1), Sex.MALE, 10000)
    with pytest.raises(ValueError):
        make_iin(date(1700, 1, 1), Sex.MALE, 1)


@settings(max_examples=200, deadline=None)
@given(
    st.dates(min_value=date(1800, 1, 1), max_value=TODAY),
    st.sampled_from(Sex),
    st.integers(min_value=0, max_value=9999),
)
def test_make_iin_round_trip(birth: date, sex: Sex, serial: int) -> None:
    iin = make_iin(birth, sex, serial)
    if iin is None:
        digit = {18: 1, 19: 3, 20: 5}[birth.year // 100] + (sex is Sex.FEMALE)
        yymmdd = f"{birth.year % 100:02d}{birth.month:02d}{birth.day:02d}"
        assert iin_check_digit(f"{yymmdd}{digit}{serial:04d}") is None
        return
    info = validate_iin(iin, today=TODAY)
    assert info.birth_date == birth
    assert info.sex == sex
    assert info.iin[7:11] == f"{serial:04d}"


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="0123456789", min_size=11, max_size=11))
def test_random_prefix_with_check_digit_passes_checksum(prefix: str) -> None:
    check = iin_check_digit(prefix)
    assert check is None or 0 <= check <= 9
    if check is None:
        return
    # Only the checksum is tested here: shape errors (date, century) come earlier.
    try:
        validate_iin(prefix + str(check), today=date(2099, 12, 31))
    except ValidationError as e:
        assert e.code in {"iin.century", "iin.date"}


@settings(max_examples=200, deadline=None)
@given(
    st.dates(min_value=date(1900, 1, 1), max_value=TODAY),
    st.sampled_from(Sex),
    st.integers(min_value=0, max_value=9999),
    st.sampled_from([7, 8, 9, 11]),
    st.integers(min_value=1, max_value=9),
)
def test_changed_digit_is_refused(
    birth: date, sex: Sex, serial: int, position: int, delta: int
) -> None:
    iin = make_iin(birth, sex, serial)
    if iin is None:
        return
    changed = iin[:position] + str((int(iin[position]) + delta) % 10) + iin[position + 1 :]
    if position < 11 and 10 in (_first_pass(iin[:11]), _first_pass(changed[:11])):
        # The second set of weights may map a changed prefix onto the same check digit.
        return
    with pytest.raises(ValidationError) as info:
        validate_iin(changed, today=TODAY)
    assert info.value.code in {"iin.checksum", "iin.century"}


def _first_pass(first11: str) -> int:
    return sum(int(d) * w for d, w in zip(first11, range(1, 12), strict=True)) % 11


def test_eleventh_digit_is_invisible_to_first_pass() -> None:
    # A property of the official algorithm, documented so nobody "fixes" it.
    assert iin_check_digit("00010150000") == iin_check_digit("00010150001") == 1


def test_single_digit_change_caught_by_first_pass() -> None:
    iin = "900101300007"
    for position in (7, 8, 9, 11):  # digit 11 has weight 11 = 0 mod 11
        for digit in "0123456789":
            if digit == iin[position]:
                continue
            changed = iin[:position] + digit + iin[position + 1 :]
            if position < 11 and _first_pass(changed[:11]) == 10:
                continue
            with pytest.raises(ValidationError):
                validate_iin(changed, today=TODAY)


def _make_bin(prefix10: str) -> str:
    for last in range(10):
        first11 = prefix10 + str(last)
        check = iin_check_digit(first11)
        if check is not None:
            return first11 + str(check)
    raise AssertionError("no BIN")


def test_valid_bin() -> None:
    value = _make_bin("0705400001")
    info = validate_bin(value, today=TODAY)
    assert info == BinInfo(value, 2007, 5, "4", "0")
    old = validate_bin(_make_bin("9812410001"), today=TODAY)
    assert (old.year, old.month, old.entity_type, old.marker) == (1998, 12, "4", "1")


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("07054000011", "bin.length"),
        ("07054000011a", "bin.digits"),
        (_make_bin("0713400001"), "bin.month"),
        (_make_bin("0700400001"), "bin.month"),
        (_make_bin("0705300001"), "bin.type"),
        (_make_bin("0705700001"), "bin.type"),
        (_make_bin("0705440001"), "bin.marker"),
    ],
)
def test_bin_errors(value: str, code: str) -> None:
    with pytest.raises(ValidationError) as info:
        validate_bin(value, today=TODAY)
    assert info.value.code == code
    assert info.value.field == "bin"


def test_bin_checksum() -> None:
    good = _make_bin("0705400001")
    bad = good[:11] + str((int(good[11]) + 1) % 10)
    with pytest.raises(ValidationError) as info:
        validate_bin(bad, today=TODAY)
    assert info.value.code == "bin.checksum"
