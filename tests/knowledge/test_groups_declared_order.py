"""Several groups in one message, the first naming its figures total first ("Toys 120
shipped / 117 valid") and the rest as bare pairs in that order ("Garden 40 / 38"): each is
read total / valid. Worked by hand: 117/120 = 97.5%; 38/40 = 95.0% (not above, 1 fix);
24/25 = 96.0%; 77/80 = 96.25%; 43/45 = 95.56%; 19/20 = 95.0% (1 fix)."""

from __future__ import annotations

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import reply_text


def test_bare_pairs_follow_the_first_group_s_order(kb: KnowledgeBase) -> None:
    reply = reply_text(
        kb,
        "By category: Toys 120 shipped / 117 valid, Garden 40 / 38, Office 25 / 24. "
        "Which ones fail?",
    )
    assert reply.startswith("Garden: 38 valid of 40 = 95.0%"), reply
    assert "Toys: 117 valid of 120 = 97.5%" in reply, reply
    assert "Office: 24 valid of 25 = 96.0%" in reply, reply
    assert "two totals" not in reply and "40 valid" not in reply, reply


def test_bare_pairs_in_chinese(kb: KnowledgeBase) -> None:
    reply = reply_text(kb, "各类目：玩具 发了80个/77个有效，家居 45/43，户外 20/19，哪个不行")
    assert reply.startswith("户外: 不达标：20 个里 19 个有效 = 95.0%"), reply
    assert "玩具: 达标：80 个里 77 个有效 = 96.25%" in reply, reply
    assert "家居: 达标：45 个里 43 个有效" in reply, reply
    assert "两个总数" not in reply, reply


def test_a_bare_pair_alone_keeps_its_reading(kb: KnowledgeBase) -> None:
    # Without a group naming total first, a bare larger-first pair is not swapped.
    reply = reply_text(kb, "Garden 38/40, Toys 57/60, which one fails?")
    assert "38 valid of 40" in reply and "57 valid of 60 = 95.0%" in reply, reply
