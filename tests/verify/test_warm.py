"""``schemawright.verify.warm``: one embedded PostgreSQL serves every scratch database of a batch."""

from __future__ import annotations

import pytest

from schemawright.verify.engines import ScratchDatabase, scratch_database
from schemawright.verify.errors import MigrationError
from schemawright.verify.warm import active, reading, shared_postgres


def _server_identity(url: str | None = None) -> tuple[str, str, str]:
    with scratch_database("postgresql", url, embedded=url is None) as db:
        row = db.query(
            "SELECT current_setting('port') AS port, pg_postmaster_start_time()::text AS started, "
            "current_database() AS name"
        )[0]
        db.execute_script("CREATE TABLE t (id int);")  # each scratch database is empty and writable
        return str(row["port"]), str(row["started"]), str(row["name"])


def test_one_embedded_server_serves_every_scratch_database() -> None:
    assert active(None) is None
    with shared_postgres(embedded=True) as warm:
        assert warm.starts == 0  # nothing starts until a scratch database is asked for
        first, second = _server_identity(), _server_identity()
        assert warm.starts == 1 and warm.scratches == 2 and warm.connections == 1
        assert first[:2] == second[:2]  # the same server (port, start time)
        assert first[2] != second[2]  # but a fresh database each time
        data_dir = warm.workdir
        assert data_dir is not None and data_dir.is_dir()
        with scratch_database("postgresql", None, embedded=True) as db:  # throw-away data: never flushed
            settings = db.query("SELECT name, setting FROM pg_settings WHERE name IN "
                                "('fsync', 'synchronous_commit', 'full_page_writes')")
            assert {str(r["setting"]) for r in settings} == {"off"} and len(settings) == 3
    assert active(None) is None
    assert not data_dir.exists()  # stopped and removed when the block ends


def test_one_connection_to_a_configured_server_serves_the_batch(postgres_url: str) -> None:
    with shared_postgres(postgres_url) as warm:
        assert active(postgres_url) is warm and active(None) is None  # the embedded one is not redirected
        first, second = _server_identity(postgres_url), _server_identity(postgres_url)
        assert warm.connections == 1 and warm.scratches == 2 and warm.starts == 0
        assert first[:2] == second[:2] and first[2] != second[2]
        with scratch_database("postgresql", postgres_url) as db:  # the scratch role owns its database
            row = db.query("SELECT current_user AS who, pg_get_userbyid(datdba) AS owner FROM pg_database "
                           "WHERE datname = current_database()")[0]
            assert row["who"] == row["owner"] and str(row["who"]).startswith("sw_scratch_")
    assert active(postgres_url) is None


S1 = "CREATE TABLE t1 (id int PRIMARY KEY);"
S2 = "CREATE TABLE t2 (id int PRIMARY KEY, t1_id int REFERENCES t1 (id));"
S3 = "CREATE TABLE t3 (id int PRIMARY KEY);\nCREATE INDEX ix_t3 ON t3 (id);"
BAD = "CREATE TABLE t4 (id int);\n\nCREATE TABLE t4 (id int);"


def _tables(db: ScratchDatabase) -> set[str]:
    rows = db.query("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
    return {str(r["tablename"]) for r in rows}


def test_a_replayed_history_is_copied_from_the_chain_template(postgres_url: str) -> None:
    with shared_postgres(postgres_url) as warm:
        with scratch_database("postgresql", postgres_url) as db:  # like a design's replay
            db.execute_script(S1)
            db.execute_script(S2)
            assert _tables(db) == {"t1", "t2"}
        assert warm.chain_scripts == 2 and warm.copies == 1
        with scratch_database("postgresql", postgres_url) as db:  # the next feature: one more migration
            for script in (S1, S2, S3):
                db.execute_script(script)
            assert _tables(db) == {"t1", "t2", "t3"}
            # the copy's objects belong to this scratch role: it can change and drop them
            db.execute_script("ALTER TABLE t1 ADD COLUMN note text;\nDROP TABLE t2;")
            assert _tables(db) == {"t1", "t3"}
        assert warm.chain_scripts == 3 and warm.copies == 2
        with scratch_database("postgresql", postgres_url) as db:  # a shorter history: replayed for real
            db.execute_script(S1)
            assert _tables(db) == {"t1"}
        assert warm.copies == 2


def test_a_failing_script_fails_in_its_own_call_with_its_line(postgres_url: str) -> None:
    with shared_postgres(postgres_url) as warm, scratch_database("postgresql", postgres_url) as db:
        db.execute_script(S1)
        with pytest.raises(MigrationError) as failed:
            db.execute_script(BAD)
        assert failed.value.line == 3 and "already exists" in failed.value.engine_message
        assert warm.chain_length == 0  # the template held part of BAD: dropped


def test_session_settings_are_never_taken_from_the_template(postgres_url: str) -> None:
    with shared_postgres(postgres_url) as warm:
        for _ in range(2):
            with scratch_database("postgresql", postgres_url) as db:
                db.execute_script("CREATE SCHEMA app;\nSET search_path = app, public;")
                db.execute_script(S1)
                assert db.query("SELECT to_regclass('app.t1') IS NOT NULL AS there")[0]["there"]
        assert warm.chain_scripts == 0 and warm.copies == 0


def test_a_replayed_history_is_read_from_the_chain_template_itself(postgres_url: str) -> None:
    from schemawright.project.reflect import reflect_functions, reflect_tables, trigger_tables

    def read(db: ScratchDatabase) -> tuple[object, ...]:
        tables = [t.model_dump() for t in reflect_tables(db)]
        return tables, reflect_functions(db), trigger_tables(db), db.query("SELECT current_schema() AS s")

    scripts = (S1, S2, S3, "CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1';")
    with shared_postgres(postgres_url) as warm:
        with scratch_database("postgresql", postgres_url) as db:
            for script in scripts:
                db.execute_script(script)
            copied = read(db)  # used as a database of its own: a copy
        assert warm.copies == 1 and warm.views == 0
        with scratch_database("postgresql", postgres_url) as db:
            for script in scripts:
                db.execute_script(script)
            with reading(db) as replayed:
                assert replayed is not db
                assert read(replayed) == copied  # exactly what the copy gives
                with pytest.raises(MigrationError, match="read-only"):
                    replayed.execute("CREATE TABLE t9 (id int)")
        assert warm.copies == 1 and warm.views == 1
        with scratch_database("postgresql", postgres_url) as db:  # the template was not changed
            for script in scripts:
                db.execute_script(script)
            assert _tables(db) == {"t1", "t2", "t3"} and warm.copies == 2


@pytest.mark.parametrize(
    "differs",
    [
        "CREATE SCHEMA AUTHORIZATION CURRENT_USER;",  # "$user" on the path finds it on the template only
        # a setting a copy does not get (written so that the refusal of database statements misses it)
        "DO $$ BEGIN EXECUTE 'ALTER DATA' || 'BASE ' || quote_ident(current_database()) "
        "|| ' SET search_path = app, public'; END $$;",
    ],
)
def test_a_template_that_reads_differently_is_copied(postgres_url: str, differs: str) -> None:
    with shared_postgres(postgres_url) as warm, scratch_database("postgresql", postgres_url) as db:
        db.execute_script(S1)
        db.execute_script(differs)
        with reading(db) as replayed:
            assert replayed is db
            assert _tables(replayed) == {"t1"}
        assert warm.views == 0 and warm.copies == 1


def test_anything_else_is_read_where_it_is(postgres_url: str) -> None:
    with scratch_database("postgresql", postgres_url) as db, reading(db) as same:  # no batch
        assert same is db
    with shared_postgres(postgres_url) as warm, scratch_database("postgresql", postgres_url) as db:
        db.execute_script(S1)
        db.execute("INSERT INTO t1 VALUES (1)")  # used: a copy of its own
        with reading(db) as same:
            assert same is db
        assert warm.views == 0


def test_the_chain_template_is_read_again_only_where_its_new_scripts_changed_it(
    postgres_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import schemawright.catalog.reflect as reflect_module
    from schemawright.catalog.reflect import reflect
    from schemawright.verify.warm import reflect_read

    partial: list[object] = []
    real = reflect_module.reflect_changed

    def counted(db: ScratchDatabase, before: object, changed: object, *, keep_session: bool) -> object:
        assert keep_session  # the reader's session stays open on the template between readings
        partial.append(changed)
        return real(db, before, changed, keep_session=keep_session)  # type: ignore[arg-type]

    monkeypatch.setattr(reflect_module, "reflect_changed", counted)
    history: list[str] = []
    readings = []
    sessions: list[object] = []
    with shared_postgres(postgres_url) as warm:
        for script in (S1, S2, S3, "CREATE TYPE mood AS ENUM ('ok');", "ALTER TABLE t1 ADD COLUMN n int;"):
            history.append(script)
            with scratch_database("postgresql", postgres_url) as db:
                for earlier in history:
                    db.execute_script(earlier)
                with reading(db) as replayed:
                    catalog = reflect_read(replayed)
                    assert catalog.model_dump() == reflect(replayed).model_dump()
                    readings.append(catalog)
                    sessions.append(replayed.conn)  # type: ignore[attr-defined]
        # the session kept open does not stop the template from being copied
        with scratch_database("postgresql", postgres_url) as db:
            for earlier in history:
                db.execute_script(earlier)
            db.execute("INSERT INTO t1 VALUES (1, 1)")
        assert warm.copies == 1
    # one read-only session served every reading; it was closed before the template was copied
    assert len({id(s) for s in sessions}) == 1 and sessions[0].closed  # type: ignore[attr-defined]
    # the first reading reads everything; a type is not understood (everything again)
    assert partial == [{(None, "t2")}, {(None, "t3")}, {(None, "t1")}]
    assert [len(c.tables) for c in readings] == [1, 2, 3, 3, 3]
    # outside a batch: an ordinary reading
    with scratch_database("postgresql", postgres_url) as db:
        db.execute_script(S1)
        assert [t.name for t in reflect_read(db).tables] == ["t1"]
