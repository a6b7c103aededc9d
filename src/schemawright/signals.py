"""SIGTERM (``docker stop``, a CI job cancelled, ``timeout``) ends the CLI like Ctrl-C does: by raising in
the main thread, so every ``with`` block unwinds — the scratch database is dropped and the embedded
PostgreSQL stopped. Python's default for SIGTERM kills the process on the spot and left both behind."""

from __future__ import annotations

import signal
from types import FrameType

EXIT_CODE = 128 + signal.SIGTERM  # what a shell reports for a process ended by SIGTERM


def _raise_exit(signum: int, frame: FrameType | None) -> None:
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # a second SIGTERM ends the process at once
    raise SystemExit(EXIT_CODE)


def exit_on_sigterm() -> None:
    """Install the handler (main thread only; the CLI's entry point calls it)."""
    signal.signal(signal.SIGTERM, _raise_exit)
