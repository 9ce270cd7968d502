"""True beliefs that got "不对" / "Not right", and a false one that got "Right" (issue 21).

Found by session 18's engineers on main: each reading below is a family, the wordings ours.

- Two value rules told side by side, each in its own currency ("日本站1000日元以下不算，英国站
  20欧以下信件也不算"): Japan's yen limit is Japan's rule told beside, not the EU letter rule
  carried to Japan, and "也不算" of UK letters says the exemption itself. Both halves are
  true (domain.md §1b: JPY 1,000 exempts Japanese orders; the EU/UK update lists the UK
  beside the EU countries, orders under EUR 20 sent with a letter service exempt), so the
  verdict is "对" / "Right". A wrong limit or a parcel on either side is still "不对".
- "20欧元的包裹不算信件" denies the letter, not the counting: a parcel counts, so "所以要计入"
  is right.
- "LSR只有1%": "only" of a figure restricts no rule, so VTR inferred from it is still the
  inference the claims table denies (each metric is counted on its own).
- "…after delivery, it was before delivery that I should have": the seller owns the rule.
- "95% isn't below 95 so it passes": "isn't below" is the pass said as a failing word
  denied, no negation of the belief; exactly 95.0% is not above the bar (domain.md §4.5).
"""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line

pytestmark = pytest.mark.collection

NOT_RIGHT = ("不对", "不是", "Not right", "No")


@pytest.mark.parametrize(
    "question",
    [
        "日本站低于1000日元的单不计入，英国站低于20欧的平信也不计入，对吗",
        "英国站20欧以下的信件不算VTR，日本站1000日元以下的也不算，没错吧",
        "japan orders under 1000 yen are exempt and uk letters under 20 euros are exempt too, right?",
        "英国站20欧以下的平信也不算VTR吧",
    ],
)
def test_two_true_value_rules_side_by_side_are_right(kb: KnowledgeBase, question: str) -> None:
    line = first_line(kb, question)
    assert line.startswith(("对", "Right")), line
    assert "20" in line, line


@pytest.mark.parametrize(
    "question",
    [
        "日本站3000日元以下不算，英国站20欧以下信件也不算，对吧",  # Japan's limit wrong
        "日本站1000日元以下不算，英国站30欧以下信件也不算，对吧",  # the letter limit wrong
        "日本站1000日元以下不算，英国站20欧以下的普通包裹也不算对吧",  # a parcel is no letter
        "英国站不算在豁免里吧，20欧以下的信件也要追踪",  # the UK said outside the rule
    ],
)
def test_a_wrong_half_beside_a_true_one_is_not_right(kb: KnowledgeBase, question: str) -> None:
    line = first_line(kb, question)
    assert line.startswith(NOT_RIGHT), line


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        ("18欧的包裹不算信件，所以还是要计入VTR吧", "对"),
        ("a €15 parcel isn't a letter, so it still counts toward VTR, right?", "Right"),
        ("12欧的小包不是平信，那就不用追踪了吧", "不对"),
        ("my €9 parcel to spain is not a letter, so it's exempt, correct?", "Not right"),
    ],
)
def test_a_letter_denied_is_a_parcel_that_counts(
    kb: KnowledgeBase, question: str, verdict: str
) -> None:
    line = first_line(kb, question)
    assert line.startswith(verdict), line


@pytest.mark.parametrize(
    "question",
    [
        "迟发率只有0.8%，VTR是否也合格",
        "取消率仅0.5%，VTR应该也没问题吧",
        "my cancel rate is only 0.2%, so VTR must be fine, right?",
    ],
)
def test_vtr_inferred_from_a_small_figure_is_denied(kb: KnowledgeBase, question: str) -> None:
    line = first_line(kb, question)
    assert line.startswith(NOT_RIGHT) and "95%" in line, line
    assert not line.startswith(("是的", "对", "Yes", "Right")), line


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        (
            "uploaded the number once the buyer had it; should have done it before delivery, correct?",
            "Right",
        ),
        ("送达以后才上传的追踪号，本该在送达前上传，是吧", "对"),
        ("签收后才补的单号，应该签收前就补才对吧", "对"),
        ("we added tracking after it was delivered, that still counts right?", "Not right"),
    ],
)
def test_the_before_delivery_rule_owned_is_right(
    kb: KnowledgeBase, question: str, verdict: str
) -> None:
    line = first_line(kb, question)
    assert line.startswith(verdict), line


@pytest.mark.parametrize(
    "question",
    [
        "exactly 95% is not under 95, so that passes, right?",
        "my vtr sits at 95.0 — it's not below 95 so I'm fine, correct?",
        "VTR正好95%，并没有低于95，所以算达标了吧",
    ],
)
def test_exactly_95_said_not_below_still_fails(kb: KnowledgeBase, question: str) -> None:
    line = first_line(kb, question)
    assert line.startswith(NOT_RIGHT), line
    assert "95" in line, line
