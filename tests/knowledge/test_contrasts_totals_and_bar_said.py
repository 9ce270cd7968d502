"""Three wrong statements set 29 found (issue 21), each mended as a family: a true belief
that sets VTR against another metric ("not 60 like ODR") judged on that metric's clause; an
order's amount told as item + shipping judged on the item alone; the bar's 95 ("卡在95",
"right at 95") read as a count of valid packages. Wordings written here, both languages;
every verdict worked out by hand from /work/shared/domain.md (§3's targets and windows,
§1b's EUR 20 "shipping included", §4.5's strict bar)."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import assert_first_line, first_line


@pytest.mark.parametrize(
    ("question", "verdict", "wrong", "about"),
    [
        # VTR 30 days, PFCR 7, OTDR 14, ODR 60, LSR 10 and 30 (domain.md §3): each contrast
        # true, so the belief about VTR is right and the reply is VTR's.
        ("VTR is counted over 30 days, not 7 like the cancel rate, right?", "Right", "Not", "VTR"),
        ("unlike ODR's 60 days, VTR only looks back 30 days, right?", "Right", "Not", "VTR"),
        ("VTR is judged on 30 days, not 14 days like OTDR, correct?", "Right", "Not", "VTR"),
        ("跟ODR不一样，VTR只看30天对吧", "对。", "不对", "VTR"),
        # The subject is another metric, VTR the one set against it.
        ("ODR looks at 60 days, not 30 like VTR, right?", "Right", "Not", "ODR"),
        # False about the subject: not right, whatever the contrast says.
        ("VTR covers 60 days, not 30 like LSR, right?", "Not right", "Right", "VTR"),
        ("VTR看60天，不像迟发率只看30天吧", "不对。", "对。", "VTR"),
        # Bars: VTR above 95%, ODR under 1%, OTDR above 90%.
        ("VTR needs to be above 95%, not under 1% like ODR, right?", "Right", "Not", "VTR"),
        ("VTR must be above 90%, unlike OTDR's 95%, right?", "Not right", "Right", "VTR"),
        ("VTR要高于95%，不像准时交货率只要90%，对吧", "对。", "不对", "VTR"),
        # The subject right (PFCR under 2.5%), the contrast's figure wrong (ODR's is 1%, not
        # 4%): the belief is not right, and the reply names the metric it is wrong for.
        (
            "the cancel rate must stay under 2.5%, not 4% like ODR, right?",
            "Not right",
            "Right",
            "ODR",
        ),
    ],
)
def test_a_belief_is_judged_on_its_own_metric_not_the_one_set_against_it(
    kb: KnowledgeBase, question: str, verdict: str, wrong: str, about: str
) -> None:
    first = first_line(kb, question)
    assert first.startswith(verdict) and not first.startswith(wrong), first
    assert about in first, first


@pytest.mark.parametrize(
    ("question", "beside"),
    [
        ("VTR is counted over 30 days, not 7 like the cancel rate, right?", "over 7 days"),
        ("VTR只看30天，不像订单缺陷率那样看60天吧", "统计 60 天"),
    ],
)
def test_the_metric_set_against_it_gets_its_own_line(
    kb: KnowledgeBase, question: str, beside: str
) -> None:
    assert beside in first_line(kb, question)


@pytest.mark.parametrize(
    ("question", "verdict", "amount"),
    [
        # 18 + 6 = 24 ≥ 20: counted (domain.md §1b: "orders under EUR 20 (shipping included)").
        (
            "germany: item 18 euro + 6 shipping = 24, sent as a Brief, no tracking. exempt?",
            "No",
            "24",
        ),
        (
            "a Brief to germany, 16 euro for the item plus 5 for shipping, is it exempt from VTR?",
            "No",
            "21",
        ),
        # 12 + 5 = 17 < 20, as a letter: exempt.
        ("french order: 12€ item + 5€ postage, sent by lettre. does it count for VTR?", "No", "17"),
        (
            "spain order 17 euro item and 4 euro shipping, total 21, letter service, exempt right?",
            "Not right",
            "21",
        ),
        ("法国站订单商品12欧，运费5欧，合计17欧，平信发，豁免吗", "不计入", "17"),
        ("德国站平信，货值16欧，运费5，豁免吗", "不是", "21"),
        # JPY 1,000 is the order's too: 850 + 250 = 1,100 counts.
        ("jp order: item ¥850 + ¥250 shipping, no tracking. does it count?", "Yes", "1100"),
    ],
)
def test_an_amount_told_in_parts_is_the_order_total(
    kb: KnowledgeBase, question: str, verdict: str, amount: str
) -> None:
    first = first_line(kb, question)
    assert first.startswith(verdict), first
    assert amount in first, first


@pytest.mark.parametrize(
    ("question", "figures"),
    [
        # 200 − 10 = 190 of 200 = 95.0%: below, fix 1 (⌊95 × 200 / 100⌋ + 1 − 190 = 1).
        ("四百个包裹，二十个没单号，是不是卡在95线上", "400 个里 380 个有效"),
        ("六百个包裹三十个没单号，停在95这条线上了吗", "600 个里 570 个有效"),
        ("五百单有二十五单没单号 95刚好过线吧", "500 个里 475 个有效"),
        ("a dozen of 240 have no tracking, is that right at the 95 line?", "228 valid of 240"),
        ("I have 400 packages, 20 without tracking, stuck at 95?", "380 valid of 400"),
        # 95 packages shipped is a count: 90 of 95 = 94.7%.
        ("发了95个，5个没单号，卡在95吗", "95 个里 90 个有效"),
    ],
)
def test_the_bar_said_as_a_number_is_no_count(
    kb: KnowledgeBase, question: str, figures: str
) -> None:
    first = first_line(kb, question)
    assert figures in first, first
    assert not first.startswith(("对。", "Right", "Yes")), first


def test_the_item_and_its_shipping_are_one_belief(kb: KnowledgeBase) -> None:
    """ "17 euro item and 4 euro shipping": one order's amount, not two beliefs to split."""
    assert_first_line(
        kb,
        "italy: 11 euro item and 4 euro shipping, sent as a letter, exempt right?",
        "Right",
        "only in part",
    )
