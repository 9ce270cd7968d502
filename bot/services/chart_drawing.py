"""Drawing the VTR trend chart: lines of daily VTR over 30 days, with the 95% bar. No
store, no Amazon, no Telegram: `bot.services.charts` decides what to draw and draws it here.

- `render_trend_png(series, keys, t, official=None, full_from=None, label=category_line)`
  → PNG bytes: `series` from `bot.domain.trend.daily_vtr` (by category, marketplace or
  carrier), `keys` the lines to draw (at most `MAX_LINES`), `label` what each line is called
  in the legend, `official` Amazon's own daily figures (dashed), `full_from` the first day
  whose window lies wholly inside the data (earlier points are hollow).

Rendering is thread-safe and leaves matplotlib's global state alone: each thread draws on
its own `matplotlib.figure.Figure` with an Agg canvas (no pyplot), reused from chart to
chart, and every text gets its font explicitly instead of through rcParams. Chinese is drawn
with Noto Sans CJK, shipped by the `noto-cjk-sans-otc` wheel (OFL) and registered once with
matplotlib's font manager on first use, so category names, dates and titles never render as
boxes whatever fonts the machine has.
"""

from __future__ import annotations

import io
import math
import threading
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from functools import cache

import matplotlib
import PIL.Image
from babel.dates import format_skeleton
from matplotlib import font_manager
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties

from bot.domain.bar import THRESHOLD
from bot.domain.trend import OVERALL, Series
from bot.services.charts import MAX_LINES
from bot.services.i18n import Translator
from bot.services.vtr_words import category_label, rate_percent

# The figures below draw on their own FigureCanvasAgg; this only keeps anything that
# might import pyplot later in the process off display backends, which a server lacks.
matplotlib.use("Agg")

WIDTH_PX, HEIGHT_PX, DPI = 1000, 560, 100
CJK_FAMILY = "Noto Sans CJK SC"
"""Simplified-Chinese face of the Noto CJK collection; it has Latin glyphs too."""
FALLBACK_FAMILY = "DejaVu Sans"
"""matplotlib's own font, for any symbol the CJK font lacks."""
MAX_OFFICIAL_LINES = 3
"""Amazon's own dashed lines, one a marketplace: more than this is unreadable."""
_COLORS = ("#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#7f7f7f")
_BAR_COLOR = "#d62728"
_font_lock = threading.Lock()


@cache
def cjk_family() -> str:
    """Register the bundled Noto Sans CJK collection with matplotlib once; its family name.

    The Simplified-Chinese face when matplotlib lists every face of the .ttc; otherwise
    whichever face it took (all of them carry the full CJK ideograph set)."""
    import noto_cjk_sans_otc

    path = str(noto_cjk_sans_otc.FONT_PATH)
    with _font_lock:
        manager = font_manager.fontManager
        if not any(f.fname == path for f in manager.ttflist):
            manager.addfont(path)
        names = [f.name for f in manager.ttflist if f.fname == path]
    return CJK_FAMILY if CJK_FAMILY in names else names[0]


def font(size: float) -> FontProperties:
    """The chart font: Noto Sans CJK, with DejaVu Sans as the per-glyph fallback."""
    return FontProperties(family=[cjk_family(), FALLBACK_FAMILY], size=size)


LineLabel = Callable[[Translator, str], str]
"""What a line is called in the legend, from its key in the series."""


def category_line(t: Translator, key: str) -> str:
    """A category's line: its name ("Uncategorized" translated), or the whole account."""
    return t._("All categories") if key == OVERALL else category_label(t, key)


def render_trend_png(
    series: dict[str, Series],
    keys: list[str],
    t: Translator,
    official: dict[str, Series] | None = None,
    full_from: date | None = None,
    label: LineLabel = category_line,
) -> bytes:
    """`full_from`: the first day whose window is all inside the data (full_windows_from)."""
    drawn = [key for key in keys if key in series][:MAX_LINES]
    figure, axes = _blank_axes()
    values = _draw_lines(axes, series, drawn, t, full_from, label)
    values += _draw_official(axes, official or {}, t)
    bar = THRESHOLD * 100
    axes.axhline(
        bar, color=_BAR_COLOR, linestyle="--", linewidth=1.5, label=t._("Amazon's bar: above 95%")
    )
    _name_hollow_points(axes, t)
    _axes_layout(axes, _days(series, drawn), values, bar, t)
    if not values:
        axes.text(
            0.5,
            0.5,
            t._("No self-fulfilled shipments in these days"),
            transform=axes.transAxes,
            ha="center",
            va="center",
            fontproperties=font(14),
            color="#555555",
        )
    if _others_left_out(series, drawn):
        axes.text(
            1.01,
            0.0,
            t._("Categories not drawn are above the bar and not at risk."),
            transform=axes.transAxes,
            ha="left",
            va="bottom",
            wrap=True,
            fontproperties=font(9),
            color="#555555",
        )
    # Outside the plot, on the right: inside, it hid the lines it names.
    axes.legend(prop=font(10), loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False)
    figure.subplots_adjust(left=0.08, right=0.76, top=0.9, bottom=0.1)
    return _png(figure)


_canvases = threading.local()


def _blank_axes() -> tuple[Figure, Axes]:
    """This thread's figure and axes, emptied of the last chart's lines, texts and legend.

    Reused rather than made anew: the canvas keeps one renderer, and matplotlib caches text
    measurements per renderer, so the tick labels, title and legend every chart shares are
    measured once per thread; and the axes keep their tick artists, the costliest part of
    building a chart. Everything else a chart shows (limits, ticks, labels, title) is set
    by every chart, so nothing of the previous one remains."""
    reused: tuple[Figure, Axes] | None = getattr(_canvases, "reused", None)
    if reused is None:
        figure = Figure(figsize=(WIDTH_PX / DPI, HEIGHT_PX / DPI), dpi=DPI)
        FigureCanvasAgg(figure)
        reused = _canvases.reused = (figure, figure.add_subplot())
    axes = reused[1]
    for artist in [*axes.lines, *axes.texts]:
        artist.remove()
    if axes.legend_ is not None:
        axes.legend_.remove()
    return reused


def _png(figure: Figure) -> bytes:
    """The figure as an RGB PNG at zlib level 1 (the figure is opaque, so no alpha): far
    less CPU than RGBA at the default level 6, for a file a few KB larger (docs/performance.md)."""
    canvas = figure.canvas
    assert isinstance(canvas, FigureCanvasAgg)
    canvas.draw()
    image = PIL.Image.frombuffer("RGBA", canvas.get_width_height(), canvas.buffer_rgba())
    buffer = io.BytesIO()
    image.convert("RGB").save(buffer, format="png", compress_level=1)
    return buffer.getvalue()


def _others_left_out(series: dict[str, Series], drawn: list[str]) -> bool:
    """Categories with data that the chart leaves out (they need no attention)."""
    return any(name != OVERALL and name not in drawn for name in series) and drawn != [OVERALL]


def _draw_lines(
    axes: Axes,
    series: dict[str, Series],
    drawn: list[str],
    t: Translator,
    full_from: date | None,
    label: LineLabel,
) -> list[float]:
    """One line per drawn key, labelled with its latest VTR; points whose window reaches
    before the data are hollow. The percentages drawn, for the axis range."""
    values: list[float] = []
    for index, name in enumerate(drawn):
        points = series[name]
        ys = [math.nan if v is None else v * 100 for _, v in points]
        values += [y for y in ys if not math.isnan(y)]
        color = _COLORS[index % len(_COLORS)]
        axes.plot([d for d, _ in points], ys, color=color, linewidth=2.2, marker="o", markersize=3, label=_line_label(t, name, points, label))  # type: ignore[arg-type]  # fmt: skip  # dates: converted by matplotlib's units, not in its stubs
        partial = [(d, y) for (d, _), y in zip(points, ys, strict=True) if full_from and d < full_from]  # fmt: skip
        if partial:  # named once in the legend, after the bar (_name_hollow_points)
            axes.plot(*zip(*partial, strict=True), linestyle="none", marker="o", markersize=6, markerfacecolor="white", markeredgecolor=color, label="_partial")  # fmt: skip
    return values


def _name_hollow_points(axes: Axes, t: Translator) -> None:
    """A legend entry for the hollow points, when some were drawn."""
    if any(line.get_label() == "_partial" for line in axes.lines):
        axes.plot([], [], linestyle="none", marker="o", markersize=6, markerfacecolor="white", markeredgecolor="#555555", label=t._("< 30 days of data"))  # fmt: skip


def _line_label(t: Translator, name: str, points: Series, line: LineLabel) -> str:
    """The key's name and its latest VTR (with the decimals that tell its side of the bar)."""
    label = literal(line(t, name))
    latest = next((v for _, v in reversed(points) if v is not None), None)
    return label if latest is None else f"{label} · {rate_percent(t, latest)}"


def _draw_official(axes: Axes, official: dict[str, Series], t: Translator) -> list[float]:
    """Amazon's own figure per marketplace, dashed: it keys on the promised delivery date
    and lags about two weeks, so it is drawn beside the bot's lines, not instead of them."""
    values: list[float] = []
    for index, (market, points) in enumerate(sorted(official.items())[:MAX_OFFICIAL_LINES]):
        ys = [math.nan if v is None else v * 100 for _, v in points]
        values += [y for y in ys if not math.isnan(y)]
        label = t._("Amazon's figure, {marketplace}", marketplace=literal(market))
        color = _COLORS[(len(_COLORS) - 1 - index) % len(_COLORS)]
        axes.plot([d for d, _ in points], ys, color=color, linewidth=1.8, linestyle=":", marker="s", markersize=3, label=label)  # type: ignore[arg-type]  # fmt: skip  # dates: converted by matplotlib's units, not in its stubs
    return values


def literal(text: str) -> str:
    """Text matplotlib draws as it is: a `$` would start mathtext ("Sale $10%-$20%"
    fails to parse, and with it /chart and that chat's daily alert)."""
    return text.replace("$", r"\$")


def _days(series: dict[str, Series], drawn: list[str]) -> list[date]:
    for name in [*drawn, OVERALL, *series]:
        if series.get(name):
            return [d for d, _ in series[name]]
    today = date.today()
    return [today - timedelta(days=29 - i) for i in range(30)]


def _axes_layout(
    axes: Axes, days: list[date], values: list[float], bar: float, t: Translator
) -> None:
    axes.set_title(
        t._("Valid Tracking Rate, {start} – {end}", start=t.date(days[0]), end=t.date(days[-1])),
        fontproperties=font(15),
    )
    axes.set_ylabel(t._("VTR of the 30 days up to each day"), fontproperties=font(11))
    axes.grid(True, color="#dddddd", linewidth=0.8)
    axes.set_axisbelow(True)
    # y: from a little under the lowest point (never above 90%) to 100%, 5- or 1-point ticks.
    low = min([*values, 90.0])
    floor = max(0.0, math.floor((low - 1) / 5) * 5)
    axes.set_ylim(floor, 100.5)
    step = 1 if 100 - floor <= 10 else (5 if 100 - floor <= 40 else 10)
    ticks = [floor + i * step for i in range(int((100 - floor) / step) + 1)]
    axes.set_yticks(
        ticks, labels=[t.percent(y / 100, decimals=0) for y in ticks], fontproperties=font(10)
    )
    # x: one tick every few days, dates written the chat's way ("Nov 20" / "11月20日").
    every = max(1, math.ceil(len(days) / 8))
    shown = days[::-1][::every][::-1]
    margin = timedelta(hours=18)  # half a day each side, so end points are not cut in two
    axes.set_xlim(_midnight(days[0]) - margin, _midnight(days[-1]) + margin)  # type: ignore[arg-type]  # dates: converted by matplotlib's units, not in its stubs
    axes.set_xticks(
        shown,  # type: ignore[arg-type]  # dates: converted by matplotlib's units, not in its stubs
        labels=[format_skeleton("MMMd", d, locale=t.locale) for d in shown],
        fontproperties=font(10),
    )


def _midnight(day: date) -> datetime:
    return datetime.combine(day, time())
