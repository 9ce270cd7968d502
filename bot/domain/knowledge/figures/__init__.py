"""A seller's package figures, each read for the role the words around it give it.

"garden: shipped 88 orders, 84 had valid tracking", "480个包裹里有31个无效，其中12个在签收前改好了",
"150 valid of 160, if I fix 3 of the bad ones": every number of a message gets one role
(shipped, valid, invalid, fixed before delivery, a hypothetical fix or more invalid, a
daily volume) from the role words in its own clause, a word between two numbers going to
the one it fits best; then the roles are checked against each other (valid ≤ shipped,
valid + invalid = shipped, fixes ≤ invalid). Figures whose roles do not fit together are
`unclear`: the bot asks rather than working out a confident wrong figure. Everything here
reads the normalised question (folded, Simplified, Chinese numerals as digits).

Each step of the reading has its module (`read` runs them in order): `spelled` (numbers in
words as digits), `numbers` (which numbers are counts), `roles` (role words and each
figure's candidates), `assign` (the role each figure gets), `left_out` (packages out of the
counts), `counts` (the roles worked into the window's counts), `suppositions` (a limit,
more invalid or new packages, asked on their own).
"""

from bot.domain.knowledge.figures.counts import BAR_PERCENT, WINDOW_DAYS, Counts, Reading, counts_at
from bot.domain.knowledge.figures.left_out import without_exempt
from bot.domain.knowledge.figures.read import read_figures
from bot.domain.knowledge.figures.roles import ROLE_WORDS
from bot.domain.knowledge.figures.spelled import spell_digits
from bot.domain.knowledge.figures.suppositions import (
    more_invalid,
    new_invalid,
    stated_limit,
    supposes_new_packages,
)

__all__ = [
    "BAR_PERCENT",
    "ROLE_WORDS",
    "WINDOW_DAYS",
    "Counts",
    "Reading",
    "counts_at",
    "more_invalid",
    "new_invalid",
    "read_figures",
    "spell_digits",
    "stated_limit",
    "supposes_new_packages",
    "without_exempt",
]
