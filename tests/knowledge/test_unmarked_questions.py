"""A yes/no question typed without 吗, "？" or "?" ("加拿大站可以用购买配送", "vtr 96 is that
fine") is read as a question and decided first. Wordings written here, none taken from a
held-out set; verdicts by hand from /work/shared/domain.md: §1 and §3 (VTR must be above
95%), §1b (EU letters under EUR 20 are exempt), §2 (Buy Shipping serves CA and MX from
China; the feedback strike-through is not offered in JP or NL)."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line


@pytest.mark.parametrize(
    ("question", "verdict", "wrong"),
    [
        ("加拿大站可以用购买配送", "可以", "不"),
        ("墨西哥站能用购买配送", "可以", "不"),
        ("荷兰站能用购买配送删差评", "不能", "可以"),
        ("发法国的平信订单12欧算vtr", "不计入", "计入"),
        ("VTR 96% 合格", "达标", "不达标"),
        ("my category at 97 percent is that ok", "Yes", "No"),
        ("vtr of 93 good enough", "No", "Yes"),
        ("does a 9 eur letter to italy count for vtr", "No", "Yes"),
    ],
)
def test_an_unmarked_yes_no_question_gets_its_verdict_first(
    kb: KnowledgeBase, question: str, verdict: str, wrong: str
) -> None:
    first = first_line(kb, question)
    assert first.startswith(verdict), first
    assert not first.startswith(wrong), first


@pytest.mark.parametrize(
    "question",
    [
        # A figure told with no verb of a rule stays a figure: no yes or no of its own.
        "有效率目前95.3，稳不稳",
        # A question word asks something else than yes or no.
        "vtr怎么算",
    ],
)
def test_a_message_without_a_rule_s_verb_gets_no_yes_or_no(
    kb: KnowledgeBase, question: str
) -> None:
    first = first_line(kb, question)
    assert not first.startswith(("Yes", "No —", "可以", "不能", "是的", "不是")), first
