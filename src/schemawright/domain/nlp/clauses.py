"""Clauses: who does what to whom, read from the dependency parse.

One :class:`Clause` per verb: its subjects (coordination expanded, relative-clause and participle
subjects restored, passive agents turned back into logical subjects), its objects, its prepositional
attachments, and its modality and negation. Patterns match clauses, never raw text.
"""

from __future__ import annotations

from pydantic import BaseModel, Field

from schemawright.domain.nlp.chunks import Chunk, chunk_at, misread_conjunct
from schemawright.domain.nlp.tokens import Sentence, Token
from schemawright.domain.verbs import is_noun, past_participle

_SUBJ = ("nsubj", "nsubjpass", "csubj")
_OBJ = ("dobj", "attr", "oprd", "dative")
_VERB_DEPS = ("ROOT", "conj", "relcl", "acl", "advcl", "ccomp", "xcomp", "pcomp")


class Clause(BaseModel):
    verb: int  # token index
    lemma: str  # verb lemma ("have", "belong", "be")
    key: str  # lemma with particle: "consist of" is found through preps, "keep track", "make up"
    subjects: list[Chunk] = Field(default_factory=list)
    objects: list[Chunk] = Field(default_factory=list)
    preps: dict[str, list[Chunk]] = Field(default_factory=dict)  # "to" → [chunk], "of" → …
    complement: str = ""  # predicate adjective: "is unique", "is optional"
    complements: list[str] = Field(default_factory=list)  # all of them: "unique (case-insensitive)"
    passive: bool = False
    negated: bool = False
    modal: str = ""  # may, can, must, should, will, shall
    relative: bool = False  # the clause modifies a noun ("customers who place orders")
    flag: bool = False  # "whether they have a garden": a yes/no value (flag.whether), never a thing

    def prep(self, *words: str) -> list[Chunk]:
        return [c for w in words for c in self.preps.get(w, [])]


def _expand(sent: Sentence, chunk_head: Token, before: int | None = None) -> list[Token]:
    """A noun and the nouns coordinated with it ("a name, a price and a status"); a subject's are all
    before its verb (``before``): a list the parser hung on the subject after the verb is the object's."""
    out = [chunk_head]
    stack = [chunk_head]
    while stack:
        t = stack.pop()
        for c in sent.children(t.i, "conj", "appos"):
            if before is not None and c.i > before:
                continue
            lo, hi = sorted((t.i, c.i))
            if any(x.text in (":", ";") for x in sent.tokens[lo:hi]) or (
                sum(x.text in ("—", "–") for x in sent.tokens) == 1
                and any(x.text in ("—", "–") for x in sent.tokens[lo:hi])
            ):
                continue  # a list after a colon (or a lone dash) is not coordinated with what came before it
            if c.pos in ("NOUN", "PROPN") and c not in out:
                out.append(c)
                stack.append(c)
    return sorted(out, key=lambda t: t.i)


_LIST_SEPARATORS = {",", "and", "or", "plus", "as", "well", "&", "/"}
# a relative clause ("an end time that must be after the start") modifies an item; these end the list
_LIST_STOP = {";", ".", ":", "so", "because", "but", "while", "if", "when", "where"}


def _nounish(t: Token) -> bool:
    return t.pos in ("NOUN", "PROPN")


def _coordinated_noun(toks: list[Token], m: int) -> bool:
    """A list item the tagger read as a verb, followed by the next separator."""
    nxt = toks[m + 1] if m + 1 < len(toks) else None
    return (
        misread_conjunct(toks, toks[m])
        and nxt is not None
        and (nxt.text in (",", ";", ".") or nxt.lower in ("and", "or"))
    )


def _premodifier(toks: list[Token], m: int) -> bool:
    """ "away team", "kick-off time": a word of another class that modifies the noun right after it, not
    a preposition or verb that starts a phrase of its own."""
    t = toks[m]
    return (
        t.dep in ("amod", "compound", "nmod")
        # "votes, called divisions": a participle names the list's last item again; "an estimated date of
        # birth": one the parser hangs on the noun right after it, between two separators, modifies it
        and (t.tag != "VBN" or (t.dep == "amod" and m > 0 and toks[m - 1].text == ","))
        and t.head == m + 1
        and m + 1 < len(toks)
        and _nounish(toks[m + 1])
    )


def _misread_noun(t: Token, after: Token) -> bool:
    """A list's last word read as a verb: a verb form right before the end of the list."""
    end = after.text in (".", ",", ";", ")") or after.lower in ("and", "or")
    return t.pos in ("VERB", "ADJ") and end and is_noun(t.lower)


def list_items(sent: Sentence, first: Token) -> list[Token]:
    """The heads of a list that starts at ``first``: "the time, the country derived from the IP, the referrer
    and the device type". Read from the surface order, since parsers attach long lists unpredictably:
    after each item, skip its modifiers to the next separator; stop at a verb that starts a new clause."""
    toks = sent.tokens
    items = [first]
    k = first.i + 1
    depth = 0
    dashed = False  # "— by card, bank transfer or cash —": an aside between dashes, like parentheses
    while k < len(toks):
        t = toks[k]
        if t.text == "(":
            depth += 1
        elif t.text == ")":
            depth = max(depth - 1, 0)
        elif t.text in ("—", "–", "--") and (dashed or any(x.text == t.text for x in toks[k + 1 :])):
            dashed = not dashed
            k += 1
            continue
        elif t.text in ("—", "–", "--") and not depth:
            break  # "a person in the directory — email and display name": a lone dash opens another list
        if depth or dashed or t.text in ("(", ")"):
            k += 1
            continue
        if t.lower in _LIST_STOP or t.text in _LIST_STOP:
            break
        if t.lower == "per" and t.pos == "ADP":
            k = sent.subtree(t.i)[-1].i + 1  # "one reading per meter and day": the scope, not more items
            continue
        if t.tag == "MD" and toks[t.head].dep == "ROOT" and t.head > t.i:
            break  # "WHEN an owner registers THE System SHALL store …": the main clause starts, not an item
        if (
            t.lower in ("with", "including", "containing")
            and t.pos == "ADP"
            and not any(x.pos == "VERB" for x in toks[items[-1].i + 1 : k])
        ):
            break  # "a quiz night with the pub, the date, …": what follows is the item's own list
            # (not "the rate agreed with the bank and a due date", where "with" is the participle's)
        if _unit_pair(toks, k):
            k += 2  # "the credit limit in pounds and pence": one unit, not a further item
            continue
        if t.text == "," or t.lower in ("and", "or", "plus", "&"):
            j = k + 1
            while j < len(toks) and (toks[j].text == "," or toks[j].lower in _LIST_SEPARATORS):
                j += 1
            # the next item: determiners and modifiers, then the last noun of that phrase
            m = j
            while m < len(toks) and (
                (toks[m].pos in ("DET", "ADJ", "NUM", "PRON") and toks[m].tag != "PRP")
                or _premodifier(toks, m)
            ):
                m += 1
            if m < len(toks) and _coordinated_noun(toks, m):
                items.append(toks[m])  # "the height, width and depth" with "width" read as a verb
                k = m + 1
                continue
            if m >= len(toks) or toks[m].pos in ("VERB", "AUX", "ADP") or toks[m].lower in _LIST_STOP:
                break  # ", and belongs to …", ", with a name …": a new clause or phrase, the list is over
            if not _nounish(toks[m]):
                k = m + 1
                continue
            while m + 1 < len(toks) and _nounish(toks[m + 1]) and toks[m + 1].text[:1].isalnum():
                m += 1
            if toks[m].dep == "nsubj" and _clause_after(toks, m):
                break  # "… several owners and an owner to have several boats": a new clause's subject
            if m + 2 < len(toks) and _misread_noun(toks[m + 1], toks[m + 2]):
                m += 1  # "an API token." with "token" read as a verb
            elif (
                m + 1 < len(toks)
                and toks[m + 1].pos in ("VERB", "AUX")
                and toks[m + 1].tag in ("VBZ", "VBP", "VBD", "MD")
                and not _reduced_passive(toks, m + 1)
            ):
                if t.lower in ("and", "or") and toks[m + 1].tag == "VBP" and toks[m + 1].head != m:
                    items.append(toks[m])  # "the height, width and depth are recorded": the last subject
                break  # ", a room contains cabinets": the noun starts a new clause
            # "the audio file's storage key": the item is what the possessive names
            while m + 2 < len(toks) and toks[m + 1].tag == "POS" and _nounish(toks[m + 2]):
                m += 2
                while m + 1 < len(toks) and _nounish(toks[m + 1]) and toks[m + 1].text[:1].isalnum():
                    m += 1
            items.append(toks[m])
            k = m + 1
            continue
        k += 1  # a modifier of the current item ("the floor it is on"): skip to the next separator
    return items


# a larger and a smaller unit named together as one: "in pounds and pence", "in hours and minutes"; the
# currency pairs also make a value money (patterns/engine.py)
CURRENCY_PAIRS = frozenset({("pounds", "pence"), ("euros", "cents"), ("dollars", "cents")})
_UNIT_PAIRS = CURRENCY_PAIRS | {
    ("hours", "minutes"), ("minutes", "seconds"), ("metres", "centimetres"), ("meters", "centimeters"),
    ("feet", "inches"), ("kilograms", "grams"),
}  # fmt: skip


def _unit_pair(toks: list[Token], k: int) -> bool:
    """The "and" at ``k`` joins the two units of one "in …" phrase."""
    return (
        2 <= k < len(toks) - 1
        and toks[k].lower == "and"
        and toks[k - 2].lower == "in"
        and (toks[k - 1].lower, toks[k + 1].lower) in _UNIT_PAIRS
    )


def _reduced_passive(toks: list[Token], v: int) -> bool:
    """ "…, the nightly rate agreed at the time of booking and a status": a past form the tagger read as a
    clause's verb, with no object and a preposition (or the list's next separator) after it, is a
    participle on the item ("the rate that was agreed"), not the start of a new clause."""
    verb = toks[v]
    nxt = toks[v + 1] if v + 1 < len(toks) else None
    return (
        verb.tag == "VBD"
        and verb.lower == past_participle(verb.lemma)
        and nxt is not None
        and (nxt.pos == "ADP" or nxt.text == "," or nxt.lower in ("and", "or"))
        and not any(
            t.head == v and t.i > v and t.dep in ("dobj", "attr", "acomp", "ccomp", "xcomp") for t in toks
        )  # the clause the parser hung on it from the left ("has … , the rate agreed") is not its own
    )


def _clause_after(toks: list[Token], m: int) -> bool:
    """The noun at ``m`` opens a clause of its own: "an owner to have …", "a librarian renew …"."""
    nxt = toks[m + 1] if m + 1 < len(toks) else None
    if nxt is None:
        return False
    if nxt.lower == "to" and m + 2 < len(toks) and toks[m + 2].pos in ("VERB", "AUX"):
        return toks[m].head == m + 2
    return (
        nxt.tag == "VB"
        and toks[m].head == nxt.i
        and nxt.dep != "dep"  # "GitHub handle (unique)": a noun misread, not a verb
        and any(t.head == nxt.i and t.dep in ("dobj", "prep") for t in toks)
    )


_PARTITIVE = {"one", "each", "any", "some", "all", "none", "either", "many", "several", "most", "both"}


def _partitive(sent: Sentence, t: Token) -> Token:
    """ "one of the household's users" → users."""
    if t.lower in _PARTITIVE:
        for p in sent.children(t.i, "prep"):
            if p.lower == "of":
                objs = [o for o in sent.children(p.i, "pobj") if o.pos in ("NOUN", "PROPN")]
                if objs:
                    return objs[0]
    return t


_DISTRIBUTIVE = {
    "first", "last", "middle", "given", "family", "start", "end", "min", "max", "minimum", "maximum", "home",
    "work", "mobile", "billing", "shipping", "opening", "closing", "gross", "net", "check-in", "check-out",
    "pickup", "drop-off", "departure", "arrival", "old", "new", "current", "previous",
}  # fmt: skip


def _distributed(sent: Sentence, c: Chunk) -> Chunk | None:
    """ "first and last name": the modifier before "and" shares the head → first_name beside last_name."""
    k = c.start - 1
    if k < 1 or sent.tokens[k].lower not in ("and", "or", "/"):
        return None
    word = sent.tokens[k - 1].lower
    if word not in _DISTRIBUTIVE or len(c.words) < 2:
        return None
    return c.model_copy(update={"words": [word.replace("-", "_"), *c.words[1:]], "head": c.head + 1000})


def _misread_modifier(sent: Sentence, c: Chunk) -> Chunk:
    """ "a start and end date" with "end" read as a verb: the second modifier still belongs to the noun."""
    toks, k = sent.tokens, c.start - 1
    if (
        k >= 2
        and c.words == [c.head_word]
        and toks[k].lower in _DISTRIBUTIVE
        and toks[k - 1].lower in ("and", "or", "/")
        and toks[k - 2].lower in _DISTRIBUTIVE
    ):
        return c.model_copy(update={"words": [toks[k].lower.replace("-", "_"), *c.words], "start": k})
    return c


def _chunks(sent: Sentence, heads: list[Token], before: int | None = None) -> list[Chunk]:
    out: list[Chunk] = []
    heads = [_partitive(sent, h) for h in heads]
    for h in heads:
        for t in _expand(sent, h, before):
            c = chunk_at(sent, t.i)
            nxt = sent.tokens[t.i + 1].lower if t.i + 1 < len(sent.tokens) else ""
            if c is not None and c.words == [t.lower] and t.lower in _DISTRIBUTIVE and nxt in ("and", "or"):
                continue  # "a home and work phone": "home" is half of a distributed modifier
            if c is not None and all(c.head != o.head for o in out):
                c = _misread_modifier(sent, c)
                twin = _distributed(sent, c)
                if twin is not None:
                    out.append(twin.model_copy(update={"head": c.head}))
                    c = c.model_copy(update={"start": c.start})
                out.append(c)
    return out


def each_antecedent(sent: Sentence, each: Token) -> Token | None:
    """ "several departments, each with a name …", "branches, each identified by a sort code": a
    distributive "each" after a comma stands for the plural noun just before it, wherever the parser hung
    it."""
    if each.lower != "each" or each.i < 2 or any(p.lower == "of" for p in sent.children(each.i, "prep")):
        return None  # "each of the rooms" names its own
    if sent.tokens[each.i - 1].text != ",":
        return None
    toks = sent.tokens
    for t in reversed(toks[max(0, each.i - 6) : each.i - 1]):
        if t.pos in ("NOUN", "PROPN"):
            if t.dep == "pobj" and toks[t.head].lower == "per":
                continue  # "plots per site, each with a number": a "per" scope is never what each counts
            if t.tag not in ("NNS", "NNPS"):
                return None
            # "messages written by users, each with a body": the noun the participle describes
            prep = toks[t.head]
            verb = toks[prep.head]
            if t.dep == "pobj" and prep.dep in ("prep", "agent") and verb.dep in ("acl", "relcl"):
                outer = toks[verb.head]
                if outer.tag in ("NNS", "NNPS"):
                    return outer
            return t
    return None


def _subjects_of(sent: Sentence, verb: Token) -> list[Token]:
    subj = sent.children(verb.i, *_SUBJ)
    if len(subj) == 1 and (plural := each_antecedent(sent, subj[0])) is not None:
        return [plural]
    return subj


def _verb_subjects(sent: Sentence, verb: Token) -> tuple[list[Chunk], bool]:
    """Subjects of ``verb``; a conjoined or relative verb inherits them from its head."""
    subj = _subjects_of(sent, verb)
    passive = any(t.dep in ("nsubjpass", "auxpass") for t in sent.children(verb.i))
    rel = verb.dep in ("relcl", "acl")
    if subj and not (rel and subj[0].lower in ("who", "that", "which")):
        return _chunks(sent, subj, verb.i), rel
    if rel:  # "customers who place orders", "a book written by an author"
        head = sent.tokens[verb.head]
        head = each_antecedent(sent, head) or head  # "depots, each identified by a code"
        if head.pos in ("NOUN", "PROPN"):
            return _chunks(sent, [head]), True
    if sent.children(verb.i, *_SUBJ):
        return [], rel  # a pronoun subject of its own ("… and we record its name"): never the head's
    k = verb
    left = _left_clause_subjects(sent, k)
    if left:
        return _chunks(sent, left), rel
    while k.dep in ("conj", "xcomp", "advcl") and k.head != k.i:
        k = _list_verb(sent, k) or sent.tokens[k.head]
        subj = _subjects_of(sent, k) or _left_clause_subjects(sent, k)
        if subj:
            return _chunks(sent, subj), rel
        if k.dep == "acl" and (plural := each_antecedent(sent, sent.tokens[k.head])) is not None:
            return _chunks(sent, [plural]), rel  # "depots, each identified by a code and having a name"
    if sent.subject_hint and verb.dep == "ROOT" and not passive:
        return [], rel
    return [], rel


def _list_verb(sent: Sentence, verb: Token) -> Token | None:
    """The main verb a list of verb phrases hangs from, where the parser attached the last one to a
    relative clause inside the one before: "an application links a person to a flat, states the income
    the person declares, and goes through …" ("goes" under "declares"). The comma before "and" marks the
    list; a relative clause never takes one before its own second verb."""
    toks = sent.tokens
    head = toks[verb.head]
    if not (
        verb.dep == "conj"
        and head.dep in ("relcl", "acl")
        and verb.i >= 2
        and toks[verb.i - 1].lower in ("and", "or")
        and toks[verb.i - 2].text == ","
    ):
        return None
    k = toks[head.head]
    while k.pos not in ("VERB", "AUX") and k.head != k.i:
        k = toks[k.head]
    return k if k.pos in ("VERB", "AUX") and k.dep in ("ROOT", "conj") and k.i < head.i else None


def _object_list(sent: Sentence, verb: Token, obj: Token) -> list[Token]:
    """The object list of ``verb``: parsers often make a later item the object ("have an employee number,
    a work email, date of birth, …" with "date" as the object), so the list starts at the first noun
    phrase after the verb when the list read from there reaches the parser's object."""
    toks = sent.tokens
    start = next((t for t in toks[verb.i + 1 : obj.i] if _nounish(t)), None)
    if start is None or any(
        t.pos in ("VERB", "AUX", "ADP") or t.text in (";", ":") or t.lower in _WH
        for t in toks[verb.i + 1 : start.i]
    ):  # "stores when the customer paid and the amount": the wh-clause's subject starts no list
        return list_items(sent, obj)
    while start.dep == "compound" and start.head > start.i and _nounish(toks[start.head]):
        start = toks[start.head]
    items = list_items(sent, start)
    return items if any(x.i == obj.i for x in items) else list_items(sent, obj)


_WH = {"when", "whether", "how", "what", "where", "which", "who"}
_LISTING_VERBS = {"record", "store", "keep", "track", "hold", "have", "contain", "include", "list", "note",
                  "log", "capture", "carry"}  # fmt: skip


def unattached_object(sent: Sentence, verb: Token, passive: bool) -> list[Token]:
    """ "we want the amount (strictly positive, kept to the cent), its currency, …": an aside after the
    first item makes the parser read it as the subject of the aside; the noun right after a transitive verb
    with no object of its own is its object."""
    if passive or verb.lemma == "be" or verb.pos != "VERB":
        return []
    if verb.lemma in _LISTING_VERBS:
        # "records when it happened, the temperament of the colony, the number of frames": the list's
        # items hang on the verb as appositions once a clause came first
        hung = [c for c in sent.children(verb.i, "appos", "npadvmod", "conj") if c.i > verb.i and _nounish(c)]
        # "records when the mechanic started and the total cost": or on the wh-clause, or on its object
        for adv in sent.children(verb.i, "advcl"):
            if any(c.lower in _WH for c in sent.children(adv.i, "advmod")):
                for h in [adv, *sent.children(adv.i, "dobj")]:
                    hung += [c for c in sent.children(h.i, "conj") if c.pos in ("NOUN", "PROPN")]
        hung.sort(key=lambda t: t.i)
        if hung and not sent.children(verb.i, "dobj"):
            return hung[:1]
    k = verb.i + 1
    toks = sent.tokens
    surface = verb.lemma in _LISTING_VERBS and k < len(toks) and toks[k].lower in _WH
    if surface:
        # "records when it happened, the soil type, …": the list goes on after the first comma
        comma = next((t.i for t in toks[k:] if t.text == ","), None)
        if comma is None:
            return []
        k = comma + 1
    while k < len(toks) and toks[k].pos in ("DET", "ADJ", "NUM", "PRON") and toks[k].tag != "PRP":
        k += 1
    if k >= len(toks) or not _nounish(toks[k]):
        return []
    while toks[k].dep == "compound" and toks[k].head > k:
        k = toks[k].head
    if not surface and toks[k].dep not in ("nsubj", "nsubjpass", "dep", "npadvmod"):
        return []
    return [toks[k]] if toks[k].head != verb.i or toks[k].dep != "nsubj" else []


def _in_with_list(sent: Sentence, verb: Token, obj: Token) -> bool:
    """ "consists of questions with their position in the round, the question text and the answer": the
    parser may hang the list's later items on the verb; they are the with-phrase's, not the verb's objects."""
    for w in sent.tokens[verb.i + 1 : obj.i]:
        if (
            w.lower in ("with", "including")
            and w.dep == "prep"
            and sent.tokens[w.head].pos in ("NOUN", "PROPN")
        ):
            pobj = sent.children(w.i, "pobj")
            if pobj and obj in list_items(sent, pobj[0]):
                return True
    return False


def _left_clause_subjects(sent: Sentence, verb: Token) -> list[Token]:
    """A verb phrase list the parser hung on its last member ("A ticket belongs to an organization, is
    opened by a user, …": "belongs" under "opened"): the subject of the first member is every member's."""
    for c in sent.children(verb.i, "ccomp"):
        if c.i < verb.i and any(t.text == "," for t in sent.tokens[c.i : verb.i]):
            subj = sent.children(c.i, "nsubj", "nsubjpass")
            if subj and subj[0].pos in ("NOUN", "PROPN"):
                return subj
    return []


def _asked(sent: Sentence, c: Chunk) -> bool:
    """ "how many seats it has": the noun a how-question counts is the question's, not the verb's object."""
    k = c.head - 1
    while (
        k > 0
        and sent.tokens[k].pos in ("ADJ", "NOUN", "PROPN")
        and sent.tokens[k].lower not in ("many", "much")
    ):
        k -= 1
    return k > 0 and sent.tokens[k].lower in ("many", "much") and sent.tokens[k - 1].lower == "how"


_SUBJECT_DETS = {"a", "an", "each", "every", "one", "the", "any"}


def _conjunct_subject(sent: Sentence, verb: Token) -> Token | None:
    """ "A recipe can have many tags and a tag can appear on many recipes": the parser coordinates "a tag"
    with "tags"; a determined noun right after "and", right before a verb with no subject, is its subject."""
    toks = sent.tokens
    own = any(t.dep in ("nsubj", "nsubjpass") for t in sent.children(verb.i))
    if verb.dep not in ("conj", "advcl") or own:
        return None
    k = verb.i - 1
    while k >= 0 and toks[k].head == verb.i and toks[k].dep in ("aux", "auxpass", "neg", "advmod"):
        k -= 1
    if k < 2:
        return None
    noun = toks[k]
    if noun.pos not in ("NOUN", "PROPN") or noun.dep != "conj" or noun.i > verb.i:
        return None
    start = noun.i
    while start > 0 and toks[start - 1].head == noun.i and toks[start - 1].dep in ("det", "amod", "compound"):
        start -= 1
    if start == 0 or toks[start].lower not in _SUBJECT_DETS:
        return None
    return noun if toks[start - 1].lower in ("and", "but", "while", "whereas") else None


def clauses(sent: Sentence) -> list[Clause]:
    out: list[Clause] = []
    moved: set[int] = set()
    for verb in sent.tokens:
        if verb.pos not in ("VERB", "AUX") or verb.dep not in _VERB_DEPS:
            continue
        if verb.pos == "AUX" and verb.lemma != "be" and verb.lemma != "have":
            continue
        subjects, relative = _verb_subjects(sent, verb)
        own = _conjunct_subject(sent, verb)
        if own is not None:
            subjects, relative = [c for c in _chunks(sent, [own]) if c.head == own.i], False
            moved.add(own.i)
        kids = sent.children(verb.i)
        passive = any(t.dep in ("nsubjpass", "auxpass") for t in kids) or (
            verb.dep == "acl" and verb.tag == "VBN"
        )
        participle = verb.tag == "VBN" or (verb.tag == "VBD" and bool(sent.children(verb.i, "agent")))
        if not passive and verb.dep == "conj" and participle and not sent.children(verb.i, "aux"):
            # "is operated by one train set and driven by one driver": the second participle is passive too
            head = sent.tokens[verb.head]
            passive = any(t.dep in ("nsubjpass", "auxpass") for t in sent.children(head.i))
        particle = " ".join(t.lower for t in kids if t.dep == "prt")
        firsts = [t for t in kids if t.dep in _OBJ and t.pos in ("NOUN", "PROPN")] or unattached_object(
            sent, verb, passive
        )
        firsts = [f for f in firsts if not _in_with_list(sent, verb, f)]
        objects = _chunks(sent, [x for f in firsts[:1] for x in _object_list(sent, verb, f)] + firsts[1:])
        objects = [o for o in objects if not _asked(sent, o)]
        if (
            verb.dep == "relcl"
            and not objects
            and any(t.dep == "nsubj" and t.lower not in ("who", "that", "which") for t in kids)
            and sent.tokens[verb.head].pos in ("NOUN", "PROPN")
            and not any(t.dep == "prep" for t in kids)
            and not any(t.dep == "advmod" and t.lower in ("where", "when", "why") for t in kids)
        ):  # "a yard where lorries park" is where they park, not what they park
            # "each plant a user owns": the noun the clause hangs on is its object
            objects = _chunks(sent, [sent.tokens[verb.head]])
        preps: dict[str, list[Chunk]] = {}
        complement = ""
        complements: list[str] = []
        for t in kids:
            if t.dep == "prep" or (t.dep == "agent"):
                pobj = [
                    q
                    for p in sent.children(t.i, "pobj")
                    if (q := _partitive(sent, p)).pos in ("NOUN", "PROPN")
                    or (p.dep == "pobj" and p.pos == "VERB")
                ]
                word = "by" if t.dep == "agent" else t.lower
                listed = (
                    [x for p in pobj[:1] for x in list_items(sent, p)] if word in ("with", "of") else pobj
                )
                preps.setdefault(word, []).extend(_chunks(sent, listed))
            elif t.dep in ("acomp", "oprd") and t.pos == "ADJ":
                complement = complement or t.lower
                complements.append(t.lower)
                for p in sent.children(t.i, "prep"):  # "is unique within a league", "is part of"
                    pobj = [x for x in sent.children(p.i, "pobj") if x.pos in ("NOUN", "PROPN")]
                    preps.setdefault(p.lower, []).extend(_chunks(sent, pobj))
        # "is made up of", "consists of": the preposition may hang off a particle, an object or a participle
        for obj in [t for t in kids if t.dep in ("attr", "dobj", "xcomp", "acomp", "prt")]:
            for p in sent.children(obj.i, "prep"):
                pobj = [x for x in sent.children(p.i, "pobj") if x.pos in ("NOUN", "PROPN")]
                if (
                    obj.pos not in ("NOUN", "PROPN")
                    or verb.lemma == "be"
                    or obj.dep == "prt"
                    or obj.lemma in ("part", "track")
                ):
                    preps.setdefault(p.lower, []).extend(_chunks(sent, pobj))
        preps = {
            w: [c for k, c in enumerate(cs) if all(c.head != d.head for d in cs[:k])]
            for w, cs in preps.items()
        }
        modal = next((t.lower for t in kids if t.dep == "aux" and t.tag == "MD"), "")
        negated = any(t.dep == "neg" for t in kids) or modal == "cannot"
        key = verb.lemma + (" " + particle if particle else "")
        out.append(
            Clause(
                verb=verb.i,
                lemma=verb.lemma,
                key=key,
                subjects=subjects,
                objects=objects,
                preps=preps,
                complement=complement,
                complements=complements,
                passive=passive,
                negated=negated,
                modal=modal,
                relative=relative,
                flag=any(t.lower == "whether" and t.dep == "mark" for t in kids),
            )
        )
    for cl in out if moved else []:  # the subject moved to its own verb is no object of the verb before
        cl.objects = [o for o in cl.objects if o.head not in moved]
        cl.preps = {w: [c for c in cs if c.head not in moved] for w, cs in cl.preps.items()}
    return out
