"""A condition that flips a rule flips the verdict, and a frame never does (issue 21).

The rules' twin of test_belief_forms.py: rule_flips.py asks each case on both sides of the
condition that decides it (an amount across EUR 20, JPY 1,000 or USD 5; a letter or a
tracked service; a route in or out of the EU/UK update; the carrier picked for a number;
Buy Shipping or not; 29 or 31 days; 95.0% or above), in both languages and several frames,
and reads the first line as a seller skims it: the verdict domain.md gives (the module's own
small tables), or none, never the opposite. A claim true for most marketplaces gets no
verdict of one marketplace domain.md does not name (OTDR is enforced "in most" not).

A line with no verdict is no wrong fact (the fact follows); the test prints how many."""

from __future__ import annotations

import random
from collections import Counter

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line
from tests.knowledge.rule_flips import (
    NUMBERS,
    Flip,
    above_bar,
    counts_by_value,
    generated_flips,
    read_verdict,
)

_ALL = list(generated_flips())
_SAMPLE = _ALL[::211]
"""A fast sample: every 211th question, across the dimensions and both languages."""


def _outcome(kb: KnowledgeBase, flip: Flip) -> tuple[str, str]:
    line = first_line(kb, flip.question)
    verdict = read_verdict(flip, line)
    if verdict == flip.expected:
        return "right", line  # None too: domain.md leaves it open, and no verdict is said
    return ("none" if verdict is None else "opposite"), line


@pytest.mark.parametrize("flip", _SAMPLE, ids=lambda f: f"{f.dimension}-{f.lang}-{f.frame}")
def test_a_sampled_flip_gets_domain_s_verdict_or_none(kb: KnowledgeBase, flip: Flip) -> None:
    outcome, line = _outcome(kb, flip)
    assert outcome != "opposite", f"{flip.question} => {line[:120]}"


_FULL_TIER_SAMPLE = random.Random(19).sample(_ALL, 300)
"""The README's command's share of the sweep: 300 questions, the same every run."""


def _opposite_verdicts(flips: list[Flip], kb: KnowledgeBase) -> list[str]:
    tally: Counter[tuple[str, str]] = Counter()
    wrong = []
    for flip in flips:
        outcome, line = _outcome(kb, flip)
        tally[flip.dimension, outcome] += 1
        if outcome == "opposite":
            wrong.append(f"{flip.dimension} [{flip.expected}] {flip.question} => {line[:100]}")
    totals = Counter(outcome for (_, outcome) in tally.elements())
    print(f"\n{len(flips)} questions: {dict(totals)}; by dimension: {sorted(tally.items())}")
    return wrong


# Over 0.3 s of CPU: 300 questions answered.
@pytest.mark.slow
def test_no_sampled_flip_gets_the_opposite_verdict(kb: KnowledgeBase) -> None:
    wrong = _opposite_verdicts(_FULL_TIER_SAMPLE, kb)
    assert not wrong, "\n".join(wrong)


# About 1,600 questions answered, many seconds of CPU: the `sweep` tier (.ci/run's own step).
@pytest.mark.slow
@pytest.mark.sweep
def test_no_generated_flip_gets_the_opposite_verdict(kb: KnowledgeBase) -> None:
    wrong = _opposite_verdicts(_ALL, kb)
    assert not wrong, "\n".join(wrong)


def test_the_oracle_is_domain_s_own_arithmetic() -> None:
    """The tables decide as domain.md's worked examples do: 19 of 20 is 95.0%, below."""
    assert (above_bar(19, 20), above_bar(20, 21), above_bar(191, 200)) == (False, True, True)
    assert counts_by_value("CN", "DE", 19.99, letter=True) is False
    assert counts_by_value("CN", "DE", 20, letter=True) is True
    assert counts_by_value("CN", "FR", 12, letter=False) is True
    assert counts_by_value("CN", "JP", 999, letter=False) is False
    assert counts_by_value("CN", "US", 3, letter=True) is True
    assert NUMBERS["UPS"][-1] == "1Z999AA10123456784"
    assert NUMBERS["China Post"][0] == "LX123456785CN"
