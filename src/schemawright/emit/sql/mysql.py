"""MySQL 8 and MariaDB 10.11: one migration runs on both, so quoting covers either engine's reserved
words. DDL commits implicitly, InnoDB indexes foreign keys itself, and partial indexes are emulated (see
``design/mysql.py``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from schemawright.emit.sql.base import DialectName, SATypeRenderer, SqlDialect, TypeRenderer, numeric

if TYPE_CHECKING:
    from sqlalchemy.engine.interfaces import Dialect as SADialect

    from schemawright.design.models import RelationalDesign
    from schemawright.domain.model import Assumption


class MySQL(SqlDialect):
    name: ClassVar[DialectName] = "mysql"

    TYPES: ClassVar[dict[str, TypeRenderer]] = {
        "uuid": lambda t: "CHAR(36)",
        "bigint": lambda t: "BIGINT",
        "integer": lambda t: "INT",
        "smallint": lambda t: "SMALLINT",
        "text": lambda t: "TEXT",
        "varchar": lambda t: f"VARCHAR({t.length})",
        "char": lambda t: f"CHAR({t.length})",
        "numeric": lambda t: numeric("DECIMAL", t),
        "boolean": lambda t: "BOOLEAN",
        "date": lambda t: "DATE",
        "time": lambda t: "TIME(0)",
        "timestamptz": lambda t: "DATETIME(6)",
        "interval": lambda t: "BIGINT",
        "json": lambda t: "JSON",
        "bytea": lambda t: "VARBINARY(1024)",
        "inet": lambda t: "VARCHAR(45)",
    }

    identifier_limit = 64
    engine_identifier_limit = 64
    # The names Windows reserves for devices, which MySQL and MariaDB treat specially when they map a table
    # name to its file (on every platform: the file name gets an ``@@@`` suffix). InnoDB then cannot resolve
    # a foreign key to or from such a table (MariaDB 10.11: errno 150 "Foreign key constraint is incorrectly
    # formed"), so a new table is never given one of them.
    unsafe_table_names = frozenset(
        ["con", "prn", "aux", "nul"] + [f"com{n}" for n in range(1, 10)] + [f"lpt{n}" for n in range(1, 10)]
    )
    unsafe_table_reason = (
        "CON, PRN, AUX, NUL, COM1-COM9 and LPT1-LPT9 are Windows device names, which MySQL and MariaDB store "
        "under an altered file name (lpt1@@@.ibd), and InnoDB then rejects foreign keys to or from the table."
    )

    transactional_ddl = False
    begin_transaction = "START TRANSACTION;"
    delimiter_command = True

    schema_is_database = True
    index_names_per_table = True
    fk_creates_index = True
    reserved_words = frozenset({"key", "index"})

    timestamp_type = "DATETIME"
    backslash_escapes = True
    now = "CURRENT_TIMESTAMP(6)"
    uuid_default = "(UUID())"

    def _sa_types(self) -> dict[str, SATypeRenderer]:
        import sqlalchemy as sa
        from sqlalchemy.dialects import mysql as sa_mysql

        return {
            "uuid": lambda t: sa.CHAR(36),
            "bigint": lambda t: sa.BigInteger(),
            "integer": lambda t: sa.Integer(),
            "smallint": lambda t: sa.SmallInteger(),
            "text": lambda t: sa.Text(),
            "varchar": lambda t: sa.String(t.length),
            "char": lambda t: sa.CHAR(t.length),
            "numeric": lambda t: sa.Numeric(t.precision, t.scale),
            "boolean": lambda t: sa.Boolean(),
            "date": lambda t: sa.Date(),
            "time": lambda t: sa_mysql.TIME(fsp=0),
            "timestamptz": lambda t: sa_mysql.DATETIME(fsp=6),
            "json": lambda t: sa.JSON(),
            "bytea": lambda t: sa_mysql.VARBINARY(1024),
            "inet": lambda t: sa.String(45),
        }

    def _make_sa_dialect(self) -> SADialect:
        # One migration must run on MySQL and on MariaDB, whose reserved words differ (MariaDB reserves
        # OFFSET; MySQL reserves RANK): quote the words either engine reserves.
        from sqlalchemy.dialects import mysql as sa_mysql
        from sqlalchemy.dialects.mysql.reserved_words import RESERVED_WORDS_MARIADB, RESERVED_WORDS_MYSQL

        dialect = sa_mysql.dialect(paramstyle="named")
        preparer = dialect.identifier_preparer
        preparer.reserved_words = set(preparer.reserved_words) | RESERVED_WORDS_MARIADB | RESERVED_WORDS_MYSQL
        return dialect

    def adapt_design(self, design: RelationalDesign, updated_at: str) -> list[Assumption]:
        from schemawright.design.mysql import adapt_for_mysql

        return adapt_for_mysql(design, updated_at)
