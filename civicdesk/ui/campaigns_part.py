"""What the parts of the campaigns page share: the page's state and the methods they
call on one another, declared once for the type checker.

At run time a part is a plain mixin of :class:`civicdesk.ui.campaigns.CampaignsPage`;
for the type checker it is a widget, since the page it is mixed into is one.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from civicdesk.services import campaigns as svc
from civicdesk.ui.env import UiEnv

__all__ = ["CampaignsPagePart"]

if TYPE_CHECKING:
    _Base = QWidget
else:
    _Base = object


class CampaignsPagePart(_Base):
    """The page's state and cross-part methods a part may use."""

    env: UiEnv
    view: svc.CampaignView | None
    wave_id: str | None
    pending: int
    villages: list[tuple[str, str, str]]
    _scanned_number: int | None
    on_rendered: Callable[[object], None] | None
    show_previews: bool
    _saved: Callable[[svc.CampaignView], None]
    load_figures: Callable[[], None]
