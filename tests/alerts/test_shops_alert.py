"""The daily alert judges each shop on its own, as Amazon judges each account: stored
shipments with Toys in shop Sun 40 of 40 and in shop Moon 19 of 20, all on Amazon.com.
Pooled, Toys is 59 of 60 = 98.3%, above the bar; Toys in Moon is 19 of 20 = 95.0%, not
above it, and needs ⌊95 × 20 / 100⌋ + 1 − 19 = 1 fix. The two shops' Toys are two units,
never one overwriting the other."""

from __future__ import annotations

from datetime import date

from bot.domain.alerts import AlertSnapshot, AlertUnit, decide
from bot.domain.models import ShipmentRecord
from bot.domain.trend import daily_vtr
from bot.domain.vtr import compute_report
from bot.services.alert_text import render_alert
from bot.services.charts import chart_units
from bot.services.i18n import Translator
from tests.alerts.conftest import UPS_OK, table

TODAY = date(2026, 11, 20)


def record(order: str, shop: str, tracking: str = UPS_OK) -> ShipmentRecord:
    return ShipmentRecord(
        order_id=order,
        ship_date=date(2026, 11, 19),
        carrier="UPS",
        tracking=tracking,
        category="Toys",
        marketplace="US",
        shop=shop,
    )


def two_shops() -> list[ShipmentRecord]:
    records = [record(f"S{i}", "Sun") for i in range(40)]
    records += [record(f"M{i}", "Moon") for i in range(19)]
    return [*records, record("MOON-X", "Moon", tracking="")]


def test_a_failing_shop_fires_the_alert() -> None:
    report = compute_report(table(two_shops()), as_of=TODAY)
    decision = decide(report, None, TODAY, TODAY)
    assert decision.triggers == ["below"]
    assert decision.below == [AlertUnit("Toys", None, "Moon")]
    text = render_alert(decision, report, Translator("en"))
    # 59 of 60 pooled is 98.3%, above the bar: the alert leads with Moon's Toys, below it.
    assert (
        "\n❌ 1 of 2 categories of your shops is not above 95%, Amazon's bar: each shop is its "
        "own Amazon account, each of its categories judged on its own.\nAll packages together: "
        "98.3% (59 of 60 packages valid), for context only"
    ) in text
    assert "❌ Toys in shop Moon: 95.0% (19 of 20 packages valid)" in text
    assert "Fix 1 package to bring Toys in shop Moon above 95%." in text
    assert "Sun" not in text
    zh = render_alert(decision, report, Translator("zh"))
    assert "店铺 Moon 的Toys" in zh


def test_a_drop_is_measured_within_the_shop() -> None:
    """The last alert saw Moon's Toys at 100%: it fell 5 points (to 95%); Sun's stayed."""
    report = compute_report(table(two_shops()), as_of=TODAY)
    previous = AlertSnapshot(
        as_of=date(2026, 11, 19),
        vtr={"Toys": 1.0},
        shops={"Moon": {"": {"Toys": 1.0}}, "Sun": {"": {"Toys": 1.0}}},
    )
    decision = decide(report, previous, TODAY, TODAY)
    assert [(c.category, c.shop, c.current) for c in decision.dropped] == [("Toys", "Moon", 0.95)]
    assert decision.snapshot.shops == {"Moon": {"": {"Toys": 0.95}}, "Sun": {"": {"Toys": 1.0}}}
    assert decision.snapshot.cells == {}
    text = render_alert(decision, report, Translator("en"))
    assert "Toys in shop Moon: 100% → 95.0% (down 5 points)" in text


def test_the_chart_draws_the_failing_shop() -> None:
    """On 11-20 Moon's window holds its 20 (95.0%), where pooled Toys holds 60 (98.3%)."""
    shipments = table(two_shops())
    report = compute_report(shipments, as_of=TODAY)
    assert chart_units(report, decide(report, None, TODAY, TODAY)) == [
        AlertUnit("Toys", None, "Moon")
    ]
    assert daily_vtr(shipments, TODAY, shop="Moon")["Toys"][-1] == (TODAY, 0.95)
    assert daily_vtr(shipments, TODAY)["Toys"][-1] == (TODAY, 59 / 60)
