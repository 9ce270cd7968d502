"""The wrong verdicts the generated flips (test_rule_flips.py) found, one family each, in
wordings written here apart from the generator's; the verdicts worked out from
/work/shared/domain.md:

- '算不算' and '计不计入' ask whether a US order counts: their '不算' denies nothing (no US
  order is exempt for its value, 1b);
- a German marketplace's order sent from Germany, said in two places, is domestic (1b: over
  EUR 15 it counts, a letter too);
- 'will it show as unconfirmed?' is answered yes for a number under another carrier (1b);
- OTDR is no enforced bar "in most marketplaces" (§3): of one marketplace, no verdict;
- '95%算不算达标': exactly 95% is not above the bar (§4.5);
- a package 'has left the window, right?' is right past 30 days (§4.3);
- a marketplace left off Buy Shipping's whole list of 12 is not served from China (§2).
"""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line


@pytest.mark.parametrize(
    ("question", "lead", "wrong"),
    [
        ("美国站一个2美元的小单，中国直发，计不计入VTR", "计", "不"),
        ("发美国站的6美元订单算不算有效追踪率", "算", "不算"),
        ("2 dollar US order from Shenzhen, does it count toward VTR?", "Yes", "No"),
        (
            "Amazon.de order for EUR 17, shipped from my German warehouse by Brief, counted?",
            "Yes",
            "No",
        ),
        ("德国站订单17欧元，德国仓发货，用平信，要算吗", "要", "不"),
        ("I chose FedEx for 1Z999AA10123456784, is it going to be unconfirmed?", "Yes", "No"),
        ("单号1Z999AA10123456784我选的是USPS，是不是会变成未确认", "是", "不"),
        ("有效追踪率刚好95%，算不算合格达标", "不", "算"),
        ("VTR卡在95%应该没事吧", "不对", "对"),
        (
            "a parcel with a promised delivery date 45 days back has dropped out of the window, right?",
            "Right",
            "Not right",
        ),
        ("Is Buy Shipping available from China for Saudi Arabia orders?", "No", "Yes"),
        ("中国发新加坡站能不能用购买配送", "不能", "可以"),
    ],
)
def test_a_flipped_condition_gets_its_verdict(
    kb: KnowledgeBase, question: str, lead: str, wrong: str
) -> None:
    line = first_line(kb, question)
    assert line.startswith(lead), line
    assert not line.startswith(wrong), line


@pytest.mark.parametrize(
    "question",
    [
        "Does Amazon Japan enforce the on-time delivery rate?",
        "英国站OTDR低于90%会被封号吗",
        "is OTDR a hard requirement on Amazon.de?",
    ],
)
def test_otdr_of_one_marketplace_gets_no_verdict(kb: KnowledgeBase, question: str) -> None:
    line = first_line(kb, question)
    assert not line.startswith(("No", "Yes", "Not right", "Right", "不", "会", "是", "对")), line


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        ("OTDR isn't enforced the way VTR is, right?", "Right"),
        ("准时交货率不达标会被封店吗", "不会"),
    ],
)
def test_otdr_without_a_marketplace_keeps_its_verdict(
    kb: KnowledgeBase, question: str, lead: str
) -> None:
    assert first_line(kb, question).startswith(lead)
