"""decide/routes.py: where a shipment goes from and to decides which rule applies (the EU/UK
update for cross-border orders, German domestic orders over EUR 15), and a route no source
covers gets no verdict. One case per branch, in the fast tier; the many wordings are
tests/knowledge/test_decisions.py's, in the full one."""

from __future__ import annotations

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line, reply_text


def test_a_domestic_route_no_source_covers_gets_what_the_sources_say(kb: KnowledgeBase) -> None:
    """Italian domestic orders: the sources name only cross-border EU/UK and German
    domestic ones (domain.md §1), so the reply says so rather than decide."""
    first = first_line(kb, "意大利本土发货 8欧 算不算VTR")
    assert first.startswith("资料写明的是欧盟/英国新规对跨境货件、以及德国境内货件"), first


def test_a_cross_border_order_believed_left_out_counts(kb: KnowledgeBase) -> None:
    """DE → FR is cross-border under the EU/UK update: it counts, and no line says 是的."""
    reply = reply_text(kb, "从德国发到法国的跨境单不算VTR吧")
    assert "计入 VTR" in reply and "是的" not in reply, reply


def test_german_domestic_orders_said_never_to_count(kb: KnowledgeBase) -> None:
    """Those over EUR 15 count (domain.md §1): 'never' is false."""
    first = first_line(kb, "domestic German orders never count for VTR, correct?")
    assert first.startswith("Not right: German domestic"), first


def test_a_story_before_the_question_is_not_carried_into_it(kb: KnowledgeBase) -> None:
    """The letters' limit asked after a story of several European sites: EUR 20, shipping
    included (domain.md §1)."""
    reply = reply_text(
        kb,
        "我们做欧洲几个站，有的走平信。听说规则变了，多少钱以下的信件可以不算VTR？这个金额含不含运费？",
    )
    assert "20 欧元" in reply and "含运费" in reply, reply


def test_the_uk_outside_the_eu_yet_its_cross_border_orders_counting(kb: KnowledgeBase) -> None:
    """A true premise (the UK left the EU) beside a true belief: the update names the UK."""
    first = first_line(kb, "英国虽然脱欧了，跨境发到英国的单子仍然算VTR吧")
    assert first.startswith("对。发往或发自 UK 的跨境货件按欧盟/英国新规"), first
