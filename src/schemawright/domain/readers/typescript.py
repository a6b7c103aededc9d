"""TypeScript data models → facts: ``interface X { … }``, ``type X = { … }`` and TypeORM entity classes.

A small tokenizer and a recursive-descent reader (no regex over whole declarations, so time stays linear):

* ``interface`` / object ``type`` / plain ``class``: each is an entity (DTO-like names such as
  ``CreateOrderRequest`` are not); ``?``, ``| null`` and ``| undefined`` mark optional fields;
  string-literal unions, union aliases and ``enum`` declarations give enum values; ``Date`` is a timestamp;
  ``y: Y`` and ``yId: string`` (``Y`` declared in the spec, or named by a ``// -> Y`` comment) are links to
  ``Y``; ``Y[]`` and ``yIds: string[]`` are one-to-many or many-to-many (see
  :func:`~schemawright.domain.readers.hints.array_relationship`).
* ``@Entity() class X``: ``@Column`` options (type, length, precision, scale, nullable, unique, default,
  enum, name), primary and date columns, ``@ManyToOne`` / ``@OneToOne`` + ``@JoinColumn``, ``@OneToMany``
  (the owning side wins), ``@ManyToMany`` + ``@JoinTable``, class-level ``@Unique``, ``@Index`` and
  ``@Check``.

Rule ids: ``ts.interface``, ``ts.interface.field``, ``ts.interface.relation``, ``ts.interface.array``,
``ts.entity``, ``ts.column``, ``ts.relation``, ``ts.unique``, ``ts.index``, ``ts.check``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from schemawright.domain.facts import (
    AttributeFact,
    CheckFact,
    EntityFact,
    Fact,
    IndexFact,
    RelationshipFact,
    UniqueFact,
)
from schemawright.domain.lexicon import load_lexicon
from schemawright.domain.model import Cardinality, Kind
from schemawright.domain.naming import snake
from schemawright.domain.readers.hints import (
    Known,
    array_relationship,
    code_first_line,
    declared_names,
    enum_hint,
    fk_target,
    id_base,
    key,
    named_entity,
    prov,
    refers_to,
    unique_hint,
)
from schemawright.spec.document import Block, SpecDocument

_TS_LANGS = frozenset({"ts", "typescript", "tsx", "js", "javascript", "jsx", "mts", "cts"})
_LOOKS_TS = re.compile(
    r"\binterface\s+[A-Za-z_]\w*|\btype\s+[A-Za-z_]\w*\s*(?:<[^>\n]{0,80}>)?\s*=|@Entity\b|"
    r"\bclass\s+[A-Za-z_]\w*[^\n{]{0,120}\{|\benum\s+[A-Za-z_]\w*\s*\{"
)
_TOKEN = re.compile(
    r"(?P<nl>\n)|(?P<ws>[ \t\r\f\v]+)"
    r"|(?P<comment>//[^\n]*|/\*(?:[^*]|\*(?!/))*(?:\*/)?)"
    r"|(?P<str>'(?:[^'\\\n]|\\.)*'?|\"(?:[^\"\\\n]|\\.)*\"?|`(?:[^`\\]|\\.)*`?)"
    r"|(?P<num>\d[\w.]*)"
    r"|(?P<id>[A-Za-z_$][\w$]*)"
    r"|(?P<punct>=>|\.\.\.|\?\.|\S)"
)
_NOT_ENTITY = re.compile(
    r"(?:Request|Response|Dto|DTO|Input|Payload|Params|Props|Options|Config|Args|Filter|Query|Result|Error)$"
)
_MIXIN = re.compile(r"^(?:Base|Abstract)|Base$|^(?:Timestamps?|Timestamped|Auditable|Entity|Model|Record)$")
_MODIFIERS = frozenset(
    {"readonly", "public", "private", "protected", "static", "declare", "override", "abstract"}
)
_COLUMN_DECORATORS = frozenset(
    {
        "Column",
        "PrimaryColumn",
        "PrimaryGeneratedColumn",
        "CreateDateColumn",
        "UpdateDateColumn",
        "DeleteDateColumn",
        "VersionColumn",
        "ObjectIdColumn",
        "Prop",
        "Property",
    }
)
_RELATION_DECORATORS = frozenset({"ManyToOne", "OneToOne", "OneToMany", "ManyToMany"})
_JSON_TYPES = frozenset({"object", "any", "unknown", "Record", "Map", "JSON", "JsonValue", "JSONValue"})
_BINARY_TYPES = frozenset({"Buffer", "Uint8Array", "ArrayBuffer", "Blob"})


@dataclass
class _Tok:
    kind: str
    text: str
    line: int


@dataclass
class _Decorator:
    name: str
    args: list[list[_Tok]]
    line: int


@dataclass
class _Field:
    name: str
    line: int
    optional: bool
    type_toks: list[_Tok]
    default: str
    decorators: list[_Decorator]
    comment: str


@dataclass
class _Decl:
    kind: str  # interface | class | object
    name: str
    line: int
    fields: list[_Field] = field(default_factory=list)
    decorators: list[_Decorator] = field(default_factory=list)
    extends: list[str] = field(default_factory=list)


@dataclass
class _Ctx:
    decls: dict[str, _Decl] = field(default_factory=dict)
    enums: dict[str, list[str]] = field(default_factory=dict)  # alias / enum name → values
    enum_members: dict[str, str] = field(default_factory=dict)  # "Status.Draft" → "draft"
    known: Known = field(default_factory=Known)
    lines: dict[int, str] = field(default_factory=dict)


def _tokens(text: str, first_line: int) -> list[_Tok]:
    toks: list[_Tok] = []
    line = first_line
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup or "punct"
        value = m.group()
        if kind != "ws":
            toks.append(_Tok(kind, value, line))
        line += value.count("\n")
    return toks


class _Parser:
    def __init__(self, toks: list[_Tok], ctx: _Ctx) -> None:
        self.toks = toks
        self.i = 0
        self.ctx = ctx
        self.comments: dict[int, str] = {}
        self.comment_only: set[int] = set()
        previous_line = -1
        for tok in toks:
            if tok.kind == "comment":
                body = tok.text[2:] if tok.text.startswith("//") else tok.text[2:-2]
                body = " ".join(w.strip("* ") for w in body.splitlines()).strip()
                self.comments[tok.line] = (self.comments.get(tok.line, "") + " " + body).strip()
                if previous_line != tok.line:
                    self.comment_only.add(tok.line)
            if tok.kind not in ("nl",):
                previous_line = tok.line
        self.decls: list[_Decl] = []

    # -- token access ------------------------------------------------------------------------
    def _skip_trivia(self, newlines: bool = True) -> None:
        while self.i < len(self.toks) and (
            self.toks[self.i].kind == "comment" or (newlines and self.toks[self.i].kind == "nl")
        ):
            self.i += 1

    def peek(self, newlines: bool = True) -> _Tok | None:
        self._skip_trivia(newlines)
        return self.toks[self.i] if self.i < len(self.toks) else None

    def next(self) -> _Tok | None:
        tok = self.peek()
        if tok is not None:
            self.i += 1
        return tok

    def accept(self, text: str) -> bool:
        tok = self.peek()
        if tok is not None and tok.text == text:
            self.i += 1
            return True
        return False

    def balanced(self, open_: str, close: str) -> list[_Tok]:
        """Tokens between an already consumed ``open_`` and its matching ``close`` (consumed)."""
        depth, out = 1, list[_Tok]()
        while self.i < len(self.toks):
            tok = self.toks[self.i]
            self.i += 1
            if tok.text == open_:
                depth += 1
            elif tok.text == close:
                depth -= 1
                if depth == 0:
                    return out
            out.append(tok)
        return out

    # -- declarations ------------------------------------------------------------------------
    def parse(self) -> list[_Decl]:
        decorators: list[_Decorator] = []
        while (tok := self.next()) is not None:
            if tok.text == "@":
                decorator = self.decorator()
                if decorator is not None:
                    decorators.append(decorator)
                continue
            if tok.text in ("export", "default", "declare", "abstract", "const"):
                continue
            if tok.text in ("interface", "class") and (name := self.peek()) is not None and name.kind == "id":
                self.i += 1
                extends = self.header()
                decl = _Decl("interface" if tok.text == "interface" else "class", name.text, name.line)
                decl.decorators, decl.extends = decorators, extends
                decl.fields = self.body()
                self.decls.append(decl)
            elif tok.text == "type" and (name := self.peek()) is not None and name.kind == "id":
                self.i += 1
                self.alias(name)
            elif tok.text == "enum" and (name := self.peek()) is not None and name.kind == "id":
                self.i += 1
                self.enum(name.text)
            elif tok.text == "{":
                self.balanced("{", "}")
            decorators = []
        return self.decls

    def header(self) -> list[str]:
        """Skip generics and ``extends`` / ``implements`` up to the body's ``{``; returns the bases."""
        bases: list[str] = []
        mode = ""
        while (tok := self.next()) is not None and tok.text != "{":
            if tok.text == "<":
                self.balanced("<", ">")
            elif tok.text in ("extends", "implements"):
                mode = tok.text
            elif tok.kind == "id" and mode == "extends":
                bases.append(tok.text)
        return bases

    def decorator(self) -> _Decorator | None:
        tok = self.next()
        if tok is None or tok.kind != "id":
            return None
        name = tok.text
        while self.peek(newlines=False) is not None and self.toks[self.i].text == ".":
            self.i += 1
            part = self.next()
            name = part.text if part is not None else name
        args: list[list[_Tok]] = []
        if self.peek(newlines=False) is not None and self.toks[self.i].text == "(":
            self.i += 1
            args = _split_args(self.balanced("(", ")"))
        return _Decorator(name, args, tok.line)

    def alias(self, name: _Tok) -> None:
        tok = self.peek()
        if tok is not None and tok.text == "<":
            self.i += 1
            self.balanced("<", ">")
        if not self.accept("="):
            return
        toks = self.type_expr(stop_at_newline=True)
        if toks and toks[0].text == "{":
            decl = _Decl("object", name.text, name.line)
            inner = _Parser(toks[1:-1] if toks[-1].text == "}" else toks[1:], self.ctx)
            inner.comments, inner.comment_only = self.comments, self.comment_only
            decl.fields = inner.members()
            self.decls.append(decl)
            return
        members = _union(toks)
        literals = [m[0].text[1:-1] for m in members if len(m) == 1 and m[0].kind == "str"]
        if literals and len(literals) == len(members):
            self.ctx.enums[name.text] = literals

    def enum(self, name: str) -> None:
        if not self.accept("{"):
            return
        values: list[str] = []
        for arg in _split_args(self.balanced("{", "}")):
            if not arg or arg[0].kind not in ("id", "str"):
                continue
            member = arg[0].text.strip("'\"")
            value = member
            if len(arg) >= 3 and arg[1].text == "=" and arg[2].kind == "str":
                value = arg[2].text[1:-1]
            values.append(value)
            self.ctx.enum_members[f"{name}.{member}"] = value
        self.ctx.enums[name] = values

    # -- members -------------------------------------------------------------------------------
    def body(self) -> list[_Field]:
        inner = _Parser(self.balanced("{", "}"), self.ctx)
        inner.comments, inner.comment_only = self.comments, self.comment_only
        return inner.members()

    def members(self) -> list[_Field]:
        fields: list[_Field] = []
        decorators: list[_Decorator] = []
        while (tok := self.next()) is not None:
            if tok.text in (";", ","):
                continue
            if tok.text == "@":
                decorator = self.decorator()
                if decorator is not None:
                    decorators.append(decorator)
                continue
            if tok.text in _MODIFIERS and (after := self.peek()) is not None and after.kind in ("id", "str"):
                continue
            if tok.text == "[":  # index signature [key: string]: T
                self.balanced("[", "]")
                self.skip_member()
                decorators = []
                continue
            if tok.kind not in ("id", "str"):
                decorators = []
                continue
            name = tok.text.strip("'\"")
            optional = False
            after = self.peek(newlines=False)
            if after is not None and after.text in ("?", "!"):
                optional = after.text == "?"
                self.i += 1
                after = self.peek(newlines=False)
            if after is not None and after.text in ("(", "<"):  # a method
                self.skip_member()
                decorators = []
                continue
            type_toks: list[_Tok] = []
            default = ""
            if after is not None and after.text == ":":
                self.i += 1
                type_toks = self.type_expr(stop_at_newline=True)
            after = self.peek(newlines=False)
            if after is not None and after.text == "=":
                self.i += 1
                default = " ".join(t.text for t in self.type_expr(stop_at_newline=True))
            fields.append(
                _Field(name, tok.line, optional, type_toks, default, decorators, self._comment(tok.line))
            )
            decorators = []
        return fields

    def _comment(self, line: int) -> str:
        if line in self.comments:
            return self.comments[line]
        if line - 1 in self.comment_only:
            return self.comments.get(line - 1, "")
        return ""

    def skip_member(self) -> None:
        while (tok := self.peek(newlines=False)) is not None:
            self.i += 1
            if tok.text == ";" or tok.kind == "nl":
                return
            if tok.text == "{":
                self.balanced("{", "}")
                return
            if tok.text == "(":
                self.balanced("(", ")")

    def type_expr(self, stop_at_newline: bool) -> list[_Tok]:
        """A type (or initializer) up to ``;`` / ``,`` / ``}`` / ``=`` at depth 0, or a line end that
        does not continue a union."""
        out: list[_Tok] = []
        depth = 0
        while self.i < len(self.toks):
            tok = self.toks[self.i]
            if tok.kind == "comment":
                self.i += 1
                continue
            if depth == 0:
                if tok.text in (";", ",", "}", ")", "]") or (tok.text == "=" and out):
                    break
                if tok.kind == "nl" and stop_at_newline and out and out[-1].text not in ("|", "&", ":", "=>"):
                    following = self._next_significant()
                    if following is None or following.text not in ("|", "&"):
                        break
            self.i += 1
            if tok.kind == "nl":
                if depth > 0:
                    out.append(tok)  # object type bodies keep their line ends (fields without ";")
                continue
            if tok.text in ("(", "[", "{", "<"):
                depth += 1
            elif tok.text in (")", "]", "}", ">") and depth:
                depth -= 1
            out.append(tok)
            if depth == 0 and out[0].text == "{" and tok.text == "}":
                break
        return out

    def _next_significant(self) -> _Tok | None:
        j = self.i
        while j < len(self.toks) and self.toks[j].kind in ("nl", "comment"):
            j += 1
        return self.toks[j] if j < len(self.toks) else None


def _split_args(toks: list[_Tok]) -> list[list[_Tok]]:
    """Split on commas at depth 0."""
    args: list[list[_Tok]] = [[]]
    depth = 0
    for tok in toks:
        if tok.kind in ("nl", "comment"):
            continue
        if tok.text in ("(", "[", "{"):
            depth += 1
        elif tok.text in (")", "]", "}"):
            depth -= 1
        elif tok.text == "," and depth == 0:
            args.append([])
            continue
        args[-1].append(tok)
    return [a for a in args if a]


def _union(toks: list[_Tok]) -> list[list[_Tok]]:
    members: list[list[_Tok]] = [[]]
    depth = 0
    for tok in toks:
        if tok.text in ("(", "[", "{", "<"):
            depth += 1
        elif tok.text in (")", "]", "}", ">"):
            depth -= 1
        elif tok.text == "|" and depth == 0:
            members.append([])
            continue
        members[-1].append(tok)
    return [m for m in members if m]


def _object(toks: list[_Tok]) -> dict[str, list[_Tok]]:
    """``{ a: 1, b: 'x' }`` → {"a": [1], "b": ['x']} (top level only)."""
    if not toks or toks[0].text != "{":
        return {}
    inner = toks[1:-1] if toks[-1].text == "}" else toks[1:]
    out: dict[str, list[_Tok]] = {}
    for arg in _split_args(inner):
        if len(arg) >= 2 and arg[0].kind in ("id", "str") and arg[1].text == ":":
            out[arg[0].text.strip("'\"")] = arg[2:]
    return out


def _text(toks: list[_Tok]) -> str:
    return "".join(t.text if t.kind != "str" else t.text[1:-1] for t in toks)


def _strings(toks: list[_Tok]) -> list[str]:
    return [t.text[1:-1] for t in toks if t.kind == "str"]


@dataclass
class _Type:
    text: str
    nullable: bool
    literals: list[str]
    element: str  # array element type name, "" when not an array
    name: str  # single named type ("string", "Date", "User"), "" otherwise
    is_object: bool


def _type(toks: list[_Tok]) -> _Type:
    members = _union([t for t in toks if t.kind not in ("nl", "comment")])
    nullable = any(_text(m) in ("null", "undefined") for m in members)
    members = [m for m in members if _text(m) not in ("null", "undefined")]
    text = " | ".join("".join(t.text for t in m) for m in members)
    literals = [m[0].text[1:-1] for m in members if len(m) == 1 and m[0].kind == "str"]
    if len(literals) != len(members):
        literals = []
    element = name = ""
    is_object = bool(members) and members[0][0].text == "{"
    if len(members) == 1 and not is_object:
        m = members[0]
        if len(m) >= 3 and m[-2].text == "[" and m[-1].text == "]":
            element = _text(m[:-2])
        elif len(m) >= 4 and m[0].text in ("Array", "ReadonlyArray", "Set") and m[1].text == "<":
            element = _text(m[2:-1])
        elif m[0].kind == "id":
            name = m[0].text
    return _Type(text, nullable, literals, element, name, is_object)


# -- facts ---------------------------------------------------------------------------------------


def read(doc: SpecDocument) -> list[Fact]:
    """Facts from every TypeScript code block of ``doc``."""
    ctx = _Ctx(known=declared_names(doc))
    decls: list[_Decl] = []
    for block in doc.blocks:
        if _is_typescript(block):
            first = code_first_line(doc, block)
            parser = _Parser(_tokens(block.text, first), ctx)
            decls.extend(parser.parse())
            for offset, text in enumerate(block.text.splitlines()):
                ctx.lines[first + offset] = text.strip()
    if not decls:
        return []
    for decl in decls:
        ctx.decls.setdefault(decl.name, decl)
    mixins = {base for d in decls for base in d.extends if base in ctx.decls and _MIXIN.search(base)}
    entities = [d for d in decls if d.name not in mixins and not _NOT_ENTITY.search(d.name)]
    for decl in entities:
        ctx.known.add(decl.name)
    facts: list[Fact] = []
    many_pairs: set[frozenset[str]] = set()
    for decl in entities:
        fields = [f for base in decl.extends if base in mixins for f in ctx.decls[base].fields] + decl.fields
        if decl.kind == "class" and _is_orm_entity(decl):
            facts.extend(_orm_entity(decl, fields, ctx, many_pairs))
        else:
            facts.extend(_plain_entity(decl, fields, ctx, entities, many_pairs))
    return facts


def _is_typescript(block: Block) -> bool:
    if block.kind != "code":
        return False
    lang = block.lang.split()[0].lower() if block.lang.strip() else ""
    if lang in _TS_LANGS:
        return True
    return lang == "" and bool(_LOOKS_TS.search(block.text)) and "model " not in block.text


def _is_orm_entity(decl: _Decl) -> bool:
    return any(d.name in ("Entity", "Schema", "Table", "ViewEntity") for d in decl.decorators) or any(
        dec.name in _COLUMN_DECORATORS | _RELATION_DECORATORS for f in decl.fields for dec in f.decorators
    )


def _line_text(ctx: _Ctx, line: int) -> str:
    return ctx.lines.get(line, "")


# -- interfaces and object types -----------------------------------------------------------------


def _plain_entity(
    decl: _Decl, fields: list[_Field], ctx: _Ctx, entities: list[_Decl], many_pairs: set[frozenset[str]]
) -> list[Fact]:
    rule = "ts.interface" if decl.kind != "class" else "ts.class"
    facts: list[Fact] = [EntityFact(name=decl.name, prov=prov(rule, decl.line, _line_text(ctx, decl.line)))]
    for f in fields:
        facts.extend(_plain_field(decl, f, ctx, entities, many_pairs))
    return facts


def _plain_field(
    decl: _Decl, f: _Field, ctx: _Ctx, entities: list[_Decl], many_pairs: set[frozenset[str]]
) -> list[Fact]:
    t = _type(f.type_toks)
    optional = f.optional or t.nullable
    text = _line_text(ctx, f.line)
    comment = f.comment
    target = fk_target(comment) if comment else None
    target_name = ctx.known.find(target) if target else None
    if target and target_name is None:
        target_name = target
    base = id_base(f.name)
    # y: Y  /  yId: string  /  // -> Y
    named = ctx.known.find(t.name) if t.name and t.name in ctx.decls else None
    if (
        named is None
        and t.name
        and t.name[0].isupper()
        and t.name not in ctx.enums
        and ctx.known.find(t.name)
    ):
        named = ctx.known.find(t.name)
    if base is not None and not base[1] and target_name is None and not t.element:
        noted = named_entity(comment, ctx.known) if comment else None
        target_name = ctx.known.find_suffix(base[0]) or noted
    parent = named or (target_name if not t.element and not (base and base[1]) else None)
    if parent is not None:
        return [
            RelationshipFact(
                child=decl.name,
                parent=parent,
                via=f.name,
                required=not optional,
                prov=prov("ts.interface.relation", f.line, text),
            )
        ]
    # Y[]  /  yIds: string[]
    element_target: str | None = None
    if t.element and t.element in ctx.decls and ctx.known.find(t.element):
        element_target = ctx.known.find(t.element)
    elif base is not None and base[1]:
        element_target = target_name or ctx.known.find_suffix(base[0])
    if element_target is not None:
        return _array(decl, f, element_target, ctx, entities, many_pairs, text)
    return [_attribute(decl.name, f, t, optional, comment, ctx, "ts.interface.field", text)]


def _array(
    decl: _Decl,
    f: _Field,
    target: str,
    ctx: _Ctx,
    entities: list[_Decl],
    many_pairs: set[frozenset[str]],
    text: str,
) -> list[Fact]:
    owner_key, target_key = key(decl.name), key(target)
    target_decl = next((d for d in entities if key(d.name) == target_key), None)
    back_single = back_many = False
    if target_decl is not None:
        for g in target_decl.fields:
            gt = _type(g.type_toks)
            gb = id_base(g.name)
            if (gt.name and key(gt.name) == owner_key) or (
                gb and not gb[1] and key(gb[0]).endswith(owner_key)
            ):
                back_single = True
            if (gt.element and key(gt.element) == owner_key) or (gb and gb[1] and key(gb[0]) == owner_key):
                back_many = True
    owners = {
        d.name
        for d in entities
        for g in d.fields
        if (_type(g.type_toks).element and key(_type(g.type_toks).element) == target_key)
        or ((gb := id_base(g.name)) is not None and gb[1] and key(gb[0]) == target_key)
    }
    id_list = id_base(f.name)
    shared = len(owners) >= 2 or (id_list is not None and id_list[1])  # a list of ids: shared records
    if owner_key == target_key:
        back_single, back_many = False, True  # a self-list: friends, related items
    fact = array_relationship(
        decl.name, target, f.name, back_single, back_many, shared, prov("ts.interface.array", f.line, text)
    )
    if fact is None:
        return []
    if fact.cardinality == Cardinality.MANY_TO_MANY:
        pair = frozenset({owner_key, target_key})
        if pair in many_pairs and owner_key != target_key:
            return []
        many_pairs.add(pair)
    return [fact]


_ISO_DATE = re.compile(
    r"\b(?:iso[\s-]?(?:8601\s+)?date|yyyy-mm-dd|calendar date|date only)\b(?![\s-]*time)", re.I
)
_ISO_TIME = re.compile(
    r"\b(?:iso[\s-]?8601|iso[\s-]?(?:date[\s-]?time|timestamp)|date-?time|timestamp)\b", re.I
)
_DECIMAL = re.compile(r"\bdecimal\b|\bnumeric\b", re.I)


def _date_kind(name: str) -> Kind:
    """A ``Date`` field is a moment, unless its name is a day's: "birthDate", "dueDate", "startsOn"."""
    return Kind.DATE if load_lexicon().kind_for_name(snake(name)) is Kind.DATE else Kind.TIMESTAMP


def _attribute(
    entity: str, f: _Field, t: _Type, optional: bool, comment: str, ctx: _Ctx, rule: str, text: str
) -> AttributeFact:
    kind: Kind | None = None
    declared = t.text or None
    values = t.literals or ctx.enums.get(t.name, []) or ctx.enums.get(t.element, [])
    if values:
        kind = Kind.ENUM if not t.element else Kind.LIST
    elif t.is_object or t.name in _JSON_TYPES:
        kind = Kind.JSON
    elif t.element:
        kind = Kind.LIST
    elif t.name == "Date":
        kind = _date_kind(f.name)
    elif t.name in _BINARY_TYPES:
        declared = "binary"
    elif t.name == "string" and comment:
        if _ISO_DATE.search(comment):
            declared = "date"
        elif _ISO_TIME.search(comment):
            declared = "timestamp"
        elif _DECIMAL.search(comment):
            declared = "decimal"
    if not values and comment:
        values = enum_hint(comment)
        if values and kind is None:
            kind = Kind.ENUM
    unique, _scope = unique_hint(comment) if comment else (None, [])
    default = _default(f.default, ctx) if f.default else None
    return AttributeFact(
        entity=entity,
        name=f.name,
        refers_to=refers_to(f.name),
        kind=kind,
        declared_type=declared,
        required=not optional,
        unique=unique,
        primary_key=f.name == "id",
        enum_values=values,
        default=default,
        description=comment,
        prov=prov(rule, f.line, text),
    )


def _default(text: str, ctx: _Ctx) -> str:
    text = text.replace(" ", "")
    return ctx.enum_members.get(text, text.strip("'\"`"))


# -- TypeORM entities ----------------------------------------------------------------------------


def _orm_entity(decl: _Decl, fields: list[_Field], ctx: _Ctx, many_pairs: set[frozenset[str]]) -> list[Fact]:
    entity_text = _line_text(ctx, decl.line)
    table_name: str | None = None
    for d in decl.decorators:
        if d.name in ("Entity", "Table", "Schema") and d.args:
            first = d.args[0]
            if first[0].kind == "str":
                table_name = first[0].text[1:-1]
            elif (name := _object(first).get("name")) and name[0].kind == "str":
                table_name = name[0].text[1:-1]
    soft_delete = any(dec.name == "DeleteDateColumn" for f in fields for dec in f.decorators) or None
    facts: list[Fact] = [
        EntityFact(
            name=decl.name,
            table_name=table_name,
            soft_delete=soft_delete,
            prov=prov("ts.entity", decl.line, entity_text),
        )
    ]
    for d in decl.decorators:
        facts.extend(_class_constraint(decl.name, d, ctx))
    for f in fields:
        names = {d.name for d in f.decorators}
        if names & _RELATION_DECORATORS:
            facts.extend(_orm_relation(decl, f, ctx, many_pairs))
        elif names & _COLUMN_DECORATORS:
            facts.append(_orm_column(decl.name, f, ctx))
        for d in f.decorators:
            if d.name == "Index":
                options = _object(d.args[-1]) if d.args else {}
                unique = _text(options.get("unique", [])) == "true"
                text = _line_text(ctx, d.line)
                if unique:
                    facts.append(
                        UniqueFact(
                            entity=decl.name, attributes=[f.name], prov=prov("ts.unique", d.line, text)
                        )
                    )
                else:
                    facts.append(
                        IndexFact(entity=decl.name, equality=[f.name], prov=prov("ts.index", d.line, text))
                    )
    return facts


def _column_name(f: _Field, options: dict[str, list[_Tok]]) -> str:
    name = options.get("name")
    return name[0].text[1:-1] if name and name[0].kind == "str" else f.name


def _orm_column(entity: str, f: _Field, ctx: _Ctx) -> AttributeFact:
    decorator = next(d for d in f.decorators if d.name in _COLUMN_DECORATORS)
    positional = next((a[0].text[1:-1] for a in decorator.args if a and a[0].kind == "str"), "")
    options: dict[str, list[_Tok]] = {}
    for arg in decorator.args:
        options.update(_object(arg))
    t = _type(f.type_toks)
    column_type = positional or (_text(options["type"]) if "type" in options else "")
    declared = column_type or t.text or None
    if column_type and "precision" in options:
        scale = f",{_text(options['scale'])}" if "scale" in options else ""
        declared = f"{column_type}({_text(options['precision'])}{scale})"
    elif column_type and "length" in options:
        declared = f"{column_type}({_text(options['length'])})"
    max_length = int(_text(options["length"])) if _text(options.get("length", [])).isdigit() else None
    kind: Kind | None = None
    values: list[str] = []
    if "enum" in options:
        enum_toks = options["enum"]
        values = _strings(enum_toks) if enum_toks[0].text == "[" else ctx.enums.get(_text(enum_toks), [])
        kind = Kind.ENUM
    elif t.literals or ctx.enums.get(t.name):
        values = t.literals or ctx.enums[t.name]
        kind = Kind.ENUM
    elif decorator.name in ("CreateDateColumn", "UpdateDateColumn", "DeleteDateColumn"):
        kind = Kind.TIMESTAMP if not column_type or "time" in column_type.lower() else None
    elif not column_type and t.name == "Date":
        kind = _date_kind(f.name)
    elif not column_type and (t.is_object or t.name in _JSON_TYPES):
        kind = Kind.JSON
    if decorator.name == "VersionColumn" and not column_type:
        declared = "integer"
    nullable = _text(options.get("nullable", [])) == "true" or t.nullable or f.optional
    if decorator.name == "DeleteDateColumn":
        nullable = True
    unique_text = _text(options.get("unique", []))
    default = _default(_text(options["default"]), ctx) if "default" in options else None
    if default is None and f.default:
        default = _default(f.default, ctx)
    primary = decorator.name in ("PrimaryColumn", "PrimaryGeneratedColumn", "ObjectIdColumn") or (
        _text(options.get("primary", [])) == "true"
    )
    if decorator.name == "PrimaryGeneratedColumn" and not positional:
        declared = "integer"
    return AttributeFact(
        entity=entity,
        name=_column_name(f, options),
        refers_to=refers_to(_column_name(f, options)),
        kind=kind,
        declared_type=declared,
        required=not nullable,
        unique=True if unique_text == "true" else None,
        primary_key=primary,
        enum_values=values,
        max_length=max_length,
        default=default,
        description=f.comment,
        prov=prov("ts.column", f.line, _line_text(ctx, f.line)),
    )


_ON_DELETE = {"CASCADE": "cascade", "RESTRICT": "restrict", "SET NULL": "set_null", "NO ACTION": "no_action"}


def _relation_target(d: _Decorator) -> str:
    if not d.args:
        return ""
    first = d.args[0]
    if first[0].kind == "str":
        return first[0].text[1:-1]
    for i, tok in enumerate(first):
        if tok.text == "=>" and i + 1 < len(first) and first[i + 1].kind == "id":
            return first[i + 1].text
    return first[0].text if first[0].kind == "id" else ""


def _inverse_property(d: _Decorator) -> str:
    """``@OneToMany(() => Bid, (bid) => bid.auction)`` → ``auction``."""
    if len(d.args) < 2:
        return ""
    toks = d.args[1]
    for i, tok in enumerate(toks):
        if tok.text == "." and i + 1 < len(toks) and toks[i + 1].kind == "id":
            return toks[i + 1].text
    return ""


def _owning_sides(ctx: _Ctx, decl_name: str, target: str, kinds: set[str]) -> list[_Decorator]:
    target_decl = ctx.decls.get(target)
    if target_decl is None:
        return []
    return [
        d
        for f in target_decl.fields
        for d in f.decorators
        if d.name in kinds and _relation_target(d) == decl_name
    ]


def _orm_relation(decl: _Decl, f: _Field, ctx: _Ctx, many_pairs: set[frozenset[str]]) -> list[Fact]:
    d = next(dec for dec in f.decorators if dec.name in _RELATION_DECORATORS)
    target = _relation_target(d)
    if not target:
        return []
    options: dict[str, list[_Tok]] = {}
    for arg in d.args[1:]:
        options.update(_object(arg))
    join_column = next((dec for dec in f.decorators if dec.name == "JoinColumn"), None)
    join_table = next((dec for dec in f.decorators if dec.name == "JoinTable"), None)
    via = f.name
    if join_column is not None and join_column.args:
        name = _object(join_column.args[0]).get("name")
        if name and name[0].kind == "str":
            via = name[0].text[1:-1]
    t = _type(f.type_toks)
    nullable_text = _text(options.get("nullable", []))
    required: bool | None = None
    if nullable_text == "false":
        required = True
    elif nullable_text == "true" or t.nullable or f.optional:
        required = False
    on_delete = _ON_DELETE.get(_text(options.get("onDelete", [])).upper())
    p = prov("ts.relation", d.line, _line_text(ctx, d.line))
    common = {"required": required, "on_delete": on_delete, "prov": p}
    if d.name == "ManyToOne":
        return [RelationshipFact(child=decl.name, parent=target, via=via, **common)]
    if d.name == "OneToOne":
        if join_column is None and _owning_sides(ctx, decl.name, target, {"OneToOne"}):
            return []  # the other side holds the join column
        return [
            RelationshipFact(
                child=decl.name,
                parent=target,
                via=via,
                cardinality=Cardinality.ONE_TO_ONE,
                **common,
            )
        ]
    if d.name == "OneToMany":
        if _owning_sides(ctx, decl.name, target, {"ManyToOne"}):
            return []
        return [RelationshipFact(child=target, parent=decl.name, via=_inverse_property(d), prov=p)]
    # ManyToMany
    pair = frozenset({key(decl.name), key(target)})
    if join_table is None and any(
        any(x.name == "JoinTable" for x in g.decorators)
        for g in (ctx.decls[target].fields if target in ctx.decls else [])
        if any(x.name == "ManyToMany" and _relation_target(x) == decl.name for x in g.decorators)
    ):
        return []  # the other side owns the join table
    if pair in many_pairs:
        return []
    many_pairs.add(pair)
    through = ""
    if join_table is not None and join_table.args:
        name = _object(join_table.args[0]).get("name")
        through = name[0].text[1:-1] if name and name[0].kind == "str" else ""
    return [
        RelationshipFact(
            child=decl.name,
            parent=target,
            via=f.name,
            cardinality=Cardinality.MANY_TO_MANY,
            through=through,
            prov=p,
        )
    ]


_CHECK_COMPARE = re.compile(
    r"^\s*[\"`]?(\w+)[\"`]?\s*(>=|<=|>|<)\s*(?:[\"`]?([A-Za-z_]\w*)[\"`]?|(-?\d+(?:\.\d+)?))\s*$"
)
_CHECK_BETWEEN = re.compile(
    r"^\s*[\"`]?(\w+)[\"`]?\s+between\s+(-?\d+(?:\.\d+)?)\s+and\s+(-?\d+(?:\.\d+)?)\s*$", re.I
)
_CHECK_IN = re.compile(r"^\s*[\"`]?(\w+)[\"`]?\s+in\s*\(([^()]*)\)\s*$", re.I)


def check_fact(entity: str, expression: str, rule: str, line: int, text: str) -> CheckFact | None:
    """A CHECK expression ("ends_at" > "starts_at", price >= 0, rating BETWEEN 1 AND 5, status IN (…))."""
    p = prov(rule, line, text)
    if m := _CHECK_COMPARE.match(expression):
        attr, op, other, number = m.group(1), m.group(2), m.group(3), m.group(4)
        if other:
            return CheckFact(entity=entity, kind="compare", attribute=attr, other=other, op=op, prov=p)
        value = float(number)
        if op == ">=" and value == 0:
            return CheckFact(entity=entity, kind="non_negative", attribute=attr, prov=p)
        if op in (">", ">="):
            return CheckFact(entity=entity, kind="range", attribute=attr, minimum=value, op=op, prov=p)
        return CheckFact(entity=entity, kind="range", attribute=attr, maximum=value, op=op, prov=p)
    if m := _CHECK_BETWEEN.match(expression):
        return CheckFact(
            entity=entity,
            kind="range",
            attribute=m.group(1),
            minimum=float(m.group(2)),
            maximum=float(m.group(3)),
            prov=p,
        )
    if m := _CHECK_IN.match(expression):
        values = [v.strip().strip("'\"") for v in m.group(2).split(",") if v.strip()]
        return CheckFact(entity=entity, kind="enum", attribute=m.group(1), values=values, prov=p)
    return None


def _class_constraint(entity: str, d: _Decorator, ctx: _Ctx) -> list[Fact]:
    text = _line_text(ctx, d.line)
    arrays = [a for a in d.args if a and a[0].text == "["]
    columns = _strings(arrays[0]) if arrays else []
    if d.name == "Unique" and columns:
        return [UniqueFact(entity=entity, attributes=columns, prov=prov("ts.unique", d.line, text))]
    if d.name == "Index" and columns:
        options = _object(d.args[-1]) if d.args else {}
        if _text(options.get("unique", [])) == "true":
            return [UniqueFact(entity=entity, attributes=columns, prov=prov("ts.unique", d.line, text))]
        return [IndexFact(entity=entity, equality=columns, prov=prov("ts.index", d.line, text))]
    if d.name == "Check" and d.args:
        expression = _text(d.args[-1]) if d.args[-1][0].kind == "str" else ""
        fact = check_fact(entity, expression, "ts.check", d.line, text)
        return [fact] if fact is not None else []
    return []
