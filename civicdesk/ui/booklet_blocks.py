"""The content editor's pieces on the booklets page: a bilingual block (Kazakh left,
Russian right) and a section of blocks."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
)

if TYPE_CHECKING:
    from civicdesk.ui.booklets import BookletsPage

__all__ = ["BilingualBlock", "SectionEditor"]


def _lines(edit: QPlainTextEdit) -> int:
    """Roughly how many lines the text takes in a column of the editor."""
    return sum(1 + len(line) // 48 for line in edit.toPlainText().split("\n"))


def _fit(*edits: QPlainTextEdit) -> None:
    """Grow the Kazakh and Russian boxes of a block together with the longer text."""
    lines = max(_lines(e) for e in edits)
    for e in edits:
        e.setFixedHeight(min(14, max(2, lines)) * e.fontMetrics().lineSpacing() + 14)


class BilingualBlock(QFrame):
    """One block of a section: the Kazakh text on the left, the Russian on the right.

    ``p``/``note``: the text; ``bullets``: one item a line in each column;
    ``fill``: the label; ``image``: not editable here (kept as it is).
    """

    def __init__(self, block: dict[str, Any], on_change: Callable[[], None], on_remove: Callable[[BilingualBlock], None],
                 kind_name: str, remove_tip: str) -> None:
        super().__init__()
        self.block = copy.deepcopy(block)
        self.kind = str(block.get("type", "p"))
        self.setFrameShape(QFrame.Shape.NoFrame)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 2, 0, 2)
        self.kind_label = QLabel(kind_name)
        self.kind_label.setStyleSheet("color: #666666;")
        self.remove_button = QPushButton("×")
        self.remove_button.setFixedWidth(28)
        self.remove_button.setToolTip(remove_tip)
        self.remove_button.clicked.connect(lambda: on_remove(self))
        self.kk = QPlainTextEdit()
        self.ru = QPlainTextEdit()
        kk, ru = self._texts()
        self.kk.setPlainText(kk)
        self.ru.setPlainText(ru)
        editable = self.kind != "image"
        for e in (self.kk, self.ru):
            e.setReadOnly(not editable)
            e.textChanged.connect(on_change)
            e.textChanged.connect(lambda: _fit(self.kk, self.ru))
        _fit(self.kk, self.ru)
        grid.addWidget(self.kind_label, 0, 0)
        grid.addWidget(self.remove_button, 0, 1, Qt.AlignmentFlag.AlignRight)
        grid.addWidget(self.kk, 1, 0)
        grid.addWidget(self.ru, 1, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)

    def _texts(self) -> tuple[str, str]:
        b = self.block
        if self.kind == "bullets":
            items = b.get("items", [])
            return ("\n".join(str(i.get("kk", "")) for i in items), "\n".join(str(i.get("ru", "")) for i in items))
        if self.kind == "image":
            cap = b.get("caption") or {}
            return (f"[{b.get('path', '')}] {cap.get('kk', '')}", f"[{b.get('path', '')}] {cap.get('ru', '')}")
        return str(b.get("kk", "")), str(b.get("ru", ""))

    def value(self) -> dict[str, Any]:
        b = copy.deepcopy(self.block)
        kk, ru = self.kk.toPlainText().strip(), self.ru.toPlainText().strip()
        if self.kind == "bullets":
            kl = [x.strip() for x in kk.split("\n") if x.strip()]
            rl = [x.strip() for x in ru.split("\n") if x.strip()]
            n = max(len(kl), len(rl))
            kl += [""] * (n - len(kl))
            rl += [""] * (n - len(rl))
            b["items"] = [{"kk": a, "ru": c} for a, c in zip(kl, rl, strict=True)]
        elif self.kind != "image":
            b["kk"], b["ru"] = kk, ru
        return b

    def bullets_mismatch(self) -> bool:
        if self.kind != "bullets":
            return False
        count = [len([x for x in e.toPlainText().split("\n") if x.strip()]) for e in (self.kk, self.ru)]
        return count[0] != count[1]


class SectionEditor(QGroupBox):
    """A section: its heading in both languages and its blocks."""

    def __init__(self, page: BookletsPage, section: dict[str, Any]) -> None:
        super().__init__()
        self.page = page
        self.v = QVBoxLayout(self)
        head = QHBoxLayout()
        heading = section.get("heading") or {}
        self.heading_kk = QLineEdit(str(heading.get("kk", "")))
        self.heading_ru = QLineEdit(str(heading.get("ru", "")))
        for e in (self.heading_kk, self.heading_ru):
            e.setCursorPosition(0)
            e.setStyleSheet("font-weight: bold;")
            e.textEdited.connect(page.mark_dirty)
            head.addWidget(e, 1)
        self.remove_section_button = QPushButton("×")
        self.remove_section_button.setFixedWidth(28)
        self.remove_section_button.clicked.connect(lambda: page.remove_section(self))
        head.addWidget(self.remove_section_button)
        self.v.addLayout(head)
        self.blocks: list[BilingualBlock] = []
        self.blocks_layout = QVBoxLayout()
        self.v.addLayout(self.blocks_layout)
        for b in section.get("blocks", []):
            self.add_block(b)
        self.add_paragraph_button = QPushButton()
        self.add_paragraph_button.clicked.connect(self._add_paragraph)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.add_paragraph_button)
        self.v.addLayout(row)
        self.retranslate()

    def _add_paragraph(self) -> None:
        block = self.add_block({"type": "p", "kk": "", "ru": ""})
        block.kk.setFocus()
        self.page.mark_dirty()

    def add_block(self, block: dict[str, Any]) -> BilingualBlock:
        w = BilingualBlock(block, self.page.mark_dirty, self.remove_block, self.page.kind_name(str(block.get("type", "p"))),
                           QCoreApplication.translate("BookletsPage", "Remove this block"))
        self.blocks.append(w)
        self.blocks_layout.addWidget(w)
        return w

    def remove_block(self, w: BilingualBlock) -> None:
        self.blocks.remove(w)
        w.setParent(None)
        w.deleteLater()
        self.page.mark_dirty()

    def value(self) -> dict[str, Any]:
        return {
            "heading": {"kk": self.heading_kk.text().strip(), "ru": self.heading_ru.text().strip()},
            "blocks": [b.value() for b in self.blocks],
        }

    def retranslate(self) -> None:
        self.add_paragraph_button.setText(QCoreApplication.translate("BookletsPage", "Add a paragraph"))
        self.remove_section_button.setToolTip(QCoreApplication.translate("BookletsPage", "Remove this section"))
        self.heading_kk.setPlaceholderText(QCoreApplication.translate("BookletsPage", "Section heading in Kazakh"))
        self.heading_ru.setPlaceholderText(QCoreApplication.translate("BookletsPage", "Section heading in Russian"))
        for b in self.blocks:
            b.kind_label.setText(self.page.kind_name(b.kind))
            b.remove_button.setToolTip(QCoreApplication.translate("BookletsPage", "Remove this block"))
