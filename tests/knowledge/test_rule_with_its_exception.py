"""A true rule told with its own exception ("cross-border orders count now, unless they are
letters under EUR 20"): the exception says the orders under the limit are exempt, so the
belief is the EU/UK update's rule (domain.md §1b) and is confirmed. Set 30 found
'不对。…' for such a belief: the words around the limit said "counts" and nothing read the
"unless". A wrong limit in the exception stays wrong. Wordings written here, none taken
from a held-out set."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line

pytestmark = pytest.mark.collection


@pytest.mark.parametrize(
    "question",
    [
        "从法国寄到意大利的单现在都要算VTR，除非是低于20欧的信件，对吧",
        "德国到西班牙的跨境单都要算了，20欧以下走Letter的除外，我理解得对吗",
        "cross-border orders between EU countries count toward VTR now unless they're letters under €20, correct?",
        "Shipments from Germany to Austria count now, except for orders under EUR 20 sent as letters, right?",
    ],
)
def test_the_rule_with_its_exception_is_confirmed(kb: KnowledgeBase, question: str) -> None:
    line = first_line(kb, question)
    assert line.startswith(("对", "没错", "Right", "Yes")), line
    assert "20" in line, line


@pytest.mark.parametrize(
    "question",
    [
        "跨境到法国的单都要算VTR了，除非是50欧以下的信件，对吧",
        "EU cross-border orders all count now, unless they're letters under €40, right?",
    ],
)
def test_a_wrong_limit_in_the_exception_is_no_yes(kb: KnowledgeBase, question: str) -> None:
    line = first_line(kb, question)
    assert not line.startswith(("对", "没错", "Right", "Yes")), line
