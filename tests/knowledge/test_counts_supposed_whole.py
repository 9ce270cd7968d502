"""Found by probing: a scenario supposed whole ("if I shipped 200 and 9 were invalid", "say I
ship 1000 parcels and 50 have bad tracking") read the invalid figure as packages added on
top of a window never told (the ship word was its neighbour's), so no figures were worked
out; 'ship'/'send' alone named no total; '没上网', '查不到', '单号不对' named no invalid packages.
Wordings written for these tests; every expected figure is worked out by hand beside it
(percent = valid / shipped; the bar is strictly above 95%)."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from bot.domain.knowledge.figures import Counts
from tests.knowledge.replies import first_line

pytestmark = pytest.mark.collection


@pytest.mark.parametrize(
    ("question", "shipments", "valid"),
    [
        # The whole supposed in English: the part is of the total before it.
        ("if we ship 700 and 35 are unscanned would we still pass", 700, 665),
        ("suppose i send 180 packages and 9 of them have wrong tracking, what's my vtr", 180, 171),
        ("say we dispatched 260 orders and 13 had no tracking, would that be ok", 260, 247),
        ("what if I shipped 320 and 16 are untracked", 320, 304),
        ("shipped 140 and 6 were bad would that pass", 140, 134),
        ("we ship 300, 14 can't be tracked, what's our rate", 300, 286),
        # The same in Chinese.
        ("假如发了400单，有20单没有扫描，VTR是多少", 400, 380),
        ("要是160个包裹里有7个查不到物流，还能过吗", 160, 153),
        ("发了150单 8单没上网 会不会低于95", 150, 142),
        ("假设我发了220单，11单单号不对，达标吗", 220, 209),
        ("如果发300单有12单是错的，VTR多少", 300, 288),
    ],
)
def test_a_supposed_whole_is_worked_out(
    kb: KnowledgeBase, question: str, shipments: int, valid: int
) -> None:
    assert kb.case(question).counts == Counts(shipments, valid)


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        # 665/700 = 95.0%: not above the bar; ⌊665⌋ + 1 − 665 = 1 fix.
        (
            "if we ship 700 and 35 are unscanned would we still pass",
            "No — 665 valid of 700 = 95.0%",
        ),
        # 134/140 = 95.71… → 95.7%: above.
        ("shipped 140 and 6 were bad would that pass", "Yes — 134 valid of 140 = 95.7%"),
        # 153/160 = 95.625 → 95.6%: above.
        ("要是160个包裹里有7个查不到物流，还能过吗", "能。达标：160 个里 153 个有效 = 95.6%"),
    ],
)
def test_the_verdict_on_the_supposed_whole_leads(
    kb: KnowledgeBase, question: str, lead: str
) -> None:
    assert first_line(kb, question).startswith(lead)


@pytest.mark.parametrize(
    ("question", "then"),
    [
        # Packages supposed added keep their own reading: 3 tracked, 1 more untracked → 3 of 4.
        ("4 parcels so far, all tracked. what if i send 1 more without tracking", Counts(5, 4)),
        ("已经发了50单都有追踪，再来1单没追踪的会怎样", Counts(51, 50)),
    ],
)
def test_packages_supposed_added_still_join_the_window(
    kb: KnowledgeBase, question: str, then: Counts
) -> None:
    reading = kb.case(question).reading
    assert reading is not None and reading.then == then


def test_the_tag_dui_bu_dui_names_no_invalid_package(kb: KnowledgeBase) -> None:
    # "对不对" asks a belief; only the 5 told without tracking are invalid: 95/100.
    question = "发了100单，其中5单没有追踪号，VTR是95%对不对"
    assert kb.case(question).counts == Counts(100, 95)
