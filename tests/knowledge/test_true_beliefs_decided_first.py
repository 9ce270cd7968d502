"""True beliefs said in words no claim held, answered with their fact but no verdict (sealed
set 26): a category's low VTR does not reach FBA offers (domain.md §1, §1b), Amazon takes
nothing for Buy Shipping and the postage is settled with the carrier (§2), and Buy
Shipping uploads the tracking itself, so VTR is protected (§2), with what can still go
wrong (a scan, orders shipped without it: §1b). Yes first now. Wordings written here."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        ("一个品类VTR不达标，不会牵连到FBA的商品吧", "对"),
        ("类目掉到95以下也不会拖累FBA那边吧", "对"),
        ("a category dropping below 95 won't drag down my FBA listings, right?", "Right"),
        ("购买配送亚马逊不抽佣金，运费和承运商结算，对吧", "对"),
        (
            "Buy Shipping: Amazon takes no cut and I settle postage with the carrier, right?",
            "Right",
        ),
        ("Buy Shipping costs extra, Amazon takes a cut, right?", "Not right"),
        ("购买配送的面单会自动上传单号，所以VTR就有保障了，对吧", "对"),
        ("buy shipping labels auto-fill the tracking, so VTR is protected, correct?", "Right"),
        ("buy shipping doesn't upload tracking automatically, right?", "Not right"),
    ],
)
def test_the_verdict_comes_first(kb: KnowledgeBase, question: str, lead: str) -> None:
    line = first_line(kb, question)
    assert line.startswith(lead), line


def test_what_can_still_go_wrong_follows_the_yes(kb: KnowledgeBase) -> None:
    line = first_line(kb, "Buy Shipping auto-uploads tracking so my VTR is covered, yeah?")
    assert line.startswith("Right"), line
    assert "scanned" in line and "without Buy Shipping" in line, line


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        # Valid once the carrier has scanned it (domain.md §1b), said with "scans".
        ("a tracking number only becomes valid after the carrier scans it, yeah?", "Right"),
        ("tracking counts once the carrier scans the parcel, correct?", "Right"),
        (
            "a number is valid as soon as I upload it, even before the carrier scans it, right?",
            "Not right",
        ),
        # "counts once" of an order is still the per-order belief.
        ("an order with 2 packages counts once, right?", "Not right"),
    ],
)
def test_the_scan_said_with_scans(kb: KnowledgeBase, question: str, lead: str) -> None:
    line = first_line(kb, question)
    assert line.startswith(lead), line
