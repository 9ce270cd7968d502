"""Three readings sealed set 24 left (issue 21), in wordings of our own:

- What the seller remembers, asked to be confirmed ("这个我没记错吧", "do I remember that
  right?"), is a belief: its verdict first.
- A yen bound written without its currency, the yen said once before it ("几百日元（1000以
  下）"), is the amount the JP rule is asked of (orders under JPY 1,000 are exempt, §1b).
- A topic opening the message before a colon ("A-to-z: …, and how does Buy Shipping protect
  me?") is the subject of each question after it: Buy Shipping's A-to-z protection, not its
  tracking upload (domain.md §1b, §2).
"""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line, reply_text


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        ("日本站低于1000日元的订单不算VTR，我记得没错吧", "对"),
        ("日本站低于5000日元的订单不算VTR，我没记错吧", "不对"),
        ("JP orders under 1000 yen are out of VTR, do I remember that right?", "Right"),
        ("日本站那种几百日元的小单（1000以内）不用追踪也不影响VTR，我没记错吧", "对"),
    ],
)
def test_remembered_beliefs_get_their_verdict(kb: KnowledgeBase, question: str, lead: str) -> None:
    line = first_line(kb, question)
    assert line.startswith(lead) and "1,000" in line, line


@pytest.mark.parametrize(
    ("question", "protection"),
    [
        (
            "A-to-z: what happens if I have no tracking, and how does Buy Shipping protect me?",
            "Claims Protected",
        ),
        ("A-to-z索赔：没追踪会怎样？购买配送怎么保护我？", "Claims Protected"),
    ],
)
def test_a_heading_is_every_parts_subject(
    kb: KnowledgeBase, question: str, protection: str
) -> None:
    text = reply_text(kb, question)
    assert protection in text, text


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        (
            "saw somewhere untracked orders get 1.7x the defects of tracked ones, legit number?",
            "Right",
        ),
        ("read somewhere that untracked orders have 3x the defect rate, legit?", "Not right"),
    ],
)
def test_somewhere_is_one_word(kb: KnowledgeBase, question: str, lead: str) -> None:
    """ "somewhere" was unglued into "some where", a question of where to look."""
    line = first_line(kb, question)
    assert line.startswith(lead) and "1.7" in line, line
