"""What the parts of the grants page (calls, budget, review, progress) share: the page's
state and the methods they call on one another, declared once for the type checker.

At run time a part is a plain mixin of :class:`civicdesk.ui.grants.GrantsPage`; for the
type checker it is a widget, since the page it is mixed into is one.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox, QProgressBar, QWidget

from civicdesk.services import grants as svc
from civicdesk.ui.env import UiEnv
from civicdesk.ui.screens_common import FieldErrors

__all__ = ["GrantsPagePart"]

if TYPE_CHECKING:
    _Base = QWidget
else:
    _Base = object


class GrantsPagePart(_Base):
    """The page's state and cross-part methods a part may use."""

    env: UiEnv
    view: svc.ApplicationView | None
    call: svc.GrantCallView | None
    calls: list[svc.GrantCallRow]
    dirty: bool
    _loading: bool
    show_previews: bool
    call_combo: QComboBox
    pool_bar: QProgressBar
    reload: Callable[[int], None]
    _mark_dirty: Callable[..., None]
    _saved: Callable[[svc.ApplicationView], None]
    _fail: Callable[[FieldErrors | None], Callable[[BaseException], None]]
    _rendered: Callable[[object], None]
    _build_rubric: Callable[[], None]
    _budget_changed: Callable[[], None]
