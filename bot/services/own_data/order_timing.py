"""When to edit one order's tracking, asked of an order of the report ("should I edit the
tracking on order 1xx-… now or wait?", "那单现在改还是等等再改", "还来得及改吗"): the report's
own evidence decides, as its fix plan does (`Defect.editable`: delivered by the file never,
in transit by the file always, else until the fix-by estimate), and its window says when a
defect past editing stops counting (`Defect.leaves_window`)."""

from __future__ import annotations

import re

from bot.domain.knowledge.edit_timing import EDIT_NOW_OR_LATER
from bot.domain.models import Defect, VtrReport
from bot.services.i18n import Translator
from bot.services.vtr_words import Markup, fix_line, short_action

TIMING_ASKED = re.compile(
    EDIT_NOW_OR_LATER + r"|\bwait\b|too late|still (?:edit|fix|correct|change|add|update)|"
    r"when (?:should|do|must|can) (?:i|we) (?:edit|fix|correct|change|add|update)|"
    r"(?:should|do|must|can) (?:i|we) (?:still )?(?:edit|fix|correct|change|add|update)|"
    r"现在改|马上改|立刻改|还是等|等一等|再等|还来得及|来不来得及|还能改|能不能改|"
    r"还可以改|什么时候改|啥时候改|该不该改|要不要改|太晚"
)
"""When to edit, asked: now or later (the words the claims table's edit-can-wait belief
reads too), still possible, too late, should I."""


def order_timing_lines(defect: Defect, report: VtrReport, t: Translator, m: Markup) -> list[str]:
    """One order asked when to edit: its decision first, then its fix line."""
    return [order_timing(defect, report, t), fix_line(defect, t, m, report.as_of)]


def order_timing(defect: Defect, report: VtrReport, t: Translator) -> str:
    """The order's decision on editing, first: now while it can still be changed (with
    what to do and its last day), else that the change would come after delivery."""
    action = short_action(t, defect)
    if defect.editable(report.as_of):
        if defect.in_transit or defect.fix_by is None:
            return t._(
                "Edit it now, before it is delivered: use Edit tracking in Manage Orders to "
                "{action}. Tracking added or changed after delivery does not count.",
                action=action,
            )
        return t._(
            "Edit it now, before it is delivered (estimated by {date}): use Edit tracking in "
            "Manage Orders to {action}. Tracking added or changed after delivery does not count.",
            action=action,
            date=t.date(defect.fix_by),
        )
    leaves = defect.leaves_window()
    if defect.evidence == "delivered":
        return t._(
            "Editing it now no longer helps: your file shows it delivered, and tracking added "
            "or changed after delivery is still a defect; it leaves the 30-day window on {date}.",
            date=t.date(leaves) if leaves else "—",
        )
    return t._(
        "Editing it now no longer helps: it is probably delivered already (its fix-by date "
        "has passed), and tracking added or changed after delivery is still a defect; it "
        "leaves the 30-day window on {date}. Only if it is in fact not delivered yet, "
        "{action} now with Edit tracking.",
        date=t.date(leaves) if leaves else "—",
        action=action,
    )
