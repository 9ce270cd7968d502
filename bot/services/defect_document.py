"""The defect workbook the bot sends after a report, in the chat's language.

One XLSX (defects_file.py) with short labels on each row and their full sentences once,
in a legend sheet. It stays under Telegram's 50 MB upload cap for bots: a bigger one is
split into several files, each under `MAX_DOCUMENT_BYTES`.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from datetime import date
from functools import cache
from pathlib import Path

from bot.domain.defects_file import DefectFileLabels, write_defects_xlsx
from bot.domain.models import DEFECT_REASONS, Defect, DefectReason, VtrReport
from bot.domain.reference import transit
from bot.services.i18n import Translator
from bot.services.lines import esc, sentence_gap
from bot.services.replies import Document, Reply
from bot.services.vtr_words import (
    action_text,
    fix_mark_text,
    in_transit_action,
    marketplace_label,
    placeholder_text,
    reason_text,
    shop_label,
    short_action,
)

MAX_DOCUMENT_BYTES = 45 * 2**20
"""Under Telegram's 50 MB cap on a bot's uploads, with room to spare."""


def defect_replies(
    report: VtrReport,
    t: Translator,
    folder: Path | None = None,
    max_bytes: int = MAX_DOCUMENT_BYTES,
) -> list[Reply]:
    """The defect file as one reply per document (none without defects). Built in a
    temporary folder inside `folder` (the system's by default) and read back as bytes."""
    if not report.defects:
        return []
    with tempfile.TemporaryDirectory(prefix="vtrbot-defects-", dir=folder) as scratch:
        return [
            Reply(caption, document=Document(path.name, path.read_bytes()))
            for caption, path in defect_files(report, t, Path(scratch), max_bytes)
        ]


def defect_files(
    report: VtrReport, t: Translator, folder: Path, max_bytes: int = MAX_DOCUMENT_BYTES
) -> list[tuple[str, Path]]:
    """The defect file written into `folder`, as (caption HTML, path) per document: what a
    worker process sends back instead of the files' bytes (none without defects)."""
    if not report.defects:
        return []
    name = t._("vtr-defects-{date}.xlsx", date=report.as_of.isoformat())
    paths = write_defects_xlsx(report, folder / name, defect_file_labels(t), max_bytes)
    caption = t.ngettext(
        "{count} package with a defect: open this file in Excel. The fix plan's packages are marked.",
        "{count} packages with a defect: open this file in Excel. The fix plan's packages are marked.",
        len(report.defects),
    )
    if len(paths) == 1:
        return [(esc(caption), paths[0])]
    return [
        (
            esc(
                caption
                + sentence_gap(t)
                + t._("Part {part} of {parts}.", part=index, parts=len(paths))
            ),
            path,
        )
        for index, path in enumerate(paths, start=1)
    ]


def _action(t: Translator) -> Callable[[Defect, date], str]:
    """A row's "what to do": a handful of distinct texts, each translated once."""

    @cache
    def late(delivered: bool, leaves: date | None) -> str:
        day = t.date(leaves) if leaves else "–"
        if delivered:
            return t._("delivered: too late to edit — leaves the window on {date}", date=day)
        return t._("probably delivered: too late to edit — leaves the window on {date}", date=day)

    @cache
    def editable(reason: DefectReason, looks_like: str | None) -> str:
        return short_action(t, Defect(order_id="", category="", carrier="", tracking="",
                                      reason=reason, looks_like=looks_like))  # fmt: skip

    def action(defect: Defect, as_of: date) -> str:
        if defect.editable(as_of):
            text = editable(defect.reason, defect.looks_like)
            return in_transit_action(t, text) if defect.in_transit else text
        return late(bool(defect.delivered), defect.leaves_window())

    return action


def defect_file_labels(t: Translator) -> DefectFileLabels:
    columns = (
        t._("Order ID"),
        t._("Ship date"),
        t._("Category"),
        t._("Marketplace"),
        t._("Carrier"),
        t._("Tracking number"),
        t._("Problem"),
        t._("Fix first"),
        t._("Fix by (estimate)"),
        t._("What to do"),
        t._("Leaves the window"),
        t._("Fix from the chat"),
        t._("New carrier"),
        t._("New tracking number"),
    )
    return DefectFileLabels(
        columns=columns,
        reason=cache(lambda reason: reason_text(t, reason)),
        placeholder=placeholder_text(t),
        action=_action(t),
        marketplace=cache(lambda code: marketplace_label(t, code) if code else ""),
        fix_mark=cache(lambda mark: fix_mark_text(t, mark)),
        yes=t._("yes"),
        sheets=(t._("Defects"), t._("Legend"), t._("VTR by group")),
        legend=_legend(t, columns),
        legend_columns=(t._("Label"), t._("What it means")),
        group_columns=(
            t._("Group"),
            t._("Name"),
            t._("Packages"),
            t._("Valid"),
            t._("VTR"),
            t._("Not above 95%"),
            t._("Packages to fix"),
        ),
        group_kinds=(
            t._("Category"),
            t._("Marketplace"),
            t._("Carrier"),
            t._("Category on a marketplace"),
        ),
        shop_column=t._("Shop (account)"),
        shop=cache(lambda shop: shop_label(t, shop)),
    )


def _legend(t: Translator, columns: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """Each short label's full sentence, written once instead of on every row."""
    days = transit()
    explained = {
        7: t._(
            "One of the fewest packages to fix to bring every category and marketplace above 95%. Newest first: they are the likeliest still in transit."
        ),
        8: t._(
            "An estimate of the delivery: ship date + typical transit ({domestic} days domestic, {china} days from China). Edit the tracking before the buyer receives the package: tracking added or changed after delivery is itself a defect.",
            domestic=days.days("domestic"),
            china=days.days("from_china"),
        ),
        10: t._(
            "A delivered package can no longer be fixed: it stops counting 30 days after its ship date."
        ),
        11: t._(
            "A connected store's fix sent to Amazon from the chat: it counts as fixed only once a sync shows Amazon took the new tracking."
        ),
        13: t._(
            'For a connected store: fill in the right number (and the carrier in "{carrier}" if it changed), then send this file back to me. I check every row and send the fixes to Amazon only after you confirm.',
            carrier=columns[12],
        ),
    }
    rows = [(columns[index], sentence) for index, sentence in explained.items()]
    rows += [(reason_text(t, reason), action_text(t, reason)) for reason in DEFECT_REASONS]
    rows.append(
        (
            placeholder_text(t),
            t._(
                "The tracking cell holds a placeholder (无, 待上传, N/A, 0 …), not a number: Amazon counts it as no tracking. Add the real number (Manage Orders → Edit shipment) before the buyer receives the package."
            ),
        )
    )
    rows.append(
        (
            t._("looks like a … number"),
            t._(
                "The number fits another carrier than the one entered: Amazon shows such a number as unconfirmed. Pick the carrier it belongs to from Amazon's list."
            ),
        )
    )
    rows.append((t._("Buy Shipping"), action_text(t, None)))
    return tuple(rows)
