"""Beliefs that drop what a rule is made of. Every category inferred from the overall
figure ("总的VTR超过95%，每个类目就都安全了吧", "账户整体VTR 97%，那所有品类都达标了吧")
is denied: VTR is judged per category and marketplace (domain.md §1). Before, both got
"对": the per-category rule confirmed the category words, and the told 97% passed (the
verdict engineer found the first). A limit said unneeded ("不一定要低于20欧才豁免吧") is
denied too: it got "对" (s26 found it). Wordings written here."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        ("总的VTR超过95%，每个类目就都安全了吧", "不对"),
        ("账户整体VTR 97%，那所有品类都达标了吧", "不对"),
        ("店铺整体追踪率96%，各个分类应该都没问题吧", "不对"),
        ("overall VTR is 97% so every category is fine, right?", "Not right"),
        ("my account-wide tracking is 98%, so all my categories are safe, yes?", "Not right"),
    ],
)
def test_the_overall_figure_says_nothing_of_each_category(
    kb: KnowledgeBase, question: str, lead: str
) -> None:
    line = first_line(kb, question)
    assert line.startswith(lead), line


def test_a_category_told_below_is_still_judged(kb: KnowledgeBase) -> None:
    line = first_line(kb, "我整体VTR 97%，但是玩具类目才93%，玩具会被限制吗")
    assert "93%" in line and not line.startswith("对"), line


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        ("欧盟平信不一定要低于20欧才豁免吧", "不对"),
        ("日本站的单不一定要低于1000日元才豁免吧", "不对"),
        ("a letter doesn't have to be under 20 euros to be exempt, right?", "Not right"),
        ("欧盟平信低于20欧才豁免，对吧", "对"),
    ],
)
def test_a_limit_said_unneeded_is_denied(kb: KnowledgeBase, question: str, lead: str) -> None:
    """ "不一定要…才…" denies the limit the exemption is made of (s26 found the EU one)."""
    line = first_line(kb, question)
    assert line.startswith(lead), line
