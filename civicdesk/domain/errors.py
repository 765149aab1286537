"""One exception family for errors a user can act on.

Every such error carries its message in Kazakh and in Russian; the layer that shows
it (the app, the command line, the server) picks the user's language. Anything that
is not a ``UserError`` is a bug and goes to the crash dialog / log file.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Lang = Literal["kk", "ru"]
LANGS: tuple[Lang, ...] = ("kk", "ru")


@dataclass(frozen=True)
class Message:
    """A text in both languages, with optional ``{name}`` placeholders."""

    kk: str
    ru: str

    def text(self, lang: Lang, **params: object) -> str:
        template = self.kk if lang == "kk" else self.ru
        return template.format(**params) if params else template


class UserError(Exception):
    """An error the user can act on, with a message in kk and ru.

    ``code`` is a stable machine-readable identifier (used by the server in JSON
    answers and by tests); ``field`` names the form field at fault, if any.
    """

    def __init__(
        self,
        code: str,
        message: Message,
        *,
        field: str | None = None,
        **params: object,
    ) -> None:
        self.code = code
        self.message = message
        self.field = field
        self.params = params
        super().__init__(f"{code}: {message.text('ru', **params)}")

    def text(self, lang: Lang) -> str:
        return self.message.text(lang, **self.params)


class ValidationError(UserError):
    """Input that breaks a domain rule."""


class ValidationErrors(UserError):  # noqa: N818 - the plural name is the public API
    """Several field errors at once (a half-filled form): nothing is saved."""

    def __init__(self, errors: list[UserError]) -> None:
        self.errors = list(errors)
        super().__init__(
            "validation",
            Message(
                kk="Форманы толтыруда қателер бар",
                ru="В форме есть ошибки",
            ),
        )

    def text(self, lang: Lang) -> str:
        return "\n".join(e.text(lang) for e in self.errors)

    def by_field(self) -> dict[str, UserError]:
        return {e.field or "": e for e in self.errors}
