"""User stories restated as statements about the domain, so the pattern table reads them like any prose.

"As a speaker, I want to submit a talk to an edition with a title and an abstract, so that …" says the
same as "The speaker submits a talk to an edition with a title and an abstract": the role is the subject,
the wish is the predicate, "my"/"I" are the role, and the purpose ("so that …") carries no data. Written
as a statement, the story is read by the same constructions as a sentence in a data-model section, and a
backlog that is nothing but stories still yields its entities, attributes and links.
"""

from __future__ import annotations

import re
from functools import lru_cache

_STORY = re.compile(
    r"\bAs (?:an?|the) (?P<role>[A-Za-z][\w\- ]{0,40}?),? I"
    r"(?: (?:want|need|would like|wish|'d like) to"
    r"(?: be able to)?| (?:can|should be able to|am able to|must be able to))"
    r" (?P<adverb>[a-z]+ly )?(?P<verb>[a-z]+)\b",
    re.I,
)
_PURPOSE = re.compile(r",? (?:so that|so|in order to) (?:I|we|my|the|it|they|a|an|our)\b[^.;!?]*", re.I)
_FIRST_PERSON = re.compile(r"\b(?:I|me|myself)\b")
_POSSESSIVE = re.compile(r"\b(?:my|My)\b")
_END = re.compile(r"[.!?](?:\s|$)")


@lru_cache(maxsize=512)
def _third_person(verb: str) -> str:
    from lemminflect import getInflection

    forms = getInflection(verb.lower(), tag="VBZ")
    return forms[0] if forms else verb


def declarative(text: str) -> tuple[str, list[str]]:
    """The text with each user story restated (role as subject, wish as predicate, no purpose clause),
    and the roles: a role is who wants something, which alone makes it no entity and no party to a link."""
    if "as " not in text.lower():
        return text, []
    out: list[str] = []
    roles: list[str] = []
    last = 0
    for m in _STORY.finditer(text):
        role = m.group("role").strip()
        roles.append(role)
        start = m.start()
        out.append(text[last:start])
        adverb = m.group("adverb") or ""
        out.append(f"The {role} {adverb}{_third_person(m.group('verb'))}")
        end = _sentence_end(text, m.end())
        rest = _PURPOSE.sub("", text[m.end() : end])
        rest = _POSSESSIVE.sub(f"the {role}'s", rest)
        out.append(_FIRST_PERSON.sub(f"the {role}", rest))
        last = end
    out.append(text[last:])
    return "".join(out), roles


def _sentence_end(text: str, i: int) -> int:
    m = _END.search(text, i)
    return m.start() if m else len(text)
