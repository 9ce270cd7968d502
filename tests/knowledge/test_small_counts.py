"""A seller's figures worked out when they are few or said in words: a package supposed
shipped without tracking joins the total as an invalid one (3 of 4, not 2 of 3), a total
told all alike ("都有追踪", "both tracked", "only 1, no tracking"), a dozen, a second
question sent without its question mark, and a yes or no asked both ways (够不够). Wordings
written here, none taken from a held-out set; figures worked out by hand (VTR = valid /
shipped, strictly above 95% passes, domain.md §1)."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import assert_first_line, first_line, reply_text

# Many wordings of rules that each have tests of their own: the full tier. Each branch of
# bot/ only these reached has a case in its rule's own tests, in the fast tier
# (docs/development.md, "Checks, tests and translations").
pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("question", "figures"),
    [
        # 3 all tracked, 1 more shipped untracked: 3 of 4 = 75%.
        (
            "玩具类这个月就3单，全都有追踪，如果再发1单没单号的，VTR会变成多少",
            ("4 个里 3 个", "75.0%"),
        ),
        (
            "Toys: 3 orders, all tracked. What if I ship 1 more without tracking?",
            ("3 valid of 4", "75.0%"),
        ),
        # 2 both tracked, a third untracked: 2 of 3 = 66.7%.
        (
            "Shoes had 2 shipments, both tracked. if a third one goes out w/o tracking, what's the VTR",
            ("2 valid of 3", "66.7%"),
        ),
        ("鞋类2个包裹都有追踪，再来1个没追踪的话VTR多少", ("3 个里 2 个", "66.7%")),
        # A single package without tracking: 0 of 1 = 0%, one fix.
        (
            "this category has only 1 order and it has no tracking, what's its VTR",
            ("0 valid of 1", "0.0%"),
        ),
        ("这个分类只有1个包裹，没上传单号，VTR多少", ("1 个里 0 个", "0.0%")),
        # "只发了1个", "only shipped 1": the one, said with the verb, is the whole too.
        ("家居类目只发过1单，单号还没传，追踪率是多少", ("1 个里 0 个", "0.0%", "修好 1 个")),
        (
            "we've only shipped 1 parcel so far, no tracking on it yet. VTR?",
            ("0 valid of 1", "Fix 1"),
        ),
        # Several supposed shipped untracked: 40 + 2 = 42, 40 valid = 95.2%; 98 of 100 and
        # 5 more untracked = 98/105 = 93.3%; 19 of 20 and one more without a number = 19/21.
        (
            "we shipped 40, all tracked. if 2 more go out without tracking, what's the VTR?",
            ("40 valid of 42", "95.2%"),
        ),
        ("100个包裹98个有效，如果再发5个没单号的呢", ("105 个里 98 个", "93.3%")),
        (
            "home: 19 of 20 valid. if I send one more without a tracking number, where am I",
            ("19 valid of 21", "90.5%"),
        ),
        # A dozen of 250 without tracking: 238 of 250 = 95.2%; half a dozen of 40: 34/40 = 85%.
        (
            "250 orders shipped, about a dozen lack valid tracking, where am I",
            ("238 valid of 250", "95.2%"),
        ),
        ("40 packages in Toys, half a dozen w/o tracking, VTR?", ("34 valid of 40", "85.0%")),
    ],
)
def test_small_and_worded_counts_are_worked_out(
    kb: KnowledgeBase, question: str, figures: tuple[str, ...]
) -> None:
    first = first_line(kb, question)
    assert all(figure in first for figure in figures), first


def test_one_shipped_untracked_is_said_as_a_new_package(kb: KnowledgeBase) -> None:
    first = first_line(kb, "Toys: 3 orders, all tracked. What if I ship 1 more without tracking?")
    assert "With 1 more package shipped without valid tracking" in first, first
    assert "Now: 3 valid of 3" in first, first


def test_some_without_tracking_is_not_read_as_all(kb: KnowledgeBase) -> None:
    """ "有些没追踪号" of 200 tells no count: never 0 of 200."""
    assert "0 个有效" not in reply_text(kb, "200个包裹，有些没追踪号，VTR多少")


@pytest.mark.parametrize(
    ("question", "verdict", "wrong"),
    [
        # 480 of 500 = 96.0% passes: 够不够 asks both ways, its 不够 is no failing word.
        ("500单里有480单有效，够不够？", "够。", "不够"),
        ("200个包裹195个有效，合不合格？", "合格。", "不合格"),
        ("100单里有94单有效，够不够？", "不达标", "够。"),
    ],
)
def test_a_question_asked_both_ways_gets_the_right_verdict(
    kb: KnowledgeBase, question: str, verdict: str, wrong: str
) -> None:
    assert_first_line(kb, question, verdict, wrong)


@pytest.mark.parametrize(
    ("question", "figure", "window"),
    [
        # 285 of 300 = 95.0% (not above) and VTR's window of 30 days, both answered.
        ("300单里285单有效，过了没？一般按多少天统计", "95.0%", "30 天"),
        ("480 of 500 valid, am I fine? and over how many days is that counted", "96.0%", "30 days"),
    ],
)
def test_a_second_question_without_its_mark_is_answered(
    kb: KnowledgeBase, question: str, figure: str, window: str
) -> None:
    text = reply_text(kb, question)
    assert figure in text.split("\n", 1)[0], text
    assert window in text, text


@pytest.mark.parametrize("question", ["有效追踪率起码要几成", "VTR得做到几成才安全"])
def test_a_bar_asked_in_tenths_gets_the_bar(kb: KnowledgeBase, question: str) -> None:
    assert "95%" in first_line(kb, question), first_line(kb, question)


@pytest.mark.parametrize(
    ("question", "first", "second"),
    [
        # A choice asked with 还是 is a question of its own beside the next numbered one.
        ("两件事：1.VTR按店铺算还是按类目算 2.被限制了以后怎么恢复", "分类", "行动计划"),
        ("1、追踪号送达前改还是送达后改都行 2、VTR多久更新一次", "送达", "72 小时"),
    ],
)
def test_a_choice_with_haishi_is_one_of_the_questions(
    kb: KnowledgeBase, question: str, first: str, second: str
) -> None:
    text = reply_text(kb, question)
    assert first in text.split("\n", 1)[0], text
    assert second in text, text
