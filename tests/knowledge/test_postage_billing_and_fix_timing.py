"""Who bills the postage is the seller's account with the carrier, not VTR ("can the carrier
invoice me monthly" got "No — VTR looks at a rolling 30 days"), unless Buy Shipping is named:
domain.md §2 then says Amazon charges nothing extra and postage is settled with the carrier.
How long a fix takes to show is VTR's own question ('我改完要几天才能看到' was refused as a
transit time): domain.md 1b, up to 72 hours. A parcel's days on its way stay refused.
Wordings written here."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line, reply_text


@pytest.mark.parametrize(
    "question",
    [
        "will DHL send me an invoice for the postage every month, or does amazon?",
        "is my postage billed by amazon or by the courier",
        "快递费是亚马逊扣还是物流商那边月结",
        "邮资跟物流商结算还是跟亚马逊结算",
        # Offered topics before (test_weak_match_offers_topics): now another field's.
        "承运商的运费能开发票吗",
    ],
)
def test_who_bills_postage_is_another_field(kb: KnowledgeBase, question: str) -> None:
    assert kb.answer(question).kind == "off_topic"


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("with buy shipping, who bills the postage?", "settled directly with the carrier"),
        ("用购买配送的话邮费跟谁结算", "承运商"),
        # The label named: who charges for it is the same fact (it got how Buy Shipping
        # protects VTR).
        ("if I get my labels through buy shipping, who's paying for them?", "with the carrier"),
        ("购买配送买的面单，钱是付给谁的", "承运商"),
    ],
)
def test_buy_shipping_named_says_who_charges(kb: KnowledgeBase, question: str, said: str) -> None:
    answer = kb.answer(question)
    assert answer.kind == "answer" and answer.matched == "buy-shipping-cost"
    assert said in reply_text(kb, question)


@pytest.mark.parametrize(
    ("question", "hours"),
    [
        ("我补好之后大概要几天后台才能显示", "72 小时"),
        ("修完了得几天才看得到变化", "72 小时"),
        ("once I correct it, how many days until the change shows", "72 hours"),
        ("how soon does a fix show up in the rate", "72 hours"),
    ],
)
def test_how_long_a_fix_takes_to_show(kb: KnowledgeBase, question: str, hours: str) -> None:
    assert hours in first_line(kb, question)


@pytest.mark.parametrize(
    "question",
    ["从义乌寄英国一般要几天", "发日本路上要几天", "how many days does a parcel to Spain take"],
)
def test_days_in_transit_stay_refused(kb: KnowledgeBase, question: str) -> None:
    assert kb.answer(question).kind == "off_topic"
