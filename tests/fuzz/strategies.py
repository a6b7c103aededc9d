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
