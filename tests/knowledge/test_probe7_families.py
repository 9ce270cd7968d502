"""Found by probing with a seller's questions (issue 21), first lines that did not decide
what was asked, each fixed as a family and tested in wordings written for these tests:

- '美國站自發貨一定要有追蹤號嗎' got why tracking helps: 自发货 beside a marketplace and
  tracking asked as needed is the bar's question for that marketplace (domain.md §1), as
  '沙特站的订单要不要追踪号' already was.
- "is VTR checked daily", "does amazon recalculate vtr every day" got the bot's daily alerts
  ('daily' was the alerts' own subject): how often VTR moves is its window and latency
  (domain.md §1b); the bot's alerts keep questions that ask to be told ('每天推送VTR给我').
- "does VTR affect my buy box", "low vtr hurt my search ranking?" were refused as another field's: the
  sources name no effect of VTR on the Buy Box, ranking or traffic, said first with the
  consequences they do state (domain.md §1); ads stay another field's, and asked as a cause they
  keep the causes' claim.
- '追踪号上传晚了两天会怎样' got what a low VTR leads to: tracking added late still counts
  before delivery, is a defect after it, best within 24 hours (domain.md §1b).
- '亚马逊说我vtr不达标但我所有订单都有单号' got the all-carriers policy: a number on every order
  is not valid tracking by itself (a scan, the carrier matching, before delivery; per
  category, two weeks late; the defect report shows which), said first with no verdict on
  what the seller states.
- '用了购买配送还会被算缺陷吗' got the 1.7× defect rate of untracked orders: Buy Shipping's
  limits (a scan still decides) answer whether its packages can still be defects.
- '所有订单都需要追踪号吗' was answered '有。': the 有 of 所有 is no verb asked.
- "a package lost in transit does it hurt vtr" got the 98% shorter promises: 'in transit'
  after 'lost' is the loss, not a package still on its way.
- '平邮到德国算VTR吗' got 'the cross-border update: counts' with no amount said: a letter
  with no amount gets the EU/UK letter rule with its EUR 20 (domain.md §1b), no yes or no.
- "letter to the US without tracking ok?" got 'Yes — … counts toward VTR': counted, an
  untracked letter is a defect, so No, with that said.
- '从美国仓发美国站的订单需要两次扫描吗' got the China rule as if it held: the two scans are
  stated for orders shipped directly from China; from inside the US the sources state no count.
- "wat is the penatly if vtr < 95" got 'At risk: at 95%': '< 95' is the bar, not a rate.
- 'VTR高于95%就一定没事了吗' got why tracking helps: above 95% passes only category by category
  (domain.md §1), said first; '店铺刚开…VTR波动大正常吗' got the EU update (店铺刚开 is a new
  shop now: the sources say nothing of new sellers); 准时率 is OTDR.
- 'VTR不达标会被限制多久', "how long is the suspension if vtr is below 95" got when a
  restriction follows: how long one lasts is not in the sources (said, with the Plan of
  Action that reinstates and no published review time, domain.md §1b, §3).
"""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line

pytestmark = pytest.mark.collection


@pytest.mark.parametrize(
    "question",
    [
        "英國站自發貨的訂單一定要追蹤號嗎",
        "do self-fulfilled orders on amazon.de really need tracking?",
    ],
)
def test_self_fulfilled_tracking_on_a_marketplace_gets_its_bar(
    kb: KnowledgeBase, question: str
) -> None:
    line = first_line(kb, question)
    assert "95%" in line and line.startswith(("是的", "Yes")), line


@pytest.mark.parametrize(
    "question", ["is valid tracking rate checked every day?", "有效追踪率是不是天天更新"]
)
def test_how_often_vtr_moves_is_its_window(kb: KnowledgeBase, question: str) -> None:
    assert kb.answer(question).matched == "vtr-window"


@pytest.mark.parametrize(
    "question", ["能不能每天通知我VTR", "can you tell me every morning what my vtr is"]
)
def test_asking_to_be_told_daily_is_the_bots_alerts(kb: KnowledgeBase, question: str) -> None:
    assert kb.answer(question).matched == "bot-alerts"


@pytest.mark.parametrize(
    "question",
    ["will low valid tracking rate make me lose the buy box?", "追踪率太低会影响搜索排名吗"],
)
def test_effects_the_sources_do_not_name_are_said_unnamed(kb: KnowledgeBase, question: str) -> None:
    line = first_line(kb, question)
    assert "name no effect" in line or "没有写 VTR 会影响" in line, line
    assert "95%" in line, line


def test_ads_as_a_cause_keep_their_claim(kb: KnowledgeBase) -> None:
    assert kb.answer("是不是因为广告预算停了VTR才下降的").matched == "vtr-low-causes"


@pytest.mark.parametrize(
    "question",
    [
        "物流单号拖了三天才传，会有什么后果",
        "uploaded the tracking a few days late, does that hurt?",
    ],
)
def test_tracking_added_late_counts_before_delivery(kb: KnowledgeBase, question: str) -> None:
    line = first_line(kb, question)
    assert "before delivery" in line or "送达（买家签收）之前" in line, line
    assert "24" in line, line


@pytest.mark.parametrize(
    "question",
    [
        "我所有包裹都上传了追踪号，为什么后台还是说不达标",
        "all my orders have tracking numbers but vtr is still low, why?",
    ],
)
def test_numbers_on_every_order_are_not_enough(kb: KnowledgeBase, question: str) -> None:
    line = first_line(kb, question)
    assert line.startswith(("有单号不等于有效追踪", "A number on every order")), line


@pytest.mark.parametrize(
    ("question", "lead"),
    [("走购买配送的包裹还会算作缺陷吗", "会"), ("could a buy shipping package still be counted as a defect", "Yes")],
)  # fmt: skip
def test_buy_shipping_packages_can_still_be_defects(
    kb: KnowledgeBase, question: str, lead: str
) -> None:
    line = first_line(kb, question)
    assert line.startswith(lead) and ("scan" in line or "扫描" in line), line


def test_the_you_of_all_is_no_verb(kb: KnowledgeBase) -> None:
    assert kb.case("所有订单都需要追踪号吗").verb == "需要"


def test_lost_in_transit_is_the_loss(kb: KnowledgeBase) -> None:
    line = first_line(kb, "if a parcel gets lost in transit will my vtr drop?")
    assert "lost" in line and "valid" in line, line


@pytest.mark.parametrize(
    "question", ["平信寄到法国站的订单算不算VTR", "do letters to spain count toward vtr?"]
)
def test_a_letter_with_no_amount_gets_the_letter_rule(kb: KnowledgeBase, question: str) -> None:
    line = first_line(kb, question)
    assert ("20" in line) and not line.startswith(("Yes", "No", "是的", "算", "不算")), line


@pytest.mark.parametrize(
    ("question", "lead"),
    [("sending letters to amazon.com buyers with no tracking, fine?", "No"), ("寄美国站的平信不带单号行不行", "不行")],
)  # fmt: skip
def test_an_untracked_letter_where_letters_count_is_not_fine(
    kb: KnowledgeBase, question: str, lead: str
) -> None:
    line = first_line(kb, question)
    assert line.startswith(lead) and ("invalid" in line or "无效" in line), line


@pytest.mark.parametrize(
    "question",
    [
        "我们从美国本土仓发货，5美元以上的单也要两次扫描吗",
        "orders from our american warehouse need 2 scans?",
    ],
)
def test_two_scans_from_inside_the_us_are_unstated(kb: KnowledgeBase, question: str) -> None:
    line = first_line(kb, question)
    assert "China" in line or "中国直发" in line, line
    assert not line.startswith(("Yes", "No", "是", "要", "不")), line


def test_a_bound_sign_is_the_bar(kb: KnowledgeBase) -> None:
    assert kb.case("what happens if vtr < 95").rate is None


@pytest.mark.parametrize(
    ("question", "lead"),
    [("有效追踪率超过95就高枕无忧了吧", "不对"), ("so once vtr is over 95 I'm completely safe?", "No")],
)  # fmt: skip
def test_above_the_bar_is_judged_per_category(kb: KnowledgeBase, question: str, lead: str) -> None:
    line = first_line(kb, question)
    assert line.startswith(lead) and ("category" in line or "分类" in line), line


def test_a_shop_just_opened_is_a_new_seller(kb: KnowledgeBase) -> None:
    assert kb.answer("店刚开张，VTR忽高忽低正常吗").matched == "vtr-new-sellers"


@pytest.mark.parametrize(
    "question", ["类目被限制了要持续多久", "how long will my category stay restricted for low vtr?"]
)
def test_how_long_a_restriction_lasts_is_unstated(kb: KnowledgeBase, question: str) -> None:
    line = first_line(kb, question)
    assert "do not say how long" in line or "没有写限制会持续多久" in line, line
