"""A file can multiply groups, not messages: 50,000 categories give a report of a few
messages, each within Telegram's 4,096 characters, and an alert of one."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from bot.domain.alerts import decide
from bot.domain.engine import analyse_file
from bot.domain.models import VtrReport
from bot.services.alert_text import render_alert
from bot.services.i18n import Translator
from bot.services.report_text import render_report
from bot.services.text_split import TELEGRAM_LIMIT, split_html, units
from tests.engine.conftest import UPS_OK

AS_OF = date(2026, 11, 20)
CATEGORIES = 50_000


def many_categories(path: Path) -> Path:
    """50,000 categories with long names (60 characters, `<` included to be escaped), each
    with 2 UPS packages shipped 11-20, every third category with one of them untracked;
    and 300 packages of category "Misc" under 300 carrier names nobody knows."""
    lines = ["order-id,ship-date,carrier-code,tracking-number,product-category,sales-channel"]
    for i in range(CATEGORIES):
        name = f"Category <{i:06d}> " + "x" * 44
        tracking = "" if i % 3 == 0 else UPS_OK
        lines.append(f"A{i},2026-11-20,UPS,{tracking},{name},Amazon.com")
        lines.append(f"B{i},2026-11-20,UPS,{UPS_OK},{name},Amazon.co.uk")
    lines += [f"C{k},2026-11-20,Carrier {k},{UPS_OK},Misc,Amazon.com" for k in range(300)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> VtrReport:
    """The file analysed once for both languages' tests: the analysis has no language, and
    it is most of each test's time. The tests only read it."""
    report, _ = analyse_file(
        many_categories(tmp_path_factory.mktemp("many") / "many.csv"), as_of=AS_OF
    )
    return report


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_fifty_thousand_categories_make_a_few_messages(report: VtrReport, lang: str) -> None:
    assert len(report.by_category) == CATEGORIES + 1
    assert len(report.by_carrier) == 301
    below = sum(s.below_threshold for s in report.by_category)
    assert below == len(range(0, CATEGORIES, 3)) + 1  # 1 of 2 valid: 50%; Misc at 0%
    # Per marketplace (US and UK each hold one package of every category; Misc is US only),
    # the same categories fail, each on the US alone: 0 of 1 valid.
    assert len(report.by_category_marketplace) == 2 * CATEGORIES + 1
    cells_below = [s for s in report.by_category_marketplace if s.below_threshold]
    assert len(cells_below) == below and {s.marketplace for s in cells_below} == {"US"}
    assert len([g for g in report.plan if g.scope == "category"]) == below
    t = Translator(lang)  # type: ignore[arg-type]
    messages = split_html(render_report(report, t, html=True))
    assert len(messages) <= 4
    assert all(units(m) <= TELEGRAM_LIMIT for m in messages)
    if lang == "en":
        text = "".join(messages)
        assert f"…and {2 * CATEGORIES + 1 - 12:,} more: every group with a defect is in" in text
        assert "…and 293 more: every group with a defect" in text  # carriers
    decision = decide(report, None, AS_OF, AS_OF)
    alert = split_html(render_alert(decision, report, t, html=True))
    assert len(alert) == 1
