"""Verb morphology: lemmas, participles and the nouns a verb names ("reserve" → reservation).

Specs describe data through events ("WHEN a member borrows a copy"); mapping the verb to the entity it
creates needs lemmas and nominalisations. lemminflect is a dictionary, not a model: deterministic and
offline. It is imported lazily because loading its tables costs a fraction of a second.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

# Verbs by which a spec says what is kept about a thing ("each hive records …", "we keep …"): the core the
# parse repairs and the patterns share; each place adds the few verbs of its own construction.
RECORDING_VERBS = ("keep", "hold", "record", "store", "track", "note", "capture", "save", "log")


@lru_cache(maxsize=1)
def _lemminflect() -> Any:
    import lemminflect

    return lemminflect


@lru_cache(maxsize=4096)
def verb_lemma(word: str) -> str | None:
    """The verb lemma of ``word`` when it can be a verb form ("borrows", "borrowing" → borrow)."""
    lemmas = _lemminflect().getAllLemmas(word.lower())
    verbs = lemmas.get("VERB")
    return str(verbs[0]) if verbs else None


@lru_cache(maxsize=4096)
def is_noun(word: str) -> bool:
    return "NOUN" in _lemminflect().getAllLemmas(word.lower())


@lru_cache(maxsize=4096)
def only_participle(word: str, lemma: str) -> bool:
    """ "written", "given", "chosen": a past participle that is no past tense, so never a clause's finite
    verb however the tagger read it ("a grade written the French way")."""
    tenses = _lemminflect().getInflection(lemma.lower(), "VBD")
    return word.lower() == past_participle(lemma) and word.lower() not in tenses


@lru_cache(maxsize=4096)
def past_participle(verb: str) -> str:
    """ "click" → clicked, "write" → written (falls back to regular -ed)."""
    forms = _lemminflect().getInflection(verb.lower(), "VBN")
    if forms:
        return str(forms[0])
    return verb + "d" if verb.endswith("e") else verb + "ed"


def nominalisations(verb: str) -> list[str]:
    """Nouns that may name the event of ``verb``: the verb itself (loan, click), -ation, -ment, -al, -ing
    forms. Candidates only; callers keep those that name a known entity or appear in the spec."""
    v = verb.lower()
    stem = v[:-1] if v.endswith("e") else v
    out = [
        v,
        stem + "ation",
        v + "ation",
        stem + "ion",
        v + "ment",
        stem + "al",
        v + "al",
        stem + "ing",
        v + "ing",
        v + "ance",  # perform → performance, attend → attendance
        stem + "ance",
        v + "ence",
    ]
    if len(v) >= 3 and v[-1] not in "aeiouwxy" and v[-2] in "aeiou" and v[-3] not in "aeiou":
        out.append(v + v[-1] + "ing")  # spot → spotting, fit → fitting
    if v.endswith("y"):
        out.append(v[:-1] + "ication")
    if v.endswith("er"):  # enter → entry, deliver → delivery, recover → recovery
        out += [v[:-2] + "ry", v + "y"]
    if v.endswith("scribe"):  # subscribe → subscription, prescribe → prescription
        out.append(v[: -len("scribe")] + "scription")
    return list(dict.fromkeys(out))


def rarer_nominalisations(verb: str) -> list[str]:
    """Event nouns with a changed stem ("submit" → submission, "extend" → extension, "refer" → referral):
    as often a plain noun as an event, so callers want more evidence for them than for -ation."""
    v = verb.lower()
    out = []
    if v.endswith("mit"):
        out.append(v[:-1] + "ssion")
    if v.endswith("end"):
        out.append(v[:-1] + "sion")
    if v.endswith("er") and len(v) > 4:
        out.append(v + "ral")
    return out


# noun endings that name a verb's event, and what the verb ends in instead: verification → verify,
# resolution → resolve, arrival → arrive, expiry → expire, publication stays unknown (irregular)
_EVENT_ENDINGS = (
    ("ification", "ify"), ("ution", "ve"), ("ration", "er"), ("lation", ""), ("ission", "it"),
    ("ation", "e"), ("ation", ""), ("ion", "e"), ("ion", ""), ("ment", ""), ("al", "e"), ("al", ""),
    ("ance", ""), ("ence", "e"), ("ry", "re"), ("y", "e"), ("y", ""), ("mption", "em"), ("mption", "me"),
    ("ription", "ribe"), ("ature", ""), ("ure", ""), ("ure", "e"),
)  # fmt: skip


@lru_cache(maxsize=4096)
def event_verb(noun: str) -> str | None:
    """The verb whose event ``noun`` names ("verification" → verify, "archive" → archive), or None."""
    word = noun.lower()
    if verb_lemma(word) == word:
        return word
    for ending, verb_ending in _EVENT_ENDINGS:
        if word.endswith(ending) and len(word) > len(ending) + 2:
            candidate = word[: -len(ending)] + verb_ending
            if verb_lemma(candidate) == candidate:
                return candidate
    for ending in ("isation", "ization"):  # regular however rare the verb: anonymisation → anonymise
        if word.endswith(ending) and len(word) > len(ending) + 3:
            return word[: -len(ending)] + ending[:2] + "e"
    return None


def event_participle(noun: str) -> str | None:
    """The past participle of the verb an event noun names ("verification" → verified), spelled as the
    noun is: "cancellation" is British, so cancelled, not lemminflect's canceled."""
    verb = event_verb(noun)
    if verb is None:
        return None
    if verb.endswith("l") and verb + "l" in noun.lower():
        return verb + "led"
    return past_participle(verb)
