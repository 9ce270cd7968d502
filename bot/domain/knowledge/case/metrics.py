"""Each metric named with its own rate or window after it, in the order written."""

from __future__ import annotations

from dataclasses import dataclass

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


_ALIKE = lazy(
    r"一样|都是|都按|都看|都用|都算|都统计|全都|相同|\bboth\b|\ball\b|\beach\b|\bevery\b|"
    r"just like|\blike\b|same as|as well|\btoo\b"
)


def read_stated_windows(
    text: str, named: list[tuple[int, str]], contrasts: tuple[Contrast, ...] = ()
) -> tuple[tuple[str, int], ...]:
    """The days a question says metrics are measured over: each figure given to the metric
    named last before it (its subject), or to the first one named; said to be alike, every
    metric named gets it. A figure in a clause that sets another metric against the subject
    ("not 60 like ODR", "不像ODR那样看60天") is that metric's; the subject's come first."""
    subject = [(at, m) for at, m in named if not _inside(at, contrasts)] or named
    alike = _ALIKE.search(without_contrasts(text, contrasts))
    pairs: list[tuple[str, int]] = []
    set_against: list[tuple[str, int]] = []
    for days in _WINDOW_DAYS.finditer(text):
        if not named:
            break
        against = next((c.metric for c in contrasts if c.start <= days.start() < c.end), None)
        if against is not None:
            set_against.append((against, int(days.group(1))))
            continue
        before = [metric for at, metric in subject if at < days.start()]
        if alike and len({m for _, m in named}) > 1:
            pairs += [(metric, int(days.group(1))) for metric in dict.fromkeys(m for _, m in named)]
        else:
            pairs.append((before[-1] if before else subject[0][1], int(days.group(1))))
    return tuple(dict.fromkeys(pairs + set_against))


@dataclass(frozen=True, slots=True)
class Contrast:
    """A clause setting another metric against the one a belief is about, where it is in
    the text and the metric it names."""

    start: int
    end: int
    metric: str


_CONTRAST = lazy(
    # "VTR is 30 days, not 60 like ODR", "above 95%, not under 1% like ODR": the figure
    # denied of the subject is the other metric's.
    r"\b(?:not|isn't|rather than|instead of)\s(?:the\s)?"
    r"(?:(?:under|below|above|over|less than|more than)\s)?\d{1,3}(?:\.\d+)?\s?%?(?:\s?-?\s?days?)?"
    r"\s(?:like|as (?:with|for|in|does))\s(?:[^,.;?!—–]|\.(?=\d))+|"
    r"\b(?:unlike|whereas|compared to|as opposed to)\s(?:[^,.;?!—–]|\.(?=\d))+|"
    r"不(?:是)?像(?:[^，,。？?；;！!]|\.(?=\d))+|"
    r"(?:跟|和|与|同)[^，,。？?；;！!]{1,12}不(?:一样|同)|"
    r"(?:而)?不是像(?:[^，,。？?；;！!]|\.(?=\d))+"
)


def read_contrasts(text: str, named: list[tuple[int, str]]) -> tuple[Contrast, ...]:
    """The clauses that set another metric against the belief's ("unlike LSR's 10 days",
    "跟ODR不一样"), each with the metric named in it; none unless a metric is named outside
    them too, which is the one the belief is about."""
    found: list[Contrast] = []
    for clause in _CONTRAST.finditer(text):
        inside = [m for at, m in named if clause.start() <= at < clause.end()]
        if inside:
            found.append(Contrast(clause.start(), clause.end(), inside[0]))
    outside = {m for at, m in named if not _inside(at, tuple(found))}
    return tuple(c for c in found if c.metric not in outside) if outside else ()


def without_contrasts(text: str, contrasts: tuple[Contrast, ...]) -> str:
    """The text with the contrasting clauses blanked (same length, same places): what is
    said of the subject alone."""
    for c in contrasts:
        text = text[: c.start] + " " * (c.end - c.start) + text[c.end :]
    return text


def _inside(at: int, contrasts: tuple[Contrast, ...]) -> bool:
    return any(c.start <= at < c.end for c in contrasts)


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
