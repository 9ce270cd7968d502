"""Found by probing: '亚马逊说我的追踪号无效，但是我在17track能查到，为什么' got where to look in
Seller Central, 'tracking shows in 17track but amazon says invalid' the A-to-z entry. A number
that tracks on another site (17track, the carrier's own site) but is invalid on Amazon gets
the causes domain.md gives (carrier not matching the number: "unconfirmed"; a carrier typed
under "Other" or in Chinese; no carrier scan recorded; tracking added after delivery) and the
fix (Edit tracking before delivery, 72 hours to show), and says the sources are silent on
third-party sites. "17track" is no package count. Wordings written for these tests."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import reply_text

pytestmark = pytest.mark.collection

ENTRY = "tracking-invalid-but-trackable"


@pytest.mark.parametrize(
    "question",
    [
        "17track shows my parcel fine, so why is amazon calling the number invalid?",
        "the courier website has scans for it but seller central says unconfirmed",
        "在快递100上查得到物流，亚马逊后台为什么说追踪号无效",
        "承运商官网显示在途，亚马逊却判这个单号无效，怎么回事",
        "the usps tracking page has it moving, but seller central calls the number invalid",
    ],
)
def test_trackable_elsewhere_gets_the_causes_and_the_fix(kb: KnowledgeBase, question: str) -> None:
    answer = kb.answer(question)
    assert answer.matched == ENTRY, answer.matched
    text = reply_text(kb, question)
    for fact in ("UPS", "USPS", "72"):
        assert fact in text, text
    assert ("Edit tracking" in text) or ("编辑追踪信息" in text), text


def test_a_tracking_site_named_with_a_number_is_no_package_count(kb: KnowledgeBase) -> None:
    reading = kb.case("the number works on 17track but amazon flags it").reading
    assert reading is not None and reading.roles == {}


def test_where_to_see_vtr_is_still_its_own_question(kb: KnowledgeBase) -> None:
    assert kb.answer("在后台哪里能查到我的VTR").matched == "vtr-where-to-see"
