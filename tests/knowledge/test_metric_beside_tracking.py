"""Found by probing: how one metric's rule touches tracking, asked, got the targets or
another rule first. 'OTDR — does a shipment w/o valid tracking count as on time?' led with
both metrics' targets ('w/o' was not read as 'without'); 'does an untracked order count as
late shipment?' got 'VTR counts packages, not orders'; 'does a shipment without tracking
count in VTR?' got 'No — tracking cannot be left out' (it counts, as a defect). Each is now
decided from domain.md alone: OTDR counts only shipments with valid tracking (§3); LSR and
PFCR are counted by confirmation and cancellation, with no tracking condition the sources
give (§3: said so); ODR counts feedback, A-to-z claims and chargebacks, and untracked orders
get 1.7 times the defects and lose 'not received' claims (§1); an untracked package is in
VTR's denominator (§1, §1b). Wordings written for these tests."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line

pytestmark = pytest.mark.collection


@pytest.mark.parametrize(
    ("question", "lead", "fact"),
    [
        ("on-time delivery: is a parcel w/o tracking ever on time?", "No", "valid tracking"),
        (
            "for OTDR, can a package whose tracking is invalid count as delivered on time?",
            "No",
            "only shipments with valid tracking",
        ),
        ("追踪号无效的包裹还能算准时送达吗", "", "不能算准时"),
    ],
)
def test_otdr_untracked_never_on_time(
    kb: KnowledgeBase, question: str, lead: str, fact: str
) -> None:
    line = first_line(kb, question)
    assert line.startswith(lead) and fact in line, line
    assert "95%" not in line, line


@pytest.mark.parametrize(
    ("question", "lead", "fact"),
    [
        ("is an order with no tracking counted as a late shipment?", "No", "confirm"),
        ("迟发率和有没有上传单号有关系吗", "没有", "确认发货"),
        ("does the cancel rate care whether I add tracking?", "No", "cancelled before"),
        ("发货前取消率跟追踪号挂钩吗", "不", "取消"),
    ],
)
def test_lsr_and_pfcr_have_no_tracking_condition(
    kb: KnowledgeBase, question: str, lead: str, fact: str
) -> None:
    line = first_line(kb, question)
    assert line.startswith(lead) and fact in line, line


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        ("can shipping without tracking push my order defect rate up?", "Yes"),
    ],
)
def test_odr_raised_through_claims_not_by_itself(
    kb: KnowledgeBase, question: str, lead: str
) -> None:
    line = first_line(kb, question)
    assert line.startswith(lead), line
    assert "1.7" in line, line
    assert "A-to-z" in line, line


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        ("is a package without tracking still part of my VTR?", "Yes"),
        ("a parcel w/o tracking, does it count toward the tracking rate", "Yes"),
        ("沒有單號的包裹算進有效追蹤率嗎", ""),
    ],
)
def test_untracked_package_counts_as_a_defect(kb: KnowledgeBase, question: str, lead: str) -> None:
    line = first_line(kb, question)
    assert line.startswith(lead), line
    assert "defect" in line or "缺陷" in line, line
    assert not line.startswith(("No", "不")), line
