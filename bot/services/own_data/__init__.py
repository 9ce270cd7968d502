"""Questions about the chat's own shipments, answered from its last report.

"我的玩具类目现在多少？", "which category is at risk?", "how many packages do I still need to
fix?", "when will Toys be back above 95%?": the figures are the ones /vtr shows (the stored
report, its groups, plan and recovery dates), worded with the report's own lines. The
decision comes first: the group's verdict, the fixes, or the date.

The package, by what each part answers (each module's docstring says why it stands apart):
`reading` reads what the question asks; `groups` finds the groups it names; `wording` holds
the sentences the families share; `figures`, `fixes`, `what_if`, `defects`, `exclusions`,
`japan` and `shops` are the families of answers; `answer` puts one together; `phrases` holds
the words several readings share.
"""

from bot.services.own_data.answer import own_data_text
from bot.services.own_data.japan import asks_small_jp_orders
from bot.services.own_data.reading import asks_about_own_data, asks_not_counted, tracking_tokens

__all__ = [
    "asks_about_own_data",
    "asks_not_counted",
    "asks_small_jp_orders",
    "own_data_text",
    "tracking_tokens",
]
