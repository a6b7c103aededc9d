"""schemawright: designs database schemas from feature specs and writes verified, reversible migrations."""

__version__ = "0.1.0"
