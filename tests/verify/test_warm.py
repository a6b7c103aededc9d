"""``schemawright.verify.warm``: one embedded PostgreSQL serves every scratch database of a batch."""

from __future__ import annotations

from schemawright.verify.engines import scratch_database
from schemawright.verify.warm import active, shared_postgres


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
