"""A carrier named beside a question of something else gets no carrier's "yes".

Sealed set 24 found '燕文那单在表里有两行都没单号，是算两个缺陷吗' answered "可以，Yanwen的
追踪号可以算有效": the carrier's yes, for a question whether an order's two untracked item
rows are two defects. VTR counts packages (domain.md §1b): an order's rows shipped together
are one package, one defect without tracking; and an untracked package of any carrier counts
as a defect. The carrier's yes stays for whether its numbers count. Wordings written here.
"""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line

pytestmark = pytest.mark.collection


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        ("燕文的订单拆成两行商品、都没填单号，是不是算两个缺陷", "不是。一个包裹，算一个缺陷"),
        (
            "my 4px order shows as 2 item rows with no tracking, does it count twice?",
            "No — One package",
        ),
        ("one order with 2 item rows and no tracking, is that 2 defects or 1?", "One package"),
        ("云途那单有三行都没单号，会算三个缺陷吗", "不会。一个包裹"),
    ],
)
def test_an_orders_rows_are_one_defect(kb: KnowledgeBase, question: str, lead: str) -> None:
    line = first_line(kb, question)
    assert line.startswith(lead), line


@pytest.mark.parametrize(
    "question",
    [
        "燕文发的包裹没上传单号，会不会算成缺陷",
        "4PX parcel without tracking number, is that a defect?",
        "没有单号的单子算缺陷吗",
    ],
)
def test_an_untracked_package_is_a_defect(kb: KnowledgeBase, question: str) -> None:
    line = first_line(kb, question)
    assert "缺陷" in line or "defect" in line, line
    assert not line.startswith(("可以", "Yes, ")), line


@pytest.mark.parametrize(
    ("question", "lead"),
    [("云途的单号算有效吗", "可以，YunExpress"), ("is yanwen ok to use?", "Yes, Yanwen")],
)
def test_the_carriers_yes_when_its_numbers_are_asked(
    kb: KnowledgeBase, question: str, lead: str
) -> None:
    assert first_line(kb, question).startswith(lead)
