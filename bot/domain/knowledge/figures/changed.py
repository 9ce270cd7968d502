"""A window's figures told as a change ("went from 60/62 to 59/62", "从60/62变成59/62"):
the figure it changed to is the window as it is now, the one a verdict is on; the figure
it changed from is history, neither a second group ("from", "to") nor a total of its own.
"""

from __future__ import annotations

import re

from bot.domain.knowledge.patterns import lazy

_FIGURE = r"(\d{1,7})(?:\s*/\s*(\d{1,7}))?"
"""A count, with its total after a slash when written as a pair ("60/62")."""

_CHANGE = lazy(
    r"(?:\bfrom|从|由)\s*(?:有效\s*)?" + _FIGURE + r"\s*(?:个|单|件)?\s*(?:valid\b|有效)?\s*"
    r"(?:(?:(?:down|up|back|all the way)\s+)?\bto\b:?|->|→|"
    r"(?:变成了?|变为|变到|降到|降为|降至|掉到|跌到|跌至|升到|涨到|回到|到))\s*" + _FIGURE
)

_WHY_AFTER = lazy(
    r"\s*(?:[,，]\s*)?(?:\b(?:after|because(?: of)?|since|when|once|as|due to)\b|因为|由于)"
    r"[^,，。.;；?？!！]*"
)
"""Why it changed, said right after the new figure ("after one number got flagged", "because
of one bad number", "因为有几单显示未确认"): the packages it names are the change's cause,
already in the new figure, no count of the window."""
"""From one figure to another: the old one first, the new one after the change word."""

_OF_TOTAL_AFTER = lazy(
    r"\s*(?:个|单|件)?\s*(?:valid\s+)?(?:of|out of|/)\s*\d|\s*(?:valid|有效|个|单|件)|"
    r"\s*(?:packages?|orders?|shipments?|parcels?)\b"
)
"""The new figure's total, or the word that makes it a count, said after it ("59 of 62")."""


_COUNT_WORD = lazy(r"valid|有效|个|单|件")
"""A word in the change itself that makes its figures counts ("从有效88个降到85个")."""


def new_figures_only(text: str) -> str:
    """The text with each change of figures told as its new figure alone ("went from
    60/62 to 59/62" → "went 59/62"), the total carried from the old figure when only it has
    one ("from 60/62 to 59" → "59/62"); a change of other numbers (dates, days) is left."""
    read, at = [], 0
    for change in _CHANGE.finditer(text):
        new = _new_figure(change)
        why = _WHY_AFTER.match(text, change.end()) if new != change.group() else None
        read += [text[at : change.start()], new]
        at = why.end() if why else change.end()
    return "".join([*read, text[at:]])


def _new_figure(change: re.Match[str]) -> str:
    _, old_total, new, new_total = change.groups()
    if not _counts_changed(change, old_total, new_total):
        return change.group()
    total = new_total or old_total
    if new_total is None and _OF_TOTAL_AFTER.match(change.string, change.end()):
        return new  # "from 60 to 59 of 62": the total is said after the new figure
    return f"{new}/{total}" if total else new


def _counts_changed(change: re.Match[str], old_total: str | None, new_total: str | None) -> bool:
    """Counts of packages, not of days or dates: written as pairs, with a count's word in
    the change ("从有效88个…"), or with their total or a count's word after the new one."""
    if old_total or new_total or _COUNT_WORD.search(change.group()):
        return True
    return bool(_OF_TOTAL_AFTER.match(change.string, change.end()))
