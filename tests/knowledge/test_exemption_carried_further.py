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


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        # One metric's true target carried to another: each has its own (domain.md §3).
        ("OTDR的目标是90%，那VTR应该也是90%吧", "不对"),
        ("OTDR's target is 90%, so VTR's is 90% too, right?", "Not right"),
    ],
)
def test_a_target_carried_to_another_metric(kb: KnowledgeBase, question: str, lead: str) -> None:
    line = first_line(kb, question)
    assert line.startswith(lead), line
    assert "95" in line, line


def test_two_rates_told_stay_rates(kb: KnowledgeBase) -> None:
    line = first_line(kb, "准时交货率90%，VTR也90%，达标吗")
    assert "95" not in line.split("：")[0], line


@pytest.mark.parametrize(
    "question",
    ["德国本地超过15欧才算，那法国本地也是15欧吧", "德国境内超过15欧元算VTR，意大利境内也一样吧"],
)
def test_germanys_domestic_rule_carried_elsewhere(kb: KnowledgeBase, question: str) -> None:
    # The sources state German domestic shipments over EUR 15 only (domain.md §1b): no
    # verdict on another country's, and no route between the two.
    line = first_line(kb, question)
    assert not line.startswith(("对", "不对", "算", "不算")), line
    assert "没有说明" in line and "→" not in line, line
