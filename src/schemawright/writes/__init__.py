"""Crash-safe writes into a project root: a lock per root (:mod:`.lock`) and staged, journaled moves
(:mod:`.journal`). Both live in the root's ``.schemawright/`` folder."""
