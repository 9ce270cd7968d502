"""A belief whose tag negates the whole account ('…not my whole account?') and FBA said to be
lost with a category. Wordings written here, none taken from a held-out set; facts worked out
by hand from /work/shared/domain.md §1: a category below 95% loses self-fulfilled selling in
that category only; the account is not suspended and FBA offers are not affected."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import assert_first_line

pytestmark = pytest.mark.collection


@pytest.mark.parametrize(
    ("question", "verdict", "wrong"),
    [
        ("a low VTR category only restricts that category, not the entire account?", "Yes", "No"),
        ("VTR under 95 blocks one category rather than my whole store, yes?", "Right", "Not"),
        ("VTR低了只会限制那个分类，不是封整个店铺吧？", "对", "不对"),
        ("某个类目VTR不达标只影响这个类目，而不是整个账户，对吗", "对", "不对"),
        ("VTR低于95%会封我整个账号，对吧", "不对", "Yes"),
        ("will a bad VTR get my whole account suspended?", "No", "Yes"),
    ],
)
def test_a_tag_negating_the_whole_account_states_the_true_belief(
    kb: KnowledgeBase, question: str, verdict: str, wrong: str
) -> None:
    assert_first_line(kb, question, verdict, wrong)


@pytest.mark.parametrize(
    ("question", "verdict", "wrong"),
    [
        ("when VTR slips I'd lose my FBA offers as well, right?", "Not right", "Right:"),
        (
            "a category under 95% means I can't sell through FBA either, true?",
            "Not right",
            "Right:",
        ),
        ("VTR掉了，FBA的商品也会失去销售权限吧", "不对", "Yes"),
        ("只限制那个分类，FBA也不受影响吧", "对", "不对"),
    ],
)
def test_fba_said_to_be_lost_with_a_category(
    kb: KnowledgeBase, question: str, verdict: str, wrong: str
) -> None:
    assert_first_line(kb, question, verdict, wrong)
