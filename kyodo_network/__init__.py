"""kyodo-network: map who works with whom in a neighbourhood (協働のネットワーク).

Case names or files → :func:`graph_from_names` → analyses (:func:`bridging_scores`, :func:`coordinators`,
:func:`what_if`, :func:`risks`, :func:`suggest_introductions`, :func:`compare_districts`, :func:`diff_graphs`) →
maps (:func:`map_model`, :func:`write_map`).

The functions are imported on first use (module ``__getattr__``), so ``import kyodo_network`` stays fast.

>>> import kyodo_network as kn
>>> G = kn.graph_from_names(["nippa"])
>>> kn.bridging_scores(G)[0]["id"]
'nippa-council'
"""

from __future__ import annotations

import importlib
from typing import Any

from .errors import CaseDataError, KyodoError, Problem, UnknownCaseError

__version__ = "0.1.0"

#: Public name → the module that defines it (imported lazily).
_LAZY = {
    "bundled_cases": "load",
    "load_cases": "load",
    "graph_from_cases": "graph",
    "graph_from_names": "graph",
    "graphs_from_names": "graph",
    "bridging_scores": "analysis.bridges",
    "coordinators": "analysis.bridges",
    "what_if": "analysis.risk",
    "risks": "analysis.risk",
    "suggest_introductions": "analysis.suggest",
    "compare_districts": "analysis.compare",
    "diff_graphs": "analysis.diff",
    "map_model": "render.mapmodel",
    "write_map": "render.maps",
}

__all__ = ["CaseDataError", "KyodoError", "Problem", "UnknownCaseError", "__version__", *_LAZY]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        msg = f"module 'kyodo_network' has no attribute {name!r}"
        raise AttributeError(msg)
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))
