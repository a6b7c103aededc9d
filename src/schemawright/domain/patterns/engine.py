"""Runs the pattern table over parsed sentences and emits facts with provenance.

Each construction is implemented once, here; the table decides which verbs, prepositions and words
trigger it. A construction only *emits* facts: deciding what is an entity, merging names and settling
conflicts is the resolver's job.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from schemawright.domain.facts import (
    AssumptionFact,
    AttributeFact,
    EntityFact,
    Fact,
    IndexFact,
    NotUnderstoodFact,
    Provenance,
    RelationshipFact,
    RoleFact,
    UniqueFact,
)
from schemawright.domain.lexicon import Lexicon
from schemawright.domain.model import Cardinality, Kind
from schemawright.domain.naming import flag_field, singular, snake
from schemawright.domain.nlp.chunks import (
    BOUNDS,
    NUMBER_WORDS,
    PRONOUNS,
    STATE_ADJECTIVES,
    Card,
    Chunk,
    chunk_at,
)
from schemawright.domain.nlp.clauses import (
    CURRENCY_PAIRS,
    Clause,
    clauses,
    each_antecedent,
    list_items,
    unattached_object,
)
from schemawright.domain.nlp.tokens import Sentence, Token
from schemawright.domain.patterns.table import Row, Table
from schemawright.domain.verbs import (
    RECORDING_VERBS,
    event_participle,
    is_noun,
    nominalisations,
    only_participle,
    past_participle,
    rarer_nominalisations,
)

# Words for the people and parts of the software that operate on data but are not data themselves.
ACTORS = {
    "system", "app", "application", "platform", "we", "user interface", "ui", "api", "backend", "frontend",
    "server", "database", "website", "web_site", "page", "screen", "us", "software", "interface", "button",
    "form", "dashboard", "portal", "admin_panel", "web_app", "mobile_app",
}  # fmt: skip
_PERIODS = {"second": 1 / 2_592_000, "minute": 1 / 43_200, "hour": 1 / 720, "day": 1 / 30, "week": 1 / 4.3,
            "month": 1.0, "year": 12.0}  # fmt: skip
_DAYS = {"day": 1, "week": 7, "month": 30, "year": 365}
_MULTIPLIERS = {"thousand": 1_000, "k": 1_000, "million": 1_000_000, "m": 1_000_000, "billion": 1_000_000_000}


@dataclass
class Context:
    """What the engine may consult: the lexicon and the entity names structured readers declared."""

    lexicon: Lexicon
    known: set[str] = field(default_factory=set)
    # short mentions of a longer name used in the same spec: "the list" → shopping_list
    aliases: dict[str, str] = field(default_factory=dict)
    mentioned: dict[str, int] = field(default_factory=dict)  # every noun phrase name the spec uses, counted
    subjects: set[str] = field(default_factory=set)  # noun phrases the spec uses as a clause's subject
    countable: set[str] = field(default_factory=set)  # noun phrases the spec counts: plural, each, an, one
    individuals: set[str] = field(default_factory=set)  # noun phrases used in the singular: "each copy"
    events: dict[str, str] = field(
        default_factory=dict
    )  # verb lemma → the entity its event is ("borrow" → loan)

    def event_entity(self, lemma: str, depth: int = 0) -> str:
        """The entity that records the event of a verb: a definition's gerund ("Loan: the borrowing of …"),
        a nominalisation the spec uses as a noun, or the event whose lifecycle this verb ends."""
        if lemma in self.events:
            return self.events[lemma]
        regular = nominalisations(lemma)
        rarer = [*rarer_nominalisations(lemma), *self.lexicon.event_nouns.get(lemma, ())]
        for k, noun in enumerate([*regular, *rarer]):
            if depth and not k:
                continue  # "cancelled" ends a booking, never a book: an opener's own noun is not its event
            talked_about = self.mentioned.get(noun, 0) >= 2 or noun in self.subjects
            # a gerund or an irregular noun ("loan" for borrow) names the event only where the spec counts
            # it: "for each viewing", "each loan has"; "reject the submission" is no record of submitting
            counted = (k < len(regular) and not noun.endswith("ing")) or noun in self.individuals
            if noun in self.known or (k and talked_about and counted):
                return noun
        if depth == 0:
            for opener in self.lexicon.lifecycle_pairs.get(lemma, ()):
                found = self.event_entity(opener, 1)
                if found:
                    return found
        return ""


@dataclass
class _State:
    sent: Sentence
    ctx: Context
    facts: list[Fact] = field(default_factory=list)
    subject: Chunk | None = None  # the sentence's main entity subject (for pronouns and "whether …")
    defined: set[int] = field(default_factory=set)  # token heads that stand for the defined entity
    # "each order line is one product on one paper stock": heads the definition counts, things it refers to
    counted_defined: set[int] = field(default_factory=set)
    previous: str = ""  # the main entity of the sentence before
    previous_line: int = 0  # the spec line the sentence before started on
    plural_previous: str = ""  # the things "them" / "these" point back to: the sentence before's plural thing
    defines: str = ""  # the entity a prose definition ("Each gift is a sum …") is about
    pair: tuple[str, str] | None = None  # the last many-to-many stated: "what connects the two" is its link
    own_records: set[str] = field(default_factory=set)  # "an account with their name": the subject's own


def run(sentences: list[Sentence], table: Table, ctx: Context) -> list[Fact]:
    out: list[Fact] = []
    previous: str = ""
    plural_previous = ""
    pair: tuple[str, str] | None = None
    previous_line = 0
    for sent in sentences:
        state = _State(
            sent,
            ctx,
            previous=previous,
            previous_line=previous_line,
            plural_previous=plural_previous,
            pair=pair,
        )
        previous_line = sent.line
        found = _sentence(state, table, previous)
        if _scenario(sent):
            # a user story or test scenario speaks of things the spec describes elsewhere: it never
            # introduces an entity or an attribute owner of its own, and states no link
            found = [
                f
                for f in found
                if not isinstance(f, RelationshipFact)
                and not (isinstance(f, AttributeFact) and f.refers_to and _all_known_name(f.refers_to, ctx))
                and (not isinstance(f, (EntityFact, AttributeFact)) or _all_known(f, ctx))
            ]  # a scenario's "the recipe lists each ingredient" is an example, not a link
        if sent.story_roles:
            found = _without_roles(found, sent.story_roles)
        out.extend(found)
        pair = next(
            (
                (f.child, f.parent)
                for f in reversed(found)
                if isinstance(f, RelationshipFact) and f.cardinality is Cardinality.MANY_TO_MANY
            ),
            pair,
        )
        # a definition is about what it defines, whatever its relative clause made ("customers are the
        # people who pay us": the pronouns of the next sentence are the customers', not the payment's)
        subj = state.defines or _main_subject(state) or _root_subject(state)
        if subj:
            previous = subj
        plural_previous = _plural_topic(state)
        if not found and _mentions_data(sent, ctx):
            out.append(
                NotUnderstoodFact(prov=_prov(state, "prose.not_understood", 0), reason="no pattern matched")
            )
    return out


_SCENARIO_START = ("as a", "as an", "as the", "user story", "given", "independent test", "scenario")


def _scenario(sent: Sentence) -> bool:
    low = sent.text.lower().lstrip()
    return low.startswith(_SCENARIO_START) or " i want " in f" {low} " or " so that i " in f" {low} "


def _without_roles(facts: list[Fact], roles: list[str]) -> list[Fact]:
    """A story's role wants something; that makes it neither an entity nor a party to a link (what the role
    owns, "my plants", still names the role as the owner through an attribute or a later sentence)."""
    names = {_role_name(r) for r in roles}
    own = {f"{n}_{w}" for n in names for w in _OWN_RECORDS} | set(_OWN_RECORDS)
    out: list[Fact] = []
    for f in facts:
        if isinstance(f, AttributeFact) and f.entity in names and f.prov.rule.startswith(_NOT_THE_ROLES):
            continue  # "the manager lists our waters with …": what the role keeps is not the role's
        if isinstance(f, (EntityFact, AttributeFact, RelationshipFact)) and len(names) == 1:
            role = next(iter(names))
            if isinstance(f, EntityFact) and f.name in own:
                f = f.model_copy(update={"name": role, "evidence": "has_attributes"})
            elif isinstance(f, AttributeFact) and f.entity in own:
                f = f.model_copy(update={"entity": role})  # "create a profile with my name": the role's
        if isinstance(f, RelationshipFact) and own & {f.child, f.parent}:
            continue  # a link to the role itself stands only if the role is an entity on other evidence
        if isinstance(f, RelationshipFact) and f.prov.rule == "interaction.verb" and f.parent in names:
            continue  # "as a member, I want to rate a route": a step the role takes, not a route's member
        if isinstance(f, EntityFact) and f.name in names and f.evidence == "subject":
            continue
        out.append(f)
    return out


# rows whose owner a story's role only stands in for: what the role lists or keeps is not the role's
_NOT_THE_ROLES = ("possession.", "enum.", "flag.", "time.", "recorded.for_each")
# what a story's role creates about itself: "I want to create a profile with my name and email"
_OWN_RECORDS = ("profile", "account")
_GENERIC_RECORDS = ("record", "entry", "row", "details", "information", "data", "file")


def _role_name(role: str) -> str:
    words = [w for w in role.lower().replace("-", " ").split() if w not in STATE_ADJECTIVES]
    return singular("_".join(words)) if words else ""


def _all_known_name(name: str, ctx: Context) -> bool:
    return name in ctx.known or ctx.mentioned.get(name, 0) >= 3


def _all_known(f: Fact, ctx: Context) -> bool:
    names = (
        [f.name]
        if isinstance(f, EntityFact)
        else [f.child, f.parent]
        if isinstance(f, RelationshipFact)
        else [f.entity]
        if isinstance(f, AttributeFact)
        else []
    )
    return all(n in ctx.known or ctx.mentioned.get(n, 0) >= 3 for n in names)


def _sentence(state: _State, table: Table, previous: str) -> list[Fact]:
    cls = clauses(state.sent)
    chunks = [
        c for cl in cls for c in [*cl.subjects, *cl.objects, *(x for cs in cl.preps.values() for x in cs)]
    ]
    present = {c.name for c in chunks}
    for c in chunks:
        if state.ctx.aliases.get(c.name, "") not in present:  # "a savings account is a kind of account"
            _alias(c, state.ctx)
    _definition_aliases(state, cls)
    antecedent = previous
    for cl in sorted(cls, key=lambda c: c.verb):
        _restore_subject(state, cl, antecedent)
        first = next((s.name for s in cl.subjects if _thing(s, state.ctx)), "")
        antecedent = first or _named_by_wh(state, cl) or antecedent
    cls = [cl for cl in cls if not cl.flag]
    for name, fn in _CLAUSE_CONSTRUCTIONS.items():
        for row in table.by_construction(name):
            for cl in cls:
                fn(state, row, cl)
    for row in table.by_construction("event_record"):
        for cl in cls:
            _event_record(state, row, cl, cls)
    for name, sfn in _SENTENCE_CONSTRUCTIONS.items():
        for row in table.by_construction(name):
            sfn(state, row, cls)
    if state.own_records:
        state.facts = [
            f
            for f in state.facts
            if not (isinstance(f, EntityFact) and f.name in state.own_records)
            and not (isinstance(f, RelationshipFact) and state.own_records & {f.child, f.parent})
        ]
    classifiers = {c.name for c in chunks if _classifier(c, state.ctx)}
    for f in list(state.facts):
        if isinstance(f, EntityFact) and f.name in classifiers and f.evidence != "classifier":
            # "permit type" names a thing here, though its head alone would be a value
            state.facts.append(f.model_copy(update={"evidence": "classifier"}))
            classifiers.discard(f.name)
    counted_one = {c.name for c in chunks if _counted_one(state, c)}
    for f in state.facts:
        if isinstance(f, RelationshipFact) and f.parent in counted_one:
            f.one_parent = True
    return state.facts


# -- helpers ------------------------------------------------------------------------------------------
def _prov(state: _State, rule: str, priority: int) -> Provenance:
    return Provenance(
        rule=rule, line=state.sent.line, text=state.sent.text[:240], origin="prose", priority=priority
    )


def _named_by_wh(state: _State, cl: Clause) -> str:
    """ "What connects the two is the subscription, and it carries …": a wh-clause subject makes the
    thing it is equated with the topic the pronouns after it refer to."""
    if cl.lemma != "be" or not state.sent.children(cl.verb, "csubj"):
        return ""
    return next((o.name for o in cl.objects if _thing(o, state.ctx) and not is_value(o, state.ctx)), "")


_CONNECTING = {"connect", "link", "join", "tie", "relate", "bind", "pair"}


def _connector(state: _State, row: Row, cls: list[Clause]) -> None:
    """ "What connects the two is the subscription", "the link between them is a membership", "a booking
    is what ties guests to rooms": the thing named is the link table of the many-to-many just stated (or of
    the two things named in the clause)."""
    ctx, sent = state.ctx, state.sent
    for cl in cls:
        if cl.lemma != "be" or cl.negated:
            continue
        link = _named_by_wh(state, cl)
        verbs = [v for v in sent.children(cl.verb, "csubj") if v.lemma in _CONNECTING]
        if not link or not verbs:
            continue
        ends = [
            c.name
            for v in verbs
            for x in [
                *sent.children(v.i, "dobj"),
                *(p for q in sent.children(v.i, "prep") for p in sent.children(q.i, "pobj")),
            ]
            if (c := _chunk(state, x.i)) is not None and _thing(c, ctx) and not is_value(c, ctx)
        ]
        pair = tuple(ends[:2]) if len(ends) >= 2 else state.pair
        if pair is None or link in pair:
            continue
        a, b = pair
        prov = _prov(state, row.id, row.priority)
        state.facts.append(EntityFact(prov=prov, name=link, evidence="subject"))
        state.facts.append(
            RelationshipFact(prov=prov, child=a, parent=b, cardinality=Cardinality.MANY_TO_MANY, through=link)
        )


def _hint_chunk(state: _State) -> Chunk | None:
    hint = state.sent.subject_hint or state.defines
    return _named(hint, stated=True) if hint else None


def _restore_subject(state: _State, cl: Clause, previous: str) -> None:
    """A clause with no subject, or a pronoun subject, takes the definition's entity or the last one."""
    if cl.subjects:
        return
    verb = state.sent.tokens[cl.verb]
    recorders = (*RECORDING_VERBS, "want", "need")
    pron = [
        t
        for t in state.sent.children(cl.verb, "nsubj", "nsubjpass")
        if t.lower in ("it", "they", "each") or (t.lower == "we" and cl.lemma in recorders)
    ]
    hint = _hint_chunk(state)
    if hint is not None and (pron or verb.dep == "ROOT" or cl.relative is False):
        cl.subjects = [hint]
    elif pron and previous:
        cl.subjects = [_named(previous)]


_RELATIONAL = {
    "part", "kind", "type", "form", "sort", "member", "piece", "subset", "variety", "instance", "example",
    "subtype", "specialisation", "specialization", "version", "variant", "portion",
}  # fmt: skip


def _definition_aliases(state: _State, cls: list[Clause]) -> None:
    """In a definition ("A book is a title in the catalogue, identified by its ISBN, with …") the noun
    after "is" stands for the defined entity: phrases hanging on it describe the entity itself."""
    hint = state.sent.subject_hint
    if not hint:  # a definition in prose: "Each gift is a sum of money that reached us from one supporter"
        root = next((cl for cl in cls if cl.lemma == "be" and state.sent.tokens[cl.verb].dep == "ROOT"), None)
        if root is None or len(root.subjects) != 1 or not root.objects:
            return
        root = root.model_copy(update={"objects": _outermost(state.sent, root.objects)})
        subject = root.subjects[0]
        # "Translators are freelancers with a full name …": a bare plural defined by another bare plural
        plural = subject.plural and not subject.card.stated and [o.plural for o in root.objects] == [True]
        if not (_thing(subject, state.ctx) and ((subject.card.stated and not subject.card.many) or plural)):
            return
        counted = [o for o in root.objects if _counted_reference(state, o)]
        rest = [o for o in root.objects if o not in counted]
        values_after = all(is_value(o, state.ctx) for o in rest)  # a "with" list the parser spread
        if len(counted) == 1 and values_after and not _thing_phrase_after(state, root):
            # "Each order line is one product on one paper stock with a quantity": the definition counts
            # the things the entity refers to; the values it lists are the entity's own
            state.defines = subject.name
            prov = _prov(state, "definition.link", 58)
            state.facts.append(EntityFact(prov=prov, name=subject.name, evidence="subject"))
            state.facts.append(EntityFact(prov=prov, name=counted[0].name, evidence="referenced"))
            state.facts.append(RelationshipFact(prov=prov, child=subject.name, parent=counted[0].name))
            state.counted_defined.add(counted[0].head)
            return
        if any(
            is_value(o, state.ctx) or o.name in state.ctx.known or o.head_word in _RELATIONAL
            for o in root.objects
        ):
            return  # "a seat is part of a row", "a manager is a kind of employee": other rows read those
        if any(t.lower in ("also", "too") for t in state.sent.children(root.verb, "advmod")):
            return  # "every referee is also a volunteer": a role (definition.role_of), not a definition
        if _party_event(state, root) is not None:
            return  # "a loan is a member borrowing one copy": the member takes part; no other name for a loan
        hint = state.defines = subject.name
    for cl in cls:
        objects = _outermost(state.sent, cl.objects)  # "an application of a treatment to a Hive": one noun
        if cl.lemma == "be" and any(s.name == hint for s in cl.subjects) and len(objects) == 1:
            # one noun after "is" stands for the entity; a list after "is" lists its values instead
            defining = objects[0]
            state.defined.add(defining.head)
            if state.sent.subject_hint and defining.name in state.ctx.known and defining.name != hint:
                if _who_clause(state, defining):
                    # "Conductor: the ringer who calls the performance": a part the ringer plays
                    state.facts.append(
                        RoleFact(prov=_prov(state, "definition.role_of", 60), role=hint, base=defining.name)
                    )
                    continue
                # "Application: a Candidate applying to a Job Posting" — it is about that candidate
                state.facts.append(
                    RelationshipFact(
                        prov=_prov(state, "definition.link", 58), child=hint, parent=defining.name
                    )
                )
    if not state.defined:
        return
    for cl in cls:
        for c in [*cl.subjects, *cl.objects, *(x for cs in cl.preps.values() for x in cs)]:
            if c.head in state.defined:
                c.words = hint.split("_")


def _outermost(sent: Sentence, chunks: list[Chunk]) -> list[Chunk]:
    """The chunks not inside another one's phrase: the clause reader adds an object's "of" complement as an
    object of its own ("an application of a varroa treatment"), which is no second defining noun."""
    inside = {
        t.i
        for c in chunks
        if c.head >= 0
        for p in sent.children(c.head, "prep")
        if p.lower == "of"
        for t in sent.subtree(p.i)
    }
    return [c for c in chunks if c.head < 0 or c.head not in inside]


def _who_clause(state: _State, c: Chunk) -> bool:
    """ "the ringer who calls the performance": a relative clause on a person, opened by "who"."""
    toks = state.sent.tokens
    relatives = state.sent.children(c.head, "relcl") if c.head >= 0 else []
    return any(toks[k].lower == "who" for rel in relatives for k in range(c.head + 1, rel.i))


def _counted_reference(state: _State, c: Chunk) -> bool:
    """ "one product", "exactly one room", "a single guest" after "is": a counted thing, not another name
    for the subject ("a gift is a sum of money")."""
    if c.head < 0 or c.plural or c.card.many or not _thing(c, state.ctx) or is_value(c, state.ctx):
        return False
    if c.name not in state.ctx.known and c.name not in state.ctx.subjects:
        return False  # "a sailing is one departure on a route": another name for the subject
    words = {t.lower for t in state.sent.tokens[max(c.start, 0) : c.head]}
    return bool(words & {"one", "exactly"}) and c.head_word not in _RELATIONAL


def _under(sent: Sentence, i: int, heads: set[int]) -> bool:
    return any(i in {t.i for t in sent.subtree(h)} for h in heads if h >= 0)


def _thing_phrase_after(state: _State, root: Clause) -> bool:
    """ "Each booking is one room that the guest rents": a relative clause makes it a description."""
    return any(t.dep in ("relcl", "acl") for o in root.objects for t in state.sent.children(o.head))


def _chunk(state: _State, i: int) -> Chunk | None:
    """A noun phrase of this sentence under the spec's own names (aliases applied)."""
    c = chunk_at(state.sent, i)
    if c is not None:
        _alias(c, state.ctx)
    return c


def _alias(c: Chunk, ctx: Context) -> None:
    target = ctx.aliases.get(c.name)
    if target:
        c.words = target.split("_")
        return
    if c.name in ctx.known or ctx.mentioned.get(c.name, 0) >= 2:
        return
    for k in range(1, len(c.words)):  # "a restricted dataset" names the declared dataset
        if "_".join(c.words[k:]) in ctx.known:
            c.words = c.words[k:]
            return


def _root_subject(state: _State) -> str:
    """ "A presenter is a volunteer who speaks on air. We keep their real name …": with no fact of its own,
    a sentence still sets the topic the next one's pronouns refer to."""
    toks = state.sent.tokens
    return next((n for t in toks if toks[t.head].dep == "ROOT" and (n := _subject_thing(state, t))), "")


def _subject_thing(state: _State, t: Token) -> str:
    """The thing ``t`` names as a clause's subject ("" when it is no subject noun, or names a value)."""
    if t.dep not in ("nsubj", "nsubjpass") or t.pos not in ("NOUN", "PROPN"):
        return ""
    c = _chunk(state, t.i)
    return c.name if c is not None and _thing(c, state.ctx) and not is_value(c, state.ctx) else ""


def _plural_topic(state: _State) -> str:
    """ "Everything starts with the landlords we work for. For each of them we keep …": the plural thing a
    later "them" points back to, the plural subject first, else the first plural thing named."""
    toks = state.sent.tokens
    found = []
    for t in toks:
        if t.pos not in ("NOUN", "PROPN") or t.tag not in ("NNS", "NNPS"):
            continue
        c = _chunk(state, t.i)
        if c is not None and c.head == t.i and _thing(c, state.ctx) and not is_value(c, state.ctx):
            found.append((t.dep not in ("nsubj", "nsubjpass"), t.i, c.name))
    return min(found)[2] if found else ""


def _main_subject(state: _State) -> str:
    for f in state.facts:
        if isinstance(f, AttributeFact):
            return f.entity
        if isinstance(f, RelationshipFact):
            return f.child
    return ""


def _is_actor(c: Chunk, ctx: Context) -> bool:
    if c.head_word in ctx.lexicon.countable_things and c.name in ctx.countable:
        return False  # "an application links one person to one apartment": the spec counts them
    return (
        c.name in ACTORS
        or c.head_word in ACTORS
        or c.name in ctx.lexicon.not_entities
        or (c.head_word in ctx.lexicon.not_entities and c.name not in ctx.known and not _classifier(c, ctx))
    )


def _classifier(c: Chunk, ctx: Context) -> bool:
    """ "a permit type is for exactly one water": a classifying compound the spec makes a subject."""
    return len(c.words) > 1 and c.head_word in _CLASSIFIERS and c.name in ctx.subjects


# heads that classify: "permit type", "room category" are things of their own when the spec says so
# ("train set", "price list", "menu section" likewise: heads that alone never name a table)
_CLASSIFIERS = {
    "type", "kind", "category", "class", "tier", "grade", "level", "plan", "template", "set", "list",
    "version", "section",
}  # fmt: skip


def is_value(c: Chunk, ctx: Context) -> bool:
    """A value noun names a property (a name, a price, a due date), not a thing of its own; a classifying
    compound ("permit type") the spec makes the subject of its own sentences is a thing."""
    if c.name in ctx.known:
        return False
    if _classifier(c, ctx):
        return False
    # the plural as written names a measure ("copies", "seats") unless single ones are counted: "each copy"
    surface = c.text.split()[-1].lower() if c.text and c.name not in ctx.individuals else ""
    return any(ctx.lexicon.kind_for_name(n) is not None for n in (c.name, c.head_word, surface) if n)


RECORDERS = {
    "agent",
    "staff",
    "admin",
    "administrator",
    "operator",
    "clerk",
    "employee",
    "team",
    "company",
    "user",
    "manager",
    "organiser",
    "organizer",
    "coordinator",
    "dispatcher",
    "receptionist",
    "editor",
    "moderator",
    "librarian",
    "curator",
    "registrar",
    "secretary",
    "supervisor",
    "planner",
    "we",
}


def _recorder(c: Chunk, ctx: Context) -> bool:
    """A person or team that writes data down, as opposed to a thing that holds it."""
    return c.head_word in RECORDERS and (c.plural or not c.card.stated) and c.name not in ctx.known


def _named(name: str, *, stated: bool = False) -> Chunk:
    """A chunk standing for an entity by name (a definition's subject, the last sentence's, an event)."""

    return Chunk(
        head=-1, start=-1, end=-1, words=name.split("_"), text=name, card=Card(stated=stated), plural=False
    )


def _established(c: Chunk, ctx: Context) -> bool:
    return c.name in ctx.known or ctx.mentioned.get(c.name, 0) >= 2


def _thing(c: Chunk, ctx: Context) -> bool:
    return bool(c.words) and not _is_actor(c, ctx) and c.head_word not in PRONOUNS


_KEEP_OWNER = {
    "number",
    "type",
    "code",
    "key",
    "id",
    "no",
    "kind",
    "date",
    "time",
    "day",
}  # "episode number" stays whole


def _attr_name(owner: str, c: Chunk) -> str:
    """Attribute name from a chunk, without the owner's own name in front ("book title" → title)."""
    words = list(c.words)
    owner_words = owner.split("_")
    rest = words[len(owner_words) :]
    prefixed = len(words) > len(owner_words) and words[: len(owner_words)] == owner_words
    if prefixed and not (len(rest) == 1 and rest[0] in _KEEP_OWNER):
        words = rest
    if len(words) > 1 and words[-1] == "flag":  # "the explicit flag" → explicit
        words = words[:-1]
    return "_".join(words)


_UNITS = {
    "seconds", "minutes", "hours", "days", "weeks", "months", "years", "milliseconds", "bytes", "kilobytes",
    "megabytes", "cents", "grams", "kilograms", "kg", "metres", "meters", "kilometres", "kilometers", "km",
    "litres", "liters", "millilitres", "centimetres", "centimeters", "cm", "mm", "percent", "euros",
    "dollars", "hectares", "acres", "millimetres", "millimeters",
}  # fmt: skip


_MEASURES = {"weight", "volume", "amount", "length", "height", "depth", "mass", "area", "quantity", "width"}


def _unit_after(sent: Sentence, c: Chunk) -> str:
    """ "its duration in seconds" → "seconds"; "the weight of honey in kilograms" → "kilograms"."""
    return _unit_at(sent, c.head, c.head_word)


def _whole_units(sent: Sentence, head: int) -> bool:
    """The unit after the noun is counted whole: "the ascent in whole metres", "(in whole minutes)"."""
    toks = sent.tokens[head + 1 : head + 5]
    words = [t.lower for t in toks]
    return "in" in words and words[words.index("in") + 1 : words.index("in") + 2] == ["whole"]


def _list_unit(state: _State, c: Chunk) -> tuple[str, int]:
    """The unit written once after a list of bare measures applies to each: "height, chest and waist in
    centimetres" → centimetres for height and chest as well (and the list's last noun, for "whole")."""
    toks = state.sent.tokens
    if c.head < 1:
        return "", c.head
    j = c.head
    items = [c.name]
    while (
        j + 2 < len(toks)
        and (toks[j + 1].text == "," or toks[j + 1].lower == "and")
        and toks[j + 2].pos == "NOUN"
    ):
        j += 2
        items.append(toks[j].lower)
    # plain dimensions only: "latitude, longitude and elevation in metres" gives the unit to the last alone
    if j == c.head or any(state.ctx.lexicon.kind_for_name(w) not in _DIMENSION for w in items):
        return "", c.head
    return _unit_at(state.sent, j, toks[j].lower), j


_DIMENSION = {None, Kind.COUNT, Kind.INTEGER}  # a measure's name that says nothing of its unit


_SHARED = {"both", "all", "each"}  # "(both in minutes)": one unit for every value of the list before it


def _shared_unit(sent: Sentence, c: Chunk) -> tuple[str, int]:
    """A unit written once in parentheses after a list, for all of it: "the preparation time and the cooking
    time (both in whole minutes)" gives minutes to the preparation time too. The list's last noun is returned
    for "whole"."""
    toks = sent.tokens
    j, joins = c.head + 1, 0
    while j < len(toks) - 1 and (
        (join := toks[j].text == "," or toks[j].lower in ("and", "or"))
        or toks[j].pos in ("DET", "ADJ", "NOUN", "PROPN")
    ):
        joins += join
        j += 1
    if j == c.head + 1 or toks[j].text != "(" or toks[j + 1].lower not in _SHARED:
        return "", c.head
    if toks[j + 1].lower == "both" and joins != 1:
        return "", c.head  # "a title, the warm-up time and the cool-down time (both …)": the last two only
    return _unit_at(sent, j - 1, toks[j - 1].lower), j - 1


def _unit_at(sent: Sentence, head: int, head_word: str) -> str:
    toks = sent.tokens
    k = head + 1
    if head_word in _MEASURES and k + 2 < len(toks) and toks[k].lower == "of" and toks[k + 1].tag == "NN":
        k += 2
    if k + 1 < len(toks) and toks[k].tag in ("VBN", "VBD") and toks[k + 1].lower == "in":
        k += 1  # "the amount eaten in grams", "the distance walked in kilometres"
    if k < len(toks) - 2 and toks[k].text == "(":  # "the cooking time (in minutes)", "(both in whole hours)"
        inner = k + 1 + (toks[k + 1].lower in _SHARED)
        if toks[inner].lower in _UNITS and inner + 1 < len(toks) and toks[inner + 1].text == ")":
            return toks[inner].lower  # "the dwell time (minutes)"
        k = inner
    if 0 < k < len(toks) - 1 and toks[k].lower == "in":
        j = k + 1
        while j < len(toks) - 1 and toks[j].pos in ("DET", "ADJ") and toks[j].lower != "square":
            j += 1
        pair = [t.lower for t in toks[j : j + 3]]
        if len(pair) == 3 and pair[1] == "and" and (pair[0], pair[2]) in CURRENCY_PAIRS:
            return " ".join(pair)  # "the credit limit in pounds and pence": money
        if toks[j].lower in _UNITS:
            return toks[j].lower
        if toks[j].lower == "square" and j + 1 < len(toks):
            return f"square {toks[j + 1].lower}"  # "the living area in square metres" → living_area_m2
    return ""


def _enum_after(sent: Sentence, c: Chunk, *, after_clause: bool = False) -> list[str]:
    """Values in parentheses right after a noun: "a status (draft, sent, paid or void)"; with
    ``after_clause``, also after the noun's own relative clause ("the clay body it is made of (…)")."""
    toks = sent.tokens
    k = c.head + 1
    if 0 < k < len(toks) and toks[k].dep == "prep" and toks[k].head == c.head:
        # "a role within their company (admin or recruiter)": the values follow the noun's own phrase
        inside = {t.i for t in sent.subtree(k)}
        paren = next((t.i for t in toks[k : k + 6] if t.text == "(" or t.i not in inside), None)
        # "date of birth and blood group (A, B …)": the values belong to the last item of the list
        listed = paren is not None and any(t.dep == "conj" or t.pos == "CCONJ" for t in toks[k:paren])
        k = paren if paren is not None and toks[paren].text == "(" and not listed else k
    if after_clause and 0 < k < len(toks) and toks[k].text != "(" and c.head >= 0:
        # "the clay body it is made of (stoneware, porcelain or earthenware)": after the noun's own clause
        for rel in sent.children(c.head, "relcl", "acl"):
            inside = {t.i for t in sent.subtree(rel.i)}
            paren = next((t.i for t in toks[k : k + 8] if t.text == "(" or t.i not in inside), None)
            if paren is not None and toks[paren].text == "(":
                k = paren
    if k >= len(toks) or toks[k].text != "(":
        return []
    values: list[str] = []
    current: list[str] = []
    k += 1
    if [t.lower for t in toks[k : k + 2]] == ["one", "of"]:  # "(one of A+, A-, B+ or B-)"
        k += 2
    glued = False
    while k < len(toks) and toks[k].text != ")":
        t = toks[k]
        if t.tag == "HYPH":  # "30-minute talk" split at its hyphen: one value
            k += 1
            continue
        if _glued_symbol(toks, k, current):  # "1-10", "1000+": the symbol belongs to the value
            current[-1] += t.text.replace("–", "-")
            glued = t.text != "+"
        elif glued and t.text.isdigit():
            current[-1] += t.text
            glued = False
        elif t.text in (",", "/", "|") or t.lower in ("or", "and"):
            if current:
                values.append("_".join(current))
            current = []
        elif not current and len(values) >= 2 and toks[k - 1].text == "," and _remark(toks, k):
            break  # "(white, yellow or blue, following the year colour code)": a remark after the values
        elif _value_word(t):
            current.append(_value_text(t))
        else:
            return []
        k += 1
    if current:
        values.append("_".join(current))
    if len(values) < 2 or any(len(v.split("_")) > 3 for v in values):
        return []
    return values


def _remark(toks: list[Token], k: int) -> bool:
    """Whether the words from ``k`` open a remark after a value list: "(white, yellow or blue, following the
    code)". A participle that is a whole item on its own is a value: "(draft, approved, rejected)"."""
    nxt = toks[k + 1] if k + 1 < len(toks) else None
    lone = nxt is not None and (nxt.text in (",", "/", "|", ")") or nxt.lower in ("or", "and"))
    return _opens_remark(toks[k]) and not lone


def _opens_remark(t: Token) -> bool:
    """A word that starts a remark, never a value: a participle ("following …", "based on …"), an article,
    a preposition, a pronoun or a pointer ("see", "as set by", "e.g.")."""
    return t.tag in ("VBG", "VBN") or t.pos in ("DET", "ADP", "SCONJ", "PRON") or t.lower in (
        "see", "e.g.", "eg", "i.e.", "ie", "etc", "etc.", "as", "per",
    )  # fmt: skip


def _value_word(t: Token) -> bool:
    """A word of a listed value: "draft", "hands-on", "XL", or a code ending in a sign ("A+", "O-")."""
    return t.text.rstrip("+-").replace("-", "").replace("–", "").replace("_", "").isalnum()


def _value_text(t: Token) -> str:
    """A value word as the value list spells it: "hands-on" → hands_on; a sign at the end stays ("a+")."""
    text = t.text.replace("–", "-")
    if _SPAN.match(text):
        return text  # a bracket: "18-64"
    body = text.rstrip("+-")
    return body.lower().replace("-", "_") + text[len(body) :]


def _named_token(t: Token, text: str) -> Token:
    return t.model_copy(update={"text": text})


def _glued_symbol(toks: list[Token], k: int, current: list[str]) -> bool:
    """A sign that is part of the value before it: the dash of a numeric bracket ("1-10", "11–50") or a
    trailing plus ("1000+")."""
    if not current or not current[-1][-1:].isdigit():
        return False
    t = toks[k]
    if t.text == "+":
        return True
    return t.text in ("-", "–") and k + 1 < len(toks) and toks[k + 1].text.isdigit()


def _enum_apposed(sent: Sentence, c: Chunk) -> list[str]:
    """Values set after the noun by a comma and offered with "or": "a direction, up or down", "a tee
    colour, white, yellow or red", "a shape, one of round, square or oval". Bare words only (no article),
    ending the sentence or the list item."""
    toks = sent.tokens
    k = c.head + 1
    if c.head < 0 or k >= len(toks) - 1 or toks[k].text != ",":
        return []
    values: list[str] = []
    current: list[str] = []
    offered = False
    either = k + 1 < len(toks) and toks[k + 1].lower == "either"
    if either:
        k += 1  # "a status, either pending, paid or shipped": participles are values too
    elif [t.lower for t in toks[k + 1 : k + 3]] == ["one", "of"]:
        k, either = k + 2, True  # "a shape, one of round, square or oval"
    for t in toks[k + 1 :]:
        if t.lower == "or" or t.text == ",":
            if not current or (t.text == "," and offered):
                break
            offered = offered or t.lower == "or"
            values.append("_".join(current))
            current = []
        elif t.text in (".", ";", ")") or t.lower == "and":
            break
        elif _not_a_value(t, either) or len(current) >= 2:
            return []
        else:
            current.append(_value_text(t))
    if current:
        values.append("_".join(current))
    return values if offered and len(values) >= 2 else []


def _not_a_value(t: Token, either: bool) -> bool:
    """A word no bare listed value is: an article, a pronoun, a number, a verb (after "either" a participle
    is a value: "either loaded, fired or emptied")."""
    verb = t.pos == "VERB" and not (either and t.tag in ("VBN", "VBG", "VBD"))
    return verb or t.pos in ("DET", "AUX", "PRON", "NUM") or not _value_word(t)


def _apposed_value(state: _State, c: Chunk) -> bool:
    """The noun is one of the values a noun before it offers after a comma ("a shape, delta or diamond")."""
    toks = state.sent.tokens
    for j in range(max(0, c.head - 8), c.head - 1):
        if toks[j].pos not in ("NOUN", "PROPN") or toks[j + 1].text != ",":
            continue
        before = _chunk(state, j)
        if before is None or before.head != j:
            continue
        kind = state.ctx.lexicon.kind_for_name(before.name)
        values = _enum_apposed(state.sent, before) if kind in (None, Kind.ENUM, Kind.TEXT) else []
        if values and _value_text(toks[c.head]) in {v.split("_")[-1] for v in values}:
            return True
    return False


def _inside_value(toks: list[Token], i: int) -> bool:
    """A preposition between a value's word and one noun that ends the value ("open for entries,")."""
    return (
        i + 2 < len(toks)
        and toks[i + 1].pos == "NOUN"
        and (toks[i + 2].text in (",", ".", ";") or toks[i + 2].lower in ("or", "and"))
    )


def _particle_end(toks: list[Token], i: int) -> bool:
    """A particle that ends a value, before the list's next separator ("checked in,", "signed up or")."""
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    return nxt is None or nxt.text in (",", ".", ";", "/", "|") or nxt.lower in ("or", "and")


def _offered_as_choice(sent: Sentence, c: Chunk) -> bool:
    """The parenthesis after the noun joins its words with "or"."""
    toks = sent.tokens
    opened = next((t.i for t in toks[c.head + 1 : c.head + 10] if t.text == "("), None)
    if c.head < 0 or opened is None:
        return False
    closed = next((t.i for t in toks[opened:] if t.text == ")"), len(toks))
    return any(t.lower == "or" for t in toks[opened:closed])


def _enum_listed(sent: Sentence, c: Chunk) -> list[str]:
    """Values after a colon or "of" following a value-list noun: "a status: planned, firing or cooled",
    "a difficulty of easy, medium or hard", "Parcel status: `announced` → `deposited` → `collected`"."""
    toks = sent.tokens
    k = c.head + 1
    if c.head < 0 or k >= len(toks) or toks[k].text not in (":", "of", "—", "–"):
        return []
    values: list[str] = []
    current: list[str] = []
    joined = False
    ended = True  # the list runs to the end of the sentence: "a status: online, offline, maintenance."
    if [t.lower for t in toks[k + 1 : k + 3]] == ["one", "of"]:
        k += 2  # "a status: one of `pending`, `paid`, `shipped`"
    for t in toks[k + 1 :]:
        if t.text in (",", "/", "|", "→", "->") or t.lower in ("or", "and"):
            joined = joined or t.lower in ("or", "and") or t.text in ("→", "->")
            if current:
                values.append("_".join(current))
            current = []
        elif t.pos == "ADP" and current and _inside_value(toks, t.i):
            current.append(t.lower)  # "draft, open for entries, closed or finished": one value
        elif t.pos in ("ADP", "PART") and current and _particle_end(toks, t.i):
            current.append(t.lower)  # "requested, checked in, completed or cancelled": a phrasal value
        elif t.text in (".", ";", ")", "(", ":") or t.pos in ("DET", "AUX", "ADP", "PRON"):
            ended = t.text in (".", ";")
            break
        elif _value_word(t):
            current.append(_value_text(t))
        elif t.i == len(toks) - 1 and t.text.endswith(".") and _value_word(_named_token(t, t.text[:-1])):
            current.append(_value_text(_named_token(t, t.text[:-1])))  # "Sizes: S, M, L." ends on "L."
        else:
            ended = False
            break
    if current:
        values.append("_".join(current))
    if not (joined or (ended and len(values) >= 3)) or len(values) < 2:
        return []
    return [] if any(len(v.split("_")) > 3 for v in values) else values


_NUMERIC = {
    Kind.INTEGER, Kind.DECIMAL, Kind.COUNT, Kind.RATING, Kind.PERCENTAGE, Kind.MONEY, Kind.YEAR,
    Kind.POSITION, Kind.DURATION,
}  # fmt: skip
_WHOLE = {Kind.INTEGER, Kind.COUNT, Kind.RATING, Kind.YEAR, Kind.POSITION}
_SPAN = re.compile(r"^(\d+(?:\.\d+)?)[-–](\d+(?:\.\d+)?)$")


def _number(t: Token) -> float | None:
    if t.lower in NUMBER_WORDS:
        return float(NUMBER_WORDS[t.lower])
    try:
        return float(t.text.replace(",", ""))
    except ValueError:
        return None


def _range_after(sent: Sentence, c: Chunk) -> tuple[float, float] | None:
    """A stated range right after a value: "a rating from 1 to 5", "a score between 0 and 10", "a level
    (1-3)", "a grade of 1–6". None when the words after the noun are anything else."""
    if c.head < 0:
        return None
    toks = _without_remarks(sent.tokens[c.head + 1 : c.head + 12])
    words = [t.lower for t in toks]
    if not words or words[0] not in ("(", "from", "between", "of"):
        return None
    opened = words[0] == "("
    toks, words = toks[1:], words[1:]
    if toks and (m := _SPAN.match(toks[0].text)):
        low, high = float(m.group(1)), float(m.group(2))
        k = 1
    elif len(toks) >= 3 and words[1] in ("to", "and", "-", "–"):
        first, last = _number(toks[0]), _number(toks[2])
        if first is None or last is None:
            return None
        low, high = first, last
        k = 3
    else:
        return None
    if opened and words[k : k + 1] != [")"]:
        return None  # "(1-10, 11-50, 51-200)": brackets offered as values, not one range
    if _length_word(toks, k):
        return None  # "a key of 2–10 uppercase letters": a length, not a value
    return (low, high) if low < high else None


_LENGTH_WORDS = {"characters", "character", "chars", "letters", "letter", "digits", "digit", "symbols"}


def _without_remarks(toks: list[Token]) -> list[Token]:
    """The tokens without parenthesised remarks after the first: "from 1 (highest) to 5" → from 1 to 5."""
    out: list[Token] = []
    depth = 0
    for n, t in enumerate(toks):
        if t.text == "(" and n > 0:
            depth += 1
        elif t.text == ")" and depth:
            depth -= 1
        elif not depth:
            out.append(t)
    return out


def _length_after(sent: Sentence, c: Chunk) -> int | None:
    """The longest length a text value may have, stated right after its noun: "a key of 2–10 uppercase
    letters" → 10, "a code of 6 digits" → 6, "a handle (up to 30 characters)" → 30."""
    if c.head < 0:
        return None
    toks = sent.tokens[c.head + 1 : c.head + 10]
    words = [t.lower for t in toks]
    if not words or words[0] not in ("(", "of"):
        return None
    k = 1
    while k < len(words) and words[k] in ("up", "to", "at", "most", "between"):
        k += 1
    high: float | None = None
    if k < len(toks) and (m := _SPAN.match(toks[k].text)):
        high, k = float(m.group(2)), k + 1
    elif k < len(toks) and (first := _number(toks[k])) is not None:
        high, k = first, k + 1
        if k + 1 < len(toks) and words[k] in ("to", "and", "-", "–"):
            high, k = _number(toks[k + 1]), k + 2
    if high is None or not high.is_integer():
        return None
    return int(high) if _length_word(toks, k) else None


def _length_word(toks: list[Token], k: int) -> bool:
    """A count of characters from ``k`` on, past its describing words: "uppercase letters", "digits"."""
    for t in toks[k : k + 3]:
        if t.lower in _LENGTH_WORDS:
            return True
        if t.pos not in ("ADJ", "NOUN", "PROPN"):
            return False
    return False


def _time_of_day(sent: Sentence, c: Chunk) -> bool:
    """ "… time of day" or a time written as "(HH:MM)" right after the noun."""
    after = [t.lower for t in sent.tokens[c.head + 1 : c.head + 6]] if c.head >= 0 else []
    if after[:2] == ["of", "day"] and c.head_word in ("time", "hour", "start", "end"):
        return True
    text = "".join(after[:5])
    return c.head_word == "time" and text.startswith("(hh:mm")


def _names_attributes(values: list[str], ctx: Context) -> bool:
    """A parenthesised list of value nouns lists attributes, not enum values; so does one naming the
    spec's own things ("squad registrations (player, team, season, shirt number)"): an enum's values are
    states, never the things the spec records. A flag's name is a state too: "a status (draft, approved,
    paid)" lists values."""
    fields = sum(ctx.lexicon.kind_for_name(v) not in (None, Kind.BOOLEAN) or v in ctx.known for v in values)
    return fields * 2 >= len(values) + 1


def _unique_before(sent: Sentence, c: Chunk) -> bool:
    return any(t.lower in ("unique", "distinct") for t in sent.tokens[max(c.start, 0) : c.head])


def _of_complement(state: _State, c: Chunk) -> str:
    """ "date of birth", "country of origin": a value noun completed by a bare noun is one name; with a
    determiner ("the date of the loan") or a declared entity, the of-phrase names the owner instead."""
    if c.head < 0 or not is_value(c, state.ctx) or c.head_word in _MEASURES:
        return ""  # "the weight of honey in kilograms" is a weight: the unit names it, not the material
    toks = state.sent.tokens
    if c.head + 2 >= len(toks) or toks[c.head + 1].lower != "of":
        return ""
    # read from the surface: the parser may hang "of birth" on another item of a list
    pobj = toks[c.head + 2]
    follows = toks[c.head + 3] if c.head + 3 < len(toks) else None
    bare = pobj.tag == "NN" and pobj.pos == "NOUN" and not (follows is not None and follows.pos == "NOUN")
    period = pobj.lemma in _PERIODS  # "a closing time of day" is a time of day, read elsewhere
    if bare and not period and pobj.lemma not in state.ctx.known and pobj.lemma.isalpha():
        return pobj.lemma
    return ""


def _of_event(state: _State, c: Chunk) -> tuple[str, Kind] | None:
    """ "the moment of the cancellation", "the date of renewal": a bare date or moment of an event noun
    that names no thing of the spec is the time of that event (cancelled_at, renewed_on); None otherwise
    ("the date of the inspection", where inspections are things, is the inspection's date)."""
    toks = state.sent.tokens
    if c.head < 0 or c.words not in (["date"], ["moment"], ["time"]) or c.head + 2 >= len(toks):
        return None
    if toks[c.head + 1].lower != "of" or _date_and_time(state.sent, c) is not None:
        return None  # "the date and time of the move" is one moment, named by the date's chunk
    k = c.head + 2
    while k < len(toks) and toks[k].lower in ("the", "its", "their", "his", "her"):
        k += 1
    event = toks[k] if k < len(toks) else None
    follows = toks[k + 1] if k + 1 < len(toks) else None
    if (
        event is None
        or event.pos != "NOUN"
        or (follows is not None and (follows.pos in ("NOUN", "PROPN") or follows.lower == "of"))
        or event.lemma in state.ctx.known
        or _established(chunk_at(state.sent, event.i) or _named(event.lemma), state.ctx)
    ):
        return None
    participle = event_participle(event.lemma)
    if not participle or not participle.isalpha():
        return None
    return (f"{participle}_on", Kind.DATE) if c.words == ["date"] else (f"{participle}_at", Kind.TIMESTAMP)


def _of_owner(state: _State, c: Chunk) -> Chunk | None:
    """ "the name of the venue": the attribute's owner named by an of-phrase."""
    if c.head < 0 or _of_complement(state, c):
        return None
    for prep in state.sent.children(c.head, "prep"):
        if prep.lower == "of":
            for pobj in state.sent.children(prep.i, "pobj"):
                inner = _chunk(state, pobj.i)
                measured = any(x.pos == "NUM" for x in state.sent.children(pobj.i))
                if (
                    inner is not None
                    and not measured
                    and _thing(inner, state.ctx)
                    and not is_value(inner, state.ctx)
                ):
                    return inner
    return None


def _required(c: Chunk, cl: Clause | None) -> bool | None:
    if c.card.optional:
        return False
    if cl is not None and cl.modal in ("may", "might", "could", "can"):
        return False
    return None


def _attribute(
    state: _State,
    owner: str,
    c: Chunk,
    rule: str,
    prio: int,
    cl: Clause | None,
    *,
    unique: bool | None = None,
) -> None:
    name = _attr_name(owner, c)
    if _apposed_value(state, c):
        return  # "a shape, delta or diamond": delta is a value of the shape, not a value of its own
    moment = _date_and_time(state.sent, c)
    if moment is not None:
        if moment:  # "the date and time of the start" is one moment: start_time
            state.facts.append(
                AttributeFact(
                    prov=_prov(state, rule, prio),
                    entity=owner,
                    name=moment,
                    kind=Kind.TIMESTAMP,
                    required=_required(c, cl),
                )
            )
        return
    if not name or _timed_noun(state, c):
        return  # "the date they joined", "WHEN it is blocked … the time": the time row names it
    completed = _of_complement(state, c)
    if completed:
        name = f"{name}_of_{completed}"
    event = _of_event(state, c)
    name = event[0] if event is not None else name
    refers = c.name
    if c.head >= 0:  # "a manager who is an employee", "the employee's manager (another employee)"
        toks = state.sent.tokens
        k = c.head + 2 if c.head + 2 < len(toks) and toks[c.head + 1].text == "," else c.head + 1
        wh = toks[k] if k < len(toks) else None  # "a form tutor, who is a teacher"
        # the relative clause right after the noun, wherever the parser hung it ("a budget and a manager
        # who is an employee": the manager is the employee, not the budget)
        follows = [toks[wh.head]] if wh is not None and wh.lower in ("who", "which", "that") else []
        own = [
            r
            for r in state.sent.children(c.head, "relcl")
            if r.i > c.head and not _relative_after(toks, c, r)
        ]
        for rel in follows or own:
            if rel.lemma == "be" and rel.dep == "relcl":
                for a in state.sent.children(rel.i, "attr"):
                    if a.lower == "one":  # "a home base, which is one of the airports": an airport
                        a = next(
                            (x for p in state.sent.children(a.i, "prep") if p.lower == "of"
                             for x in state.sent.children(p.i, "pobj")),
                            a,
                        )  # fmt: skip
                    named = _chunk(state, a.i)
                    if named is not None and _thing(named, state.ctx) and not is_value(named, state.ctx):
                        refers = named.name
        paren = _enum_after(state.sent, c)
        opens = state.sent.tokens[c.head + 2] if c.head + 2 < len(state.sent.tokens) else None
        if (
            not paren
            and opens is not None
            and state.sent.tokens[c.head + 1].text == "("
            # "(which listeners know …)", "(unique among recruiters)", "(no two share one)": remarks
            and opens.pos not in ("PRON", "SCONJ", "ADV", "VERB", "AUX", "ADJ", "ADP")
            and opens.lower not in ("no", "each", "every", "all", "any")
        ):
            inner = next(
                (t for t in state.sent.tokens[c.head + 2 : c.head + 5] if t.pos in ("NOUN", "PROPN")), None
            )
            named = _chunk(state, inner.i) if inner is not None else None
            if named is not None and _established(named, state.ctx) and not is_value(named, state.ctx):
                refers = named.name
    # a thing the spec talks about elsewhere, named before its own clause, is a reference, not a value list
    values = _enum_after(state.sent, c, after_clause=is_value(c, state.ctx) or not _established(c, state.ctx))
    if not values and state.ctx.lexicon.kind_for_name(name) is Kind.ENUM:
        values = _enum_listed(state.sent, c)
    if not values and state.ctx.lexicon.kind_for_name(name) in (None, Kind.ENUM, Kind.TEXT):
        values = _enum_apposed(state.sent, c)  # "a direction, up or down"
    if values and _names_attributes(values, state.ctx):  # "a library card (card number, name, email)"
        for v in values:
            state.facts.append(AttributeFact(prov=_prov(state, rule, prio), entity=owner, name=v))
        return
    name_kind = state.ctx.lexicon.kind_for_name(name)
    numeric = all(v.replace("_", "").isdigit() for v in values)
    if (
        values
        and name_kind not in (None, Kind.ENUM, Kind.TEXT)
        and not (name_kind is Kind.COUNT and not numeric)
        # "the clay body (stoneware, porcelain or earthenware)": words offered as a choice are values
        and (numeric or not _offered_as_choice(state.sent, c))
    ):
        # "a description (show notes, HTML allowed)": an explanation, not a value list; "a format (talk or
        # workshop)" and "a size (S, M, L)" are value lists
        values = []
    kind = Kind.ENUM if values else None
    if values:  # the value list is the enum row's fact, wherever the attribute itself came from
        rule, prio = "enum.parenthesised", max(prio, 75)
    unit, last = ("", c.head) if values else (_unit_after(state.sent, c), c.head)
    if not unit and not values:
        unit, last = _list_unit(state, c)
    if not unit and not values:
        unit, last = _shared_unit(state.sent, c)
    phrase = _in_unit(name, unit, state.ctx) if unit else None
    if phrase is not None:
        name, kind = phrase
        if kind is Kind.DECIMAL and _whole_units(state.sent, last):
            kind = Kind.INTEGER  # "the ascent in whole metres"
    if _time_of_day(state.sent, c):  # "a shift start time of day", "an opening time (HH:MM)"
        kind = Kind.TIME
        if not name.endswith("time"):
            name = f"{name}_time"
    if c.head_word == "flag" and len(c.words) > 1:  # "a pinned flag" → pinned, a boolean
        kind = Kind.BOOLEAN
    elif name in _FLAG_WORDS and (said := _flag_modifier(state.sent, c)):
        name, kind = said, Kind.BOOLEAN  # "an active flag", "an open/closed flag", "a pre-recorded flag"
    if c.group in ("set", "map", "bag", "collection") and c.plural:  # "a set of measured values" → JSON
        name, kind = name if name.endswith("s") else c.text.split()[-1].lower(), Kind.JSON
    if c.counted:  # "the number of servings it makes" → servings
        surface = c.text.split()[-1].lower()
        name, kind = (surface if surface.endswith("s") else f"{name}_count"), Kind.COUNT
        if state.ctx.lexicon.kind_for_name(surface) is Kind.DECIMAL:
            kind = Kind.DECIMAL  # "the number of hours they worked": hours come in halves and quarters
        bound = _bound_of_count(state.sent, c)  # "the maximum number of runners allowed" → max_runners
        name = f"{bound}_{name}" if bound and not name.startswith(bound + "_") else name
        refers = ""  # a count of things is a value, never a link to them
    if c.card.many and c.card.stated and not values and not c.counted:
        kind = Kind.LIST
    length = None if values else _length_after(state.sent, c)
    if length is not None and name_kind in _NUMERIC:
        kind = Kind.TEXT  # "a code of 6 digits": digits written as text
    span = None if values or kind is not None else _range_after(state.sent, c)
    if span is not None and name_kind in (None, Kind.TEXT, Kind.NAME, Kind.IDENTIFIER, Kind.ENUM):
        # "a priority from 1 to 5": a number in that range, whatever the name alone suggested
        kind = Kind.INTEGER if all(x.is_integer() for x in span) else Kind.DECIMAL
    elif span is not None and name_kind not in _NUMERIC:
        span = None  # "a date between …" is no numeric range
    elif span is not None and name_kind in _WHOLE and not all(x.is_integer() for x in span):
        kind = Kind.DECIMAL  # "a score from 0.5 to 9.5": a rating, but not in whole steps
    if kind is None and not values and name_kind in (None, Kind.TEXT, Kind.ENUM, Kind.NAME):
        kind = _number_shape(state.sent, c)  # "the glucose level (with one decimal, e.g. 5.4)"
    elif kind in (None, Kind.COUNT, Kind.INTEGER) and not values and name_kind in (Kind.COUNT, Kind.INTEGER):
        # "a quantity (decimal, e.g. 12.5)", "its height in hands (for example 14.2)": a count-like name
        # described with fractions holds fractions
        kind = Kind.DECIMAL if _number_shape(state.sent, c) is Kind.DECIMAL else kind
    state.facts.append(
        AttributeFact(
            prov=_prov(state, rule, prio),
            entity=owner,
            name=name,
            kind=kind,
            minimum=span[0] if span else None,
            maximum=span[1] if span else None,
            max_length=length,
            enum_values=values,
            required=_required(c, cl),
            unique=True if (unique or _unique_before(state.sent, c)) else None,
            refers_to="" if values else refers,
            many=c.plural and not c.counted and not values,
        )
    )


def _date_and_time(sent: Sentence, c: Chunk) -> str | None:
    """ "the date and time of the start", "a departure date and time": one moment, not a date and a time.
    The name for the date's chunk (``{what}_time``, or ``occurred_at``); "" for the time's chunk, which the
    date's already named; None for any other value."""
    toks = sent.tokens
    h = c.head
    if h < 0 or c.head_word not in ("date", "time"):
        return None
    if c.head_word == "time":
        joined = h >= 2 and toks[h - 1].lower == "and" and toks[h - 2].lower == "date"
        return "" if joined else None
    if not (h + 2 < len(toks) and toks[h + 1].lower == "and" and toks[h + 2].lower == "time"):
        return None
    what = "_".join(c.words[:-1])
    k = h + 3
    if k + 1 < len(toks) and toks[k].lower == "of":
        k += 1
        while k < len(toks) and toks[k].pos == "DET":
            k += 1
        if k < len(toks) and toks[k].pos == "NOUN":
            what = toks[k].lemma
    return f"{what}_time" if what else "occurred_at"


_EXAMPLE_OPENERS = {"e.g.", "eg", "e.g", "example", "such", "like", "say"}


def _number_shape(sent: Sentence, c: Chunk) -> Kind | None:
    """A value described by its number form right after it: "(with one decimal)", "(to two decimal
    places)" or a numeric example ("e.g. 13.8", "for example 42") says decimal or whole number."""
    toks = sent.tokens
    if c.head < 0:
        return None
    k = c.head + 1
    while k < min(c.head + 4, len(toks)) and toks[k].pos in ("VERB", "ADV") and toks[k].tag != "VBZ":
        k += 1  # "the level measured beforehand (…)"
    if k + 2 < len(toks) and toks[k].lower == "in" and toks[k + 2].text == "(":
        k += 2  # "the capacity in kWp (two decimals)": past the unit
    if k >= len(toks):
        return None
    if toks[k].text == "(":
        window = []
        for t in toks[k + 1 :]:
            if t.text == ")":
                break
            window.append(t)
    elif toks[k].text == "," and k + 1 < len(toks) and toks[k + 1].lower in _EXAMPLE_OPENERS:
        window = toks[k + 1 : k + 5]
    else:
        return None
    words = [t.lower for t in window]
    if words[:1] == ["decimal"] and (len(words) == 1 or words[1] == ","):
        return Kind.DECIMAL  # "(decimal)", "(decimal, e.g. 2.5)"
    for j, w in enumerate(words):
        if w.startswith("decimal") and j and (window[j - 1].pos == "NUM" or words[j - 1] in ("one", "two")):
            return Kind.DECIMAL  # "with one decimal", "to two decimal places"
    for j, t in enumerate(window):
        if t.pos == "NUM" and any(x in _EXAMPLE_OPENERS for x in words[max(j - 2, 0) : j]):
            number = _number(t)
            if number is None:
                return None
            return Kind.INTEGER if "." not in t.text and number.is_integer() else Kind.DECIMAL
    return None


def _bound_of_count(sent: Sentence, c: Chunk) -> str:
    """ "max" or "min" when the count is reached through "the maximum/minimum number of"."""
    toks = sent.tokens
    number = next((t for t in reversed(toks[max(0, c.start - 3) : c.head]) if t.lower == "number"), None)
    if number is None or number.i == 0:
        return ""
    word = toks[number.i - 1].lower
    return BOUNDS.get(word, word if word in BOUNDS.values() else "")


def _relative_after(toks: list[Token], c: Chunk, rel: Token) -> bool:
    """A relative pronoun after a later noun than ``c`` introduces ``rel``: it describes that noun."""
    return any(
        t.lower in ("who", "which", "that") and t.head == rel.i and t.i > c.head + 2
        for t in toks[c.head : rel.i]
    )


def _contents(
    state: _State,
    owner: Chunk,
    objs: list[Chunk],
    rule: str,
    prio: int,
    cl: Clause | None,
    *,
    ownership: str = "",
    children: bool = True,
) -> None:
    """What an owner has or records: value nouns are attributes, quantified things are children."""
    ctx = state.ctx
    before = len(state.facts)
    for o in objs:
        if not o.words or o.head_word in PRONOUNS or _in_parentheses(state.sent, o.head):
            continue
        owner_of = _of_owner(state, o)
        if owner_of is not None and not _established(owner_of, ctx):
            owner_of = None  # "the temperament of the colony": a thing named once is no owner of its own
        if owner_of is not None and owner_of.name in owner.name.split("_"):
            owner_of = None  # "for every stop on a route … the position of the stop": the pairing's
        target = owner_of.name if owner_of is not None and owner_of.name != owner.name else owner.name
        if not _thing(o, ctx) and not is_value(o, ctx):
            # "the time of departure": departed_at; "the time taken": a duration
            phrase = _of_event(state, o) or _time_span(state, o) or _phrase_attribute(o, ctx)
            if phrase is not None:
                state.facts.append(
                    AttributeFact(
                        prov=_prov(state, rule, prio), entity=target, name=phrase[0], kind=phrase[1]
                    )
                )
            continue
        listed = _enum_after(state.sent, o)
        if listed and _names_attributes(listed, ctx) and not _established(o, ctx):
            # "coordinates (latitude/longitude)": the listed values are the owner's own attributes
            for v in listed:
                state.facts.append(AttributeFact(prov=_prov(state, rule, prio), entity=target, name=v))
            continue
        if o.group == "number" and not o.counted and not _established(o, ctx):
            o = o.model_copy(update={"counted": True})  # "a name and a number of beds": a count of them
        plural_thing = (o.card.many or o.plural) and (
            not is_value(o, ctx) or o.name in ctx.known or _described(state.sent, o)
        )
        if plural_thing and children and not o.counted and o.head_word in ctx.lexicon.shared_nouns:
            # "each film has one or more genres": the film picks from a list other films share
            state.facts.append(EntityFact(prov=_prov(state, rule, prio), name=o.name, evidence="object"))
            state.facts.append(
                RelationshipFact(
                    prov=_prov(state, rule, prio),
                    child=target,
                    parent=o.name,
                    cardinality=Cardinality.MANY_TO_MANY,
                )
            )
        elif plural_thing and children and not o.counted:
            state.facts.append(EntityFact(prov=_prov(state, rule, prio), name=o.name, evidence="object"))
            if listed and _names_attributes(listed, ctx):  # "keep guests (name, short bio, website)"
                for v in listed:
                    state.facts.append(AttributeFact(prov=_prov(state, rule, prio), entity=o.name, name=v))
            state.facts.append(
                RelationshipFact(
                    prov=_prov(state, rule, prio),
                    child=o.name,
                    parent=target,
                    ownership="owned" if ownership == "owned" else None,
                )
            )
        else:
            _attribute(state, target, o, rule, prio, cl)
    if len(state.facts) > before:
        state.facts.insert(
            before, EntityFact(prov=_prov(state, rule, prio), name=owner.name, evidence="subject")
        )


def _described(sent: Sentence, c: Chunk) -> bool:
    """ "messages written by users, each with a body": things the sentence goes on to describe are things,
    even when their name alone would be a value ("message", "note")."""
    if c.head < 0:
        return False
    toks = sent.tokens
    agent = any(
        v.pos == "VERB" and any(a.dep == "agent" for a in sent.children(v.i))
        for v in sent.children(c.head, "acl", "relcl")
    )
    each_with = c.head + 3 < len(toks) and [t.lower for t in toks[c.head + 1 : c.head + 3]] == [",", "each"]
    return agent or each_with or _with_fields(sent, c)


def _with_fields(sent: Sentence, c: Chunk) -> bool:
    """ "questions with their position, the question text and the answer": a plural followed by a list of
    two or more fields of its own is a thing, though "question" alone would be a value."""
    toks = sent.tokens
    if not c.plural or c.head + 2 >= len(toks) or toks[c.head + 1].lower not in ("with", "including"):
        return False
    pobj = sent.children(c.head + 1, "pobj")
    return bool(pobj) and len(list_items(sent, pobj[0])) >= 2


def _in_unit(name: str, unit: str, ctx: Context) -> tuple[str, Kind] | None:
    """The lexicon's name for a value in a unit: "weight" in kilograms → weight_kg, a decimal; the name is
    passed whole ("driving_time in minutes"), so a compound keeps all its words."""
    return _phrase_attribute(_named(name).model_copy(update={"text": f"{name} in {unit}"}), ctx)


def _phrase_attribute(c: Chunk, ctx: Context) -> tuple[str, Kind] | None:
    """Lexicon phrases that name an attribute: "the time" → occurred_at, "date of birth" → date_of_birth."""
    text = " ".join(c.text.lower().split())
    for rule in ctx.lexicon.phrases:
        m = rule.pattern.search(text)
        if m:
            name = rule.name
            for k, g in enumerate(m.groups(), start=1):
                name = name.replace("{" + str(k) + "}", (g or "").replace(" ", "_"))
            return name, rule.kind
    return None


def _in_parentheses(sent: Sentence, i: int) -> bool:
    depth = 0
    for t in sent.tokens[: max(i, 0)]:
        depth += (t.text == "(") - (t.text == ")")
    return depth > 0


def _signatures(state: _State, cl: Clause) -> set[str]:
    """How a clause's verb can be named in the table: "belong to", "be assigned to", "be part of"."""
    verb = state.sent.tokens[cl.verb]
    parts = [t.lower for t in state.sent.children(cl.verb, "prt")]
    base = {cl.lemma, cl.key}
    preps = list(cl.preps)
    text = verb.lower
    forms = {cl.lemma, text}
    out = set(base)
    for form in forms:
        stem = " ".join([form, *parts])
        out.add(stem)
        out.add("be " + stem)
        for p in preps:
            out.add(f"{stem} {p}")
            out.add(f"be {stem} {p}")
    if cl.lemma == "be":
        for o in cl.objects:
            for p in preps:
                out.add(f"be {o.head_word} {p}")
            out.add(f"be {o.head_word}")
    return out


def _matches(state: _State, row: Row, cl: Clause) -> str:
    """The row verb the clause matches ("" for none); longest match wins so "be part of" beats "be"."""
    sigs = _signatures(state, cl)
    hits = [v for v in row.verbs if v in sigs]
    return max(hits, key=len) if hits else ""


def _passive_ok(state: _State, cl: Clause, verb: str) -> bool:
    return verb.startswith("be ") or not cl.passive


# -- clause constructions ----------------------------------------------------------------------------
def _possession(state: _State, row: Row, cl: Clause) -> None:
    verb = _matches(state, row, cl)
    if not verb or not _passive_ok(state, cl, verb) or cl.negated:
        return
    if cl.lemma == "have" and any(t.dep == "xcomp" for t in state.sent.children(cl.verb)):
        return  # "has to be cleaned"
    objs = list(cl.objects)
    if state.sent.tokens[cl.verb].dep == "relcl":
        # "each plant a user owns": the plant is owned, one of many; the interaction rows link it
        objs = [o for o in objs if o.head != state.sent.tokens[cl.verb].head]
    last = verb.split()[-1]
    if last in ("of", "into", "with"):  # "consists of", "is divided into", "comes with"
        objs += cl.prep(last)
    if cl.passive and not verb.startswith("be "):
        return
    if cl.passive and last not in ("of", "into"):
        return
    scopes = {scope.head for o in objs if (scope := _scoped_one(state, o)) is not None}
    if row.id == "possession.records" and (
        any(_each(state, c, p) for p in ("for", "per", "against") for c in cl.prep(p) if c.head not in scopes)
        or _opens_for_each_of_them(state)
        or _for_each_relative(state, cl) is not None
        or (not cl.prep("for", "per", "against") and _spoken(state, cl) and _opening_owners(state))
    ):
        return  # "For each maker the museum records …": the values are the maker's
    if row.id == "possession.records":
        # "A split records one entry passing one waypoint": what the recorded thing does, to whom, is
        # recorded too
        for o in list(objs):
            for v in state.sent.children(o.head, "acl") if o.head >= 0 else []:
                if v.tag == "VBG":
                    objs += [c for x in state.sent.children(v.i, "dobj") if (c := _chunk(state, x.i))]
    if _periodic(state, cl):
        # "Each week a household gets a meal plan": one per period is many over time
        objs = [o.model_copy(update={"card": Card(low=0, high=None, stated=True)}) for o in objs]
    scoped = [(o, scope) for o in objs if (scope := _scoped_one(state, o)) is not None]
    for o, scope in scoped:
        _one_per_scope(state, row, cl, o, scope)
        objs.remove(o)
    first = objs[0] if objs else None
    if (
        row.id == "possession.records"
        and first is not None
        and first.possessor is not None
        and not any(
            _thing(s, state.ctx) and not _recorder(s, state.ctx) and not _the_organisation(state, s)
            for s in cl.subjects
        )
    ):
        # "The system stores each member's name, email address and membership number": the possessor's
        possessor = _chunk(state, first.possessor)
        if possessor is not None and _thing(possessor, state.ctx) and not is_value(possessor, state.ctx):
            _contents(state, possessor, objs, row.id, row.priority, cl)
            return
    if row.id == "possession.records" and not any(
        _thing(s, state.ctx) and not _recorder(s, state.ctx) for s in cl.subjects
    ):
        _stored_with_fields(state, row, objs)
    for s in cl.subjects:
        if _recorder(s, state.ctx) and row.id == "possession.records":
            # "Agents record the floor it is on": people record facts about the thing just described
            if state.previous and state.previous != s.name:
                _contents(state, _named(state.previous), objs, row.id, row.priority, cl)
            continue
        if _thing(s, state.ctx):
            _contents(state, s, objs, row.id, row.priority, cl, ownership=row.ownership)


def _party_event(state: _State, root: Clause) -> tuple[Chunk, Chunk, Token] | None:
    """ "A loan is a member borrowing one copy": (the defined thing, the party, the participle) when a
    definition names a thing the spec talks about doing something, not another name for the subject."""
    if len(root.subjects) != 1 or len(root.objects) != 1:
        return None
    subject, party = root.subjects[0], root.objects[0]
    ctx = state.ctx
    if party.head < 0 or party.plural or party.name == subject.name:
        return None
    if not (_thing(subject, ctx) and _thing(party, ctx)) or is_value(party, ctx):
        return None
    if party.name not in ctx.known and party.name not in ctx.subjects:
        return None  # "a physical object handed in": a generic noun, not a party the spec describes
    if party.name in (state.sent.subject_hint, state.defines):
        return None
    verb = next((v for v in state.sent.children(party.head, "acl") if v.tag in ("VBG", "VBN")), None)
    return (subject, party, verb) if verb is not None else None


def _party_definition(state: _State, row: Row, cls: list[Clause]) -> None:
    """ "A loan is a member borrowing one copy", "a booking is a trader taking one pitch on one market day":
    the defined thing refers to the party and to each thing the party's participle names."""
    ctx = state.ctx
    root = next((cl for cl in cls if cl.lemma == "be" and state.sent.tokens[cl.verb].dep == "ROOT"), None)
    if root is None or root.negated:
        return
    found = _party_event(state, root)
    if found is None:
        return
    subject, party, verb = found
    sent = state.sent
    heads = [o for o in sent.children(verb.i, "dobj")]
    heads += [x for p in sent.children(verb.i, "prep", "dative") for x in sent.children(p.i, "pobj")]
    heads += [x for h in list(heads) for p in sent.children(h.i, "prep") for x in sent.children(p.i, "pobj")]
    targets = [party]
    for h in heads:
        c = _chunk(state, h.i)
        linkable = c is not None and _thing(c, ctx) and not is_value(c, ctx) and not c.card.many
        if c is not None and linkable and (_established(c, ctx) or _counted_one(state, c)):
            targets.append(c)
    prov = _prov(state, row.id, row.priority)
    state.facts.append(EntityFact(prov=prov, name=subject.name, evidence="subject"))
    linked = {subject.name}
    for t in targets:
        if t.name in linked:
            continue
        linked.add(t.name)
        state.facts.append(EntityFact(prov=prov, name=t.name, evidence="referenced"))
        state.facts.append(RelationshipFact(prov=prov, child=subject.name, parent=t.name, one_parent=True))


def _there_is_one_per(state: _State, row: Row, cls: list[Clause]) -> None:
    """ "There is at most one attendance record per musician per rehearsal", "there can be only one entry
    per boat and race": the thing refers to each thing of the scope, and is unique over them."""
    ctx = state.ctx
    for cl in cls:
        if cl.lemma != "be" or cl.negated or not state.sent.children(cl.verb, "expl"):
            continue
        for o in [*cl.objects, *cl.prep("at")]:  # "there is at most one …": the parser may read "at" as a
            scope = _scoped_one(state, o)  # preposition
            if scope is None or not _thing(o, ctx) or is_value(o, ctx):
                continue
            scopes = [scope]
            scopes += [c for x in state.sent.children(scope.head, "conj") if (c := _chunk(state, x.i))]
            scopes += [*_prep_chunks(state, o, "per"), *_prep_chunks(state, scope, "per"), *cl.prep("per")]
            named = {c.name: c for c in scopes if _thing(c, ctx) and not is_value(c, ctx)}
            named.pop(o.name, None)
            things = list(named.values())
            if len(things) < 2:
                continue
            prov = _prov(state, row.id, row.priority)
            state.facts.append(EntityFact(prov=prov, name=o.name, evidence="object"))
            for c in things:
                state.facts.append(EntityFact(prov=prov, name=c.name, evidence="referenced"))
                state.facts.append(RelationshipFact(prov=prov, child=o.name, parent=c.name))
            state.facts.append(UniqueFact(prov=prov, entity=o.name, attributes=list(named)))


def _one_per_scope(state: _State, row: Row, cl: Clause, o: Chunk, scope: Chunk) -> None:
    """ "a donor may hold at most one appointment per session": many appointments, one per donor and
    session; "the system stores one reading per meter and day": one reading per meter and day, whoever
    stores it. Things in the scope are parents, values in it are the object's own; together they are
    unique."""
    ctx = state.ctx
    speaker = any(t.lower == "we" for t in state.sent.children(cl.verb, "nsubj"))
    holders = [] if speaker else [s for s in cl.subjects if _thing(s, ctx) and s.name != scope.name]
    if not holders and not (speaker or any(_is_actor(s, ctx) for s in cl.subjects)):
        return
    scopes = [scope] + [c for x in state.sent.children(scope.head, "conj") if (c := _chunk(state, x.i))]
    prov = _prov(state, row.id, row.priority)
    state.facts.append(EntityFact(prov=prov, name=o.name, evidence="object"))
    key: list[str] = []
    for h in holders:
        state.facts.append(RelationshipFact(prov=prov, child=o.name, parent=h.name))
        key.append(h.name)
    for c in scopes:
        if _thing(c, ctx) and not is_value(c, ctx) and (c is scope or _established(c, ctx)):
            state.facts.append(RelationshipFact(prov=prov, child=o.name, parent=c.name))
        elif c is not scope:
            state.facts.append(AttributeFact(prov=prov, entity=o.name, name=c.name))  # "… and calendar day"
        key.append(c.name)
    if len(key) > 1 or holders:
        state.facts.append(UniqueFact(prov=prov, entity=o.name, attributes=key))


def _the_organisation(state: _State, s: Chunk) -> bool:
    """ "the school also records the teacher's full name": one definite, unquantified subject keeping
    someone else's values is the organisation speaking, not a thing of the model; "each invoice stores the
    customer's name" keeps its own copy."""
    toks = state.sent.tokens
    return not s.plural and 0 <= s.start < len(toks) and toks[s.start].lower == "the"


def _periodic(state: _State, cl: Clause) -> bool:
    """The clause happens once per period: "each week …", "every month …"."""
    return any(
        x.lemma in _PERIODS and any(d.lower in ("each", "every") for d in state.sent.children(x.i, "det"))
        for x in state.sent.children(cl.verb, "npadvmod")
    )


def _stored_with_fields(state: _State, row: Row, objs: list[Chunk]) -> None:
    """ "The system stores squad registrations (player, team, season, shirt number)", "we keep guests
    (name, bio, website)": things the system keeps, each with the fields listed after it."""
    ctx = state.ctx
    for o in objs:
        listed = _enum_after(state.sent, o)
        if not listed or not _names_attributes(listed, ctx) or not _thing(o, ctx):
            continue
        if not (o.plural or o.card.many or o.name in ctx.known):
            continue  # "a library card (card number, name, email)": one value's parts, read elsewhere
        prov = _prov(state, row.id, row.priority)
        state.facts.append(EntityFact(prov=prov, name=o.name, evidence="has_attributes"))
        for v in listed:
            state.facts.append(AttributeFact(prov=prov, entity=o.name, name=v, refers_to=v))


def _passive_values(state: _State, row: Row, cl: Clause) -> None:
    """ "The height, width and depth are recorded in centimetres", "its weight is kept in kilograms", "for
    each parcel the sender and the postcode are stored": values said to be recorded, with no recorder
    named, belong to the thing the sentence is about."""
    ctx = state.ctx
    if not cl.passive or cl.negated or cl.lemma not in row.verbs:
        return
    subjects = cl.subjects
    if len(subjects) == 1 and subjects[0].head >= 0:  # "the height, width and depth": read the list
        items = list_items(state.sent, state.sent.tokens[subjects[0].head])
        subjects = [c for t in items if t.i < cl.verb and (c := _chunk(state, t.i)) is not None]
    values = [
        s
        for s in subjects
        if s.head >= 0
        and s.name not in ctx.known
        and (is_value(s, ctx) or s.head_word in _MEASURES or not _established(s, ctx))
    ]
    if not any(is_value(v, ctx) for v in values) or len(values) < len(subjects):
        return  # "orders are stored for a year", "bookings are recorded by staff": things, not values
    toks = state.sent.tokens
    if toks[cl.verb].dep in ("acl", "relcl", "advcl"):
        return  # "has fees recorded on the plan": a participle describes, the main clause says what is kept
    if cl.modal in ("can", "may", "could", "might") or any(
        t.dep == "mark" and t.lower in ("if", "when", "unless", "once", "until") for t in toks
    ):
        return  # "an email can be registered only once", "IF a reference has been recorded THEN …"
    dets = {
        t.lower
        for v in values
        for t in [*toks[v.start : v.head], *state.sent.children(v.head, "det", "poss")]
    }
    if dets & {"no", "all", "any", "every", "each"}:
        return  # "no password is stored anywhere", "all amounts must be stored exactly": a rule, no value
    owner = ""
    for prep in ("for", "per", "with", "on", "against"):
        for c in cl.prep(prep):
            if not _thing(c, ctx) or is_value(c, ctx) or owner:
                continue
            if c.head_word in ctx.lexicon.record_nouns and c.name not in ctx.known and not c.card.stated:
                continue  # "the moment is noted on the record": the record of what the sentence is about
            if prep in ("for", "per") and not _each(state, c, prep):
                continue
            owner = _pairing_name(state, c) if prep in ("for", "per") else c.name  # "stored with the gift"
    if not owner and any(
        t.lower in ("it", "them") and toks[t.head].dep == "prep" and toks[t.head].head == cl.verb
        for t in toks
    ):
        owner = state.previous  # "the date and the reason are recorded on it"
    possessor = values[0].possessor
    if not owner and possessor is not None:
        c = _chunk(state, possessor)
        owner = c.name if c is not None and _thing(c, ctx) and not is_value(c, ctx) else ""
    definite = dets & {"the", "its", "their", "his", "her"}
    if not owner and definite:  # "The height, width and depth are recorded …": of the thing just described
        owner = state.sent.subject_hint or state.previous
    if not owner or owner in {v.name for v in values}:
        return
    unit = next((w for c in cl.prep("in") if (w := c.text.split()[-1].lower()) in _UNITS), "")
    before = len(state.facts)
    _contents(state, _named(owner), values, row.id, row.priority, cl, children=False)
    for k, f in enumerate(state.facts[before:], start=before):
        if unit and isinstance(f, AttributeFact) and f.name in _MEASURES | {"duration", "distance"}:
            phrase = _in_unit(f.name, unit, ctx)
            if phrase is not None:  # "the height … in centimetres" → height_cm
                state.facts[k] = f.model_copy(update={"name": phrase[0], "kind": phrase[1]})


def _recorded_for(state: _State, row: Row, cl: Clause) -> None:
    if not _matches(state, row, cl) or cl.negated:
        return
    owners = [c for p in row.preps for c in cl.prep(p) if _thing(c, state.ctx) and _each(state, c, p)]
    if not owners:
        # "We store a title for every film": the for-phrase may hang on the last object
        for o in cl.objects:
            if o.head < 0:
                continue
            for prep in state.sent.children(o.head, "prep"):
                if prep.lower in row.preps:
                    for pobj in state.sent.children(prep.i, "pobj"):
                        c = _chunk(state, pobj.i)
                        if c and _thing(c, state.ctx) and _each(state, c, prep.lower):
                            owners.append(c)
    if not owners:
        owners += _opening_owners(state)
    if not owners and _opens_for_each_of_them(state):
        owners.append(_named(state.plural_previous))
    if not owners and (misread := _for_each_relative(state, cl)) is not None:
        owners.append(misread)
    scopes = {x.name for o in cl.objects if (x := _scoped_one(state, o)) is not None}
    owners = [c for c in owners if c.name not in scopes]  # "at most one appointment per session"
    if not owners:
        return
    objs = [o for o in cl.objects if o.name not in {w.name for w in owners}]
    if not objs:
        # "store for each funeral director the company name, …": the parser hung the list on the owner
        # (an apposition), so it reads as more of the for-phrase; it is the verb's object list
        objs = [c for p in row.preps for c in cl.prep(p) if _hung_on(state.sent, c, owners[0])]
    if objs and all(o.words == [o.head_word] and o.head_word in _RECORD_WORDS for o in objs):
        # "The app keeps a record for every queen": the queen is a thing the app stores, with no value named
        state.facts.append(
            EntityFact(prov=_prov(state, row.id, row.priority), name=owners[0].name, evidence="subject")
        )
        return
    for owner in owners[:1]:
        link = _link_owner(state, owner)
        if link is not None:
            # "For every station on a line we record its position": the values belong to the pairing
            name = f"{link.name}_{owner.name}"
            prov = _prov(state, row.id, row.priority)
            state.facts.append(EntityFact(prov=prov, name=name, evidence="has_attributes"))
            for end in (owner.name, link.name):
                state.facts.append(RelationshipFact(prov=prov, child=name, parent=end, ownership="owned"))
            owner = _named(name)
        _contents(state, owner, objs, row.id, row.priority, cl)


_BACK = {"them", "these", "those"}


def _spoken(state: _State, cl: Clause) -> bool:
    """ "we record", "the system stores": the clause's subject is whoever keeps the data, not a thing."""
    subjects = state.sent.children(cl.verb, "nsubj")
    return any(t.lower in ("we", "i", "you") for t in subjects) or any(
        (c := _chunk(state, t.i)) is not None and (_recorder(c, state.ctx) or _is_actor(c, state.ctx))
        for t in subjects
    )


def _opening_owners(state: _State) -> list[Chunk]:
    """ "For every stop on a route we record …" read with the clause hung under the route: the quantified
    noun the sentence opens with."""
    toks = state.sent.tokens
    if not toks or toks[0].lower not in ("for", "per", "against"):
        return []
    found = [_chunk(state, pobj.i) for pobj in state.sent.children(0, "pobj")]
    return [c for c in found if c is not None and _thing(c, state.ctx) and _each(state, c, toks[0].lower)]


def _for_each_relative(state: _State, cl: Clause) -> Chunk | None:
    """ "…, and for every feeding we record the animal, the keeper …": the parser read "we record …" as a
    relative clause on "feeding"; the quantified noun after "for" is the owner of what is recorded."""
    toks = state.sent.tokens
    verb = toks[cl.verb]
    if verb.dep != "relcl" or verb.lemma not in RECORDING_VERBS:
        return None
    if not any(t.lower == "we" for t in state.sent.children(verb.i, "nsubj")):
        return None
    noun = toks[verb.head]
    prep = toks[noun.head]
    if noun.dep != "pobj" or prep.lower not in ("for", "per", "against"):
        return None
    c = _chunk(state, noun.i)
    return c if c is not None and _thing(c, state.ctx) and _each(state, c, prep.lower) else None


def _hung_on(sent: Sentence, c: Chunk, owner: Chunk) -> bool:
    """``c`` is an item of a list the parser hung on ``owner`` as an apposition (or a conjunct of one)."""
    if c.head <= owner.head:
        return False
    k, seen_appos = c.head, False
    while sent.tokens[k].dep in ("appos", "conj") and sent.tokens[k].head != k:
        seen_appos = seen_appos or sent.tokens[k].dep == "appos"
        k = sent.tokens[k].head
        if k == owner.head:
            return seen_appos
    return False


def _opens_for_each_of_them(state: _State) -> bool:
    """ "For each of them …", "For every one of these …": the values belong to the plural things of the
    sentence before."""
    toks = state.sent.tokens
    if not state.plural_previous or not toks or toks[0].lower not in ("for", "per"):
        return False
    return any(
        each.lower in ("each", "every", "one", "all") and t.lower in _BACK
        for each in state.sent.children(0, "pobj")
        for p in state.sent.children(each.i, "prep")
        if p.lower == "of"
        for t in state.sent.children(p.i, "pobj")
    )


def _pairing_name(state: _State, owner: Chunk) -> str:
    """ "each garment in a costume" → costume_garment, the pairing the recorded values belong to; the
    thing's own name when it is placed in nothing."""
    link = _link_owner(state, owner)
    return f"{link.name}_{owner.name}" if link is not None else owner.name


def _link_owner(state: _State, owner: Chunk) -> Chunk | None:
    """ "each garment in a costume", "every station on a line": the thing the quantified one is placed in,
    when both are things the spec talks about."""
    if owner.head < 0:
        return None
    toks = state.sent.tokens
    after = toks[owner.head + 1 : owner.head + 2]  # the parser may hang "on a menu" on the verb
    places = [
        pobj.i
        for prep in [*state.sent.children(owner.head, "prep"), *(t for t in after if t.dep == "prep")]
        if prep.lower in ("in", "on", "within", "at", "per")
        for pobj in state.sent.children(prep.i, "pobj")
    ]
    # "every ingredient a recipe needs", "each course a student takes": the relative clause's subject; a
    # thing the subject makes ("each report a clerk files") is the subject's own, not a pairing
    users = [
        subj.i
        for verb in state.sent.children(owner.head, "relcl")
        if verb.i > owner.head
        and verb.lemma not in _CREATING
        and not state.sent.children(verb.i, "nsubjpass")
        for subj in state.sent.children(verb.i, "nsubj")
    ]
    for i in [*places, *users]:
        other = _chunk(state, i)
        if (
            other is not None
            and other.name != owner.name
            and _thing(other, state.ctx)
            and not is_value(other, state.ctx)
            and _established(other, state.ctx)
            and _established(owner, state.ctx)
        ):
            return other
    return None


_CREATING = {
    "create", "write", "submit", "make", "file", "raise", "open", "send", "post", "upload", "generate",
    "produce", "compose", "author", "publish", "place", "draft", "log", "report", "issue", "start", "add",
}  # fmt: skip


_RECORD_WORDS = {"record", "entry", "log", "row", "file", "history", "card", "profile", "dossier"}


def _any_one(state: _State, c: Chunk) -> bool:
    """ "each complaint", "every item", "a loan": any one of a kind, which owns what its clause lists;
    "the nurse records the time" is a person at work, not the owner of the time."""
    dets = {t.lower for t in state.sent.children(c.head, "det")} if c.head >= 0 else set()
    return bool(dets & {"each", "every", "a", "an"})


def _each(state: _State, c: Chunk, prep: str) -> bool:
    """ "for each vessel", "for every guest", "per episode": the owner of recorded values is quantified."""
    if prep == "per":
        return True
    before = [t.lower for t in state.sent.tokens[max(c.start, 0) : c.head]]
    if c.head >= 0:  # "for each pledged item": the determiner may sit outside the chunk's name words
        before = [t.lower for t in state.sent.children(c.head, "det", "predet") if t.i < c.start] + before
    if prep == "for" and before[:1] in (["a"], ["an"]) and not c.plural:
        return True  # "For a member the database keeps the full name, …": any one member, as "each"
    if any(t in ("each", "every", "all", "any") for t in before):
        return True
    return _opening_bare_plural(state, c, prep)


def _opening_bare_plural(state: _State, c: Chunk, prep: str) -> bool:
    """ "For employees we hold their name, …", "About volunteers we keep …": a plural with no determiner,
    opening the sentence, names every one of its kind, as "each" would."""
    toks = state.sent.tokens
    if not c.plural or c.head < 0 or c.start != 1 or not toks or toks[0].lower != prep or prep == "per":
        return False
    if state.sent.children(c.head, "det", "poss", "nummod", "predet"):
        return False  # "For these orders", "For two weeks": a particular set, or a span of time
    return not is_value(c, state.ctx) and c.head_word not in _REASON_WORDS


_REASON_WORDS = {
    "reason", "purpose", "security", "privacy", "audit", "compliance", "now", "example", "instance",
}  # fmt: skip


def _signs_up_with(state: _State, row: Row, cl: Clause) -> None:
    if cl.negated or (cl.key not in row.verbs and cl.lemma not in row.verbs) or cl.objects:
        return
    values = [c for p in row.preps for c in cl.prep(p)]
    if sum(is_value(c, state.ctx) for c in values) < 2:
        return  # "register with the city council": not a list of the person's details
    for s in cl.subjects:
        if _thing(s, state.ctx) and not is_value(s, state.ctx):
            _contents(state, s, values, row.id, row.priority, cl, children=False)


def _passive_with(state: _State, row: Row, cl: Clause) -> None:
    if not cl.passive or cl.negated or cl.lemma not in row.verbs:
        return
    objs = [c for p in row.preps for c in cl.prep(p)]
    if cl.lemma in ("identify", "key") or not objs:
        return
    if any(is_value(s, state.ctx) for s in cl.subjects) and all(
        _established(o, state.ctx) and not is_value(o, state.ctx) for o in objs
    ):
        return  # "the arrival time is stored with the booking": the booking's value (passive_values)
    for s in cl.subjects:
        if _thing(s, state.ctx):
            _contents(state, s, objs, row.id, row.priority, cl)


def _worker_on_item(person: Chunk, item: Chunk, ctx: Context) -> bool:
    """ "a vet can be assigned to an appointment": someone who does work, assigned to a thing that is no
    person; the work item refers to them, not they to it."""
    people = ctx.lexicon.assignable_nouns
    return person.head_word in people and item.head_word not in people


def _belonging(state: _State, row: Row, cl: Clause) -> None:
    verb = _matches(state, row, cl)
    if not verb or cl.negated:
        return
    prep = verb.split()[-1]
    if prep not in row.preps:
        prep = next((p for p in cl.preps if p in row.preps), "")
        if not prep or len(verb.split()) > 1:
            return
    parents = cl.prep(prep)
    for s in cl.subjects:
        if not _thing(s, state.ctx):
            continue
        for p in parents:
            if not _thing(p, state.ctx) or p.name == s.name:
                continue
            if "assign" in verb and _worker_on_item(s, p, state.ctx) and not _counted_one(state, p):
                # "a vet can be assigned to an appointment": the work item refers to whoever does it; "every
                # nurse is assigned to exactly one ward" counts the ward, so the nurse refers to it
                prov = _prov(state, row.id, row.priority)
                state.facts.append(EntityFact(prov=prov, name=p.name, evidence="referenced"))
                state.facts.append(
                    RelationshipFact(prov=prov, child=p.name, parent=s.name, required=False, role="")
                )
                continue
            if prep == "into" and not s.plural and (p.plural or p.card.many):
                # "the hospital is organised into wards": the wards are its parts
                prov = _prov(state, row.id, row.priority)
                state.facts.append(EntityFact(prov=prov, name=p.name, evidence="object"))
                state.facts.append(
                    RelationshipFact(prov=prov, child=p.name, parent=s.name, ownership="owned")
                )
                continue
            many = p.card.many and p.card.stated
            participle = state.sent.tokens[cl.verb].lower if cl.passive else ""
            role = ctx_role(state.ctx, participle, p.head_word)
            state.facts.append(
                EntityFact(prov=_prov(state, row.id, row.priority), name=s.name, evidence="subject")
            )
            state.facts.append(
                EntityFact(prov=_prov(state, row.id, row.priority), name=p.name, evidence="referenced")
            )
            state.facts.append(
                RelationshipFact(
                    prov=_prov(state, row.id, row.priority),
                    child=s.name,
                    parent=p.name,
                    cardinality=Cardinality.MANY_TO_MANY if many else Cardinality.MANY_TO_ONE,
                    required=_required(p, cl),
                    role=role,
                    ownership="owned" if "part" in verb else None,
                )
            )
        # "a booking is made by one passenger for one flight": each counted thing the clause names
        for extra in (c for w in ("for", "on", "in", "at", "to", "with") if w != prep for c in cl.prep(w)):
            if _thing(extra, state.ctx) and _exactly_one(state, extra) and extra.name != s.name:
                state.facts.append(
                    RelationshipFact(prov=_prov(state, row.id, row.priority), child=s.name, parent=extra.name)
                )


def ctx_role(ctx: Context, participle: str, person: str) -> str:
    """ "owned by" → owner, "assigned to" → assignee: a link to a person named by its verb (lexicon
    ``verb_roles``); "managed by one employee" → manager, for people named by kind only
    (``kind_verb_roles``)."""
    lex = ctx.lexicon
    if person in lex.generic_people and participle in lex.kind_verb_roles:
        return lex.kind_verb_roles[participle]
    return lex.verb_roles.get(participle, "") if person in lex.assignable_nouns | lex.actor_nouns else ""


def _interaction(state: _State, row: Row, cl: Clause) -> None:
    ctx = state.ctx
    if cl.negated or cl.lemma == "be" or _event_here(state, cl.lemma) or not _descriptive(state, cl):
        return
    if _dated_clause(state, cl):
        return  # "the date they lost the item": the clause names a date, it links nothing
    if row.verbs:
        if cl.lemma not in row.verbs:
            return
    elif cl.lemma in row.exclude_verbs and not (cl.passive and cl.prep("by") and cl.lemma not in _NO_AGENT):
        return  # a verb's screen sense never takes an agent: "is opened by a user" is the user's ticket
    if cl.passive:
        agents = cl.prep("by")
        pairs = [(a, s, True) for s in cl.subjects for a in agents]
    else:
        pairs = [(s, o, False) for s in cl.subjects for o in cl.objects]
        if _for_own_thing(state, row, cl):
            return
    for actor, target, passive in pairs:
        if not (_thing(actor, ctx) and _thing(target, ctx)) or (is_value(target, ctx) and not target.plural):
            continue
        if any(c.head >= 0 and _in_parentheses(state.sent, c.head) for c in (actor, target)) or any(
            _timed_noun(state, c) for c in (actor, target)
        ):
            continue  # "a length (30-minute class or workshop)": listed values, no party to the verb
        if not row.verbs and not all(_established(c, ctx) for c in (actor, target)):
            if not passive and _established(target, ctx) and not target.card.stated:
                _placed_at(state, row, cl, actor, target)
            continue  # the generic row links only things the spec talks about more than once
        if actor.name == target.name:
            continue
        if not passive and _the_one(state, actor) and not (actor.card.stated or target.card.stated):
            continue  # "the user snoozes a reminder": a step someone takes, no link between them
        prov = _prov(state, row.id, row.priority)
        state.facts.append(EntityFact(prov=prov, name=actor.name, evidence="subject"))
        state.facts.append(EntityFact(prov=prov, name=target.name, evidence="object"))
        role = ""
        actor_many = actor.card.many and (actor.card.stated or actor.plural)
        target_many = target.card.many and (target.card.stated or target.plural)
        if passive:
            # "A book is written by one or more authors": the agent's quantity decides
            if actor.card.many and actor.card.stated:
                card, child, parent = Cardinality.MANY_TO_MANY, target.name, actor.name
            else:
                card, child, parent = Cardinality.MANY_TO_ONE, target.name, actor.name
                # "each department is managed by one employee": that employee is its manager
                if actor.head_word in ctx.lexicon.generic_people:
                    role = ctx_role(ctx, state.sent.tokens[cl.verb].lower, actor.head_word)
        elif actor_many and target_many and actor.card.stated and target.card.stated:
            card, child, parent = Cardinality.MANY_TO_MANY, target.name, actor.name
        elif (
            cl.lemma in _TAKING_PART
            and target_many
            and target.card.stated
            and not _counted_one(state, target)
        ):
            # "a member can borrow many books": the books were there before and others borrow them too
            card, child, parent = Cardinality.MANY_TO_MANY, target.name, actor.name
        elif _counted_one(state, target):
            card, child, parent = Cardinality.MANY_TO_ONE, actor.name, target.name
        else:
            card, child, parent = Cardinality.MANY_TO_ONE, target.name, actor.name
        state.facts.append(
            RelationshipFact(prov=prov, child=child, parent=parent, cardinality=card, role=role)
        )
        if not passive and child == target.name:
            _placed_at(state, row, cl, actor, target)
        elif not passive and child == actor.name:
            # "An appointment books one patient with one clinician in one surgery": each counted party
            around = [*cl.prep("for", "at", "in", "on", "with"), *_prep_chunks(state, target)]
            for extra in around:
                counted = _counted_one(state, extra)
                linkable = (
                    counted and _thing(extra, ctx) and not is_value(extra, ctx) and _established(extra, ctx)
                )
                if linkable and extra.name not in (actor.name, target.name):
                    state.facts.append(RelationshipFact(prov=prov, child=actor.name, parent=extra.name))


# modifiers that only say the other one is a different instance ("an earlier recipe"): no role of their own
_PLAIN_OTHER = {
    "earlier", "previous", "prior", "older", "newer", "later", "original", "different", "existing", "new",
    "other", "another", "same", "single", "one",
}  # fmt: skip
# of those, the ones that mark a second instance of the same kind ("another nurse", "the previous tariff")
_OTHER_MARKERS = _PLAIN_OTHER - {"new", "same", "single", "one"}


# a word that sets the other one apart in time names the link ("refers to the previous visit")
_MARKER_ROLES = {
    "previous": "previous", "earlier": "previous", "prior": "previous", "older": "previous",
    "original": "original", "later": "next", "newer": "next",
}  # fmt: skip


def _agent_noun(lemma: str) -> str:
    """The one who does it: propose → proposer, nominate → nominator, refer → referrer, sponsor → sponsor."""
    if not lemma.isalpha() or len(lemma) < 3:
        return ""
    if lemma.endswith("or"):  # sponsor, mentor, tutor: the verb is the agent's own name
        return lemma
    if lemma.endswith("ate"):
        return lemma[:-1] + "or"
    if lemma.endswith("e"):
        return lemma + "r"
    if lemma.endswith("er") and lemma[-3] in "f":  # refer, confer, defer: the stress doubles the r
        return lemma + "rer"
    return lemma + "er"


def _told_apart(state: _State, row: Row, o: Chunk) -> str:
    """ "the hearing it was adjourned from", "the booking it replaces": a relative clause that sets the object
    apart from the subject names the link, by its verb's role or, for what it came from, as the source."""
    for rel in state.sent.children(o.head, "relcl"):
        lemma = state.sent.tokens[rel.i].lemma
        if lemma in row.roles:
            return row.roles[lemma]
        preps = state.sent.children(rel.i, "prep")
        if any(p.lower == "from" and not state.sent.children(p.i, "pobj") for p in preps):
            return "source"
    return ""


def _self_reference(state: _State, row: Row, cl: Clause) -> None:
    """ "Every lawyer reports to one supervising lawyer", "a recipe can be derived from an earlier recipe",
    "each employee is supervised by another employee": a thing linked to another of its own kind refers to
    it, in a role named by what sets the other apart (or by the verb, when only "another" does)."""
    if cl.negated or cl.lemma in row.exclude_verbs or not _descriptive(state, cl):
        return
    ctx, toks = state.ctx, state.sent.tokens
    others = [*cl.prep(*row.preps)] if cl.passive else [*cl.objects, *cl.prep(*row.preps)]
    for s in cl.subjects:
        if not _thing(s, ctx) or s.head < 0:
            continue
        if is_value(s, ctx) and ctx.lexicon.kind_for_name(s.head_word) not in (Kind.TEXT, Kind.LONG_TEXT):
            continue  # "the fee charged is discounted from the standard fee": a measure against another
            # (a text noun linked to another of its kind, "a comment replies to another comment", is a thing)
        for o in others:
            if o.head < 0 or o.head_word != s.head_word or (o.card.many and o.card.stated) or o.plural:
                continue
            governor = toks[o.head].head if toks[o.head].dep == "dobj" else toks[toks[o.head].head].head
            if toks[o.head].dep not in ("dobj", "pobj") or governor != cl.verb:
                continue  # only the verb's own object: a list the parser spread over clauses is not one
            before = [*toks[max(o.start, 0) : o.head], *state.sent.children(o.head, "det", "amod")]
            marked = {t.lower for t in before} & _OTHER_MARKERS
            extra = [w for w in o.words[:-1] if w not in s.words]
            told = _told_apart(state, row, o)
            if o.name == s.name and not marked and not told:
                continue  # "a lawyer reports to the lawyer": the same one, or a sentence about one
            own = [w for w in extra if w not in _PLAIN_OTHER]
            verb_role = row.roles.get(cl.lemma, "")
            if cl.passive:
                verb_role = ctx_role(ctx, toks[cl.verb].lower, s.head_word) or verb_role
            by_marker = next((_MARKER_ROLES[m] for m in sorted(marked) if m in _MARKER_ROLES), "")
            verb_role = verb_role or told or by_marker
            if not verb_role and marked and cl.passive and o in cl.prep("by"):
                verb_role = _agent_noun(cl.lemma)  # "each member is proposed by an existing member": proposer
            if own:
                role = "_".join([*own, o.head_word])
            elif verb_role:
                role = verb_role if verb_role.endswith(("er", "or")) else f"{verb_role}_{o.head_word}"
            else:
                continue  # "a tag links to another tag": no name for the link
            owner, target = s.name, s.name
            if extra and not own and not _established(s, ctx) and ctx.mentioned.get(s.head_word, 0) >= 1:
                # "a revision job points to the original job": a job of one sort, pointing at a job
                owner = target = s.head_word
            prov = _prov(state, row.id, row.priority)
            state.facts.append(EntityFact(prov=prov, name=owner, evidence="subject"))
            state.facts.append(
                AttributeFact(prov=prov, entity=owner, name=role, refers_to=target, required=False)
            )


def _shared_by(state: _State, row: Row, cl: Clause) -> None:
    """ "A route can be used by many races": each of the many refers to the one the clause is about (the
    generic row reads a passive agent as the parent, and skips "use" for its screen sense)."""
    if not cl.passive or cl.negated or cl.lemma not in row.verbs or not _descriptive(state, cl):
        return
    ctx = state.ctx
    for user in cl.prep("by"):
        if not (user.card.many and user.card.stated) or not _thing(user, ctx) or is_value(user, ctx):
            continue
        for s in cl.subjects:
            if s.name == user.name or not _thing(s, ctx) or is_value(s, ctx):
                continue
            if not (_established(s, ctx) and _established(user, ctx)):
                continue
            prov = _prov(state, row.id, row.priority)
            state.facts.append(EntityFact(prov=prov, name=user.name, evidence="subject"))
            state.facts.append(EntityFact(prov=prov, name=s.name, evidence="referenced"))
            state.facts.append(RelationshipFact(prov=prov, child=user.name, parent=s.name))


def _the_one(state: _State, c: Chunk) -> bool:
    """ "The user", "the quizmaster": one definite person or thing in the singular, as a scenario names the
    one taking a step, not a kind of thing counted against another."""
    if c.plural or c.head < 0:
        return False
    return any(d.lower == "the" for d in state.sent.children(c.head, "det"))


def _placed_at(state: _State, row: Row, cl: Clause, actor: Chunk, target: Chunk) -> None:
    """ "owners book appointments for a pet at a clinic", "players score goals in a match": what the verb
    makes belongs to the one thing it is made for, at or in, whoever makes it."""
    ctx = state.ctx
    own = _prep_chunks(state, target, "for", "at", "in", "on")  # "post comments on an article"
    for extra in [*cl.prep("for", "at", "in", "on", "with"), *own]:
        linkable = _thing(extra, ctx) and not is_value(extra, ctx) and _established(extra, ctx)
        if linkable and extra.name not in (actor.name, target.name) and not extra.card.many:
            prov = _prov(state, row.id, row.priority)
            state.facts.append(EntityFact(prov=prov, name=target.name, evidence="object"))
            state.facts.append(RelationshipFact(prov=prov, child=target.name, parent=extra.name))


def _for_own_thing(state: _State, row: Row, cl: Clause) -> bool:
    """ "The speaker picks one track for their talk", "a cook chooses several tags for her recipe": what is
    picked for the actor's own thing belongs to that thing (talk → track), not to the actor."""
    ctx, toks = state.ctx, state.sent.tokens
    done = False
    for actor in cl.subjects:
        for target in cl.objects:
            # the parser often hangs the phrase on the object ("one depot for his van"): read it there too
            # when the object is counted, as a pick is
            counted = target.card.stated or _counted_one(state, target)
            attached = _prep_chunks(state, target, "for") if counted else []
            for own in [*cl.prep("for"), *attached]:
                owners = [toks[own.possessor]] if own.possessor is not None else []
                owners += state.sent.children(own.head, "poss") if own.head >= 0 else []
                if not any(o.lemma == actor.head_word or o.tag == "PRP$" for o in owners):
                    continue  # "for their talk", "for the speaker's talk": the actor's own thing
                if not (_thing(own, ctx) and _thing(target, ctx)) or is_value(target, ctx):
                    continue
                if not all(_established(c, ctx) for c in (own, target)) or own.name == target.name:
                    continue
                prov = _prov(state, row.id, row.priority)
                many = target.card.many and (target.card.stated or target.plural)
                state.facts.append(EntityFact(prov=prov, name=own.name, evidence="subject"))
                state.facts.append(EntityFact(prov=prov, name=target.name, evidence="object"))
                state.facts.append(
                    RelationshipFact(
                        prov=prov,
                        child=target.name if many else own.name,
                        parent=own.name if many else target.name,
                        cardinality=Cardinality.MANY_TO_MANY if many else Cardinality.MANY_TO_ONE,
                    )
                )
                done = True
    return done


def _prep_chunks(state: _State, c: Chunk, *words: str) -> list[Chunk]:
    """Things a noun's own prepositional phrases name ("one patient with one clinician"), or only those
    of the prepositions given."""
    if c.head < 0:
        return []
    out = []
    for prep in state.sent.children(c.head, "prep"):
        if words and prep.lower not in words:
            continue
        for pobj in state.sent.children(prep.i, "pobj"):
            found = _chunk(state, pobj.i)
            if found is not None:
                out.append(found)
    return out


_SCENARIO_WORDS = {
    "when",
    "if",
    "given",
    "then",
    "as",
    "want",
    "so",
    "while",
    "once",
    "after",
    "before",
    "until",
}


_NO_AGENT = ("have", "use")
# verbs whose object exists before and apart from the act: many of them, for one subject, is many-to-many
_TAKING_PART = {
    "borrow", "rent", "hire", "attend", "join", "follow", "rate", "review", "like", "visit", "enrol",
    "enroll", "watch", "buy", "purchase", "reserve", "book", "bookmark", "favourite", "favorite",
}  # fmt: skip


def _descriptive(state: _State, cl: Clause) -> bool:
    """A statement about the domain ("A member borrows books"), not a scenario step ("WHEN a member
    borrows a copy THEN …", "As a member, I want to …", "Given …"): only those state relationships."""
    if any(
        t.lower in _SCENARIO_WORDS and t.dep in ("advmod", "mark", "prep", "ROOT", "dep", "cc")
        for t in state.sent.tokens[:4]
    ):
        return False
    if any(t.text in ("WHEN", "THEN", "SHALL", "IF", "GIVEN") for t in state.sent.tokens):
        return False
    verb = state.sent.tokens[cl.verb]
    if verb.dep == "ccomp" and verb.head > verb.i and state.sent.children(verb.i, "nsubj", "nsubjpass"):
        return True  # a main clause the parser hung under a later aside
    if (
        verb.dep == "ccomp"
        and state.sent.tokens[verb.head].lemma in _RULE_VERBS
        and state.sent.tokens[verb.head].dep == "ROOT"
        and state.sent.children(verb.i, "nsubj", "nsubjpass")
    ):
        return True  # "the constitution says each new member is proposed by an existing member": a rule
    if verb.dep == "advcl" and any(m.lower in _CONTRAST for m in state.sent.children(verb.i, "mark")):
        return True  # "…, while each report follows one template": a second statement, not a condition
    if verb.dep in ("acl", "appos") and state.sent.tokens[verb.head].lower == "each":
        return True  # "vehicles, each based at one depot": a statement about every one of them
    return verb.dep in ("ROOT", "conj", "relcl")


_CONTRAST = ("while", "whereas", "although", "though")
_RULE_VERBS = ("say", "state", "require", "stipulate", "specify", "dictate", "mean", "mandate")


def _interaction_prep(state: _State, row: Row, cl: Clause) -> None:
    """ "An employee works in one department", "Students enrol in several courses"."""
    if cl.negated or not _descriptive(state, cl):
        return
    named = cl.key in row.verbs or cl.lemma in row.verbs
    if row.verbs and not named:
        return
    if not row.verbs and (
        cl.lemma in row.exclude_verbs or cl.passive or state.sent.children(cl.verb, "dobj", "dative")
    ):
        return  # "a sum that reached us from one supporter": an object, even a pronoun, makes it transitive
    if cl.objects:
        return  # transitive: the other rows read it
    if cl.complement in ("unique", "distinct"):
        return  # "a water's name is unique within the association": a uniqueness scope, not a link
    for p in row.preps:
        for target in cl.prep(p):
            if p == "of" and not _exactly_one(state, target):
                continue  # "is of one species" counts what it is of; "is of great importance" does not
            if not row.verbs and not _counted_one(state, target):
                continue  # any other verb: only a counted place says where each one is ("runs on one route")
            _placed_with(state, row, cl, target, many=target.card.many and target.card.stated)


def _counted_object(state: _State, row: Row, cl: Clause) -> None:
    """ "A delivery uses exactly one van", "each course needs a single room", "an assignment gives one
    document to one translator": a thing that uses, needs or takes one counted other thing refers to it.
    Verbs of screens and steps ("the user uses the app") are excluded from the generic interaction row;
    a counted object here says it is a reference."""
    if cl.negated or cl.passive or cl.lemma not in row.verbs:
        return
    if state.sent.tokens[cl.verb].dep == "acl":
        return  # "a trader taking one pitch": a participle describes, it states no link of the trader's
    dative = [  # "gives one document to one translator": the parser calls that "to" a dative
        c
        for d in state.sent.children(cl.verb, "dative")
        for x in state.sent.children(d.i, "pobj")
        if (c := _chunk(state, x.i)) is not None
    ]
    for target in [*cl.objects, *cl.prep(*row.preps), *dative]:
        if _counted_one(state, target):
            subjects = [s for s in cl.subjects if not _the_one(state, s) and not s.plural]
            _placed_with(state, row, cl.model_copy(update={"subjects": subjects}), target, many=False)


def _links(state: _State, row: Row, cl: Clause) -> None:
    """ "A placement links one intern to one host company": the subject refers to each thing it links."""
    if cl.negated or cl.passive or cl.lemma not in row.verbs:
        return
    ctx = state.ctx
    linked = [*cl.objects, *cl.prep(*row.preps)]
    things = [c for c in linked if _thing(c, ctx) and not is_value(c, ctx)]
    pair = len(things) == 1 and things[0].card.low == 2 and things[0].card.high == 2
    for s in cl.subjects:
        if not _thing(s, ctx) or is_value(s, ctx) or (len(things) < 2 and not pair):
            continue
        prov = _prov(state, row.id, row.priority)
        state.facts.append(EntityFact(prov=prov, name=s.name, evidence="subject"))
        for t in things:
            if t.name == s.name:
                continue
            state.facts.append(EntityFact(prov=prov, name=t.name, evidence="referenced"))
            # "a partnership links two people": one reference to each of the two
            for role in ("first", "second") if pair else ("",):
                state.facts.append(RelationshipFact(prov=prov, child=s.name, parent=t.name, role=role))


def _placed_with(
    state: _State, row: Row, cl: Clause, target: Chunk, *, many: bool, per: bool = False
) -> None:
    """Each subject of the clause refers to ``target``, both things the spec talks about."""
    ctx = state.ctx
    for s in cl.subjects:
        if not (_thing(s, ctx) and _thing(target, ctx)) or is_value(target, ctx) or s.name == target.name:
            continue
        if cl.lemma == "assign" and _worker_on_item(s, target, ctx):
            continue  # "a groomer can be assigned to an appointment": the belonging row links the work item
        # "harvests are recorded per hive": many of them for each hive counts the hive as one
        counted = per or _counted_one(state, target)
        if not ((_established(s, ctx) or counted) and _established(target, ctx)):
            continue  # "A treatment is applied to one hive": counting the other side is evidence enough
        prov = _prov(state, row.id, row.priority)
        state.facts.append(EntityFact(prov=prov, name=s.name, evidence="subject"))
        state.facts.append(EntityFact(prov=prov, name=target.name, evidence="referenced"))
        state.facts.append(
            RelationshipFact(
                prov=prov,
                child=s.name,
                parent=target.name,
                cardinality=Cardinality.MANY_TO_MANY if many else Cardinality.MANY_TO_ONE,
                required=_required(target, cl),
                role=row.roles.get(cl.lemma, ""),
            )
        )


def _passive_counted(state: _State, row: Row, cl: Clause) -> None:
    if not cl.passive or cl.negated or not _descriptive(state, cl):
        return
    for w in row.preps:
        for target in cl.prep(w):
            if _one_of(state, target):  # "based at one of the depots": one depot
                one = Card(low=1, high=1, stated=True)
                target = target.model_copy(update={"card": one, "plural": False})
            if w == "per" and not target.plural:
                # "Honey harvests are recorded per hive": many of the subject for each one of the target
                target = target.model_copy(update={"card": target.card.model_copy(update={"stated": True})})
            elif not target.card.stated or (target.card.high is None and not target.card.many):
                continue
            _placed_with(state, row, cl, target, many=target.card.many, per=w == "per")


def _exactly_one(state: _State, c: Chunk) -> bool:
    words = {t.lower for t in state.sent.tokens[max(c.start, 0) : c.head]}
    return bool(words & {"one", "exactly", "single", "only"})


def _scoped_one(state: _State, c: Chunk) -> Chunk | None:
    """The scope of "at most one appointment per session", "only one loan per copy": one per scope is a
    uniqueness, not a to-one link."""
    if c.head < 0 or not (c.card.stated and c.card.high == 1):
        return None
    if not _thing(c, state.ctx) or is_value(c, state.ctx):
        return None  # "a release year for every film": an attribute of each film, no count
    toks = state.sent.tokens
    k = c.head + 1
    if k + 1 < len(toks) and toks[k].lower == "per":
        # "per calendar day": the phrase's head, not its first word
        scope = next(iter(state.sent.children(k, "pobj")), toks[k + 1])
        return _chunk(state, scope.i) if scope.pos in ("NOUN", "PROPN") else None
    if not any(t.lower in ("one", "single") for t in toks[c.start : c.head]):
        return None
    if k + 2 < len(toks) and toks[k].lower in ("for", "in") and toks[k + 1].lower in ("each", "every"):
        return _chunk(state, k + 2) if toks[k + 2].pos in ("NOUN", "PROPN") else None
    return None


def _counted_one(state: _State, c: Chunk) -> bool:
    """The sentence counts ``c`` as exactly one ("owned by exactly one landlord", "for one task", "based at
    one of the depots")."""
    if _one_of(state, c):
        return True
    return c.card.stated and c.card.high == 1 and _exactly_one(state, c) and _scoped_one(state, c) is None


def _one_of(state: _State, c: Chunk) -> bool:
    """ "one of the depots", "exactly one of its branches": one picked from the plural named."""
    toks = state.sent.tokens
    k = c.start - 1
    while k >= 0 and toks[k].lower in ("the", "its", "their", "our", "his", "her"):
        k -= 1
    return k >= 1 and toks[k].lower == "of" and toks[k - 1].lower == "one" and c.plural


def _event(state: _State, row: Row, cl: Clause) -> None:
    ctx = state.ctx
    held = _held_role(state, cl)
    if cl.negated or (cl.lemma in row.exclude_verbs and not held):
        return
    event = held or _event_here(state, cl.lemma)
    if not event:
        return
    objects = [] if held else cl.objects
    parties = [
        c
        for c in [*cl.subjects, *objects, *cl.prep("by", "to", "in", "for", "at", "on", "from", "with", "of")]
        if _thing(c, ctx) and c.name != event and not is_value(c, ctx) and _established(c, ctx)
    ]
    if not parties:
        return
    prov = _prov(state, row.id, row.priority)
    state.facts.append(EntityFact(prov=prov, name=event, evidence="event"))
    for p in parties:
        state.facts.append(EntityFact(prov=prov, name=p.name, evidence="referenced"))
        if p.head_word in ctx.lexicon.part_nouns and p.card.many:
            # "the customer orders any number of lines": the lines are the order's parts
            state.facts.append(RelationshipFact(prov=prov, child=p.name, parent=event, ownership="owned"))
            continue
        state.facts.append(RelationshipFact(prov=prov, child=event, parent=p.name))


def _event_here(state: _State, lemma: str) -> str:
    """The event a verb names; one named by a gerund ("viewing", "booking") only in the sentence that says
    it ("a buyer may view many properties; for each viewing we record …"): elsewhere the verb is a step."""
    event = state.ctx.event_entity(lemma)
    if not event.endswith("ing") or event in state.ctx.known or lemma in state.ctx.events:
        return event
    said = any(t.lower in (event, f"{event}s") for t in state.sent.tokens)
    return event if said else ""


def _counted_gerund(state: _State, lemma: str) -> str:
    """ "A buyer may view many properties …; for each viewing we record …": the verb's gerund, counted in
    this very sentence, names the pairing however rarely the spec uses it."""
    toks = state.sent.tokens
    counted = {t.lower for t in toks[1:] if toks[t.i - 1].lower in ("each", "every")}
    return next((n for n in nominalisations(lemma) if n.endswith("ing") and n in counted), "")


def _held_role(state: _State, cl: Clause) -> str:
    """ "A user can be a member of many teams; each membership has a role": the state of holding a role
    ("membership", "partnership", "ownership") is the link between the two, when the spec talks about it."""
    if cl.lemma != "be" or not cl.prep("of"):
        return ""
    for o in cl.objects:
        held = f"{o.head_word}ship"
        if held in state.ctx.subjects or state.ctx.mentioned.get(held, 0) >= 2:
            return held
    return ""


def _event_record(state: _State, row: Row, cl: Clause, cls: list[Clause]) -> None:
    ctx = state.ctx
    if cl.lemma not in row.verbs or cl.negated or not cl.objects:
        return
    if not any(t.lower in _CONDITION_MARKS for t in state.sent.tokens):
        return  # only a condition names the event the recorded values belong to
    if any(_thing(s, ctx) for s in cl.subjects) or cl.prep("for", "about", "per"):
        return  # an entity records its own values, or "for each X": other rows
    owner = ""
    for other in cls:
        if other is cl:
            continue
        owner = ctx.event_entity(other.lemma)
        if owner:
            break
    # the condition's clause first ("WHEN a badge is requested … record the booking …, and generate a badge
    # code": the badge's values), then the clauses before the recording verb, then the rest
    ordered = sorted(
        (o for o in cls if o is not cl),
        key=lambda o: (
            not any(m.lower in _CONDITION_MARKS for m in state.sent.children(o.verb, "advmod", "mark")),
            o.verb > cl.verb,
        ),
    )
    for o in ordered if not owner else []:
        # "WHEN a seller creates an auction THEN … store title": the thing the event is about, else what the
        # event happens to ("WHEN a badge is requested")
        named = [x for x in o.objects if _thing(x, ctx)] or [
            x for x in o.subjects if _thing(x, ctx) and (o.passive or not _recorder(x, ctx))
        ]
        if named:
            owner = named[0].name
            break
    if not owner:
        return
    chunk = _named(owner)
    _contents(state, chunk, cl.objects, row.id, row.priority, cl, children=False)


def _identified_by(state: _State, row: Row, cl: Clause) -> None:
    if not _matches(state, row, cl) or cl.negated:
        return
    # passive: "members are identified by a card number"; active: "we recognise supporters by their email"
    owners = cl.subjects if cl.passive else [o for o in cl.objects if _thing(o, state.ctx)]
    participle = not state.sent.children(cl.verb, "nsubjpass", "auxpass")  # "…, identified by X,"
    passive = cl.passive or state.sent.tokens[cl.verb].tag == "VBN"
    aside = _defined_by_aside(state, cl.verb) if passive and participle else None
    owners = [aside] if aside is not None else owners
    for s in owners:
        if not _thing(s, state.ctx):
            continue
        for c in cl.prep("by"):
            name = _attr_name(s.name, c)
            if name:
                # "a meal plan, which is identified by the Monday …": what has an identity is a thing
                state.facts.append(
                    EntityFact(
                        prov=_prov(state, row.id, row.priority), name=s.name, evidence="has_attributes"
                    )
                )
                state.facts.append(
                    AttributeFact(
                        prov=_prov(state, row.id, row.priority),
                        entity=s.name,
                        name=name,
                        unique=True,
                        required=True,
                    )
                )


def _unique_adjective(state: _State, row: Row, cl: Clause) -> None:
    if cl.negated:
        return
    if cl.lemma != "be":  # "every product has a unique SKU"
        for s in cl.subjects:
            for o in cl.objects:
                if _unique_before(state.sent, o) and is_value(o, state.ctx) and _thing(s, state.ctx):
                    state.facts.append(
                        UniqueFact(
                            prov=_prov(state, row.id, row.priority),
                            entity=s.name,
                            attributes=[_attr_name(s.name, o)],
                        )
                    )
        return
    if not set(cl.complements) & set(row.words):
        return
    for s in cl.subjects:
        owner = _of_owner(state, s)
        entity, attr = "", s.name
        if owner is not None:
            entity, attr = owner.name, _attr_name(owner.name, s)
        else:
            for known in sorted(state.ctx.known, key=len, reverse=True):
                if s.name.startswith(known + "_"):
                    entity, attr = known, s.name[len(known) + 1 :]
                    break
        if not is_value(s, state.ctx) and not entity and not s.plural:
            continue  # "Each painting is a unique work" — not an attribute
        scope = [c.name for p in ("within", "per", "in", "across", "for") for c in cl.prep(p)]
        state.facts.append(
            UniqueFact(prov=_prov(state, row.id, row.priority), entity=entity, attributes=[attr, *scope[:1]])
        )
        if any("insensitive" in c for c in cl.complements) and entity:
            state.facts.append(
                AttributeFact(
                    prov=_prov(state, row.id, row.priority), entity=entity, name=attr, case_insensitive=True
                )
            )


# -- sentence constructions --------------------------------------------------------------------------
def _owner_for(state: _State, cls: list[Clause], at: int | None = None) -> str:
    """The thing a value belongs to; with ``at``, the owner of the clause whose objects hold that token
    first ("Tenants complain about landlords; each complaint has a category and a date received": the
    complaint's date, not the landlords' the first clause is about)."""
    holding = [
        cl
        for cl in cls
        if at is not None
        and not cl.relative
        and state.sent.tokens[cl.verb].dep not in ("acl", "relcl")
        and not only_participle(state.sent.tokens[cl.verb].text, cl.lemma)  # "a grade written the French way"
        and any(o.start <= at < o.end for o in cl.objects)
    ]
    if len(holding) < len(cls):
        for cl in holding:
            for x, prep in [
                *((x, w) for w in ("for", "about") for x in cl.prep(w)),
                *((x, "") for x in cl.subjects if _any_one(state, x)),
            ]:
                if _thing(x, state.ctx) and not _recorder(x, state.ctx) and x.head_word not in _FLAG_WORDS:
                    return _pairing_name(state, x) if prep and _each(state, x, prep) else x.name
    toks = state.sent.tokens
    opening = [  # "For each garment in a costume we note …", read with the clause hung under the costume
        (c, toks[0].lower)
        for pobj in (state.sent.children(0, "pobj") if toks and toks[0].lower in ("for", "per") else [])
        if (c := _chunk(state, pobj.i)) is not None
    ]
    stated = [(c, w) for cl in cls for w in ("for", "about") for c in cl.prep(w)]
    for c, prep in [*stated, *opening]:
        if _thing(c, state.ctx):
            # "for each garment in a costume we note whether …": the pairing's value
            return _pairing_name(state, c) if _each(state, c, prep) else c.name
    # a relative clause's subject ("each plant a user owns is recorded with …") is not the sentence's
    for cl in sorted(cls, key=lambda c: state.sent.tokens[c.verb].dep == "relcl"):
        for s in cl.subjects:
            if _recorder(s, state.ctx) and state.previous:
                return state.previous
            if _thing(s, state.ctx) and s.head_word not in _FLAG_WORDS:
                return s.name
    return state.sent.subject_hint


_FLAG_WORDS = ("flag", "checkbox", "indicator", "toggle", "switch", "boolean", "tick")


def _flag_modifier(sent: Sentence, c: Chunk) -> str:
    """What a flag says, in the words before it that the name dropped: "an active flag" → active, "an
    open/closed flag" → open (the first of a pair), "a pre-recorded flag" → pre_recorded; "" for "a yes/no
    flag", which says nothing. Named as a listed field is (:func:`flag_field`)."""
    if c.head < 1:
        return ""
    toks = sent.tokens
    words: list[str] = []
    k = c.head - 1
    while k >= 0 and (toks[k].pos in ("ADJ", "VERB", "NOUN", "PROPN") or toks[k].text in ("-", "/")):
        words.insert(0, toks[k].text.lower())
        k -= 1
    return flag_field(" ".join([*words, "flag"])) or ""


def _no_two(state: _State, row: Row, cls: list[Clause]) -> None:
    toks = state.sent.tokens
    for k in range(len(toks) - 2):
        if toks[k].lower != "no" or toks[k + 1].lower != "two":
            continue
        head = next((t for t in toks[k + 2 :] if t.pos in ("NOUN", "PROPN")), None)
        if head is None:
            return
        subject = _chunk(state, head.i)
        if subject is None or not _thing(subject, state.ctx):
            return
        attrs: list[str] = []
        scope: list[str] = []
        for j, t in enumerate(toks):
            if t.lower == "same" and j > head.i:
                c = _next_chunk(state.sent, j)
                if c is not None:
                    target = scope if (c.name in state.ctx.known or _preceded_by_in(toks, j)) else attrs
                    target.append(c.name)
                    for conj in state.sent.children(c.head, "conj"):
                        cc = _chunk(state, conj.i)
                        if cc is not None:
                            attrs.append(cc.name)
        for prep in state.sent.children(head.i, "prep"):
            for pobj in state.sent.children(prep.i, "pobj"):
                c = _chunk(state, pobj.i)
                if c is not None and c.name not in scope:
                    scope.append(c.name)
        if not attrs:
            for cl in cls:
                for o in cl.objects:
                    if o.name != subject.name:
                        attrs.append(o.name)
        if attrs:
            state.facts.append(
                UniqueFact(
                    prov=_prov(state, row.id, row.priority), entity=subject.name, attributes=attrs + scope
                )
            )
        return


def _preceded_by_in(toks: list[Token], j: int) -> bool:
    return j >= 2 and toks[j - 2].lower in ("in", "within", "on", "at", "for", "of")


def _next_chunk(sent: Sentence, j: int) -> Chunk | None:
    for t in sent.tokens[j + 1 :]:
        if t.pos in ("NOUN", "PROPN"):
            nxt = sent.tokens[t.i + 1] if t.i + 1 < len(sent.tokens) else None
            if nxt is not None and nxt.pos in ("NOUN", "PROPN") and nxt.dep == t.dep == "compound":
                continue
            c = chunk_at(sent, t.i)
            if c is not None:
                return c
        if t.pos in ("VERB", "ADP") and t.lower not in ("of",):
            return None
    return None


def _split_values(toks: list[Token]) -> list[str]:
    values: list[str] = []
    current: list[str] = []
    for t in toks:
        if t.text in (",", "/", ";", "→", "⇒", "->", "|") or t.lower in ("or", "and", "either", "nor"):
            if current:
                values.append("_".join(current))
            current = []
        elif t.text in (".", ")", "(", ":"):
            break
        elif t.text.replace("-", "").replace("_", "").isalnum():  # "past_due" as the spec spells it
            current.append(t.lower.replace("-", "_"))
    if current:
        values.append("_".join(current))
    return [v for v in values if v and len(v.split("_")) <= 3]


def _definition_link(state: _State, row: Row, cls: list[Clause]) -> None:
    """In a definition, every prepositional phrase on the defining noun (and its participles) that names
    another entity of the spec is a reference from the defined entity to it."""
    hint = state.sent.subject_hint or state.defines
    if not hint:
        return
    sent, ctx = state.sent, state.ctx
    if state.sent.subject_hint:
        # "Departments: name (unique), cost center code, and a manager": a definition that lists values
        for cl in cls:
            if cl.lemma == "be" and any(s.name == hint for s in cl.subjects):
                listed = [o for o in cl.objects if is_value(o, ctx) or o.counted]
                if len(listed) >= 2 or (listed and len(cl.objects) > 1):
                    _contents(state, _hint_chunk(state) or _named(hint), cl.objects, row.id, row.priority, cl)
    scope: set[int] = set()
    for head in state.defined | state.counted_defined:
        if head >= 0:
            scope |= {t.i for t in sent.subtree(head)}
    for head in state.counted_defined:  # "is one product on one paper stock": the phrase may hang on "is"
        for prep in sent.children(sent.tokens[head].head, "prep"):
            scope |= {t.i for t in sent.subtree(prep.i)}
    if sent.subject_hint:
        # "Recipe Ingredient: amount and unit of one ingredient in one recipe": the values a definition
        # lists are the entity's; what they are "of" and "in" is what it refers to
        for cl in cls:
            values_only = bool(cl.objects) and all(is_value(o, ctx) for o in cl.objects)
            if cl.lemma == "be" and any(s.name == hint for s in cl.subjects) and values_only:
                for o in cl.objects:
                    if o.head >= 0:
                        scope |= {t.i for t in sent.subtree(o.head)}
        for cl in clauses(sent):  # "Bought in one order by one attendee." — a fragment about the entity
            if not any(t.dep in ("nsubj", "nsubjpass") for t in sent.children(cl.verb)):
                scope |= {t.i for t in sent.subtree(cl.verb)}
        if not any(t.pos in ("VERB", "AUX") for t in sent.tokens):  # "Of one ticket type."
            scope = {t.i for t in sent.tokens}
    m2m = "many-to-many" in sent.text.lower() or "many to many" in sent.text.lower()
    seen: set[str] = set()
    for t in sent.tokens:
        if (
            t.i not in scope
            or not (t.dep in ("prep", "agent") or t.pos == "ADP")
            or t.lower not in [*row.preps, "by"]
            or _on_other_thing(state, t, hint)
        ):
            continue
        objs = (
            sent.children(t.i, "pobj")
            or [x for x in sent.tokens[t.i + 1 :] if x.pos in ("NOUN", "PROPN")][-1:]
        )
        for pobj in objs:
            lead = _chunk(state, pobj.i)  # "shared by many people and partnerships": "many" counts both
            shared = t.lower == "by" and sent.tokens[t.head].lemma in _SHARED_BY
            shared = shared and lead is not None and lead.card.many and lead.card.stated
            for item in [pobj, *sent.children(pobj.i, "conj")]:
                c = _chunk(state, item.i)
                if c is None or c.name == hint or c.name in seen:
                    continue
                indefinite = c.start >= 0 and sent.tokens[c.start].lower in ("a", "an")  # never "the school"
                in_prose = bool(state.defines) and not sent.subject_hint
                prose_thing = in_prose and indefinite and _established(c, ctx)
                if c.name not in ctx.known and not _exactly_one(state, c) and not prose_thing:
                    continue  # only declared entities, or one the definition counts ("in one order"), or
                    # in a prose definition a thing the spec talks about elsewhere ("a crossing of a route")
                if is_value(c, ctx) or not _thing(c, ctx):
                    continue
                seen.add(c.name)
                prov = _prov(state, row.id, row.priority)
                verb = sent.tokens[t.head]
                # a container, not a place: "taken at one station by one sensor" names two references
                container = next(
                    (
                        _chunk(state, x.i)
                        for p in sent.children(verb.i, "prep")
                        if p.lower in ("in", "within", "inside") and p.i != t.i
                        for x in sent.children(p.i, "pobj")
                    ),
                    None,
                )
                if (
                    t.lower == "by"
                    and verb.pos == "VERB"
                    and container is not None
                    and container.name != hint
                    and _exactly_one(state, container)  # "bought in ONE order by one attendee"
                ):
                    # "bought in one order by one attendee": the attendee is the order's, not the ticket's
                    state.facts.append(RelationshipFact(prov=prov, child=container.name, parent=c.name))
                    continue
                state.facts.append(EntityFact(prov=prov, name=c.name, evidence="referenced"))
                if shared:
                    # "places … are shared by many people": each of the many refers to the defined thing
                    state.facts.append(RelationshipFact(prov=prov, child=c.name, parent=hint))
                    continue
                if c.card.many and c.card.stated and not m2m and t.lower != "by":
                    # "a Tower is home to many Ringers", "a depot is the base for several vans": each of the
                    # counted many refers to the defined thing
                    state.facts.append(
                        RelationshipFact(prov=prov, child=c.name, parent=hint, many_children=True)
                    )
                    continue
                if t.lower == "with" and c.plural and not m2m and _placed_on_it(sent, c):
                    # "a floating walkway with berths along it": the berths are on the defined thing
                    state.facts.append(RelationshipFact(prov=prov, child=c.name, parent=hint))
                    continue
                # "appearing in episodes", "shared by postings and candidates": a bare plural is many
                many = (m2m and t.lower == "with") or (c.plural and not c.card.stated)
                state.facts.append(
                    RelationshipFact(
                        prov=prov,
                        child=hint,
                        parent=c.name,
                        cardinality=Cardinality.MANY_TO_MANY if many else Cardinality.MANY_TO_ONE,
                    )
                )
    _definition_verbs(state, row, hint, scope, seen)


def _placed_on_it(sent: Sentence, c: Chunk) -> bool:
    """ "berths along it", "jars on it", "bikes in them": a phrase right after the noun that places it on
    the thing the sentence is about, named by a pronoun."""
    toks = sent.tokens
    k = c.head + 1
    return (
        k + 1 < len(toks)
        and toks[k].pos == "ADP"
        and toks[k].lower not in ("of", "for", "with", "by")
        and toks[k + 1].lower in ("it", "them")
    )


def _on_other_thing(state: _State, prep: Token, hint: str) -> bool:
    """ "A sale is the outcome of an auction that ended with a winning bid": a phrase in a relative clause
    on another thing of the spec says something about that thing, not about the defined one."""
    verb = state.sent.tokens[prep.head]
    if verb.dep != "relcl":
        return False
    noun = _chunk(state, verb.head)
    return noun is not None and noun.name != hint and noun.name in state.ctx.known


_SHARED_BY = ("share", "use", "reuse")
_LINKING_VERBS = {"link", "connect", "join", "pair", "associate", "relate", "tie", "match", "require",
                  "reference", "cover", "combine", "assign", "attach"}  # fmt: skip


def _definition_verbs(state: _State, row: Row, hint: str, scope: set[int], seen: set[str]) -> None:
    """ "Project Membership: links a User and a Project with a role", "Job Posting: … requires Skills": the
    declared entities a definition's verb takes as objects are what the defined entity refers to."""
    sent, ctx = state.sent, state.ctx
    for cl in clauses(sent):
        if cl.lemma not in _LINKING_VERBS or cl.negated or (scope and cl.verb not in scope and cl.subjects):
            continue
        for o in cl.objects:
            _alias(o, ctx)
            if o.name == hint or o.name in seen or o.name not in ctx.known:
                continue
            seen.add(o.name)
            many = o.plural and not (o.card.stated and o.card.high == 1)
            state.facts.append(
                RelationshipFact(
                    prov=_prov(state, row.id, row.priority),
                    child=hint,
                    parent=o.name,
                    cardinality=Cardinality.MANY_TO_MANY if many else Cardinality.MANY_TO_ONE,
                )
            )


def _colon_list(state: _State, row: Row, cls: list[Clause]) -> None:
    """ "System MUST store per episode: title, description …", "An alert rule belongs to a greenhouse:
    measured kind, comparison and threshold", "Sensors send a reading every minute: timestamp and values".

    The owner is the entity after "per/each/every" when there is one, else the object of the clause
    before the colon (the thing sent or stored), else its subject."""
    toks = state.sent.tokens
    colon = next((t.i for t in toks if t.text == ":"), None)
    dashes = [t.i for t in toks if t.text in ("—", "–", "--")]
    if colon is None and (len(dashes) == 1 or (len(dashes) == 2 and dashes[1] > dashes[0] + 3)):
        # "A user is a person in the directory — email (unique) and display name."; "log every expense —
        # a description, the amount and a category — so that …": a list between two dashes
        colon = dashes[0]
        before = _chunk(state, colon - 1) if colon > 0 and toks[colon - 1].pos in ("NOUN", "PROPN") else None
        if before is not None and _chunk_kind(state, before) is Kind.ENUM:
            return  # "the food category — bakery, produce or dairy": the category's values (enum rows)
    aside = colon is not None and toks[colon].text != ":" and len(dashes) == 2
    if colon is None or colon + 1 >= len(toks) or _in_parentheses(state.sent, colon):
        return  # "(a typical entry: 437.8 → 440.0)": an example in brackets, not a list of values
    ctx = state.ctx
    stop = next((t.i for t in toks[colon + 1 :] if t.text in (",", ";", ".")), len(toks))
    if any(
        t.pos in ("VERB", "AUX")
        and t.dep not in ("relcl", "acl")  # "…: the date the supers were taken off, …" is a list item
        and state.sent.children(t.i, "nsubj", "nsubjpass")
        for t in toks[colon + 1 : stop]
    ):
        return  # "…: for each click we keep …" — a clause follows the colon, not a list
    owner: Chunk | None = None
    recorded = next(
        (
            s
            for cl in cls
            if cl.verb < colon and cl.passive and cl.lemma in row.verbs
            for s in cl.subjects
            if _thing(s, ctx) and not is_value(s, ctx)
        ),
        None,
    )
    left = [cl for cl in cls if cl.verb < colon]
    source: Chunk | None = None
    for t in toks[:colon]:
        if recorded is not None:
            owner = recorded  # "Honey harvests are recorded per hive: …" — the harvests' values
            break
        if t.lower in ("each", "every", "per") and t.i + 1 < colon:
            nxt = next(
                (x for x in toks[t.i + 1 : colon] if x.pos in ("NOUN", "PROPN") or x.dep == "pobj"), None
            )
            c = _chunk(state, nxt.i) if nxt is not None else None
            if c is not None and _thing(c, ctx) and not is_value(c, ctx):
                owner = c
                # "store a position reading from every truck: …": the reading's values, sent by each truck
                sent = [
                    o
                    for cl in left
                    if cl.lemma in row.verbs
                    for o in cl.objects
                    if o.head < t.i and _thing(o, ctx) and not is_value(o, ctx) and o.name != c.name
                ]
                if t.i > 0 and toks[t.i - 1].lower == "from" and sent:
                    owner, source = sent[0], c
    if owner is None and not left and colon <= 4:
        # a labelled bullet: "Departments: name (unique), cost center code, and a manager"
        label = next((t for t in reversed(toks[:colon]) if t.pos in ("NOUN", "PROPN")), None)
        c = _chunk(state, label.i) if label is not None else None
        # a label that names things ("Departments:", or a noun the spec keeps using), not a heading word
        # ("Purpose:", "Authorization:")
        if c is not None and _thing(c, ctx) and not is_value(c, ctx) and (c.plural or _established(c, ctx)):
            owner = c
    if owner is None:
        # "the link is the subscription, which holds …: the state, …": the recording clause nearest the
        # colon says whose values follow
        recording = sorted((c for c in left if c.lemma in row.verbs), key=lambda c: -c.verb)
        for cl in [*recording, *(c for c in left if c.lemma not in row.verbs)]:
            objs = [o for o in cl.objects if o.head < colon and _thing(o, ctx) and not is_value(o, ctx)]
            if aside:  # a list between dashes describes a thing the spec already talks about ("a new
                # conference edition — name, year …" where the spec says "edition" elsewhere)
                objs = [o for o in objs if _established(o, ctx) or ctx.mentioned.get(o.head_word, 0) >= 2]
            subs = [s for s in cl.subjects if _thing(s, ctx) and not _recorder(s, ctx)]
            if objs and (cl.lemma in row.verbs or not subs or cl.lemma not in ("belong", "be")):
                owner = objs[0]
            elif subs and not aside:
                owner = subs[0]
            if owner is not None:
                break
    first = next((t for t in toks[colon + 1 :] if t.pos in ("NOUN", "PROPN")), None)
    if owner is None or first is None:
        return
    items = [c for t in list_items(state.sent, first) if (c := _chunk(state, t.i)) is not None]
    # a list of values ("the time of the check" and "the number of items" count), not of examples or options
    if sum(is_value(c, ctx) or c.counted or c.words in (["time"], ["date"]) for c in items) >= 2:
        _contents(state, owner, items, row.id, row.priority, None)
        if source is not None:
            prov = _prov(state, row.id, row.priority)
            state.facts.append(EntityFact(prov=prov, name=source.name, evidence="referenced"))
            state.facts.append(RelationshipFact(prov=prov, child=owner.name, parent=source.name))


def _chunk_kind(state: _State, c: Chunk) -> Kind | None:
    return state.ctx.lexicon.kind_for_name(c.name) or state.ctx.lexicon.kind_for_name(c.head_word)


def _one_open(state: _State, row: Row, cls: list[Clause]) -> None:
    """ "A copy cannot be on more than one open loan at a time", "at most one active rental per locker"."""
    toks = state.sent.tokens
    for t in toks:
        if t.lower not in row.words or t.i + 1 >= len(toks):
            continue
        if not _one_before(toks, t.i):
            continue
        if toks[t.i - 1].lower in ("per", "each", "every"):
            continue  # "one invoice per active tenancy": the open word is the scope's, not the counted one's
        head = next((x for x in toks[t.i + 1 : t.i + 4] if x.pos in ("NOUN", "PROPN")), None)
        if _one_open_of(state, row, cls, head, t.lower):
            return
    _open_by_clause(state, row, cls)


def _open_by_clause(state: _State, row: Row, cls: list[Clause]) -> None:
    """ "A unit can only have one rental that has not ended yet", "at most one loan which is still
    open": the relative clause says the counted thing is open, as "one active rental" does."""
    toks = state.sent.tokens
    for t in toks:
        if t.pos not in ("NOUN", "PROPN") or not _one_before(toks, t.i):
            continue
        for rel in state.sent.children(t.i, "relcl"):
            negated = bool(state.sent.children(rel.i, "neg"))
            said = [a.lower for a in state.sent.children(rel.i, "acomp") if a.lower in row.words]
            if rel.lemma in _ENDING_VERBS and negated:
                word = "open"
            elif rel.lemma == "be" and said and not negated:
                word = said[0]
            else:
                continue
            if _one_open_of(state, row, cls, t, word):
                return


_ENDING_VERBS = ("end", "finish", "close", "return", "expire", "complete", "settle", "terminate", "stop")


def _one_before(toks: list[Token], i: int) -> bool:
    """ "only one", "at most one", "a single" within the four words before token ``i``."""
    before = " ".join(x.lower for x in toks[max(0, i - 4) : i])
    return any(w in before for w in ("more than one", "only one", "at most one", "single", "one"))


def _one_open_of(state: _State, row: Row, cls: list[Clause], head: Token | None, word: str) -> bool:
    """A unique key on the open ``head``'s link to the thing the sentence counts it against."""
    event = _chunk(state, head.i) if head is not None else None
    if event is None or not _thing(event, state.ctx):
        return False
    event_name = "_".join(w for w in event.words if w != word) or event.name
    scope = next(
        (
            c.name
            for cl in cls
            for c in [*cl.subjects, *cl.prep("per", "for", "of", "on", "in")]
            if _thing(c, state.ctx) and c.name not in (event.name, event_name)
        ),
        "",
    )
    if not scope:
        return False
    prov = _prov(state, row.id, row.priority)
    state.facts.append(UniqueFact(prov=prov, entity=event_name, attributes=[scope], where=f"open:{word}"))
    # one open at a time means many over time: each refers to the thing it is counted against
    state.facts.append(RelationshipFact(prov=prov, child=event_name, parent=scope))
    return True


def _enum_list(state: _State, row: Row, cls: list[Clause]) -> None:
    for t in state.sent.tokens:
        if t.pos not in ("NOUN", "PROPN"):
            continue
        c = _chunk(state, t.i)
        if c is None:
            continue
        if c.head_word in _VALUE_WORDS:
            continue  # "Status values: …" names the status's values (enum.values_named)
        kind = state.ctx.lexicon.kind_for_name(c.name)
        # "Sizes: S, M, L, XL": a label the lexicon knows as a value's name, then that value's values
        labelled = _labelled(state.sent, c) and c.plural and kind is not None
        if kind not in (None, Kind.ENUM) and not labelled:
            continue
        listed = kind is Kind.ENUM or labelled
        values = _enum_after(state.sent, c) or (_enum_listed(state.sent, c) if listed else [])
        stated = any(isinstance(f, AttributeFact) and f.enum_values == values for f in state.facts)
        if values and not stated and not _names_attributes(values, state.ctx):
            # a label with no owner of its own names a value of the thing the text was just describing
            owner = _owner_for(state, cls) or (state.previous if labelled else "")
            name = _attr_name(owner, c) if owner else ""
            modifier = "_".join(c.words[:-1])
            if len(c.words) > 1 and _established(_named(modifier), state.ctx):
                owner, name = modifier, c.words[-1]  # "Compartment status: free, reserved, occupied"
            if owner and owner != c.name:
                _enum_fact(state, row, owner, name, values)


def _labelled(sent: Sentence, c: Chunk) -> bool:
    """The noun phrase opens the sentence as a label and a colon follows it: "Sizes: S, M, L"."""
    toks = sent.tokens
    return (
        0 <= c.head < len(toks) - 1
        and toks[c.head + 1].text == ":"
        and all(t.pos in ("DET", "ADJ", "NOUN", "PROPN") for t in toks[: c.head])
    )


def _enum_can_be(state: _State, row: Row, cls: list[Clause]) -> None:
    for cl in cls:
        passive_states = _passive_states(state, cl) if cl.lemma != "be" else []
        if passive_states:
            _enum_fact(state, row, cl.subjects[0].name, "status", passive_states)
            continue
        if cl.lemma != "be" or cl.negated or not cl.subjects:
            continue
        toks = state.sent.tokens
        rest = toks[cl.verb + 1 :]
        words = [t.lower for t in rest[:3]]
        if _in_listed_state(state, row, cl, rest):
            continue
        # "an order's status is pending, paid or shipped": a value-list noun equated with alternatives
        alternatives = (
            state.ctx.lexicon.kind_for_name(cl.subjects[0].head_word) is Kind.ENUM
            and not cl.subjects[0].plural
            and any(t.lower == "or" for t in rest)
        )
        states = _listed_states(state, cl, rest)
        if (
            cl.modal not in ("can", "may", "must", "shall", "should", "will")
            and "either" not in words
            and words[:2] != ["one", "of"]  # "is one of …", never "is one screen of a survey"
            and not alternatives
            and not states
        ):
            continue
        if states:
            _enum_fact(state, row, cl.subjects[0].name, "status", states)
            continue
        start = 0
        if words[:2] == ["one", "of"]:
            start = 3 if words[2:3] == [":"] else 2  # "is one of: new, assessing, …"
        elif words[:1] == ["either"]:
            start = 1
        values = _split_values(rest[start:])
        by = any(t.lower == "by" for t in rest)
        passive = any(t.tag == "VBN" for t in rest[:1]) and (not alternatives or by)
        if len(values) < 2 or (not start and passive):
            continue  # "the status can be changed by …"; "one of requested, approved …" lists states
        s = cl.subjects[0]
        owner = _of_owner(state, s)
        if owner is None and s.possessor is not None:  # "a station's status is either online or offline"
            owner = _chunk(state, s.possessor)
        entity = owner.name if owner else ""
        attr = _attr_name(entity, s) if owner else s.name
        # "… and its current stage, which is one of first reading, …": a value this sentence gave a thing
        given = [f.entity for f in state.facts if isinstance(f, AttributeFact) and f.name == s.name]
        if not owner and cl.relative and given:
            entity = given[0]
        elif not owner and _thing(s, state.ctx) and not is_value(s, state.ctx):
            entity, attr = s.name, "status"  # "a reservation shall be active, fulfilled or cancelled"
        if not entity:
            for known in sorted(state.ctx.known, key=len, reverse=True):
                if attr.startswith(known + "_"):
                    entity, attr = known, attr[len(known) + 1 :]
                    break
        if not entity and len(s.words) > 1 and state.ctx.lexicon.kind_for_name(s.head_word) is Kind.ENUM:
            # "the order status is either pending, paid or shipped": the status of an order
            holder = _named("_".join(s.words[:-1]))
            if _thing(holder, state.ctx) and not is_value(holder, state.ctx):
                entity, attr = holder.name, s.head_word
        if not entity and not state.sent.subject_hint:
            # "stations have a code and a status, which can be …": whoever this sentence gave the value to
            entity = _given_here(state, attr)
        _enum_fact(state, row, entity or state.sent.subject_hint, attr, values)
    _equated_values(state, row)


def _listed_states(state: _State, cl: Clause, rest: list[Token], *, either: bool = False) -> list[str]:
    """ "A unit is available, reserved, occupied or out of service": a thing said to be one of three or more
    states, each an adjective or a participle ("in use", "out of service" as phrases), has a status. With
    ``either`` (a passive the parser made of the first state: "is either booked, completed or a no-show"),
    two states after "either" are enough, and a last alternative may be a noun with its article."""
    s = cl.subjects[0]
    if s.head < 0 or not _thing(s, state.ctx) or is_value(s, state.ctx):
        return []
    span: list[Token] = []
    for t in rest:
        if t.lower == "by":
            return []  # "is paid, confirmed or cancelled by the office": a passive, not states
        if t.text in (".", ";", ":", "("):
            break
        span.append(t)
    opened = bool(span) and span[0].lower == "either"
    if not any(t.lower == "or" for t in span) or opened != either:
        return []  # "either …" after "is" + adjective is read by the row itself
    span = span[1:] if either else span
    for k, t in enumerate(span):
        phrase_noun = t.pos == "NOUN" and k > 0 and span[k - 1].pos in ("ADP", "DET")
        article = either and t.lower in ("a", "an") and k > 0 and span[k - 1].lower == "or"
        if not (
            t.pos in ("ADJ", "CCONJ", "PUNCT", "ADP") or t.tag in ("VBN", "VBG") or phrase_noun or article
        ):
            return []
    values = _split_values([t for t in span if t.pos != "DET"])
    return values if len(values) >= (2 if either else 3) else []


def _passive_states(state: _State, cl: Clause) -> list[str]:
    """ "A visit is either booked, completed or cancelled", "Claims are matched, closed or expired": the
    parser makes the first state a passive verb; the states are read after "is" as for an adjective."""
    toks = state.sent.tokens
    verb = toks[cl.verb]
    aux = [a for a in state.sent.children(verb.i, "auxpass") if a.lemma == "be" and a.i < verb.i]
    if not cl.passive or verb.tag != "VBN" or not aux or not cl.subjects or cl.negated or cl.modal:
        return []
    rest = toks[aux[-1].i + 1 :]
    either = bool(rest) and rest[0].lower == "either"
    return _listed_states(state, cl, rest, either=either)


# what may stand between a value noun and its "be": "a status, which can be …", "the state must be …"
_BEFORE_BE = {"can", "may", "must", "will", "shall", "should", "which", "that", ","}


def _equated_values(state: _State, row: Row) -> None:
    """ "its status is either submitted, approved or rejected", "a status, which can be pending, accepted or
    declined": read from the surface, where the parser took the first value for the verb."""
    toks = state.sent.tokens
    for i, t in enumerate(toks):
        if t.lower not in ("is", "are", "be") or i < 1:
            continue
        j = i - 1
        while j > 0 and toks[j].lower in _BEFORE_BE:
            j -= 1
        noun = toks[j]
        modal = j < i - 1
        if noun.pos != "NOUN" or state.ctx.lexicon.kind_for_name(noun.lemma) is not Kind.ENUM:
            continue
        rest = toks[i + 1 :]
        words = [x.lower for x in rest[:2]]
        start = 1 if words[:1] == ["either"] else 2 if words == ["one", "of"] else 0
        alternatives = any(x.lower == "or" for x in rest) and not any(x.lower == "by" for x in rest)
        if not (start or modal) or not alternatives:
            continue  # "the status is shown in red"; "the status can be changed by an admin"
        values = _split_values(rest[start:])
        if len(values) < 2 or any(not x.replace("_", "").isalpha() for x in values):
            continue
        name = noun.lemma
        if any(isinstance(f, AttributeFact) and f.name == name and f.enum_values for f in state.facts):
            continue  # another row read it
        poss = state.sent.children(noun.i, "poss")
        owner = ""
        if poss and poss[0].lower not in ("its", "their", "his", "her"):
            c = _chunk(state, poss[0].i)
            owner = c.name if c is not None and _thing(c, state.ctx) else ""
        owner = owner or _given_here(state, name) or state.sent.subject_hint or _first_subject(state, j)
        if owner:
            _enum_fact(state, row, owner, name, values)


def _first_subject(state: _State, before: int) -> str:
    """The first thing the sentence makes a subject before token ``before``: what "its" points back to."""
    return next((n for t in state.sent.tokens[:before] if (n := _subject_thing(state, t))), state.previous)


def _in_listed_state(state: _State, row: Row, cl: Clause, rest: list[Token]) -> bool:
    """ "A costume may be in new, good, worn or damaged condition": the adjectives before the noun of "in"
    are the values of that noun, a value of the subject."""
    if not rest or rest[0].lower != "in":
        return False
    noun = next((t for t in rest[1:] if t.dep == "pobj" and t.head == rest[0].i), None)
    between = rest[1 : noun.i - rest[0].i] if noun is not None and noun.pos == "NOUN" else []
    adjectives = [t for t in between if t.pos == "ADJ" or t.tag == "VBN"]
    if len(adjectives) < 2 or any(t.pos not in ("ADJ", "VERB", "PUNCT", "CCONJ") for t in between):
        return False
    owner = next((c for c in cl.subjects if _thing(c, state.ctx) and not is_value(c, state.ctx)), None)
    if owner is None or noun is None:
        return False
    _enum_fact(state, row, owner.name, noun.lemma, _split_values(between))
    return True


def _enum_fact(state: _State, row: Row, entity: str, name: str, values: list[str]) -> None:
    state.facts.append(
        AttributeFact(
            prov=_prov(state, row.id, row.priority),
            entity=entity,
            name=name,
            kind=Kind.ENUM,
            enum_values=values,
        )
    )


def _given_here(state: _State, name: str) -> str:
    """The thing this sentence gave a value of that name ("stations have a code and a status, which …")."""
    return next(
        (f.entity for f in state.facts if isinstance(f, AttributeFact) and f.name == name and f.entity), ""
    )


_VALUE_WORDS = {"value", "option", "choice"}
_LIST_OPENERS = {"are", "is", "include", "includes", ":", "of", "be", "the"}


def _enum_named_values(state: _State, row: Row, cls: list[Clause]) -> None:
    """Values introduced by naming them as values: "a status that can take the values A, B or C", "a
    fulfilment status with the possible values …", "Status values: …", or by the value noun in the plural:
    "The allowed statuses are A, B and C", "Possible states are: …". The value is the nearest value-list
    noun before "values"; its owner the thing this sentence gave it, or (left empty) the thing that holds
    a value of that name nearest before (the resolver's)."""
    toks, lex = state.sent.tokens, state.ctx.lexicon
    if len(toks) > 4 and toks[1].text == ":" and toks[0].tag in ("NN", "NNP"):
        # "An order gets a number. Status: quote → confirmed → shipped.": a labelled list of values, for
        # the thing the sentence before (on the same line) is about
        named = toks[0].lower
        values = _split_values(toks[2:])
        listed = len(values) >= 2 and not _names_attributes(values, state.ctx)
        if lex.kind_for_name(named) is Kind.ENUM and listed:
            same_line = state.previous and state.previous_line == state.sent.line
            _enum_fact(state, row, state.previous if same_line else "", named, values)
            return
    for t in toks:
        if t.pos not in ("NOUN", "PROPN"):
            continue
        meta = t.lemma in _VALUE_WORDS and t.tag == "NNS"
        label = (
            not meta
            and t.tag == "NNS"
            and lex.kind_for_name(singular(t.lower)) is Kind.ENUM
            and all(x.pos in ("DET", "ADJ", "NOUN", "PROPN", "VERB") for x in toks[: t.i])
        )
        if not (meta or label):
            continue
        k = t.i + 1
        while k < len(toks) and toks[k].lower in _LIST_OPENERS:
            k += 1
        if label and (k == t.i + 1 or toks[t.i + 1].lower not in ("are", ":")):
            continue  # "statuses are …", "states: …", never "states that …"
        values = _split_values(toks[k:])
        if len(values) < 2 or _names_attributes(values, state.ctx):
            continue
        noun = (
            t
            if label
            else next(
                (
                    x
                    for x in reversed(toks[: t.i])
                    if x.pos in ("NOUN", "PROPN") and lex.kind_for_name(x.lemma) is Kind.ENUM
                ),
                None,
            )
        )
        c = _chunk(state, noun.i) if noun is not None else None
        if c is None or any(isinstance(f, AttributeFact) and f.enum_values == values for f in state.facts):
            continue
        # "order statuses are …" is the order's status only where the order holds one (the resolver
        # decides): an owner named here would become a table of its own
        name = "_".join(w for w in c.words if w not in ("allowed", "possible", "valid", "permitted"))
        _enum_fact(state, row, _given_here(state, name), name, values)
        return


def _kinds(state: _State, row: Row, cls: list[Clause]) -> None:
    toks = state.sent.tokens
    colon = next((t.i for t in toks if t.text == ":"), None)
    if colon is None:
        return
    for t in toks[:colon]:
        if t.lemma in row.words and t.pos == "NOUN":
            for prep in state.sent.children(t.i, "prep"):
                if prep.lower != "of":
                    continue
                for pobj in state.sent.children(prep.i, "pobj"):
                    c = _chunk(state, pobj.i)
                    values = _split_values(toks[colon + 1 :])
                    if c is not None and _thing(c, state.ctx) and len(values) >= 2:
                        prov = _prov(state, row.id, row.priority)
                        state.facts.append(EntityFact(prov=prov, name=c.name, evidence="subject"))
                        state.facts.append(
                            AttributeFact(
                                prov=prov, entity=c.name, name=t.lemma, kind=Kind.ENUM, enum_values=values
                            )
                        )
                        return


def _kind_of(state: _State, row: Row, cls: list[Clause]) -> None:
    for cl in cls:
        if cl.lemma != "be" or not cl.subjects:
            continue
        for o in cl.objects:
            modifiers = state.sent.tokens[max(o.start, 0) : o.head] if o.head >= 0 else []
            if o.head_word not in row.words or any(t.pos in ("NOUN", "PROPN") for t in modifiers):
                continue  # "a (special) kind of account", not "a price category of an event"
            for parent in cl.prep("of"):
                s = cl.subjects[0]
                if _thing(s, state.ctx) and _thing(parent, state.ctx) and s.name != parent.name:
                    prov = _prov(state, row.id, row.priority)
                    state.facts.append(EntityFact(prov=prov, name=s.name, evidence="subject"))
                    state.facts.append(
                        AssumptionFact(
                            prov=prov,
                            text=f"{s.name} is a kind of {parent.name} (spec line "
                            f"{state.sent.line}); kept as its own table.",
                        )
                    )


def _role_of(state: _State, row: Row, cls: list[Clause]) -> None:
    """ "Each mentor is also an employee", "sellers are users too", "a manager, who is another employee",
    "a reviewer (another member)": the first noun is a part the second plays, not a thing of its own."""
    sent, ctx = state.sent, state.ctx

    def emit(role: Chunk, base: Chunk) -> None:
        if (
            role.name != base.name
            and role.head_word not in PRONOUNS
            and base.head_word not in PRONOUNS  # a role of a person is still a role: "a coach is a member"
            and not is_value(role, ctx)
            and not is_value(base, ctx)
            and role.name not in ctx.known
        ):
            prov = _prov(state, row.id, row.priority)
            state.facts.append(RoleFact(prov=prov, role=role.name, base=base.name))

    def marked(verb: int, base: Chunk) -> bool:
        also = any(t.lower in row.words and t.dep == "advmod" for t in sent.children(verb)) or any(
            t.lower in row.words for t in sent.children(base.head, "det", "advmod", "preconj")
        )
        return also or (verb + 1 < len(sent.tokens) and sent.tokens[verb + 1].lower in row.words)

    for cl in cls:
        if cl.lemma != "be" or cl.negated or len(cl.objects) != 1 or cl.objects[0].head < 0:
            continue
        base = cl.objects[0]
        if not marked(cl.verb, base):
            continue
        if cl.relative:  # "a manager, who is another employee": the relative clause's noun is the role
            head = sent.tokens[cl.verb].head
            role = _chunk(state, head) if sent.tokens[cl.verb].dep == "relcl" else None
            if role is not None:
                emit(role, base)
            continue
        for subject in cl.subjects:
            if subject.head >= 0:
                emit(subject, base)
    toks = sent.tokens
    for t in toks:  # "a reviewer (another member)"
        if t.pos not in ("NOUN", "PROPN") or t.i + 3 >= len(toks) or toks[t.i + 1].text != "(":
            continue
        if toks[t.i + 2].lower not in row.words:
            continue
        inner = next((x for x in toks[t.i + 3 : t.i + 7] if x.pos in ("NOUN", "PROPN")), None)
        named, other = _chunk(state, t.i), _chunk(state, inner.i) if inner is not None else None
        if named is not None and other is not None and named.head == t.i:
            emit(named, other)


def _whether(state: _State, row: Row, cls: list[Clause]) -> None:
    toks = state.sent.tokens
    for t in toks:
        if t.lower != "whether":
            continue
        verb = toks[t.head]
        if verb.dep in ("aux", "auxpass") and toks[verb.head].pos == "VERB" and verb.head > verb.i:
            verb = toks[verb.head]  # "whether it is air conditioned" with "whether" hung on "is"
        if verb.pos not in ("VERB", "AUX", "ADJ") or any(
            a.lower == "to" for a in state.sent.children(verb.i, "aux")
        ):
            continue  # "we decide later whether to keep logs": no stored flag
        owner = _owner_for(state, cls)
        if not owner:
            return
        name, about_other = _flag_name(state, verb, owner)
        if name:
            prov = _prov(state, row.id, row.priority)
            if not about_other and _governs(state, cls, verb, owner):
                # "a route records whether it is a loop": a flag about the owner itself is evidence of it
                state.facts.append(EntityFact(prov=prov, name=owner, evidence="has_attributes"))
            state.facts.append(AttributeFact(prov=prov, entity=owner, name=name, kind=Kind.BOOLEAN))


def _governs(state: _State, cls: list[Clause], verb: Token, owner: str) -> bool:
    """The owner is the subject, or the "for each" thing, of the clause the "whether" clause hangs on."""
    toks = state.sent.tokens
    k = verb.i
    while toks[k].head != k and (toks[k].dep == "conj" or k == verb.i):
        k = toks[k].head
    named = {cl.verb: {c.name for c in [*cl.subjects, *cl.prep("for", "per", "about")]} for cl in cls}
    return owner in named.get(k, set()) or owner == state.sent.subject_hint


def _flag_name(state: _State, verb: Token, owner: str) -> tuple[str, bool]:
    """The column a "whether …" clause names, in the words of the clause: "whether it is public" → public,
    "whether it is a loop" → is_loop, "whether they hold a licence" → has_licence, "whether it needs
    alterations" → needs_alterations, "whether the performer turned up" → performer_turned_up, "whether
    they must be returned" → must_return, "whether eggs were seen" → eggs_seen; "" when it names none,
    or names a choice ("whether it is a debit or a credit"). Never a preposition inside: the name gate
    would drop "ready_for_adoption", so it is "ready". The flag is about another noun than the owner
    when the name starts with that noun ("eggs_seen")."""
    sent = state.sent
    comp = sent.children(verb.i, "acomp")
    if not comp and verb.lemma in _LINKING:
        # "whether it comes furnished", "whether it goes missing": the state named after a linking verb
        comp = [
            c
            for c in sent.children(verb.i, "advmod", "oprd", "xcomp", "advcl")
            if c.i > verb.i and c.tag in ("VBN", "JJ")
        ]
    attr = [c for c in sent.children(verb.i, "attr", "dobj") if c.pos in ("NOUN", "PROPN")]
    withs = [
        o
        for p in sent.children(verb.i, "prep")
        if p.lower == "with" and verb.lemma in _LINKING
        for o in sent.children(p.i, "pobj")
        if o.pos in ("NOUN", "PROPN")
    ]
    having = verb.lemma in _HAVING
    if not comp and not attr and withs:
        attr, having = withs, True  # "whether it comes with a balcony": has_balcony
    if attr and sent.children(attr[0].i, "conj"):
        return "", False
    if not comp and verb.lemma == "be":
        comp = [
            c for c in sent.children(verb.i, "ccomp") if c.tag in ("VBN", "JJ") and _bare_modifier(sent, c)
        ]
    if comp:
        # "whether it is pet friendly", "climate controlled": the bare noun before the state is part of it
        before = _bare_modifier(sent, comp[0])
        word = snake(f"{before.lower} {comp[0].lower}" if before is not None else comp[0].lower)
    elif attr and having:
        word = ("is_" if verb.lemma == "be" else "has_") + _surface(sent, attr[0], owner)
    elif having:
        return "", False
    else:
        before = _bare_modifier(sent, verb) if sent.children(verb.i, "auxpass") else None
        word = f"{before.lower}_{verb.lower}" if before is not None else verb.lower  # "is air conditioned"
        particle = sent.children(verb.i, "prt")
        if particle:
            word += "_" + particle[0].lower
        elif attr:
            word += "_" + _surface(sent, attr[0])
        modal = [a.lower for a in sent.children(verb.i, "aux") if a.tag == "MD"]
        if modal and modal[0] in ("must", "should") and sent.children(verb.i, "auxpass"):
            word = f"{modal[0]}_{verb.lemma}"  # "must be returned": must_return (no "be" inside a name)
    opened = max((x.i for x in sent.tokens[: verb.i] if x.lower == "whether"), default=-1)
    # a subject before "whether" is the parser's misreading of a list item ("a capacity and whether …")
    subj = [
        t for t in sent.children(verb.i, "nsubj", "nsubjpass")[:1] if t.lower not in PRONOUNS and t.i > opened
    ]
    sc = _chunk(state, subj[0].i) if subj else None
    if sc is not None and sc.name != owner and sc.name not in owner.split("_"):
        return f"{_surface(sent, subj[0])}_{word}", True  # "whether eggs were seen": eggs_seen
    return word, False


def _bare_modifier(sent: Sentence, state_word: Token) -> Token | None:
    """The bare noun right before a state word that narrows it ("pet friendly", "wheelchair accessible",
    "climate controlled", however the parser hung it): no determiner, so no subject of its own."""
    k = state_word.i - 1
    if k < 1:
        return None
    noun = sent.tokens[k]
    nounish = noun.pos == "NOUN" or (noun.pos == "ADV" and is_noun(noun.lower))  # "pet" read as an adverb
    ok = nounish and noun.head == state_word.i and sent.tokens[k - 1].pos in ("AUX", "VERB", "ADV")
    return noun if ok and noun.dep in ("npadvmod", "compound", "nmod", "advmod", "nsubj", "dep") else None


_HAVING = ("be", "have", "hold", "own", "possess")
_LINKING = {
    "come", "arrive", "look", "seem", "appear", "become", "remain", "stay", "get", "go", "turn", "prove",
}  # fmt: skip


def _surface(sent: Sentence, head: Token, owner: str = "") -> str:
    """A noun phrase as the spec wrote it, without its determiners ("her wings" → wings, "a timing
    checkpoint" → timing_checkpoint): a flag's name keeps the spec's number. Naming the owner adds
    nothing: "whether they are a business customer" is is_business."""
    words = [
        c.lower
        for c in sent.children(head.i, "compound", "amod")
        if c.i < head.i and c.lower not in ("other", "same", "own", "different", "certain", "any")
    ]
    if words and owner and head.lemma.lower() == owner.rsplit("_", 1)[-1]:
        return snake(" ".join(words))
    return snake(" ".join([*words, head.lower]))


def _when_happened(state: _State, row: Row, cls: list[Clause]) -> None:
    toks = state.sent.tokens
    owner = ""
    for t in toks:
        name, kind = "", Kind.TIMESTAMP
        if t.lower == "when" and t.dep == "advmod" and t.i > 0:
            verb = toks[t.head]
            if verb.tag == "VBN" and any(
                c.lower in PRONOUNS for c in state.sent.children(verb.i, "nsubjpass")
            ):
                name = f"{verb.lower}_at"
            elif verb.lemma in ("happen", "occur"):
                name = "occurred_at"  # "when it happened"
            elif _past_event(state.sent, verb):
                name = f"{'_'.join([_participle(verb), *_particles(state.sent, verb)])}_at"
        elif t.lemma in _WHEN_NOUNS and t.pos == "NOUN":
            participle = _when_participle(state.sent, t)
            event = _condition_event(state.sent, t) if not participle else None
            if event is not None:
                participle = _condition_name(event)
                nouns = [x for x in toks[1 : event.i] if x.pos in ("NOUN", "PROPN")]
                subject = _chunk(state, nouns[-1].i) if nouns else None
                owner = subject.name if subject is not None and _thing(subject, state.ctx) else ""
            if participle:
                kind = Kind.DATE if t.lemma in ("date", "day") else Kind.TIMESTAMP
                bound = participle.rsplit("_", 1)[-1] in _BOUND_PREPS
                name = participle if bound else f"{participle}_{'on' if kind is Kind.DATE else 'at'}"
        if name:
            owner = owner or _owner_for(state, cls, t.i)
            if owner:
                state.facts.append(
                    AttributeFact(prov=_prov(state, row.id, row.priority), entity=owner, name=name, kind=kind)
                )


def _how_measure(state: _State, row: Row, cls: list[Clause]) -> None:
    """ "… has a name and how often it is sent (daily or weekly)", "stores how many recipients it went to",
    "how long it is expected to take in minutes", "how much light it wants (low, medium or bright)": a
    how-question in the list of what a thing records names one value: its frequency, a count, a duration,
    or the noun asked about. A how-question outside such a list ("no matter how many newsletters they
    read", "creators see how often …") names nothing."""
    sent, toks = state.sent, state.sent.tokens
    owner = ""
    for t in toks[1:]:
        if t.lower != "how" or t.i + 1 >= len(toks) or toks[t.i - 1].lower == "matter":
            continue
        word = toks[t.i + 1]
        name, kind, end = "", Kind.TEXT, word.i
        if word.lower in ("often", "frequently"):
            name = "frequency"
        elif (
            word.lower == "long"
            and word.i + 1 < len(toks)
            and toks[word.i + 1].pos in ("PRON", "DET", "NOUN")
        ):
            name, kind = "duration", Kind.DURATION
        elif word.lower in ("many", "much") and word.i + 1 < len(toks):
            noun = toks[word.i + 1]
            if noun.lower == "times" or (word.lower == "many" and noun.lower == "of"):
                verb = next((x for x in toks[noun.i + 1 :] if x.pos == "VERB"), None)
                name = f"{verb.lemma}_count" if verb is not None and verb.lemma.isalpha() else ""
                kind = Kind.COUNT
            elif noun.lower in _TIME_UNITS and word.lower == "many":
                name, kind, end = f"duration_{noun.lower}", Kind.INTEGER, noun.i  # "how many minutes it took"
            elif noun.pos == "NOUN" and noun.lower.isalpha() and noun.lower not in _UNITS:
                base = singular(noun.lower)
                name, kind = (noun.lower, Kind.COUNT) if word.lower == "many" else (base, Kind.TEXT)
                end = noun.i
        if not name or not _in_recorded_list(sent, toks[end]):
            continue
        last = end  # the how-clause runs to the next separator: the values follow it
        while (
            last + 1 < len(toks) and toks[last + 1].text not in _CLAUSE_END and toks[last + 1].lower != "and"
        ):
            last += 1
        values = _values_after(sent, last)
        if word.lower == "much" and not values:
            continue  # "how much water I gave": a quantity without a unit or a scale names no column
        if values and kind in (Kind.TEXT, Kind.DURATION) and name != "duration":
            kind = Kind.ENUM
        unit = next((x.lower for x in toks[end : last + 1] if x.lower in ("minutes", "hours", "days")), "")
        if kind is Kind.DURATION and unit:
            name, kind = f"{name}_{unit}", Kind.INTEGER
        owner = owner or _owner_for(state, cls, word.i)
        if owner:
            state.facts.append(
                AttributeFact(
                    prov=_prov(state, row.id, row.priority),
                    entity=owner,
                    name=name,
                    kind=kind,
                    enum_values=values if kind is Kind.ENUM else [],
                )
            )


_TIME_UNITS = ("seconds", "minutes", "hours", "days", "weeks", "months", "years")
_CLAUSE_END = ("(", "—", "–", ":", ",", ";", ".")


def _in_recorded_list(sent: Sentence, t: Token) -> bool:
    """The token sits under a verb that records or has values ("stores how many …", "has … and how often
    …", "keep a count of how many …")."""
    seen = 0
    while t.head != t.i and seen < 12:
        t, seen = sent.tokens[t.head], seen + 1
        if t.pos in ("VERB", "AUX") and t.lemma in (*_LISTING, "have", "include", "contain", "list"):
            return True
    return False


def _values_after(sent: Sentence, k: int) -> list[str]:
    """Values right after token ``k``, in parentheses or after a dash or colon."""
    if k + 1 >= len(sent.tokens):
        return []
    at = _named("value").model_copy(update={"head": k})
    return _enum_after(sent, at) if sent.tokens[k + 1].text == "(" else _enum_listed(sent, at)


_WHEN_NOUNS = ("date", "time", "moment", "day")
_SPAN_VERBS = ("start", "end", "open", "close", "expire", "begin", "finish", "lapse")
_LISTING = (*RECORDING_VERBS, "carry", "remember")


_CONDITION_MARKS = ("when", "whenever", "once", "after", "if")


def _condition_event(sent: Sentence, t: Token) -> Token | None:
    """ "WHEN a pass is blocked THE System SHALL record the time", "once a site is decommissioned we store
    the date", "WHEN a badge is printed … record the time of printing": a bare date or time that the clause
    under a condition records is the time of the condition's event; the event's verb, or None."""
    toks = sent.tokens
    if t.dep != "dobj" or sent.children(t.i, "compound", "amod", "relcl", "acl", "poss", "nummod"):
        return None
    if len(list_items(sent, t)) > 1:
        return None  # "WHEN a shift is planned … record the date, the start and the end": the shift's own
    gerund: Token | None = None
    preps = sent.children(t.i, "prep")
    if preps:
        objs = sent.children(preps[0].i, "pobj") if len(preps) == 1 and preps[0].lower == "of" else []
        if len(objs) != 1 or not objs[0].lower.endswith("ing"):
            return None  # "the date of the visit": another event, named by its noun
        gerund = objs[0]
    verb = toks[t.head]
    if verb.pos != "VERB" or verb.lemma not in RECORDING_VERBS:
        return None
    # read from the surface: parsers hang an uncommaed EARS condition anywhere
    if not toks or toks[0].lower not in _CONDITION_MARKS:
        return None
    cond = next((x for x in toks[1 : verb.i] if x.pos in ("VERB", "AUX") and x.lemma != "be"), None)
    if cond is None or not cond.lemma.isalpha() or cond.tag not in ("VBN", "VBZ", "VBP", "VBD"):
        return None
    if cond.tag == "VBN" and toks[cond.i - 1].lemma != "be":
        return None
    if any(x.dep == "dobj" and x.head == cond.i for x in toks):
        return None  # "when a member books a class": the event has an object; it names a thing, not a time
    if gerund is not None and not gerund.lower.startswith(cond.lemma.rstrip("e")):
        return None  # "the time of printing" names this event only when the words agree
    return cond


def _condition_name(cond: Token) -> str:
    return cond.lower if cond.tag == "VBN" else _participle(cond)


def _past_event(sent: Sentence, verb: Token) -> bool:
    """ "… records its state, when the reader signed up and when they confirmed": a past-tense "when"
    clause, without an object, in the list of what a recording verb keeps, names the time of that event
    (a condition, "when a user logs in, …", is in the present and heads no such list)."""
    if verb.tag != "VBD" or not verb.lemma.isalpha() or sent.children(verb.i, "dobj"):
        return False
    if not sent.children(verb.i, "nsubj"):
        return False
    t, seen = verb, 0
    while t.dep in ("conj", "advcl", "relcl", "dobj", "appos") and seen < 8:
        t, seen = sent.tokens[t.head], seen + 1
        if t.pos == "VERB" and t.lemma in _LISTING:
            return True
    return False


def _particles(sent: Sentence, verb: Token) -> list[str]:
    return [c.lower for c in sent.children(verb.i, "prt")]


def _when_participle(sent: Sentence, t: Token) -> str:
    """ "the date it was signed", "the date they joined", "the moment the member enrolled": the event the
    date is of, as a participle (signed, joined, enrolled); "" when the noun is no such date."""
    for c in sent.children(t.i, "relcl"):
        if c.tag == "VBN":
            return c.lower
        subject = sent.children(c.i, "nsubj")
        if c.tag == "VBD" and subject and not sent.children(c.i, "dobj") and c.lemma.isalpha():
            return _participle(c)
        bare = sent.children(c.i, "dobj")
        if (
            c.tag == "VBD"
            and subject
            and len(bare) == 1
            and bare[0].pos == "NOUN"
            and bare[0].i == c.i + 1
            and not sent.children(bare[0].i, "det", "poss", "amod", "compound")
            and c.lemma.isalpha()
        ):
            return f"{_participle(c)}_{bare[0].lower}"  # "the date it entered service" → entered_service_on
        if (
            c.tag == "VBD"
            and subject
            and len(bare) == 1
            and sent.children(bare[0].i, "det", "poss")
            and not sent.children(c.i, "ccomp", "xcomp")
            and c.lemma.isalpha()
        ):
            return _participle(c)  # "the date they joined the co-op" → joined_on
        if c.tag == "VBZ" and subject and not sent.children(c.i, "dobj", "aux") and c.lemma in _SPAN_VERBS:
            return c.lower  # "the date it starts" → starts_on, "the time it closes" → closes_at
        if subject and (state := _bound_state(sent, c)):
            return state  # "the date it is valid until" → valid_until
    # the parser may hang "the member enrolled" on the main verb instead: read the surface
    toks = sent.tokens
    k = t.i + 1
    while k < len(toks) and toks[k].pos == "DET":
        k += 1
    if k + 1 < len(toks) and toks[k].dep == "nsubj" and toks[k].pos in ("NOUN", "PROPN", "PRON"):
        v = toks[k + 1]
        objects = sent.children(v.i, "dobj")
        determined = len(objects) == 1 and bool(sent.children(objects[0].i, "det", "poss"))
        if v.tag == "VBD" and toks[k].head == v.i and (not objects or determined) and v.lemma.isalpha():
            return _participle(v)  # "… and the date they joined the co-op", the clause hung on "members"
        span = v.tag == "VBZ" and v.lemma in _SPAN_VERBS
        if span and toks[k].head == v.i and not sent.children(v.i, "dobj"):
            return v.lower  # "the rent and the day it expires": the clause hung on "rent"
        if toks[k].head == v.i and (state := _bound_state(sent, v)):
            return state  # "a permit number and the date it is valid until": the clause hung on "number"
    if k + 2 < len(toks) and toks[k].dep == "nsubjpass" and toks[k + 1].dep == "auxpass":
        v = toks[k + 2]
        if v.tag == "VBN" and toks[k].head == v.i and v.lemma.isalpha():
            return v.lower  # "the total and the moment it was issued": the clause hung on "total"
    return _bare_participle(sent, t)


# participles after "the time" that measure a span, not a moment ("the time taken", "the time spent")
_PHRASE_ENDS = {"and", "or", "by", "in", "on"}  # words after a bare participle that end its phrase
_SPAN_PARTICIPLES = {"take", "spend", "need", "require", "allow", "allot", "budget", "last", "remain", "work"}


def _dated_clause(state: _State, cl: Clause) -> bool:
    """The clause is the event a date or moment names ("the date they lost the item", "the moment the
    member enrolled"), however the parser hung it."""
    toks = state.sent.tokens
    verb = toks[cl.verb]
    if verb.dep == "relcl" and toks[verb.head].lemma in _WHEN_NOUNS:
        return True
    subjects = state.sent.children(verb.i, "nsubj")
    return bool(subjects) and subjects[0].i > 0 and toks[subjects[0].i - 1].lemma in _WHEN_NOUNS


def _timed_noun(state: _State, c: Chunk) -> bool:
    """A bare date or moment whose event the time row names ("the date they joined", "the moment it was
    issued"): a value of its owner, never a thing or a party to a verb."""
    return (
        c.head >= 0
        and len(c.words) == 1
        and c.words[0] in _WHEN_NOUNS
        and bool(
            _when_participle(state.sent, state.sent.tokens[c.head])
            or _condition_event(state.sent, state.sent.tokens[c.head]) is not None
        )
    )


def _time_span(state: _State, c: Chunk) -> tuple[str, Kind] | None:
    """ "the time taken", "the time spent in minutes": a span of time, not a moment (time_taken, a duration;
    time_spent_minutes with its unit)."""
    toks = state.sent.tokens
    if c.head < 0 or c.words != ["time"] or c.head + 1 >= len(toks):
        return None
    v = toks[c.head + 1]
    if v.tag not in ("VBN", "VBD") or v.lemma not in _SPAN_PARTICIPLES or not v.lower.isalpha():
        return None
    name = f"time_{v.lower}"
    unit = _unit_at(state.sent, c.head, c.head_word)
    return (_in_unit(name, unit, state.ctx) if unit else None) or (name, Kind.DURATION)


def _bare_participle(sent: Sentence, t: Token) -> str:
    """ "the date applied", "the date removed", "the time recorded": a bare participle right after the
    determined date names its event, however the parser hung it; the participle has no object and ends the
    phrase (a separator, a preposition or the end follows)."""
    toks = sent.tokens
    opens = t.i == 0 or toks[t.i - 1].lower in ("the", "a", ",", ":", "and")  # "…, date joined, …"
    if not opens or t.i + 1 >= len(toks):
        return ""
    k = t.i + 1
    if toks[k].pos == "ADV" and toks[k].lower.endswith("ly"):
        k += 1  # "the date actually returned"
    v = toks[k] if k < len(toks) else toks[t.i]
    after = toks[k + 1] if k + 1 < len(toks) else None
    if (
        v.pos != "VERB"
        or v.tag not in ("VBN", "VBD")
        or not v.lower.endswith(("ed", "en", "t"))
        or v.lemma in _SPAN_PARTICIPLES
        or not v.lemma.isalpha()
        or sent.children(v.i, "dobj", "attr", "nsubjpass")
        or not (after is None or after.text in (",", ".", ";", ")") or after.lower in _PHRASE_ENDS)
        or (
            after is not None
            and after.lower == "in"
            and k + 2 < len(toks)
            and toks[k + 2].lower in _TIME_UNITS
        )
    ):
        return ""  # "the time spent in minutes" measures a span, it names no moment
    return _participle(v)


def _bound_state(sent: Sentence, verb: Token) -> str:
    """ "it is valid until", "it is available from": a state and the stranded preposition that bounds it in
    time (valid_until); "" when the preposition has an object of its own ("valid for travel")."""
    if verb.lemma != "be":
        return ""
    state_word = sent.children(verb.i, "acomp")
    stranded = [
        p
        for p in sent.children(verb.i, "prep") + [p for a in state_word for p in sent.children(a.i, "prep")]
        if p.lower in _BOUND_PREPS and _ends_phrase(sent, p.i)
    ]
    if len(state_word) == 1 and stranded:
        return f"{state_word[0].lower}_{stranded[0].lower}"
    return ""


def _ends_phrase(sent: Sentence, i: int) -> bool:
    """Nothing follows the word in its phrase: "valid until, and …", "valid until." (a stranded preposition,
    whatever the parser hung on it)."""
    nxt = sent.tokens[i + 1] if i + 1 < len(sent.tokens) else None
    return nxt is None or nxt.lower in (",", ".", ";", "and", "or", ")")


# prepositions that end a validity ("valid until", "available from"): the name needs no _on / _at
_BOUND_PREPS = ("until", "till", "from", "since", "through")


def _participle(v: Token) -> str:
    """The past participle of a verb in the past tense: the spec's own spelling when it is regular
    ("enrolled"), the dictionary's when not ("threw" → thrown)."""
    made = past_participle(v.lemma)
    return v.lower if made.endswith("ed") and v.lower.endswith("ed") else made


def _number_before(toks: list[Token], k: int) -> float | None:
    value: float | None = None
    j = k
    mult = 1
    while j >= 0 and toks[j].lower in _MULTIPLIERS:
        mult *= _MULTIPLIERS[toks[j].lower]
        j -= 1
    if j >= 0:
        raw = toks[j].text.replace(",", "")
        try:
            value = float(raw)
        except ValueError:
            value = NUMBER_WORDS.get(toks[j].lower)
    return value * mult if value is not None else None


def _volume(state: _State, row: Row, cls: list[Clause]) -> None:
    toks = state.sent.tokens
    for t in toks:
        if t.pos != "NOUN" or t.tag != "NNS":
            continue
        n = _number_before(toks, t.i - 1)
        if n is None or n < 100:
            continue
        period = next((x.lemma for x in toks[t.i + 1 : t.i + 6] if x.lemma in _PERIODS), None)
        if period is None:
            continue
        c = _chunk(state, t.i)
        if c is not None and _thing(c, state.ctx):
            state.facts.append(
                EntityFact(
                    prov=_prov(state, row.id, row.priority),
                    name=c.name,
                    evidence="referenced",
                    volume_per_month=int(n / _PERIODS[period]),
                )
            )
            return


def _retention(state: _State, row: Row, cls: list[Clause]) -> None:
    """ "Readings are kept for 90 days", "Readings older than 90 days are deleted"."""
    toks = state.sent.tokens
    for cl in cls:
        if cl.lemma not in (
            "keep",
            "retain",
            "store",
            "delete",
            "purge",
            "remove",
            "archive",
            "expire",
            "hold",
            "drop",
        ):
            continue
        for t in toks:
            if t.lemma in _DAYS:
                n = _number_before(toks, t.i - 1)
                if n is None:
                    continue
                for s in cl.subjects:
                    if _thing(s, state.ctx):
                        state.facts.append(
                            EntityFact(
                                prov=_prov(state, row.id, row.priority),
                                name=s.name,
                                evidence="referenced",
                                retention_days=int(n * _DAYS[t.lemma]),
                            )
                        )
                return


_GONE_WORDS = ("deleted", "archived", "removed")


def _soft_delete(state: _State, row: Row, cls: list[Clause]) -> None:
    text = state.sent.text.lower()
    if "soft" in text and "delet" in text:
        hit = True
    else:
        hit = any(cl.lemma in ("restore", "recover", "undelete") and not cl.negated for cl in cls) or (
            any(cl.lemma in ("keep", "retain", "hide") and not cl.negated for cl in cls)
            and any(t.lower in _GONE_WORDS for t in state.sent.tokens)
        )
    if not hit:
        return
    # "deleted projects can be restored": the noun the participle describes; else the deleted subject
    described = (
        _chunk(state, t.head) for t in state.sent.tokens if t.lower in _GONE_WORDS and t.dep == "amod"
    )
    deleted = [cl for cl in cls if cl.lemma in ("delete", "remove", "archive")] or cls
    subjects = (s for cl in deleted for s in cl.subjects)
    target = next((c for c in (*described, *subjects) if c is not None and _thing(c, state.ctx)), None)
    if target is not None:
        state.facts.append(
            EntityFact(
                prov=_prov(state, row.id, row.priority),
                name=target.name,
                evidence="referenced",
                soft_delete=True,
            )
        )


def _access(state: _State, row: Row, cls: list[Clause]) -> None:
    for cl in cls:
        if cl.lemma not in row.verbs or cl.negated:
            continue
        targets = [
            o
            for o in cl.objects + cl.prep("for")
            if _thing(o, state.ctx) and (o.plural or o.name in state.ctx.known)
        ]
        if not targets:
            continue
        target = targets[0]
        equality: list[str] = []
        sort: list[str] = []
        if target.possessor is not None:
            pc = _chunk(state, target.possessor)
            if pc is not None:
                equality.append(pc.name)
        attached = [
            c
            for p in state.sent.children(target.head, "prep")
            if p.lower in ("per", "of", "in", "for", "by")
            for pobj in state.sent.children(p.i, "pobj")
            if (c := _chunk(state, pobj.i)) is not None
        ]
        for c in cl.prep("per", "of", "in", "for") + attached:
            if c.name != target.name and _thing(c, state.ctx) and c.name not in equality:
                equality.append(c.name)
        for c in cl.prep("by"):
            (sort if state.sent.tokens[cl.verb].lemma in ("sort", "order", "rank") else equality).append(
                c.name
            )
        for t in state.sent.tokens:  # "sorted by due date" hangs on the object as a participle
            if t.lemma in ("sort", "order", "rank") and t.i != cl.verb:
                for p in state.sent.children(t.i, "prep", "agent"):
                    for pobj in state.sent.children(p.i, "pobj"):
                        c = _chunk(state, pobj.i)
                        if c is not None:
                            sort.append(c.name)
        if equality or sort:
            state.facts.append(
                IndexFact(
                    prov=_prov(state, row.id, row.priority),
                    entity=target.name,
                    equality=equality,
                    sort=sort,
                    description=state.sent.text[:160],
                )
            )
        return


_PASSIVE_RECORDING = ("record", "log", "register", "create", "keep", "store", "file", "enter", "note", "open")


def _recorded_subject(state: _State, host: Token) -> Chunk | None:
    """ "A deferral is recorded against one donor with a reason …": the with-phrase on the passive recording
    verb's prepositional object describes what is recorded, not that object."""
    toks = state.sent.tokens
    if host.dep != "pobj" or toks[host.head].dep != "prep":
        return None
    verb = toks[toks[host.head].head]
    if verb.pos != "VERB" or verb.tag != "VBN" or verb.lemma not in _PASSIVE_RECORDING:
        return None
    for s in state.sent.children(verb.i, "nsubjpass"):
        c = _chunk(state, s.i)
        if c is not None and _thing(c, state.ctx) and not is_value(c, state.ctx):
            return c
    return None


def _recorded_object(state: _State, host: Token) -> Chunk | None:
    """ "record visitor stays on a berth with the arrival date …", "record a tenancy linking a member to a
    plot with a start date …": a with-phrase on a noun inside the recorded object's own phrase (its
    prepositional object, or the object of a participle on it) describes the recorded thing."""
    toks = state.sent.tokens
    n, steps = host, 0
    while steps < 4:
        up: Token | None = None
        if n.dep == "pobj" and toks[n.head].dep == "prep":
            up = toks[toks[n.head].head]
        elif n.dep == "dobj" and toks[n.head].dep == "acl":
            up = toks[n.head]
        if up is None or up.i == n.i:
            return None
        if up.pos == "VERB" and up.lemma in RECORDING_VERBS and n.dep == "pobj":
            # "store pallets on a rack with a weight …": the phrase hangs on the verb; its object is recorded
            objs = [o for o in state.sent.children(up.i, "dobj") if o.i < n.i]
            return _recorded_thing(state, objs[0]) if objs else None
        if up.pos == "VERB" and up.dep == "acl" and up.tag in ("VBG", "VBN"):
            up = toks[up.head]  # the participle's noun
        if up.pos not in ("NOUN", "PROPN"):
            return None
        n, steps = up, steps + 1
        verb = toks[n.head]
        if n.dep == "dobj" and verb.pos == "VERB" and verb.lemma in RECORDING_VERBS:
            return _recorded_thing(state, n)
    return None


def _recorded_thing(state: _State, noun: Token) -> Chunk | None:
    c = _chunk(state, noun.i)
    return c if c is not None and _thing(c, state.ctx) and not is_value(c, state.ctx) else None


def _recorded_participle_noun(state: _State, verb: Token) -> Chunk | None:
    """ "record a placement linking a student to a company with a start date": a with-phrase on a
    participle that describes the recorded object gives that object its values."""
    toks = state.sent.tokens
    if verb.dep != "acl" or verb.tag not in ("VBG", "VBN"):
        return None
    noun = toks[verb.head]
    outer = toks[noun.head]
    if noun.dep == "dobj" and outer.pos == "VERB" and outer.lemma in RECORDING_VERBS:
        return _recorded_thing(state, noun)
    return None


def _each_counted(state: _State, row: Row, cls: list[Clause]) -> None:
    """ "record vans, each based at one depot, …", "hires, each for one van": a distributive "each" after a
    plural, with a phrase counting exactly one other thing (on "each" or on a participle hanging on it),
    links every one of the plural's things to that thing."""
    sent, ctx = state.sent, state.ctx
    for each in sent.tokens:
        plural = each_antecedent(sent, each)
        owner = _chunk(state, plural.i) if plural is not None else None
        if owner is None or not _thing(owner, ctx) or is_value(owner, ctx) or owner.head_word in PRONOUNS:
            continue
        hosts = [each, *(c for c in sent.children(each.i, "acl", "relcl") if c.tag == "VBN")]
        if each.dep in ("nsubj", "nsubjpass") and sent.tokens[each.head].tag == "VBN":
            hosts.append(sent.tokens[each.head])  # "dogs, each housed in one kennel" read as a clause
        for host in hosts:
            for p in sent.children(host.i, "prep", "agent"):
                if p.lower not in row.preps:
                    continue
                for o in sent.children(p.i, "pobj"):
                    c = _chunk(state, o.i)
                    if c is None or c.name == owner.name or not _counted_one(state, c):
                        continue
                    if not _thing(c, ctx) or is_value(c, ctx) or _is_actor(c, ctx):
                        continue
                    prov = _prov(state, row.id, row.priority)
                    state.facts.append(EntityFact(prov=prov, name=owner.name, evidence="subject"))
                    state.facts.append(EntityFact(prov=prov, name=c.name, evidence="referenced"))
                    state.facts.append(RelationshipFact(prov=prov, child=owner.name, parent=c.name))


def _defined_by_aside(state: _State, at: int) -> Chunk | None:
    """ "A tenant is a person renting a flat, identified by a national ID, with a name and a phone": an
    aside set off by a comma after the predicate of a definition describes the thing defined, not the
    noun it happens to follow."""
    toks = state.sent.tokens
    root = next((t for t in toks if t.dep == "ROOT"), None)
    if root is None or root.lemma != "be" or not (root.i < at and at > 0 and toks[at - 1].text == ","):
        return None
    subject = next((x for x in state.sent.children(root.i, "nsubj") if x.pos in ("NOUN", "PROPN")), None)
    if subject is None or not state.sent.children(root.i, "attr", "ccomp"):
        return None
    return _chunk(state, subject.i)


def _with_list(state: _State, row: Row, cls: list[Clause]) -> None:
    toks = state.sent.tokens
    for t in toks:
        if t.lower not in row.preps or t.dep != "prep":
            continue
        host = toks[t.head]
        owner: Chunk | None = None
        if host.lower == "each" and (plural := each_antecedent(state.sent, host)) is not None:
            owner = _chunk(state, plural.i)  # "several departments, each with a name": the departments'
        elif host.lower == "each" and host.dep == "appos":
            owner = _chunk(state, host.head)
        elif host.lower == "each":  # "holds books, each with a title": the nearest noun before "each"
            before = [x for x in state.sent.tokens[: host.i] if x.pos in ("NOUN", "PROPN")]
            owner = _chunk(state, before[-1].i) if before else None
        elif host.pos in ("NOUN", "PROPN"):
            owner = (
                _recorded_subject(state, host)
                or _recorded_object(state, host)
                or _chunk(state, _of_the_head(state.sent, host))
            )
        elif host.lemma == "be":  # "A label is a project-scoped tag with a colour": the subject's values
            be_subjects = state.sent.children(host.i, "nsubj")
            owner = _chunk(state, be_subjects[0].i) if be_subjects else None
        elif host.pos == "VERB" and (recorded := _recorded_participle_noun(state, host)) is not None:
            owner = recorded
        elif host.pos == "VERB":
            objs = (
                _noun_objects(state.sent, host.i)
                or _partitive_objects(state.sent, host.i)  # "add each of my children with their name"
                or unattached_object(state.sent, host, passive=False)
            )
            if not objs and host.dep in ("advcl", "conj") and host.head != host.i:
                # "register an animal when it arrives, with its name …": the with-phrase hangs on the
                # adverbial clause; what it describes is the main verb's object
                objs = _noun_objects(state.sent, host.head)
            if not objs and host.dep in ("acl", "relcl") and toks[host.head].pos in ("NOUN", "PROPN"):
                # "teams belonging to a league with a name …", "every animal that arrives with its name …":
                # the with-phrase hangs on the participle or relative clause; it describes their noun
                objs = [toks[host.head]]
            owner = _chunk(state, objs[0].i) if objs else None
        owner = _defined_by_aside(state, t.i) or owner
        if owner is not None and owner.head in state.defined:
            owner = _hint_chunk(state)
        elif owner is not None and _under(state.sent, owner.head, state.counted_defined):
            owner = _hint_chunk(state)  # "one product on one paper stock with a quantity": the line's values
        if owner is not None and owner.head >= 0 and not owner.plural:
            owner = _agreeing_owner(state, t, owner)
        if (
            owner is not None
            and host.pos == "VERB"
            and owner.words[-1] in _OWN_RECORDS
            and owner.name not in state.ctx.known
        ):
            # "Runners create an account with their first name, …": the account is the runner's own record
            subject = next((_chunk(state, x.i) for x in state.sent.children(host.i, "nsubj")), None)
            if subject is not None and _thing(subject, state.ctx) and not is_value(subject, state.ctx):
                state.own_records.add(owner.name)
                owner = subject
        value = owner is not None and is_value(owner, state.ctx) and not _described(state.sent, owner)
        if owner is None or not _thing(owner, state.ctx) or value:
            continue  # "the weight of honey in kilograms (with two decimals)": a value has no attributes
        pobjs = [p for p in state.sent.children(t.i, "pobj") if p.pos in ("NOUN", "PROPN")]
        items: list[Chunk] = []
        for p in pobjs[:1]:  # the list is read from the surface: parsers attach long lists unpredictably
            for x in list_items(state.sent, p):
                c = _chunk(state, x.i)
                if c is not None and c.end < len(toks) and toks[c.end].lower == t.lower and x.i > p.i:
                    break  # "comments with an author, and attachments with a size": a second thing, listed
                if c is not None and all(c.head != i.head for i in items):
                    items.append(c)
        values = [c for c in items if is_value(c, state.ctx) or _enum_after(state.sent, c)]
        if not values:
            continue
        whose = _chunk(state, items[0].possessor) if items and items[0].possessor is not None else None
        by_verb = host.pos == "VERB" or host.dep == "pobj"  # the with-phrase on the verb or on its goal
        # the possessive covers the whole list only when the later items are bare ("the volunteer's name,
        # email and phone"); "the landowner's name, the site address" gives only the first to the landowner
        shared = len(items) > 1 and all(
            c.start >= 0 and toks[c.start].pos not in ("DET", "PRON") and c.possessor is None
            for c in items[1:]
        )
        whose = whose if shared else None
        if whose is not None and by_verb and _thing(whose, state.ctx) and not is_value(whose, state.ctx):
            owner = whose  # "signs up for an event with the volunteer's name, email and phone"
        state.facts.append(
            EntityFact(prov=_prov(state, row.id, row.priority), name=owner.name, evidence="has_attributes")
        )
        for c in sorted(items, key=lambda c: c.head):
            listed = _enum_after(state.sent, c)
            if (c.plural or c.card.many) and listed and _names_attributes(listed, state.ctx):
                # "each with a body and optional attachments (file name, size)": a child with its own fields
                prov = _prov(state, row.id, row.priority)
                state.facts.append(EntityFact(prov=prov, name=c.name, evidence="has_attributes"))
                for v in listed:
                    state.facts.append(AttributeFact(prov=prov, entity=c.name, name=v))
                state.facts.append(RelationshipFact(prov=prov, child=c.name, parent=owner.name))
            else:
                _attribute(state, owner.name, c, row.id, row.priority, None)


def _participle_list(state: _State, row: Row, cls: list[Clause]) -> None:
    """ "propose a talk, giving a title, an abstract and a level", "a profile holding my full name, my email
    and a short bio": a participle that lists values gives them to the thing the clause is about (the
    main verb's object, or the noun the participle hangs on)."""
    toks, ctx = state.sent.tokens, state.ctx
    for t in toks:
        if t.tag != "VBG" or t.lemma not in row.verbs or t.dep not in ("advcl", "acl", "xcomp", "conj"):
            continue
        host = toks[t.head]
        if t.dep == "acl" and host.pos in ("NOUN", "PROPN"):
            owner = _chunk(state, host.i)
        elif host.pos in ("VERB", "AUX") and t.dep != "acl":
            objs = _noun_objects(state.sent, host.i)
            owner = _chunk(state, objs[0].i) if objs else None
        else:
            continue
        if owner is not None and owner.head_word in _GENERIC_RECORDS:
            # "keep one record per room, holding the floor and the type": the room's values
            per = [c for c in _prep_chunks(state, owner, "per", "for", "of") if _thing(c, ctx)]
            owner = per[0] if per else None
        if owner is None or not _thing(owner, ctx) or is_value(owner, ctx):
            continue
        first = next((x for x in state.sent.children(t.i, "dobj")), None)
        if first is None:
            continue
        items = [c for x in list_items(state.sent, first) if (c := _chunk(state, x.i)) is not None]
        if sum(is_value(c, ctx) for c in items) < 2:
            continue  # "holding two bikes": things, not values
        _contents(state, owner, items, row.id, row.priority, None)


def _agreeing_owner(state: _State, prep: Token, owner: Chunk) -> Chunk:
    """ "the rooms we rented for an edition with their capacity": "their" cannot be the edition's; the
    values belong to the nearest plural thing before it."""
    toks = state.sent.tokens
    first = next((x for x in toks[prep.i + 1 : prep.i + 4] if x.pos in ("NOUN", "PROPN")), None)
    if first is None or not any(d.lower == "their" for d in state.sent.children(first.i, "poss")):
        return owner
    for x in reversed(toks[: owner.start]):
        if x.pos in ("NOUN", "PROPN") and x.tag in ("NNS", "NNPS"):
            c = _chunk(state, x.i)
            if c is not None and c.head == x.i and _thing(c, state.ctx) and not is_value(c, state.ctx):
                return c
    return owner


def _of_the_head(sent: Sentence, host: Token) -> int:
    """ "a new edition of the conference with its name, year and host city": the with-phrase describes the
    edition, not "the conference" it is of; "a copy of a book with a barcode" describes the copy too."""
    if host.dep != "pobj" or host.head == host.i:
        return host.i
    prep = sent.tokens[host.head]
    of_head = sent.tokens[prep.head]
    definite = any(d.lower == "the" for d in sent.children(host.i, "det"))
    if prep.lower == "of" and of_head.pos in ("NOUN", "PROPN") and definite and not host.tag.endswith("S"):
        return of_head.i
    return host.i


def _noun_objects(sent: Sentence, verb: int) -> list[Token]:
    return [o for o in sent.children(verb, "dobj") if o.pos in ("NOUN", "PROPN")]


def _partitive_objects(sent: Sentence, verb: int) -> list[Token]:
    """ "each of my children", "all of the rooms" as the object: the things the pronoun picks from."""
    return [
        x
        for o in sent.children(verb, "dobj")
        if o.lower in ("each", "all", "some", "any", "one", "both", "every")
        for p in sent.children(o.i, "prep")
        if p.lower == "of"
        for x in sent.children(p.i, "pobj")
        if x.pos in ("NOUN", "PROPN")
    ]


def _prep_objects(state: _State, verb: int, words: tuple[str, ...]) -> list[Chunk]:
    """The objects of the verb's prepositions and of prepositions hung on those ("from X to Y")."""
    toks, out = state.sent.tokens, []
    for t in toks:
        if t.dep != "pobj" or toks[t.head].lower not in words:
            continue
        k, seen = t.head, 0
        while toks[k].head != verb and toks[k].dep in ("prep", "pobj") and toks[k].head != k and seen < 6:
            k, seen = toks[k].head, seen + 1
        if toks[k].head == verb and toks[k].dep == "prep" and (c := _chunk(state, t.i)) is not None:
            out.append(c)
    return out


def _takes_place(state: _State, row: Row, cl: Clause) -> None:
    """ "A session takes place on a particular date, from an opening time to a closing time": the times an
    event is held at are its values (date, opening_time, closing_time)."""
    held = (cl.lemma == "take" and any(o.head_word == "place" for o in cl.objects)) or (
        cl.lemma in ("happen", "occur") or (cl.lemma == "hold" and cl.passive)
    )
    if not held or cl.negated:
        return
    subjects = [s for s in cl.subjects if _thing(s, state.ctx) and not is_value(s, state.ctx)]
    if not subjects:
        return
    owner = subjects[0].name
    seen: set[str] = set()
    for c in _prep_objects(state, cl.verb, ("on", "at", "from", "to", "between", "until")):
        kind = state.ctx.lexicon.kind_for_name(c.name)
        if kind in (Kind.DATE, Kind.TIMESTAMP, Kind.TIME) and c.name not in seen:
            seen.add(c.name)
            _attribute(state, owner, c, row.id, row.priority, cl)
    if seen:
        state.facts.append(
            EntityFact(prov=_prov(state, row.id, row.priority), name=owner, evidence="subject")
        )


def _given(state: _State, row: Row, cl: Clause) -> None:
    """ "The team gives each appeal a short web address", "the clerk assigns every ticket a reference
    number and a priority": what is given to a thing is its value."""
    if cl.negated or (cl.key not in row.verbs and cl.lemma not in row.verbs) or cl.passive:
        return
    objs = sorted(cl.objects, key=lambda o: o.head)
    toks = state.sent.tokens
    recipient: Chunk | None = objs[0] if len(objs) >= 2 else None
    values = objs[1:]
    pronoun = [t for t in state.sent.children(cl.verb, "dative", "dobj") if t.lower in ("it", "them")]
    if pronoun and objs and pronoun[0].i < objs[0].head and state.previous:
        recipient, values = _named(state.previous), objs  # "… and gives it a short web address"
    if recipient is None or not values or not _thing(recipient, state.ctx) or is_value(recipient, state.ctx):
        return
    if not pronoun and not _established(recipient, state.ctx):
        return  # a thing the spec talks about elsewhere (or the topic "it" points back to)
    if toks[recipient.head].dep not in ("dative", "dobj") and not pronoun:
        return
    values = [v for v in values if is_value(v, state.ctx) and not v.plural and not _established(v, state.ctx)]
    if values:
        _contents(state, recipient, values, row.id, row.priority, cl, children=False)


_TIME_WORDS = {*_WHEN_NOUNS, "datetime", "timestamp"}


def _spans(state: _State, row: Row, cl: Clause) -> None:
    """ "Every appeal runs from an opening date to a closing date", "a season lasts from a start date until
    an end date": the two ends of a period are values of the thing that lasts."""
    if cl.negated or cl.lemma not in row.verbs or not cl.subjects:
        return
    ends = [c for p in row.preps for c in cl.prep(p)]
    starts = cl.prep("from")
    if not starts or not ends or not all(c.head_word in _TIME_WORDS for c in [*starts, *ends]):
        return
    s = cl.subjects[0]
    if _thing(s, state.ctx) and not is_value(s, state.ctx):
        _contents(state, s, [*starts, *ends], row.id, row.priority, cl, children=False)


def _tracked_by(state: _State, row: Row, cl: Clause) -> None:
    """ "The system tracks every bike by its frame number, its type and its status", "we list boats by
    their sail number and class": the values after "by" are the tracked thing's own."""
    ctx = state.ctx
    if cl.negated or cl.passive or cl.lemma not in row.verbs:
        return
    by = [c for c in cl.prep("by") if c.head >= 0 and c.head_word not in PRONOUNS]
    if not by:
        return
    # the parser may hang the rest of the list on the verb as more objects
    values = by + [o for o in cl.objects if o.head > by[0].head and o.name not in {c.name for c in by}]
    owner = next((o for o in cl.objects if _thing(o, ctx) and not is_value(o, ctx)), None)
    if len(values) < 2 or owner is None or owner.head > by[0].head:
        return
    if not (owner.plural or _each(state, owner, "for")):
        return  # "we track the delivery by its number": one thing in a scenario, not every one
    _contents(state, owner, values, row.id, row.priority, cl, children=False)


def _gives_own(state: _State, row: Row, cl: Clause) -> None:
    """ "A hiker gives their full name, e-mail address and phone number", "customers enter their address":
    what someone hands over as their own is theirs to store."""
    ctx = state.ctx
    if cl.negated or cl.passive or cl.lemma not in row.verbs or not cl.objects or not _descriptive(state, cl):
        return  # "WHEN a member gives their card details THEN …": a step, whose rule says what is kept
    owner = next((s for s in cl.subjects if _thing(s, ctx) and not is_value(s, ctx) and s.head >= 0), None)
    if owner is None or state.sent.children(cl.verb, "dative"):
        return  # "the team gives each appeal a web address": given to another (possession.given)
    own = {"their"} if owner.plural else {"their", "his", "her", "its"}
    values = [o for o in cl.objects if o.head >= 0 and o.name != owner.name]
    if not values or not any(t.lower in own for t in state.sent.children(values[0].head, "poss")):
        return
    if any(_established(v, ctx) and not is_value(v, ctx) for v in values):
        return  # "members give their boat to the club": a thing of the spec's own, not a value
    _contents(state, owner, values, row.id, row.priority, cl, children=False)


_CLAUSE_CONSTRUCTIONS: dict[str, Callable[[_State, Row, Clause], None]] = {
    "tracked_by": _tracked_by,
    "gives_own": _gives_own,
    "identified_by": _identified_by,
    "given": _given,
    "spans": _spans,
    "possession": _possession,
    "recorded_for": _recorded_for,
    "passive_values": _passive_values,
    "passive_with": _passive_with,
    "belonging": _belonging,
    "interaction": _interaction,
    "counted_object": _counted_object,
    "unique_adjective": _unique_adjective,
    "event": _event,
    "interaction_prep": _interaction_prep,
    "links": _links,
    "passive_counted": _passive_counted,
    "signs_up_with": _signs_up_with,
    "takes_place": _takes_place,
    "shared_by": _shared_by,
    "self_reference": _self_reference,
}


def _both_ways(state: _State, row: Row, cls: list[Clause]) -> None:
    """ "One apartment can have many amenities, and each amenity appears in many apartments": two
    clauses of one sentence, each counting the other's subject as many, state a many-to-many."""
    ctx = state.ctx

    def many_of(cl: Clause) -> dict[str, Chunk]:
        found = [*cl.objects, *(c for cs in cl.preps.values() for c in cs)]
        return {c.name: c for c in found if c.card.many and c.card.stated and _thing(c, ctx)}

    many = [many_of(cl) for cl in cls]
    for k, first in enumerate(cls):
        for m, second in enumerate(cls[k + 1 :], start=k + 1):
            if first.negated or second.negated:
                continue
            for a in first.subjects:
                for b in second.subjects:
                    if a.name == b.name or not (_thing(a, ctx) and _thing(b, ctx)):
                        continue
                    if is_value(a, ctx) or is_value(b, ctx):
                        continue
                    if b.name in many[k] and a.name in many[m]:
                        prov = _prov(state, row.id, row.priority)
                        state.facts.append(EntityFact(prov=prov, name=a.name, evidence="subject"))
                        state.facts.append(EntityFact(prov=prov, name=b.name, evidence="subject"))
                        event = _event_here(state, first.lemma) or _counted_gerund(state, first.lemma)
                        if event and event not in (a.name, b.name):
                            # "…; for each viewing we record …": the pairing is the event the spec names
                            state.facts.append(EntityFact(prov=prov, name=event, evidence="event"))
                            for end in (a.name, b.name):
                                state.facts.append(RelationshipFact(prov=prov, child=event, parent=end))
                            continue
                        state.facts.append(
                            RelationshipFact(
                                prov=prov, child=a.name, parent=b.name, cardinality=Cardinality.MANY_TO_MANY
                            )
                        )


_REIFIERS = {"fact", "event", "record", "occasion", "situation", "combination", "statement", "assignment"}
_PARTICULAR = {"particular", "given", "specific", "certain"}


def _reified_fact(state: _State, row: Row, cls: list[Clause]) -> None:
    """ "A lesson is the fact that, during a particular term, a particular class is taught a particular
    subject by a particular teacher": the defined thing records one of each thing the clause singles out;
    what is singled out by "a given …" and is only a value ("on a given weekday") is its value."""
    ctx, sent = state.ctx, state.sent
    toks = sent.tokens
    for cl in cls:
        if cl.lemma != "be" or cl.negated or not cl.subjects:
            continue
        # the token, not the chunk's name: the definition has already made "the fact" a name for the lesson
        fact = next((o for o in cl.objects if o.head >= 0 and toks[o.head].lemma in _REIFIERS), None)
        owner = cl.subjects[0]
        if fact is None or not _thing(owner, ctx) or is_value(owner, ctx):
            continue
        scope = {t.i for t in sent.subtree(fact.head)} - {fact.head}
        prov = _prov(state, row.id, row.priority)
        emitted = False
        for t in toks:
            if t.i not in scope or t.pos not in ("NOUN", "PROPN"):
                continue
            c = _chunk(state, t.i)
            if c is None or c.head != t.i or c.name == owner.name or not _thing(c, ctx):
                continue
            if not any(x.lower in _PARTICULAR for x in toks[max(c.start, t.i - 3) : t.i]):
                continue
            if is_value(c, ctx) and c.name not in ctx.known:
                _attribute(state, owner.name, c, row.id, row.priority, None)
            else:
                state.facts.append(EntityFact(prov=prov, name=c.name, evidence="referenced"))
                state.facts.append(RelationshipFact(prov=prov, child=owner.name, parent=c.name))
            emitted = True
        if emitted:
            state.facts.append(EntityFact(prov=prov, name=owner.name, evidence="subject"))


_STATE_NOUNS = {
    "state", "states", "stage", "stages", "status", "statuses", "step", "steps", "phase", "phases",
}  # fmt: skip
_ARROWS = {"→", "->", "=>", "⟶", "➔"}


def _lifecycle(state: _State, row: Row, cls: list[Clause]) -> None:
    """ "An order moves from pending to paid to shipped", "a claim goes through the states submitted, under
    review and settled", "a ticket moves through `open` → `in_progress` → `closed`": the states a thing
    passes through are the values of its status."""
    toks = state.sent.tokens
    for cl in cls:
        if cl.lemma not in row.verbs or cl.negated or not cl.subjects:
            continue
        k = cl.verb + 1
        object_end = next((o.end for o in cl.objects if o.start == k), None)
        if object_end is not None:
            k = object_end  # "moves the application through …"
        elif k < len(toks) and toks[k].lower == "it":
            k += 1
        while k < len(toks) and toks[k].dep in ("prt", "advmod") and toks[k].lower not in ("through", "from"):
            k += 1
        if k >= len(toks) or toks[k].lower not in ("through", "from"):
            continue
        opener = toks[k].lower
        k += 1
        named_states = False
        while k < len(toks) and (toks[k].pos == "DET" or toks[k].lower in (*_STATE_NOUNS, "of")):
            named_states = named_states or toks[k].lower in _STATE_NOUNS
            k += 1
        values = _state_values(toks[k:], opener)
        if len(values) < (2 if named_states or opener == "from" else 3):
            continue
        s = cl.subjects[0]
        moved = [o for o in cl.objects if o.head < k]
        if moved and _thing(moved[0], state.ctx):
            s = moved[0]  # "the recruiter moves the application through …": the application changes state
        elif not moved and cl.verb + 1 < len(toks) and toks[cl.verb + 1].lower == "it" and state.previous:
            s = _named(state.previous)  # "the recruiter moves it through …"
        owner: Chunk | None = s
        if s.head_word in _STATE_NOUNS:  # "its status moves from open to closed": the status of its owner
            owner = _of_owner(state, s) or (_chunk(state, s.possessor) if s.possessor is not None else None)
            owner = owner or (_named(state.previous) if state.previous else None)
        if owner is None or not _thing(owner, state.ctx) or is_value(owner, state.ctx):
            continue
        _enum_fact(state, row, owner.name, "status", values)


def _state_values(toks: list[Token], opener: str) -> list[str]:
    """The bare values listed from here: separated by commas, "and", "or", "then", arrows, or "to" after
    "from"; it ends at the sentence's end or at anything a bare value never holds (an article, a pronoun,
    a verb with its own subject), and fails when an item is longer than three words."""
    values: list[str] = []
    current: list[str] = []
    for t in toks:
        sep = t.text in (",", "/") or t.text in _ARROWS or t.lower in ("and", "or", "then")
        if opener == "from" and t.lower == "to":
            sep = True
        if sep:
            if current:
                values.append("_".join(current))
            current = []
        elif t.text in ("(", ")", "`", "'", '"'):
            continue
        elif t.text in (".", ";", ":", "!", "?") or t.pos in ("DET", "PRON") or t.dep == "nsubj":
            break
        elif _value_word(t) and len(current) < 3:
            current.append(_value_text(t).strip("`"))
        else:
            return []
    if current:
        values.append("_".join(current))
    return [v for v in values if v]


def _possessive(state: _State, row: Row, cls: list[Clause]) -> None:
    """ "a team's pending invitations", "the patient's visits": the possessed things refer to their owner,
    when both are things the spec talks about and neither is a value."""
    ctx, seen = state.ctx, set()
    for cl in cls:
        if cl.negated:
            continue
        for c in [*cl.subjects, *cl.objects, *(x for cs in cl.preps.values() for x in cs)]:
            if c.possessor is None or (c.name, c.possessor) in seen:
                continue
            seen.add((c.name, c.possessor))
            owner = _chunk(state, c.possessor)
            if owner is None or owner.name == c.name:
                continue
            if not all(_thing(x, ctx) and not is_value(x, ctx) and _established(x, ctx) for x in (c, owner)):
                continue
            prov = _prov(state, row.id, row.priority)
            state.facts.append(RelationshipFact(prov=prov, child=c.name, parent=owner.name))


# nouns that name a person's role toward a thing: "the owner of a pet" is the pet's, not the other way round
_ROLE_NOUNS = {
    "owner", "author", "creator", "manager", "leader", "head", "captain", "holder", "organiser", "organizer",
    "host", "maker", "chair", "founder", "admin", "administrator", "keeper", "sponsor", "operator",
}  # fmt: skip


# verbs that bring their object into being: what it is made "for" is what the object refers to
_MAKING = {"make", "place", "create", "submit", "raise", "file", "open", "issue", "write", "send", "add",
           "request", "post", "generate", "prepare", "produce", "leave", "log", "record"}  # fmt: skip


def _attached(state: _State, row: Row, cls: list[Clause]) -> None:
    """ "the members of a team", "bookings for a court": a thing whose noun phrase carries an of/for phrase
    naming one other thing the spec talks about refers to it (the of/for mirror of the possessive)."""
    ctx, sent, seen = state.ctx, state.sent, set()
    for cl in cls:
        if cl.negated:
            continue
        for c in [*cl.subjects, *cl.objects, *(x for cs in cl.preps.values() for x in cs)]:
            if (
                c.head < 0
                or c.head_word in _ROLE_NOUNS
                or c.head_word in _RELATIONAL
                or _exactly_one(state, c)
            ):
                continue  # "pick one track for my talk": the one counted is the talk's, not the other way
            preps = sent.children(c.head, "prep")
            if cl.lemma in _MAKING and c in cl.objects and len(cl.objects) == 1 and not cl.passive:
                # "players make bookings for a court": what a making verb's object is for is the object's
                preps += [p for p in sent.children(cl.verb, "prep") if p.lower == "for"]
            for prep in preps:
                if prep.lower not in row.preps:
                    continue
                for pobj in sent.children(prep.i, "pobj"):
                    owner = _chunk(state, pobj.i)
                    if owner is None or owner.name == c.name or owner.plural or (c.name, owner.name) in seen:
                        continue
                    if not all(
                        _thing(x, ctx) and not is_value(x, ctx) and _established(x, ctx) for x in (c, owner)
                    ):
                        continue
                    seen.add((c.name, owner.name))
                    prov = _prov(state, row.id, row.priority)
                    state.facts.append(RelationshipFact(prov=prov, child=c.name, parent=owner.name))


_SENTENCE_CONSTRUCTIONS: dict[str, Callable[[_State, Row, list[Clause]], None]] = {
    "both_ways": _both_ways,
    "connector": _connector,
    "reified_fact": _reified_fact,
    "with_list": _with_list,
    "participle_list": _participle_list,
    "there_is_one_per": _there_is_one_per,
    "party_definition": _party_definition,
    "colon_list": _colon_list,
    "one_open": _one_open,
    "definition_link": _definition_link,
    "each_counted": _each_counted,
    "enum_list": _enum_list,
    "no_two": _no_two,
    "enum_can_be": _enum_can_be,
    "enum_named_values": _enum_named_values,
    "lifecycle": _lifecycle,
    "kinds": _kinds,
    "kind_of": _kind_of,
    "role_of": _role_of,
    "whether": _whether,
    "when_happened": _when_happened,
    "how_measure": _how_measure,
    "volume": _volume,
    "retention": _retention,
    "soft_delete": _soft_delete,
    "access": _access,
    "possessive": _possessive,
    "attached": _attached,
}


def _mentions_data(sent: Sentence, ctx: Context) -> bool:
    """A sentence mentions data when it names a known entity or a value noun next to a verb."""
    has_verb = any(t.pos == "VERB" for t in sent.tokens)
    for t in sent.tokens:
        if t.pos in ("NOUN", "PROPN"):
            c = chunk_at(sent, t.i)
            if c is not None and (c.name in ctx.known or is_value(c, ctx)) and has_verb:
                return True
    return False
