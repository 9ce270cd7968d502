"""More packages supposed to go wrong, their cause told beside them as a late fix ('再有2个
变成无效（签收后才补的单号）', "if 3 more go bad (tracking added after delivery)"): tracking
added after delivery is a defect (domain.md §1b), so the figures get worse, never better.
Set 31's '…要是再有 2 个变成无效（签收后才补的单号），会掉到多少' was worked as 2 more fixed.

Worked out by hand (fixes = ⌊95 × n / 100⌋ + 1 − valid): 300 with 290 valid, 3 more bad:
287/300 = 95.67%, above. 4 more: 286/300 = 95.33%, above. 400 with 385 valid, 5 more:
380/400 = 95.0%, below, 1 fix. 150 with 145 valid, 3 more: 142/150 = 94.67%, below,
142 + 1 − 142 = 1 fix. Wordings written here."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line


@pytest.mark.parametrize(
    ("question", "worse", "better"),
    [
        ("户外类 300 个包裹 290 个有效。要是再有 3 个变成无效（签收后才补的单号），会掉到多少", "287", "293"),
        ("户外类 300 个包裹 290 个有效，万一再多4个算缺陷（妥投后才改的追踪号），还剩多少", "286", "294"),
        ("toys: 300 shipped, 290 valid. if 3 more go bad (tracking added after delivery), what's my rate?", "287", "293"),
        ("kitchen 400 packages, 385 valid; what if another 5 turn invalid because the numbers were updated after delivery?", "380", "390"),
        ("宠物类 150 单 145 单有效，如果又有3单是送达后才补上单号的，VTR会变成多少", "142", "148"),
    ],
)  # fmt: skip
def test_a_late_fix_told_as_the_cause_makes_it_worse(
    kb: KnowledgeBase, question: str, worse: str, better: str
) -> None:
    first = first_line(kb, question)
    assert worse in first and better not in first, first


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        ("kitchen 400 packages, 385 valid; what if another 5 turn invalid because the numbers were updated after delivery?", "not above 95%"),
        ("宠物类 150 单 145 单有效，如果又有3单是送达后才补上单号的，VTR会变成多少", "不达标"),
    ],
)  # fmt: skip
def test_the_verdict_is_the_worse_one_s(kb: KnowledgeBase, question: str, lead: str) -> None:
    assert lead in first_line(kb, question)
