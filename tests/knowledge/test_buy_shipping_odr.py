"""Buy Shipping and ODR: the belief that feedback on a Buy Shipping order "still counts toward
ODR" is decided first. Worked out by hand from /work/shared/domain.md §2: on an order shipped
on time with Buy Shipping and tracking, negative feedback only about late or missing delivery
is struck through and does not count toward ODR, on US, CA, UK, DE, FR, ES, IT, IN and MX
only; so on those it is not right that it still counts, on Japan it is. Wordings written
here, none taken from a held-out set."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line


@pytest.mark.parametrize(
    ("question", "verdict", "wrong", "said"),
    [
        # Said without the strike-through: the feedback it keeps out is what Buy Shipping
        # changes in ODR.
        ("买了购买配送的面单，可还是会算进订单缺陷率吧", "不对。", "对。", "不计入 ODR"),
        ("发货用的购买配送，物流差评仍然会拉低ODR，对不对", "不对。", "对。", "不计入 ODR"),
        (
            "shipped with Buy Shipping, yet it still hits my ODR, correct?",
            "Not right",
            "Right",
            "does not count toward ODR",
        ),
        # "X or not" asks either way: it negates nothing.
        (
            "Buy Shipping or not, late-delivery complaints still hit ODR, right?",
            "Not right",
            "Right",
            "does not count toward ODR",
        ),
        # The opposite belief, that Buy Shipping keeps the orders out of ODR: only the
        # delivery feedback is kept out.
        ("用购买配送发的单完全不算订单缺陷率吧", "不对。", "对。", "只有配送类差评不计入"),
        (
            "with buy shipping my orders are out of ODR, correct?",
            "Not right",
            "Right",
            "Only delivery feedback is kept out",
        ),
        # Asked yes or no: the verb answers, then what happens to the feedback.
        ("用购买配送发货的单，买家说晚到的差评还会计入ODR吗", "不会。", "会。", "不计入 ODR"),
        # A marketplace named: where the strike-through is offered, it is kept out; in Japan
        # delivery feedback counts as usual.
        ("英国站用了购买配送，配送差评还是计入ODR吧", "不对。", "对。", "不计入 ODR"),
        ("日本站用购买配送发的，没收到货的差评还会算进ODR吗", "会。", "不会。", "照常计入 ODR"),
        (
            "on Amazon Japan, Buy Shipping orders' late-delivery feedback still counts toward ODR, right?",
            "Right",
            "Not right",
            "counts toward ODR as usual",
        ),
        (
            "Germany, Buy Shipping: does late delivery feedback still count toward my ODR?",
            "No",
            "Yes",
            "does not count toward ODR",
        ),
    ],
)
def test_still_counting_toward_odr_is_decided(
    kb: KnowledgeBase, question: str, verdict: str, wrong: str, said: str
) -> None:
    first = first_line(kb, question)
    assert first.startswith(verdict), first
    assert not first.startswith(wrong), first
    assert said in first, first
