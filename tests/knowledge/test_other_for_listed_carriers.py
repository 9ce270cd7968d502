"""Issue 21: openers chosen from a template or an entity rather than from the decision asked.

"Other" with a typed name is valid only for a supported carrier missing from Amazon's list
(domain.md §1b): a carrier the list has (amazon_carrier_codes.yaml) gets no "Yes, it can count"
from the carrier's card, but the decision: not valid as Other, pick it in the list.

Wordings written for these tests."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line

pytestmark = pytest.mark.collection

OTHER_FOR_A_LISTED_CARRIER = [
    # YunExpress, 4PX, SF Express, UPS: each in Amazon's list (amzn-base.xsd).
    ("确认发货时承运商点了Other，名字自己敲的YunExpress，这样有效吗", "无效", "Yun Express"),
    ("用的顺丰，承运商那栏选的其他，手动输入SF Express，可以不", "不可以", "SF Express"),
    ("we selected 'Other' and typed in 4PX for the carrier. does that count?", "No —", "4PX"),
    ("carrier set to other and I wrote UPS in the name box, any problem?", "Yes —", "UPS"),
    ("云途的货我都是勾的other再填yunexpress，会不会有影响", "会", "Yun Express"),
]


@pytest.mark.parametrize(("question", "lead", "carrier"), OTHER_FOR_A_LISTED_CARRIER)
def test_other_for_a_listed_carrier_is_decided_first(
    kb: KnowledgeBase, question: str, lead: str, carrier: str
) -> None:
    line = first_line(kb, question)
    assert line.startswith(lead), (question, line)
    assert carrier in line, (question, line)
    assert "可以，" not in line and "can count as valid" not in line, line
    assert ("列表" in line) or ("list" in line), line


@pytest.mark.parametrize(
    "question",
    ["选了其他，手填的Cainiao，行吗", "picked Other and typed CNE Express, valid?"],
)
def test_other_for_a_carrier_not_known_listed_gets_the_condition_without_a_verdict(
    kb: KnowledgeBase, question: str
) -> None:
    line = first_line(kb, question)
    assert not line.startswith(("Yes", "No", "可以", "不")), line
    assert ("其他" in line) or ("Other" in line), line


@pytest.mark.parametrize(
    "question",
    [
        # The seller's own list lacks it: "Other" is the way (the claims table's yes).
        "承运商列表里找不到云途，我可以选其他再手填YunExpress吗",
        # Another carrier chosen, not the "Other" option: no decision on "Other".
        "我选了其他物流，云途的单号算有效吗",
    ],
)
def test_other_when_the_list_lacks_it_or_another_carrier_chosen_is_not_refused(
    kb: KnowledgeBase, question: str
) -> None:
    assert not first_line(kb, question).startswith(("不", "No")), question
