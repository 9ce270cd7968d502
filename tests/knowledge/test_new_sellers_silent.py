"""New sellers and a grace period for them: the sources say nothing of either, and the reply
says so first, then what is known (30-day window, per category, above 95%); a new seller's own
figures are still worked out. Wordings written here."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line

pytestmark = pytest.mark.collection


@pytest.mark.parametrize(
    "question",
    [
        "我是新卖家 vtr不够30天怎么算",
        "新店铺有没有VTR保护期",
        "does amazon give newbies a break on the 95% tracking rule?",
        "new account only shipped for 10 days, how is valid tracking rate calculated",
    ],
)
def test_new_sellers_hear_the_sources_are_silent(kb: KnowledgeBase, question: str) -> None:
    reply = kb.answer(question)
    assert reply.matched == "vtr-new-sellers", reply.matched
    first = first_line(kb, question)
    assert any(w in first for w in ("没有提到", "say nothing")), first
    assert not first.startswith(("Yes", "No", "是", "不", "有", "没有")), first


def test_a_new_sellers_figures_are_still_worked_out(kb: KnowledgeBase) -> None:
    first = first_line(kb, "我是新卖家，发了20单有1单没追踪，达标吗")
    assert first.startswith("不达标"), first
