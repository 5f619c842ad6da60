"""A desk database on PostgreSQL (issue 19): reached by URL, no password kept, foreign or newer
databases refused untouched, one-line messages when the server says no."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import psycopg
import pytest

from briefing_app.services import Services
from briefing_app.storage.database import open_database
from briefing_app.storage.errors import DatabaseCorrupt, DatabaseTooNew, StorageError
from briefing_app.storage.target import describe, has_password, is_server_url, sqlite_path, without_password

pytestmark = pytest.mark.postgresql


@pytest.fixture
def empty_db(pg_cluster: object) -> Iterator[tuple[object, str]]:
    name = f"s_{uuid.uuid4().hex[:12]}"
    yield pg_cluster, pg_cluster.create_database(name)  # type: ignore[attr-defined]
    pg_cluster.drop_database(name)  # type: ignore[attr-defined]


def _sql(cluster: object, url: str, statement: str) -> list[tuple[object, ...]]:
    dbname = url.split("@/")[1].split("?")[0]
    with psycopg.connect(host=str(cluster.socket_dir), user="officer", dbname=dbname, autocommit=True) as conn:  # type: ignore[attr-defined]
        cur = conn.execute(statement)  # type: ignore[arg-type]
        return cur.fetchall() if cur.description else []


def test_a_url_opens_a_new_desk_database_with_the_schema_and_no_password_kept(
        empty_db: tuple[object, str]) -> None:
    cluster, url = empty_db
    with_password = url.replace("officer@", "officer:s3cret@")
    services = Services.open(with_password)
    try:
        assert services.db.is_server and services.db.path is None
        assert "s3cret" not in services.db.location and "s3cret" not in services.db.name
        assert services.pillars.ids()  # the default pillars are seeded, as in a new file
    finally:
        services.close()
    tables = {r[0] for r in _sql(cluster, url, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")}
    assert {"article", "annotation", "briefing", "lesson", "alembic_version"} <= tables
    assert "article_fts" not in tables  # SQLite's FTS5 table is not made on PostgreSQL
    indexes = {r[0] for r in _sql(cluster, url, "SELECT indexname FROM pg_indexes WHERE tablename = 'article'")}
    assert "ix_article_search_vector" in indexes


def test_a_database_of_another_program_is_refused_and_left_untouched(empty_db: tuple[object, str]) -> None:
    cluster, url = empty_db
    _sql(cluster, url, "CREATE TABLE customers (id integer primary key, name text)")
    with pytest.raises(DatabaseCorrupt, match="another program"):
        open_database(url)
    tables = {r[0] for r in _sql(cluster, url, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")}
    assert tables == {"customers"}


def test_a_desk_database_of_a_newer_app_is_refused(db_target: str, pg_cluster: object) -> None:
    if not is_server_url(db_target):
        pytest.skip("needs the PostgreSQL database")
    _sql(pg_cluster, db_target, "UPDATE alembic_version SET version_num = '0099_future'")
    with pytest.raises(DatabaseTooNew, match="newer Briefing Builder"):
        open_database(db_target)


@pytest.fixture
def db_engine() -> str:
    return "postgresql"


def test_an_unreachable_database_is_one_line(pg_cluster: object) -> None:
    url = pg_cluster.url("no_such_library")  # type: ignore[attr-defined]
    with pytest.raises(StorageError) as info:
        open_database(url)
    message = str(info.value)
    assert message.startswith("Cannot reach the desk database no_such_library")
    assert "does not exist" in message and "\n" not in message


def test_targets_tell_files_from_server_urls_and_drop_passwords() -> None:
    assert is_server_url("postgresql+psycopg://officer@deskserver/briefings")
    assert is_server_url("postgresql://officer@/briefings?host=/tmp/pgsock")
    assert not is_server_url("/home/officer/briefing.db")
    assert not is_server_url("C:\\Users\\officer\\briefing.db")
    assert not is_server_url("sqlite:////tmp/x.db")
    assert str(sqlite_path("sqlite:////tmp/x.db")) == "/tmp/x.db"
    assert without_password("postgresql+psycopg://officer:pw@deskserver:5433/briefings?sslmode=require") == \
        "postgresql+psycopg://officer@deskserver:5433/briefings?sslmode=require"
    assert has_password("postgresql://officer:pw@deskserver/briefings")
    assert not has_password("postgresql://officer@deskserver/briefings")
    assert describe("postgresql+psycopg://officer@deskserver/briefings") == "the desk database briefings on deskserver"


def test_members_of_the_desk_lead_role_lead_the_desk(db_target: str, pg_cluster: object) -> None:
    if not is_server_url(db_target):
        pytest.skip("needs the PostgreSQL database")
    officer = f"bram_{uuid.uuid4().hex[:8]}"
    for statement in (f"CREATE ROLE {officer} LOGIN",
                      f"GRANT ALL ON ALL TABLES IN SCHEMA public TO {officer}",
                      f"GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO {officer}"):
        _sql(pg_cluster, db_target, statement)
    as_bram = db_target.replace("officer@", f"{officer}@")
    db = open_database(as_bram)
    assert db.desk_lead is False  # an ordinary officer (no desk_lead role, or not a member)
    db.close()
    _sql(pg_cluster, db_target, "DO $$ BEGIN CREATE ROLE desk_lead; EXCEPTION WHEN duplicate_object THEN NULL; END $$")
    _sql(pg_cluster, db_target, f"GRANT desk_lead TO {officer}")
    db = open_database(as_bram)
    assert db.desk_lead is True
    db.close()
