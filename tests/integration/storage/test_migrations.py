"""Migrations: HEAD names the newest script, and the scripts build exactly the ORM's schema."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory

from app.storage import migrate
from app.storage.models import Base


def test_head_constant_matches_the_scripts():
    config = Config()
    config.set_main_option("script_location", str(migrate.MIGRATIONS_DIR))
    assert ScriptDirectory.from_config(config).get_current_head() == migrate.HEAD


def test_migrated_schema_matches_the_models(workspace):
    with workspace._vault.engine.connect() as connection:
        context = MigrationContext.configure(connection)
        differences = compare_metadata(context, Base.metadata)
    assert differences == []


def test_a_database_from_a_newer_version_is_refused(workspace, make_workspace):
    import pytest
    from sqlalchemy import text

    from app.errors import DatabaseNewerThanAppError
    from tests.conftest import PASSPHRASE

    with workspace._vault.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    workspace.lock()
    with pytest.raises(DatabaseNewerThanAppError):
        make_workspace().unlock(PASSPHRASE)
