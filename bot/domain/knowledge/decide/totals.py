"""A total of packages and what it may hold: the fewest valid, the most invalid.

"Out of 100, how many may lack tracking?" asked, or a limit the seller states for a total
checked; and one package figure alone, which cannot be decided ("I shipped 200, ok?").
"""

from __future__ import annotations

from bot.domain.bar import fixes_needed
from bot.domain.knowledge.case import Case
from bot.domain.knowledge.decide.counts import volume_told
from bot.domain.knowledge.decide.verdict import ASKS_PASS
from bot.domain.knowledge.figures import WINDOW_DAYS, stated_limit
from bot.domain.knowledge.patterns import lazy
from bot.domain.knowledge.schema import Decision, Fact

_MOST = lazy(
    r"\bmax(?:imum)?\b|\bmin(?:imum)?\b|at most|most|最多|至多|最少|至少|at least|\bfewest\b"
)
_ALLOWANCE = lazy(
    r"最多|至少|最少|允许|可以有|能有|还能|at most|at least|can (?:i |we )?have|allowed|\bmax(?:imum)?\b|"
    r"can (?:go|be|lack|miss|skip)|可以没有|能没有|可以不|"
    r"do i need|need to have|still pass|and still|to pass|minimum|must (?:have|be|carry)|"
    r"needs? (?:valid|tracking|to (?:have|be|carry))|have to (?:have|be)|required|"
    r"(?:需要|必须|得|要)有(?:几|多少)?[个单件]?有?(?:效|追踪|单号)|(?:几|多少)[个单件]?有效(?:才|就)"
)


_LIMIT_TALK = lazy(
    r"\b(?:need|needs|must|can|could|allowed|allow|afford|max|maximum|limit)\b|允许|只能|能有|可以有|"
    r"保持|才能|才可以|需要|必须|得有|要有|\bstay\b|\bkeep\b"
)
"""Words that make a stated "at most / at least" a limit to check, not a count told."""


def _fewest_valid(total: int) -> dict[str, Fact]:
    """Of a total, the fewest valid packages that keep VTR above 95% (the bar's fewest fixes
    from none) and so the most that may be invalid."""
    fewest_valid = fixes_needed(total, 0)
    return {"shipments": total, "valid": fewest_valid, "invalid": total - fewest_valid}


def stated_allowance(case: Case) -> Decision | None:
    """ "200单最多只能有9单没追踪，对吧", "we need at least 96 of 100 valid, yes?": a limit
    the seller states for a total, checked against the fewest valid that keep VTR above 95%
    (the bar's fewest fixes from none)."""
    reading = case.reading
    limit = stated_limit(case.text)
    if reading is None or limit is None or reading.then is not None:
        return None
    total = reading.roles.get("total")
    told = set(reading.roles) - {"total", "daily", "valid", "invalid", "unsure"}
    if total is None or told or case.metric not in (None, "vtr"):
        return None
    if not _LIMIT_TALK.search(case.text):
        return None
    facts = _fewest_valid(total)
    kind, stated = limit
    agrees = stated == facts["valid" if kind == "valid" else "invalid"]
    return Decision(code="allowance", facts=facts, agrees=agrees, entry="vtr-threshold")


def allowance(case: Case) -> Decision | None:
    """ "我要发100单，最多可以有几单没有追踪号", "how many valid do I need out of 120": of a
    total, the fewest valid (and so the most invalid) packages that keep VTR above 95%."""
    roles = case.reading.roles if case.reading else {}
    told = set(roles) - {"daily"}
    total = case.total
    if told == set() and roles.get("daily"):
        total = roles["daily"] * WINDOW_DAYS  # "we ship about 25 a day": the window's total
    elif told != {"total"}:
        return None
    if case.counts is not None or total is None:
        return None
    asked = case.how_many or _MOST.search(case.text)
    if not asked or case.metric not in (None, "vtr") or not _ALLOWANCE.search(case.text):
        return None
    facts = _fewest_valid(total)
    facts.update(volume_told(case, total))
    return Decision(code="allowance", facts=facts, entry="vtr-threshold")


def needs_figures(case: Case) -> Decision | None:
    """ "I shipped 200 packages, am I ok?": one figure cannot be decided; say which two are
    needed rather than guess."""
    if case.counts is not None or case.rate is not None or not case.one_figure:
        return None
    if case.metric not in (None, "vtr") or not ASKS_PASS.search(case.text):
        return None
    fixes_told = case.reading is not None and "to_fix" in case.reading.roles
    if not case.concepts & {"vtr", "trackingid"} and not fixes_told:
        return None  # "再修3个能到95%以上吗": fixes supposed of figures not told
    return Decision(code="needs_figures", entry="vtr-formula")
