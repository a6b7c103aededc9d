"""Bookkeeping tables that migration tools and engines keep for themselves; never part of the
application's schema, so reflection (design and review alike) leaves them out."""

from __future__ import annotations

TOOL_TABLES = frozenset(
    {
        "schema_migrations",  # golang-migrate, dbmate
        "goose_db_version",
        "__diesel_schema_migrations",
        "flyway_schema_history",
        "alembic_version",
        "atlas_schema_revisions",
        "_prisma_migrations",
        "django_migrations",
        "knex_migrations",
        "knex_migrations_lock",
        "databasechangelog",  # Liquibase
        "databasechangeloglock",
        "changelog",  # migrate-mongo's default collection name, for completeness
        "sqlite_sequence",  # SQLite's AUTOINCREMENT bookkeeping
    }
)
