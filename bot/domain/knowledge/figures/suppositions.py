"""What a message states or supposes beside its counts, read on its own.

A limit the seller states for a total ("at most 9 without tracking"), more packages
supposed invalid or new ones supposed shipped: the decisions ask for these by name.
"""

from __future__ import annotations

from bot.domain.knowledge.figures.assign import HYPOTHETICAL, NEW_SHIPPED, assign_roles
from bot.domain.knowledge.figures.read import ASKED
from bot.domain.knowledge.figures.roles import (
    INVALID_WORDS,
    ROLE_WORDS_BY,
    find_figures,
    role_words,
)
from bot.domain.knowledge.figures.spelled import spell_digits
from bot.domain.knowledge.patterns import CLAUSE, lazy

_MOST = lazy(
    r"(?:at most|up to|no more than|max(?:imum)?(?: of)?(?: invalid| bad| untracked)?(?: is| are)?|"
    r"最多(?:只能|只)?(?:有|能有|可以有|允许)?|至多|不能超过|不超过)\s*(\d{1,7})"
)
_LEAST = lazy(
    r"(?:at least|minimum(?: of)?|no fewer than|至少(?:要|得|需要)?(?:有)?|最少(?:要|得)?(?:有)?)\s*(\d{1,7})"
)


def stated_limit(text: str) -> tuple[str, int] | None:
    """A limit the seller states for a total ("at most 9 without tracking", "至少要96个有效",
    "max invalid is 15"): ("invalid", 9) for the most invalid, ("valid", 96) for the fewest
    valid; None when none is stated."""
    text = spell_digits(text)
    most, least = _MOST.search(text), _LEAST.search(text)
    if most and not least:
        clause = CLAUSE.split(text[most.start() :], 1)[0]
        valid = ROLE_WORDS_BY["valid"].search(clause) and not INVALID_WORDS.search(clause)
        return ("valid" if valid else "invalid", int(most.group(1)))
    if least and not most:
        clause = CLAUSE.split(text[least.start() :], 1)[0]
        return ("invalid" if INVALID_WORDS.search(clause) else "valid", int(least.group(1)))
    return None


def more_invalid(text: str) -> int | None:
    """ "what if 1 more turns invalid?", "再有2个无效": the packages supposed to turn invalid."""
    text = ASKED.sub(lambda m: " " * len(m.group()), spell_digits(text))
    return assign_roles(find_figures(text, role_words(text))).get("more_invalid")


def new_invalid(text: str) -> int | None:
    """ "再来一单无效", "if 2 more go out untracked": new packages supposed shipped invalid,
    added to the window (both sides' total, never the valid ones)."""
    text = ASKED.sub(lambda m: " " * len(m.group()), spell_digits(text))
    return assign_roles(find_figures(text, role_words(text))).get("new_invalid")


def supposes_new_packages(text: str) -> bool:
    """The text supposes new packages shipped ("if we send 250 more"), not a group told."""
    return bool(NEW_SHIPPED.search(text) and HYPOTHETICAL.search(text))
