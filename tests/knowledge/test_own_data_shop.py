"""The whole shop's figures, the carrier with the most defects and a supposed change of one
category, answered from the chat's own data; the file is a US-style English export, every
field quoted, dates month first, whose headers no alias spells (read by their words).

The fixture (`_us_csv`), as of 2026-11-30 (window 2026-11-01 – 2026-11-30), worked by hand:
- Pet Supplies (Amazon.com): 80 shipments, 74 valid: 3 without tracking under USPS, 2 "TBD"
  under UPS, 1 UPS number (1Z5R89390357567127) entered under USPS (order 111-5550006-0000006).
  74/80 = 92.5%; fewest fixes ⌊95 × 80 / 100⌋ + 1 − 74 = 3. Fixing 1: 75/80 = 93.75% (exact
  at two decimals, shown so), still below, 2 more.
- Office Products (Amazon.com): 40 shipments, 39 valid (one "YT123" under YunExpress).
  39/40 = 97.5%; the fewest valid above the bar is ⌊95 × 40 / 100⌋ + 1 = 39, so one more
  invalid makes 38/40 = 95.0%: below.
- Shop: 120 shipments, 113 valid = 94.17%; its own fewest fixes ⌊95 × 120 / 100⌋ + 1 − 113 = 2
  (115/120 = 95.83%), the categories' 3.
- Defects by carrier: USPS 4, UPS 2, YunExpress 1.
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
    '"Amazon Order Number","Ship Confirm Date","Fulfilled By","Sales Channel Name",'
    '"Product Type","Shipping Provider","Shipment Tracking Number","Order Value","Currency Code"'
)
UPS_NUMBER = "1Z5R89390357567127"


def _row(order: str, day: int, category: str, carrier: str, tracking: str) -> str:
    cells = [order, f"11/{day:02d}/2026 10:15 AM", "Merchant", "Amazon.com", category, carrier,
             tracking, "25.00", "USD"]  # fmt: skip
    return ",".join(f'"{cell}"' for cell in cells)


def _us_csv() -> str:
    pets, office = "Pet Supplies", "Office Products"
    rows = [HEADER]
    rows += [
        _row(f"111-0000000-{1000000 + i}", i % 28 + 1, pets, "YunExpress", f"YT26{i:014d}")
        for i in range(74)
    ]
    rows += [_row(f"111-555000{i}-000000{i}", 20 + i, pets, "USPS", "") for i in (1, 2, 3)]
    rows += [_row(f"111-555000{i}-000000{i}", 20 + i, pets, "UPS", "TBD") for i in (4, 5)]
    rows.append(_row("111-5550006-0000006", 26, pets, "USPS", UPS_NUMBER))
    rows += [
        _row(f"112-0000000-{2000000 + i}", i % 28 + 1, office, "YunExpress", f"YT27{i:014d}")
        for i in range(39)
    ]
    rows.append(_row("112-5550007-0000007", 27, office, "YunExpress", "YT123"))
    return "\r\n".join(rows) + "\r\n"


@pytest.fixture
async def ask(tmp_path: Path, kb: KnowledgeBase) -> AsyncIterator[Ask]:
    async with chat_after_upload(tmp_path, kb, _us_csv(), 8801, AS_OF) as asking:
        yield asking


def _lead(reply: str) -> str:
    return reply.splitlines()[0]


async def test_the_whole_shops_own_fewest_fixes_come_first(ask: Ask) -> None:
    english = await ask("how many packages do I need to fix for the entire store?")
    assert "fix 2 packages" in _lead(english) and "115 of 120 = 95.8%" in _lead(english)
    # Pet Supplies needs 3 fixes, but the plan (as /vtr) finds only 2 of its defects still
    # editable: the answer says so, and what fixing can still do, in /vtr's words.
    assert "In all, 3 packages would need fixing" in english
    assert (
        "Pet Supplies: cannot get above 95% by fixing: it would take fixing 3 packages, and only 2"
        in english
    )
    assert "No category can get back above 95% by fixing packages still in transit" in english
    chinese = await ask("整店的话还要修几单才能过95%")
    assert "修 2 个包裹" in _lead(chinese) and "120 个里 115 个有效" in _lead(chinese)


async def test_the_shops_figure_says_its_own_fixes(ask: Ask) -> None:
    reply = await ask("whole shop VTR from my upload?")
    assert "All packages together: 94.2% (113 of 120 packages valid)" in _lead(reply), reply
    assert "Fixing 2 packages would lift that pooled figure above 95%." in _lead(reply), reply


async def test_the_carrier_with_the_most_defects_comes_first(ask: Ask) -> None:
    english = await ask("which carrier has the most bad tracking numbers in my file?")
    assert _lead(english) == "USPS has the most: 4 invalid packages of 4."
    chinese = await ask("哪个物流商问题最多")
    assert _lead(chinese).startswith("USPS 的无效包裹最多")
    assert "defects in" not in chinese  # the list is in Chinese too


async def test_one_more_invalid_in_a_named_category_is_worked_out(ask: Ask) -> None:
    english = await ask("office products: what happens if one more goes bad?")
    assert "38 of 40 = 95.0%" in _lead(english) and "below the bar" in _lead(english)
    # Asked with the word 单号 (a tracking number), no list of orders is asked for.
    chinese = await ask("办公用品要是再多一个无效单号会怎样")
    assert "40 个里 38 个有效 = 95.0%" in _lead(chinese)


async def test_fixing_the_one_named_by_what_is_wrong_is_one_fix(ask: Ask) -> None:
    reply = await ask("if I fix just the Pet Supplies one with the wrong carrier, is it above 95?")
    assert _lead(reply).startswith("No: with 1 fixed it is 75 of 80 = 93.75%")
    assert "2 more to fix" in _lead(reply)


async def test_a_listed_defect_says_its_category(ask: Ask) -> None:
    reply = await ask("there's a UPS number entered under USPS somewhere, which order is it?")
    line = next(line for line in reply.splitlines() if "111-5550006-0000006" in line)
    assert line.endswith("Pet Supplies")


@pytest.mark.parametrize(
    "question", ["what 30 days did you take for this?", "你用的是哪30天的数据"]
)
async def test_the_days_the_check_used_are_the_reports_window(ask: Ask, question: str) -> None:
    reply = await ask(question)
    assert "Nov 1, 2026 – Nov 30, 2026" in _lead(
        reply
    ) or "2026年11月1日 – 2026年11月30日" in _lead(reply), reply


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        (
            "did you count my cancelled orders?",
            "Your file has no cancelled orders: VTR never counts them",
        ),
        ("取消的订单有没有算进去", "你的文件里没有已取消的订单：VTR 本来就不计入这些"),
        (
            "were FBA and cancelled orders left out of my numbers?",
            "Your file has no FBA orders, cancelled orders",
        ),
        ("how many orders did you leave out?", "Nothing in your file was left out"),
    ],
)
async def test_rows_the_file_has_none_of_are_said_to_be_none(
    ask: Ask, question: str, lead: str
) -> None:
    """The file has no FBA, cancelled or unshipped rows: "0 cancelled orders are not counted"
    read as if some were, and an empty line stood for the empty list."""
    reply = await ask(question)
    assert reply.startswith(lead), reply
    assert "0 cancelled" not in reply and "0 FBA" not in reply and "\n\n" not in reply


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        (
            "pet supplies is 74 of 80, right?",
            "Right, that is what your last report shows: Pet Supplies is below the bar",
        ),
        ("办公用品 39/40 对吗", "对，你最近一次的报告就是这个数：Office Products达标"),
    ],
)
async def test_the_reports_own_figures_told_back_are_confirmed(
    ask: Ask, question: str, lead: str
) -> None:
    """A category's figures as the report has them, asked "right?": confirmed, then its
    verdict (Pet Supplies at 74/80 got "Not right" from the figures' own verdict)."""
    assert (await ask(question)).startswith(lead)


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        # Pet Supplies 74/80: 3 fixes would make 77/80 = 96.25%, but only 2 of its defects can
        # still be edited (as /vtr's plan says), and 2 make 76/80 = 95.0%.
        (
            "pet supplies: fix 3, would it pass?",
            "Only 2 of its invalid packages can still be fixed: the others are delivered or "
            "past their fix-by date.\nNo: with those 2 fixed it is 76 of 80 = 95.0%",
        ),
        ("宠物用品修好2单够不够", "仍不达标：修好 2 个后是 80 个里 76 个有效 = 95.0%"),
    ],
)
async def test_a_fix_asked_whether_it_is_enough(ask: Ask, question: str, lead: str) -> None:
    assert (await ask(question)).startswith(lead)


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        (
            "what's my worst category?",
            "The lowest is Pet Supplies: 92.5% (74 of 80 packages valid).",
        ),
        ("哪个类目最差", "最低的是 Pet Supplies：92.5%"),
        ("which of my categories are passing?", "Above the bar (1 of 2): Office Products."),
        ("how many of my categories fail?", "Below the bar (1 of 2 categories): Pet Supplies."),
        ("我有几个类目不达标", "不达标（未高于 95%）的分类有 1 个（共 2 个）：Pet Supplies。"),
        # Every invalid one fixed would be 80/80, but only 2 can still be edited: 76/80.
        (
            "if I fix everything in pet supplies what's the rate?",
            "Only 2 of its invalid packages can still be fixed",
        ),
        ("宠物用品全部修好是多少", "它的无效包裹里只有 2 个还能修：其余的已妥投或已过修改截止日。"),
        # 3 blank and 2 "TBD" are without tracking; the UPS number under USPS has one.
        ("how many untracked packages in pet supplies?", "5 invalid packages:"),
        ("when is everything above 95?", "Pet Supplies: back above 95% by"),
    ],
)
async def test_the_groups_asked_of_in_the_words_sellers_use(
    ask: Ask, question: str, lead: str
) -> None:
    reply = await ask(question)
    assert reply.startswith(lead), reply


async def test_the_orders_of_a_named_category_to_fix_are_listed(ask: Ask) -> None:
    reply = await ask("give me the pet supplies orders to fix")
    assert "111-5550001-0000001" in reply and "111-5550006-0000006" in reply, reply


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        # The fixture has no rows left out: each kind asked is said to be none.
        ("how many FBA rows were in my file?", "Your file has no FBA orders"),
        (
            "what's the as-of date of my report?",
            "Your last report covers the 30 days Nov 1, 2026 – Nov 30, 2026",
        ),
    ],
)
async def test_the_reports_own_facts_asked_plainly(ask: Ask, question: str, lead: str) -> None:
    assert (await ask(question)).startswith(lead)


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        (
            "pet supplies: how many more bad ones can it take?",
            # Only 2 of its defects can still be edited: the plan's verdict, never "fix 3".
            "No room: it is below the bar already; cannot get above 95% by fixing: it would take fixing 3 "
            "packages, and only 2",
        ),
        (
            "宠物用品还能再错几单",
            "没有余量：它已经不达标了；无法靠修正回到 95% 以上：需要修正 3 个",
        ),
    ],
)
async def test_the_room_left_of_a_category_already_below(
    ask: Ask, question: str, lead: str
) -> None:
    assert (await ask(question)).startswith(lead)


@pytest.mark.parametrize(
    "question",
    ["how are my categories doing?", "which category is below the bar?", "我的品类最差的是哪个"],
)
async def test_a_category_fixing_cannot_save_is_listed_as_vtr_lists_it(
    ask: Ask, question: str
) -> None:
    # Pet Supplies needs 3 fixes and only 2 of its defects are still editable: /vtr's list,
    # given the plan, says fixing cannot bring it above 95%; the answers' lists say the same,
    # never "fix 3".
    reply = await ask(question)
    line = next(ln for ln in reply.splitlines() if ln.startswith("❌ Pet Supplies"))
    assert "cannot get above 95% by fixing" in line or "无法靠修正回到 95% 以上" in line, line
    assert "fix 3" not in line and "修 3 个" not in line, line
