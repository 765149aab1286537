"""A long text changed in one place: the place found, and put back, exactly."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from civicdesk.sync import textedit

_texts = st.text(alphabet="абвгдеәғқңөұүһі ёжз.,📞\n", max_size=400)


@given(_texts, _texts, _texts, _texts)
def test_an_edit_found_by_span_rebuilds_the_new_text_from_the_old(
    head: str, old_mid: str, new_mid: str, tail: str
) -> None:
    old, new = head + old_mid + tail, head + new_mid + tail
    edit = textedit.span(old, new)
    if edit is None:
        assert len(new) < textedit.MIN_LENGTH or (
            len(head) + len(tail) < textedit.MIN_SAVED
        )
        return
    h, t, n = edit
    assert n == len(old) and h + t <= min(len(old), len(new))
    assert textedit.apply(old, h, t, n, textedit.middle(new, edit)) == new


def test_short_texts_and_texts_changed_throughout_go_whole() -> None:
    assert textedit.span("қысқа мәтін", "қысқа мәтін!") is None
    assert textedit.span("а" * 200, "б" * 200) is None
    assert textedit.span(None, "а" * 200) is None


def test_an_edit_is_refused_for_a_text_of_another_length_or_out_of_range() -> None:
    old = "ә" * 150
    assert textedit.apply(old, 100, 40, 150, "ғ") == "ә" * 100 + "ғ" + "ә" * 40
    assert textedit.apply(old + "!", 100, 40, 150, "ғ") is None
    assert textedit.apply(old, 100, 60, 150, "ғ") is None
    assert textedit.apply(None, 0, 0, 0, "ғ") is None
