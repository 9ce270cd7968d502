"""A report's defects marked with the fixes sent for them from the chat (a connected store).

A mark is shown, never counted: a defect whose fix was sent is still a defect, in the plan
and in every figure, until a sync brings Amazon's package with the new tracking (the report
is then computed from it and the defect is gone). So the plan counts only fixes Amazon
accepted. The marks are applied when the report is shown, not stored with it: a fix's
state changes after the report was kept.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from pydantic import BaseModel

from bot.domain.amazon_carriers import normalized
from bot.domain.models import Defect, FixMark, PlannedGroup, VtrReport

MarkKey = tuple[str, str]
"""(order ID, the tracking number Amazon held before the fix, as `normalized` reads it)."""
FixMarks = Mapping[MarkKey, FixMark]


def with_fix_marks(report: VtrReport, marks: FixMarks) -> VtrReport:
    """A copy of `report` whose defects (in its list and in its plan) carry their fix's
    mark; `report` itself is left as it is (it may be the one a cache holds)."""
    if not marks:
        return report
    orders = {order_id for order_id, _ in marks}

    def marked(defect: Defect) -> Defect:
        if defect.order_id not in orders:
            return defect
        mark = marks.get((defect.order_id, normalized(defect.tracking)))
        return replace(defect, fix=mark) if mark != defect.fix else defect

    plan = [
        group.model_copy(update={"fixes": [marked(d) for d in group.fixes]})
        for group in report.plan
    ]
    return report.model_copy(update={"defects": [marked(d) for d in report.defects], "plan": plan})


class _PlanOnly(BaseModel):
    """The part of a stored report /fix orders its list by: the other fields are skipped
    unparsed, so a report of 300,000 defects costs no object per defect here."""

    plan: list[PlannedGroup] = []


def planned_packages(report_json: str) -> set[MarkKey]:
    """The packages of a stored report's fix plan, as (order ID, normalized number)."""
    plan = _PlanOnly.model_validate_json(report_json).plan
    return {(d.order_id, normalized(d.tracking)) for group in plan for d in group.fixes}
