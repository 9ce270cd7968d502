"""A VTR report as replies: the text (bounded to a few messages) with its follow-up buttons,
then the defect file. Built in a worker thread: rendering and writing a big defect list
would otherwise stall every other chat."""

from __future__ import annotations

import asyncio
from pathlib import Path

from bot.domain.models import VtrReport
from bot.services import buttons
from bot.services.defect_document import defect_replies
from bot.services.i18n import Translator
from bot.services.replies import Reply, pack
from bot.services.report_text import render_report


async def report_replies(report: VtrReport, t: Translator, folder: Path | None) -> list[Reply]:
    """What a seller gets after an upload or /vtr, rendered off the event loop; the defect
    workbook is built in `folder` (the scratch folder), like every other working copy."""
    return await asyncio.to_thread(_build, report, t, folder)


def _build(report: VtrReport, t: Translator, folder: Path | None) -> list[Reply]:
    follow_up = (
        (
            buttons.button(t._("Trend chart"), buttons.ShowChart()),
            buttons.button(t._("Daily alerts"), buttons.ShowAlerts()),
        ),
    )
    replies = pack(render_report(report, t, html=True), follow_up)
    if folder is not None:
        folder.mkdir(parents=True, exist_ok=True)
    return replies + defect_replies(report, t, folder)
