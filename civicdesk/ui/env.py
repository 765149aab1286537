"""What every page and dialog gets: the opened data folder, the task runner, the
signed-in user, the current language, and app-wide signals."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, Signal

from civicdesk.domain.errors import Lang
from civicdesk.services.app import CivicApp
from civicdesk.services.base import Actor, Context
from civicdesk.ui.tasks import TaskRunner


class EnvSignals(QObject):
    #: the UI language changed ("kk" or "ru"); translators are already installed
    language_changed = Signal(str)
    #: rows of an entity changed ("consultation", "resident", "meeting", ...)
    data_changed = Signal(str)
    #: the signed-in user changed (after login / logout)
    actor_changed = Signal()
    #: show the journal with every consultation of a resident (id, full name)
    open_consultations_of = Signal(str, str)


@dataclass
class UiEnv:
    app: CivicApp
    runner: TaskRunner
    actor: Actor | None = None
    lang: Lang = "kk"
    signals: EnvSignals = field(default_factory=EnvSignals)

    def __post_init__(self) -> None:
        self.runner.lang = self.lang

    def ctx(self) -> Context:
        """The service context of the signed-in user."""
        if self.actor is None:
            raise RuntimeError("nobody is signed in")
        return self.app.context(self.actor)

    @property
    def is_manager(self) -> bool:
        return self.actor is not None and self.actor.is_manager

    def tr_label(self, value: Any) -> str:
        """The current-language text of a bilingual value.

        Accepts a ``Message`` or anything with ``text(lang)``, reference rows and views
        with ``name(lang)``, objects with ``kk``/``ru`` or ``name_kk``/``name_ru``
        attributes, a ``{"kk": ..., "ru": ...}`` mapping, or a plain string.
        """
        lang = self.lang
        if value is None:
            return ""
        if isinstance(value, str):
            return value
        if isinstance(value, Mapping):
            return str(value.get(lang) or value.get("ru") or value.get("kk") or "")
        text = getattr(value, "text", None)
        if callable(text):
            return str(text(lang))
        name = getattr(value, "name", None)
        if callable(name):
            return str(name(lang))
        for attr in (lang, f"name_{lang}", f"title_{lang}"):
            if hasattr(value, attr):
                return str(getattr(value, attr))
        return str(value)

    def set_language(self, lang: Lang) -> None:
        """Switch the UI language at run time (translators, locale, then the signal)."""
        from civicdesk.ui import i18n

        self.lang = lang
        self.runner.lang = lang
        if self.actor is not None:
            self.actor = dataclasses.replace(self.actor, lang=lang)
        i18n.install(lang)
        self.signals.language_changed.emit(lang)

    def notify_changed(self, entity: str) -> None:
        self.signals.data_changed.emit(entity)
