"""Django model fields as the columns Django's schema editor creates for them, in SQLAlchemy terms.

The mapping follows Django's backends (``django/db/backends/*/base.py`` ``data_types``): ``CharField`` is
``varchar(max_length)``, ``DateTimeField`` ``timestamp with time zone`` on PostgreSQL, ``JSONField``
``jsonb``, ``AutoField``/``BigAutoField`` an identity; a ``ForeignKey`` is the column ``<name>_id`` of the
target's primary key type. A field class it does not know (a project's or a package's own) is read as
text, and the caller notes it.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

from schemawright.emit.sql.dialects import dialect_for
from schemawright.project.django_files import Call
from schemawright.project.py_static import Unknown

AUTO = {"AutoField": sa.Integer, "BigAutoField": sa.BigInteger, "SmallAutoField": sa.SmallInteger}
RELATIONS = {"ForeignKey", "OneToOneField", "ParentalKey"}
_PLAIN: dict[str, Any] = {
    "TextField": sa.Text,
    "IntegerField": sa.Integer,
    "BigIntegerField": sa.BigInteger,
    "SmallIntegerField": sa.SmallInteger,
    "PositiveIntegerField": sa.Integer,
    "PositiveBigIntegerField": sa.BigInteger,
    "PositiveSmallIntegerField": sa.SmallInteger,
    "BooleanField": sa.Boolean,
    "NullBooleanField": sa.Boolean,
    "DateField": sa.Date,
    "TimeField": sa.Time,
    "DurationField": sa.Interval,
    "FloatField": sa.Float,
    "BinaryField": sa.LargeBinary,
    "UUIDField": sa.Uuid,
}
_LENGTHS = {
    "CharField": None,
    "EmailField": 254,
    "SlugField": 50,
    "URLField": 200,
    "FileField": 100,
    "ImageField": 100,
    "FilePathField": 100,
    "CommaSeparatedIntegerField": None,
    "IPAddressField": 15,
}


def known(field: object) -> bool:
    return isinstance(field, Call) and (
        field.kind in AUTO
        or field.kind in _PLAIN
        or field.kind in _LENGTHS
        or field.kind in RELATIONS
        or field.kind
        in (
            "DateTimeField",
            "DecimalField",
            "JSONField",
            "GenericIPAddressField",
            "ArrayField",
            "ManyToManyField",
        )
    )


def column_type(field: object, dialect: str) -> Any:
    """The SQLAlchemy type of a non-relation field (text for one it does not know)."""
    if not isinstance(field, Call):
        return sa.Text()
    kind = field.kind
    if kind in AUTO:
        return AUTO[kind]()
    if kind in _PLAIN:
        if kind == "UUIDField" and not dialect_for(dialect).has_uuid_type:
            return sa.CHAR(32)  # Django keeps UUIDs as char(32) where the engine has no uuid type
        if kind == "FloatField":
            return sa.Double()
        return _PLAIN[kind]()
    if kind in _LENGTHS:
        length = field.kwargs.get("max_length", _LENGTHS[kind])
        return sa.String(length if isinstance(length, int) else None)
    if kind == "DateTimeField":
        return sa.DateTime(timezone=dialect_for(dialect).has_timestamptz)
    if kind == "DecimalField":
        digits, places = field.kwargs.get("max_digits"), field.kwargs.get("decimal_places")
        return sa.Numeric(
            digits if isinstance(digits, int) else None, places if isinstance(places, int) else None
        )
    if kind == "JSONField":
        return postgresql.JSONB() if dialect_for(dialect).has_binary_json else sa.JSON()
    if kind == "GenericIPAddressField":
        return postgresql.INET() if dialect_for(dialect).has_inet_type else sa.String(39)
    if kind == "ArrayField" and dialect_for(dialect).has_array_type:
        base = field.arg("base_field", 0)
        return postgresql.ARRAY(column_type(base, dialect))
    return sa.Text()


def is_primary(field: object) -> bool:
    return isinstance(field, Call) and (field.kind in AUTO or field.kwargs.get("primary_key") is True)


def column_name(name: str, field: object) -> str:
    """The column a field is stored in: ``db_column``, else ``<name>_id`` for a relation, else its name."""
    if isinstance(field, Call) and isinstance(field.kwargs.get("db_column"), str):
        return str(field.kwargs["db_column"])
    if isinstance(field, Call) and field.kind in RELATIONS:
        return f"{name}_id"
    return name


def relation_target(field: Call) -> str:
    """The model a relation points at, as written (``"auth.User"``, ``"Project"``, ``"self"``)."""
    target = field.arg("to", 0)
    if isinstance(target, Unknown):
        return target.dotted
    return str(target) if target is not None else ""


def on_delete(field: Call) -> str | None:
    """The database-level ON DELETE: Django emulates every ``on_delete`` in Python (none reaches the
    database) except ``db_on_delete`` in Django 5.2+; so none, as Django's own constraints have."""
    value = field.kwargs.get("db_on_delete")
    return str(value).replace("_", " ") if isinstance(value, str) else None
