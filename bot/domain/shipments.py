"""From a file's raw columns to typed shipments: exclusions decided, item rows
collapsed (docs/vtr-rules.md §4), tracking checked. Columnar throughout, for 1M-row files.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import polars as pl

from bot.domain.batch_engine import batch_engine
from bot.domain.errors import FileRejected
from bot.domain.exemptions import LETTER_WARNED, with_value_exemptions
from bot.domain.models import RECORD_FIELDS, ShipmentRecord, Warning
from bot.domain.prefetch import read_ahead
from bot.domain.reading import (
    CARRIER_IN_TRACKING,
    RawTable,
    missing_columns,
    one_tracking_column,
    visible_headers,
)
from bot.domain.reference import carrier_by_id, marketplace_by_code
from bot.domain.repeats import counted_tracking, repeated_values, reused_tracking, tracking_pairs
from bot.domain.row_rules import (
    Lookups,
    fold_tracking,
    full_width_numbers,
    one_row_per_order,
    one_row_per_package,
    price_candidates,
    row_rules,
)
from bot.domain.spill import Partitions, partition_count, split
from bot.domain.tracking import classify, looks_scientific, resolve_carrier
from bot.domain.values import UNREADABLE_EXAMPLES, DateOrder, map_unique, parse_dates

RECORD_COLUMNS = RECORD_FIELDS
DELIVERY_COLUMNS = ("delivery", "delivered_on")
"""Kept beside a shipment's record when the file has a delivery status or date column:
`delivery` is the status's meaning ("delivered", "in_transit", or null; Amazon's
packageStatus maps to the same words through vocabulary.yaml), `delivered_on` the date.
A delivered defect can no longer be edited, one in transit can, whatever the estimate.
They are not stored, so reports made from stored shipments (alerts, /chart) go by the
fix-by estimate alone."""
_SCHEMA = {
    "order_id": pl.String,
    "ship_date": pl.Date,
    "carrier": pl.String,
    "tracking": pl.String,
    "category": pl.String,
    "marketplace": pl.String,
    "excluded": pl.String,
    "shop": pl.String,
}
FEW_VALUES = ["carrier", "category", "marketplace", "excluded", "shop"]
"""Columns with a handful of distinct values, kept as categoricals: 4 bytes a row instead
of a 16-byte string view, which is most of what a million kept rows weigh."""


@dataclass
class ShipmentTable:
    """One row per shipment with its verdict: the engine's working set.

    Columns: order_id, ship_date, carrier (as written), carrier_id, tracking (normalized),
    category, marketplace, excluded (reason or null), shop ("" when the file names none),
    reason (defect or null), unverified, and DELIVERY_COLUMNS when the file has them, and
    LETTER_WARNED when some letter is counted with a warning (exemptions.py).
    """

    frame: pl.DataFrame
    rows_read: int = 0
    rows_skipped: int = 0
    warnings: list[Warning] = field(default_factory=list)

    @classmethod
    def from_shipments(cls, frame: pl.DataFrame, **meta: Any) -> ShipmentTable:
        """Check tracking for a frame holding RECORD_COLUMNS (one row per shipment)."""
        carriers = frame.get_column("carrier").fill_null("")
        carrier_ids = map_unique(carriers, resolve_carrier, pl.Categorical)
        frame = classify(frame.with_columns(carrier_id=carrier_ids))
        return cls(frame=frame, **meta)

    @classmethod
    def from_records(cls, records: list[ShipmentRecord]) -> ShipmentTable:
        rows = {name: [getattr(r, name) for r in records] for name in RECORD_COLUMNS}
        return cls.from_shipments(pl.DataFrame(rows, schema=_SCHEMA))

    @classmethod
    def from_stored(cls, parts: Sequence[pl.DataFrame]) -> ShipmentTable:
        """The table of frames made by `stored_frame`, one per batch the store returned."""
        frame = pl.concat(parts) if parts else stored_frame([])
        return cls.from_shipments(frame)

    def parts(self) -> Iterator[pl.DataFrame]:
        yield self.frame

    def record_batches(self, size: int = 50_000) -> Iterator[list[tuple[object, ...]]]:
        return _record_batches(self.parts(), size)

    def stored_frames(self, size: int = 50_000) -> Iterator[pl.DataFrame]:
        return _stored_frames(self.parts(), size)


@dataclass
class SpilledShipments:
    """The shipments of a file too big to hold at once: one Arrow file per part of its
    orders, read back one part at a time (each has ShipmentTable's columns)."""

    paths: list[Path]
    rows_read: int = 0
    rows_skipped: int = 0
    warnings: list[Warning] = field(default_factory=list)

    def parts(self) -> Iterator[pl.DataFrame]:
        for path in self.paths:
            yield pl.read_ipc(path)

    def record_batches(self, size: int = 50_000) -> Iterator[list[tuple[object, ...]]]:
        return _record_batches(self.parts(), size)

    def stored_frames(self, size: int = 50_000) -> Iterator[pl.DataFrame]:
        return _stored_frames(self.parts(), size)


Shipments = ShipmentTable | SpilledShipments
"""What the engine hands on: `parts()`, `record_batches()`, rows read and skipped, warnings."""


def _record_batches(parts: Iterator[pl.DataFrame], size: int) -> Iterator[list[tuple[object, ...]]]:
    """`_stored_frames` as plain tuples, `size` at a time: a million-row upload never
    becomes a million Python objects at once."""
    for frame in _stored_frames(parts, size):
        yield frame.rows()


def _stored_frames(parts: Iterator[pl.DataFrame], size: int) -> Iterator[pl.DataFrame]:
    """The stored fields (RECORD_COLUMNS order), `size` rows at a time, already as the
    store keeps them (dates as ISO text, empty text for a missing carrier, tracking or
    marketplace), converted by polars, so the store needs no pass of its own over each row.
    Each part in order ID order, whatever the file's order: the store replaces an order
    by its key, and keys in order reach its index page after page instead of at random.
    Sorted on one thread: beside an upload's other work (its replies, in a worker) polars'
    threads spent twice the CPU for the same order (docs/performance.md, Storage)."""
    for frame in parts:
        kept = frame.select(RECORD_COLUMNS)
        order = kept.select(pl.arg_sort_by("order_id", multithreaded=False)).to_series()
        for first in range(0, len(order), size):
            yield kept[order.slice(first, size)].select(_STORED)
        del frame, kept  # before the next part is read


_STORED = [
    pl.col("order_id"),
    pl.col("ship_date").dt.to_string("%Y-%m-%d"),
    pl.col("carrier", "tracking").cast(pl.String).fill_null(""),
    pl.col("category").cast(pl.String),
    pl.col("marketplace").cast(pl.String).fill_null(""),
    pl.col("excluded").cast(pl.String),
    pl.col("shop").cast(pl.String).fill_null(""),
]


def stored_frame(rows: Sequence[tuple[object, ...]]) -> pl.DataFrame:
    """Shipments as the store returns them (RECORD_COLUMNS order, ISO date text), in the
    compact columns of an upload's working set."""
    frame = pl.DataFrame(rows, schema=_SCHEMA | {"ship_date": pl.String}, orient="row")
    return frame.with_columns(
        pl.col("ship_date").str.to_date("%Y-%m-%d"), pl.col(FEW_VALUES).cast(pl.Categorical)
    )


# --- building shipments from a raw table ------------------------------------------------


def require_columns(raw: RawTable) -> None:
    if missing := missing_columns(raw.columns):
        raise FileRejected("missing_columns", missing=missing, found=visible_headers(raw.headers))


@dataclass
class Tally:
    """What the batches of one file add up to, besides their rows."""

    rows_read: int = 0
    no_order: int = 0
    unreadable_dates: int = 0
    unreadable_examples: list[str] = field(default_factory=list)
    date_order: DateOrder = field(default_factory=DateOrder)
    unread_sheets: tuple[str, ...] = ()
    markets_by_address: int = 0
    """Rows whose marketplace is their buyer's country's, no other column naming one."""
    markets_by_currency: int = 0
    """Rows whose marketplace is their currency's, no column naming one (decisions/014)."""
    full_width_numbers: set[str] = field(default_factory=set)
    """Self-fulfilled rows' numbers typed in full-width characters (`full_width_numbers`)."""

    def keep_unreadable_examples(self, examples: Iterable[str]) -> None:
        """A few distinct unreadable dates, to quote back to the seller."""
        for example in examples:
            if len(self.unreadable_examples) >= UNREADABLE_EXAMPLES:
                return
            if example not in self.unreadable_examples:
                self.unreadable_examples.append(example)


KEPT_COLUMNS = [*RECORD_COLUMNS, "value_rule"]
"""What a batch's rows keep once reduced (and DELIVERY_COLUMNS, when the file has them)."""


def build_shipments(raw: RawTable, spill_folder: Path | None = None) -> Shipments:
    """Batch by batch, each reduced to compact rows before the next is read; then the
    order-level value exemptions and the item-row collapse, one part of the orders at a
    time. A file bigger than a part (spill.py) has its parts kept in `spill_folder`."""
    require_columns(raw)
    tally = Tally(unread_sheets=raw.unread_sheets)
    parts = partition_count(raw.source_bytes) if spill_folder else 1
    rows = Partitions(spill_folder, parts, "rows")
    priced = Partitions(spill_folder, parts, "priced")
    _read_rows(raw, tally, rows, priced)
    if rows.spills:
        assert spill_folder is not None
        return _spilled_shipments(rows, priced, tally, spill_folder)
    table = _shipments_of_part(rows, priced, 0)
    table.rows_read, table.rows_skipped = tally.rows_read, tally.no_order
    reused = reused_tracking(table.frame, counted_tracking(table.frame))
    table.warnings = read_warnings(tally, scientific_count(table.frame), [reused])
    table.warnings += carrier_from_service(raw, table.frame.select("carrier", "carrier_id"))
    return table


def _read_rows(raw: RawTable, tally: Tally, rows: Partitions, priced: Partitions) -> None:
    """Every row with its exclusion (value exemptions aside), in compact columns and in its
    part of the orders; the rows a value rule can apply to are priced on the way. `row`
    is a priced row's position among its part's rows."""
    lookups = Lookups.of_table(raw, tally.date_order)
    currencies = {code: m.currency for code, m in marketplace_by_code().items()}
    for batch in reduced_batches(raw, tally, lookups):
        for part, piece in split(batch, "order_id", rows.parts):
            first = rows.height(part)
            reduced = piece.with_columns(
                row=pl.int_range(first, first + piece.height, dtype=pl.UInt32)
            )
            candidates = reduced.filter(pl.col("value_rule"))
            priced.add(part, price_candidates(candidates, lookups, currencies))
            kept = [c for c in (*KEPT_COLUMNS, *DELIVERY_COLUMNS) if c in reduced.columns]
            rows.add(part, reduced.select(kept))
    if tally.rows_read == 0:
        raise FileRejected("no_rows")


def _shipments_of_part(rows: Partitions, priced: Partitions, part: int) -> ShipmentTable:
    # Nested calls, no local names: each full-height frame is freed as soon as the next
    # step has made its successor, which keeps a million-row file's peak down.
    return ShipmentTable.from_shipments(
        _collapse(with_value_exemptions(rows.take(part), priced.take(part)))
    )


def _spilled_shipments(
    rows: Partitions, priced: Partitions, tally: Tally, folder: Path
) -> SpilledShipments:
    """Each part's shipments to its own file; tracking numbers regrouped by their own hash,
    since two orders sharing one are in different parts of the orders."""
    pairs = Partitions(folder, rows.parts, "tracking")
    paths, scientific = [], 0
    for part in range(rows.parts):
        if not rows.height(part):
            continue
        shipments = _shipments_of_part(rows, priced, part).frame
        scientific += scientific_count(shipments)
        for pairs_part, found in split(tracking_pairs(shipments), "tracking", pairs.parts):
            pairs.add(pairs_part, found)
        pairs.flush()  # the pairs point into this part's text: out before the next part
        paths.append(folder / f"shipments-{part}.arrow")
        shipments.write_ipc(paths[-1], compression="uncompressed")
        del shipments  # or it lives on while the next part is built: two parts at once
    reused = [reused_tracking(pairs.take(p)) for p in range(pairs.parts) if pairs.height(p)]
    return SpilledShipments(
        paths,
        rows_read=tally.rows_read,
        rows_skipped=tally.no_order,
        warnings=read_warnings(tally, scientific, reused),
    )


def reduced_batches(raw: RawTable, tally: Tally, lookups: Lookups) -> Iterator[pl.DataFrame]:
    """The file's batches through `reduce_batch`, in order, each parsed and judged by the
    row rules on a thread of its own while the caller works on the batch before it (polars
    works without Python's lock, so on two cores the two halves overlap). `tally` is
    complete, and `lookups` no longer changes, once the batches are exhausted."""
    batches = (one_tracking_column(batch) for batch in raw.batches())
    return read_ahead(reduce_batch(batch, tally, lookups) for batch in batches)


_EXCLUSION_INPUTS = ["date_blank", "platform", "fulfillment", "status", "cancelled", "refunded"]
"""Read by the exclusion rule alone: a reduced batch, which waits for the caller on the
reading thread (`reduced_batches`), no longer holds them."""


def reduce_batch(frame: pl.DataFrame, tally: Tally, lookups: Lookups) -> pl.DataFrame:
    """One batch of raw text columns → typed rows with every exclusion but the value ones:
    two polars queries (row_rules.py), whatever the number of rules. The few-valued
    columns are categoricals already (FEW_VALUES)."""
    tally.rows_read += frame.height
    lookups.learn(frame)
    rows = (
        row_rules(frame, lookups)
        .drop(_EXCLUSION_INPUTS)
        .with_columns(pl.col(FEW_VALUES).cast(pl.Categorical))
        .collect(engine=batch_engine(frame.height))
    )
    rows = _tallied(frame, rows, tally)
    tally.markets_by_address += int(rows.get_column("market_by_address").sum())
    tally.markets_by_currency += int(rows.get_column("market_by_currency").sum())
    # After the tally, which reads the file's rows: split, they no longer line up with them.
    rows = one_row_per_order(one_row_per_package(rows))
    tally.full_width_numbers.update(full_width_numbers(rows))
    rows = fold_tracking(rows)
    if "delivered_text" in rows.columns:
        delivered = parse_dates(rows.get_column("delivered_text")).dates
        rows = rows.with_columns(delivered_on=delivered)
    return rows.drop(
        "unreadable_date", "market_by_address", "market_by_currency", "delivered_text", strict=False
    )


def _tallied(frame: pl.DataFrame, rows: pl.DataFrame, tally: Tally) -> pl.DataFrame:
    """`rows` (the batch `frame`'s, one each) without the rows of no order, which are counted
    (but totals rows) in `tally` with the unreadable ship dates, a few of them kept to quote."""
    blank = pl.col("order_id") == ""
    # A row with no order (a totals row, the header repeated) is skipped, its date unread.
    rows = rows.with_columns(unreadable_date=pl.col("unreadable_date") & ~blank)
    orderless, no_order, unreadable = rows.select(
        blank.sum().alias("orderless"),
        (blank & ~pl.col("totals_row")).sum().alias("no_order"),
        pl.col("unreadable_date").sum(),
    ).row(0)
    rows = rows.drop("totals_row")
    tally.no_order += no_order
    tally.unreadable_dates += unreadable
    if unreadable:
        texts = frame.get_column("ship_date").fill_null("").str.strip_chars()
        tally.keep_unreadable_examples(
            texts.filter(rows.get_column("unreadable_date")).unique(maintain_order=True).to_list()
        )
    if orderless:  # totals rows too, which are no order and warned of by no one
        rows = rows.filter(pl.col("order_id") != "")
    return rows


def shipment_key() -> list[pl.Expr]:
    """What makes an order's row a shipment of its own (docs/vtr-rules.md §4): its order,
    ship date, carrier and tracking number; the carrier is left out when the number is
    empty. The first row of each key stands for the shipment (`_collapse`, tallies.py)."""
    carrier_key = pl.when(pl.col("tracking") != "").then(pl.col("carrier")).otherwise(None)
    return [
        pl.col("order_id"),
        pl.col("ship_date"),
        carrier_key.alias("carrier_key"),
        pl.col("tracking"),
    ]


def _collapse(rows: pl.DataFrame) -> pl.DataFrame:
    """Order-item rows → shipments: one per `shipment_key`. The first row of each shipment
    stands for it, so only rows of orders that appear more than once are compared."""
    kept = (*RECORD_COLUMNS, *DELIVERY_COLUMNS, LETTER_WARNED)
    columns = [c for c in kept if c in rows.columns]
    repeated = repeated_values(rows.get_column("order_id"))
    if not repeated.any():
        return rows.select(columns)  # one row per order: nothing to collapse
    candidates = rows.select(shipment_key()).with_row_index("row").filter(repeated)
    first = pl.struct("order_id", "ship_date", "carrier_key", "tracking").is_first_distinct()
    later_rows = candidates.filter(~first).get_column("row")
    if later_rows.is_empty():  # orders on several rows, each a package of its own
        return rows.select(columns)  # shares the columns: no copy of a million rows
    keep = np.ones(rows.height, dtype=np.bool_)
    keep[later_rows.to_numpy()] = False
    return rows.filter(keep).select(columns)


def read_warnings(tally: Tally, scientific: int, reused: list[pl.DataFrame]) -> list[Warning]:
    """`reused`: the reused tracking numbers of each part of the file (`_reused_tracking`)."""
    warnings = []
    if tally.unreadable_dates:
        examples = ", ".join(tally.unreadable_examples)
        warnings.append(
            Warning(code="unreadable_dates", count=tally.unreadable_dates, detail=examples)
        )
    if tally.date_order.guessed:
        warnings.append(Warning(code="ambiguous_date_order", detail=tally.date_order.guessed))
    if tally.no_order:
        warnings.append(Warning(code="missing_order_id", count=tally.no_order))
    if tally.markets_by_address:
        warnings.append(Warning(code="marketplace_by_address", count=tally.markets_by_address))
    if tally.markets_by_currency:
        warnings.append(Warning(code="marketplace_by_currency", count=tally.markets_by_currency))
    if tally.unread_sheets:
        names = ", ".join(tally.unread_sheets)
        warnings.append(Warning(code="unread_sheets", count=len(tally.unread_sheets), detail=names))
    if scientific:
        warnings.append(Warning(code="scientific_notation_tracking", count=scientific))
    if tally.full_width_numbers:
        wide = sorted(tally.full_width_numbers)
        detail = ", ".join(wide[:FULL_WIDTH_EXAMPLES])
        warnings.append(Warning(code="full_width_tracking", count=len(wide), detail=detail))
    count = sum(found.height for found in reused)
    if count:
        numbers = sorted(number for found in reused for number in found.get_column("tracking"))
        warnings.append(Warning(code="reused_tracking", count=count, detail=", ".join(numbers[:5])))
    return warnings


FULL_WIDTH_EXAMPLES = 5
"""Numbers typed in full-width characters quoted back, in half-width, to find and re-upload."""
INFERRED_EXAMPLES = 3
"""Shipping services quoted with the carrier read from them."""


def carrier_from_service(raw: RawTable, carriers: pl.DataFrame) -> list[Warning]:
    """A file with no carrier column: the carrier was read from the shipping service
    (云途美国专线 → YunExpress), which the report must say, with a few examples.
    `carriers`: the shipments' (carrier, carrier_id), in the file's order."""
    if {"carrier", "carrier_name", CARRIER_IN_TRACKING} & set(raw.columns):
        return []
    names = {carrier_id: c.name for carrier_id, c in carrier_by_id().items()}
    pairs = (
        carriers.select(pl.col("carrier").cast(pl.String), pl.col("carrier_id").cast(pl.String))
        .filter(pl.col("carrier") != "")
        .unique(maintain_order=True)
        .head(INFERRED_EXAMPLES)
    )
    examples = [
        f"{service} → {names.get(carrier_id, '?') if carrier_id else '?'}"
        for service, carrier_id in pairs.iter_rows()
    ]
    return [Warning(code="carrier_from_service", detail=", ".join(examples))]


def scientific_count(shipments: pl.DataFrame) -> int:
    """Self-fulfilled shipments whose tracking number Excel turned into 1.23457E+11."""
    open_ = pl.col("excluded").is_null()
    return int(shipments.select((open_ & looks_scientific(pl.col("tracking"))).sum()).item())
