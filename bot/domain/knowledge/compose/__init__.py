"""From what the search found and the entities named, the answer a seller reads.

The search ranks entries by words; this step applies what the question's entities and
form say: a carrier named gets that carrier's facts, a marketplace named gets a direct
yes/no from the registry before the entry, and a question from a neighbouring field is
refused even when it shares our words.

Each part has its module: found (what the search concluded), yes_no (the form of what is
asked), vague and announced (messages that name no subject yet), fields (another field's
questions), beliefs (the claims table's word), restriction (a restriction asked beside a
rate), carriers and places (a carrier or marketplace named), silent (holidays, new
sellers), named (the entry the words name), state (what every step reads) and composer
(the answer put together).
"""

from __future__ import annotations

from bot.domain.knowledge.compose.announced import announced_subject
from bot.domain.knowledge.compose.beliefs import FIGURE_CODES
from bot.domain.knowledge.compose.composer import Composer
from bot.domain.knowledge.compose.found import Found
from bot.domain.knowledge.compose.silent import SILENT_ENTRIES
from bot.domain.knowledge.compose.vague import VAGUE_TOPICS
from bot.domain.knowledge.compose.yes_no import is_yes_no

__all__ = [
    "FIGURE_CODES",
    "SILENT_ENTRIES",
    "VAGUE_TOPICS",
    "Composer",
    "Found",
    "announced_subject",
    "is_yes_no",
]
