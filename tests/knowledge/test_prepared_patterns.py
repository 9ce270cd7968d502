"""Compiled regular expressions kept between runs of `vtrbot ask` (prepared_patterns)."""

from __future__ import annotations

import pickle
import re
from collections.abc import Iterator

import pytest

from bot.services import prepared_patterns

# Sources no other code compiles, so each test compiles them itself: a named group, a
# look-behind, a character class, inline and given flags.
SOURCES = [
    (r"(?P<rate>\d{1,3}(?:\.\d+)?)\s*%(?!\d) prepared-test", 0),
    (r"(?<![a-z])vtr(?:s)?\b prepared-test", re.IGNORECASE),
    (r"(?i)[\u4e00-\u9fff]{2,}|a\-to\-z prepared-test", 0),
]


@pytest.fixture
def uncached() -> Iterator[None]:
    """`re`'s cache without this file's sources, before and after: each test compiles them."""

    def forget() -> None:
        for source, flags in SOURCES:
            re._cache.pop((str, source, int(flags)), None)  # type: ignore[attr-defined]
        re.purge()

    forget()
    yield
    forget()


@pytest.mark.usefixtures("uncached")
def test_a_restored_pattern_is_the_one_re_compiles() -> None:
    with prepared_patterns.recording() as table:
        fresh = [re.compile(source, flags) for source, flags in SOURCES]
    assert {key for key in table if key[0].endswith("prepared-test")} == {
        (source, int(flags)) for source, flags in SOURCES
    }
    kept = pickle.loads(pickle.dumps(table))  # as the cache file keeps it
    re.purge()
    assert prepared_patterns.restore(kept) == len(kept)
    with prepared_patterns.recording() as compiled_again:
        restored_all = [re.compile(source, flags) for source, flags in SOURCES]
    assert compiled_again == {}  # found in re's cache, not compiled
    for restored, compiled in zip(restored_all, fresh, strict=True):
        assert restored is not compiled
        assert restored == compiled  # same source, flags and compiled program
        assert restored.groupindex == compiled.groupindex
    assert re.compile(SOURCES[0][0]).search("rate 94.9% prepared-test")["rate"] == "94.9"


@pytest.mark.usefixtures("uncached")
def test_recording_ends_with_its_block() -> None:
    with prepared_patterns.recording() as table:
        pass
    re.compile(*SOURCES[0])
    assert table == {}
    assert re._compiler.compile.__name__ == "compile"  # type: ignore[attr-defined]


@pytest.mark.usefixtures("uncached")
def test_a_table_from_another_layout_only_costs_the_compiling() -> None:
    source, flags = SOURCES[0]
    assert prepared_patterns.restore({(source, int(flags)): ("not", "the", "arguments")}) == 0
    assert re.compile(source, flags).search("94.9% prepared-test")


def test_every_lazy_pattern_is_compiled_for_the_prepared_base() -> None:
    """A pattern only some questions use (how many new packages lift the rate) is kept too:
    the prepared base compiles every lazy one, used or not."""
    from bot.domain.knowledge import patterns
    from bot.domain.knowledge.decide import counts

    re.purge()
    with prepared_patterns.recording() as table:
        made = patterns.compile_every_pattern()
    assert made == len(patterns._EVERY) > 100
    assert (counts._NEW_SHIPMENTS.pattern, 0) in table
