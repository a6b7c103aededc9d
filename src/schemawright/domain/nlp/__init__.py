"""The linguistic layer: English prose → typed sentences (tokens, chunks, clauses, cardinalities).

Patterns never look at raw strings; they run over what this package produces.
"""
