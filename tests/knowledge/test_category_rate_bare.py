"""A rate told beside a product category with no metric word and no % ("toys at 96.2 is
that ok", "家居 95 行不行") was refused as another field's or got the per-category entry. The
one figure of a message that names a category, in VTR's range and with no unit, is that
category's VTR: judged with the report's bar (bar.is_above: strictly above 95%, so 95 is
below). Counts told beside a category stay counts. Wordings written for these tests."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line

pytestmark = pytest.mark.collection


@pytest.mark.parametrize(
    ("question", "lead", "figure"),
    [("garden category at 95.3, are we fine?", "Yes", "95.3%"),
     ("beauty is 93.9 right now, ok?", "No", "93.9%"),
     ("美妆类目96.5还行吗", "行。达标", "96.5%"),
     ("家居类目95，行不行", "不达标", "95.0%"),
     ("toys sitting at 95 flat, safe?", "No", "95.0%")],
)  # fmt: skip
def test_a_categorys_bare_rate_is_its_vtr(
    kb: KnowledgeBase, question: str, lead: str, figure: str
) -> None:
    line = first_line(kb, question)
    assert line.startswith(lead), line
    assert figure in line, line


def test_counts_beside_a_category_stay_counts(kb: KnowledgeBase) -> None:
    assert kb.case("玩具类目有100个包裹").rate is None
    assert kb.case("toys category shipped 60 orders").rate is None


@pytest.mark.parametrize(
    ("question", "figure"),
    [("shop vtr is 97 but the garden category is 93, all good?", "93%"),
     ("整体96%，不过美妆类目只有94，有问题吗", "94%")],
)  # fmt: skip
def test_a_category_below_beside_the_shop_decides(
    kb: KnowledgeBase, question: str, figure: str
) -> None:
    line = first_line(kb, question)
    assert figure in line and not line.startswith(("Yes", "达标", "没问题")), line


def test_counts_in_a_row_stay_counts(kb: KnowledgeBase) -> None:
    assert kb.case("beauty 57 60 garden 99 100").rate is None


@pytest.mark.parametrize(
    ("question", "figure"),
    [("整体追踪率98%，不过有个品类发了60单，4单没有单号，要紧吗", "56"),
     ("my overall vtr is 99% but the toys category shipped 50 and 2 had no tracking, ok?", "48")],
)  # fmt: skip
def test_a_categorys_counts_beside_the_shops_rate_are_worked_out(
    kb: KnowledgeBase, question: str, figure: str
) -> None:
    line = first_line(kb, question)
    assert figure in line and "%" in line, line
