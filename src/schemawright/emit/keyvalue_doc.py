"""The Redis section of the decision document: naming convention, one row per key family (structure,
TTL, memory), and how the application uses each key."""

from __future__ import annotations

from schemawright.design.keyvalue import KeyValueDesign


def _ttl(seconds: int | None, sliding: bool) -> str:
    if not seconds:
        return "none (deleted on write)"
    human = f"{seconds // 86400} d" if seconds % 86400 == 0 else (
        f"{seconds // 3600} h" if seconds % 3600 == 0 else f"{seconds} s")
    return f"{seconds} s ({human}{', sliding' if sliding else ''})"


def render_keyvalue_section(design: KeyValueDesign) -> list[str]:
    out = ["## Redis keys", ""]
    out += [
        "Key naming: `{app}:{entity}:{id}:{field}`, colon-separated lower snake_case, every key under "
        f"the feature namespace `{design.app}:`; `{{…}}` parts are filled at run time.",
        "",
        *_hash_tags(design),
        "| Key pattern | Structure | TTL | Holds | Memory per key | Purpose |",
        "|---|---|---|---|---|---|",
    ]
    for key in design.keys:
        holds = ", ".join(key.fields) or "—"
        out.append(
            f"| `{key.pattern}` | {key.type} | {_ttl(key.ttl_seconds, key.sliding)} | {holds} | "
            f"~{key.memory_estimate_bytes} B | {key.purpose.replace('|', '/')} ({key.source.cite()}) |"
        )
    out += ["", "Memory per key (Redis 7 encodings; multiply by the number of live keys for the family):", ""]
    out += [f"- `{key.pattern}`: {key.memory_formula} ≈ {key.memory_estimate_bytes} B" for key in design.keys]
    out.append("")
    for key in design.keys:
        out += [f"`{key.pattern}`:", "", "```", *key.commands, "```", ""]
    return out


def _hash_tags(design: KeyValueDesign) -> list[str]:
    tags = sorted({k.hash_tag for k in design.keys if k.hash_tag})
    if not tags:
        return ["Every key is used alone, so no Redis Cluster hash tags are needed.", ""]
    out = []
    for tag in tags:
        keys = ", ".join(f"`{k.pattern}`" for k in design.keys if k.hash_tag == tag)
        out.append(
            f"Hash tag `{{{tag}}}`: {keys} are used in one MULTI/Lua script, which Redis Cluster allows only "
            f"within one slot; `{{{{{tag}}}}}` in a pattern means the value inside literal braces (the key "
            f"`…:{{203.0.113.7}}`), so only the {tag.replace('_', ' ')} picks the slot. Every other key is "
            "used alone and has no hash tag."
        )
    return [*out, ""]
