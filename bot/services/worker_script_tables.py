"""The Traditional → Simplified tables loaded in the server the analysis workers are forked
from.

Imported by that server (`isolation._PRELOAD`): every analysis folds its aliases and a
file's values through `chinese_script.to_simplified`, whose converter loads OpenCC's
dictionaries. Loaded once there, each forked worker shares those pages instead of loading
its own copy for every upload. Loading them is this module's whole point; the bot's own
process never imports it."""

from bot.domain.chinese_script import to_simplified

to_simplified("繁體")  # the converter is built on its first use
