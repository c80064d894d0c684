"""Safe YAML that remembers where each value was written and rejects duplicate keys.

PyYAML's safe composer builds a node tree with positions; we turn it into plain ``dict``/``list`` subclasses
that carry 1-based ``(line, col)`` of every key and value. Only the safe tags are constructed.
"""

from __future__ import annotations

from typing import Any

import yaml

from .errors import Problem, problem

__all__ = ["YMap", "YList", "load_yaml"]

#: Bound on the number of nodes built from one file, so alias bombs (billion laughs) fail fast.
MAX_NODES = 2_000_000

#: Nodes allowed beyond two per character of text. A node written out takes at least about a character, so
#: only aliases can exceed ``NODE_SLACK + 2 * len(text)``; the bound makes an alias bomb fail in milliseconds.
NODE_SLACK = 10_000


class YMap(dict):
    """A mapping with ``pos`` (its own position) and ``key_pos``/``value_pos`` per key."""

    pos: tuple[int, int]
    key_pos: dict[Any, tuple[int, int]]
    value_pos: dict[Any, tuple[int, int]]


class YList(list):
    """A sequence with ``pos`` and ``item_pos`` per index."""

    pos: tuple[int, int]
    item_pos: list[tuple[int, int]]


def _pos(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


class _Builder:
    def __init__(self, loader: yaml.SafeLoader, path: str, limit: int = MAX_NODES) -> None:
        self.loader = loader
        self.path = path
        self.problems: list[Problem] = []
        self.count = 0
        self.limit = limit

    def build(self, node: yaml.Node, depth: int = 0) -> Any:
        self.count += 1
        if self.count > self.limit or depth > 100:
            msg = "the file is too large or too deeply nested (an alias loop?)"
            raise _TooBig(msg)
        if isinstance(node, yaml.MappingNode):
            out = YMap()
            out.pos, out.key_pos, out.value_pos = _pos(node), {}, {}
            for key_node, value_node in node.value:
                key = self.build(key_node, depth + 1)
                if isinstance(key, (dict, list)):
                    key = str(key)
                if key in out:
                    line, col = _pos(key_node)
                    self.problems.append(
                        problem("duplicate-key", self.path, line, col, key=key, first=out.key_pos[key][0])
                    )
                    continue
                out[key] = self.build(value_node, depth + 1)
                out.key_pos[key] = _pos(key_node)
                out.value_pos[key] = _pos(value_node)
            return out
        if isinstance(node, yaml.SequenceNode):
            seq = YList()
            seq.pos, seq.item_pos = _pos(node), []
            for item in node.value:
                seq.append(self.build(item, depth + 1))
                seq.item_pos.append(_pos(item))
            return seq
        return self.loader.construct_object(node)


class _TooBig(Exception):
    pass


def load_yaml(text: str, path: str) -> tuple[Any, list[Problem]]:
    """Parse one YAML document safely.

    Returns the located data (``None`` on a syntax error) and the problems found (syntax, duplicate keys).
    """
    loader = None
    try:
        loader = yaml.SafeLoader(text)  # checks for control characters already: keep it inside the try
        node = loader.get_single_node()
        if node is None:
            return None, []
        builder = _Builder(loader, path, min(MAX_NODES, NODE_SLACK + 2 * len(text)))
        data = builder.build(node)
        return data, builder.problems
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        # A scanner error ("while scanning a simple key", "... a quoted scalar") or a parser error found at the
        # end of the stream is noticed a line or more after the mistake; the context mark is where it was made.
        at_end = "end of stream" in str(err.problem) or "<stream end>" in str(err.problem)
        if err.context_mark is not None and (isinstance(err, yaml.scanner.ScannerError) or at_end):
            mark = err.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        what = err.problem or str(err)
        if err.context:
            what = f"{err.context}, {what}"
        if "expected a single document" in str(err):
            what = "the file holds more than one YAML document (a '---' line); keep one case per file"
        return None, [problem("yaml-syntax", path, line, col, what=what)]
    except yaml.reader.ReaderError as err:  # control characters and the like, at a character offset
        line = text.count("\n", 0, err.position) + 1
        col = err.position - text.rfind("\n", 0, err.position)
        return None, [problem("yaml-syntax", path, line, col, what=str(err).splitlines()[0])]
    except yaml.YAMLError as err:
        return None, [problem("yaml-syntax", path, 0, 0, what=str(err).splitlines()[0])]
    except _TooBig as err:
        return None, [problem("unreadable", path, 0, 0, what=str(err))]
    finally:
        if loader is not None:
            loader.dispose()
