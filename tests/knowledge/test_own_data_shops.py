"""Questions about the chat's own data when its file holds two shops: each shop is its own
Amazon account, so answers judge each category within its shop, with /vtr's figures. The
upload, worked by hand (all on Amazon.de): shop A ships Toys 40 of 40 and Home 10 of 10;
shop Moon-EU ships Toys 19 of 20 (MOON-X untracked, shipped 11-19) and Home 10 of 10.
Pooled, Toys is 59 of 60 = 98.3%, above the bar; Moon-EU's Toys is 19 of 20 = 95.0%, not
above it, and needs ⌊95 × 20 / 100⌋ + 1 − 19 = 1 fix. Shop A is 50 of 50 = 100%, Moon-EU
29 of 30 = 96.7%, above the bar itself though one of its categories is not."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import date
from pathlib import Path

import pytest

from bot.domain.engine import analyse_file
from bot.domain.knowledge import KnowledgeBase
from bot.services.i18n import Translator
from bot.services.report_text import render_report
from tests.engine.conftest import UPS_OK
from tests.knowledge.chat_data import Ask, chat_after_upload

pytestmark = pytest.mark.slow  # a file analysed, then questions through the chat's path

HEADER = "订单号,店铺名称,站点,发货时间,承运商,跟踪号,品类"


def upload() -> str:
    rows = [f"A{i},A,DE,2026-11-19,UPS,{UPS_OK},Toys" for i in range(40)]
    rows += [f"AH{i},A,DE,2026-11-19,UPS,{UPS_OK},Home" for i in range(10)]
    rows += [f"M{i},Moon-EU,DE,2026-11-19,UPS,{UPS_OK},Toys" for i in range(19)]
    rows += ["MOON-X,Moon-EU,DE,2026-11-19,UPS,,Toys"]
    rows += [f"MH{i},Moon-EU,DE,2026-11-19,UPS,{UPS_OK},Home" for i in range(10)]
    return "\n".join([HEADER, *rows]) + "\n"


@pytest.fixture
async def ask(tmp_path: Path, kb: KnowledgeBase) -> AsyncIterator[Ask]:
    async with chat_after_upload(tmp_path, kb, upload(), 61, "2026-11-20") as asking:
        yield asking


async def test_a_shop_is_answered_with_its_categories(ask: Ask) -> None:
    moon = await ask("how is Moon-EU doing now?")
    assert moon.startswith(
        "Shop Moon-EU overall is above the bar (above 95%): 96.7% (29 of 30 packages valid)."
    ), moon
    assert (
        "Not every category passes, though: VTR is judged per category, and Toys in shop Moon-EU is below the bar"
        in moon
    )
    assert (
        "Toys in shop Moon-EU is below the bar (VTR must be above 95%): 95.0% (19 of 20 "
        "packages valid). Fix 1 package to get above it." in moon
    )
    assert "shop A" not in moon
    a = await ask("店铺A现在多少")
    assert a.startswith("店铺 A达标，高于 95%：100%（50 个包裹中 50 个有效）。"), a
    assert "店铺 A 的Toys达标" in a and "Moon-EU" not in a


async def test_a_shops_fixes_are_its_own(ask: Ask) -> None:
    zh = await ask("Moon-EU还要修几个")
    assert zh.startswith(
        "一共要修 1 个包裹，才能让店铺 Moon-EU的每个分类都高于 95%：店铺 Moon-EU 的Toys"
    ), zh
    en = await ask("how many packages does shop A still need fixed?")
    assert en.startswith("No fixes are needed in Shop A: every category there is above"), en
    every = await ask("how many packages do I still need to fix?")
    assert every.startswith(
        "Fix 1 package in all to bring every category above 95%: Toys in shop Moon-EU: fix 1"
    ), every


async def test_the_shops_compared(ask: Ask) -> None:
    worse = await ask("which shop is worse?")
    assert worse.startswith(
        "Shop Moon-EU is worse off: 1 of its categories is below the bar, and Amazon judges"
    ), worse
    lines = worse.splitlines()
    assert lines[1] == "✅ Shop Moon-EU: 96.7% (29 of 30 packages valid)"
    assert lines[2].startswith("   ❌ Toys in shop Moon-EU: 95.0% (19 of 20 packages valid)")
    assert lines[3] == "✅ Shop A: 100% (50 of 50 packages valid)"
    risk = await ask("两个店哪个有风险")
    assert risk.startswith("店铺 Moon-EU有品类低于要求：每个店铺都是独立账户"), risk
    assert "店铺 Moon-EU 的Toys: 95.0%（20 个包裹中 19 个有效）" in risk


async def test_a_category_is_answered_in_each_shop(ask: Ask) -> None:
    toys = await ask("what's my Toys VTR now?")
    assert toys.startswith("Toys in shop Moon-EU is below the bar"), toys
    assert "Toys in shop A is above the bar (above 95%): 100% (40 of 40" in toys
    assert "Toys in all your shops together: 98.3% (59 of 60 packages valid)" in toys
    zh = await ask("我的Toys类目现在多少？")
    assert zh.startswith("店铺 Moon-EU 的Toys不达标"), zh
    assert "Toys所有店铺合计：98.3%" in zh
    at_risk = await ask("which category is at risk?")
    assert at_risk.startswith("Below the bar (1 of 4 categories): Toys in shop Moon-EU."), at_risk


async def test_a_shops_orders_are_its_own(ask: Ask) -> None:
    orders = await ask("which orders in Moon-EU do I need to fix?")
    line = next(line for line in orders.splitlines() if "MOON-X" in line)
    assert line.endswith("· Toys in shop Moon-EU"), line
    assert " A1 " not in orders
    none = await ask("which orders in shop A do I need to fix?")
    assert "No defects match that in your last report." in none, none


async def test_the_answers_give_the_reports_figures(ask: Ask, tmp_path: Path) -> None:
    """The answer's figures are the report's: Moon-EU's Toys line, word for word."""
    path = tmp_path / "again.csv"
    path.write_text(upload(), encoding="utf-8")
    report, _ = analyse_file(path, as_of=date(2026, 11, 20))
    text = render_report(report, Translator("en"))
    lines = text.split("By shop and category\n")[1].splitlines()
    line = next(line for line in lines if line.startswith("❌ Toys in shop"))
    compared = await ask("which shop is worse?")
    assert compared.splitlines()[2] == f"   {line}", (line, compared)


async def test_a_shop_named_like_a_word_of_any_question_is_not_taken(
    tmp_path: Path, kb: KnowledgeBase
) -> None:
    """A shop named 'Amazon' beside Moon-EU: 'does Amazon count FBA orders?' asks the rule,
    not the shop's figures; Moon-EU is still found by its name."""
    data = upload().replace(",A,DE,", ",Amazon,DE,")
    async with chat_after_upload(tmp_path, kb, data, 62, "2026-11-20") as asking:
        rule = await asking("does Amazon count FBA orders in VTR?")
        assert "Shop Amazon" not in rule and "96.7%" not in rule, rule
        moon = await asking("how is Moon-EU doing now?")
        assert moon.startswith("Shop Moon-EU overall is above the bar"), moon
