"""Never a confident wrong yes, in whatever form a belief is said (issue 21).

Every sealed set found first lines whose verdict contradicted the rules, each from a reading
slip: a true belief worded with a negative, a belief's complement, a restriction's outside.
This metamorphic test says each belief of the claims table (belief_wordings.yaml) plainly,
negated and with its rest, tagged, hedged, passed on and under a negated tag, in both
languages (belief_forms.py), and reads the first line as a seller skims it: the verdict the
claim's own `truth` gives the wording, or none, never the opposite. So a belief and its
negation never get the same verdict, and no frame turns one.

A line with no verdict is no wrong fact (the fact follows); the test prints how many."""

from __future__ import annotations

import random
from collections import Counter

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.belief_forms import (
    CARDS,
    WORDINGS,
    Belief,
    generated_beliefs,
    verdict_of,
)
from tests.knowledge.replies import first_line
from tests.yaml_files import read_yaml

_ALL = list(generated_beliefs())
_SAMPLE = _ALL[::97]
"""A fast sample: every 97th belief, so each form and both languages stay in the fast tier."""


def _wrong(belief: Belief, line: str) -> str | None:
    """The belief and its first line when the line's verdict is the opposite of the claim's."""
    verdict = verdict_of(line)
    if verdict is None or verdict == belief.expected:
        return None
    return f"{belief.claim} [{belief.polarity}/{belief.form}] {belief.question} => {line[:90]}"


@pytest.mark.parametrize("belief", _SAMPLE, ids=lambda b: f"{b.claim}-{b.lang}-{b.polarity}")
def test_a_sampled_belief_gets_its_claim_s_verdict_or_none(
    kb: KnowledgeBase, belief: Belief
) -> None:
    assert _wrong(belief, first_line(kb, belief.question)) is None


_FULL_TIER_SAMPLE = random.Random(19).sample(_ALL, 300)
"""The README's command's share of the sweep: 300 beliefs, the same every run."""


def _opposite_verdicts(beliefs: list[Belief], kb: KnowledgeBase) -> list[str]:
    lines = [(b, first_line(kb, b.question)) for b in beliefs]  # each belief answered once
    wrong = [w for b, line in lines if (w := _wrong(b, line)) is not None]
    unsaid = Counter(b.form for b, line in lines if verdict_of(line) is None)
    print(f"{len(beliefs)} beliefs, {len(wrong)} opposite verdicts, no verdict by form: {unsaid}")
    return wrong


# Over 0.3 s of CPU: 300 questions answered.
@pytest.mark.slow
def test_no_sampled_belief_gets_the_opposite_verdict(kb: KnowledgeBase) -> None:
    wrong = _opposite_verdicts(_FULL_TIER_SAMPLE, kb)
    assert not wrong, wrong


# About 2,400 questions answered, many seconds of CPU: the `sweep` tier (.ci/run's own step).
@pytest.mark.slow
@pytest.mark.sweep
def test_no_generated_belief_gets_the_opposite_verdict(kb: KnowledgeBase) -> None:
    wrong = _opposite_verdicts(_ALL, kb)
    assert not wrong, wrong


def test_every_wording_names_a_claim_that_gives_verdicts() -> None:
    """The expected verdicts come from the claims table: each wording names a claim there,
    one that answers with a verdict (not `silent`, which never does)."""
    claims = {c["id"]: c for c in read_yaml(CARDS)["claims"]}
    wordings = read_yaml(WORDINGS)["beliefs"]
    named = [w["claim"] for w in wordings]
    assert all(c in claims and not claims[c].get("silent") for c in named), named
    assert all({"plain", "negated"} <= w[lang].keys() for w in wordings for lang in ("zh", "en"))


@pytest.mark.parametrize(
    ("line", "verdict"),
    [
        ("Right: VTR looks at the last 30 days.", True),
        ("Not right: Buy Shipping is not required.", False),
        ("No — a letter of EUR 15 is exempt.", False),
        ("Yes — it counts.", True),
        ("No need: FBA offers are not affected.", None),
        ("对。VTR 看最近 30 天。", True),
        ("不对。取消的订单不计入 VTR。", False),
        ("不算。低于 20 欧元的信件豁免。", False),
        ("要。自配送的那部分要算。", True),
        ("不只是 20 欧元以上的订单：低于 20 欧元的订单也计入。", None),
        ("VTR 只看自配送包裹。", None),
    ],
)
def test_the_first_line_s_verdict_is_read_as_a_seller_skims_it(
    line: str, verdict: bool | None
) -> None:
    assert verdict_of(line) is verdict
