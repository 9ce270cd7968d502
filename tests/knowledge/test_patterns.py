"""Lazily compiled patterns answer as compiled ones do, and compile only when used."""

from __future__ import annotations

import copy
import pickle
import re

import pytest

from bot.domain.knowledge.patterns import lazy

SOURCE = r"(?P<count>\d+)\s?(?:单|orders?)"
TEXTS = ["12 orders and 3单", "no figures", "1 order", "单 12"]


def test_a_lazy_pattern_answers_as_the_compiled_one() -> None:
    compiled, deferred = re.compile(SOURCE, re.I), lazy(SOURCE, re.I)
    for text in TEXTS:
        assert bool(deferred.search(text)) == bool(compiled.search(text))
        assert [m.span() for m in deferred.finditer(text)] == [
            m.span() for m in compiled.finditer(text)
        ]
        assert deferred.findall(text) == compiled.findall(text)
        assert deferred.sub("#", text) == compiled.sub("#", text)
        assert deferred.split(text) == compiled.split(text)
        assert bool(deferred.fullmatch(text)) == bool(compiled.fullmatch(text))
    assert deferred.groupindex == compiled.groupindex
    assert re.compile(deferred.pattern + "|x").search("x")


def test_it_compiles_at_its_first_use_only(monkeypatch: pytest.MonkeyPatch) -> None:
    compiled: list[str] = []
    real = re.compile

    def counted(pattern: str, flags: int = 0) -> re.Pattern[str]:
        compiled.append(pattern)
        return real(pattern, flags)

    monkeypatch.setattr(re, "compile", counted)
    deferred = lazy(SOURCE)
    assert compiled == []
    assert deferred.search("3 orders")
    assert deferred.search("4 orders")
    assert deferred.sub("", "5单") == ""
    assert compiled == [SOURCE]


def test_it_survives_pickling_and_copies_used_or_not() -> None:
    unused, used = lazy(SOURCE), lazy(SOURCE)
    assert used.search("7 orders")
    for deferred in (unused, used):
        for again in (pickle.loads(pickle.dumps(deferred)), copy.deepcopy(deferred)):
            assert again.pattern == SOURCE
            assert again.findall("7 orders, 8单") == ["7", "8"]
