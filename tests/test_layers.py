"""The package's floors: every import runs downward, never up and never in a cycle.

errors ← model ← load ← graph ← analysis ← render ← cli (``lang`` and the catalogue sit below ``errors``;
``casefile`` — the readers and writers of each case-file format — and ``validate`` share the loader's floor). Imports inside functions count too:
a lazy import is still a dependency.
"""

from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx

PACKAGE = Path(__file__).resolve().parent.parent / "kyodo_network"

#: Module (dotted, relative to the package) → floor. A folder's modules share its floor.
FLOORS = {
    "lang": 0,
    "catalogue": 0,
    "_inputs": 0,
    "_cache": 0,
    "_compact": 0,
    "_answers": 0,
    "errors": 1,
    "model": 2,
    "vocabulary": 2,
    "words": 2,
    "names": 2,
    "dates": 2,
    "resources": 2,
    "casefile": 3,
    "load": 3,
    "validate": 3,
    "graph": 4,
    "privacy": 4,
    "analysis": 5,
    "instruments": 2,
    "render": 6,
    "serve": 6.5,  # the meeting app: above the renderers it draws with, below the command that starts it
    "cli": 7,
    "__init__": 8,
}


def _module(path: Path) -> str:
    rel = path.relative_to(PACKAGE).with_suffix("")
    return ".".join(rel.parts)


def _floor(module: str) -> int:
    top = module.split(".")[0]
    assert top in FLOORS, f"{module}: give its floor in tests/test_layers.py FLOORS"
    return FLOORS[top]


def _imports(path: Path) -> set[str]:
    """Package modules imported by ``path`` (relative and absolute imports, anywhere in the file)."""
    module = _module(path)
    parts = module.split(".")  # a package's own file is "<pkg>.__init__", so "." is its folder as for any module
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = parts[: len(parts) - node.level]
                target = ".".join(p for p in (*base, node.module or "") if p)
                names = [target] + [f"{target}.{a.name}" for a in node.names]
            elif node.module and node.module.startswith("kyodo_network"):
                target = node.module.removeprefix("kyodo_network").lstrip(".")
                names = [target] + [f"{target}.{a.name}" for a in node.names]
            else:
                continue
            out.update(n for n in names if _exists(n))
        elif isinstance(node, ast.Import):
            for a in node.names:
                if a.name.startswith("kyodo_network."):
                    out.add(a.name.removeprefix("kyodo_network."))
    own = module.removesuffix(".__init__")
    return {n for n in out if n and n.removesuffix(".__init__") != own}


def _exists(name: str) -> bool:
    if not name:
        return False
    p = PACKAGE.joinpath(*name.split("."))
    return p.with_suffix(".py").exists() or (p / "__init__.py").exists()


def _graph() -> nx.DiGraph:
    G = nx.DiGraph()
    for path in PACKAGE.rglob("*.py"):
        if "datasets" in path.parts:
            continue
        src = _module(path)
        G.add_node(src)
        for dst in _imports(path):
            G.add_edge(src, dst)
    return G


def test_imports_run_downward():
    upward = []
    for src, dst in _graph().edges():
        if src.split(".")[0] == dst.split(".")[0]:
            continue  # inside one floor's folder
        if _floor(dst) > _floor(src):
            upward.append(f"{src} imports {dst}")
    assert not upward, "\n".join(upward)


def test_no_import_cycles():
    G = nx.DiGraph((s.removesuffix(".__init__"), d.removesuffix(".__init__")) for s, d in _graph().edges())
    cycles = list(nx.simple_cycles(G))
    assert not cycles, cycles


def test_the_test_sees_imports():
    # The walker itself must find the real edges, or the two tests above could not fail.
    G = _graph()
    assert G.has_edge("graph", "model") and G.has_edge("load", "casefile.yaml")
    assert any(d.startswith("analysis") for d in G.successors("render.mapmodel"))
