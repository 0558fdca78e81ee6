"""The branch's local practice for transfers (``app.domain.transfers.TransferSettings``): kept in
the encrypted database's settings, local to the PC like the other preferences, audited."""

from __future__ import annotations

from dataclasses import fields

from sqlalchemy import select

from app.domain.transfers import DuesStartRule, TransferSettings
from app.storage.models import Setting
from app.storage.unit_of_work import UnitOfWork

_PREFIX = "transfers."


def load(uow: UnitOfWork) -> TransferSettings:
    """The stored settings; the national defaults for anything missing or unreadable."""
    stored = dict(uow.session.execute(
        select(Setting.key, Setting.value).where(Setting.key.like(f"{_PREFIX}%"))
    ).tuples().all())
    values: dict[str, object] = {}
    for f in fields(TransferSettings):
        text = stored.get(_PREFIX + f.name)
        if text is None:
            continue
        try:
            if f.name == "valid_days":
                values[f.name] = int(text)
            elif f.name == "dues_start":
                values[f.name] = DuesStartRule(text)
            else:
                values[f.name] = text
        except ValueError:
            continue
    try:
        return TransferSettings(**values)  # type: ignore[arg-type]
    except ValueError:
        return TransferSettings()


def save(uow: UnitOfWork, settings: TransferSettings) -> None:
    """Keep the settings (audited, naming the changed ones)."""
    before = load(uow)
    changed = []
    for f in fields(TransferSettings):
        value = getattr(settings, f.name)
        if isinstance(value, str):
            value = value.strip()
        text = value.value if isinstance(value, DuesStartRule) else str(value)
        if getattr(before, f.name) != getattr(settings, f.name):
            changed.append(f.name)
        uow.session.merge(Setting(key=_PREFIX + f.name, value=text))
    if changed:
        uow.audit("preferences.update", "settings", "transfers", {"fields": changed})

