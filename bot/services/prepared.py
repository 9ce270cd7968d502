"""Files prepared once and kept in the user's cache folder, for processes that answer one
question and exit (`vtrbot ask`): what a running bot builds once at start, a command would
otherwise build at every call.

Each file is named by a digest of everything it is made from, so a stale one is never read
(the old file is simply left unused). The folder is the user's own, read by the same user,
as trusted as the code beside it. A folder that cannot be written (a read-only home) only
costs the build.
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path


def default_cache_dir() -> Path:
    """The user's cache folder: $XDG_CACHE_HOME/vtrbot or ~/.cache/vtrbot on Linux (read
    here rather than through platformdirs, whose import alone is a tenth of the budget)."""
    if sys.platform == "linux":
        base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
        return Path(base) / "vtrbot"
    import platformdirs

    return Path(platformdirs.user_cache_dir("vtrbot"))


def read_prepared(path: Path) -> bytes | None:
    """The file's bytes; None when it was never written (or cannot be read)."""
    try:
        return path.read_bytes()
    except OSError:
        return None


def write_prepared(path: Path, data: bytes) -> None:
    """Written beside its final name and renamed, so a reader never sees half a file."""
    import tempfile  # only when writing: reading a prepared file needs none

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, suffix=".part", delete=False) as part:
            part.write(data)
        os.replace(part.name, path)
    except OSError as error:
        import logging  # only here: a question's start-up imports no logging

        logging.getLogger(__name__).debug("prepared file %s not written: %s", path.name, error)
        with contextlib.suppress(OSError, NameError):
            os.unlink(part.name)
