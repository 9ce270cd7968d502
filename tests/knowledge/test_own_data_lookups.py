"""Look-ups in the chat's own data: a category by the name the file gives it (a word the
typo repair would change included), its problem orders, a carrier mismatch found by its
two carriers, the window's package count, and rows the seller dates outside the window.

The fixture is an Amazon-report-style CSV written by `_shop_csv`, as of 2026-11-30 (window
2026-11-01 – 2026-11-30), worked by hand:
- Baby Products (Amazon.com): 40 shipments, 38 valid (YT + 16 digits); 111-7770001-0000001
  without tracking, 111-7770002-0000002 a UPS number (1Z999AA10123456784) entered with
  USPS as the carrier. 38/40 = 95.0%, not above; fixes ⌊38⌋ + 1 − 38 = 1.
- Sports & Outdoors (Amazon.de): 50 shipments, 49 valid; 302-7770003-0000003 "YT123" (bad
  format). 49/50 = 98.0%.
- Two Baby Products rows shipped 2026-10-02 and 2026-10-06 without tracking: outside the
  window, not counted.
- Shop: 90 shipments, 87 valid.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.chat_data import Ask, chat_after_upload

# Over 0.3 s of CPU: a file analysed, then questions through the chat's path.
pytestmark = pytest.mark.slow

AS_OF = "2026-11-30"
HEADER = (
    "order-id,ship-date,fulfillment-channel,order-status,sales-channel,product-category,"
    "ship-method,carrier-code,carrier-name,tracking-number,item-price,currency"
)


def _row(order: str, day: str, category: str, carrier: str, tracking: str, market: str) -> str:
    return f"{order},{day},MFN,Shipped,{market},{category},Standard,{carrier},{carrier},{tracking},25.00,USD"


def _yt(n: int) -> str:
    return f"YT{2611000000000000 + n:016d}"


def _shop_csv() -> str:
    baby, sports = ("Baby Products", "Amazon.com"), ("Sports & Outdoors", "Amazon.de")
    rows = [HEADER]
    rows += [
        _row(
            f"111-0000000-{1000000 + i}",
            f"2026-11-{i % 25 + 3:02d}",
            *baby[:1],
            "YunExpress",
            _yt(i),
            baby[1],
        )
        for i in range(38)
    ]
    rows.append(_row("111-7770001-0000001", "2026-11-20", baby[0], "YunExpress", "", baby[1]))
    rows.append(
        _row("111-7770002-0000002", "2026-11-21", baby[0], "USPS", "1Z999AA10123456784", baby[1])
    )
    rows += [
        _row(
            f"302-0000000-{2000000 + i}",
            f"2026-11-{i % 25 + 3:02d}",
            sports[0],
            "YunExpress",
            _yt(100 + i),
            sports[1],
        )
        for i in range(49)
    ]
    rows.append(
        _row("302-7770003-0000003", "2026-11-22", sports[0], "YunExpress", "YT123", sports[1])
    )
    rows.append(_row("111-9990001-0000009", "2026-10-02", baby[0], "YunExpress", "", baby[1]))
    rows.append(_row("111-9990002-0000010", "2026-10-06", baby[0], "YunExpress", "", baby[1]))
    return "\n".join(rows) + "\n"


@pytest.fixture
async def ask(tmp_path: Path, kb: KnowledgeBase) -> AsyncIterator[Ask]:
    async with chat_after_upload(tmp_path, kb, _shop_csv(), 51, AS_OF) as asking:
        yield asking


async def test_a_category_by_the_file_s_name_with_its_stated_rate(
    ask: Ask,
) -> None:
    # "Products" is read as typed, though the typo repair would make it "product".
    reply = await ask("Baby Products 显示95%，这样算过线了吧？")
    assert reply.startswith("Baby Products不达标") and "95.0%" in reply and "1 个" in reply, reply
    english = await ask("baby products is sitting at 95 percent, that passes right?")
    assert english.startswith("Baby Products is below the bar") and "95.0%" in english, english


async def test_a_category_s_problem_orders_each_with_what_is_wrong(
    ask: Ask,
) -> None:
    reply = await ask("which Baby Products orders have bad tracking, and why?")
    assert "111-7770001-0000001" in reply and "111-7770002-0000002" in reply, reply
    assert "302-7770003-0000003" not in reply  # Sports & Outdoors' defect


async def test_a_carrier_mismatch_is_found_by_its_two_carriers(
    ask: Ask,
) -> None:
    english = await ask("which order had a UPS number entered under USPS?")
    assert "111-7770002-0000002" in english, english
    assert "111-7770001-0000001" not in english and "302-7770003-0000003" not in english
    chinese = await ask("UPS的号码选成USPS的是哪个订单")
    assert "111-7770002-0000002" in chinese and "111-7770001-0000001" not in chinese, chinese


async def test_the_window_s_package_count(ask: Ask) -> None:
    chinese = await ask("30天里一共多少个包裹算进了VTR")
    assert chinese.startswith("30 天统计窗口") and "共有 90 个自配送包裹" in chinese, chinese
    english = await ask("how many shipments count toward VTR in total?")
    assert english.startswith("90 self-fulfilled packages count toward VTR"), english
    # How many to fix is the plan's question, not the count's: Baby Products needs 1.
    fixes = await ask("一共还要修几个包裹才能让每个类目都过线")
    assert "1" in fixes.split("\n", 1)[0] and "90 个自配送包裹" not in fixes, fixes


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        (
            "the Baby Products orders from early October with no tracking, are they dragging my VTR down?",
            "No: they are outside the 30-day window",
        ),
        ("10月上旬那两单没追踪号，还会拉低我的VTR吗", "不算了：它们在 30 天统计窗口"),
        # Oct 28 – Nov 3 reaches into the window (from Nov 1): where it starts, no plain no.
        (
            "my orders from Oct 28 up to Nov 3 had blank tracking, do they hurt my VTR?",
            "Only shipments from Nov 1, 2026 to Nov 30, 2026 count",
        ),
        ("11月20号那单没单号，会影响我的VTR吗", "会：它们在 30 天统计窗口"),
    ],
)
async def test_rows_the_seller_dates_are_placed_against_the_window(
    ask: Ask, question: str, lead: str
) -> None:
    reply = await ask(question)
    assert reply.startswith(lead), reply


async def test_more_look_ups_in_either_language(ask: Ask) -> None:
    # The problem orders asked in Chinese, the category by its English name.
    orders = await ask("Baby Products 的问题订单有哪些")
    assert "111-7770001-0000001" in orders and "111-7770002-0000002" in orders, orders
    # A carrier chosen wrong, no carrier named: the defect whose number fits another carrier.
    wrong = await ask("哪个订单承运商选错了")
    assert "111-7770002-0000002" in wrong, wrong
    assert "111-7770001-0000001" not in wrong and "302-7770003-0000003" not in wrong
    # The marketplaces asked for, not the categories: Amazon.com is 38/40 = 95.0%.
    places = await ask("which marketplace is below the bar?")
    assert places.startswith("Marketplaces below the bar (1 of 2): Amazon.com (US)."), places
    places_zh = await ask("哪个站点不达标")
    assert places_zh.startswith("不达标（未高于 95%）的站点有 1 个（共 2 个）：美国站"), places_zh
    # A number word told as a supposition: 38 − 2 = 36 of 40 = 90.0%.
    what_if = await ask("if two more Baby Products orders go bad what happens?")
    assert "With 2 more invalid: 36 of 40 = 90.0%" in what_if, what_if
    # A day named in English, "matter" asked: Oct 15 is before the window (Nov 1).
    old = await ask("orders I shipped on Oct 15 without tracking — do they still matter?")
    assert old.startswith("No: they are outside the 30-day window"), old
    count = await ask("how many packages are in my window?")
    assert count.startswith("90 self-fulfilled packages count toward VTR"), count


async def test_orders_by_id_and_the_invalid_ones_counted(
    ask: Ask,
) -> None:
    # An order named by its ID: its defect, and no other.
    one = await ask("what's wrong with order 111-7770002-0000002?")
    assert "111-7770002-0000002" in one and "111-7770001-0000001" not in one, one
    zh = await ask("111-7770001-0000001 这单怎么了")
    assert "111-7770001-0000001" in zh and "缺少追踪号" in zh, zh
    # A valid order is not among the defects: said for what it is, counted and valid
    # (test_own_data_order_not_a_defect.py has every kind).
    fine = await ask("is order 111-0000000-1000003 ok?")
    assert fine.startswith("Order 111-0000000-1000003 is counted, and its tracking is valid"), fine
    # The invalid packages counted: 2 in Baby Products + 1 in Sports & Outdoors.
    counted = await ask("how many invalid packages do I have in total?")
    assert counted.startswith("3 invalid packages:"), counted
    counted_zh = await ask("我一共有几个无效的包裹")
    assert counted_zh.startswith("无效包裹 3 个："), counted_zh
    # Only those without any tracking: 111-7770001-0000001.
    blank = await ask("how many of my packages have no tracking at all?")
    assert blank.startswith("1 invalid package:") and "111-7770001-0000001" in blank, blank
    # A mismatch asked without carriers named.
    mismatch = await ask("are there any orders where the carrier doesn't match the number?")
    assert "111-7770002-0000002" in mismatch and "302-7770003-0000003" not in mismatch, mismatch


async def test_a_marketplace_s_problem_orders(ask: Ask) -> None:
    # Amazon.de has one defect: 302-7770003-0000003 (YT123).
    reply = await ask("德国站那单有问题的是哪单")
    assert "302-7770003-0000003" in reply and "111-7770001-0000001" not in reply, reply


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        # Sports & Outdoors 49/50: above 95% needs ⌊47.5⌋ + 1 = 48 valid, so 1 more invalid
        # fits; one beyond that is 47/50 = 94.0%.
        (
            "Sports & Outdoors is fine right? how much room do I have there",
            "It can take 1 more invalid package and stay above 95%; one beyond that makes 47 of "
            "50 = 94.0%",
        ),
        ("how many more bad ones can Sports take before it drops", "It can take 1 more invalid"),
        ("运动户外还能再错几单", "还能再有 1 个无效并保持高于 95%"),
        # Baby Products 38/40 = 95.0%: one fixed is 39/40 = 97.5%, above.
        (
            "if I fix one order in Baby Products am I ok?",
            "Yes: with 1 fixed it is 39 of 40 = 97.5%",
        ),
        ("如果把母婴类目修好一单能达标吗", "达标：修好 1 个后是 40 个里 39 个有效 = 97.5%"),
        # A fix told as made since the report is applied the same way: 39/40.
        (
            "I just fixed 1 order in Baby Products before delivery, am I ok now?",
            "Yes: with 1 fixed it is 39 of 40 = 97.5%",
        ),
        ("我刚修好了母婴的1单，现在达标了吗", "达标：修好 1 个后是 40 个里 39 个有效"),
        # Defects by carrier, from the report's own section: YunExpress has 2 of the 3, so
        # it is named first.
        (
            "which carrier has the most problems",
            "YunExpress has the most: 2 invalid packages of 89.",
        ),
        # The report's window: Nov 1 – Nov 30, as of Nov 30.
        (
            "what dates does my data cover?",
            "Your last report covers the 30 days Nov 1, 2026 – Nov 30, 2026",
        ),
        ("我这份数据是哪段时间的", "你最近一次的报告统计的是 2026年11月1日 – 2026年11月30日"),
        # The report pointed at ("这回", "this", "the report"), not called "mine".
        ("这回算的是哪个时间段", "你最近一次的报告统计的是 2026年11月1日 – 2026年11月30日"),
        ("which days does this cover", "Your last report covers the 30 days Nov 1, 2026"),
        ("what date range is the report for?", "Your last report covers the 30 days Nov 1, 2026"),
        # Rows not counted, whatever their reason: the two shipped in October.
        ("how many orders didn't you count, and why?", "Not counted: outside the 30-day window 2"),
        ("我的表里有多少单没算进去", "未计入：不在 30 天窗口内 2"),
    ],
)
async def test_room_left_a_supposed_fix_the_window_and_rows_not_counted(
    ask: Ask, question: str, lead: str
) -> None:
    reply = await ask(question)
    assert reply.startswith(lead), reply


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        # The shop is 87/90 = 96.7%, but Baby Products (38/40 = 95.0%) is below: VTR is
        # judged per category, so that comes first.
        ("am I above the bar on everything?", "Not every category passes: Baby Products is below"),
        ("what is my vtr", "Not every category passes: Baby Products is below the bar"),
        ("我的VTR现在多少", "并非每个分类都达标：Baby Products低于要求"),
    ],
)
async def test_the_shop_s_figure_never_hides_a_failing_category(
    ask: Ask, question: str, lead: str
) -> None:
    reply = await ask(question)
    assert reply.startswith(lead) and "96.7%" in reply.split("\n")[0], reply


async def test_defects_by_carrier_are_the_report_s(ask: Ask) -> None:
    # YunExpress: Baby Products 38 + 1 blank, Sports 49 + 1 "YT123" = 89, 2 defects; USPS:
    # the one UPS number entered under it, 1 defect in 1.
    reply = await ask("哪个物流商出问题最多")
    assert reply.startswith("YunExpress 的无效包裹最多：89 个里有 2 个无效。"), reply
    assert "YunExpress：89 个包裹中 2 个有缺陷" in reply and "USPS" in reply, reply


@pytest.mark.parametrize(
    ("question", "lead", "then"),
    [
        # The orders to fix, asked as a list: Baby Products' two defects.
        (
            "give me the orders I need to fix in baby products",
            "Baby Products is below the bar",
            "111-7770001-0000001",
        ),
        ("我要修哪几单才能让母婴达标", "Baby Products不达标", "111-7770002-0000002"),
        # Risk asked of the whole shop: the category below the bar.
        ("am I at risk anywhere?", "Below the bar (1 of 2 categories): Baby Products.", "38 of 40"),
    ],
)
async def test_orders_to_fix_and_risk_anywhere(
    ask: Ask, question: str, lead: str, then: str
) -> None:
    reply = await ask(question)
    assert reply.startswith(lead) and then in reply, reply


@pytest.mark.parametrize(
    "question", ["status?", "numbers pls", "how bad is it", "需要修吗", "is anything failing"]
)
async def test_a_short_status_question_gets_the_chat_s_figures(ask: Ask, question: str) -> None:
    # Baby Products (38/40 = 95.0%) is the category below the bar, whatever the wording.
    reply = await ask(question)
    assert "Baby Products" in reply.split("\n")[0], reply


async def test_invalid_tracking_numbers_counted(ask: Ask) -> None:
    # 2 in Baby Products + 1 in Sports & Outdoors.
    reply = await ask("how many invalid tracking numbers do I have in total")
    assert reply.startswith("3 invalid packages:"), reply


@pytest.mark.parametrize(
    ("question", "left_out", "counted"),
    [
        ("为啥有几单没算进去", "未计入：不在 30 天窗口内 2", "共有 90 个自配送包裹"),
        ("有几单没算", "未计入：不在 30 天窗口内 2", "共有 90 个自配送包裹"),
        (
            "how come a few of my packages weren't counted?",
            "Not counted: outside the 30-day window 2",
            "90 self-fulfilled packages count",
        ),
    ],
)
async def test_some_rows_not_counted_are_the_file_s_own_by_reason(
    ask: Ask, question: str, left_out: str, counted: str
) -> None:
    # The two October Baby Products rows are before the window (Nov 1); 40 + 50 = 90 counted.
    reply = await ask(question)
    assert reply.startswith(left_out) and counted in reply, reply


async def test_a_carrier_s_own_figures_from_the_report(ask: Ask) -> None:
    # YunExpress: 38 + 1 blank (Baby) and 49 + 1 "YT123" (Sports) in the window = 89, 87 valid
    # = 97.75% → 97.8%; the two October rows are outside. USPS: the one UPS number, invalid.
    usps = await ask("USPS的单号有效率多少")
    assert usps.startswith("USPS（最近一次报告）：0.0%（1 个包裹中 0 个有效）"), usps
    yun = await ask("how's my YunExpress tracking doing")
    assert yun.startswith("YunExpress in your last report: 97.8% (87 of 89 packages valid)"), yun
    assert "not carriers" in yun, yun


async def test_a_tracking_number_named_is_looked_up_in_the_report(ask: Ask) -> None:
    # 1Z999AA10123456784 is 111-7770002-0000002's number, entered under USPS: its defect.
    bad = await ask("what's wrong with 1Z999AA10123456784")
    assert "111-7770002-0000002" in bad and "UPS" in bad, bad
    assert "111-7770001-0000001" not in bad, bad
    # "YT123" (Sports & Outdoors), short as it is, is one of the report's invalid numbers.
    short = await ask("YT123 这个单号怎么了")
    assert "302-7770003-0000003" in short, short
    # A valid Baby Products number (_yt(3)) is not among the invalid ones.
    fine = await ask("is YT2611000000000003 ok?")
    assert fine.startswith("YT2611000000000003 is not among the invalid packages"), fine
