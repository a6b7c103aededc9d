import sys
from pathlib import Path

from schemawright.domain.analyze import analyze
from schemawright.spec.parser import parse_spec

for f in sys.argv[1:]:
    m = analyze(parse_spec(Path(f).read_text()), "x", "x")
    print("=====", f, m.declared_stores, m.no_data_reason)
    for e in m.entities:
        print(
            " ",
            e.name,
            [
                (a.name, a.kind.value) + (("U",) if a.unique else ()) + (("opt",) if not a.required else ())
                for a in e.attributes
            ],
            "soft" if e.soft_delete else "",
            e.retention_days or "",
        )
    for r in m.relationships:
        print("  REL", r.child, "->", r.parent, r.cardinality.value, r.role, r.ownership)
    for u in m.uniques:
        print("  UQ", u.entity, u.attributes)
    for c in m.checks:
        print("  CK", c.entity, c.kind, c.attribute, c.other, c.values)
    for a in m.access_patterns:
        print("  AP", a.entity, a.equality)
    for c in m.cache_needs:
        print("  CACHE", c.purpose, c.entity, c.ttl_seconds, c.limit, c.key_parts)
    for a in m.assumptions:
        print("  ASSUME", a.text[:100])
