"""Issue 21: a belief made of several ("VTR is a 30-day window measured per category, and
FBA stuff isn't affected, correct?") got one part's verdict: every other belief of the claims
table the message states, on an entry of its own, is confirmed or corrected after it, judged
on its own clause; a part found wrong leads. Wordings written for these tests."""

from __future__ import annotations

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import reply_text


def test_every_right_part_is_confirmed(kb: KnowledgeBase) -> None:
    text = reply_text(kb, "so VTR covers the last 30 days, per category, and FBA isn't hit, right?")
    assert text.startswith("Right"), text
    assert "30 days" in text and "FBA" in text, text
    assert "Not right" not in text, text


def test_a_wrong_part_leads(kb: KnowledgeBase) -> None:
    # 60 days is wrong (30, domain.md §1); per category is right, the window wrong leads.
    text = reply_text(kb, "有效追踪率统计最近60天，而且是分品类考核的，对吧")
    assert text.startswith("不对"), text
    assert "30 天" in text.split("\n", 1)[0], text
