"""Beliefs that used to get the entry without a verdict, or the wrong one, now confirmed or
corrected on the first line from domain.md's facts. Wordings written for these tests, several
per belief in both languages, none taken from a held-out set; each expectation checked by
hand against /work/shared/domain.md (section named)."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line

# Many wordings of rules that each have tests of their own: the full tier. Each branch of
# bot/ only these reached has a case in its rule's own tests, in the fast tier
# (docs/development.md, "Checks, tests and translations").
pytestmark = pytest.mark.slow

NOT_RIGHT = ("Not right", "No —", "不对", "不是", "不会")
RIGHT = ("Right", "Yes —", "对。", "是的", "会。")

# (question, verdict the first line opens with, words the first line must hold)
CASES = [
    # §2: Buy Shipping uploads tracking automatically, so VTR is protected. The belief that it
    # does not help, said through its own negation (没什么用, 没啥帮助, no difference).
    ("购买配送对VTR没什么用吧", NOT_RIGHT, ["自动上传"]),
    ("购买配送对有效追踪率没啥帮助吧？", NOT_RIGHT, ["自动上传"]),
    ("买配送对vtr不起作用吧", NOT_RIGHT, ["自动上传"]),
    ("用购买配送跟VTR没关系，对吗", NOT_RIGHT, ["自动上传"]),
    ("Buy Shipping makes no difference to my VTR, right?", NOT_RIGHT, ["automatically"]),
    ("Buy Shipping has nothing to do with VTR, correct?", NOT_RIGHT, ["automatically"]),
    ("用购买配送对VTR有帮助吧", RIGHT, ["自动上传"]),
    # §1, §3: A-to-z claims are ODR's; without tracking "not received" claims are lost.
    ("A-to-Z claims hurt my VTR, right?", NOT_RIGHT, ["ODR", "not received"]),
    ("Do A-to-z claims lower my valid tracking rate?", NOT_RIGHT, ["ODR"]),
    ("I got two A-to-z claims last week, will my VTR drop?", NOT_RIGHT, ["ODR"]),
    ("A-to-z索赔会拉低VTR吧", NOT_RIGHT, ["ODR"]),
    ("买家提了A-to-z索赔，VTR会下降吗", NOT_RIGHT, ["ODR"]),
    ("A-to-z claims don't affect VTR, right?", RIGHT, ["ODR"]),
    ("A-to-z索赔不会影响VTR吧", RIGHT, ["ODR"]),
    # §1b: the 15 January 2025 update names the UK beside the EU countries.
    (
        "UK is not in the EU so the EU letter exemption doesn't apply to UK, right?",
        NOT_RIGHT,
        ["UK", "EUR 20"],
    ),
    ("英国不是欧盟的，所以20欧以下平信豁免不适用英国站吧", NOT_RIGHT, ["英国", "20 欧元"]),
    ("the under-20-euro letter rule is EU only, the UK is excluded, right?", NOT_RIGHT, ["UK"]),
    ("The letter exemption covers the UK too, right?", RIGHT, ["UK"]),
    # §3: OTDR is shipments on time ÷ shipments with valid tracking.
    ("OTDR doesn't depend on tracking, right?", NOT_RIGHT, ["valid tracking"]),
    (
        "On-time delivery rate is calculated on all orders, tracked or not, right?",
        NOT_RIGHT,
        ["valid tracking"],
    ),
    ("OTDR counts every shipment, whether or not it has tracking?", NOT_RIGHT, ["valid"]),
    ("准时交货率不看追踪吧", NOT_RIGHT, ["有效追踪"]),
    ("OTDR和追踪号没关系吧", NOT_RIGHT, ["有效追踪"]),
    ("OTDR only counts tracked shipments, right?", RIGHT, ["valid tracking"]),
    # §1b: the EU/UK update took effect on 15 January 2025; the US rule since 9 Aug 2021
    # (restated 15 Jan 2025); Royal Mail stamps through Buy Shipping since March 2023.
    ("The EU update started on 15 January 2024, right?", NOT_RIGHT, ["15 January 2025"]),
    ("The EU changes came in 2023, didn't they?", NOT_RIGHT, ["15 January 2025"]),
    ("欧盟VTR新规是2024年1月开始的对吧", NOT_RIGHT, ["2025 年 1 月 15 日"]),
    ("欧洲新规是2025年1月15日生效的吧", RIGHT, ["2025 年 1 月 15 日"]),
    ("The EU tracking rule took effect on January 15, 2025, correct?", RIGHT, ["2025"]),
    ("Did the EU cross-border rule start in 2025?", RIGHT, ["15 January 2025"]),
    ("美国站两次扫描的规定是2023年开始的吧", NOT_RIGHT, ["2021 年 8 月 9 日"]),
    ("The US two-scan rule has applied since August 2021, right?", RIGHT, ["9 August 2021"]),
    ("英国邮票豁免是2022年开始的吧", NOT_RIGHT, ["2023 年 3 月"]),
    # §1, §1b: the UK is on the 95% list and in the EU/UK update; "not in the EU" is a true
    # premise, no denial; a belief tagged 吧 before a space and a second clause is a belief.
    ("英国站的自发货不用考核VTR吧 英国又不在欧盟里", NOT_RIGHT, ["英国"]),
    (
        "UK orders don't count for VTR anymore since the UK is not in the EU, right?",
        NOT_RIGHT,
        ["UK"],
    ),
    (
        "The UK isn't in the EU, but cross-border shipments to the UK still count, right?",
        RIGHT,
        ["UK"],
    ),
    ("英国不在欧盟，但发往英国的跨境件也算VTR，对吧", RIGHT, ["VTR"]),
    ("FBA订单也算VTR吧 我们一半是FBA", NOT_RIGHT, ["FBA"]),
    # §3, stated flatly: "照样可以算" says what can be done, it asks nothing.
    ("准时交货率跟VTR没啥关系 没追踪号的包裹照样可以算准时送达", NOT_RIGHT, ["有效追踪"]),
]


@pytest.mark.parametrize(("question", "verdicts", "words"), CASES)
def test_belief_decided_first(
    kb: KnowledgeBase, question: str, verdicts: tuple[str, ...], words: list[str]
) -> None:
    line = first_line(kb, question)
    assert line.startswith(verdicts), line
    assert all(w in line for w in words), line


# A seller's figures told with a month are their own case, not a rule's start date.
def test_figures_with_a_month_are_the_seller_s_case(kb: KnowledgeBase) -> None:
    line = first_line(kb, "I shipped 200 orders to the UK since March, 197 valid, ok?")
    assert line.startswith("Yes — 197 valid of 200 = 98.5%"), line


# A year or a month beside a place is no rule's start date unless the rule is named, and a
# "why" asks for no date's verdict.
@pytest.mark.parametrize(
    "question",
    [
        "My UK category was restricted in 2024, since then can I appeal?",
        "Since January my EU orders have dropped VTR, why?",
        "I shipped a letter to Germany on 3 March 2025 for 15 euros, does it count?",
    ],
)
def test_a_date_said_of_something_else_is_no_rule_s_date(kb: KnowledgeBase, question: str) -> None:
    assert "took effect" not in first_line(kb, question)
