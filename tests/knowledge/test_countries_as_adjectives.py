"""Countries said as adjectives ("a French order", "italian buyer") are the marketplaces they
name, as "German" already was, and a route is read from where the package is sent from,
whatever order the places are said in: "buyer in Italy … from Germany" is DE → IT. Before,
"French domestic ones too, right?" got "Right:" (France unread, the German domestic rule
confirmed), and the route was printed in the order said (IT → DE). Wordings written here."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line


@pytest.mark.parametrize(
    "question",
    [
        "German domestic orders over 15 EUR count, so French domestic ones over 15 EUR count "
        "too, right?",
        "german domestic over 15 eur counts, so spanish domestic over 15 counts as well yes?",
    ],
)
def test_the_german_domestic_rule_is_not_carried_to_another_country(
    kb: KnowledgeBase, question: str
) -> None:
    line = first_line(kb, question)
    assert not line.startswith(("Right", "Yes")), line
    assert "say nothing" in line, line


@pytest.mark.parametrize(
    ("question", "route"),
    [
        ("buyer in italy, 30 eur, lettera from germany, counted?", "DE → IT"),
        ("italian buyer, 30 eur order, sent as a letter from germany, does it count?", "DE → IT"),
        ("a french buyer's 40 eur order, letter from spain, counts?", "ES → FR"),
    ],
)
def test_the_route_runs_from_where_it_is_sent(kb: KnowledgeBase, question: str, route: str) -> None:
    line = first_line(kb, question)
    assert line.startswith("Yes"), line
    assert route in line, line
