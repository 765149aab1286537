"""Booklet content: the JSON template format (see civicdesk/resources/templates/_schema.md)
parsed into plain frozen dataclasses."""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from civicdesk.domain.enums import BookletLayout
from civicdesk.domain.errors import Message, UserError
from civicdesk.paths import resources_dir

log = logging.getLogger(__name__)

BAD_TEMPLATE = Message(
    kk="«{name}» кітапша үлгісі бүлінген немесе толық емес: {detail}",
    ru="Шаблон буклета «{name}» повреждён или неполон: {detail}",
)


@dataclass(frozen=True)
class ParagraphBlock:
    text: Message


@dataclass(frozen=True)
class BulletsBlock:
    items: tuple[Message, ...]


@dataclass(frozen=True)
class FillBlock:
    """A place the center fills in by hand: a label and ``lines`` ruled lines."""

    label: Message
    lines: int


@dataclass(frozen=True)
class NoteBlock:
    """A highlighted box."""

    text: Message


@dataclass(frozen=True)
class ImageBlock:
    """A picture; ``path`` is relative to the template's folder. Skipped (and
    reported in the render result) when the file is absent."""

    path: str
    caption: Message | None = None
    width_mm: float | None = None


Block = ParagraphBlock | BulletsBlock | FillBlock | NoteBlock | ImageBlock


@dataclass(frozen=True)
class Section:
    heading: Message
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class BookletContent:
    name: str
    title: Message
    sections: tuple[Section, ...]
    subtitle: Message | None = None
    legal_basis: tuple[Message, ...] = ()
    contacts: Message | None = None
    #: Folder that image paths are relative to (the templates folder when loaded).
    base_dir: Path | None = None


#: Editions of a shipped template: the full text (A5 booklet, A4 pages) and a short
#: text written for the six panels of the A4 tri-fold (``templates/trifold/<name>.json``).
FULL = "full"
TRIFOLD = "trifold"
EDITIONS: tuple[str, ...] = (FULL, TRIFOLD)


def edition_for(layout: str) -> str:
    """The template edition a layout prints: the tri-fold text for the tri-fold."""
    return TRIFOLD if str(layout) == BookletLayout.A4_TRIFOLD.value else FULL


@dataclass(frozen=True)
class TemplateInfo:
    name: str
    title_kk: str
    title_ru: str


class _BadError(Exception):
    def __init__(self, where: str, kk: str, ru: str) -> None:
        super().__init__(where)
        self.where = where
        self.kk = kk
        self.ru = ru


def _obj(v: object, where: str) -> Mapping[str, object]:
    if not isinstance(v, Mapping):
        raise _BadError(where, "объект күтілген", "ожидается объект")
    return v


def _key(d: Mapping[str, object], key: str, where: str) -> object:
    if key not in d:
        raise _BadError(f"{where}.{key}" if where else key, "өріс жоқ", "нет поля")
    return d[key]


def _str(v: object, where: str) -> str:
    if not isinstance(v, str):
        raise _BadError(where, "мәтін күтілген", "ожидается текст")
    return v


def _pair(v: object, where: str) -> Message:
    d = _obj(v, where)
    return Message(
        kk=_str(_key(d, "kk", where), f"{where}.kk"),
        ru=_str(_key(d, "ru", where), f"{where}.ru"),
    )


def _list(v: object, where: str) -> list[object]:
    if not isinstance(v, list):
        raise _BadError(where, "тізім күтілген", "ожидается список")
    return v


def _block(v: object, where: str) -> Block:
    d = _obj(v, where)
    kind = _str(_key(d, "type", where), f"{where}.type")
    if kind == "p":
        return ParagraphBlock(_pair(d, where))
    if kind == "note":
        return NoteBlock(_pair(d, where))
    if kind == "bullets":
        items = _list(_key(d, "items", where), f"{where}.items")
        return BulletsBlock(tuple(_pair(it, f"{where}.items[{i}]") for i, it in enumerate(items)))
    if kind == "fill":
        lines = d.get("lines", 1)
        if not isinstance(lines, int) or isinstance(lines, bool) or not 0 <= lines <= 40:
            raise _BadError(
                f"{where}.lines", "0-ден 40-қа дейінгі сан керек", "нужно число от 0 до 40"
            )
        return FillBlock(_pair(d, where), lines)
    if kind == "image":
        path = _str(_key(d, "path", where), f"{where}.path")
        caption = _pair(d["caption"], f"{where}.caption") if "caption" in d else None
        width = d.get("width_mm")
        if width is not None and not isinstance(width, int | float):
            raise _BadError(f"{where}.width_mm", "сан күтілген", "ожидается число")
        return ImageBlock(path, caption, float(width) if width is not None else None)
    raise _BadError(
        f"{where}.type", f"белгісіз блок түрі «{kind}»", f"неизвестный тип блока «{kind}»"
    )


def _parse(d: object, base_dir: Path | None) -> BookletContent:
    root = _obj(d, "")
    name = _str(_key(root, "name", ""), "name")
    sections = []
    for i, s in enumerate(_list(_key(root, "sections", ""), "sections")):
        where = f"sections[{i}]"
        sd = _obj(s, where)
        blocks = _list(_key(sd, "blocks", where), f"{where}.blocks")
        sections.append(
            Section(
                heading=_pair(_key(sd, "heading", where), f"{where}.heading"),
                blocks=tuple(_block(b, f"{where}.blocks[{j}]") for j, b in enumerate(blocks)),
            )
        )
    return BookletContent(
        name=name,
        title=_pair(_key(root, "title", ""), "title"),
        subtitle=_pair(root["subtitle"], "subtitle") if root.get("subtitle") is not None else None,
        sections=tuple(sections),
        legal_basis=tuple(
            _pair(x, f"legal_basis[{i}]")
            for i, x in enumerate(_list(root.get("legal_basis", []), "legal_basis"))
        ),
        contacts=_pair(root["contacts"], "contacts") if root.get("contacts") is not None else None,
        base_dir=base_dir,
    )


def _bad_template(name: str, kk: str, ru: str) -> UserError:
    return UserError(
        "print.bad_template",
        Message(
            kk=BAD_TEMPLATE.kk.replace("{detail}", kk), ru=BAD_TEMPLATE.ru.replace("{detail}", ru)
        ),
        name=name,
    )


def booklet_from_dict(
    d: object, *, base_dir: Path | None = None, name: str | None = None
) -> BookletContent:
    """Parse a template already read from JSON; ``print.bad_template`` if malformed."""
    try:
        return _parse(d, base_dir)
    except _BadError as e:
        shown = name or (str(d.get("name")) if isinstance(d, Mapping) else "?")
        where = e.where or "—"
        raise _bad_template(shown, f"{where}: {e.kk}", f"{where}: {e.ru}") from None


def templates_dir() -> Path:
    return resources_dir() / "templates"


def template_path(name: str, edition: str = FULL, folder: Path | None = None) -> Path:
    """Where the file of a template edition lives (it may not exist)."""
    folder = folder or templates_dir()
    return (folder / TRIFOLD if edition == TRIFOLD else folder) / f"{name}.json"


def load_template(name: str, folder: Path | None = None, edition: str = FULL) -> BookletContent:
    """Read ``<templates>/<name>.json`` (or its tri-fold edition)."""
    folder = folder or templates_dir()
    path = template_path(name, edition, folder)
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise _bad_template(name, "файл табылмады", "файл не найден") from None
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as e:
        raise _bad_template(
            name,
            f"JSON қатесі, {e.lineno}-жол, {e.colno}-баған",
            f"ошибка JSON, строка {e.lineno}, столбец {e.colno}",
        ) from None
    return booklet_from_dict(data, base_dir=path.parent, name=name)


def list_templates(folder: Path | None = None) -> list[TemplateInfo]:
    """Every readable template (files starting with ``_`` or ``test-`` are skipped);
    unreadable ones are left out of the list (they fail with a message when opened)."""
    folder = folder or templates_dir()
    infos: list[TemplateInfo] = []
    for path in sorted(folder.glob("*.json")):
        if path.name.startswith(("_", "test-")):
            continue
        try:
            content = load_template(path.stem, folder)
        except UserError as e:
            log.warning("booklet template %s left out of the list: %s", path.name, e)
            continue
        infos.append(TemplateInfo(path.stem, content.title.kk, content.title.ru))
    return infos
