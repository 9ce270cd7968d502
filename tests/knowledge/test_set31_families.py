"""Set 31's miss families, each in general, wordings written here: a plain look-up answered
with its own entry, not the bar's (a 考核周期 is the window, not the bar's 考核; where to see
VTR; what makes tracking valid); a greeting or "anyone there?" invited to ask, never refused;
another field's "return window" refused, not answered with a metric."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line, reply_text


@pytest.mark.parametrize(
    ("question", "said"),
    [
        # The window (domain.md §1: the last 30 days).
        ("VTR的考核周期是几天", "30 天"),
        ("有效追踪率考核期多长", "30 天"),
        ("what's the look-back for valid tracking rate", "30 days"),
        ("valid tracking rate lookback, how many days", "30 days"),
        # Where to see it (domain.md §1: Account Health → Shipping Performance).
        ("VTR在卖家平台的哪个菜单下面", "配送绩效"),
        ("what menu do I open to see my VTR", "Shipping Performance"),
        # What makes tracking valid (domain.md §1b: at least one carrier scan).
        ("单号满足哪些条件亚马逊才认有效", "扫描"),
        ("what requirements must a tracking number meet for amazon to count it valid", "scan"),
    ],
)
def test_a_plain_look_up_gets_its_own_entry(kb: KnowledgeBase, question: str, said: str) -> None:
    first = first_line(kb, question)
    assert said in first and "95" not in first, first


@pytest.mark.parametrize(
    "message",
    [
        "在线吗 有人吗",
        "各位大佬们 请教一下",
        "兄弟们 在线不",
        "is anybody around?",
        "hello, anyone here?",
    ],
)
def test_a_greeting_is_invited_to_ask(kb: KnowledgeBase, message: str) -> None:
    answer = kb.answer(message)
    assert answer.kind == "unsure", (message, answer.kind)
    assert reply_text(kb, message).startswith(("Hello! Go ahead and ask", "你好！请直接提问"))


@pytest.mark.parametrize(
    "question",
    [
        "what's the return window for FBA orders on amazon.co.uk",
        "退货期是多少天？亚马逊德国站",
        "amazon.fr return period for fba, how long",
    ],
)
def test_another_field_s_return_window_is_refused(kb: KnowledgeBase, question: str) -> None:
    assert kb.answer(question).kind == "off_topic", first_line(kb, question)


@pytest.mark.parametrize(
    ("question", "lead", "figures"),
    [
        # 76/80 = 95.0%: not above the bar, ⌊95 × 80 / 100⌋ + 1 − 76 = 1 fix; 288/300 = 96.0%.
        ("店里两个类目：玩具 300/288，宠物 80/76，哪个不达标", "宠物: 不达标", "80 个里 76 个有效"),
        # 85/90 = 94.44%: below, ⌊85.5⌋ + 1 − 85 = 1 fix; 612/640 = 95.6%.
        ("Shop A: 640 shipments / 612 valid. Shop B: 90 / 85. each one's rate?", "Shop B: 85 valid of 90", "Fix 1"),
        ("玩具 300/288 达标吗", "达标", "300 个里 288 个有效"),
    ],
)  # fmt: skip
def test_counts_with_a_slash_larger_first_are_shipped_then_valid(
    kb: KnowledgeBase, question: str, lead: str, figures: str
) -> None:
    # "400/386" as a seller writes it: shipped, then valid (figures/roles._slash_pair_whole).
    reply = reply_text(kb, question)
    assert reply.startswith(lead) and figures in reply, reply
