"""Each metric named with its own rate or window after it, in the order written."""

from __future__ import annotations

from bot.domain.knowledge.patterns import lazy

_RATE_AFTER_METRIC = lazy(r"[^\d%,，;；。?？]{0,14}?(\d{1,3}(?:\.\d+)?)\s?%")


def read_metric_rates(text: str, named: list[tuple[int, str]]) -> tuple[tuple[str, float], ...]:
    """ "OTDR 91%, VTR 96%, LSR 4.5%", "迟发率5%，取消率2%": each metric with the percentage
    written right after its name (before the next metric's), when at least two are."""
    pairs: list[tuple[str, float]] = []
    for i, (at, metric) in enumerate(named):
        end = named[i + 1][0] if i + 1 < len(named) else len(text)
        found = _RATE_AFTER_METRIC.match(text, _metric_end(text, at), end)
        if found and metric not in dict(pairs):
            pairs.append((metric, float(found.group(1))))
    return tuple(pairs) if len(pairs) >= 2 else ()


_WINDOW_DAYS = lazy(r"(?<![\d.])(\d{1,3})\s?-?\s?(?:天|日|days?)(?!\s?(?:前|之前|以前|ago))")


_ALIKE = lazy(r"一样|都是|都按|都看|相同|\bboth\b|just like|\blike\b|same as|as well|\btoo\b")


def read_stated_windows(text: str, named: list[tuple[int, str]]) -> tuple[tuple[str, int], ...]:
    """The days a question says metrics are measured over: each figure given to the metric
    named last before it (its subject), or to the first one named; said to be alike, every
    metric named gets it."""
    pairs: list[tuple[str, int]] = []
    for days in _WINDOW_DAYS.finditer(text):
        if not named:
            break
        before = [metric for at, metric in named if at < days.start()]
        if _ALIKE.search(text) and len({m for _, m in named}) > 1:
            pairs += [(metric, int(days.group(1))) for metric in dict.fromkeys(m for _, m in named)]
        else:
            pairs.append((before[-1] if before else named[0][1], int(days.group(1))))
    return tuple(dict.fromkeys(pairs))


def _metric_end(text: str, at: int) -> int:
    """Where the metric's name that starts at `at` ends (its letters or Han characters)."""
    end = at
    while end < len(text) and (text[end].isalpha() or "\u4e00" <= text[end] <= "\u9fff"):
        end += 1
    # A name spelled out ("late shipment rate", "valid tracking rate"): its further words.
    while (more := _NAME_WORD.match(text, end)) is not None:
        end = more.end()
    return end


_NAME_WORD = lazy(
    r"[\s-](?:shipments?|rate|tracking|defect|delivery|time|cancel(?:lation)?|fulfil{1,2}ment|order)(?![a-z])"
)
"""The further words of a metric's name spelled out."""
