"""Tracking believed skippable on US orders from China under USD 5 ('under 5 bucks I can
skip it', '5美元以下不用传单号'): false. Under USD 5 the rule still asks for at least one
carrier scan, which is tracking (domain.md §1b); the held-out grading found 'Right:' on it,
the 'need tracking' words of the other half read as the whole belief. The halves told
rightly ('two scans from $5, one scan under') stay confirmed (us_halves_judged).

Wordings written here."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line


@pytest.mark.parametrize(
    ("question", "verdict", "wrong"),
    [
        # Skipping tracking under USD 5, believed: wrong, one scan is still needed.
        ("For my US orders tracking only matters above $5, below that I can just skip it", "Not right", "Right"),
        ("US orders from China under $5 can omit tracking, right?", "Not right", "Right"),
        ("shipping a $3 item from China to the US, I can leave out the tracking number, correct?", "No", "Yes"),
        ("美国站从中国发的单，5美元以下不用传单号吧", "不对", "对。"),
        ("美国站4美元的小单可以不填单号，对吗", "不", "对。"),
        ("美国站5美元以下的单，单号可以省掉，是这样吧", "不对", "对。"),
        # The rule told rightly, both halves or the lower one: still confirmed.
        ("US from China: under $5 one scan is enough, and from $5 two scans, right?", "Right", "Not right"),
        ("美国站5美元以下也要有单号，一次扫描就行，对吧", "对", "不对"),
    ],
)  # fmt: skip
def test_tracking_skipped_under_five_dollars_is_not_right(
    kb: KnowledgeBase, question: str, verdict: str, wrong: str
) -> None:
    first = first_line(kb, question)
    assert first.startswith(verdict) and not first.startswith(wrong), first
