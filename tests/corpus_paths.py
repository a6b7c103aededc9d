"""Where the shared development corpus lives relative to the checkout (CI lays shared/ beside it)."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED_SPECS = REPO.parent / "shared" / "specs"
EXAMPLES = REPO / "examples"


def shared_spec(name: str) -> Path:
    path = SHARED_SPECS / name
    if not path.exists():
        pytest.skip(f"shared corpus not found at {SHARED_SPECS}")
    return path
