"""Regular expressions kept compiled between runs of `vtrbot ask`.

Answering one question uses a few hundred patterns (the knowledge modules', the phrase tries
of the prepared knowledge base, the reply's), and Python's `re` parses and compiles each
from its source in Python code at every start: a third of a command-line question's CPU
(docs/performance.md). A compiled pattern cannot be pickled (pickle keeps its source and
compiles it again), so this module keeps what the compiler produced instead: the arguments
`re` hands to `_sre.compile` (the source, the flags, the compiled program, the groups), and
puts the patterns rebuilt from them into `re`'s own cache, where `re.compile(source,
flags)` and `re.search(source, …)` look first. Nothing in the answering code changes: a
pattern found there is the one `re.compile` would have built, and one that is not there
is compiled as always.

These are CPython's internals (`re._compiler`, `re._cache`, `_sre.compile`), whose program
format changes between versions: the kept table is only read by the interpreter that wrote
it (the knowledge cache's key holds `sys.version` and `_sre.MAGIC`), and anything
unexpected (another implementation, another layout) turns restoring into a no-op, which
only costs the compiling.
"""

from __future__ import annotations

import contextlib
import importlib
import re
from collections.abc import Iterator
from typing import Any

_sre: Any = importlib.import_module("_sre")  # no stubs: CPython's engine under `re`

PatternTable = dict[tuple[str, int], tuple[Any, ...]]
"""(source, flags as `re.compile` was given them) → `_sre.compile`'s arguments."""

MAGIC = str(getattr(_sre, "MAGIC", ""))
"""The version of the compiled program's format, for the cache key."""


@contextlib.contextmanager
def recording() -> Iterator[PatternTable]:
    """Every pattern `re` compiles inside the block, with what its compiler produced."""
    table: PatternTable = {}
    compiler = getattr(re, "_compiler", None)
    if compiler is None or not hasattr(compiler, "_sre"):
        yield table
        return
    real_compile, real_sre = compiler.compile, compiler._sre
    last: list[tuple[Any, ...]] = []

    class _RecordingSre:
        def __getattr__(self, name: str) -> Any:
            return getattr(real_sre, name)

        def compile(self, *args: Any) -> Any:
            last.append(args)
            return real_sre.compile(*args)

    def compile_recorded(pattern: Any, flags: int = 0) -> Any:
        last.clear()
        compiled = real_compile(pattern, flags)
        if isinstance(pattern, str) and len(last) == 1:
            table[(pattern, int(flags))] = _plain(last[0])
        return compiled

    compiler.compile, compiler._sre = compile_recorded, _RecordingSre()
    try:
        yield table
    finally:
        compiler.compile, compiler._sre = real_compile, real_sre


def _plain(args: tuple[Any, ...]) -> tuple[Any, ...]:
    """The compiler's arguments with its opcodes as plain integers (its named constants do
    not pickle)."""
    source, flags, code, *rest = args
    return (source, flags, [int(op) for op in code], *rest)


def restore(table: PatternTable) -> int:
    """Puts the table's patterns into `re`'s cache; how many (0 when `re` is not laid out
    as expected, or a pattern cannot be rebuilt: those are compiled as usual)."""
    cache = getattr(re, "_cache", None)
    if not isinstance(cache, dict):
        return 0
    restored = 0
    for (source, flags), args in table.items():
        try:
            cache[(str, source, flags)] = _sre.compile(*args)
        except Exception:  # a table from another layout: that pattern is compiled as usual
            continue
        restored += 1
    return restored
