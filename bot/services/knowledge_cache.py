"""The knowledge base prepared once and kept on disk, for processes that answer one question
and exit (`vtrbot ask`).

Reading and validating `knowledge/`, and building its indexes, costs several times what
answering takes; a running bot pays it once at start, but a command-line question would pay
it every time. So the built `KnowledgeBase` is pickled into the user's cache folder, under a
key made of everything it is built from: the knowledge and registry YAML, the code of the
knowledge package and of the registry, and the Python version. Any change to one of them
is another key, so a stale index is never read; the old file is simply left unused.

The cache lives in the user's own cache folder and is read by the same user, as trusted as
the code beside it. A cache that cannot be written (a read-only home) only costs the build.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import pickle
import sys
import tempfile
from pathlib import Path

from bot.domain.knowledge import KnowledgeBase
from bot.paths import knowledge_dir

log = logging.getLogger(__name__)

_DOMAIN = Path(__file__).resolve().parent.parent / "domain"
_CODE_AND_DATA = (
    (_DOMAIN / "knowledge", "*.py"),
    (_DOMAIN / "data", "*.yaml"),
    (_DOMAIN, "reference.py"),
    (_DOMAIN, "languages.py"),
)


def default_cache_dir() -> Path:
    """The user's cache folder: $XDG_CACHE_HOME/vtrbot or ~/.cache/vtrbot on Linux (read
    here rather than through platformdirs, whose import alone is a tenth of the budget)."""
    if sys.platform == "linux":
        base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
        return Path(base) / "vtrbot"
    import platformdirs

    return Path(platformdirs.user_cache_dir("vtrbot"))


def source_key(directory: Path) -> str:
    """A digest of every file the knowledge base is built from (see the module's docstring)."""
    digest = hashlib.sha256(sys.version.encode())
    folders = [(directory, "*.yaml"), *_CODE_AND_DATA]
    for folder, pattern in folders:
        for path in sorted(folder.glob(pattern)):
            digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:32]


def cached_knowledge_base(
    directory: Path | None = None, cache_dir: Path | None = None
) -> KnowledgeBase:
    """`KnowledgeBase.load(directory)`, read from the cache when built before from the same
    sources; built and stored otherwise. Raises `KnowledgeError` as `load` does."""
    directory = Path(directory) if directory else knowledge_dir()
    cache_dir = cache_dir or default_cache_dir()
    path = cache_dir / f"knowledge-{source_key(directory)}.pickle"
    try:
        with path.open("rb") as handle:
            kb = pickle.load(handle)
        if isinstance(kb, KnowledgeBase):
            return kb
    except FileNotFoundError:
        pass
    except Exception as error:  # a damaged or foreign file: build anew and replace it
        log.debug("knowledge cache not read: %s", error)
    kb = KnowledgeBase.load(directory)
    _store(kb, path)
    return kb


def _store(kb: KnowledgeBase, path: Path) -> None:
    """Written beside its final name and renamed, so a reader never sees half a file."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, suffix=".part", delete=False) as part:
            pickle.dump(kb, part, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(part.name, path)
    except OSError as error:
        log.debug("knowledge cache not written: %s", error)
        with contextlib.suppress(OSError, NameError):
            os.unlink(part.name)
