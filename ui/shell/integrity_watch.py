"""After each unlock the window checks the database file off the GUI thread: a damaged page
anywhere (not only where the first screens read) locks the window with what to do."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from app.errors import DatabaseUnreadableError
from app.services.workspace import Workspace
from ui.common.tasks import LatestOnly, TaskContext


class IntegrityWatch:
    """``start`` after unlocking, ``stop`` when locking; ``on_damaged`` runs on the GUI thread
    when the file is damaged. Other failures (locked meanwhile) are dropped: the pages report
    what they meet themselves."""

    def __init__(
        self, parent: QWidget, workspace: Workspace, on_damaged: Callable[[], None]
    ) -> None:
        self._workspace = workspace
        self._on_damaged = on_damaged
        self._latest = LatestOnly(parent, self._arrived, self._failed)

    @property
    def busy(self) -> bool:
        return self._latest.busy

    def start(self) -> None:
        from app.services import integrity  # with the storage: not before the window paints

        workspace = self._workspace

        def check(_context: TaskContext) -> bool:
            with workspace.unit_of_work(read_only=True) as uow:
                return integrity.file_intact(uow)

        self._latest.run(check)

    def stop(self) -> None:
        self._latest.drop()

    def _arrived(self, intact: bool) -> None:
        if not intact:
            self._on_damaged()

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, DatabaseUnreadableError):
            self._on_damaged()
