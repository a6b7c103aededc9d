"""Free-form requirements: sentences in stories, FR lines, EARS criteria, business-logic bullets, prose.

Rule-based and deterministic: each rule is a sentence pattern that adds entities, attributes,
relationships, constraints, access patterns or key-value needs, citing the sentence's line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from schemawright.domain import (
    associations,
    clauses,
    daytimes,
    events,
    implied,
    listing,
    multivalued,
    parts,
    phrasing,
    roles,
    security,
    streams,
    verbs,
)
from schemawright.domain.access import access_sentence
from schemawright.domain.builder import ModelBuilder
from schemawright.domain.clauses import Context
from schemawright.domain.describe import describe
from schemawright.domain.model import (
    AccessPattern,
    Attribute,
    CacheNeed,
    Cardinality,
    CheckRule,
    Entity,
    Kind,
    Source,
)
from schemawright.domain.naming import singular, snake
from schemawright.domain.phrases import inline_enums, parse_attribute, split_list, strip_articles
from schemawright.domain.scope import duration_seconds
from schemawright.spec.document import SpecDocument

_SKIP_SECTIONS = (
    "ui requirements",
    "frontend",
    "api endpoints",
    "navigation",
    "accessibility",
    "styling",
    "dependencies",
    "success criteria",
    "measurable outcomes",
)
_NP = r"(?:an?|the|each|every|one)?\s*([a-z][a-z -]{1,40}?)"
_RECORD = re.compile(
    r"\b(?:for|on)\s+(?:each|every)\s+([a-z][a-z -]{1,30}?),?\s+(?:we|the system|it|you)\s+(?:also\s+)?"
    r"(?:must\s+|should\s+|shall\s+|will\s+)?(?:also\s+)?"
    r"(?:record|keep|store|track|capture|save|log|hold)s?\s+(.+)$",
    re.I,
)
_STORE_WITH = re.compile(
    r"\b(?:store|record|keep|track|manage|save|persist|register|maintain)s?\s+([a-z][a-z -]{1,30}?)\s+"
    r"(?:with|including|that "
    r"have|having)\s+(.+)$",
    re.I,
)
_HAS_LIST = re.compile(
    r"^(?:(?:an?|the|each|every)\s+)([a-z][a-z -]{1,60}?)\s+(?:(?:must|should|shall|will|can|may)\s+)?"
    r"(?:has|have|holds?|stores?|contains?|records?|"
    r"keeps?|carries)\s+(.+)$",
    re.I,
)
_SECOND_PREDICATE = re.compile(
    r",?\s+and\s+(?:also\s+)?(?:keeps?|has|have|holds?|stores?|contains?|records?|tracks?|owns?|lists?)\s+",
    re.I,
)
_BELONGS = re.compile(
    rf"\b{_NP}\s+(?:belongs?|belonging)\s+to\s+(?:one|a|an|the|exactly one|a single)\s+([a-z][a-z "
    rf"-]{{1,30}}?)(?=$|[,;.]|\s+(?:and|who|which|that|with)\b)",
    re.I,
)
_HAS_MANY = re.compile(
    rf"\b{_NP}\s+(?:can\s+|may\s+)?(?:has|have|contains?|includes?|owns?|holds?)\s+(?:many|several|"
    rf"multiple|one or more|any number of|zero or more|a number of)\s+([a-z][a-z -]{{1,30}}?)(?=$|[,;.:]|"
    rf"\s+(?:and|who|which|that|with|each)\b)",
    re.I,
)
_M2M = re.compile(
    r"\b(?:any number of|many|several|multiple)\s+([a-z][a-z -]{1,30}?)\s*[;,]\s*(?:and\s+)?(?:a|an|"
    r"each)\s+([a-z][a-z -]{1,30}?)\s+can\s+be\s+\w+\s+by\s+(?:many|several|multiple|any number "
    r"of)\s+([a-z][a-z -]{1,30}?)\b",
    re.I,
)
_RETENTION = re.compile(
    r"\b([a-z][a-z ]{1,30}?)\s+(?:data\s+)?older than\s+(\d+|a|an|one|two|three|seven|ten|twelve|thirty|"
    r"ninety)\s+(second|minute|hour|day|week|month|year)s?\s+(?:is|are)\s+(?:dropped|deleted|removed|purged|archived|expired)",
    re.I,
)
_VOLUME = re.compile(
    r"(?:about|around|roughly|up to|approximately|~)?\s*([\d][\d,.]*)\s*(million|thousand|k|"
    r"m)?\s+([a-z][a-z ]{1,30}?)\s+(?:a|per)\s+(day|month|year|hour)",
    re.I,
)
_UNIQUE_SENTENCE = re.compile(
    r"^\s*(?:the\s+|an?\s+)?([a-z][a-z ]{1,30}?)\s+must be unique(?:\s*\(([^)]*)\))?", re.I
)


def sentences(doc: SpecDocument, b: ModelBuilder) -> Iterator[tuple[str, Source]]:
    for block in doc.blocks:
        if block.kind not in ("paragraph", "bullet"):
            continue
        if block.in_section(*b.lexicon.out_of_scope_sections) or block.in_section(*_SKIP_SECTIONS):
            continue
        label = r"^\s*(?:\*\*)?(?:FR|NFR|SC|BR|DR|R)[-\s]?\d+[a-z]?(?:\*\*)?\s*:\s*"
        text = re.sub(label, "", block.text)
        for sentence in re.split(r"(?<=[.!?])\s+(?=[A-Z])", text):
            sentence = re.sub(label, "", sentence).strip()  # "FR2:" lines inside one paragraph
            if sentence:
                yield sentence, Source(line=block.line, text=sentence[:200])


def _clean_subject(text: str) -> str:
    text = re.sub(r"^(?:the system|system)\s+(?:must|shall|should|will)\s+", "", text.strip(), flags=re.I)
    return strip_articles(text)


def prose(doc: SpecDocument, b: ModelBuilder) -> None:
    ctx = Context()
    line = -1
    for sentence, src in sentences(doc, b):
        if src.line != line:
            ctx, line = Context(), src.line
        lowered = _lower_modals(sentence)
        events.entry_order(b, lowered, src)
        if _SCENARIO.match(sentence):
            continue  # Given/When/Then narrates a test: only its ordering words state data
        phrasing.introduced_with(b, inline_enums(lowered, b.lexicon), src)
        clauses.subject_sentence(b, inline_enums(lowered, b.lexicon), src, ctx)
        phrasing.multi_party(b, lowered, src)
        phrasing.logged_for(b, lowered, src)
        phrasing.can_many(b, lowered, src)
        events.ears(b, lowered, src)
        events.emitted(b, lowered, src)
        events.rating(b, lowered, src, ctx.last)
        events.variant_flag(b, lowered, src)
        events.which_and_when(b, lowered, src)
        events.states(b, lowered, src)
        multivalued.main_flag(b, lowered, src)
        associations.association(b, lowered, src)
        streams.streams(b, lowered, src)
        roles.roles(b, lowered, src)
        _sentence(b, sentence, src)
        daytimes.opening_times(b, lowered, src, ctx.last)
    # Constraints second: they name entities and attributes any sentence may introduce.
    for sentence, src in sentences(doc, b):
        lowered = _lower_modals(sentence)
        events.at_most_one_open(b, lowered, src)
        events.exclusions(b, lowered, src)
        multivalued.main_flag(b, lowered, src)  # again: the child may come from later in its own sentence
        _constraints(b, inline_enums(lowered, b.lexicon), src)
        _unique_within(b, lowered, src)
        parts.parts_sentence(b, lowered, src)
        phrasing.compare_in_list(b, lowered, src)
        implied.implied(b, lowered, src)


# Words that end the subject noun phrase: "A baker belongs to one bakery and has …" → "baker".
_SUBJECT_END = re.compile(
    r"\s+(?:belongs?|belonging|is|are|was|were|works?|lives?|operates?|sits?|runs?|must|can|may|should|"
    r"shall|will|who|which|that)\b",
    re.I,
)
_PREPOSITION = frozenset({"to", "at", "in", "for", "on", "by", "with", "under", "from", "into"})
_GENERIC = frozenset(
    {
        "thing",
        "item",
        "entry",
        "record",
        "data",
        "object",
        "one",
        "each",
        "other",
        "user interface",
        "value",
        "it",
        "they",
        "this",
        "that",
        "there",
        "everything",
        "something",
        "anything",
        "someone",
        "everyone",
    }
)


def _subject_phrase(subject: str) -> str:
    """The noun phrase before the first verb: earlier predicates ("belongs to one bakery and") are not part
    of the subject of a later "has". "" when the "has" belongs to another subject ("… and a team has …")
    or the phrase is too long to be one noun phrase."""
    if re.search(r"\band\s+(?:an?|the|each|every)\s+\w", subject):
        return ""
    subject = _SUBJECT_END.split(" " + subject, maxsplit=1)[0].strip()
    words = subject.split()
    for i, word in enumerate(words[1:], start=1):
        # "a courier drives for one depot and has …": a verb form followed by a preposition
        if (
            i + 1 < len(words)
            and words[i + 1] in _PREPOSITION
            and verbs.verb_lemma(word)
            and word.endswith("s")
        ):
            subject = " ".join(words[:i])
            break
    return subject if len(subject) <= 30 else ""


def _short_specific_noun(b: ModelBuilder, subject: str) -> bool:
    words = subject.split()
    if not 1 <= len(words) <= 2 or subject in _GENERIC or words[-1] in _GENERIC:
        return False
    if re.search(r"\b(?:it|they|this|these|those|we|you|he|she)\b", subject):
        return False
    return (
        b.canonical(words[-1]) not in b.lexicon.not_entities
        and b.canonical(subject) not in b.lexicon.not_entities
    )


_SCENARIO = re.compile(r"^\W*given\b.*\bwhen\b.*\bthen\b", re.I)


def _lower_modals(s: str) -> str:
    return re.sub(r"\b(?:MUST|SHALL|SHOULD|MAY|CAN|NOT)\b", lambda m: m.group(0).lower(), s)


def _sentence(b: ModelBuilder, sentence: str, src: Source) -> None:
    s = inline_enums(sentence, b.lexicon)
    s = re.sub(r"\b(?:MUST|SHALL|SHOULD)\b", lambda m: m.group(0).lower(), s)
    m = None if associations.per_pair(b, s, src) else _RECORD.search(s)
    if m:
        entity = b.entity(m.group(1), src)
        if entity:
            describe(b, entity, "with " + m.group(2), src)
    # "keep a catalogue of courses, each with a code" is "keep courses with a code".
    s = re.sub(
        r"\b(?:an?|the)\s+(?:catalogue|catalog|list|register|registry|directory|collection|record)\s+of\s+"
        r"([a-z][a-z -]*?),?\s+each\s+with\b",
        r"\1 with",
        s,
        flags=re.I,
    )
    m = _STORE_WITH.search(s)
    if m:
        entity = b.entity(_clean_subject(m.group(1)), src)
        if entity:
            describe(b, entity, "with " + m.group(2), src)
    for clause in re.split(r";\s*", s):
        m = _HAS_LIST.search(clause.strip())
        if m and not re.match(r"(?:no|not|nothing|none)\b", m.group(2), re.I):  # "may have no teacher yet"
            subject = _subject_phrase(_clean_subject(m.group(1)))
            if not subject:
                continue
            items = split_list(re.split(r"\s+(?:and\s+)?belongs?\s+to\b", m.group(2))[0])
            attrs = [parse_attribute(i, b.lexicon, src) for i in items]
            known = b.find(subject)
            # "A kennel keeps several contact phones": a short subject that keeps many of something is an
            # entity even before the spec gives it attributes of its own.
            several = len(items) == 1 and bool(multivalued.QUANTIFIED.match(items[0].strip()))
            pronoun = re.search(r"\b(?:it|they|this)\b", subject)
            several = several and len(subject.split()) <= 2 and not pronoun
            # "A cabin class has a label.": one attribute is enough for a short, specific noun phrase.
            single = len(items) == 1 and attrs[0] is not None and _short_specific_noun(b, subject)
            if known is not None or sum(a is not None for a in attrs) >= 2 or several or single:
                entity = known or b.entity(subject, src)
                if entity is not None and single and known is None:
                    b.assume(
                        f"'{subject}' is taken as an entity although the spec gives it a single attribute "
                        f"({attrs[0].name if attrs[0] else '?'}): it is the subject of its own sentence.",
                        src,
                    )
                # "has a name and an address, and keeps several slots, each with …": two predicates
                for part in _SECOND_PREDICATE.split(m.group(2)):
                    if entity and part.strip():
                        describe(b, entity, "with " + part, src)
    for m in _BELONGS.finditer(s):
        child = b.find(_clean_subject(m.group(1))) or None
        parent_phrase = re.sub(r"\s+who\b.*$", "", m.group(2))
        parent = b.find(parent_phrase) or b.entity(parent_phrase, src)
        if child and parent and child.name != parent.name:
            b.relate(child.name, parent.name, src)
    for m in _HAS_MANY.finditer(s):
        parent = b.find(_clean_subject(m.group(1)))
        child = b.find(m.group(2))
        if parent and child and parent.name != child.name:
            b.relate(child.name, parent.name, src)
    m = _M2M.search(s)
    if m:
        left, right = b.find(m.group(3)), b.find(m.group(1))
        if left and right:
            b.relate(left.name, right.name, src, cardinality=Cardinality.MANY_TO_MANY)
    _volumes(b, s, src)
    _caches(b, s, src)


def _constraints(b: ModelBuilder, s: str, src: Source) -> None:
    m = _UNIQUE_SENTENCE.search(s)
    if m:
        name = snake(strip_articles(m.group(1)))
        for entity in b.model.entities:
            attr = entity.attribute(name)
            if attr:
                attr.unique = True
                if m.group(2) and "insensitive" in m.group(2).lower():
                    attr.case_insensitive = True
    if re.search(r"\bpasswords?\b.*\b(?:never stored|hash)", s, re.I):
        for entity in b.model.entities:
            for attr in entity.attributes:
                if attr.name == "password":
                    attr.name, attr.kind = "password_hash", Kind.PASSWORD
    m = re.search(r"\bone\s+([a-z ]+?)\s+per\s+([a-z ]+?)(?:\s*[,;.]|$)", s, re.I)
    if m and not re.search(r"\s+and\s+", m.group(2)):  # "one X per A and B" is a per-pair key
        single, parent = b.find(m.group(1)), b.find(m.group(2))
        if single and parent:
            b.relate(single.name, parent.name, src, cardinality=Cardinality.ONE_TO_ONE)
    m = re.search(
        r"\bonly one\s+([a-z ]+?)\s+per\s+([a-z ]+?)\s+may\s+(?:start|begin|be valid)\s+on\s+(?:a given|"
        r"the same)\s+(\w+)",
        s,
        re.I,
    )
    if m:
        dated, parent = b.find(m.group(1)), b.find(m.group(2))
        if dated and parent:
            date_attr = next((a.name for a in dated.attributes if a.kind is Kind.DATE), None)
            if date_attr:
                b.unique(dated.name, [parent.name, date_attr], src)


_TWO_SAME = re.compile(
    r"\btwo\s+([a-z][a-z -]*?)\s+(?:with|having|of)\s+the\s+same\s+([a-z][a-z ]*?)\s+(?:in|within|under|"
    r"inside|for|on)\s+the\s+same\s+([a-z][a-z -]*?)\s*(?:[,;.]|$)",
    re.I,
)
_UNIQUE_WITHIN = re.compile(
    r"\b([a-z][a-z -]*?)\s+(?:is|are|must be|should be|shall be)\s+unique\s+(?:within|in|per|inside|under|"
    r"among the\s+\w+\s+of)\s+(?:their|its|the|each|every|a|an|one)\s+([a-z][a-z -]*?)\s*(?:[,;.]|$)",
    re.I,
)


def _unique_within(b: ModelBuilder, s: str, src: Source) -> None:
    """ "no two folders with the same name in the same parent folder", "folder names are unique within their
    parent folder": a composite unique key (link to the container, attribute) on the contained entity."""
    m = _TWO_SAME.search(s)
    if m:
        target = _within_target(b, m.group(1), m.group(2), m.group(3))
    else:
        m = _UNIQUE_WITHIN.search(s)
        if not m:
            return
        words = strip_articles(m.group(1)).split()
        if len(words) < 2:
            return
        target = _within_target(b, " ".join(words[:-1]), words[-1], m.group(2))
    if target:
        entity, link, attr = target
        b.unique(entity, [link, attr], src)
        b.assume(
            f"{entity}.{attr} is unique within its {link}: a composite unique key ({link}, {attr}).", src
        )


def _within_target(
    b: ModelBuilder, thing: str, attr_phrase: str, container: str
) -> tuple[str, str, str] | None:
    entity = b.find(strip_articles(thing))
    if entity is None:
        return None
    attr = entity.attribute(singular(snake(attr_phrase))) or entity.attribute(snake(attr_phrase))
    if attr is None:
        return None
    phrase = strip_articles(container)
    parent = b.find(phrase)
    links = [
        r
        for r in b.model.relationships
        if r.child == entity.name and r.cardinality is not Cardinality.MANY_TO_MANY
    ]
    if parent is not None:
        candidates = [r for r in links if r.parent == parent.name]
        # "in the same parent folder": prefer the link whose role the phrase names
        named = [r for r in candidates if r.role and r.role.replace("_", " ") in phrase]
        chosen = (named or candidates)[:1]
        if chosen:
            return entity.name, chosen[0].role or chosen[0].parent, attr.name
    # the container is kept as a plain attribute ("an optional parent folder" not yet a link)
    plain = entity.attribute(snake(phrase))
    if plain is not None and plain.name != attr.name:
        return entity.name, plain.name, attr.name
    return None


def _volumes(b: ModelBuilder, s: str, src: Source) -> None:
    m = _RETENTION.search(s)
    if m:
        entity = b.find(m.group(1)) or streams.log_entity(b, m.group(1))
        seconds = duration_seconds(m.group(2), m.group(3))
        if entity and seconds:
            entity.retention_days = max(1, seconds // 86400)
            entity.append_only = True
    for m in _VOLUME.finditer(s):
        entity = b.find(m.group(3))
        if entity is None:
            continue
        n = float(m.group(1).replace(",", ""))
        mult = {"million": 1e6, "m": 1e6, "thousand": 1e3, "k": 1e3}.get((m.group(2) or "").lower(), 1)
        per = {"hour": 720, "day": 30, "month": 1, "year": 1 / 12}[m.group(4).lower()]
        entity.volume_per_month = int(n * mult * per)


def _caches(b: ModelBuilder, s: str, src: Source) -> None:
    low = s.lower()
    if "redis" in low or re.search(r"\bcached?\b", low):
        m = re.search(
            r"cached?\s+(?:in redis\s+)?for\s+(\d+|a|an|one)\s+(second|minute|hour|day|week)s?", low
        )
        if m and "cache" in low:
            ttl = duration_seconds(m.group(1), m.group(2))
            sliding = bool(re.search(r"after the last (?:use|access|read)|since last|sliding", low))
            target = _first_entity_in(b, s)
            b.cache(
                CacheNeed(
                    purpose="cache",
                    entity=target,
                    ttl_seconds=ttl,
                    sliding=sliding,
                    description=s,
                    source=src,
                )
            )
    m = re.search(
        r"at most\s+(\d+)\s+([a-z ]+?)\s+per\s+(second|minute|hour|day)(?:\s+per\s+([a-z ]+?))?(?=[;,.]|$)",
        low,
    )
    if m:
        window = duration_seconds("1", m.group(3))
        b.cache(
            CacheNeed(
                purpose="rate_limit",
                entity=singular(snake(m.group(2))),
                limit=int(m.group(1)),
                window_seconds=window,
                ttl_seconds=window,
                key_parts=[snake(m.group(4))] if m.group(4) else [],
                description=s,
                source=src,
            )
        )


def _first_entity_in(b: ModelBuilder, s: str) -> str:
    for word in re.findall(r"[a-z]+(?:[ -][a-z]+)?", s.lower()):
        entity = b.find(word)
        if entity:
            return entity.name
    return ""


def security_and_audit(doc: SpecDocument, b: ModelBuilder) -> None:
    """Confidential fields to encrypt, logged reads (an audit table), never-hard-deleted entities."""
    for sentence, src in sentences(doc, b):
        low = sentence.lower()
        security.confidential(b, sentence, src)
        security.access_log(b, sentence, src)
        m = re.search(
            r"\b([a-z ]+?)\s+(?:are|is)\s+kept\s+for\s+(\d+)\s+(year|month|day)s?.*never\s+hard[- ]deleted",
            low,
        )
        if m or "soft delete" in low or "soft-delete" in low:
            entity = (
                b.find(re.sub(r"^(?:terminated|deleted|inactive|archived)\s+", "", m.group(1))) if m else None
            )
            entity = entity or (b.find(_first_entity_in(b, sentence)) if not m else None)
            if entity:
                entity.soft_delete = True
                if m:
                    seconds = duration_seconds(m.group(2), m.group(3))
                    entity.retention_days = seconds // 86400 if seconds else None


def ranges(b: ModelBuilder) -> None:
    """Range attributes become CHECK rules; enum attributes become enum rules."""
    for entity in b.model.entities:
        for attr in entity.attributes:
            _attribute_checks(b, entity.name, attr)
    for rel in b.model.relationships:  # link attributes live on the junction named by ``through``
        for attr in rel.attributes if rel.through else []:
            _attribute_checks(b, rel.through, attr)


def _attribute_checks(b: ModelBuilder, entity: str, attr: Attribute) -> None:
    if attr.kind is Kind.ENUM and attr.enum_values:
        b.check(
            CheckRule(
                entity=entity, kind="enum", attribute=attr.name, values=attr.enum_values, source=attr.source
            )
        )
    if attr.minimum is not None or attr.maximum is not None:
        b.check(
            CheckRule(
                entity=entity,
                kind="range",
                attribute=attr.name,
                minimum=attr.minimum,
                maximum=attr.maximum,
                source=attr.source,
            )
        )
    elif attr.kind in (Kind.MONEY, Kind.COUNT, Kind.DURATION):
        b.check(CheckRule(entity=entity, kind="non_negative", attribute=attr.name, source=attr.source))


def access_patterns(doc: SpecDocument, b: ModelBuilder) -> None:
    """ "searchable by X", "filter by X", "look up by X", "ordered by X and Y", "per day for one link"."""
    for sentence, src in sentences(doc, b):
        access_sentence(b, sentence, src)
        listing.listing(b, _lower_modals(sentence), src, _ears_subject(b, sentence))
        low = sentence.lower()
        for m in re.finditer(
            r"\b([a-z]+(?: [a-z]+)?)\s+(?:must be |are |is |can be )?(?:searchable|searched|filtered|"
            r"looked up|found|queried)\s+by\s+([a-z ]+?)(?=$|[,;.]|\s+(?:returns|in|and|must)\b)",
            low,
        ):
            entity, by = b.find(m.group(1)), m.group(2)
            if entity:
                _by(b, entity.name, by, src)
        look = re.search(
            r"\blooking up (?:an? |the )?([a-z ]+?) by (?:its |their )?([a-z ]+?)(?=$|[,;.]|\s+must)", low
        )
        if look:
            entity = b.find(look.group(1))
            if entity:
                _by(b, entity.name, look.group(2), src)


def _ears_subject(b: ModelBuilder, sentence: str) -> Entity | None:
    """ "WHEN a user opens a folder THEN … list its files": "its" is the condition's object."""
    m = re.match(
        r"^\s*(?:when|if|once|after)\s+(?:an?|the)\s+\w+\s+\w+s\s+(?:an?|the)\s+([a-z ]+?)\s*,?\s+then\b",
        sentence,
        re.I,
    )
    return b.find(m.group(1), exact=True) if m else None


def _by(b: ModelBuilder, entity: str, phrase: str, src: Source) -> None:
    target = b.find(phrase)
    if target is not None and target.name != entity:
        b.access(AccessPattern(entity=entity, equality=[target.name], source=src, description=src.text))
        return
    name = snake(strip_articles(phrase))
    b.access(AccessPattern(entity=entity, equality=[name], source=src, description=src.text))
