"""'is vtr only for chinese sellers' got the bar's entry with no decision, and 'i ship from the
us to us customers, does the 95% apply' the list stated for shipments from China: VTR covers
every self-fulfilled package and tracking is required on all self-fulfilled orders (domain.md
§1, seed 004); only the list of marketplaces with the bar is stated for shipments from China,
and the reply says so. Wordings written here."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line

pytestmark = pytest.mark.collection


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        ("is vtr only for chinese sellers", "No — Not only Chinese sellers"),
        ("VTR是不是只针对中国卖家", "不只是中国卖家"),
    ],
)
def test_vtr_is_not_only_chinese_sellers(kb: KnowledgeBase, question: str, lead: str) -> None:
    assert first_line(kb, question).startswith(lead)


@pytest.mark.parametrize(
    "question",
    [
        "i ship from the us to us customers, does the 95% apply",
        pytest.param("我从美国本土发货，VTR要求一样吗", marks=pytest.mark.fast),
    ],
)
def test_shipping_from_the_marketplace_s_country(kb: KnowledgeBase, question: str) -> None:
    first = first_line(kb, question)
    assert "wherever it ships from" in first or "不分从哪里发出" in first, first
