"""What an empty table says: a hint over it naming what to do ("尚无会议：点击“新建会议”…").

``EmptyHint(view, text)`` shows ``text`` centred in ``view`` while its model has no rows, and
hides it as soon as there is one. ``text`` may be a function, asked each time the table becomes
empty, so that a page can tell "nothing yet" from "nothing matches the filter".
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QAbstractItemModel, QEvent, QObject, Qt, SignalInstance
from PySide6.QtWidgets import QAbstractItemView, QLabel

from ui.common.styles import HINT_STYLE

MARGIN = 24


class EmptyHint(QObject):
    """A hint over ``view`` while its model is empty (also after ``setModel``: call ``watch``)."""

    def __init__(self, view: QAbstractItemView, text: str | Callable[[], str]) -> None:
        super().__init__(view)
        self._view = view
        self._text = text
        self._model: QAbstractItemModel | None = None
        self.label = QLabel(view.viewport())
        self.label.setObjectName("empty_hint")
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setStyleSheet(HINT_STYLE)
        self.label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        view.viewport().installEventFilter(self)
        self.watch(view.model())

    def watch(self, model: QAbstractItemModel | None) -> None:
        """Follow ``model`` (the view's model, when it is set after the hint was made)."""
        if self._model is not None:
            for signal in self._signals(self._model):
                signal.disconnect(self.update)
        self._model = model
        if model is not None:
            for signal in self._signals(model):
                signal.connect(self.update)
        self.update()

    @staticmethod
    def _signals(model: QAbstractItemModel) -> tuple[SignalInstance, ...]:
        return (model.rowsInserted, model.rowsRemoved, model.modelReset, model.layoutChanged)

    def update(self, *_args: object) -> None:
        if not shiboken6.isValid(self.label):
            return  # the view is being destroyed: its model still says goodbye
        empty = self._model is None or self._model.rowCount() == 0
        if empty:
            self.label.setText(self._text() if callable(self._text) else self._text)
            self._place()
        self.label.setVisible(empty)

    @property
    def text(self) -> str:
        """The hint shown now ("" while the table has rows)."""
        return self.label.text() if not self.label.isHidden() else ""

    def _place(self) -> None:
        area = self._view.viewport().rect().adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN)
        self.label.setGeometry(area)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self._place()
        return False
