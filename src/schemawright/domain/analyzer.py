"""SpecDocument → DomainModel in five stages, each a pure function with typed output:

1. structured readers (exact: SQL, Prisma, TypeScript, JSON, diagrams, field tables, attribute bullets);
2. the linguistic layer (sentences, tokens, chunks, clauses) over the prose the readers did not consume;
3. the pattern table over those clauses;
4. the resolver, which merges every fact by explicit precedence;
5. honesty: the name-sanity gate, sentences not understood, and the no-data decision.
"""

from __future__ import annotations

import importlib
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from schemawright.domain.facts import (
    AssumptionFact,
    EntityFact,
    Fact,
    Provenance,
    RelationshipFact,
    StoreFact,
)
from schemawright.domain.lexicon import Lexicon, load_lexicon
from schemawright.domain.model import DomainModel
from schemawright.domain.naming import singular, snake
from schemawright.domain.nlp.parse import PROSE_BUDGET
from schemawright.domain.resolve import Resolver
from schemawright.spec.document import Block, SpecDocument

if TYPE_CHECKING:
    from schemawright.domain.nlp.tokens import Sentence, Token
    from schemawright.domain.patterns.engine import Context

READERS = (
    "stores",
    "sql",
    "prisma",
    "dbml",
    "mermaid",
    "plantuml",
    "typescript",
    "json_schema",
    "field_tables",
    "bmad",
    "entity_bullets",
    "value_lists",
)
_PARENTHESES = re.compile(r"\(.*?\)")
SKIP_SECTIONS = ("ui requirements", "frontend", "navigation", "accessibility", "styling", "api endpoints")


def structured_facts(doc: SpecDocument) -> list[Fact]:
    """Stage 1: every reader over the whole document, in a fixed order."""
    out: list[Fact] = []
    for name in READERS:
        try:
            module = importlib.import_module(f"schemawright.domain.readers.{name}")
        except ModuleNotFoundError:
            continue
        try:
            out.extend(module.read(doc))
        except Exception as exc:  # one reader's bug must not lose the other readers' facts
            out.append(
                AssumptionFact(
                    prov=Provenance(rule=f"{name}.failed", origin="structured"),
                    text=f"The {name} reader could not read this spec ({type(exc).__name__}: {exc}); "
                    "its blocks were not used. Please report this.",
                )
            )
    return out


def out_of_scope_items(doc: SpecDocument, lexicon: Lexicon) -> list[Block]:
    return [b for b in doc.blocks if b.kind == "bullet" and b.in_section(*lexicon.out_of_scope_sections)]


def prose_units(doc: SpecDocument, facts: list[Fact], lexicon: Lexicon) -> list[tuple[str, int, str]]:
    """The text the patterns read: paragraphs and bullets no reader consumed, and each declared entity's
    description with that entity as its implicit subject."""
    consumed = {
        f.prov.line
        for f in facts
        if f.prov.origin == "structured" and not isinstance(f, (StoreFact, AssumptionFact))
    }
    units: list[tuple[str, int, str]] = []
    for block in doc.blocks:
        if block.kind not in ("paragraph", "bullet") or block.line in consumed:
            continue
        if block.in_section(*lexicon.out_of_scope_sections) or block.in_section(*SKIP_SECTIONS):
            continue
        units.append((_titled(doc, block), block.line, ""))
    for f in facts:
        if isinstance(f, EntityFact) and f.description and f.prov.origin == "structured":
            units.append((definition_sentence(f.name, f.description), f.prov.line, singular(snake(f.name))))
    return units


def _titled(doc: SpecDocument, block: Block) -> str:
    """ "**US-05 — Timetable classes**" on a line of its own above a story: a title, ended with a stop so it
    is not read as the story's subject ("Timetable classes As the front desk manager …")."""
    first = doc.line_text(block.line)
    inner = first[2:-2].strip()
    if block.end_line <= block.line or not (first.startswith("**") and first.endswith("**")) or "**" in inner:
        return block.text
    if not inner or inner[-1] in ".:!?;" or not block.text.startswith(inner):
        return block.text
    return f"{inner}. {block.text[len(inner) :].lstrip()}"


def definition_sentence(name: str, description: str) -> str:
    """ "Episode" + "an audio file of a show, with a title" → "An episode is an audio file of a show, …";
    a description that starts with a verb keeps it: "Represents a guest" → "A guest represents …"."""
    words = singular(snake(name)).replace("_", " ")  # a table name ("users") defines one user
    desc = description.strip().rstrip(".")
    first = desc.split(" ", 1)[0].lower() if desc else ""
    article = "An" if words[:1] in ("a", "e", "i", "o") else "A"
    if first.endswith("s") and first not in ("is", "has", "was", "its", "this", "status") and len(first) > 3:
        return f"{article} {words} {desc[0].lower()}{desc[1:]}."
    if first in ("has", "is", "belongs", "contains", "holds", "records", "stores"):
        return f"{article} {words} {desc[0].lower()}{desc[1:]}."
    if first in ("a", "an", "the", "one", "each", "any", "every"):
        rest = desc.split(" ", 1)[1].lower() if " " in desc else ""
        if rest == words or rest.startswith((f"{words} ", f"{words}s ")):
            return f"{desc}."  # "A person belongs to one tree …": already a sentence about the entity
        return f"{article} {words} is {desc[0].lower()}{desc[1:]}."
    return f"{article} {words} is {desc[0].lower()}{desc[1:]}." if desc else ""


def analyze_document(doc: SpecDocument, feature_id: str, feature_name: str) -> DomainModel:
    lexicon = load_lexicon()
    scope_blocks = out_of_scope_items(doc, lexicon)
    structured = structured_facts(doc)
    resolver = Resolver(lexicon, _scope_words(scope_blocks))
    known = {resolver.canon(f.name) for f in structured if isinstance(f, EntityFact)}
    units, skipped = within_budget(prose_units(doc, structured, lexicon))
    prose, resolver.mentions = prose_facts(units, lexicon, known)
    prose = without_overview_verbs(prose, doc, lexicon)
    if skipped:
        prose.append(
            AssumptionFact(
                prov=Provenance(rule="prose.budget", line=skipped),
                text=f"Prose from line {skipped} on was not analyzed: the spec has more than "
                f"{PROSE_BUDGET:,} characters of prose. Split it into features, or pass a model (--model).",
            )
        )
    model = resolver.resolve(structured + prose, feature_id, feature_name)
    model.out_of_scope = [b.text for b in scope_blocks]
    return model


def without_overview_verbs(facts: list[Fact], doc: SpecDocument, lexicon: Lexicon) -> list[Fact]:
    """ "Clients request a design, pay a deposit, book a session …" in an introduction tells the story of
    the feature; a bare verb there links nothing. The data sections state the links; stated forms ("belongs
    to", "has", definitions) still count wherever they are."""
    story = {
        line
        for b in doc.blocks
        if b.in_section(*lexicon.overview_sections)
        for line in range(b.line, b.end_line + 1)
    }

    def told(f: Fact) -> bool:
        return isinstance(f, RelationshipFact) and f.prov.rule == "interaction.verb" and f.prov.line in story

    return [f for f in facts if not told(f)]


def within_budget(units: list[tuple[str, int, str]]) -> tuple[list[tuple[str, int, str]], int]:
    """The units that fit the prose budget, and the line where the rest starts (0 when all fit)."""
    used = 0
    for k, (text, line, _hint) in enumerate(units):
        used += min(len(text), 2_000)
        if used > PROSE_BUDGET:
            return units[:k], line
    return units, 0


def prose_facts(
    units: list[tuple[str, int, str]], lexicon: Lexicon, known: set[str]
) -> tuple[list[Fact], dict[str, int]]:
    """Stages 2 and 3: parse the prose units, gather spec-wide context, run the pattern table."""
    if not units:
        return [], {}
    from schemawright.domain.nlp.parse import parse_texts
    from schemawright.domain.patterns.engine import Context, run
    from schemawright.domain.patterns.table import load_table

    sentences = parse_texts(units)
    ctx = Context(lexicon, known)
    counts, ctx.aliases = mentions(sentences, ctx)
    ctx.mentioned = counts
    ctx.subjects = subjects(sentences)
    ctx.countable = countable(sentences)
    ctx.individuals = individuals(sentences)
    ctx.events = event_verbs(sentences)
    for word, entity in definition_aliases(sentences, ctx).items():
        ctx.aliases.setdefault(word, entity)
    return run(sentences, load_table(), ctx), counts


def mentions(sentences: list[Sentence], ctx: Context) -> tuple[dict[str, int], dict[str, str]]:
    """How often each noun phrase occurs, and short mentions that stand for one longer name in this spec
    ("the list" for the shopping list): evidence for the resolver, aliases for the patterns."""
    from schemawright.domain.nlp.chunks import chunk_at
    from schemawright.domain.patterns.engine import is_value

    counts: Counter[str] = Counter()
    longer: dict[str, set[str]] = defaultdict(set)
    states: dict[str, str] = {}
    for sent in sentences:
        depth = 0
        for t in sent.tokens:
            depth += (t.text == "(") - (t.text == ")")
            if t.pos not in ("NOUN", "PROPN"):
                continue
            c = chunk_at(sent, t.i)
            if c is None or c.head != t.i:
                continue
            counts[c.name] += 1
            first = c.head - len(c.words) + 1  # the first name word's token
            mod = sent.tokens[first] if len(c.words) > 1 else None
            if mod is not None and (
                mod.tag == "VBN"
                or (mod.pos == "ADJ" and mod.lower.endswith(("ed", "en")) and len(mod.lower) > 4)
            ):
                states[c.name] = "_".join(c.words[1:])  # "broken items": one state of the items
            # a value listed in parentheses ("a format (30-minute class, workshop)") names no thing
            # only a noun compound names a kind of the head ("meal plan"); an adjective ("weekly plan",
            # "second list") describes one instance, so the short mention can still mean the compound
            compound = all(
                sent.tokens[k].pos in ("NOUN", "PROPN") or sent.tokens[k].tag == "VBG"
                for k in range(first, c.head)
            )
            if len(c.words) > 1 and depth <= 0 and compound and not is_value(c, ctx):
                longer[c.head_word].add(c.name)
    aliases = {
        head: full
        for head, names in longer.items()
        if len(names) == 1
        and head not in ctx.known
        and counts[head] > 0
        and counts[full := next(iter(names))] >= 2
        and counts[full] * 2 >= counts[head]
    }
    for short, full in aliases.items():
        counts[full] += counts[short]
    for name, thing in states.items():
        # "Visitors bring broken items … An item has a description": the thing is named on its own too
        if counts.get(thing, 0) and counts[name] < 2 and name not in aliases and thing not in aliases:
            aliases[name] = thing
            counts[thing] += counts[name]
    return dict(counts), aliases


def subjects(sentences: list[Sentence]) -> set[str]:
    """Noun phrases the spec makes the subject of a clause, or records "for each" of: evidence that a name
    stands for a thing."""
    from schemawright.domain.nlp.chunks import chunk_at

    out: set[str] = set()
    for sent in sentences:
        for t in sent.tokens:
            each = t.dep == "pobj" and any(d.lower in ("each", "every") for d in sent.children(t.i, "det"))
            # "for each enrolment we keep …" is about enrolments as much as a subject is
            if (t.dep in ("nsubj", "nsubjpass") or each) and t.pos in ("NOUN", "PROPN"):
                c = chunk_at(sent, t.i)
                if c is not None:
                    out.add(c.name)
    return out


def individuals(sentences: list[Sentence]) -> set[str]:
    """Noun phrases the spec uses in the singular after each / every / a / one ("each copy has a copy
    number"): single things, whatever their plural names as a measure elsewhere ("the number of copies")."""
    return _head_names(sentences, _individual)


def countable(sentences: list[Sentence]) -> set[str]:
    """Noun phrases the spec counts: used in the plural, or after each / every / an / one: individual
    things, never the one software system ("the application")."""
    return _head_names(sentences, _counted)


def _individual(sent: Sentence, t: Token) -> bool:
    return t.pos == "NOUN" and t.tag == "NN" and _determined_by(sent, t, ("each", "every", "a", "an", "one"))


def _counted(sent: Sentence, t: Token) -> bool:
    plural = t.tag in ("NNS", "NNPS")
    return t.pos in ("NOUN", "PROPN") and (
        plural or _determined_by(sent, t, ("each", "every", "a", "an", "one", "another"))
    )


def _determined_by(sent: Sentence, t: Token, words: tuple[str, ...]) -> bool:
    return any(d.lower in words for d in sent.children(t.i, "det", "nummod"))


def _head_names(sentences: list[Sentence], keep: Callable[[Sentence, Token], bool]) -> set[str]:
    """The names of the noun phrases headed by the tokens ``keep`` accepts."""
    from schemawright.domain.nlp.chunks import chunk_at

    out: set[str] = set()
    for sent in sentences:
        for t in sent.tokens:
            c = chunk_at(sent, t.i) if keep(sent, t) else None
            if c is not None and c.head == t.i:
                out.add(c.name)
    return out


def definition_aliases(sentences: list[Sentence], ctx: Context) -> dict[str, str]:
    """ "users: registered accounts" — a declared entity defined as another noun makes that noun a name
    for it across the spec, unless the noun is declared itself or defines two entities."""
    from schemawright.domain.nlp.chunks import chunk_at

    found: dict[str, set[str]] = defaultdict(set)
    for sent in sentences:
        if not sent.subject_hint:
            continue
        root = next((t for t in sent.tokens if t.dep == "ROOT"), None)
        if root is None or root.lemma != "be":
            continue
        for t in sent.tokens:
            if t.head == root.i and t.dep == "attr":
                c = chunk_at(sent, t.i)
                if c is not None and c.name not in ctx.known and c.name != sent.subject_hint:
                    found[c.name].add(sent.subject_hint)
                    # "Thermostat: one physical device" — "the device" means it too, unless a device is
                    # declared on its own or the head is only a value ("a title in the catalogue")
                    head = c.head_word
                    if head != c.name and head not in ctx.known and ctx.lexicon.kind_for_name(head) is None:
                        found[head].add(sent.subject_hint)
    return {word: next(iter(ents)) for word, ents in found.items() if len(ents) == 1}


def event_verbs(sentences: list[Sentence]) -> dict[str, str]:
    """Definitions that name an event by its gerund ("A loan is the borrowing of a copy") map the verb to
    the entity, so "a member borrows a copy" is read as a loan between them."""
    from schemawright.domain.verbs import verb_lemma

    out: dict[str, str] = {}
    for sent in sentences:
        root = next((t for t in sent.tokens if t.dep == "ROOT"), None)
        if root is None or root.lemma != "be":
            continue
        subj = next((t for t in sent.tokens if t.head == root.i and t.dep == "nsubj"), None)
        attr = next((t for t in sent.tokens if t.head == root.i and t.dep == "attr"), None)
        if subj is None or attr is None or not attr.lower.endswith("ing"):
            continue
        lemma = verb_lemma(attr.lower)
        if lemma:
            out.setdefault(lemma, sent.subject_hint or singular(subj.lemma))
    return out


def _scope_words(blocks: Iterable[Block]) -> set[str]:
    """Out-of-scope bullets as entity names ("Social login (later)" → social_login): never designed."""
    return {singular(snake(_PARENTHESES.sub("", b.text))) for b in blocks}
