"""kyodo-network: map who works with whom in a neighbourhood (協働のネットワーク).

Case files (YAML, format ``kyodo-case/1``) → :func:`load_cases` → :func:`graph_from_cases` → analyses and maps.
"""

from __future__ import annotations

from .errors import CaseDataError, KyodoError, Problem, UnknownCaseError
from .graph import graph_from_cases
from .load import bundled_cases, load_cases

__version__ = "0.1.0"

__all__ = [
    "CaseDataError",
    "KyodoError",
    "Problem",
    "UnknownCaseError",
    "bundled_cases",
    "graph_from_cases",
    "load_cases",
    "__version__",
]
