"""The domain model as a file people and agents edit: ``analyze`` writes it, ``design --model`` reads it.

YAML (or JSON) with the shape of :class:`schemawright.domain.model.DomainModel` — one JSON Schema,
``docs/model.schema.json``, describes both. In YAML, defaults are omitted and each element's ``source`` is
a comment (``# spec line 12: rule prose.has_many — "…"``) that the loader reads back, so provenance
survives hand edits. Reading validates everything and reports one error per problem with its line.
"""
