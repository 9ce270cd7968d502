"""A seller's question read as a case: the facts it states and what it asks about them.

Search finds the entry whose words fit; a seller's own case ("200 packages, 12 without
tracking", "a €15 letter from DE to FR") needs its facts first, so the rules can be
applied to them (decide/). Everything here reads the normalised question (folded,
Simplified, typos fixed, Chinese numerals as digits) with plain patterns; a fact the
patterns do not find stays None, and a case without the facts a rule needs is not decided.

Each kind of fact has its module: model (the Case), reader (the case read), asked (the
form of what is asked), age, amounts, routes, package_figures, groups, rate_groups, rates
and metrics.
"""

from __future__ import annotations

from bot.domain.knowledge.case.asked import (
    NEGATING,
    NOT_EXEMPT,
    NOT_OFFERED,
    denies,
    states_a_belief,
)
from bot.domain.knowledge.case.model import Case
from bot.domain.knowledge.case.reader import CaseReader
from bot.domain.knowledge.case.routes import route
from bot.domain.knowledge.figures import Counts, more_invalid, new_invalid

__all__ = [
    "NEGATING",
    "NOT_EXEMPT",
    "NOT_OFFERED",
    "Case",
    "CaseReader",
    "Counts",
    "denies",
    "more_invalid",
    "new_invalid",
    "route",
    "states_a_belief",
]
