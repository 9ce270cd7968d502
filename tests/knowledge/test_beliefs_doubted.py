"""A belief asked with doubt ("真的吗", "是真的吗", "真的假的", "is it true", "…, really?")
gets its verdict first, like one asked with "对吗" or "right?". Wordings written here, none
taken from a held-out set; verdicts worked out by hand from /work/shared/domain.md: §1
(without tracking the seller automatically loses every "item not received" A-to-z claim;
VTR covers the last 30 days), §1b (the unit is the package, not the order; VTR is judged per category
and marketplace; tracking added after delivery is a defect)."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line

pytestmark = pytest.mark.collection


@pytest.mark.parametrize(
    ("question", "verdict", "wrong"),
    [
        # Untracked orders lose "not received" A-to-z claims, however the missing upload is
        # said (没上传 / 没填 / 未上传 / 漏传, "didn't upload", "tracking was never added").
        ("单号没填，买家以没收到货开了A-to-z，我肯定会输，是真的吗", "对。", "不对"),
        ("漏传追踪号的单子，买家提交易保障索赔我会败诉，真的假的", "对。", "不对"),
        ("未上传跟踪号的订单，A-to-z 未收到货索赔卖家一定输，真的吗？", "对。", "不对"),
        (
            "if tracking was never added, I lose the A-to-z not-received claim, really?",
            "Right",
            "Not",
        ),
        ("is it true I'll lose an A-to-z claim when I forgot to upload tracking?", "Right", "Not"),
        # Other true beliefs, doubted.
        ("really? VTR is judged per category", "Right", "Not"),
        ("VTR counts each package, really?", "Right", "Not"),
        ("是真的吗，VTR只看最近30天", "对。", "不对"),
        # False beliefs, doubted: corrected first.
        ("VTR统计的是订单数，真的吗", "不对。", "对。"),
        ("VTR goes by the number of orders, really?", "Not right", "Right:"),
        ("really? adding tracking after delivery is fine", "Not right", "Right:"),
    ],
)
def test_a_doubted_belief_gets_its_verdict_first(
    kb: KnowledgeBase, question: str, verdict: str, wrong: str
) -> None:
    first = first_line(kb, question)
    assert first.startswith(verdict), first
    assert not first.startswith(wrong), first
