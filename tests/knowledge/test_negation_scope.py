"""Where a negation belongs, read the same way for every belief (issue 21). The metamorphic
test (test_belief_forms.py) found each family; the wordings here are written apart from its
wordings, the verdicts worked out from /work/shared/domain.md:

- a negation counts in the clauses that hold the belief's words, for every claim: "ODR isn't
  reported separately" was missed, "doesn't take 72 hours, it shows at once" negated the wrong
  clause;
- a negation inside the span a belief's words match, not part of them ("category doesn't get
  reinstated" across "category … reinstat") is the seller's;
- "not just / 不只" adds, it negates nothing unless "only" is the belief's own word;
- a part joined by "and" that restates what the claim's own fact denies ("… unconfirmed and
  isn't valid") restates the belief;
- 不看 / 不够 negate; a lone tag sentence (". true?") asks the sentence before it.
"""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        # A restricted category is reinstated through a Plan of Action, not by itself (§1).
        ("restricted listings don't come back on their own after a few weeks, correct?", "Right"),
        # ODR is reported separately for self-fulfilled and FBA orders (§3).
        ("ODR不是FBA和自发货分开统计的吧", "不对"),
        ("ODR isn't split between FBA and merchant orders, right?", "Not right"),
        # VTR is not real-time: edits take up to 72 hours (§1b).
        ("edits don't take three days, they show up instantly, right?", "Not right"),
        # A category below 95% loses self-fulfilled selling in that category only (§1).
        (
            "a low VTR doesn't only block that category, it shuts the whole store down, right?",
            "Not right",
        ),
        ("VTR低了不只是限制那个分类，整个店铺都会被封吧", "不对"),
        # A carrier that does not match the number shows as unconfirmed, not valid (§1b).
        (
            "if my carrier and number don't match the tracking is unconfirmed and not valid, correct?",
            "Right",
        ),
        ("选错承运商的话会显示未确认，不算有效，对吧", "对"),
        # LSR is about when shipment is confirmed, not tracking (§3).
        ("迟发率跟追踪号没关系，不看单号的吧", "对"),
        # A Plan of Action needs the cause, the actions and the prevention (§1).
        ("申诉的行动计划光写原因是不够的吧", "对"),
        # Exactly 95% is not above 95% (§1).
        ("VTR at exactly 95% is not enough. correct?", "Right"),
        # Buy Shipping's strike-through is for seller feedback, not product reviews (§2).
        ("买配送能把产品差评删掉吧", "不对"),
        # Judged per category: an overall figure keeps no category safe (§1).
        ("VTR above 95 overall means every category is safe, right?", "Not right"),
    ],
)
def test_a_negation_is_read_where_it_belongs(kb: KnowledgeBase, question: str, lead: str) -> None:
    line = first_line(kb, question)
    assert line.startswith(lead), line
    assert not line.startswith(
        "Not right" if lead == "Right" else "不对" if lead == "对" else "对"
    ), line
