"""Result figures as words in Kazakh and Russian, the same on screen, in print and export.

A change always names its unit: percentage points *and* relative growth are shown
together, so "+40 %" can never be read either way. A figure under the small-sample
rule carries its warning; a group with no answers says so instead of showing 0 %.
"""

from __future__ import annotations

from .errors import Lang, Message
from .statistics import Change, Interval, PairedGain, Reliability, Share

__all__ = [
    "NO_ANSWERS",
    "SMALL_SAMPLE_NOTE",
    "change_text",
    "gain_text",
    "number",
    "share_text",
]

NO_ANSWERS = Message(kk="жауап жоқ", ru="нет ответов")
SMALL_SAMPLE_NOTE = Message(
    kk="жауап тым аз (30-дан кем): қорытынды жасауға болмайды",
    ru="слишком мало ответов (меньше 30): выводы делать нельзя",
)
_CI = Message(kk="95 % СА", ru="95 % ДИ")
_PP = Message(kk="п.т.", ru="п.п.")
_RELATIVE = Message(kk="салыстырмалы өсу", ru="относительный рост")
_NOT_SIGNIFICANT = Message(
    kk="өзгеріс статистикалық тұрғыдан дәлелденбеген (аралық нөлді қамтиды)",
    ru="изменение статистически не подтверждено (интервал включает ноль)",
)
_NO_RELATIVE = Message(
    kk="бастапқы үлес 0 %, салыстырмалы өсу есептелмейді",
    ru="исходная доля 0 %, относительный рост не считается",
)


def number(value: float, digits: int = 1, *, signed: bool = False) -> str:
    """A decimal with a comma, as both languages write it; a true minus sign."""
    text = f"{abs(value):.{digits}f}".replace(".", ",")
    if round(value, digits) == 0:
        return text
    if value < 0:
        return "\u2212" + text
    return "+" + text if signed else text


def _interval(i: Interval, lang: Lang, *, signed: bool = False) -> str:
    return f"{_CI.text(lang)} {number(i.low, signed=signed)}…{number(i.high, signed=signed)}"


def share_text(s: Share, lang: Lang) -> str:
    """E.g. "62,5 % (95 % ДИ 53,6…70,6; n = 120)"."""
    if s.reliability is Reliability.EMPTY or s.percent is None or s.interval is None:
        return NO_ANSWERS.text(lang)
    text = f"{number(s.percent)} % ({_interval(s.interval, lang)}; n = {s.n})"
    if s.reliability is Reliability.SMALL:
        text += f" — {SMALL_SAMPLE_NOTE.text(lang)}"
    return text


def change_text(c: Change, lang: Lang) -> str:
    """E.g. "+20,0 п.п. (95 % ДИ +5,2…+33,4); относительный рост +33,3 %"."""
    if c.reliability is Reliability.EMPTY or c.points is None or c.interval is None:
        return NO_ANSWERS.text(lang)
    text = (
        f"{number(c.points, signed=True)} {_PP.text(lang)} "
        f"({_interval(c.interval, lang, signed=True)}); "
    )
    if c.relative is None:
        text += _NO_RELATIVE.text(lang)
    else:
        text += f"{_RELATIVE.text(lang)} {number(c.relative, signed=True)} %"
    if not c.significant:
        text += f"; {_NOT_SIGNIFICANT.text(lang)}"
    if c.reliability is Reliability.SMALL:
        text += f" — {SMALL_SAMPLE_NOTE.text(lang)}"
    return text


_GAIN = Message(kk="орташа өсім", ru="средний прирост")
_IMPROVED = Message(kk="нәтижесін жақсартқандар", ru="улучшили результат")
_PAIRS = Message(kk="алдын ала және кейінгі тесті бар қатысушылар", ru="участников с обоими тестами")


def gain_text(g: PairedGain, lang: Lang) -> str:
    """E.g. "средний прирост +2,1 балла (95 % ДИ +1,4…+2,8); улучшили результат 80,0 % …"."""
    if g.reliability is Reliability.EMPTY or g.mean_gain is None:
        return NO_ANSWERS.text(lang)
    text = f"{_GAIN.text(lang)} {number(g.mean_gain, signed=True)}"
    if g.interval is not None:
        text += f" ({_interval(g.interval, lang, signed=True)})"
    text += f"; {_IMPROVED.text(lang)} {share_text(g.improved, lang)}"
    text += f"; {_PAIRS.text(lang)}: {g.n}"
    return text
