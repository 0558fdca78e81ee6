"""The window's pages, each built on first use.

A page's module (and what it imports: the services, SQLAlchemy, the sync client…) is not
loaded before the window has painted (issue 14). ``PageStack`` holds a placeholder for each page,
in navigation order, and builds the page by its factory the first time it is asked for it,
putting it in the placeholder's place.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

from PySide6.QtWidgets import QHBoxLayout, QLabel, QStackedWidget, QVBoxLayout, QWidget

PageFactory = Callable[[], QWidget]


class PageStack(QStackedWidget):
    """``pages`` are (name, factory) in navigation order; ``placeholder_text`` is what a page's
    place shows until it is built (e.g. while the data is being opened)."""

    def __init__(
        self,
        pages: Sequence[tuple[str, PageFactory]],
        placeholder_text: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._names = [name for name, _ in pages]
        self._factories = dict(pages)
        self._built: dict[str, QWidget] = {}
        for _name in self._names:
            self.addWidget(_placeholder(placeholder_text))

    def name_at(self, index: int) -> str:
        return self._names[index]

    def index_of(self, name: str) -> int:
        return self._names.index(name)

    def built(self, name: str) -> QWidget | None:
        """The page, if it has been built; None otherwise (it is not built by asking)."""
        return self._built.get(name)

    def built_pages(self, names: Sequence[str]) -> Iterator[QWidget]:
        """The pages among ``names`` that have been built, in the order of ``names``."""
        return (self._built[name] for name in names if name in self._built)

    def page(self, name: str) -> QWidget:
        """The page ``name``, built now if it was not yet."""
        page = self._built.get(name)
        if page is not None:
            return page
        page = self._factories[name]()
        self._built[name] = page
        index = self._names.index(name)
        placeholder = self.widget(index)
        was_current = self.currentIndex() == index
        self.insertWidget(index, page)
        self.removeWidget(placeholder)
        placeholder.deleteLater()
        if was_current:
            self.setCurrentIndex(index)
        return page


def _placeholder(text: str) -> QWidget:
    """``text`` in the middle of an empty page: centred by stretches, since the alignment flag
    (an enum of the Qt namespace, whose first use creates all of its ~100 Python enum types) or
    a style sheet on each placeholder would cost more than the rest before the first paint."""
    page = QWidget()
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(QLabel(text))
    row.addStretch(1)
    column = QVBoxLayout(page)
    column.addStretch(1)
    column.addLayout(row)
    column.addStretch(1)
    return page
