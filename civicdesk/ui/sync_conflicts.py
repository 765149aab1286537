"""Parts of the Sync page: the dialog that settles a conflict with typed values, and
the small text helpers the page and its tables share."""

from __future__ import annotations

import ipaddress
from datetime import datetime
from urllib.parse import urlsplit

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from civicdesk.domain.formatting import format_datetime
from civicdesk.services.sync import ConflictView
from civicdesk.sync.protocol import Scalar
from civicdesk.ui.env import UiEnv


def is_server_address(url: str) -> bool:
    """``http(s)://host[:port][/path]`` with a host name or IP address: what head office
    gives. A bare word such as ``example`` is not one (it would only ever fail as
    "no connection")."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return False
    host = parts.hostname or ""
    if parts.scheme not in ("http", "https") or not host or port == 0:
        return False
    try:
        ipaddress.ip_address(host)
        return True
    except ValueError:
        pass
    labels = host.split(".")
    return all(lbl and all(ch.isalnum() or ch == "-" for ch in lbl) for lbl in labels)


def value_text(value: Scalar) -> str:
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "✓" if value else "✗"
    return str(value)


def when_text(text: str | None, env: UiEnv) -> str:
    if not text:
        return ""
    try:
        return format_datetime(datetime.fromisoformat(text), env.lang, "short")
    except ValueError:
        return text


class ConflictDialog(QDialog):
    """Type (or choose) the values to keep for the fields of one conflict."""

    def __init__(
        self,
        conflict: ConflictView,
        parent: QWidget | None = None,
        labels: dict[str, str] | None = None,
        choices: dict[str, list[tuple[str, str]]] | None = None,
    ) -> None:
        super().__init__(parent)
        self.conflict = conflict
        labels = labels or {}
        choices = choices or {}
        self.edits: dict[str, QLineEdit] = {}
        #: fields with a fixed set of values (a status, a channel) are chosen, not typed
        self.combos: dict[str, QComboBox] = {}
        self.setWindowTitle(self.tr("Settle the conflict"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Type the value to keep. It is sent to head office "
                               "on the next synchronisation."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        for name, sides in conflict.fields.items():
            tip = (self.tr("Mine: %1\nTheirs: %2")
                   .replace("%1", value_text(sides.get("mine")))
                   .replace("%2", value_text(sides.get("theirs"))))
            if name in choices:
                combo = QComboBox()
                for text, data in choices[name]:
                    combo.addItem(text, data)
                combo.setCurrentIndex(max(0, combo.findData(sides.get("theirs"))))
                combo.setToolTip(tip)
                self.combos[name] = combo
                form.addRow(f"{labels.get(name, name)}:", combo)
                continue
            edit = QLineEdit(value_text(sides.get("theirs")) if sides.get("theirs")
                             is not None else "")
            edit.setToolTip(tip)
            self.edits[name] = edit
            form.addRow(f"{labels.get(name, name)}:", edit)
        layout.addLayout(form)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Keep this value"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def values(self) -> dict[str, Scalar]:
        """The typed values, as the same kind as the stored ones where possible."""
        out: dict[str, Scalar] = {name: str(c.currentData()) for name, c in self.combos.items()}
        for name, edit in self.edits.items():
            text = edit.text().strip()
            sample = self.conflict.fields[name].get("theirs")
            if sample is None:
                sample = self.conflict.fields[name].get("mine")
            value: Scalar = text
            if isinstance(sample, bool):
                value = text.lower() in ("1", "true", "✓", "иә", "да")
            elif isinstance(sample, int):
                try:
                    value = int(text)
                except ValueError:
                    value = text
            elif isinstance(sample, float):
                try:
                    value = float(text.replace(",", "."))
                except ValueError:
                    value = text
            elif text == "" and sample is None:
                value = None
            out[name] = value
        return out
