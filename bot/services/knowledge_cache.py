"""The knowledge base prepared once and kept on disk, for processes that answer one question
and exit (`vtrbot ask`).

Reading and validating `knowledge/`, and building its indexes, costs several times what
answering takes; a running bot pays it once at start, but a command-line question would pay
it every time. So the built `KnowledgeBase` is pickled into the user's cache folder, under a
key made of everything it is built from: the knowledge and registry YAML, the code of the
knowledge package and of the registry, and the Python version. Any change to one of them
is another key, so a stale index is never read; the old file is simply left unused.

Beside the base, the file holds the registries answering reads (`ANSWER_REGISTRIES`, the
raw YAML as read), so a question reads no YAML and imports no YAML parser. The folder and
its rules are `bot.services.prepared`'s.
"""

from __future__ import annotations

import hashlib
import logging
import pickle
import sys
from pathlib import Path

from bot.domain import reference
from bot.domain.knowledge import KnowledgeBase
from bot.paths import knowledge_dir
from bot.services.prepared import default_cache_dir, read_prepared, write_prepared

log = logging.getLogger(__name__)

_DOMAIN = Path(__file__).resolve().parent.parent / "domain"
_CODE_AND_DATA = (
    (_DOMAIN / "knowledge", "*.py"),
    (_DOMAIN / "data", "*.yaml"),
    (_DOMAIN, "reference.py"),
    (_DOMAIN, "languages.py"),
    (Path(__file__).resolve().parent, "knowledge_cache.py"),  # which registries are kept
)


ANSWER_REGISTRIES = ("vocabulary.yaml", "carriers.yaml", "policy_dates.yaml")
"""The registries (bot/domain/data) the answering code reads as it answers: the letter
services' words (knowledge/case.py) and the carriers' number formats (a number pasted into a
question is told by its shape: knowledge/entities.py), the dates rules took effect
(knowledge/policy_dates.py). One left out only costs reading its
YAML."""


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
    prepared = read_prepared(path)
    if prepared is not None:
        try:
            kb, registries = pickle.loads(prepared)
            if isinstance(kb, KnowledgeBase) and isinstance(registries, dict):
                reference.use_prepared(registries)
                return kb
        except Exception as error:  # a damaged or foreign file: build anew and replace it
            log.debug("knowledge cache not read: %s", error)
    kb = KnowledgeBase.load(directory)
    payload = (kb, reference.prepared(ANSWER_REGISTRIES))
    write_prepared(path, pickle.dumps(payload, protocol=pickle.HIGHEST_PROTOCOL))
    return kb
