"""An entry matched only on characters is no answer (issue 21).

'运费…跟承运商结' was answered with the EU letter rule, matched on 运 and 费 while the one thing
the question names (the carrier) is nowhere in that entry; "改了以后要等多久才显示" was refused
as another field's. Under `NAMED_HELD_FROM` the best entry must speak of something the
question names, else the closest topics are offered (docs/performance.md has the table
measured on every development set); a change asked how soon it shows, the thing changed
unsaid ('我改完要几天才能看到'), is answered with how long an edit takes to show (up to 72
hours, domain.md 1b): the change can only be the tracking's. Wordings written for these tests.
"""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from bot.domain.knowledge.base import Assessment

pytestmark = pytest.mark.collection


@pytest.mark.parametrize(
    "question",
    [
        "物流商的运费一般怎么付",
        "is the courier fee settled weekly",
        "how much does the carrier charge for a 2kg box",
    ],
)
def test_an_entry_holding_nothing_named_is_no_answer(kb: KnowledgeBase, question: str) -> None:
    answer = kb.answer(question)
    assert answer.kind == "unsure", (answer.kind, answer.matched)


def test_a_strong_match_holding_nothing_named_is_still_an_answer() -> None:
    weak = Assessment(relevance=1.0, anchored=True, match=0.6, information=3.0, margin=0.5)
    assert weak.firm
    unheld = Assessment(
        relevance=1.0, anchored=True, match=0.3, information=3.0, margin=0.5, names_held=False
    )
    assert unheld.confidence < 0.5 and not unheld.firm
    strong = Assessment(
        relevance=1.0, anchored=True, match=1.0, information=3.0, margin=0.5, names_held=False
    )
    assert strong.confidence >= 0.5 and strong.firm


@pytest.mark.parametrize(
    "question",
    [
        "改完以后多久才能显示",
        "我改了之后要过几个小时才更新",
        "after I edit it, how long till it shows?",
    ],
)
def test_a_change_asked_how_soon_it_shows_gets_the_72_hours(
    kb: KnowledgeBase, question: str
) -> None:
    answer = kb.answer(question)
    assert answer.kind == "answer" and answer.matched == "tracking-edit", answer.matched
    assert answer.decision is not None and "72" in str(answer.decision.facts), answer.decision


def test_a_change_of_tracking_named_is_answered(kb: KnowledgeBase) -> None:
    answer = kb.answer("追踪号改完多久能显示出来")
    assert answer.kind == "answer" and answer.matched == "tracking-edit", answer.matched
