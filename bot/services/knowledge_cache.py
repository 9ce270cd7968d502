"""The knowledge base prepared once and kept on disk, for processes that answer one question
and exit (`vtrbot ask`).

Reading and validating `knowledge/`, and building its indexes, costs several times what
answering takes; a running bot pays it once at start, but a command-line question would pay
it every time. So the built `KnowledgeBase` is pickled into the user's cache folder, under a
key made of everything it is built from: the knowledge and registry YAML, the code of the
knowledge package and of the registry, and the Python version. Any change to one of them
is another key, so a stale index is never read; the old file is simply left unused.

Beside the base, the file holds the registries answering reads (`ANSWER_REGISTRIES`, read
and validated), so a question reads no YAML, imports no YAML parser and builds no pydantic
validator; and, first, the
regular expressions compiled while the base was built and its own phrasings were answered
(`prepared_patterns`), put back into `re`'s cache before the knowledge modules are
imported, so neither their imports nor the answer compile them again. The folder and its
rules are `bot.services.prepared`'s.

Nothing of the knowledge package is imported here before the patterns are back.
"""

from __future__ import annotations

import hashlib
import io
import pickle
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from bot.paths import knowledge_dir
from bot.services import prepared_patterns
from bot.services.prepared import default_cache_dir, read_prepared, write_prepared

if TYPE_CHECKING:
    from bot.domain.knowledge import KnowledgeBase

_DOMAIN = Path(__file__).resolve().parent.parent / "domain"
_SERVICES = Path(__file__).resolve().parent
_CODE_AND_DATA = (
    (_DOMAIN / "knowledge", "**/*.py"),  # with its subpackages (knowledge/decide/)
    (_DOMAIN / "data", "*.yaml"),
    (_DOMAIN, "reference.py"),
    (_DOMAIN, "languages.py"),
    (_SERVICES, "knowledge_cache.py"),  # which registries are kept
    (_SERVICES, "prepared_patterns.py"),  # how the patterns are kept
)


ANSWER_REGISTRIES = (
    "vocabulary.yaml",
    "carriers.yaml",
    "policy_dates.yaml",
    "amazon_carrier_codes.yaml",
    "marketplaces.yaml",
)
"""The registries (bot/domain/data) the answering code reads as it answers: the letter
services' words (knowledge/case/amounts.py) and the carriers' number formats (a number pasted into a
question is told by its shape: knowledge/entities.py), the dates rules took effect
(knowledge/policy_dates.py), the carriers Amazon's list has (knowledge/decide/carriers.py),
the marketplaces and their names (knowledge/decide/market_lists.py, values.py, routes.py).
One left out only costs reading its YAML and building its validator."""


def source_key(directory: Path) -> str:
    """A digest of every file the knowledge base is built from, and of the interpreter and
    its regular-expression format (see the module's docstring)."""
    digest = hashlib.sha256(f"{sys.version}\0{prepared_patterns.MAGIC}".encode())
    folders = [(directory, "*.yaml"), *_CODE_AND_DATA]
    for folder, pattern in folders:
        for path in sorted(folder.glob(pattern)):
            name = path.relative_to(folder).as_posix()
            digest.update(name.encode() + b"\0" + path.read_bytes() + b"\0")
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
        kb = _read_back(prepared)
        if kb is not None:
            return kb
    with prepared_patterns.recording() as patterns:
        kb, registries = _build(directory)
        kept = pickle.dumps((kb, registries), pickle.HIGHEST_PROTOCOL)
        pickle.loads(kept)  # reading it back compiles its patterns as a later run asks for them
    write_prepared(path, pickle.dumps(patterns, pickle.HIGHEST_PROTOCOL) + kept)
    return kb


def _read_back(prepared: bytes) -> KnowledgeBase | None:
    """The base kept in the file, its patterns put back first (the file is two pickles, one
    after the other: the patterns, read before any knowledge module is imported, then the
    base and the registries); None when the file is damaged or foreign (it is then built
    anew and replaced)."""
    try:
        stream = io.BytesIO(prepared)
        prepared_patterns.restore(pickle.load(stream))
        from bot.domain import reference
        from bot.domain.knowledge import KnowledgeBase

        kb, registries = pickle.load(stream)
        if isinstance(kb, KnowledgeBase) and isinstance(registries, dict):
            reference.use_prepared(registries)
            return kb
    except Exception as error:
        import logging  # only here: a question's start-up imports no logging

        logging.getLogger(__name__).debug("knowledge cache not read: %s", error)
    return None


def _build(directory: Path) -> tuple[KnowledgeBase, dict[str, object]]:
    """The base built from its sources, every lazy pattern of the knowledge modules
    compiled, and its own phrasings answered and worded once, so the patterns an answer and
    its reply compile are compiled (and recorded) here."""
    from bot.domain import reference
    from bot.domain.knowledge import KnowledgeBase
    from bot.domain.knowledge.patterns import compile_every_pattern
    from bot.services.answers import render_answer
    from bot.services.i18n import translator

    kb = KnowledgeBase.load(directory)
    compile_every_pattern()
    for question in warm_up_questions(kb):
        answer = kb.answer(question)
        render_answer(answer, kb, translator(answer.lang), html=False)
    return kb, reference.prepared(ANSWER_REGISTRIES)


def warm_up_questions(kb: KnowledgeBase) -> list[str]:
    """Every way the entries say they are asked, in both languages."""
    return [q for entry in kb.entries.values() for q in (*entry.questions.zh, *entry.questions.en)]
