"""Found by probing: 'from a US warehouse shipping to US customers, does VTR apply' and
'我从香港发货到美国站 VTR要求一样吗' got the China list's opener ("Yes: for self-fulfilled
orders shipped from China to Amazon.com…"), '海外仓发货也要算VTR吗' the EU/UK update. VTR is
over all self-fulfilled shipments and tracking is required on every self-fulfilled order
(domain.md §1, seed 004), wherever they ship from; only the list of marketplaces with the
95% bar is stated for shipments from China. The answer speaks of the origin asked about and
never restates "from China" as the seller's route. Wordings written for these tests."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line

pytestmark = pytest.mark.collection


@pytest.mark.parametrize(
    ("question", "opener"),
    [
        ("our 3PL in the states ships to american buyers, do those orders count for VTR?", "Yes"),
        ("does the valid tracking rate apply to orders sent from a local warehouse?", "Yes"),
        pytest.param(
            "is the 95% bar the same when I ship from hong kong?",
            "VTR counts",
            marks=pytest.mark.fast,
        ),
    ],
)
def test_an_origin_outside_china_is_answered_in_english(
    kb: KnowledgeBase, question: str, opener: str
) -> None:
    line = first_line(kb, question)
    assert line.startswith(opener), line
    assert "wherever it ships from" in line, line
    assert "shipped from China to" not in line, line
    assert "published for shipments from China" in line, line


@pytest.mark.parametrize(
    ("question", "opener"),
    [
        ("香港仓直发美国站的自配送单算不算VTR", "算。"),
        ("用美国本地仓发美国站的单，VTR标准有区别吗", "VTR 统计"),
        ("海外仓自发货的单子计入有效追踪率吗", "计入。"),
    ],
)
def test_an_origin_outside_china_is_answered_in_chinese(
    kb: KnowledgeBase, question: str, opener: str
) -> None:
    line = first_line(kb, question)
    assert line.startswith(opener), line
    assert "不分从哪里发出" in line, line
    assert "从中国直发到" not in line and "欧盟" not in line, line


def test_a_belief_that_a_warehouse_abroad_is_left_out_is_corrected(kb: KnowledgeBase) -> None:
    line = first_line(kb, "海外仓发的订单不用算VTR吧")
    assert line.startswith("不对"), line


def test_fba_named_keeps_its_own_answer(kb: KnowledgeBase) -> None:
    line = first_line(kb, "FBA海外仓的订单算VTR吗")
    assert line.startswith("不算"), line
