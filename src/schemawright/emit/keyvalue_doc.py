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
        f"Key naming: `{{app}}:{{entity}}:{{id}}:{{field}}`, colon-separated lower snake_case, every key under "
        f"the feature namespace `{design.app}:`; `{{…}}` parts are filled at run time. Keys are used one at a "
        "time, so no Redis Cluster hash tags are needed.",
        "",
        "| Key pattern | Structure | TTL | Holds | Memory per key | Purpose |",
        "|---|---|---|---|---|---|",
    ]
    for key in design.keys:
        holds = ", ".join(key.fields) or "—"
        out.append(
            f"| `{key.pattern}` | {key.type} | {_ttl(key.ttl_seconds, key.sliding)} | {holds} | "
            f"~{key.memory_estimate_bytes} B | {key.purpose.replace('|', '/')} ({key.source.cite()}) |"
        )
    out.append("")
    for key in design.keys:
        out += [f"`{key.pattern}`:", "", "```", *key.commands, "```", ""]
    return out
