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
    assert active() is None
    with shared_postgres() as warm:
        assert warm.starts == 0  # nothing starts until a scratch database is asked for
        first, second = _server_identity(), _server_identity()
        assert warm.starts == 1 and warm.scratches == 2
        assert first[:2] == second[:2]  # the same server (port, start time)
        assert first[2] != second[2]  # but a fresh database each time
        data_dir = warm.workdir
        assert data_dir is not None and data_dir.is_dir()
    assert active() is None
    assert not data_dir.exists()  # stopped and removed when the block ends


def test_a_configured_server_is_not_redirected(postgres_url: str) -> None:
    with shared_postgres() as warm:
        _server_identity(postgres_url)
        assert warm.starts == 0 and warm.scratches == 0
