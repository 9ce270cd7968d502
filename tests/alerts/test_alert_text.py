"""The alert in words, Chinese and English, with the numbers computed by hand."""

from __future__ import annotations

from datetime import date

from bot.domain.alerts import AlertSnapshot, decide
from bot.domain.vtr import compute_report
from bot.services.alert_text import render_alert
from bot.services.i18n import Translator
from tests.alerts.conftest import garden_store, rolling_store, shipment, table

TODAY = date(2026, 12, 1)


def alert_of_dec_1(html: bool, lang: str) -> str:
    """rolling_store() as of 12-01: Toys 21/23 = 91.3%, fix ⌊0.95·23⌋ + 1 − 21 = 1, back above
    95% on 12-02 (22.53/23.53 = 95.75%). Its two shipments without tracking went by UPS on
    11-02 and 11-03: past their estimated delivery (5 days), too late to fix. The last
    alert (11-28) said 95%: down 3.7 points. Newest ship date 11-30 is fresh."""
    store = rolling_store()
    report = compute_report(store, as_of=TODAY)
    previous = AlertSnapshot(as_of=date(2026, 11, 28), vtr={"Toys": 0.95})
    decision = decide(report, previous, date(2026, 11, 30), TODAY)
    assert decision.triggers == ["below", "dropped"]
    return render_alert(decision, report, Translator(lang), html=html)  # type: ignore[arg-type]


def test_english() -> None:
    text = alert_of_dec_1(html=False, lang="en")
    # Amazon's verdict on its one category first, the pooled figure after it with no mark.
    assert text.startswith(
        "🔔 VTR alert for Dec 1, 2026\n"
        "❌ Your category is not above 95%, Amazon's bar: it judges each category on its own.\n"
        "All packages together: 91.3% (21 of 23 packages valid), for context only: Amazon does "
        "not judge this pooled figure.\n"
    )
    assert "Since the alert of Nov 28, 2026" in text
    assert "Toys: 95.0% → 91.3% (down 3.7 points)" in text
    # Its defects are too late to fix: no section of the alert offers "fix 1 package".
    assert "fix 1 package to get above 95%" not in text
    assert "back above 95% by Dec 2, 2026" in text
    assert "Fix plan: the fewest packages to fix" in text
    line = (
        "Toys: 91.3% (21 of 23 packages valid) · cannot get above 95% by fixing: it would take fixing "
        "1 package, and its defects are delivered or probably delivered"
    )
    assert text.count(line) == 2, text  # the categories needing attention and the plan
    assert "fresh shipment report" not in text
    assert "<b>" not in text


def test_chinese_html() -> None:
    text = alert_of_dec_1(html=True, lang="zh")
    assert text.startswith("🔔 <b>2026年12月1日 有效追踪率提醒</b>")
    assert (
        "</b>\n❌ 您的品类未高于亚马逊要求的 95%：亚马逊按品类分别考核。\n"
        "全部包裹合计：91.3%（23 个包裹中 21 个有效），仅供参考：亚马逊不按这个合计数考核。\n"
    ) in text
    assert "与 2026年11月28日 的提醒相比" in text
    assert "Toys：95.0% → 91.3%（下降 3.7 个百分点）" in text
    assert "需修正 1 个包裹才能高于 95%" not in text
    assert "预计 2026年12月2日 回到 95% 以上" in text
    assert "无法靠修正回到 95% 以上" in text
    assert "单有效" not in text  # packages (包裹), never orders (单)
    assert "alert" not in text.lower()  # nothing left in English


def test_stale_data_asks_for_an_upload() -> None:
    store = rolling_store()
    today = date(2026, 12, 5)  # newest ship date 11-30: five days old
    report = compute_report(store, as_of=today)
    decision = decide(report, None, date(2026, 11, 30), today)
    assert decision.triggers == ["stale"]
    zh = render_alert(decision, report, Translator("zh"))
    assert "你最新的发货数据是 2026年11月30日 的，已经过去 5 天" in zh
    en = render_alert(decision, report, Translator("en"))
    assert "Your newest shipment is from Nov 30, 2026, 5 days ago" in en
    assert "Send a fresh shipment report." in en
    nothing = decide(report, None, None, today)
    assert "Send your shipment or order report" in render_alert(nothing, report, Translator("en"))


def test_projected_category_and_digest() -> None:
    report = compute_report(table([shipment("A", date(2026, 12, 3))]), as_of=date(2026, 12, 3))
    digest = decide(report, None, date(2026, 12, 3), date(2026, 12, 3), digest=True)
    assert digest.digest_only
    text = render_alert(digest, report, Translator("en"))
    assert text.startswith("📊 Daily VTR digest for Dec 3, 2026")
    # 1 of 1 valid: its one category is above the bar, said with the mark.
    assert (
        "\n✅ Your category is above 95%, Amazon's bar: it judges each category on its own.\n"
        in text
    )
    assert "All packages together: 100% (1 of 1 package valid), for context only" in text
    zh = render_alert(digest, report, Translator("zh"))
    assert zh.startswith("📊 2026年12月3日 有效追踪率日报")


def test_category_names_are_escaped_in_html() -> None:
    records = [
        shipment("A", date(2026, 12, 3), category="Toys <&> Games"),
        shipment("B", date(2026, 12, 3), category="Toys <&> Games", tracking=""),
    ]
    report = compute_report(table(records), as_of=date(2026, 12, 3))
    decision = decide(report, None, date(2026, 12, 3), date(2026, 12, 3))
    html = render_alert(decision, report, Translator("en"), html=True)
    assert "Toys &lt;&amp;&gt; Games" in html
    assert "<&>" not in html
    assert "Toys <&> Games" in render_alert(decision, report, Translator("en"), html=False)


def test_projected_category_line() -> None:
    """garden_store() as of 11-30: 75/77 = 97.4%, projected under 95% on 12-02."""
    today = date(2026, 11, 30)
    report = compute_report(garden_store(), as_of=today)
    decision = decide(report, None, today, today)
    en = render_alert(decision, report, Translator("en"))
    assert (
        "⚠️ Garden: 97.4% (75 of 77 packages valid) · at risk: may fall to or under 95% "
        "within 7 days if new packages keep last week's defect rate" in en
    )
    assert "Fix plan" not in en  # the plan is for categories below the bar
    zh = render_alert(decision, report, Translator("zh"))
    assert "⚠️ Garden: 97.4%（77 个包裹中 75 个有效） · 有风险" in zh


def test_dropped_but_still_over_the_bar() -> None:
    """rolling_store() as of 12-02: Toys 21/22 = 95.45%, over the bar; a last alert that
    said 100% makes it a drop of 4.5 points."""
    today = date(2026, 12, 2)
    report = compute_report(rolling_store(), as_of=today)
    previous = AlertSnapshot(as_of=date(2026, 12, 1), vtr={"Toys": 1.0})
    decision = decide(report, previous, date(2026, 11, 30), today)
    assert decision.triggers == ["dropped"]
    en = render_alert(decision, report, Translator("en"))
    assert "Toys: 100% → 95.5% (down 4.5 points)" in en
    assert "📉 Toys: 95.5% (21 of 22 packages valid) · still above 95%, but falling" in en
    zh = render_alert(decision, report, Translator("zh"))
    assert "仍高于 95%，但在下降" in zh
