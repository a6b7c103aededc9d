"""Noun-phrase chunks with their head, modifiers and a parsed cardinality.

Quantifiers and determiners ("any number of", "at least one and at most five", "several", "zero or one")
become a :class:`Card`; they are split off the phrase and can never end up in a name.
"""

from __future__ import annotations

from pydantic import BaseModel

from schemawright.domain.nlp.tokens import Sentence, Token

NUMBER_WORDS = {
    "zero": 0, "no": 0, "none": 0, "one": 1, "a": 1, "an": 1, "single": 1, "two": 2, "three": 3, "four": 4,
    "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100,
}  # fmt: skip
MANY_WORDS = {"many", "several", "multiple", "various", "numerous", "some", "any", "all", "more", "few"}
_POSSESSIVES = {"our", "my", "your", "their", "its", "his", "her"}
# Nouns that only carry quantity or grouping: "a list of tags", "any number of customers" → head is "tags"
QUANTITY_NOUNS = {
    "number", "set", "list", "collection", "group", "series", "range", "variety", "lot", "lots", "couple",
    "pair", "bunch", "plenty", "array", "handful", "maximum", "minimum", "total", "sequence",
    # collections a spec keeps things in: "a register of contractors", "an address book of suppliers"
    "register", "catalogue", "catalog", "directory", "roster", "inventory", "book", "library", "pool",
}  # fmt: skip
# Adjectives that describe a state or a selection, not a different thing: dropped from names.
STATE_ADJECTIVES = {
    "active", "current", "new", "existing", "old", "given", "specific", "certain", "particular", "individual",
    "own", "other", "same", "different", "single", "multiple", "various", "main", "whole", "valid",
    "available", "unique", "optional", "required", "related", "corresponding", "relevant", "respective",
    "latest", "previous", "next", "several", "many", "more", "most", "least", "each",
    "every", "such", "additional", "further", "possible", "actual", "exact", "correct", "appropriate",
    "associated", "separate", "distinct", "underlying", "overall", "entire", "mandatory", "free",
    "optionally", "respectively", "numerous", "only", "sole", "few", "open", "closed",
    "pending", "running", "winning", "finished", "completed", "cancelled", "canceled", "archived",
    "non-archived", "unarchived", "internal", "external", "absent", "upcoming", "past", "future", "recent",
    "expired", "outstanding", "unpaid", "paid", "published", "unpublished", "deleted", "removed", "selected",
    "chosen", "assigned", "registered", "signed-in", "logged-in", "verified", "unverified", "approved",
    "rejected", "confirmed", "scheduled", "planned", "remaining", "matching",
}  # fmt: skip
PRONOUNS = {
    "it", "they", "we", "you", "he", "she", "them", "their", "its", "his", "her", "our", "your", "i", "me",
    "this", "that", "these", "those", "who", "which", "what", "whom", "whose", "one", "ones", "itself",
    "themselves", "something", "someone", "anyone", "everyone", "anything", "everything", "nothing", "each",
}  # fmt: skip


class Card(BaseModel):
    """How many: ``low`` to ``high`` (``None`` = unbounded). ``stated`` is False for a bare plural."""

    low: int = 1
    high: int | None = 1
    stated: bool = False

    @property
    def many(self) -> bool:
        return self.high is None or self.high > 1

    @property
    def optional(self) -> bool:
        return self.low == 0


class Chunk(BaseModel):
    head: int  # token index of the head noun
    start: int
    end: int  # exclusive
    words: list[str]  # name words: modifiers + head lemma, lower case
    text: str
    card: Card
    plural: bool
    proper: bool = False
    possessor: int | None = None  # token index of a possessive modifier's head ("the member's loans")
    counted: bool = False  # reached through "the number of …": as an attribute, a count
    group: str = ""  # the quantity noun it was reached through: "a set of values" → "set"

    @property
    def name(self) -> str:
        return "_".join(self.words)

    @property
    def head_word(self) -> str:
        return self.words[-1] if self.words else ""


def _capitalised_plural(tok: Token) -> bool:
    """ "has Skills and Job Alerts": a capitalised entity name in the plural, tagged as a proper noun."""
    from schemawright.domain.naming import singular

    low = tok.lower
    return tok.tag == "NNP" and low.endswith("s") and not low.endswith("ss") and singular(low) != low


def _number(tok: Token) -> int | None:
    if tok.lower in NUMBER_WORDS:
        return NUMBER_WORDS[tok.lower]
    return int(tok.text) if tok.text.isascii() and tok.text.isdigit() and len(tok.text) < 7 else None


def _word_number(w: str) -> int | None:
    if w in NUMBER_WORDS:
        return NUMBER_WORDS[w]
    return int(w) if w.isascii() and w.isdigit() and len(w) < 7 else None  # '¹' is a digit but no int


def parse_card(words: list[str], plural: bool) -> Card:
    """Cardinality from the words before a head noun. Order matters only for at least / at most."""
    text = " ".join(words)
    low: int | None = None
    high: int | str | None = "unset"
    stated = False
    nums = [_word_number(w) for w in words]
    for k, w in enumerate(words):
        nxt = nums[k + 1] if k + 1 < len(words) else None
        prev = words[k - 1] if k else ""
        if w == "least" and prev == "at" and nxt is not None:
            low, stated = nxt, True
        elif w == "most" and prev == "at" and nxt is not None:
            high, stated = nxt, True
        elif w in ("to",) and prev == "up" and nxt is not None:
            high, stated = nxt, True
            low = 0 if low is None else low
    bound = next((n for n in nums[::-1] if n is not None), None)
    if bound is not None and ("more than" in text or "fewer than" in text or "less than" in text):
        if "no more than" in text or "not more than" in text:
            return Card(low=0, high=bound, stated=True)
        if "fewer than" in text or "less than" in text:
            return Card(low=0, high=max(bound - 1, 0), stated=True)
        if "more than" in text:
            return Card(low=bound + 1, high=None, stated=True)
    first_num = next((n for n in nums if n is not None), None)
    if "or more" in text or "one or many" in text or "more than one" in text:
        low, high, stated = (
            (low if low is not None else (first_num if first_num is not None else 1)),
            None,
            True,
        )
    elif len([n for n in nums if n is not None]) >= 2 and low is None and high == "unset":
        # "between ten and forty", "three to seven", "one or two": a range of counts
        bounds = [n for n in nums if n is not None]
        low, high, stated = min(bounds), max(bounds), True
    if "zero or one" in text or "zero or 1" in text or "0 or 1" in text or "none or one" in text:
        low, high, stated = 0, 1, True
    if "zero or more" in text or "any number" in text or "0 or more" in text:
        low, high, stated = 0, None, True
    if high == "unset":
        if low is not None and "least" in words and not any(w == "most" for w in words):
            high = None
        elif any(w in ("many", "several", "multiple", "various", "numerous") for w in words):
            high, stated = None, True
            low = 1 if low is None else low
        elif any(w in ("any", "some", "all") for w in words):
            high, stated = None, True
            low = 0 if low is None else low
        elif any(w in ("exactly", "only", "single", "one", "a", "an", "each", "every") for w in words):
            first = next((n for n in nums if n is not None), 1)
            high, stated = first, True
            low = first if low is None else low
        elif any(n is not None for n in nums):
            n = next(x for x in nums if x is not None)
            high, stated = n, True
            low = n if low is None else low
        else:
            high = None if plural else 1
    if any(w in ("optional", "optionally", "no", "zero") for w in words) and low is None:
        low = 0
    elif any(w in ("optional", "optionally") for w in words) and "least" not in words:
        low = 0  # "an optional publisher": the article counts one, the adjective allows none
    if low is None:
        # "at most five" allows none; a bare plural allows none; otherwise one
        low = 0 if (high is None and not stated) or ("most" in words and "least" not in words) else 1
    return Card(low=low, high=None if high == "unset" else high, stated=stated)


_QUANT_WORDS = {
    "between",
    "at",
    "least",
    "most",
    "up",
    "to",
    "more",
    "than",
    "or",
    "and",
    "exactly",
    "only",
    "no",
    "zero",
    "any",
    "number",
    "none",
    "maximum",
    "minimum",
    "fewer",
    "less",
    "over",
    "under",
    "just",
}
_NAME_POS = {"NOUN", "PROPN", "ADJ"}


def misread_conjunct(toks: list[Token], tok: Token) -> bool:
    """ "the height, width and depth" with "width" read as a verb: a noun, coordinated with a noun."""
    return (
        tok.pos == "VERB"
        and tok.dep in ("conj", "appos")
        and toks[tok.head].pos in ("NOUN", "PROPN")
        and _is_noun(tok.lower)
    )


def _adverb_modifier(tok: Token, head: int) -> bool:
    """ "the away team", "an overhead cost": a particle the parser reads as modifying the head noun."""
    return tok.pos in ("ADP", "ADV") and tok.dep == "amod" and tok.head == head


BOUNDS = {"maximum": "max", "minimum": "min"}  # a bound before a noun names its column prefix


def _is_quant(tok: Token) -> bool:
    return (
        tok.pos in ("NUM", "DET")
        or tok.lower in _QUANT_WORDS
        or tok.lower in MANY_WORDS
        or (tok.lower in NUMBER_WORDS)
    )


_QUOTES = {'"', "“", "”", "'", "‘", "’"}


def _quoted_example(toks: list[Token], head: int) -> bool:
    """A quoted word in brackets is a sample value, never a thing: (e.g. "CPZ-K"), ("Kingsmead")."""
    opening = next((k for k in range(head - 1, max(head - 6, -1), -1) if toks[k].text in _QUOTES), None)
    closing = next((k for k in range(head + 1, min(head + 6, len(toks))) if toks[k].text in _QUOTES), None)
    if opening is None or closing is None:
        return False
    if any(t.text in ("(", ")") for t in toks[opening:closing]):
        return False
    before = [t.text for t in toks[max(0, opening - 5) : opening]]
    after = [t.text for t in toks[closing + 1 : closing + 6]]
    return "(" in before and ")" in after


def _time_adverbial(toks: list[Token], head: int) -> bool:
    """ "At the moment the trust receives gifts by …", "for the time being": a fixed phrase of time, not a
    noun phrase ("at the time of booking" still is one: the "of" says whose time)."""
    if head < 2 or toks[head].lower not in ("moment", "time") or toks[head - 1].lower != "the":
        return False
    nxt = toks[head + 1].lower if head + 1 < len(toks) else ""
    return toks[head - 2].lower in ("at", "for") and nxt != "of"


def chunk_at(sent: Sentence, head: int) -> Chunk | None:
    """The noun phrase headed by token ``head`` (a NOUN/PROPN), or None for pronouns and non-nouns.

    The phrase is read by a left scan, not from the tree: small parsers attach quantifier words
    ("zero or one", "one or more") unpredictably, while their surface order is fixed in English.
    Read once per sentence and token; each call gets its own copy (callers rename a chunk by setting its
    words).
    """
    memo = sent._chunks
    if head not in memo:
        memo[head] = _chunk_at(sent, head)
    found: Chunk | None = memo[head]
    return None if found is None else found.model_copy()


def _chunk_at(sent: Sentence, head: int) -> Chunk | None:
    toks = sent.tokens
    tok = toks[head]
    nxt = toks[head + 1] if head + 1 < len(toks) else None
    tail_noun = (  # "an API token." with "token" read as a verb or adjective after its noun
        tok.pos in ("VERB", "ADJ")
        and head > 0
        and toks[head - 1].pos in ("NOUN", "PROPN")
        and (nxt is None or nxt.text in (".", ",", ";", ")") or nxt.lower in ("and", "or"))
        and _is_noun(tok.lower)
    )
    coordinated = tok.tag == "VB" and misread_conjunct(toks, tok)
    if (
        tail_noun
        or coordinated
        or (
            tok.pos == "VERB"
            and tok.dep in ("pobj", "dobj", "nsubj", "nsubjpass")
            and any(c.dep == "det" for c in sent.children(head))
        )
    ):
        tok = tok.model_copy(update={"pos": "NOUN", "tag": "NN", "lemma": tok.lower})  # "for each click"
    if tok.pos not in ("NOUN", "PROPN") or tok.lower in PRONOUNS or not tok.text[:1].isalnum():
        return None
    if _quoted_example(toks, head) or _time_adverbial(toks, head):
        return None
    # "any number of customers", "a list of tags": the quantity noun hands over to its "of" object.
    if tok.lemma in QUANTITY_NOUNS:
        for prep in sent.children(head, "prep"):
            if prep.lower == "of":
                objs = sent.children(prep.i, "pobj")
                if objs and objs[0].pos in ("NOUN", "PROPN"):
                    inner = chunk_at(sent, objs[0].i)
                    definite = any(
                        c.lower in ("the", "its", "their", "his", "her")
                        for c in sent.children(head, "det", "poss")
                    ) or not sent.children(head, "det", "poss", "nummod", "amod")  # "…, number of seats, …"
                    if inner is not None and tok.lemma in ("number", "amount", "count", "total") and definite:
                        inner.counted = (
                            True  # "the number of servings" is a count; "a number of staff" is many
                        )
                    if inner is not None:
                        inner.group = tok.lemma
                    return inner
    k = head - 1
    name_toks: list[Token] = []
    while (
        k >= 0
        and (toks[k].pos in _NAME_POS or "-" in toks[k].text or _adverb_modifier(toks[k], head))
        and toks[k].lower not in PRONOUNS
        and (toks[k].dep != "poss")
    ):
        bound = toks[k].lower in BOUNDS and toks[k + 1].pos in ("NOUN", "PROPN", "ADJ")
        if not bound and (
            toks[k].lower in MANY_WORDS or toks[k].lower in _QUANT_WORDS or toks[k].lower in NUMBER_WORDS
        ):
            break  # "a maximum of five guests" counts; "a maximum temperature" names the value
        if toks[k].tag == "POS" or not toks[k].text[:1].isalnum():
            break
        name_toks.insert(0, toks[k])
        k -= 1
    # participles right before the head name a kind of thing ("recurring donation"); a past participle
    # names only a flag ("a pinned flag"), elsewhere it states a state ("triggered alerts")
    while (
        k >= 0
        and toks[k].dep in ("amod", "compound")
        and (toks[k].tag == "VBG" or (toks[k].tag == "VBN" and tok.lemma == "flag"))
    ):
        name_toks.insert(0, toks[k])
        k -= 1
    card_toks: list[Token] = []
    while k >= 0:
        t = toks[k]
        if t.pos == "CCONJ" or t.lower in ("or", "and"):
            before = toks[k - 1] if k else None
            if not (
                before and (before.pos == "NUM" or before.lower in NUMBER_WORDS or before.lower == "more")
            ):
                break
        elif not _is_quant(t) and not (t.pos == "ADJ" and t.lower in STATE_ADJECTIVES):
            break
        if t.pos == "DET" and t.lower in ("the", "this", "that", "these", "those", "its", "their"):
            card_toks.insert(0, t)
            k -= 1
            break
        card_toks.insert(0, t)
        k -= 1
    # "any number of customers": the quantity words before "of" belong to this head ("any number of our
    # newsletters" too: the possessive says whose, not how many)
    if k >= 2 and toks[k].dep == "poss" and toks[k].lower in _POSSESSIVES and toks[k - 1].lower == "of":
        k -= 1
    if k >= 1 and toks[k].lower == "of" and toks[k - 1].lemma in QUANTITY_NOUNS:
        j = k - 2
        pre = [toks[k - 1]]
        while j >= 0 and _is_quant(toks[j]):
            pre.insert(0, toks[j])
            j -= 1
        card_toks = pre + card_toks
        k = j
    possessor = None
    if k >= 1 and toks[k].tag == "POS" and toks[k - 1].pos in ("NOUN", "PROPN"):
        possessor = k - 1
    for c in sent.children(head, "poss"):
        if c.pos in ("NOUN", "PROPN"):
            possessor = c.i
    words: list[str] = []
    for m in name_toks:
        if m.lower in STATE_ADJECTIVES or m.lower in MANY_WORDS:
            continue
        if m.lower in NUMBER_WORDS or m.pos == "NUM":
            continue
        if m.lower in BOUNDS:
            words.append(BOUNDS[m.lower])
            continue
        # modifiers keep their surface form ("savings account", "sports club"); only the head is lemmatised
        words.append(
            m.lower if m.pos in ("ADJ", "VERB") or m.tag == "VBG" or m.dep == "compound" else _lemma_noun(m)
        )
    words = [w.replace("-", "_") for w in words]
    words.append(_lemma_noun(tok))
    start = card_toks[0].i if card_toks else (name_toks[0].i if name_toks else head)
    plural = tok.tag in ("NNS", "NNPS") or _capitalised_plural(tok)
    return Chunk(
        head=head,
        start=start,
        end=head + 1,
        words=[w for w in words if w],
        text=" ".join(t.text for t in toks[start : head + 1]),
        card=parse_card(
            [t.lower for t in card_toks]
            + [
                t.lower
                for t in name_toks
                if t.lower in ("optional", "single", "multiple", "several", "many", "various", "numerous")
            ],
            plural,
        ),
        plural=plural,
        proper=tok.pos == "PROPN" and tok.text[:1].isupper() and tok.tag == "NNP" and head > 0,
        possessor=possessor,
    )


def _is_noun(word: str) -> bool:
    from schemawright.domain.verbs import is_noun

    return is_noun(word)


def _lemma_noun(tok: Token) -> str:
    lemma = tok.lemma if tok.lemma and tok.lemma.isascii() else tok.lower
    if "-" in tok.text:  # a merged hyphenated word ("e-book", "move-in"): keep it whole, singular last part
        from schemawright.domain.naming import singular_word

        *first, last = tok.lower.split("-")
        return "_".join([*first, singular_word(last)])
    if tok.tag == "NNS" or (
        tok.pos == "PROPN"
        and (tok.tag == "NNPS" or (tok.lower.endswith("s") and not tok.lower.endswith("ss")))
    ):
        # the project's own singular ("species" stays species), also for "Customers", "Usernames"
        from schemawright.domain.naming import singular_word

        lemma = singular_word(tok.lower)
    return lemma.lower()
