"""The Redis section of the decision document: naming convention, one row per key family (structure,
TTL, memory), and how the application uses each key."""

from __future__ import annotations

from schemawright.design.keyvalue import KeyValueDesign
from schemawright.emit.markdown_safe import code, fence, text


def _cell(value: str) -> str:
    """Markdown already made inert (by ``text`` or ``code``) for a table cell: every pipe escaped, since GFM
    splits a cell on a pipe even inside a code span."""
    return value.replace("|", "\\|")


def _ttl(seconds: int | None, sliding: bool) -> str:
    if not seconds:
        return "none (deleted on write)"
    human = f"{seconds // 86400} d" if seconds % 86400 == 0 else (
        f"{seconds // 3600} h" if seconds % 3600 == 0 else f"{seconds} s")
    return f"{seconds} s ({human}{', sliding' if sliding else ''})"


def render_keyvalue_section(design: KeyValueDesign) -> list[str]:
    """Key patterns, fields and purposes come from the spec: code spans and fences outlast any backtick in
    them, prose is one line (see :mod:`schemawright.emit.markdown_safe`)."""
    out = ["## Redis keys", ""]
    out += [
        "Key naming: `{app}:{entity}:{id}:{field}`, colon-separated lower snake_case, every key under "
        f"the feature namespace {code(design.app + ':')}; `{{…}}` parts are filled at run time.",
        "",
        *_hash_tags(design),
        "| Key pattern | Structure | TTL | Holds | Memory per key | Purpose |",
        "|---|---|---|---|---|---|",
    ]
    for key in design.keys:
        holds = text(", ".join(key.fields)) or "—"
        ttl = _ttl(key.ttl_seconds, key.sliding)
        out.append(
            f"| {_cell(code(key.pattern))} | {key.type} | {ttl} | {_cell(holds)} | "
            f"~{key.memory_estimate_bytes} B | {_cell(text(key.purpose))} ({key.source.cite()}) |"
        )
    out += ["", "Memory per key (Redis 7 encodings; multiply by the number of live keys for the family):", ""]
    out += [f"- {code(k.pattern)}: {text(k.memory_formula)} ≈ {k.memory_estimate_bytes} B"
            for k in design.keys]
    out.append("")
    for key in design.keys:
        out += [f"{code(key.pattern)}:", "", *fence("\n".join(key.commands)), ""]
    return out


def _hash_tags(design: KeyValueDesign) -> list[str]:
    tags = sorted({k.hash_tag for k in design.keys if k.hash_tag})
    if not tags:
        return ["Every key is used alone, so no Redis Cluster hash tags are needed.", ""]
    out = []
    for tag in tags:
        keys = ", ".join(code(k.pattern) for k in design.keys if k.hash_tag == tag)
        out.append(
            f"Hash tag {code('{' + tag + '}')}: {keys} are used in one MULTI/Lua script, which Redis "
            f"Cluster allows only within one slot; {code('{{' + tag + '}}')} in a pattern means the value "
            f"inside literal braces (the key `…:{{203.0.113.7}}`), so only the {text(tag.replace('_', ' '))} "
            "picks the slot. Every other key is used alone and has no hash tag."
        )
    return [*out, ""]
