"""A Chinese seller's 国内 is China: '德国站从国内直发' is a package shipped from China to a
German buyer, cross-border, so a letter under EUR 20 is exempt (domain.md §4.2: EU orders
sent with a letter service and under EUR 20); 德国国内 / 德国境内 / 本地 / within Germany stay
domestic, where German shipments over EUR 15 count. Amounts chosen by hand on either side
of EUR 15 and under EUR 20. Wordings written here, none taken from a held-out set."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line

pytestmark = pytest.mark.collection


@pytest.mark.parametrize(
    "question",
    [
        "德国站的单从国内直发，Brief寄的，订单16欧，算进VTR吗",
        "DE站，由国内发出，Deutsche Post 平信，17欧的单要不算VTR",
        "德国站国内直邮，信件，订单19.5欧，算吗",
    ],
)
def test_shipped_from_china_is_cross_border(kb: KnowledgeBase, question: str) -> None:
    first = first_line(kb, question)
    assert first.startswith("不计入"), first
    assert "境内" not in first, first


@pytest.mark.parametrize(
    "question",
    [
        "德国站德国国内发的Brief信件，17欧，算不算VTR",
        "德国本地仓发出的信件，订单16欧，算吗",
    ],
)
def test_within_germany_stays_domestic(kb: KnowledgeBase, question: str) -> None:
    first = first_line(kb, question)
    assert first.startswith("算。"), first
    assert "境内" in first and "15" in first, first
