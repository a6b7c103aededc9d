"""When an empty model is an answer and when it is an error.

"No schema change is needed" (exit 0) is right for a UI-only spec and for one whose Out of Scope puts
database work aside. For a spec whose sentences talk about data that the analyzer could not read, the same
answer would be a silent wrong one: the user would ship a feature with no tables and believe the tool.
Such a spec fails (exit 1) with one line quoting the first sentence that was not understood, so the user
knows what to rewrite. The analyzer decides which sentences mention data (``DomainModel.not_understood``);
this module only decides what an empty model means.
"""

from __future__ import annotations

import re

from schemawright.domain.model import Assumption, DomainModel
from schemawright.io import shown

# The spec's own Out of Scope excludes stored data ("Any backend or database work", "No persistence").
_SCOPE_EXCLUDES_DATA = re.compile(
    r"\b(?:any|no)\s+(?:backend|database|db|persistence|storage)\b|\bdatabase work\b", re.I
)
# A no-data reason that names a deliberate choice (UI-only, static, out of scope) rather than "nothing found".
_DELIBERATE_REASON = re.compile(
    r"\b(?:ui|user interface|front-?end|presentation|static|out of scope|display only)\b", re.I
)
QUOTE_LENGTH = 80


def no_data_is_deliberate(model: DomainModel) -> bool:
    """True when the spec itself says it stores nothing: its Out of Scope excludes database work, or the
    analyzer's ``no_data_reason`` names a UI-only or out-of-scope spec."""
    if _SCOPE_EXCLUDES_DATA.search(" ".join(model.out_of_scope)):
        return True
    return bool(_DELIBERATE_REASON.search(model.no_data_reason))


def unreadable_data(model: DomainModel) -> Assumption | None:
    """The first not-understood sentence of a spec that describes data but yielded no entity (and no key
    design); None when the model has something to design or its emptiness is deliberate."""
    if model.entities or model.cache_needs or not model.not_understood or no_data_is_deliberate(model):
        return None
    return model.not_understood[0]


def unreadable_message(source: str, sentence: Assumption) -> str:
    """The one-line error for :func:`unreadable_data`: the file, the sentence quoted, what to do."""
    where = f"line {sentence.source.line}: " if sentence.source.line else ""
    return (
        f'{shown(source)}: the spec describes data (e.g. {where}"{shorten(sentence.text)}") but no entity '
        'could be read; rewrite it with "A <thing> has …" sentences, add a Key Entities/Data Models section, '
        "or pass a model file (--model)"
    )


def shorten(sentence: str, limit: int = QUOTE_LENGTH) -> str:
    """One line of at most about ``limit`` characters, cut at a word boundary with an ellipsis."""
    flat = " ".join(sentence.split())
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1]
    if " " in cut:
        cut = cut[: cut.rfind(" ")]
    return cut.rstrip(" ,;:") + "…"
