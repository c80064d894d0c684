"""Write a case file (``kyodo-case/1`` YAML) to disk, as ``kyodo import`` does: the door for the text that
:mod:`kyodo_network.casefile.yaml` makes beside its reader.

The words are written as they are; the loader reads them (names, Japanese sector words, 和暦 years) as it reads
any case file, so the YAML loads to the same network as the workbook.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..casefile.yaml import case_tree, case_yaml_text  # noqa: F401  (the writer beside its reader)
from ._write import write_atomic

__all__ = ["case_yaml_text", "case_tree", "write_case_yaml", "write_checked_case_yaml"]


def write_case_yaml(path: str | os.PathLike[str], tree: Mapping[str, Any], *, made_from: str | None = None) -> Path:
    """Write :func:`case_yaml_text` of ``tree`` to ``path`` atomically."""
    return write_atomic(path, case_yaml_text(tree, made_from=made_from))


def write_checked_case_yaml(
    path: str | os.PathLike[str], tree: Mapping[str, Any], *, made_from: str | None = None
) -> Path:
    """Write the case file only if it loads: checked with its includes, as ``kyodo validate`` would.

    The text is checked in the one temporary file the write makes anyway, beside ``path`` (so includes are found
    from the same folder), with :func:`kyodo_network.load.load_cases`, before it takes ``path``'s place
    (:func:`~kyodo_network.render._write.write_atomic` with ``check``). No other copy is made: if the run is
    killed outright, the next write into the folder removes that temporary file
    (:func:`~kyodo_network.render._write.is_stale_temp`).

    Raises
    ------
    CaseDataError
        Every problem of the would-be file, shown under ``path``; nothing is written.
    """
    path = Path(path)

    def loads(target: Path, tmp: Path) -> None:
        import dataclasses

        from ..errors import CaseDataError
        from ..load import load_cases

        try:
            load_cases([tmp])
        except CaseDataError as err:
            shown = {str(tmp), tmp.name, str(tmp.resolve())}
            try:
                shown.add(str(tmp.resolve().relative_to(Path.cwd().resolve())))
            except ValueError:
                pass
            problems = [dataclasses.replace(q, path=str(target)) if q.path in shown else q for q in err.problems]
            raise CaseDataError(problems) from None

    return write_atomic(path, case_yaml_text(tree, made_from=made_from), check=loads)
