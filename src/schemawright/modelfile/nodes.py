"""YAML nodes → plain data, keeping what plain ``yaml.safe_load`` throws away: the line of every value,
duplicate keys (which ``safe_load`` silently overwrites), and the provenance comments of list elements."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from schemawright.domain.model import Source
from schemawright.modelfile.provenance import TRAILING, parse_source

Path_ = tuple[str | int, ...]


@dataclass
class Problem:
    line: int
    message: str


@dataclass
class Parsed:
    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)  # 1-based line of each value
    problems: list[Problem] = field(default_factory=list)

    def line_of(self, path: Path_) -> int:
        """The line of ``path``, or of its nearest ancestor present in the file."""
        for end in range(len(path), -1, -1):
            if path[:end] in self.lines:
                return self.lines[path[:end]]
        return 1


def compose(text: str) -> Parsed:
    """Parse ``text`` (YAML or JSON). A syntax error is one problem at its line; data is then None."""
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        return Parsed(None, problems=[Problem(line, f"not valid YAML: {exc.problem or exc.context}")])
    finally:
        loader.dispose()
    if node is None:
        return Parsed(None, problems=[Problem(1, "the file holds no model")])
    parsed = Parsed(None)
    walker = _Walker(text.splitlines(), parsed, loader)
    parsed.data = walker.value(node, (), None)
    return parsed


class _Walker:
    def __init__(self, lines: list[str], parsed: Parsed, loader: yaml.SafeLoader) -> None:
        self.lines, self.parsed, self.loader = lines, parsed, loader

    def value(self, node: yaml.Node, path: Path_, parent: Source | None) -> Any:
        self.parsed.lines[path] = node.start_mark.line + 1
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path, parent)
        if isinstance(node, yaml.SequenceNode):
            return [self.value(child, (*path, i), parent) for i, child in enumerate(node.value)]
        return self.loader.construct_object(node, deep=True)

    def _mapping(self, node: yaml.MappingNode, path: Path_, parent: Source | None) -> dict[str, Any]:
        out: dict[str, Any] = {}
        mine = self._provenance(node, parent) if path and isinstance(path[-1], int) else None
        for key_node, value_node in node.value:
            key = self.loader.construct_object(key_node, deep=True)
            if not isinstance(key, str):
                key = str(key)
            if key in out:
                self.parsed.problems.append(
                    Problem(key_node.start_mark.line + 1, f"{_dotted((*path, key))}: duplicate key {key!r}")
                )
                continue
            out[key] = self.value(value_node, (*path, key), mine or parent)
        if mine is not None and "source" not in out:
            out["source"] = mine.model_dump()
        return out

    def _provenance(self, node: yaml.Node, parent: Source | None) -> Source | None:
        """A trailing comment on the element's last line (flow style) or comment lines just above it."""
        source = None
        if getattr(node, "flow_style", False):
            match = TRAILING.search(self.lines[node.end_mark.line] if node.end_mark.line < len(self.lines)
                                    else "")
            source = parse_source(match.group(1)) if match else None
        row = node.start_mark.line - 1
        while source is None and row >= 0 and self.lines[row].lstrip().startswith("#"):
            source = parse_source(self.lines[row])
            row -= 1
        if source is not None and parent is not None and not source.text and source.line == parent.line:
            source.text = parent.text  # the writer left out a text its parent element already shows
        return source


def _dotted(path: Path_) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(top level)"


dotted = _dotted
