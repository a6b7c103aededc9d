"""Which database(s) the spec says the feature runs on: ``Type: PostgreSQL``, "Stack: Laravel + MySQL 8",
"We use MySQL as the database", "data lives in MongoDB", "Supabase for auth and storage", a tech-stack table
row, a Prisma ``datasource``.

A store name alone is not a declaration: specs also mention stores they are leaving ("migrating away from
MySQL"), comparing ("unlike MongoDB", a table of options with pros and cons), excluding ("MySQL is out of
scope"), testing with ("SQLite for tests"), or offering as a template choice (``(PostgreSQL / MySQL /
MongoDB)``). So a mention counts only with a declaring cue (a store label, a stack listing, a verb such as
*use*, *run on*, *persist in*, a role such as *as the database*) and without a negating or hypothetical cue
in the same clause. Missing a declaration costs little (the project's signals or the default decide); a
wrong one designs for the wrong engine, so unclear mentions are left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from schemawright.domain.facts import StoreFact
from schemawright.domain.model import StoreKind
from schemawright.domain.nlp.parse import PROSE_BUDGET
from schemawright.domain.readers.sniff import fence_label, first_line, prov
from schemawright.spec.document import Block, SpecDocument

RULE = "store.declared"
LABELLED = 2  # "Database: MySQL", a stack table row, a Prisma datasource
PROSE = 1  # "we use MySQL as the database"

_STORES: dict[str, StoreKind] = {
    "postgres": "postgresql",
    "postgresql": "postgresql",
    "postgre": "postgresql",
    "pgsql": "postgresql",
    "mysql": "mysql",
    "mariadb": "mysql",
    "sqlite": "sqlite",
    "sqlite3": "sqlite",
    "supabase": "supabase",
    "mongo": "mongodb",
    "mongodb": "mongodb",
    "firestore": "firestore",
    "redis": "redis",
    "valkey": "redis",
}
_MENTION = re.compile(
    r"(?<![\w.-])(" + "|".join(sorted(_STORES, key=len, reverse=True)) + r")(?![\w-])", re.I
)
_PG = re.compile(r"(?<![\w.-])pg(?![\w-])", re.I)  # only inside a store label's value

# Labels ("Label: value") whose value is a store or a stack that lists one.
_STORE_LABEL = re.compile(
    r"^(?:(?:primary|main|relational|operational|backing|target)\s+)?(?:database|databases|db|dbms|rdbms|"
    r"datastore|data\s*store|store|storage|persistence|type|engine|cache|caching|key-value store|"
    r"(?:tech(?:nology)?\s+)?stack|tech(?:nology)?|back-?end|server|infra(?:structure)?|platform|hosting|"
    r"architecture|auth|data\s+layer)$",
    re.I,
)
# Labels whose value names tools or rejected options, never the chosen store.
_OTHER_LABEL = re.compile(
    r"\b(?:orm|odm|client|driver|library|libraries|alternatives?|rejected|considered|options?|not|"
    r"previous|legacy|old|former|from|source|non-goals?|out of scope|excluded|avoid|future|later|"
    r"migrat\w*|instead)\b",
    re.I,
)
_LABEL = re.compile(r"^\s*(?P<label>[A-Za-z][\w /&.-]{0,40}?)\s*[:=]\s+(?P<value>\S.*)$")

_VERSION = r"(?:\s*v?\d+(?:\.[\dx]+)*(?:\+)?)?(?:\s*\([^)]*\))?"
_FILL = (
    r"(?:(?:the|a|an|our|their|its|team's|company's|main|existing|same|shared|managed|hosted|central|"
    r"primary|single|one|new|self-hosted|cloud|aws|gcp|azure|amazon|google|aurora|rds|plain|local)\s+)*"
)
_POS_BEFORE = re.compile(
    r"\b(?:use[sd]?|using|run(?:s|ning)?\s+on|(?:is|are|sits?|lives?)\s+on|built\s+(?:on|with)|backed\s+by|"
    r"powered\s+by|chose|chosen|choose|picked|went\s+with|settled\s+on|decided\s+on|standardi[sz]ed\s+on|"
    r"(?:persist(?:s|ed)?|stor(?:e|es|ed)|sav(?:e|es|ed)|kept|keeps?|held|holds?|lives?|living|written|"
    r"writes?|goes|cached|caches?|resides?|reside)\s+(?:[\w'-]+\s+){0,3}?(?:in|into|to|on)|on|\+|&)\s+"
    + _FILL
    + r"$",
    re.I,
)
_POS_AFTER = re.compile(
    _VERSION
    + r"\s*(?:(?:is|as|will\s+be|remains?)\s+(?:the|our|a|its)\s+(?:[\w-]+\s+){0,2}?(?:database|db|datastore|"
    r"data\s+store|store|system\s+of\s+record|source\s+of\s+truth|backend|back\s+end|persistence|cache)\b|"
    r"(?:database|db|instance|cluster|server)\b|on\s+(?:[\w-]+\s+){0,2}?(?:instance|cluster|server|host)\b|"
    r"for\s+(?!(?:local\s+|unit\s+|integration\s+|the\s+)?"
    r"(?:tests?|testing|development|dev|ci|prototyp\w*|example)\b)[\w-]+|\+)",
    re.I,
)
# In the words before a mention (same clause): the store is left, compared, excluded or hypothetical.
_NEG_BEFORE = re.compile(
    r"\b(?:not|no|never|don't|doesn't|won't|isn't|aren't|wasn't|without|unlike|instead\s+of|rather\s+than|"
    r"than|versus|vs|compared\s+(?:to|with)|away\s+from|off\s+of|off|from|replac\w*|leaving|leave|retir\w*|"
    r"deprecat\w*|legacy|formerly|previously|used\s+to|old|alternatives?|consider\w*|evaluat\w*|rejected|"
    r"dropped|avoid\w*|if|whether|could|might|would|later|eventually|future|maybe|perhaps|e\.?g|such\s+as|"
    r"like|tests?|testing|locally|prototyp\w*|mock\w*|export\w*|import\w*)\b",
    re.I,
)
_NEG_AFTER = re.compile(
    _VERSION
    + r"\s*(?:(?:is|are|was|were|will\s+be|has\s+been|gets?)\s+(?:[\w-]+\s+){0,2}?(?:out\s+of\s+scope|not|"
    r"no\s+longer|deprecated|replaced|retired|dropped|legacy|being\s+(?:replaced|retired|phased\s+out))|"
    r"(?:[\w-]+\s+){0,3}?(?:is|are)\s+out\s+of\s+scope|for\s+(?:local\s+|unit\s+|integration\s+)?"
    r"(?:tests?|testing|development|dev|ci|prototyp\w*)\b|\?)",
    re.I,
)
_CLAUSES = re.compile(r"(?<=[.!?;])\s+|,?\s+(?:but|whereas|while|although|however)\s+|\s+[—–]\s+", re.I)
_ALTERNATIVES = re.compile(r"\s(?:/|\||or)\s|/", re.I)
_SKIP_SECTIONS = (
    "out of scope",
    "non-goals",
    "not in scope",
    "won't do",
    "excluded",
    "alternatives",
    "rejected",
    "future",
    "open questions",
)
_STORE_SECTIONS = (
    "database",
    "tech stack",
    "technology stack",
    "stack",
    "storage",
    "persistence",
    "infrastructure",
)
_COMPARISON_HEADER = re.compile(
    r"\b(?:pros?|cons?|options?|alternatives?|considered|rejected|trade-?offs?|scores?|verdict|vs|versus|"
    r"comparison|advantages?|disadvantages?|candidates?)\b",
    re.I,
)
_PRISMA_PROVIDER = re.compile(r"^\s*provider\s*=\s*\"(\w+)\"", re.M)
_PRISMA_DATASOURCE = re.compile(r"^\s*datasource\s+\w+\s*\{", re.M)


@dataclass(frozen=True)
class _Found:
    store: StoreKind
    line: int
    text: str
    priority: int


def read(doc: SpecDocument) -> list[StoreFact]:
    """One fact per declared store, in the order the spec first declares it; a labelled declaration's
    provenance wins over a prose one for the same store."""
    found: list[_Found] = []
    for heading in doc.headings:
        found += _labelled(heading.raw, heading.line, heading.raw)
    prose_seen = 0
    for block in doc.blocks:
        if block.kind == "comment" or block.in_section(*_SKIP_SECTIONS):
            continue
        if block.kind in ("paragraph", "bullet"):
            prose_seen += len(block.text)
            if prose_seen > PROSE_BUDGET and not _LABEL.match(block.text):
                continue  # past the analyzer's prose budget only labelled lines ("Database: …") count
        if block.kind == "table":
            found += _table(block)
        elif block.kind == "code":
            found += _prisma(doc, block)
        else:
            found += _text(doc, block)
    best: dict[StoreKind, _Found] = {}
    for f in found:
        if f.store not in best or f.priority > best[f.store].priority:
            best[f.store] = f
    first = {f.store: i for i, f in reversed(list(enumerate(found)))}
    return [
        StoreFact(store=f.store, prov=prov(RULE, f.line, f.text, f.priority))
        for f in sorted(best.values(), key=lambda f: first[f.store])
    ]


def _text(doc: SpecDocument, block: Block) -> list[_Found]:
    out: list[_Found] = []
    for sentence in re.split(r"(?<=[.!?])\s+(?=[A-Z])", block.text):
        if _LABEL.match(sentence):
            out += _labelled(sentence, block.line, block.text)
        else:
            out += _prose(sentence, block.line, block.text)
    if not out and block.in_section(*_STORE_SECTIONS) and len(block.text.split()) <= 6:
        # "PostgreSQL 16" alone under "### Database Type" or "## Tech Stack"
        mentions = _mentions(block.text)
        if len({m[0] for m in mentions}) == 1 and not _undecided(block.text):
            store, start, end = mentions[0]
            if not _negated(block.text, start) and not _NEG_AFTER.match(block.text[end:]):
                out.append(_Found(store, block.line, block.text, LABELLED))
    return [_Found(f.store, _line_of(doc, block, f.store), f.text, f.priority) for f in out]


def _labelled(text: str, line: int, source: str) -> list[_Found]:
    """``Database: MySQL 8`` (also nested: ``NFR2: Database: PostgreSQL``). An undecided value, such as
    the template's ``(PostgreSQL / MySQL / MongoDB)``, declares nothing."""
    m = _LABEL.match(text)
    if not m:
        return []
    label, value = m["label"].strip(), m["value"]
    if _OTHER_LABEL.search(label):
        return []
    if not _STORE_LABEL.match(label):
        nested = _labelled(value, line, source)
        return nested or _prose(value, line, source)
    if _undecided(value):
        return []
    return [
        _Found(store, line, source, LABELLED)
        for store, start, _ in _mentions(value, pg=True)
        if not _negated(value, start)
    ]


def _prose(sentence: str, line: int, source: str) -> list[_Found]:
    out: list[_Found] = []
    for clause in _CLAUSES.split(sentence):
        if not clause or clause.rstrip().endswith("?"):
            continue
        for match in _MENTION.finditer(clause):
            store = _STORES[match.group(1).lower()]
            before, after = clause[: match.start()], clause[match.end() :]
            if _negated(clause, match.start()) or _NEG_AFTER.match(after):
                continue
            if _POS_BEFORE.search(before) or _POS_AFTER.match(after):
                out.append(_Found(store, line, source, PROSE))
    return out


def _table(block: Block) -> list[_Found]:
    """A stack table row ``| Database | MySQL | 8.0 |``; a table comparing options declares nothing."""
    if not block.rows or any(_COMPARISON_HEADER.search(cell) for cell in block.rows[0]):
        return []
    out: list[_Found] = []
    for index, row in enumerate(block.rows[1:], start=2):  # the header line, then the separator line
        labels = [i for i, cell in enumerate(row) if _STORE_LABEL.match(cell.strip())]
        if not labels:
            continue
        for i, cell in enumerate(row):
            if i in labels or _undecided(cell):
                continue
            out += [
                _Found(store, block.line + index, " | ".join(row), LABELLED)
                for store, start, _ in _mentions(cell)
                if not _negated(cell, start)
            ]
    return out


def _prisma(doc: SpecDocument, block: Block) -> list[_Found]:
    """``datasource db { provider = "mysql" }`` in a Prisma schema."""
    datasource = _PRISMA_DATASOURCE.search(block.text)
    if fence_label(block.lang) not in ("prisma", "") or not datasource:
        return []
    m = _PRISMA_PROVIDER.search(block.text, datasource.end())
    store = _STORES.get(m.group(1).lower()) if m else None
    if not m or not store:
        return []
    line = first_line(doc, block) + block.text.count("\n", 0, m.start(1))
    return [_Found(store, line, m.group(0).strip(), LABELLED)]


def _mentions(text: str, pg: bool = False) -> list[tuple[StoreKind, int, int]]:
    """``(store, start, end)`` of every store name in ``text``; ``pg`` only where a label says "database"."""
    found = [(_STORES[m.group(1).lower()], m.start(), m.end()) for m in _MENTION.finditer(text)]
    if pg:
        found += [("postgresql", m.start(), m.end()) for m in _PG.finditer(text)]
    return sorted(found, key=lambda f: f[1])


def _negated(text: str, start: int) -> bool:
    """A negating or hypothetical cue among the six words before ``start``, within its clause and after
    the last comma ("Compared with MySQL, PostgreSQL is our database" declares PostgreSQL)."""
    clause = _CLAUSES.split(text[:start])[-1].rsplit(",", 1)[-1]
    window = " ".join(clause.split()[-6:])
    return bool(_NEG_BEFORE.search(window))


def _undecided(value: str) -> bool:
    """Two or more different stores offered as alternatives: ``PostgreSQL / MySQL``, ``MySQL or SQLite``,
    ``(PostgreSQL / MySQL / MongoDB / …)``."""
    stores = {m[0] for m in _mentions(value)}
    if len(stores) >= 2 and _ALTERNATIVES.search(value):
        return True
    return bool(re.match(r"^\s*\(.*[/|].*\)\s*$", value)) or (value.count("/") >= 2 and len(stores) != 1)


def _line_of(doc: SpecDocument, block: Block, store: StoreKind) -> int:
    """The spec line inside a multi-line block that names ``store``."""
    for number in range(block.line, block.end_line + 1):
        text = doc.line_text(number)
        if any(_STORES[m.group(1).lower()] == store for m in _MENTION.finditer(text)):
            return number
    return block.line
