"""The trend chart: a real PNG of the promised size, Chinese drawn with real glyphs."""

from __future__ import annotations

import io
import warnings
from datetime import date

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties, findfont
from matplotlib.image import imread

from bot.domain.alerts import AlertUnit, decide
from bot.domain.trend import OVERALL, daily_vtr
from bot.domain.vtr import compute_report
from bot.services.chart_drawing import HEIGHT_PX, WIDTH_PX, cjk_family, font, render_trend_png
from bot.services.charts import chart_units
from bot.services.i18n import Translator
from tests.alerts.conftest import days, garden_store, rolling_store, shipment, table

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
CHINESE = "有效追踪率趋势：家居用品、玩具、未分类"


def series():
    records = [
        *(
            shipment(f"A-{d:%m%d}", d, "家居用品")
            for d in days(date(2026, 10, 1), date(2026, 11, 30))
        ),
        *(
            shipment(f"B-{d:%m%d}", d, "家居用品", tracking="")
            for d in days(date(2026, 11, 1), date(2026, 11, 5))
        ),
        *(
            shipment(f"C-{d:%m%d}", d, "Toys & Games")
            for d in days(date(2026, 10, 20), date(2026, 11, 30))
        ),
    ]
    return daily_vtr(table(records), end=date(2026, 11, 30))


def draw_title(text: str, family: list[str]) -> None:
    figure = Figure(figsize=(4, 1))
    FigureCanvasAgg(figure)
    figure.suptitle(text, fontproperties=FontProperties(family=family))
    figure.savefig(io.BytesIO(), format="png")


def test_missing_glyphs_would_be_caught() -> None:
    """The check below means something: matplotlib's own font has no Chinese and says so."""
    with pytest.warns(UserWarning, match="missing from font"):
        draw_title(CHINESE, ["DejaVu Sans"])


def test_chinese_renders_with_the_bundled_font() -> None:
    family = cjk_family()
    assert "Noto Sans CJK" in family
    path = findfont(FontProperties(family=family), fallback_to_default=False)
    assert path.endswith("NotoSansCJK-Regular.ttc")
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a "Glyph … missing from font" warning fails here
        draw_title(CHINESE + " VTR 95% ≥ –", [family, "DejaVu Sans"])
    assert font(10).get_family()[0] == family


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_trend_png(lang: str) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        png = render_trend_png(series(), ["家居用品", "Toys & Games", OVERALL], Translator(lang))
    assert png.startswith(PNG_SIGNATURE)
    assert 10_000 < len(png) < 200_000
    pixels = imread(io.BytesIO(png))
    assert pixels.shape[:2] == (HEIGHT_PX, WIDTH_PX)
    assert pixels.std() > 0.05  # not a blank canvas


def test_chart_without_data_still_renders() -> None:
    empty = daily_vtr(table([]), end=date(2026, 11, 30))
    png = render_trend_png(empty, [OVERALL, "gone"], Translator("zh"))
    assert imread(io.BytesIO(png)).shape[:2] == (HEIGHT_PX, WIDTH_PX)


def test_chart_units() -> None:
    today = date(2026, 11, 30)
    garden = compute_report(garden_store(), as_of=today)  # 97.4% but at risk
    assert chart_units(garden) == [AlertUnit("Garden")]
    assert chart_units(garden, decide(garden, None, today, today)) == [AlertUnit("Garden")]
    recovered = compute_report(rolling_store(), as_of=date(2026, 12, 3))  # Toys 21/21
    assert chart_units(recovered) == []


def test_amazons_daily_figures_become_one_dashed_line_per_marketplace() -> None:
    from bot.services.amazon.repository import PerformanceSnapshot
    from bot.services.chart_drawing import render_trend_png
    from bot.services.charts import official_series

    def snap(market_id: str, day: int, valid: int) -> PerformanceSnapshot:
        return PerformanceSnapshot(
            market_id, date(2026, 11, day), 400, valid, "BAD", valid / 400, "", ""
        )

    snapshots = [snap("ATVPDKIKX0DER", 18, 380), snap("A1PA6795UKMFR9", 18, 392),
                 snap("ATVPDKIKX0DER", 19, 376)]  # fmt: skip
    series = official_series(snapshots)
    assert series == {
        "US": [(date(2026, 11, 18), 0.95), (date(2026, 11, 19), 0.94)],
        "DE": [(date(2026, 11, 18), 0.98)],
    }
    from bot.services.i18n import translator

    t = translator("en")
    without = render_trend_png({}, [], t)
    with_official = render_trend_png({}, [], t, series)
    assert with_official.startswith(b"\x89PNG") and with_official != without


@pytest.mark.slow  # twelve charts, four of them each in a fresh thread
def test_a_chart_drawn_after_others_is_the_chart_drawn_alone() -> None:
    """Each thread reuses one figure and its axes: nothing of the previous chart (lines,
    legend, the "no shipments" text, tick count, y range) may remain on the next."""
    import concurrent.futures

    data, zh, en = series(), Translator("zh"), Translator("en")
    empty = {OVERALL: [(d, None) for d, _ in data[OVERALL]]}
    charts = [
        (data, ["家居用品", "Toys & Games", OVERALL], zh, {"US": data[OVERALL]}),
        (empty, [OVERALL], en, None),  # no line: a text in the middle instead
        (data, ["Toys & Games"], en, None),  # all at 100%: 90-100% with 5-point ticks
        (data, ["家居用品"], zh, None),  # a dip: 1-point ticks
    ]

    def alone(chart) -> bytes:  # type: ignore[no-untyped-def]
        with concurrent.futures.ThreadPoolExecutor(max_workers=1) as fresh:
            return fresh.submit(render_trend_png, *chart).result()

    in_turn = [render_trend_png(*chart) for chart in charts * 2]
    assert in_turn == [alone(chart) for chart in charts] * 2
    assert len(set(in_turn)) == len(charts)


def test_lines_are_labelled_with_a_rate_that_tells_its_side_and_partial_windows_marked() -> None:
    from bot.services.chart_drawing import _line_label, category_line
    from bot.services.charts import full_windows_from

    t = Translator("en")
    points = [(date(2026, 11, 29), 0.95), (date(2026, 11, 30), 210 / 221), (date(2026, 12, 1), None)]  # fmt: skip
    assert _line_label(t, "Toys", points, category_line) == "Toys · 95.02%"
    assert _line_label(t, OVERALL, points[:1], category_line) == "All categories · 95.0%"
    # The first counted shipment is on 11-02 (the FBA one never counts): from 12-01 on,
    # every window of 30 days lies inside the data.
    assert full_windows_from(rolling_store()) == date(2026, 12, 1)


def test_the_trend_groups_by_any_dimension_and_draws_its_lines() -> None:
    """Per-marketplace lines from the same data: the grouping is a parameter, not categories."""
    from bot.services.chart_drawing import render_trend_png

    end = date(2026, 11, 30)
    records = [
        *(shipment(f"D{i}", end, category="Toys") for i in range(9)),
        shipment("D-bad", end, category="Toys", tracking=""),
        *(shipment(f"U{i}", end, category="Toys") for i in range(4)),
    ]
    records = [
        r.model_copy(update={"marketplace": "DE" if r.order_id.startswith("D") else "US"})
        for r in records
    ]
    by_market = daily_vtr(table(records), end, days=1, by="marketplace")
    # DE: 9 valid of 10 (one without tracking); US: 4 of 4; the account: 13 of 14.
    assert by_market == {
        OVERALL: [(end, 13 / 14)],
        "DE": [(end, 9 / 10)],
        "US": [(end, 1.0)],
    }
    png = render_trend_png(by_market, ["DE", "US"], Translator("en"), label=lambda t, key: key)
    assert png.startswith(PNG_SIGNATURE)
