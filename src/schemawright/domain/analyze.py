"""SpecDocument → DomainModel: the analyzer's entry point.

The stages live in :mod:`schemawright.domain.analyzer` (readers, linguistic layer, pattern table,
resolver); here the spec-wide passes run on the result, the name-sanity gate drops what is not a clean
name (and says so), and a spec with no data needs gets its reason.
"""

from __future__ import annotations

from schemawright.domain import scope, spec_wide
from schemawright.domain.analyzer import analyze_document
from schemawright.domain.builder import ModelBuilder
from schemawright.domain.lexicon import load_lexicon
from schemawright.domain.model import Assumption, DomainModel, Source
from schemawright.domain.sanity import filter_model
from schemawright.spec.document import SpecDocument


def analyze(doc: SpecDocument, feature_id: str, feature_name: str) -> DomainModel:
    lexicon = load_lexicon()
    model = finish(doc, analyze_document(doc, feature_id, feature_name))
    b = ModelBuilder(feature_id, feature_name, lexicon)
    b.model = model
    reason = scope.no_data_reason(doc, b)
    if reason:
        model.entities, model.relationships, model.uniques, model.checks = [], [], [], []
        model.access_patterns, model.cache_needs = [], []
        model.no_data_reason = reason
    return model


def finish(doc: SpecDocument, model: DomainModel) -> DomainModel:
    """The stages after the resolver, shared by specs and schema files: spec-wide passes, then the
    name-sanity gate (whatever it drops is said under Assumptions)."""
    model = spec_wide.apply(doc, model, load_lexicon())
    model, dropped = filter_model(model)
    gate = Source(rule="name-sanity gate")
    for item in dropped:
        model.assumptions.append(Assumption(text=f"Not designed, not a clean name: {item}.", source=gate))
    return model
