"""Atomic file writing: a temporary file in the same folder, then ``os.replace``."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from ..errors import KyodoError


def write_atomic(path: str | os.PathLike[str], data: str | bytes) -> Path:
    """Write ``data`` (text is encoded as UTF-8) to ``path`` so that readers see the old file or the new one.

    The folder is created if missing. Nothing else is left behind: on failure the temporary file is removed.
    A new file gets mode 0644 (an existing file keeps its mode).

    Raises
    ------
    KyodoError
        When the folder cannot be made or the file cannot be written (no permission, a full disk, …).
    """
    path = Path(path)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        mode = path.stat().st_mode & 0o777 if path.exists() else 0o644
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as err:
        msg = f"cannot write {path}: {err.strerror or err}"
        raise KyodoError(msg) from err
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(raw)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException as err:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        if isinstance(err, OSError):
            msg = f"cannot write {path}: {err.strerror or err}"
            raise KyodoError(msg) from err
        raise
    return path
