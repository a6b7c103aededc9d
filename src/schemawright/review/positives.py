"""Positive observations: what the reviewed schema and migrations already do well."""

from __future__ import annotations

from schemawright.catalog.models import Table
from schemawright.review.models import ReviewReport
from schemawright.review.schema import Schema


def positives(report: ReviewReport, schema: Schema, tables: list[Table]) -> list[str]:
    codes = report.codes()
    real = [t for t in tables if not t.stub and t.partition_of is None]
    fks = [fk for t in real for fk in t.foreign_keys]
    out: list[str] = []

    def clean(*prefixes: str) -> bool:
        return not any(code.startswith(prefixes) for code in codes)

    if real and clean("SW101"):
        out.append(f"Every table has a primary key ({len(real)} tables).")
    if fks and clean("SW201"):
        out.append(f"Every foreign key is indexed ({len(fks)} foreign keys).")
    if fks and clean("SW301"):
        out.append("Every foreign key states its ON DELETE behaviour.")
    if real and clean("SW103", "SW104", "SW105"):
        out.append("Money, dates and timestamps use exact and time-zone-aware types.")
    if real and clean("SW106", "SW107"):
        out.append("Every table carries created_at/updated_at audit timestamps.")
    if real and clean("SW4"):
        out.append("Names are consistent snake_case with no reserved words or prefixes.")
    if real and clean("SW5"):
        out.append("No plaintext secrets, tokens or unprotected personal data.")
    if any(t.partitioned for t in real):
        out.append("High-volume tables are partitioned.")
    if report.migrations and clean("SW612", "SW613"):
        out.append("Every migration has a down that restores the previous schema.")
    if report.migrations and clean(
        "SW601", "SW602", "SW603", "SW604", "SW605", "SW606", "SW607", "SW609", "SW610", "SW611", "SW616"
    ):
        out.append("No lock-heavy or destructive operation on existing tables.")
    return out
