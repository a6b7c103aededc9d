"""Noun phrases → attributes: list splitting, flags (unique/optional), enum values, ranges, kinds."""

from __future__ import annotations

import re

from schemawright.domain.lexicon import Lexicon
from schemawright.domain.model import Attribute, Kind, Source
from schemawright.domain.naming import singular, snake

_ARTICLES = re.compile(
    r"^(?:a|an|the|its|their|his|her|each|every|one|any|some|own|also|optional(?:ly)?|unique|required|"
    r"mandatory|short|long|brief|single|current|named|given|free|plain|full text of the|textual)\s+",
    re.I,
)
_DISTRIBUTIVE = {
    "first",
    "last",
    "middle",
    "given",
    "family",
    "start",
    "end",
    "min",
    "max",
    "minimum",
    "maximum",
    "home",
    "work",
    "mobile",
    "billing",
    "shipping",
    "opening",
    "closing",
    "gross",
    "net",
    "check-in",
    "check-out",
}
_ENUM_INLINE = re.compile(
    r"\b([a-z][\w ]{0,30}?)\s+(?:of|is one of|which is one of|either|as|that is)\s+"
    r"((?:[\w-]+,\s*)+[\w-]+,?\s+(?:or|and)\s+[\w-]+|[\w-]+\s+or\s+[\w-]+)",
    re.I,
)
# "a size: small, medium or large" — a one-word field followed by its alternatives.
_COLON_ENUM = re.compile(
    r"\b((?:an?|the) [a-z]+):\s+((?:[\w-]+(?: [\w-]+)?,\s*)*[\w-]+(?: [\w-]+)?,?\s+or\s+[\w-]+(?: [\w-]+)?)"
    r"(?=$|[.;)]|\s+and\b)",
    re.I,
)
_PAREN = re.compile(r"\(([^()]*)\)")
_RANGE = re.compile(r"(?:from|between)\s+(-?\d+(?:\.\d+)?)\s+(?:to|and)\s+(-?\d+(?:\.\d+)?)", re.I)
_MAXLEN = re.compile(r"\bof (?:up to |at most )?(\d+) (?:characters|chars|letters|digits)\b", re.I)
_NOT_ATTRIBUTE = re.compile(
    r"\b(?:must|should|shall|will|can|cannot|may|is|are|was|were|be|being|been|when|if|so that|which|who)\b",
    re.I,
)


def split_list(text: str) -> list[str]:
    """Split "a, b, and c" at top-level commas/semicolons and and/or, keeping parentheses whole."""
    parts: list[str] = []
    depth = 0
    current = ""
    # "its name and, optionally, the parent": the comma after "and" is an aside, not an empty item.
    text = re.sub(r"\b(and|or),\s*(optionally|if any|possibly),?\s*", r"\1 \2 ", text)
    text = re.sub(r"\b(one|zero) or more\b", r"\1-or-more", text)  # a quantifier, not two items
    # "a number of credits between 1 and 10": a range, not two items
    text = re.sub(r"\bbetween\s+(-?\d+(?:\.\d+)?)\s+and\s+(-?\d+(?:\.\d+)?)", r"between \1 to \2", text)
    text = re.sub(r",\s*(each (?:with|having)\b)", r" \1", text)
    # "a licence number, which is unique" / "a plate, which no two trucks may share": one unique item.
    text = re.sub(
        r",\s*(?:which|that) (?:is|must be) unique\b|,\s*which no two [\w ]+? (?:may|can) share\b",
        " (unique)",
        text,
    )
    # "a number, unique within its gym": the scope stays with the item.
    text = re.sub(
        r",\s*(unique (?:within|per|in|for) (?:its|their|the|each|a|an) [\w ]+?)(?=,|$|\s+and\b)",
        r" (\1)",
        text,
    )  # "several X, each with …" stays whole
    tokens = re.split(r"(\(|\)|,|;|\s+and\s+|\s+or\s+|\s+&\s+|\s+as well as\s+|\s+plus\s+)", text)
    for tok in tokens:
        if tok == "(":
            depth += 1
        elif tok == ")":
            depth = max(depth - 1, 0)
        if (
            depth == 0
            and tok
            and (tok in (",", ";") or tok.strip() in ("and", "or", "&", "as well as", "plus"))
        ):
            parts.append(current)
            current = ""
            continue
        current += tok
    parts.append(current)
    cleaned = [re.sub(r"\b(one|zero)-or-more\b", r"\1 or more", p).strip(" .:") for p in parts]
    cleaned = [p for p in cleaned if p]
    # "one or more sections, each with a term, a room and …": the items after "each with" describe
    # the child, so they stay with it as one item (the child's own list is split again later).
    each = next((i for i, p in enumerate(cleaned) if re.search(r"\beach (?:with|having)\b", p)), None)
    if each is not None and each < len(cleaned) - 1:
        cleaned = [*cleaned[:each], ", ".join(cleaned[each:-1]) + " and " + cleaned[-1]]
    return _distribute(cleaned)


def _distribute(parts: list[str]) -> list[str]:
    """ "first and last name" → first name, last name."""
    out: list[str] = []
    for i, part in enumerate(parts):
        word = _ARTICLES.sub("", part).lower()
        if word in _DISTRIBUTIVE and i + 1 < len(parts):
            nxt = _ARTICLES.sub("", parts[i + 1]).split()
            if len(nxt) >= 2 and nxt[0].lower() in _DISTRIBUTIVE:
                out.append(f"{word} {' '.join(nxt[1:])}")
                continue
        out.append(part)
    return out


def strip_articles(phrase: str) -> str:
    previous = None
    phrase = phrase.strip()
    while previous != phrase:
        previous = phrase
        phrase = _ARTICLES.sub("", phrase).strip()
    return phrase


def inline_enums(text: str, lexicon: Lexicon) -> str:
    """Rewrite "a difficulty of easy, medium or hard" as "a difficulty (easy, medium, hard)" so that list
    splitting keeps the values with their attribute."""

    def repl(m: re.Match[str]) -> str:
        head = m.group(1)
        name = snake(strip_articles(head).split(" with ")[-1])
        if lexicon.kind_for_name(name) is not Kind.ENUM:
            return m.group(0)
        values = [v.strip() for v in re.split(r",|\s+or\s+|\s+and\s+", m.group(2)) if v.strip()]
        return f"{head} ({', '.join(values)})"

    text = _ENUM_INLINE.sub(repl, text)
    return _COLON_ENUM.sub(_colon_enum, text)


def _colon_enum(m: re.Match[str]) -> str:
    values = [v.strip() for v in re.split(r",|\s+or\s+", m.group(2)) if v.strip()]
    return f"{m.group(1)} ({', '.join(values[:-1])} or {values[-1]})"


def parse_attribute(
    phrase: str, lexicon: Lexicon, source: Source, declared_type: str = "", description: str = ""
) -> Attribute | None:
    """One noun phrase (plus optional declared type and description) → an Attribute, or None when the
    phrase does not look like a stored value."""
    raw = phrase.strip()
    if re.match(
        r"^(?:at most|at least|up to|no more than|not more than|a maximum of|a minimum of)\s+\d", raw, re.I
    ):
        return None  # "has at most 8 places": a limit on rows, not a stored value
    notes = " ".join(_PAREN.findall(raw))
    text = _PAREN.sub(" ", raw)
    text = re.split(
        r"\s+(?:derived from|taken from|computed from|shown on|printed as|used for|that)\s+", text
    )[0]
    text = re.sub(r"\s+(?:of|in|for|with)\s+(?:up to |at most )?\d+\s+\w+$", "", text)
    # "a quantity of at least 1", "a stock level no lower than 0": the bound is a constraint (read from raw)
    text = re.sub(
        r"\s+(?:of\s+|that is\s+)?(?:at least|at most|no (?:less|more|lower|higher) than|minimum|maximum)"
        r"\s+-?\d.*$",
        "",
        text,
    )
    # "a proficiency level from 1 to 5": the range is a constraint (read from ``raw``), not part of the name
    text = re.sub(r"\s+(?:from|between)\s+-?\d+(?:\.\d+)?\s+(?:to|and)\s+-?\d+(?:\.\d+)?$", "", text.strip())
    # "the goals they agreed": a trailing relative clause does not name the value.
    text = re.sub(
        r"^(?!(?:when|where|whether|how|why|what|who)\b)(\S+(?:\s+\S+)?)\s+(?:they|it|he|she|we|you)\s+\w+$",
        r"\1",
        text.strip(),
    )
    # "the storage key of the object": a generic complement adds nothing to the column name.
    text = re.sub(
        r"\s+of\s+(?:the|its|their|this|each)\s+(?:object|item|record|entry|row|file|thing)$", "", text
    )
    for rule in lexicon.phrases:
        m = rule.pattern.search(text.lower())
        if m:
            name = rule.name
            for i, group in enumerate(m.groups(), start=1):
                name = name.replace("{" + str(i) + "}", group or "")
            return _finish(snake(name), rule.kind, raw, notes, declared_type, description, lexicon, source)
    core = strip_articles(text)
    core = re.sub(r"'s\b", "", core)
    words = core.split()
    if not words or len(words) > 4 or _NOT_ATTRIBUTE.search(core) or not re.match(r"^[A-Za-z]", core):
        return None
    name = snake(core)
    if not name or (name in lexicon.not_entities and lexicon.kind_for_name(name) is None):
        return None
    kind = _kind(name, declared_type, description, lexicon)
    if kind in (Kind.TIMESTAMP, Kind.TEXT) and _TIME_OF_DAY.search(f"{raw} {description}"):
        kind = Kind.TIME  # "the opening time (HH:MM)", "a start time such as 09:30"
    return _finish(name, kind, raw, notes, declared_type, description, lexicon, source)


_TIME_OF_DAY = re.compile(r"\bHH:MM\b|\btime of day\b|(?<![\d:])(?:[01]?\d|2[0-3]):[0-5]\d(?![\d:])", re.I)


def _kind(name: str, declared_type: str, description: str, lexicon: Lexicon) -> Kind:
    by_name = lexicon.kind_for_name(name)
    by_type = lexicon.kind_for_type(declared_type) if declared_type else None
    if by_type is None:
        return by_name or Kind.TEXT
    if by_name is None:
        return by_type
    # A declared type is authoritative on shape; the name refines meaning within that shape.
    compatible = {
        Kind.TEXT: {
            Kind.NAME,
            Kind.TITLE,
            Kind.EMAIL,
            Kind.PHONE,
            Kind.URL,
            Kind.IDENTIFIER,
            Kind.LONG_TEXT,
            Kind.CURRENCY,
            Kind.COUNTRY,
            Kind.PASSWORD,
            Kind.SECRET_TOKEN,
            Kind.ENCRYPTED,
            Kind.ENUM,
        },
        Kind.LONG_TEXT: {Kind.LONG_TEXT, Kind.TITLE, Kind.NAME},
        Kind.INTEGER: {Kind.COUNT, Kind.POSITION, Kind.RATING, Kind.DURATION, Kind.YEAR, Kind.MONTH},
        Kind.DECIMAL: {Kind.MONEY, Kind.PERCENTAGE, Kind.RATING, Kind.COUNT, Kind.DURATION},
        Kind.MONEY: {Kind.MONEY},
        Kind.TIMESTAMP: {Kind.TIMESTAMP, Kind.TIME},
        Kind.DATE: {Kind.DATE},
        Kind.TIME: {Kind.TIME},
    }
    return by_name if by_name in compatible.get(by_type, set()) else by_type


def _finish(
    name: str,
    kind: Kind,
    raw: str,
    notes: str,
    declared_type: str,
    description: str,
    lexicon: Lexicon,
    source: Source,
) -> Attribute:
    context = f"{raw} {description}".lower()
    attr = Attribute(name=name, kind=kind, source=source, description=description.strip())
    if re.search(r"\bunique\b|\bidentified by\b|\bno two\b", context):
        attr.unique = True
    if re.search(
        r"\boptional\b|\bif (?:any|scanned|known|given|set)\b|\bmay be (?:empty|blank|missing)\b", context
    ):
        attr.required = False
    if re.search(r"case[- ]insensitive", context):
        attr.case_insensitive = True
    values = _enum_values(notes, description, declared_type)
    wordy = bool(values) and not any(v.replace(".", "").isdigit() for v in values)
    single_words = bool(values) and all(len(v.split("_")) <= 2 for v in values)
    if values and (
        kind in (Kind.ENUM, Kind.TEXT, Kind.NAME, Kind.IDENTIFIER)
        or (kind is Kind.COUNT and wordy)
        or (kind is Kind.LONG_TEXT and wordy and single_words)  # "a reason (receipt, return, damage)"
    ):
        attr.kind = Kind.ENUM
        attr.enum_values = values
    elif values and kind is Kind.JSON:
        attr.description = (attr.description + f" (e.g. {', '.join(values)})").strip()
    m = _RANGE.search(context)
    if m and kind not in (Kind.DATE, Kind.TIMESTAMP):
        attr.minimum, attr.maximum = float(m.group(1)), float(m.group(2))
        if attr.kind in (Kind.TEXT, Kind.ENUM):
            attr.kind = Kind.RATING if name in ("rating", "score", "stars") else Kind.INTEGER
    if re.search(r"never negative|non-negative|cannot be negative|not negative|at least 0|>= ?0", context):
        attr.minimum = 0.0 if attr.minimum is None else attr.minimum
    m = re.search(r"at least (\d+)", context)
    if m and attr.minimum is None and kind not in (Kind.DATE, Kind.TIMESTAMP):
        attr.minimum = float(m.group(1))
    m = _MAXLEN.search(context)
    if m:
        attr.max_length = int(m.group(1))
    if kind is Kind.EMAIL:
        attr.case_insensitive = True
    if re.search(r"_(?:kg|km|m2|grams|litres|liters|metres|meters|kmh)$", name) and attr.minimum is None:
        attr.minimum = 0.0  # a measured amount in a unit is never negative
    if kind is Kind.ENCRYPTED or re.search(r"confidential|encrypt|sensitive", context):
        attr.sensitivity = "confidential"
    elif re.search(r"\bsecret\b|\bshown (?:only )?once\b", description, re.I) and kind in (
        Kind.TEXT,
        Kind.IDENTIFIER,
        Kind.LONG_TEXT,
    ):
        # "key | string | secret, shown once": only its hash is needed to check it later.
        attr.kind = Kind.SECRET_TOKEN
        attr.sensitivity = "secret"
    return attr


def _enum_values(notes: str, description: str, declared_type: str) -> list[str]:
    candidates = []
    if notes and ("," in notes or " or " in notes or re.fullmatch(r"\s*\w+(?:\s*/\s*\w+)+\s*", notes)):
        candidates.append(notes)
    if declared_type.lower().startswith("enum"):
        candidates.append(description.split(" - ")[-1] if description else "")
        inner = re.search(r"enum\s*[(<\[]([^)>\]]*)", declared_type, re.I)
        if inner:
            candidates.insert(0, inner.group(1))
    m = re.search(r"(?:one of|either|values?:?)\s+(.+)$", description, re.I)
    if m:
        candidates.append(m.group(1))
    for text in candidates:
        values = [
            v.strip(" .'\"`") for v in re.split(r",|\s+or\s+|\s+and\s+|\||/", text) if v.strip(" .'\"`")
        ]
        values = [re.sub(r"^(?:e\.g\.|i\.e\.)\s*", "", v) for v in values]
        if len(values) >= 2 and all(len(v.split()) <= 3 for v in values):
            return [snake(v) if " " in v else v.lower() for v in values]
    return []


def entity_name(phrase: str, lexicon: Lexicon) -> str:
    """A noun phrase naming an entity → canonical singular snake_case (synonyms applied)."""
    core = strip_articles(_PAREN.sub(" ", phrase)).strip(" .:*")
    name = singular(core)
    return lexicon.synonyms.get(name, name)
