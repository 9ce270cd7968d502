"""Issue 21: an opener chosen from a template rather than from the decision asked.

'我是FBA卖家需要关心VTR吗' got '不是。' (the 是 of 我是 taken for the verb asked) and then the
body twice, the entry opening with its own '不需要，'. An entry's yes or no was written for its
own question: after a decision's verdict on the question asked, it is not said again (nor, as
'不需要' after '不会', contradicted). Wordings written for these tests."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import reply_text

pytestmark = pytest.mark.collection


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        # The claim of an FBA-only seller decides; the entry opens with 不需要 too.
        ("本人是纯FBA卖家，需要管有效追踪率吗", "不需要"),
        ("我们是全FBA的，VTR需要管吗", "不需要"),
        # The FBA claim decides 不会; the entry's 不需要 would answer another question.
        ("VTR低了FBA的listing会受影响吗", "不会"),
    ],
)
def test_an_entry_s_own_opener_is_not_said_after_the_decision(
    kb: KnowledgeBase, question: str, lead: str
) -> None:
    text = reply_text(kb, question)
    assert text.startswith(lead + "。"), (question, text)
    assert text.count("不需要") == (1 if lead == "不需要" else 0), text
