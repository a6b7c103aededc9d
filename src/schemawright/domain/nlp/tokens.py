"""Typed, JSON-serialisable parse output, independent of the parser library that produced it."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field, PrivateAttr


class Token(BaseModel):
    i: int  # index within the sentence
    text: str
    lemma: str
    pos: str  # universal POS: NOUN, PROPN, VERB, AUX, ADJ, DET, NUM, ADP, CCONJ, PRON …
    tag: str  # fine-grained Penn tag: NNS, VBN …
    dep: str  # dependency label: nsubj, dobj, pobj, prep, conj, compound, amod, relcl, acl …
    head: int  # index of the syntactic head (itself for the root)

    @property
    def lower(self) -> str:
        return self.text.lower()


class Sentence(BaseModel):
    text: str
    line: int  # spec line the sentence starts on
    tokens: list[Token] = Field(default_factory=list)
    subject_hint: str = ""  # an implicit subject: the entity a definition bullet describes
    story_roles: list[str] = Field(default_factory=list)  # a user story's role, restated as the subject
    # the noun phrase at each token index, remembered by :func:`~schemawright.domain.nlp.chunks.chunk_at`
    # (the tokens are final once parsed; the analyzer asks for the same phrase ten to twenty times)
    _chunks: dict[int, Any] = PrivateAttr(default_factory=dict)

    def children(self, i: int, *deps: str) -> list[Token]:
        return [t for t in self.tokens if t.head == i and t.i != i and (not deps or t.dep in deps)]

    def subtree(self, i: int) -> list[Token]:
        """Tokens dominated by ``i`` (inclusive), in order; iterative so deep parses cannot recurse."""
        keep = {i}
        changed = True
        while changed:
            changed = False
            for t in self.tokens:
                if t.i not in keep and t.head in keep and t.head != t.i:
                    keep.add(t.i)
                    changed = True
        return [t for t in self.tokens if t.i in keep]
