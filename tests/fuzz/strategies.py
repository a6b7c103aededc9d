"""Hypothesis strategies for feature specs in every style the analyzer reads: prose, spec-kit/template
field tables, per-entity field tables, SQL blocks (with stray tokens and unterminated quotes), BMAD "key
attributes" lists — and mixtures of them with random words and punctuation."""

from __future__ import annotations

from hypothesis import strategies as st

NOUNS = [
    "user",
    "order",
    "item",
    "person",
    "team",
    "invoice",
    "offset",
    "key",
    "rank",
    "group",
    "event",
    "ticket",
    "page",
    "comment",
    "tag",
    "account",
    "status",
    "value",
    "select",
    "table",
    "x",
]
TYPES = [
    "text",
    "integer",
    "uuid",
    "timestamp",
    "boolean",
    "decimal(10,2)",
    "json",
    "enum",
    "varchar(",
    "date",
    "",
    "money",
    "?",
]
NOTES = [
    "required",
    "unique",
    "optional",
    "> 0",
    "one of: a, b",
    "references user",
    "PK",
    "FK",
    "",
    "`x`",
    "<script>",
    "e.g. 'it''s'",
    "≥ 18",
    "(nested (paren)",
]
VERBS = [
    "has",
    "has many",
    "belongs to one",
    "can follow many other",
    "owns",
    "is assigned to",
    "references",
    "contains",
    "is a",
    "records",
]
TOKENS = [
    "CREATE",
    "TABLE",
    "(",
    ")",
    ",",
    ";",
    "'",
    '"',
    "`",
    "--",
    "/*",
    "*/",
    "PRIMARY",
    "KEY",
    "REFERENCES",
    "NOT",
    "NULL",
    "DEFAULT",
    "CHECK",
    "id",
    "INT",
    "TEXT",
    "$$",
    "\\",
    "[",
    "]",
]

noun = st.sampled_from(NOUNS) | st.from_regex(r"[a-z]{1,12}", fullmatch=True)
word = noun | st.sampled_from(VERBS + TOKENS + NOTES) | st.text(min_size=1, max_size=8)


@st.composite
def prose(draw: st.DrawFn) -> str:
    sentences = []
    for _ in range(draw(st.integers(1, 6))):
        kind = draw(st.integers(0, 2))
        if kind == 0:
            sentences.append(f"A {draw(noun)} {draw(st.sampled_from(VERBS))} a {draw(noun)}.")
        elif kind == 1:
            sentences.append(f"Each {draw(noun)} has a {draw(noun)}, a {draw(noun)} and many {draw(noun)}s.")
        else:
            sentences.append(" ".join(draw(st.lists(word, min_size=1, max_size=12))))
    return " ".join(sentences)


@st.composite
def field_table(draw: st.DrawFn) -> str:
    rows = [
        f"| {draw(noun)} | {draw(st.sampled_from(TYPES))} | {draw(st.sampled_from(NOTES))} |"
        for _ in range(draw(st.integers(0, 6)))
    ]
    heading = draw(st.sampled_from(["### ", "## Entity: ", "#### ", "**"])) + draw(noun).title()
    return "\n".join([heading, "", "| Field | Type | Notes |", "|---|---|---|", *rows])


@st.composite
def sql_block(draw: st.DrawFn) -> str:
    if draw(st.booleans()):
        cols = ", ".join(
            f"{draw(noun)} {draw(st.sampled_from(TYPES))}" for _ in range(draw(st.integers(1, 5)))
        )
        body = f"CREATE TABLE {draw(noun)} (id INT PRIMARY KEY, {cols});"
    else:
        body = " ".join(draw(st.lists(st.sampled_from(TOKENS) | noun, min_size=1, max_size=30)))
    return f"```sql\n{body}\n```"


@st.composite
def bmad(draw: st.DrawFn) -> str:
    attrs = ", ".join(draw(st.lists(noun, min_size=0, max_size=6)))
    return f"### {draw(noun).title()}\n\n**Key attributes:** {attrs}\n\n**Relationships:** {draw(prose())}"


section = st.one_of(prose(), field_table(), sql_block(), bmad(), st.text(max_size=200))


@st.composite
def spec(draw: st.DrawFn) -> str:
    parts = [f"# {draw(st.text(max_size=30)).strip() or 'Feature'}"]
    for _ in range(draw(st.integers(1, 4))):
        heading = draw(st.sampled_from(["## Data", "## Key Entities", "## Requirements", "## Notes", ""]))
        parts += [heading, draw(section)]
    return "\n\n".join(parts) + "\n"


# -- Whole specs in each style the tool is used with, for the campaign (tests/fuzz/campaign.py) ---------

# Hostile text that must stay inert wherever it lands: HTML, backticks and fences, quotes, markdown and
# SQL metacharacters, unicode (accents, CJK, right-to-left override, zero-width, emoji), reserved words.
HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "</details><b>x</b>",
    "a`b",
    "``double``",
    "```",
    "````sql",
    "O'Brien",
    'say "hi"',
    "Robert'); DROP TABLE students;--",
    "$$ LANGUAGE plpgsql $$",
    "a|b",
    "[x](javascript:alert(1))",
    "<!-- c -->",
    "{{tag}}",
    "${HOME}",
    "back\\slash",
    "Größe",
    "naïve café",
    "名前",
    "имя",
    "\u202egnp.exe",
    "zero\u200bwidth",
    "🎉 party",
    "select",
    "order",
    "user",
    "table",
    "group",
    "from",
    "where",
    "default",
    "check",
    "primary",
    "key",
    "index",
    "limit",
    "desc",
    "constraint",
    "references",
    "end",
]
RESERVED = ["select", "order", "user", "table", "group", "from", "where", "default", "check", "end", "key"]
DB_TYPES = ["PostgreSQL", "PostgreSQL 16", "MySQL 8", "MariaDB", "SQLite", "MongoDB", "Firestore", "Supabase",
            "Redis", "none", "DynamoDB", "<b>Postgres</b>", ""]
STORE_PROSE = [
    "Database: PostgreSQL.",
    "We use MySQL 8 (InnoDB).",
    "The data lives in MongoDB; documents are read by id.",
    "Everything is stored in Cloud Firestore.",
    "The code-to-URL mapping is cached in Redis for 24 hours after the last use.",
    "Visitors may create at most 10 links per hour per IP address; this limit is enforced in Redis.",
    "Sessions are kept in Redis and expire after 30 minutes of inactivity.",
    "A leaderboard of the top 100 players is kept in Redis.",
    "Readings older than 90 days are deleted.",
    "About 40 million events per month.",
    "",
]
PRISMA_TYPES = ["String", "Int", "BigInt", "Float", "Decimal", "Boolean", "DateTime", "Json", "Bytes", "Role",
                "String?", "Int[]", "Unsupported(\"x\")"]
PRISMA_ATTRS = ["", "@unique", "@id @default(uuid())", "@default(now())", "@updatedAt", "@db.Uuid",
                "@default(0)", "@db.VarChar(255)", "@map(\"x\")", "@default(\"it's\")", "@relation(", "@@"]
TS_TYPES = ["string", "number", "boolean", "Date", "string[]", "'a' | 'b'", "Record<string, any>", "bigint",
            "unknown", "Foo", "number | null"]
CARDINALITIES = ["1----*", "1----1", "*----*", "1----0..1", "0..1----*", "--", "1---->"]

huge = st.integers(64, 400).map(lambda n: "x" * n) | st.integers(20, 80).map(lambda n: "word " * n)
hostile = st.sampled_from(HOSTILE) | huge | st.text(min_size=1, max_size=20)
# An entity or attribute name: mostly plain nouns, sometimes reserved, hostile, huge or random unicode.
name = st.one_of(noun, noun, noun, st.sampled_from(RESERVED), hostile)
phrase = st.lists(name | word, min_size=1, max_size=8).map(" ".join)


def _title(value: str) -> str:
    return value[:1].upper() + value[1:]


@st.composite
def relationship_diagram(draw: st.DrawFn) -> str:
    lines = [
        f"[{_title(draw(name))}] {draw(st.sampled_from(CARDINALITIES))} [{_title(draw(name))}]"
        for _ in range(draw(st.integers(0, 5)))
    ]
    return "```\n" + "\n".join(lines) + "\n```"


@st.composite
def prisma_block(draw: st.DrawFn) -> str:
    models = []
    for _ in range(draw(st.integers(1, 4))):
        fields = [
            f"  {draw(name)} {draw(st.sampled_from(PRISMA_TYPES))} {draw(st.sampled_from(PRISMA_ATTRS))}"
            for _ in range(draw(st.integers(0, 6)))
        ]
        if draw(st.booleans()):
            other = _title(draw(noun))
            low = other.lower()
            fields.append(f"  {low}Id String")
            fields.append(f"  {low} {other} @relation(fields: [{low}Id], references: [id])")
        body = "\n".join(["  id String @id @default(uuid())", *fields])
        models.append(f"model {_title(draw(name))} {{\n{body}\n}}")
    if draw(st.booleans()):
        models.append(f"enum Role {{\n  {draw(name).upper()}\n  ADMIN\n}}")
    return "```prisma\n" + "\n\n".join(models) + "\n```"


@st.composite
def typescript_block(draw: st.DrawFn) -> str:
    interfaces = []
    for _ in range(draw(st.integers(1, 4))):
        fields = [
            f"  {draw(name)}{draw(st.sampled_from(['', '?']))}: {draw(st.sampled_from(TS_TYPES))};"
            for _ in range(draw(st.integers(0, 6)))
        ]
        interfaces.append(f"interface {_title(draw(name))} {{\n  id: string;\n" + "\n".join(fields) + "\n}")
    return "```typescript\n" + "\n\n".join(interfaces) + "\n```"


@st.composite
def template_spec(draw: st.DrawFn) -> str:
    """The app pipeline's template: Feature ID, Name, Objective, Business Logic, ## Database with a Tables
    table, an Entity Relationships diagram and sometimes a schema block."""
    rows = [
        f"| {draw(name)} | {draw(phrase)} | {', '.join(draw(st.lists(name, max_size=6)))} |"
        for _ in range(draw(st.integers(0, 5)))
    ]
    logic = [f"- {draw(prose())}" for _ in range(draw(st.integers(0, 4)))]
    parts = [
        f"# Feature ID: {draw(st.from_regex(r'[0-9]{3}_[a-z]{1,10}', fullmatch=True))}",
        f"## Name: {draw(phrase)}",
        "### Objective",
        draw(prose()),
        "### Business Logic",
        "\n".join(logic) or "- None.",
        "## Database",
        "### Database Type",
        f"- Type: {draw(st.sampled_from(DB_TYPES))}",
        "### Schema Design",
        "#### Tables/Collections Required",
        "\n".join(["| Entity | Purpose | Key Fields |", "|--------|---------|------------|", *rows]),
        "#### Entity Relationships",
        draw(relationship_diagram()),
    ]
    if draw(st.booleans()):
        parts += ["### Schema Definitions", draw(st.one_of(prisma_block(), sql_block()))]
    return "\n\n".join(parts) + "\n"


@st.composite
def speckit_spec(draw: st.DrawFn) -> str:
    """spec-kit: user stories with Given/When/Then, FR-### requirements and Key Entities bullets."""
    entities = [
        f"- **{_title(draw(name))}**: {draw(phrase)}; {draw(prose())}" for _ in range(draw(st.integers(0, 5)))
    ]
    frs = [
        f"- **FR-{i:03d}**: System MUST {draw(st.sampled_from(['store', 'record', 'let users keep']))} "
        f"{draw(prose())}"
        for i in range(1, draw(st.integers(1, 5)) + 1)
    ]
    return "\n\n".join([
        f"# Feature Specification: {draw(phrase)}",
        f"**Feature Branch**: `{draw(st.from_regex(r'[0-9]{3}-[a-z]{1,10}', fullmatch=True))}`",
        "## User Scenarios & Testing *(mandatory)*",
        f"### User Story 1 - {draw(phrase)} (Priority: P1)",
        draw(prose()),
        f"1. **Given** a {draw(name)}, **When** {draw(prose())}, **Then** {draw(prose())}",
        "## Requirements *(mandatory)*",
        "### Functional Requirements",
        "\n".join(frs),
        "### Key Entities *(include if feature involves data)*",
        "\n".join(entities),
    ]) + "\n"


@st.composite
def kiro_spec(draw: st.DrawFn) -> str:
    """Kiro: requirements.md (Glossary, EARS acceptance criteria), sometimes with design.md's
    TypeScript data models appended."""
    glossary = [f"- **{_title(draw(name))}**: {draw(prose())}" for _ in range(draw(st.integers(0, 5)))]
    criteria = []
    for i in range(1, draw(st.integers(1, 5)) + 1):
        attrs = ", ".join(draw(st.lists(name, min_size=1, max_size=5)))
        criteria.append(draw(st.sampled_from([
            f"{i}. THE System SHALL store for each {draw(name)} a unique {attrs}.",
            f"{i}. WHEN a {draw(name)} is {draw(name)} THEN the System SHALL record {attrs}.",
            f"{i}. IF {draw(prose())} THEN the System SHALL reject it.",
            f"{i}. THE System SHALL NOT allow a {draw(name)} to hold more than one `active` {draw(name)}.",
        ])))
    parts = [
        "# Requirements Document",
        "## Introduction",
        draw(prose()),
        "## Glossary",
        "\n".join(glossary),
        "## Requirements",
        f"### Requirement 1: {draw(phrase)}",
        f"**User Story:** As a {draw(name)}, I want {draw(prose())}, so that {draw(phrase)}.",
        "#### Acceptance Criteria",
        "\n".join(criteria),
    ]
    if draw(st.booleans()):
        parts += ["# Design Document", "## Data Models", draw(typescript_block())]
    return "\n\n".join(parts) + "\n"


@st.composite
def bmad_spec(draw: st.DrawFn) -> str:
    """BMAD architecture: Tech Stack table and Data Models with Purpose, Key Attributes, Relationships."""
    models = []
    for i in range(1, draw(st.integers(1, 4)) + 1):
        attrs = [
            f"- `{draw(name)}`: {draw(st.sampled_from([*TYPES, 'UUID', 'string(8)', 'Decimal']))} - "
            f"{draw(st.sampled_from(NOTES))} {draw(phrase)}"
            for _ in range(draw(st.integers(0, 6)))
        ]
        rels = [
            f"- {draw(st.sampled_from(['Has many', 'Belongs to one', 'Has one', 'References']))} "
            f"{_title(draw(name))}s"
            for _ in range(draw(st.integers(0, 3)))
        ]
        models.append("\n\n".join([
            f"### 3.{i} {_title(draw(name))}",
            f"**Purpose:** {draw(prose())}",
            "**Key Attributes:**",
            "\n".join(attrs),
            "**Relationships:**",
            "\n".join(rels),
        ]))
    return "\n\n".join([
        f"# {draw(phrase)} — Architecture Document",
        "## 2. Tech Stack",
        "| Category | Technology | Version |\n|---|---|---|\n"
        f"| Database | {draw(st.sampled_from(DB_TYPES))} | 8.0 |",
        "## 3. Data Models",
        *models,
    ]) + "\n"


@st.composite
def prd_prose(draw: st.DrawFn) -> str:
    """Plain PRD prose or a user-story list, with store hints."""
    paragraphs = [draw(prose()) for _ in range(draw(st.integers(1, 4)))]
    stories = [
        f"{i}. As a {draw(name)}, I want to {draw(st.sampled_from(VERBS))} a {draw(name)} with its "
        f"{', '.join(draw(st.lists(name, min_size=1, max_size=4)))}, so that {draw(phrase)}."
        for i in range(1, draw(st.integers(0, 4)) + 1)
    ]
    return "\n\n".join([
        f"# PRD: {draw(phrase)}",
        "## What we need to keep track of",
        *paragraphs,
        "## Stories",
        "\n".join(stories),
        draw(st.sampled_from(STORE_PROSE)),
    ]) + "\n"


@st.composite
def hostile_spec(draw: st.DrawFn) -> str:
    """A well-formed spec whose names, purposes and sentences carry hostile text, so it reaches the
    decision document's tables, reasons, assumptions and store sections."""
    entity = draw(hostile)
    return "\n\n".join([
        f"# Feature ID: 099_{draw(st.from_regex(r'[a-z]{1,8}', fullmatch=True))}",
        f"## Name: {draw(hostile)}",
        "### Business Logic",
        f"- A {entity} has a {draw(hostile)}, a {draw(noun)} and a status: draft, `published` or "
        f"{draw(hostile)}.",
        f"- A {draw(noun)} belongs to one {entity} and has a {draw(hostile)}.",
        f"- [NEEDS CLARIFICATION: {draw(hostile)}]",
        draw(st.sampled_from(STORE_PROSE)),
        "## Database",
        f"- Type: {draw(st.sampled_from(DB_TYPES))}",
        "| Entity | Purpose | Key Fields |\n|---|---|---|\n"
        f"| {entity} | {draw(hostile)} | {draw(hostile)}, {draw(noun)} |",
    ]) + "\n"


STYLES = {
    "mixed": spec(),
    "template": template_spec(),
    "spec-kit": speckit_spec(),
    "kiro": kiro_spec(),
    "bmad": bmad_spec(),
    "prose": prd_prose(),
    "hostile": hostile_spec(),
}
