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
# "As a quizmaster, I want each round to consist of questions …": the wish is a statement about the thing
_WISH_FOR = re.compile(
    r"\bAs (?:an?|the) (?P<role>[A-Za-z][\w\- ]{0,40}?),? (?:I|we)"
    r" (?:want|need|would like|wish|'d like|expect)"
    r" (?P<thing>(?:each|every|all|the|a|an|my|our|exactly one of (?:my|our|the))\b[^.;!?,]{1,60}?)"
    r" to (?:be able to )?(?P<verb>[a-z]+)\b",
    re.I,
)
_PURPOSE = re.compile(
    r",? (?:(?:so that|in order to) \w|so (?:I|we|my|the|it|they|a|an|our)\b)[^.;!?]*", re.I
)
_FIRST_PERSON = re.compile(r"\b(?:I|me|myself)\b")
_POSSESSIVE = re.compile(r"\b(?:my|My|our|Our)\b")
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
    for m in _stories(text):
        role = m.group("role").strip()
        roles.append(role)
        out.append(text[last : m.start()])
        if "thing" in m.groupdict():
            thing = m.group("thing")
            first = thing.split()[0].lower()
            plural = first == "all" or (
                first not in ("each", "every", "a", "an", "exactly")
                and thing.endswith("s")
                and not thing.endswith("ss")
            )
            verb = m.group("verb") if plural and m.group("verb") != "be" else _third_person(m.group("verb"))
            if plural and m.group("verb") == "be":
                verb = "are"
            out.append(f"{thing[0].upper()}{thing[1:]} {verb}")
        else:
            adverb = m.group("adverb") or ""
            out.append(f"The {role} {adverb}{_third_person(m.group('verb'))}")
        end = _sentence_end(text, m.end())
        rest = _PURPOSE.sub("", text[m.end() : end])
        out.append(_first_person(out.pop() + rest, role))
        last = end
    out.append(text[last:])
    return "".join(out), roles


def _stories(text: str) -> list[re.Match[str]]:
    """Both story shapes, in text order, never overlapping."""
    found = sorted([*_STORY.finditer(text), *_WISH_FOR.finditer(text)], key=lambda m: m.start())
    out: list[re.Match[str]] = []
    for m in found:
        if not out or m.start() >= out[-1].end():
            out.append(m)
    return out


def _first_person(text: str, role: str) -> str:
    text = _POSSESSIVE.sub(f"the {role}'s", text)
    return _FIRST_PERSON.sub(f"the {role}", text)


def _sentence_end(text: str, i: int) -> int:
    m = _END.search(text, i)
    return m.start() if m else len(text)
