"""decide/market_lists.py: a marketplace believed on or off a feature's list (Buy Shipping's,
the bar's), decided from bot/domain/data/marketplaces.yaml, and its line in the reply
(services/decision_text/). One case per branch, in the fast tier; the many wordings are
tests/knowledge/test_decisions.py's, in the full one."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line, reply_text


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        # Buy Shipping's marketplaces (domain.md §2) do not include Australia: a false "also".
        ("Buy Shipping also works for Australia, right?", "Not right: Not on the list: AU."),
        # Germany is on it: a denial with a contraction ("isn't") is the false belief.
        ("Buy Shipping isn't available for Germany, is it?", "Not right: On the list: DE."),
        # "Only the US" leaves out the rest of the list: no.
        ("购买配送是不是只支持美国站", "不是"),
    ],
)
def test_a_marketplace_believed_on_or_off_the_list(
    kb: KnowledgeBase, question: str, lead: str
) -> None:
    assert first_line(kb, question).startswith(lead), first_line(kb, question)


@pytest.mark.parametrize(
    "question",
    [
        "after brexit, orders to amazon.co.uk no longer count toward VTR, correct?",
        "our UK store's orders stopped counting for VTR, right?",
        "UK shipments aren't counted in VTR any more, are they?",
    ],
)
def test_a_listed_marketplace_said_left_out_in_english(kb: KnowledgeBase, question: str) -> None:
    """The UK is on the bar's list for shipments from China (domain.md §1): a belief that its
    orders are no longer counted is denied first, as '英国站不算了吧' is."""
    line = first_line(kb, question)
    assert line.startswith("Not right:") and "UK" in line, line


def test_japan_said_to_be_left_out_gets_its_own_exemption(kb: KnowledgeBase) -> None:
    """Japan is on the bar's list; only its orders under 1,000 yen are exempt (domain.md §1)."""
    reply = reply_text(kb, "日本站的订单都不用管VTR吧")
    assert reply.startswith("不对。"), reply
    assert "1,000 日元" in reply.split("\n", 1)[0], reply


def test_a_feature_believed_to_be_one_marketplace_s_only(kb: KnowledgeBase) -> None:
    """Striking through delivery-only feedback is offered wherever Buy Shipping is, not in
    the US alone (domain.md §2): the reply lists where."""
    first = first_line(kb, "only US sellers can remove feedback through Buy Shipping, right?")
    assert first.startswith("Not right: Not only Amazon.com:"), first
    assert first.endswith("US, CA, MX, UK, DE, FR, IT, ES, IN."), first
