"""Two things asked about in one message are both answered: two letters' amounts compared,
and a question asked again of another thing ("and what about cancelled ones?").

Sealed set 24 found "amazon.de order €19.99 shipped Brief vs the same thing at €20.50 — which
one counts?" answered for the first amount alone ("No — … exempt"), and "do FBA orders count
in VTR? and what about cancelled ones?" with FBA's answer and VTR's bar for the second part.
Letters on EU marketplaces under EUR 20 are exempt, the others count (domain.md §1b, §4.2,
`value_exemption`); cancelled and unshipped orders are not in VTR (§4.2). Wordings written here.
"""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line, reply_text


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        ("a €15 letter or a €25 letter to France, which one is exempt?", "The EUR 25 one counts"),
        ("法国站一单18欧的信件，另一单22欧的信件，哪单计入VTR？", "22 欧元的那单要计入 VTR"),
        ("€18 Brief or €22 Brief to Germany, which one needs tracking?", "The EUR 22 one counts"),
    ],
)
def test_two_letters_compared(kb: KnowledgeBase, question: str, lead: str) -> None:
    assert first_line(kb, question).startswith(lead)


@pytest.mark.parametrize(
    ("question", "second"),
    [
        ("do unshipped orders count toward VTR? what about FBA?", "FBA offers are not affected"),
        ("FBA的订单计入VTR吗？那取消的订单呢？", "取消的订单不计入 VTR"),
    ],
)
def test_asked_again_of_another_thing(kb: KnowledgeBase, question: str, second: str) -> None:
    assert second in reply_text(kb, question)
