"""Buy Shipping uploads the tracking by itself (domain.md §2): asked whether one still has to
upload or enter it ("if I use buy shipping do I still need to upload tracking"), the reply
leads with No / 不用, not with Buy Shipping's limits ("lowers the risk, no guarantee"); own
labels bought elsewhere still need it entered. Wordings written here."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line

pytestmark = pytest.mark.collection


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        ("using buy shipping, still need to add the tracking number?", "No"),
        ("buy shipping labels - do I upload the tracking number manually", "No"),
        ("when i ship with buy shipping must i enter the tracking no myself", "No"),
        ("用购买配送的话 需要上传追踪号吗", "不需要"),
        ("買了購買配送的面單，還要填單號嗎", "不"),
        ("用了购买配送，不需要上传单号吧", "对"),
        ("buy shipping still needs me to upload the tracking number, right?", "Not right"),
        ("i print my own labels from the carrier, do i still need to upload tracking", "Yes"),
    ],
)
def test_whether_buy_shipping_tracking_is_entered_is_decided(
    kb: KnowledgeBase, question: str, verdict: str
) -> None:
    first = first_line(kb, question)
    assert first.startswith(verdict), first
    assert "no guarantee" not in first and "不能保证" not in first, first
