"""A bounded coverage-guided fuzz run (atheris / libFuzzer) over the two readers that see raw spec text
first: the markdown spec parser (``parse_spec``) and the SQL reader (``domain.readers.sql.read_text``).
Any exception is a crash: libFuzzer stops, writes the input to ``crash-<hash>`` and the script exits
non-zero; turn each into a regression test in ``tests/fuzz/test_regressions.py``.

Bounded so it fits a CI step: ``python benchmarks/fuzz_atheris.py`` runs 20,000 inputs or 60 s, whichever
ends first; extra libFuzzer flags pass through (``-runs=N``, ``-max_total_time=S``, a corpus folder).
Needs ``pip install atheris`` (wheels for Linux x86-64 / CPython ≤ 3.11; elsewhere it builds with clang)."""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports(include=["schemawright.spec", "schemawright.domain.readers.sql"]):
    from schemawright.domain.readers.sql import read_text
    from schemawright.spec.parser import parse_spec

DEFAULTS = ["-runs=20000", "-max_total_time=60", "-max_len=4096"]


def one_input(data: bytes) -> None:
    """Half the inputs go to each reader, as text (lossy UTF-8, as a spec file is read)."""
    if not data:
        return
    text = data[1:].decode("utf-8", errors="replace")
    if data[0] % 2:
        parse_spec(text)
    else:
        read_text(text)


def main() -> None:
    given = sys.argv[1:]
    flags = [d for d in DEFAULTS if not any(a.startswith(d.split("=")[0] + "=") for a in given)]
    atheris.Setup([sys.argv[0], *flags, *given], one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
