"""Django's own apps (``django.contrib.auth``, ``contenttypes`` …) whose tables a project's migrations
build on: ``auth_user`` is where a ``ForeignKey(settings.AUTH_USER_MODEL)`` points. Their migrations ship
with Django; when Django is installed they are read statically like the project's (located, never
imported), so the design sees ``auth_user`` instead of inventing a ``users`` table."""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Sequence
from pathlib import Path

_CONTRIB = ("contenttypes", "auth", "admin", "sessions", "sites", "flatpages", "redirects")
_NEEDS = {"auth": ("contenttypes",), "admin": ("auth", "contenttypes"), "flatpages": ("sites",)}


def contrib_dirs(apps: Sequence[Path]) -> list[Path]:
    """The ``migrations`` folders of the contrib apps the project's migrations depend on (with the ones
    those depend on), in Django's installed copy; none when Django is not installed."""
    spec = importlib.util.find_spec("django")
    if spec is None or not spec.submodule_search_locations:
        return []
    home = Path(next(iter(spec.submodule_search_locations))) / "contrib"
    texts = [p.read_text(encoding="utf-8", errors="replace") for app in apps for p in app.glob("[0-9]*.py")]
    used = {
        label
        for label in _CONTRIB
        if any(re.search(rf"""\(\s*['"]{label}['"]\s*,""", t) for t in texts)
        or (label == "auth" and any("AUTH_USER_MODEL" in t for t in texts))
    }
    for label in list(used):
        used.update(_NEEDS.get(label, ()))
    return [home / label / "migrations" for label in _CONTRIB if label in used and (home / label).is_dir()]
