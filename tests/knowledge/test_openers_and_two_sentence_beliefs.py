"""Set 29's other families (issue 21), wordings written here: a greeting or an announced
question with nothing asked yet ("老师好，想咨询个问题", "hi, quick q") was refused as
outside the field; a pass or fail said in one sentence and the bar restated in the asking
one ("95.0% on the dot doesn't pass... it has to be more than 95, doesn't it?") got the
opposite verdict; "不用申诉" in the belief that a restriction lifts by itself was read as an
appeal asked about, so the true claim on appeal times said "对"."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line


@pytest.mark.parametrize(
    "question",
    [
        "老板在不在，有事想请教",
        "各位好，想咨询几个问题",
        "早上好 有点事问一下",
        "这个怎么搞啊老哥",
        "咋办啊各位",
        "hi there, quick q",
        "good afternoon, got a question for you",
        "hey, can I ask you something?",
    ],
)
def test_an_opener_gets_topics_not_a_refusal(kb: KnowledgeBase, question: str) -> None:
    answer = kb.answer(question)
    assert answer.kind == "unsure", (question, answer.kind)
    assert answer.suggestions


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("大家好，有事请教：VTR怎么算", "vtr-formula"),
        ("good morning! quick q, does buy shipping cost extra?", "buy-shipping-cost"),
    ],
)
def test_an_opener_before_a_question_gets_its_answer(
    kb: KnowledgeBase, question: str, entry: str
) -> None:
    answer = kb.answer(question)
    assert answer.kind == "answer" and answer.matched == entry, (answer.kind, answer.matched)


@pytest.mark.parametrize(
    ("question", "verdict", "wrong"),
    [
        # Exactly 95.0% is below the bar (domain.md §4.5): the belief is right.
        (
            "95% flat doesn't pass. it needs to be more than 95, doesn't it?",
            "Right",
            "Not right",
        ),
        ("95.0% exactly won't pass... it must be above 95, right?", "Right", "Not right"),
        # A restriction does not lift by itself (domain.md §1b: a Plan of Action).
        ("类目被限制以后，过段时间自己就恢复了，不用申诉吧", "不对", "对。"),
        (
            "once a category is restricted it comes back automatically after a month, no need "
            "to appeal, right?",
            "Not right",
            "Right",
        ),
    ],
)
def test_the_belief_said_before_its_tag_decides(
    kb: KnowledgeBase, question: str, verdict: str, wrong: str
) -> None:
    first = first_line(kb, question)
    assert first.startswith(verdict) and not first.startswith(wrong), first
