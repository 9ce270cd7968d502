"""A decision on a seller's case (bot/domain/knowledge/decide/) worded for the reader.

The decision comes first in the answer: a seller who reads one line reads the verdict on
their own case. A belief ("…对吗？", "right?") gets "Right"/"Not quite" before it, a yes/no
question in English "Yes —"/"No —"; only a rule evaluated on the question's facts gives it.

Each family of decisions has its module: counts and count_parts (a window's figures worked
out), unclear (figures that do not decide), rates, metrics, packages, routes and
marketplaces; table maps every decision code to its wording, lead puts the verdict first,
and wording holds the tools they share.
"""

from __future__ import annotations

from bot.services.decision_text.lead import decision_lead
from bot.services.decision_text.table import WORDINGS
from bot.services.decision_text.wording import Wording

__all__ = ["WORDINGS", "Wording", "decision_lead"]
