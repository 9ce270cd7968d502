"""A belief stated, then doubted ('…我基本必输，不会吧？', '…，真的假的', "…, surely not?",
"… — really?"): the doubt denies nothing; the verdict is on what was stated, and agrees
with what the answer then says. Set 31's true '我基本必输，不会吧？' got '不对。…会自动败诉'.
Facts from domain.md §1 (automatic loss of "not received" A-to-z claims without tracking;
FBA not concerned; the bar per category for self-fulfilled offers; tracking after delivery
is a defect; the marketplaces the bar applies to). Wordings written here."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line


@pytest.mark.parametrize(
    ("question", "verdict", "wrong"),
    [
        # True beliefs: confirmed.
        ("没有追踪号的订单，买家开A-to-z说没收到，卖家直接判输，不至于吧？", "对", "不对"),
        ("没上传追踪号的单被买家投诉没收到，A-to-z 我肯定输，不会吧？", "对", "不对"),
        ("FBA的货不受VTR影响，不会吧？", "对", "不对"),
        ("VTR低于95%只限制那个品类的自发货，真的假的？", "对", "不对"),
        ("without tracking I lose every item-not-received A-to-z claim automatically — surely not?", "Right", "Not right"),
        ("untracked orders have 1.7 times the defect rate, that can't be right?", "Right", "Not right"),
        # False beliefs: corrected.
        ("FBA的货也算进VTR，不会吧？", "不对", "对。"),
        ("买家签收之后再补单号也算有效，不会吧？", "不对", "对。"),
        ("VTR is only for the US marketplace, Europe doesn't count — really?", "Not right", "Right"),
    ],
)  # fmt: skip
def test_a_doubted_belief_is_judged_as_stated(
    kb: KnowledgeBase, question: str, verdict: str, wrong: str
) -> None:
    first = first_line(kb, question)
    assert first.startswith(verdict) and not first.startswith(wrong), first
