"""What valid tracking means, asked as the metric's meaning ("有效追踪是什么意思", "what does
valid tracking mean", "VTR是啥"), says what makes a number valid: at least one physical
carrier scan recorded by Amazon (domain.md §1), not only the share of valid packages.
Wordings written for these tests."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import reply_text

pytestmark = pytest.mark.collection


@pytest.mark.parametrize(
    ("question", "scan"),
    [("有效追踪是什么意思", "扫描"), ("VTR是啥，有效是指什么", "扫描"),
     ("what does valid tracking mean", "carrier scan"), ("VTR meaning?", "carrier scan"),
     ("有效追踪指的是什么？补传单号多久能生效？", "扫描")],
)  # fmt: skip
def test_valid_tracking_means_a_carrier_scan(kb: KnowledgeBase, question: str, scan: str) -> None:
    text = reply_text(kb, question)
    assert scan in text, text
