"""A chat's report from its stored shipments: the one way it is built, whichever way the
shipments arrived (uploaded files, a connected store's sync, or both).

The daily alert, /vtr after a sync and the sync itself call `stored_report`; an upload's own
report is the same `compute_report` over the file's shipments. A connected store adds what
only Amazon knows: each package's status (delivered or on its way, for what can still be
edited) and where each category came from (the report's notes).
"""

from __future__ import annotations

import asyncio
from datetime import date

from bot.domain.models import UNCATEGORIZED, VtrReport, Warning
from bot.domain.shipments import ShipmentTable
from bot.domain.vtr import compute_report
from bot.services.amazon.repository import AmazonRepository
from bot.services.history import stored_history
from bot.services.store import Store


async def stored_report(
    store: Store, chat_id: int, as_of: date, amazon: AmazonRepository | None = None
) -> tuple[VtrReport, ShipmentTable]:
    """The report as of `as_of` and the shipments it counted (for the trend chart)."""
    delivered = await amazon.package_evidence(chat_id) if amazon else None
    table = await stored_history(store, chat_id, as_of, delivered)
    report = await asyncio.to_thread(compute_report, table, as_of)
    if amazon is not None:
        report.warnings.extend(category_notes(report, await amazon.category_sources(chat_id)))
    return report, table


def category_notes(report: VtrReport, sources: dict[str, set[str]]) -> list[Warning]:
    """Which of the report's categories came from Amazon's catalog and which from the
    seller's uploads; and, when synced shipments have no category, how many."""
    counted = [s for s in report.by_category if s.shipments]
    amazon = [s.name for s in counted if "amazon" in sources.get(s.name, ())]
    uploaded = [s.name for s in counted if "upload" in sources.get(s.name, ())]
    notes = []
    if amazon:
        notes.append(
            Warning(code="categories_from_amazon", count=len(amazon), detail=", ".join(amazon))
        )
    if uploaded:
        notes.append(
            Warning(code="categories_from_upload", count=len(uploaded), detail=", ".join(uploaded))
        )
    unfound = next((s for s in counted if s.name == UNCATEGORIZED), None)
    if unfound is not None and "none" in sources.get(UNCATEGORIZED, ()):
        notes.append(Warning(code="categories_not_found", count=unfound.shipments))
    return notes
