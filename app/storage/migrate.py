"""Schema migrations, applied automatically at unlock.

Alembic is imported only when the database is behind: an up-to-date database costs one query at
start-up. ``HEAD`` must name the newest script in ``migrations/versions`` (a test checks it).
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Connection, Engine, text

from app.errors import DatabaseNewerThanAppError
from app.storage.engine import READ_ONLY

HEAD = "0024_duesfolds"
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def current_revision(connection: Connection) -> str | None:
    exists = connection.execute(
        text("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'")
    ).first()
    if exists is None:
        return None
    return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def known_revisions() -> set[str]:
    return {p.stem for p in (MIGRATIONS_DIR / "versions").glob("[0-9]*.py")}


def needs_upgrade(engine: Engine) -> bool:
    with engine.connect().execution_options(**{READ_ONLY: True}) as connection:
        revision = current_revision(connection)
    if revision is not None and revision not in known_revisions():
        raise DatabaseNewerThanAppError(revision)
    return revision != HEAD


def upgrade(engine: Engine) -> None:
    """Bring the schema to HEAD in one transaction."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
