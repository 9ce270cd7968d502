"""A VTR report as replies: the text (bounded to a few messages) with its follow-up buttons,
then the defect file. Built in a worker thread: rendering and writing a big defect list
would otherwise stall every other chat."""

from __future__ import annotations

import asyncio
import tempfile
from pathlib import Path

from bot.domain.engine import write_defects_csv
from bot.domain.models import VtrReport
from bot.services import buttons
from bot.services.i18n import Translator
from bot.services.replies import Document, Reply, pack
from bot.services.report_text import defect_file_labels, esc, render_report


async def report_replies(report: VtrReport, t: Translator) -> list[Reply]:
    """What a seller gets after an upload or /vtr, rendered off the event loop."""
    return await asyncio.to_thread(_build, report, t)


def _build(report: VtrReport, t: Translator) -> list[Reply]:
    follow_up = (
        (
            buttons.button(t._("Trend chart"), buttons.ShowChart()),
            buttons.button(t._("Daily alerts"), buttons.ShowAlerts()),
        ),
    )
    replies = pack(render_report(report, t, html=True), follow_up)
    if report.defects:
        caption = t.ngettext(
            "{count} shipment to fix: open this file in Excel.",
            "{count} shipments to fix: open this file in Excel.",
            len(report.defects),
        )
        replies.append(Reply(esc(caption), document=defect_document(report, t)))
    return replies


def defect_document(report: VtrReport, t: Translator) -> Document:
    """The defect file, in the chat's language."""
    with tempfile.TemporaryDirectory(prefix="vtrbot-defects-") as folder:
        path = Path(folder) / "defects.csv"
        write_defects_csv(report, path, defect_file_labels(t))
        data = path.read_bytes()
    filename = t._("vtr-defects-{date}.csv", date=report.as_of.isoformat())
    return Document(filename, data)
