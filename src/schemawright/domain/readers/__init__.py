"""Readers: exact, pure functions from the structured parts of a spec (code blocks, tables) to facts."""
