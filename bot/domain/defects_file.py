"""The defect file a seller works from: one row per defect, safe to open in Excel."""

from __future__ import annotations

import csv
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from bot.domain.models import DEFECT_FIELDS, DefectReason, VtrReport

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def excel_safe(value: object) -> str:
    """Text that Excel shows as text: a leading formula character gets a quote."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


@dataclass(frozen=True)
class DefectFileLabels:
    """Column titles and per-reason texts, in the seller's language (English codes by default)."""

    columns: tuple[str, ...] = (*DEFECT_FIELDS, "what_to_do")
    reason: Callable[[DefectReason], str] = field(default=lambda reason: reason)
    action: Callable[[DefectReason], str] = field(default=lambda reason: reason)


def write_defects_csv(report: VtrReport, path: Path, labels: DefectFileLabels | None = None) -> int:
    """Write every defect of the report; returns the number of rows written."""
    labels = labels or DefectFileLabels()
    with Path(path).open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(labels.columns)
        for defect in report.defects:
            writer.writerow(
                excel_safe(value)
                for value in (
                    defect.order_id,
                    defect.ship_date.isoformat() if defect.ship_date else "",
                    defect.category,
                    defect.carrier,
                    defect.marketplace,
                    defect.tracking,
                    labels.reason(defect.reason),
                    labels.action(defect.reason),
                )
            )
    return len(report.defects)
