"""A carrier picked that does not match the number, FBA asked of with a typo or by 追踪率, the
Buy Shipping marketplaces counted, and the parts of a message that asks several things.
Wordings written here, none taken from a held-out set; verdicts worked out by hand from
/work/shared/domain.md: §2 (a carrier that does not match the number makes the tracking
"unconfirmed", not valid), §1 (VTR covers self-fulfilled packages only: FBA is not in it),
§5 (Buy Shipping serves 12 marketplaces for shipments from China), §3 (a category's VTR must be
above 95%; Buy Shipping's protection against A-to-z claims; delivery feedback struck through
does not count toward ODR)."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import assert_first_line, reply_text

# Many wordings of rules that each have tests of their own: the full tier. Each branch of
# bot/ only these reached has a case in its rule's own tests, in the fast tier
# (docs/development.md, "Checks, tests and translations").
pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("question", "verdict", "wrong"),
    [
        # Asked whether it turns invalid: yes, however the wrong pick is said.
        ("单号填错承运商会不会无效", "会。", "不会"),
        ("承运商选错了 单号会变无效吗", "会。", "不会"),
        ("picked the wrong carrier for the tracking number, does it become invalid?", "Yes", "No"),
        ("a carrier mismatch makes the tracking invalid, right?", "Right", "Not right"),
        ("承运商选错了就不算有效了吧", "对。", "不对"),
        # Asked whether it is still valid: the opposite, so no.
        ("承运商和单号对不上，还算有效吗", "不算。", "可以"),
        ("承运商选错了也不影响有效吧", "不对。", "没错"),
        (
            "wrong carrier selected but the number is right, it still counts, right?",
            "Not right",
            "Right:",
        ),
        ("is a number with a mismatched carrier still counted?", "No", "Yes"),
    ],
)
def test_a_carrier_that_does_not_match_the_number_is_unconfirmed(
    kb: KnowledgeBase, question: str, verdict: str, wrong: str
) -> None:
    assert_first_line(kb, question, verdict, wrong)
    assert any(word in reply_text(kb, question) for word in ("未确认", "unconfirmed"))


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        # 追踪率 / 跟踪率 name VTR as VTR does, typos (追纵, 追中) repaired first.
        ("FBA的单要算追踪率吗", "不"),
        ("亚马逊物流那部分要算进有效追纵率吗", "不"),
        ("FBA的货算在跟踪率里吗", "不算"),
        ("FBA发的货要算进追中率不", "不"),
        # "hit" is affecting: FBA is not hit.
        ("will a bad VTR hit my FBA?", "No"),
    ],
)
def test_fba_asked_of_by_the_rate_s_other_names(
    kb: KnowledgeBase, question: str, verdict: str
) -> None:
    assert_first_line(kb, question, verdict, "FBA 会受")


@pytest.mark.parametrize(
    "question",
    [
        "购买配送能在几个站点用",
        "購買配送目前支援多少個國家",
        "Buy Shipping現在支援幾個站點",
        "how many countries does buy shipping cover",
    ],
)
def test_how_many_marketplaces_buy_shipping_serves(kb: KnowledgeBase, question: str) -> None:
    answer = kb.answer(question)
    assert answer.matched == "buy-shipping-marketplaces", answer.matched
    assert "12" in reply_text(kb, question)


def test_a_taiwan_word_for_support_still_finds_the_upload_formats(kb: KnowledgeBase) -> None:
    # 支援 read as 支持 must not pull a question about files away from the files.
    assert kb.answer("支援xlsx檔案嗎").matched == "bot-upload-file"


@pytest.mark.parametrize(
    ("question", "first", "then"),
    [
        # Figures worked out whole, and a part about FBA answered after them, not dropped.
        (
            "Kitchen 114/120 valid. what's my rate and how many to fix, and will it hit my FBA?",
            "114 valid of 120",
            "FBA is not affected",
        ),
        (
            "我家居类目80个有效76个。VTR多少？要修几个？FBA会不会受影响？",
            "80",
            "不会。FBA 不受影响",
        ),
        # "Am I …" asks: the message is split there.
        ("Toys: 47 of 50 valid. Am I above 95 and does this affect my FBA offers?", "47", "FBA"),
        # A subject set off by a colon before its questions ("buy shipping: does it …").
        (
            "buy shipping: is it free and does it keep delivery feedback out of ODR?",
            "Amazon charges nothing extra",
            "Order Defect Rate",
        ),
    ],
)
def test_every_part_of_a_message_is_answered(
    kb: KnowledgeBase, question: str, first: str, then: str
) -> None:
    text = reply_text(kb, question)
    assert first in text.split("\n", 1)[0], text
    assert then in text, text


@pytest.mark.parametrize(
    "question",
    ["FBA会不会受影响？", "VTR低了FBA会不会被限制", "我的FBA链接会不会受牵连，会不会受影响"],
)
def test_an_a_not_a_question_is_no_belief_that_fba_is_unaffected(
    kb: KnowledgeBase, question: str
) -> None:
    # 会不会受影响 asks; its 不会受 is no statement that FBA is unaffected, so no "会。".
    assert_first_line(kb, question, "不会。", "会。VTR")
