"""An exemption carried past what it covers (issue 21, set 26's family of a false belief built
on a true one): untracked Royal Mail letter stamps are exempt only when bought through Buy
Shipping (domain.md §1b), so 'those are exempt, so any Royal Mail letter is too' is denied
first, while the rule itself is still confirmed. Wordings written here."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        (
            "UK Royal Mail stamps bought through Buy Shipping are exempt, so any untracked "
            "Royal Mail letter is exempt too, right?",
            "Not right",
        ),
        (
            "Royal Mail stamps via Buy Shipping are exempt, and other Royal Mail stamps too, right?",
            "Not right",
        ),
        ("通过购买配送买的皇家邮政邮票豁免，那其他皇家邮政平信也都豁免吧", "不对"),
        ("Royal Mail stamps bought via Buy Shipping are exempt, right?", "Right"),
        ("英国站通过购买配送买的皇家邮政邮票不算VTR，对吧", "对"),
    ],
)
def test_the_stamp_exemption_stays_buy_shippings(
    kb: KnowledgeBase, question: str, lead: str
) -> None:
    line = first_line(kb, question)
    assert line.startswith(lead), line
