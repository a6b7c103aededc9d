"""Reading specs safely and writing outputs atomically. Every failure is a :class:`UsageError` or
:class:`WriteError` with one line that says what to do next."""

from __future__ import annotations

import re
import unicodedata
import warnings
from pathlib import Path

MAX_SPEC_BYTES = 5 * 1024 * 1024
# \Z, not $: "$" also matches before a final newline, which would let "001_x\n" into a file name.
ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*\Z")
MAX_ID_LENGTH = 100  # file names hold the ID plus a prefix and suffix; most file systems allow 255 bytes


class UsageError(Exception):
    """Bad input from the user (exit 2)."""


class WriteError(Exception):
    """Output could not be written safely (exit 1)."""


class SpecWarning(UserWarning):
    """The input was read, but not as written (e.g. decoded as Windows-1252); the CLI prints one line."""


def read_spec(path: Path) -> str:
    where = shown(path)
    if not path.exists():
        raise UsageError(f"spec file not found: {where} — check the path")
    if not path.is_file():
        raise UsageError(f"not a file: {where} — pass the feature spec's markdown file")
    try:
        size = path.stat().st_size
        if size > MAX_SPEC_BYTES:
            raise UsageError(f"spec file is {size:,} bytes, over the 5 MB limit: {where} — split the spec")
        data = path.read_bytes()
    except PermissionError as exc:
        raise UsageError(f"cannot read {where}: permission denied — check its permissions") from exc
    except OSError as exc:
        raise UsageError(f"cannot read {where}: {exc.strerror} — check the file") from exc
    if b"\x00" in data:
        raise UsageError(f"{where} looks binary (contains NUL bytes) — pass a markdown text file")
    text, encoding = _decode(data)
    controls = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\t\n\r\f\v")
    if controls > 0.05 * len(text):
        raise UsageError(f"{where} looks binary ({controls} control characters) — pass a markdown text file")
    if encoding:
        warnings.warn(f"{where} is not UTF-8; read it as {encoding}", SpecWarning, stacklevel=2)
    if not text.strip():
        raise UsageError(f"{where} is empty — write the feature spec first")
    return text


def shown(value: object) -> str:
    """A path (or other text from the user) for a one-line message: control characters and line breaks
    (a folder named ``"a\\nb"``) are written as escapes, so the message stays one line."""
    text = str(value)
    return "".join(
        ch.encode("unicode_escape").decode("ascii") if unicodedata.category(ch) in ("Cc", "Zl", "Zp") else ch
        for ch in text
    )


def _decode(data: bytes) -> tuple[str, str]:
    """The text and, when it is not UTF-8, the encoding it was read as: Windows-1252 (what Windows editors
    save; Latin-1's letters plus curly quotes), else Latin-1, which decodes any byte. A spec saved in a
    legacy encoding is still a spec, so it is read with a :class:`SpecWarning` instead of refused; binary
    content is caught by the caller's control-character check."""
    try:
        return data.decode("utf-8-sig"), ""
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "Windows-1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "Latin-1"


def validate_id(feature_id: str) -> str:
    """The one check of a feature ID, used by every command that takes ``--id``: it becomes part of file
    names, so no path separator, no ``..``, no newline, and at most :data:`MAX_ID_LENGTH` characters."""
    if len(feature_id or "") > MAX_ID_LENGTH:
        raise UsageError(f"invalid feature ID: {len(feature_id)} characters, at most {MAX_ID_LENGTH} allowed")
    if not ID_PATTERN.match(feature_id or ""):
        raise UsageError(
            f"invalid feature ID {feature_id!r}: use letters, digits, '_' and '-' only, starting with a "
            "letter or digit (e.g. 001_login)"
        )
    return feature_id


def default_id(spec: Path) -> str:
    """The file stem; for spec-kit's ``specs/001-x/spec.md`` the folder name."""
    if spec.stem.lower() in ("spec", "requirements", "design", "prd", "feature", "readme", "index"):
        return spec.resolve().parent.name
    return spec.stem


def default_name(feature_id: str) -> str:
    match = re.split(r"[_-]", feature_id, maxsplit=1)
    rest = match[1] if len(match) > 1 and re.match(r"^\d+$", match[0]) else feature_id
    words = re.sub(r"[_-]+", " ", rest).strip()
    return words[:1].upper() + words[1:] if words else feature_id
