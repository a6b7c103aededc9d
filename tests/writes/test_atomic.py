"""``schemawright.writes.atomic``: one file written whole or not at all, never over an existing one
without ``replace``, and no temp file left behind on any path."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from schemawright.io import WriteError
from schemawright.writes.atomic import FileExists, write_atomic


def _names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_writes_a_new_file_with_the_usual_permissions(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "model.yaml"
    write_atomic(target, "a: 1\n")
    assert target.read_text() == "a: 1\n"
    assert _names(target.parent) == ["model.yaml"]  # no temp file
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask  # not the temp file's 0600


def test_refuses_an_existing_file_without_replace(tmp_path: Path) -> None:
    target = tmp_path / "model.yaml"
    target.write_text("old\n")
    with pytest.raises(FileExists, match="already exists — pass --force"):
        write_atomic(target, "new\n")
    assert target.read_text() == "old\n" and _names(tmp_path) == ["model.yaml"]


def test_replace_overwrites_and_keeps_the_old_mode(tmp_path: Path) -> None:
    target = tmp_path / "model.yaml"
    target.write_text("old\n")
    target.chmod(0o640)
    write_atomic(target, "new\n", replace=True)
    assert target.read_text() == "new\n" and _names(tmp_path) == ["model.yaml"]
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_a_folder_in_the_way_fails_and_leaves_nothing(tmp_path: Path) -> None:
    (tmp_path / "model.yaml").mkdir()
    for replace in (False, True):
        with pytest.raises(WriteError):
            write_atomic(tmp_path / "model.yaml", "x\n", replace=replace)
    assert _names(tmp_path) == ["model.yaml"] and not list((tmp_path / "model.yaml").iterdir())


def test_a_file_where_the_folder_should_be_fails_and_leaves_nothing(tmp_path: Path) -> None:
    (tmp_path / "parent").write_text("a file\n")
    with pytest.raises(WriteError, match="cannot write"):
        write_atomic(tmp_path / "parent" / "model.yaml", "x\n")
    assert _names(tmp_path) == ["parent"]
