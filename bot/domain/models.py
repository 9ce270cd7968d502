"""Typed results of the VTR engine.

Field names of `VtrReport` follow the computation contract in docs/vtr-rules.md §4
(they are what `vtrbot check --json` prints); extra fields only add to it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal, TypeGuard, get_args

from pydantic import BaseModel, ConfigDict, Field, computed_field

from bot.domain.bar import THRESHOLD

WINDOW_DAYS = 30
"""VTR is measured over the last 30 calendar days, the as-of date included."""


def window_start(as_of: date) -> date:
    """The window's first day: 30 calendar days up to `as_of`, it included."""
    return as_of - timedelta(days=WINDOW_DAYS - 1)


AT_RISK_DAYS = 7
"""A group is at risk when it would fall to the bar or under within a week (projection.py;
here so that the words for it need not import the projection's numeric stack)."""

UNCATEGORIZED = "Uncategorized"
"""Category of shipments from files without a category column (shown as 未分类 in Chinese)."""

UNSPECIFIED_MARKETPLACE = "Unspecified"
"""Marketplace of shipments whose file names none (no marketplace column, an empty cell):
a group the report names, as a category-less file's is 'Uncategorized', never ''."""

DefectReason = Literal["missing_tracking", "unknown_carrier", "bad_format", "bad_check_digit"]
DEFECT_REASONS: tuple[DefectReason, ...] = get_args(DefectReason)
Action = Literal["add_tracking", "pick_listed_carrier", "correct_number", "use_buy_shipping"]
PlanScope = Literal["category", "marketplace", "shop"]
"""What a planned group is: the fix plan holds categories (or cells) and marketplaces; a
shop's entry is built when asked (`VtrReport.shop_plan`), each shop being its own account."""
AsOfSource = Literal["given", "latest_ship_date", "today"]
FixMark = Literal["sent", "accepted", "refused"]
"""A fix sent from the chat: sent (no sync has shown it yet), accepted (a sync shows the
new tracking), refused (Amazon answered no)."""
"""Where a report's as-of date came from: the caller, the newest shipment, or the clock."""
"""In the order they are tested: an invalid shipment gets the first that applies."""

ExclusionReason = Literal[
    "not_amazon_platform",
    "fba",
    "cancelled",
    "not_shipped",
    "unreadable_date",
    "eu_letter_under_20",
    "jp_under_1000",
    "outside_window",
]
EXCLUSION_REASONS: tuple[ExclusionReason, ...] = get_args(ExclusionReason)
"""In the order they are tested: a shipment is excluded for the first that applies."""


class ShipmentRecord(BaseModel):
    """The minimal facts about one shipment that VTR needs: no buyer data.

    This is what the store keeps per chat. `excluded` holds a reason decided at
    read time (FBA, cancelled, …); the window is applied when a report is computed.
    """

    model_config = ConfigDict(frozen=True)

    order_id: str
    ship_date: date | None
    carrier: str = ""
    tracking: str = ""
    category: str = UNCATEGORIZED
    marketplace: str = ""
    excluded: ExclusionReason | None = None
    shop: str = ""
    """The seller's shop the file names ("" when it names none): each shop is its own
    Amazon account, judged on its own (docs/vtr-rules.md §4.5)."""

    def as_row(self) -> RecordRow:
        """The record as the store merges it: its fields in RECORD_FIELDS order."""
        return (
            self.order_id, self.ship_date, self.carrier, self.tracking, self.category,
            self.marketplace, self.excluded, self.shop,
        )  # fmt: skip


RECORD_FIELDS: tuple[str, ...] = tuple(ShipmentRecord.model_fields)
"""The stored fields of a shipment, in order: frames, tuples and the store all use it."""
RecordRow = tuple[str, date | None, str | None, str | None, str, str | None, str | None, str | None]
"""A shipment record as a plain tuple, RECORD_FIELDS in order (`ShipmentRecord.as_row`);
`Store.merge_shipment_rows` takes these, or the engine's batches, already as stored."""


@dataclass(slots=True, kw_only=True)
class GroupStats:
    """VTR of one group (overall, a category, a carrier or a marketplace). A slotted
    dataclass, like `Defect`: a file can hold 330,000 categories, and a pydantic model
    cost 15 µs each to build where this costs 1. Pydantic validates it inside `VtrReport`
    when a report is read from JSON."""

    name: str
    shipments: int
    valid: int
    vtr: float | None
    """valid / shipments; None when there are no shipments."""
    below_threshold: bool
    """At or under 95%: Amazon's bar is strictly above it (bar.py)."""
    needed: int
    """Fewest invalid shipments to fix to get above 95%."""
    at_risk: bool = False
    """Above the bar, but may fall to it or under within a week (projection.py)."""
    recovery_date: date | None = None
    """First day back above the bar if every new shipment is valid (groups below it)."""


@dataclass(slots=True, kw_only=True)
class CellStats(GroupStats):
    """VTR of one category in one marketplace: the unit Amazon enforces the bar on
    (docs/vtr-rules.md §4.5). `name` is the category; the marketplace is its own field.

    A file holding several shops also has its cells taken within each shop (`shop`,
    `VtrReport.by_shop_category_marketplace`): each shop is its own Amazon account, judged
    on its own. Such a cell names no marketplace ('') when the file has one (or none)."""

    marketplace: str
    shop: str | None = None
    """The shop of a file holding several ('' for shipments no shop is named for); None
    when the cells are not taken per shop."""


def enforced_units(
    by_category: list[GroupStats],
    by_marketplace: list[GroupStats],
    cells: list[CellStats],
    shop_cells: list[CellStats] | None = None,
) -> list[GroupStats]:
    """The groups whose verdicts matter to the seller, worst first: a category that sells on
    several marketplaces is judged on each (its cells); one that sells on one marketplace
    is that one cell, so its pooled group stands for it, named as before. Without a category
    on several marketplaces these are the categories (a report stored before cells were
    computed has none: its categories are all it can say). A file of several shops has its
    cells taken per shop (`shop_cells`), and those are the units: each names its shop, and
    no category pools two accounts."""
    if shop_cells:
        return list(shop_cells)
    if len(by_marketplace) <= 1 or not cells:
        return by_category
    spread = Counter(cell.name for cell in cells)
    if max(spread.values()) == 1:
        return by_category
    pooled = {stats.name: stats for stats in by_category}
    return [cell if spread[cell.name] > 1 else pooled[cell.name] for cell in cells]


def unit_marketplace(unit: GroupStats) -> str | None:
    """The marketplace of an enforcement unit: a cell's, None for a pooled category (or a
    shop's cell in a file of one marketplace)."""
    return (unit.marketplace or None) if isinstance(unit, CellStats) else None


def unit_shop(unit: GroupStats) -> str | None:
    """The shop of an enforcement unit: a cell's when cells are taken per shop, else None."""
    return unit.shop if isinstance(unit, CellStats) else None


class Window(BaseModel):
    start: date
    end: date

    def holds(self, day: date | None) -> TypeGuard[date]:
        """A ship day the window counts (both ends included); no day is in no window."""
        return day is not None and self.start <= day <= self.end


@dataclass(frozen=True, slots=True, kw_only=True)
class Defect:
    """One shipment that counts against VTR. A slotted dataclass, not a model: a big
    file has tens of thousands, and a pydantic instance (with its dict and fields-set)
    weighs ~1.4 KB where this weighs ~0.2 KB. Pydantic still validates it inside
    `VtrReport` when a report is read from JSON or dicts."""

    order_id: str
    ship_date: date | None = None
    category: str
    carrier: str
    marketplace: str = ""
    tracking: str
    reason: DefectReason
    shop: str = ""
    """The shop the file names for it ("" when none)."""
    looks_like: str | None = None
    """The one other carrier whose numbers this one fits (display name), if any."""
    fix_by: date | None = None
    """Estimated delivery (ship date + typical transit): edit the tracking before it."""
    delivered: date | bool | None = None
    """From the file: the delivery date, True when delivered on an unknown day, else None."""
    in_transit: bool = False
    """From the file (or Amazon's package status): not delivered yet, so still editable
    whatever the transit estimate says."""
    in_plan: bool = False
    """One of the fewest fixes that bring every category and marketplace above the bar."""
    fix: FixMark | None = None
    """A change sent to Amazon from the chat for this package (a connected store): marked
    when the report is shown, never counted as fixed until a sync shows the new tracking."""

    @property
    def placeholder(self) -> bool:
        """Missing tracking with text in its place (无, 待上传, N/A): worth saying so."""
        return self.reason == "missing_tracking" and bool(self.tracking)

    def editable(self, as_of: date) -> bool:
        """Tracking can still be edited, by the best evidence: delivered (the file says so)
        never; in transit (the file says so) always; else until the fix-by estimate."""
        if self.delivered is True or (isinstance(self.delivered, date) and self.delivered <= as_of):
            return False
        return self.in_transit or self.fix_by is None or self.fix_by >= as_of

    @property
    def evidence(self) -> Literal["delivered", "in_transit", "estimate"]:
        """What `editable` goes by: the file's delivery status or date, or the estimate."""
        if self.delivered:
            return "delivered"
        return "in_transit" if self.in_transit else "estimate"

    def leaves_window(self) -> date | None:
        """First day the shipment no longer counts: 30 days after its ship date."""
        return self.ship_date + timedelta(days=WINDOW_DAYS) if self.ship_date else None


class Suggestion(BaseModel):
    """One fix: a category's defects of one reason, ranked by the VTR it wins back."""

    category: str = Field(description="empty for advice that applies to every category")
    reason: DefectReason | None
    count: int
    vtr_gain: float = Field(description="rise of the category's VTR if all are fixed")
    reaches_threshold: bool = Field(
        description="fixing these alone lifts the category strictly above 95%"
    )
    action: Action


class PlannedGroup(BaseModel):
    """A category (on one marketplace, when it sells on several) or a marketplace below the
    bar, and the fewest fixes that save it."""

    scope: PlanScope
    name: str
    marketplace: str | None = Field(
        default=None,
        description="a category's marketplace when it sells on several and is planned on "
        "each (a cell); None for a category on one marketplace, or a marketplace",
    )
    shop: str | None = Field(
        default=None,
        description="its shop, when the file holds several: each shop is its own account, "
        "planned on its own; None otherwise",
    )
    shipments: int
    valid: int
    needed: int = Field(description="fewest invalid shipments to fix to get above 95%")
    editable: int = Field(description="its defects whose tracking can still be edited")
    fixes: list[Defect] = Field(
        description="the defects to fix, most recent first (fewer than `needed` when the "
        "group cannot be saved; a marketplace lists only those the categories' fixes miss)"
    )
    covered: int = Field(default=0, description="fixes already planned for its categories")
    recovery_date: date | None = Field(
        default=None, description="first day back above the bar if every new shipment is valid"
    )

    @property
    def savable(self) -> bool:
        return self.covered + len(self.fixes) >= self.needed


class Warning(BaseModel):
    code: str
    count: int = 0
    detail: str = ""


class Verdict(BaseModel):
    """Amazon's verdict on a report: how many of the units it enforces the bar on (each
    category, on each marketplace, within each shop: `enforced_units`) are not above 95%.
    What the report and the alert lead with; the pooled `overall` is no verdict."""

    units: int
    below: int
    per_marketplace: bool = Field(description="a category is judged on each marketplace")
    per_shop: bool = Field(description="each shop's categories are judged on their own")


class VtrReport(BaseModel):
    as_of: date
    as_of_source: AsOfSource = "given"
    window: Window
    threshold: float = THRESHOLD
    overall: GroupStats
    by_category: list[GroupStats]
    by_carrier: list[GroupStats]
    by_marketplace: list[GroupStats]
    by_category_marketplace: list[CellStats] = Field(
        default_factory=list,
        description="each category in each marketplace it sells on: what Amazon enforces "
        "the bar on (by_category pools a category's marketplaces)",
    )
    by_shop: list[GroupStats] = Field(
        default_factory=list,
        description="each shop the file names (its shop column), worst first; empty when "
        "it names none. Each shop is its own Amazon account: with two or more, the units "
        "are by_shop_category_marketplace (by_category and by_category_marketplace still "
        "pool every shop)",
    )
    by_shop_category_marketplace: list[CellStats] = Field(
        default_factory=list,
        description="with two or more shops: each category in each shop (on each marketplace "
        "when there are several, else marketplace ''), each with its `shop`: what Amazon "
        "enforces the bar on, each shop being its own account; empty otherwise",
    )
    excluded: dict[str, int]
    defects: list[Defect]
    warnings: list[Warning]
    suggestions: list[Suggestion]
    plan: list[PlannedGroup] = Field(
        default_factory=list, description="categories, then marketplaces, below the bar"
    )
    carrier_reasons: dict[str, DefectReason] = Field(
        default_factory=dict,
        description="each carrier with a defect: the reason most of its defects share (Amazon "
        "judges categories and marketplaces, not carriers: a carrier is a breakdown, no verdict)",
    )
    unverified: int = Field(default=0, description="valid only because no rule exists for carrier")
    rows_read: int = 0
    rows_skipped: int = 0

    def enforced_units(self) -> list[GroupStats]:
        """Each category on each marketplace it sells on, a category on one marketplace as
        itself (`enforced_units`): the verdicts the text, alerts and answers give."""
        return enforced_units(
            self.by_category,
            self.by_marketplace,
            self.by_category_marketplace,
            self.by_shop_category_marketplace,
        )

    def planned(self, group: GroupStats, scope: PlanScope = "category") -> PlannedGroup | None:
        """The fix plan's entry for a group below the bar (a category or cell, or with
        `scope` "marketplace" a marketplace), None when the plan has none: its verdict
        (`PlannedGroup.savable`) is what every text naming fixes repeats."""
        marketplace = unit_marketplace(group) if scope == "category" else None
        key = (group.name, marketplace, unit_shop(group))
        same = [g for g in self.plan if g.scope == scope and (g.name, g.marketplace) == key[:2]]
        found = next((g for g in same if g.shop == key[2]), None)
        if found is None and scope == "marketplace" and len(same) == 1:
            # A marketplace pooled over the shops, sold on by one of them: that shop's plan.
            only = same[0]
            if (only.shipments, only.valid) == (group.shipments, group.valid):
                return only
        return found

    def shop_plan(self, shop: GroupStats) -> PlannedGroup | None:
        """What fixing can do for a shop below the bar (the plan holds categories and
        marketplaces, not shops): its defects still editable, newest first, against its
        fewest fixes, so a shop is never told to fix more than can still be fixed."""
        if not shop.below_threshold:
            return None
        editable = [d for d in self.defects if d.shop == shop.name and d.editable(self.as_of)]
        editable.sort(key=lambda d: (d.ship_date or date.min, d.order_id), reverse=True)
        return PlannedGroup(
            scope="shop",
            name=shop.name,
            shop=shop.name,
            shipments=shop.shipments,
            valid=shop.valid,
            needed=shop.needed,
            editable=len(editable),
            fixes=editable[: shop.needed],
            recovery_date=shop.recovery_date,
        )

    @computed_field  # type: ignore[prop-decorator]  # mypy: no decorator over @property
    @property
    def verdict(self) -> Verdict:
        """Amazon's verdict (`Verdict`): printed in the JSON beside the fields it is made of,
        so a reader of the JSON need not rebuild `enforced_units`."""
        units = self.enforced_units()
        return Verdict(
            units=len(units),
            below=sum(unit.below_threshold for unit in units),
            per_marketplace=any(unit_marketplace(unit) is not None for unit in units),
            per_shop=any(unit_shop(unit) is not None for unit in units),
        )

    @property
    def per_shop(self) -> bool:
        """Whether the file holds several shops, so that every unit is judged within its
        shop (`enforced_units` holds cells that each name one)."""
        return self.verdict.per_shop

    @property
    def per_marketplace(self) -> bool:
        """Whether a category sells on several marketplaces, so that the report judges it
        on each (`enforced_units` holds cells)."""
        return self.verdict.per_marketplace


@dataclass(frozen=True, slots=True)
class ReportJson:
    """A report as JSON (`VtrReport.model_dump_json`), not parsed, with its date: how an
    upload's report travels from the analysis worker to the store and to the worker that
    builds its replies. A huge report as objects is gigabytes, and parsing it holds the
    interpreter for seconds."""

    text: str
    as_of: date

    @classmethod
    def of(cls, text: str) -> ReportJson:
        """From a report's JSON, its date read off the front (`as_of` is `VtrReport`'s first
        field, so pydantic writes it first) instead of by parsing the whole report."""
        found = _LEADING_AS_OF.match(text)
        if found is None:  # written some other way: correct, only slower
            return cls(text, VtrReport.model_validate_json(text).as_of)
        return cls(text, date.fromisoformat(found[1]))


_LEADING_AS_OF = re.compile(r'\{"as_of":"(\d{4}-\d{2}-\d{2})"')
