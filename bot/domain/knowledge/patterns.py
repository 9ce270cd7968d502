"""Regular expressions compiled when first used, not when their module is imported.

`vtrbot ask` answers one question and exits: compiling the knowledge modules' few hundred
patterns at import was about a third of its start-up, and one question uses fewer than half
of them (docs/performance.md). In the bot each is compiled once, at its first use.

    _YES = lazy(r"\\b(?:yes|right)\\b")   # instead of re.compile(...)

A lazy pattern does what a compiled one does where the knowledge modules use it (`search`,
`sub`, `finditer`…, `.pattern` to build a larger one); only `re.search(_YES, text)`, which
wants a real pattern or a string, would refuse it.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any, cast

_DELEGATED = (
    "search", "match", "fullmatch", "sub", "subn", "finditer", "findall", "split",
    "groups", "groupindex", "scanner",
)  # fmt: skip


class _LazyPattern:
    """Holds the source until a method is first asked for; then compiles it and keeps the
    compiled pattern's methods as its own attributes, so later calls cost what a compiled
    pattern's do."""

    def __init__(self, pattern: str, flags: int) -> None:
        self.pattern = pattern
        self.flags = flags

    def __getattr__(self, name: str) -> Any:  # only for what is not set yet
        if name.startswith("__") or name in ("pattern", "flags"):
            raise AttributeError(name)
        compiled = re.compile(self.pattern, self.flags)
        for method in _DELEGATED:
            setattr(self, method, getattr(compiled, method))
        return getattr(compiled, name)

    def __reduce__(self) -> tuple[Any, ...]:
        return (_LazyPattern, (self.pattern, self.flags))

    def __repr__(self) -> str:
        return f"lazy({self.pattern!r})"


_EVERY: list[_LazyPattern] = []
"""Every lazy pattern made, for `compile_every_pattern`."""


def lazy(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, done at the pattern's first use."""
    made = _LazyPattern(pattern, flags)
    _EVERY.append(made)
    return cast("re.Pattern[str]", made)


def compile_every_pattern() -> int:
    """Compiles every lazy pattern made so far into `re`'s cache, used or not, and says how
    many: for the prepared knowledge base of `vtrbot ask`, which keeps what is compiled
    while it is built (bot/services/prepared_patterns.py), whatever a later question uses."""
    for made in _EVERY:
        re.compile(made.pattern, made.flags)
    return len(_EVERY)


@cache
def compiled(source: str) -> re.Pattern[str]:
    """A pattern written as text where it is used (the claims' words in cards.yaml, one
    made around a carrier's name), compiled at its first use and kept. There are more of
    them than `re`'s own cache holds (512 patterns, dropped oldest first), so
    `re.search(source, text)` compiled the same ones again, question after question."""
    return re.compile(source)


CLAUSE = lazy(r"[，,。；;!！?？\n]|\.(?=\s|$)|\band\b(?= (?:i|we) )")
"""Between clauses: commas, sentence ends and "and I / and we", either language's; the one
splitter the case, its figures and the decisions read clauses by."""
SENTENCE = lazy(r"[。；;!！?？\n]|\.(?=\s|$)")
"""Between sentences, either language's: a full stop only before a space or the end (3.5)."""
QUESTION_SENTENCE = lazy(r"[^.。!！?？\n]*[?？]")
"""A sentence that asks, with its question mark."""
