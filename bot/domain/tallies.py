"""The report of a file without its shipments: each batch judged by the same rules as
`build_shipments` (row rules, carriers, tracking checks, prices), then reduced to what a
report needs, so memory no longer holds every row's text.

What needs the whole file is settled at the end from small columns: which rows are a
shipment's first (its key's hash, `shipment_key`), which orders are exempt by value (the
candidates' prices by order hash, `exemptions.value_exemptions_of`), and which tracking numbers
several orders share (number and order hashes). Each row keeps three 8-byte hashes and
half of a fourth (28 bytes); the few-valued columns of its shipment (date, category, carrier, marketplace, verdict,
exclusion) are kept once per distinct combination (a "group", by the hash of the
combination), and the text of a row only where it is a defect, or a tracking number seen
before (a bitmap of hashes says which may be).

A hash that two different groups or shipment keys share would merge them: that is checked
(groups by a second hash of their columns, batch by batch and at each merge; keys by their
orders at the end), and the caller then reads the file the whole way (`HashCollision`,
`engine.report_file`). Two tracking numbers, or two value-rule orders, sharing a 64-bit
hash (about one chance in 10^8 for a million rows) are taken as one; the orders of rows
that share a tracking number or a key are told apart by 32 bits of their hash (two
different orders of one number look alike once in 4 x 10^9).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TypeVar

import numpy as np
import numpy.typing as npt
import polars as pl

from bot.domain.batch_engine import batch_engine
from bot.domain.errors import FileRejected
from bot.domain.exemptions import split_warned, value_exemptions_of
from bot.domain.models import AsOfSource, VtrReport, window_start
from bot.domain.prefetch import Beside
from bot.domain.reading import RawTable
from bot.domain.reference import marketplace_by_code
from bot.domain.repeats import counted_number, repeated_hashes
from bot.domain.row_rules import Lookups, price_candidates
from bot.domain.shipments import (
    DELIVERY_COLUMNS,
    KEPT_COLUMNS,
    ShipmentTable,
    Tally,
    carrier_from_service,
    read_warnings,
    reduced_batches,
    require_columns,
    shipment_key,
)
from bot.domain.tracking import looks_scientific
from bot.domain.vtr import KEY_COLUMNS, PartCounts, defects_of, report_of_parts

GROUP_COLUMNS = [*KEY_COLUMNS, "excluded", "scientific"]
"""What a shipment is counted by: the report's keys, its exclusion, and whether Excel
turned its number into 9.4E+21 (a warning of its own)."""
SEEN_SLOTS_BITS = 23
"""Tracking numbers seen, by the top bits of their hash: 2^23 one-bit slots (1 MiB), many
more than a big file has numbers, so few new numbers look seen, and only those numbers'
text is kept (how many: docs/performance.md)."""
_DEFECT_COLUMNS = [
    "row",
    "order_id",
    "ship_date",
    "category",
    "carrier",
    "carrier_id",
    "marketplace",
    "tracking",
    "reason",
    "shop",
]


GROUP_BATCHES = 8
"""Batches whose distinct groups are kept apart before they are merged: a batch of a big
file holds a good part of the file's groups, so merging after every batch would cost a
merge of all of them each time."""


class HashCollision(Exception):
    """Two different groups, or two different shipments, share a hash: this file is read
    the whole way instead (`engine.report_file`)."""


def file_report(raw: RawTable, as_of: date | None = None, today: date | None = None) -> VtrReport:
    """The report `compute_report(build_shipments(raw))` makes, batch by batch."""
    require_columns(raw)
    tally = Tally(unread_sheets=raw.unread_sheets)
    lookups = Lookups.of_table(raw, tally.date_order)
    currencies = {code: m.currency for code, m in marketplace_by_code().items()}
    tallies = _Tallies()
    for rows in reduced_batches(raw, tally, lookups):
        tallies.add(rows, lookups, currencies)
    if tally.rows_read == 0:
        raise FileRejected("no_rows")
    return tallies.report(raw, tally, as_of, today)


@dataclass
class _Tallies:
    """What the batches of one file leave for its report."""

    rows: list[pl.DataFrame] = field(default_factory=list)
    """Per row: its shipment key's hash, its group's, its counted tracking number's (null
    when not counted) and 32 bits of its order's (28 bytes a row)."""
    groups: list[pl.DataFrame] = field(default_factory=list)
    priced: list[pl.DataFrame] = field(default_factory=list)
    defects: list[pl.DataFrame] = field(default_factory=list)
    numbers: list[pl.DataFrame] = field(default_factory=list)
    """(number hash, text) of the counted tracking numbers that may have been seen before."""
    height: int = 0
    seen: npt.NDArray[np.uint8] = field(
        default_factory=lambda: np.zeros(1 << (SEEN_SLOTS_BITS - 3), np.uint8)
    )

    def add(self, rows: pl.DataFrame, lookups: Lookups, currencies: dict[str, str]) -> None:
        """One batch's reduced rows (`reduce_batch`): judged, then kept as tallies."""
        first, self.height = self.height, self.height + rows.height
        rows = rows.with_columns(row=pl.int_range(first, self.height, dtype=pl.UInt32))
        candidates = rows.filter(pl.col("value_rule")).with_columns(pl.col("order_id").hash())
        self.priced.append(price_candidates(candidates, lookups, currencies))
        shipments = _judged(rows)
        hashed, groups, defects, collides = pl.collect_all(
            _tallied(shipments), engine=batch_engine(shipments.height)
        )
        if collides.item():
            raise HashCollision("two groups of a batch share a hash")
        self.rows.append(hashed)
        self._keep_groups(groups)
        self.defects.append(_compact(defects))
        self._keep_numbers_seen_before(shipments, hashed.get_column("number"))

    def _keep_groups(self, groups: pl.DataFrame) -> None:
        """The batch's distinct groups, merged with the earlier ones every GROUP_BATCHES."""
        self.groups.append(groups)
        if len(self.groups) >= GROUP_BATCHES:
            self.groups = [_distinct_groups(_unless_colliding(pl.concat(self.groups)))]

    def _keep_numbers_seen_before(self, shipments: pl.DataFrame, numbers: pl.Series) -> None:
        """Keep the text of the counted numbers that an earlier row may have had (their
        slot is set) or that repeat in this batch; then set the slots of this batch's."""
        present = numbers.drop_nulls()
        slots = present.to_numpy() >> np.uint64(64 - SEEN_SLOTS_BITS)
        byte, bit = slots >> np.uint64(3), (slots & np.uint64(7)).astype(np.uint8)
        maybe = pl.Series((self.seen[byte] >> bit) & 1 == 1) | present.is_duplicated()
        if maybe.any():
            found = shipments.select("tracking", number=numbers).drop_nulls("number")
            self.numbers.append(_compact(found.filter(maybe)))
        _set_bits(self.seen, slots)

    def report(
        self, raw: RawTable, tally: Tally, as_of: date | None, today: date | None
    ) -> VtrReport:
        """The report, once every batch is added. Two pairs of independent steps run side
        by side (`Beside`): the value exemptions beside the first row of each key and the
        groups, then the reused numbers beside the defects and the counts."""
        rows = pl.concat(self.rows, rechunk=False)
        self.rows = []
        exemptions = Beside(_exemptions_split, pl.concat(self.priced), rows.height)
        self.priced = []
        first = _first_of_each_key(rows)
        groups = self._groups()
        warned_rows, exempt = exemptions.result()
        exempt_rows = np.zeros(rows.height, np.bool_)
        exempt_rows[exempt.get_column("row").to_numpy()] = True
        # Which shipment comes first matters only to carrier_from_service's examples.
        with_first = not {"carrier", "carrier_name"} & set(raw.columns)
        shipments = _shipment_groups(rows, first, exempt, warned_rows, groups, with_first)
        as_of, as_of_source = _as_of(shipments, as_of, today)
        counted = first & ~pl.Series(exempt_rows)
        reused = Beside(self._reused, rows, counted)
        del rows
        part = _part_counts(shipments, self._defects(counted, as_of), as_of)
        warnings = read_warnings(
            tally,
            _total(shipments.filter(pl.col("excluded").is_null() & pl.col("scientific"))),
            [reused.result()],
        )
        if with_first:
            carriers = shipments.sort("first").select("carrier", "carrier_id")
            warnings += carrier_from_service(raw, carriers)
        return report_of_parts(
            [part], as_of, as_of_source, warnings, tally.rows_read, tally.no_order
        )

    def _groups(self) -> pl.DataFrame:
        groups = _distinct_groups(_unless_colliding(pl.concat(self.groups)))
        self.groups = []
        return groups.drop("group_check")

    def _defects(self, counted: pl.Series, as_of: date) -> pl.DataFrame:
        """The defective shipments in the window, as `defects_of` takes them."""
        defects = pl.concat(self.defects)
        self.defects = []
        in_window = pl.col("ship_date").is_between(window_start(as_of), as_of)
        return defects.filter(counted.gather(defects.get_column("row")) & in_window)

    def _reused(self, rows: pl.DataFrame, counted: pl.Series) -> pl.DataFrame:
        """The numbers (`tracking`) that counted shipments of more than one order share."""
        numbers = rows.get_column("number")
        counted &= numbers.is_not_null()
        repeated = repeated_hashes(numbers.filter(counted))
        shared = (
            rows.filter(counted & numbers.is_in(repeated.implode()))
            .group_by("number")
            .agg(orders=pl.col("order").n_unique())
            .filter(pl.col("orders") > 1)
        )
        texts = pl.concat(self.numbers).unique(subset="number") if self.numbers else None
        self.numbers = []
        if shared.is_empty() or texts is None:
            return pl.DataFrame(schema={"tracking": pl.String})
        found = shared.join(texts, on="number", how="left")
        if found.get_column("tracking").null_count():
            raise HashCollision("a shared number's text was not kept")  # never: the bitmap
        return found.select("tracking")


def _exemptions_split(
    priced: pl.DataFrame, height: int
) -> tuple[npt.NDArray[np.bool_], pl.DataFrame]:
    """`split_warned` of the candidates' `value_exemptions_of`."""
    return split_warned(value_exemptions_of(priced), height)


def _set_bits(bits: npt.NDArray[np.uint8], slots: npt.NDArray[np.uint64]) -> None:
    """Set the bits `slots` of `bits`. `ufunc.at` or-s each slot in, however many share a
    byte (a plain assignment keeps one write per byte); sorting the slots to or them
    together first cost ten times as much."""
    values = np.left_shift(1, (slots & np.uint64(7)).astype(np.uint8)).astype(np.uint8)
    np.bitwise_or.at(bits, slots >> np.uint64(3), values)


def _judged(rows: pl.DataFrame) -> pl.DataFrame:
    """A batch's rows as shipments' rows: their carrier and tracking verdicts
    (`ShipmentTable.from_shipments`, as `build_shipments` judges them)."""
    kept = [c for c in (*KEPT_COLUMNS, *DELIVERY_COLUMNS, "row") if c in rows.columns]
    return ShipmentTable.from_shipments(rows.select(kept)).frame


def _tallied(shipments: pl.DataFrame) -> list[pl.LazyFrame]:
    """What a batch's judged rows leave, as four queries run together: what
    `_Tallies.rows` keeps of each row, the batch's distinct groups (GROUP_COLUMNS and their
    two hashes), its defects (`_compact` them: they point into the batch's text), and
    whether two of its groups share a hash (`_colliding`)."""
    key = shipment_key()
    judged = shipments.lazy().with_columns(*key, scientific=looks_scientific(pl.col("tracking")))
    schema = judged.collect_schema()
    judged = judged.with_columns(
        group=_folded_hash(GROUP_COLUMNS, schema),
        group_check=_folded_hash(GROUP_COLUMNS, schema, _CHECK_MULTIPLIER, _CHECK_SEED),
    )
    hashed = judged.select(
        key=_folded_hash([column.meta.output_name() for column in key], schema),
        group="group",
        number=pl.when(counted_number(pl.col("scientific"))).then(pl.col("tracking").hash()),
        order=(pl.col("order_id").hash() & 0xFFFFFFFF).cast(pl.UInt32),
    )
    defective = pl.col("reason").is_not_null() & pl.col("excluded").is_null()
    delivery = [c for c in DELIVERY_COLUMNS if c in shipments.columns]
    return [
        hashed,
        _distinct_groups(judged.select(*GROUP_COLUMNS, "group", "group_check")),
        judged.filter(defective).select(*_DEFECT_COLUMNS, *delivery),
        judged.select(_colliding()),
    ]


FrameT = TypeVar("FrameT", pl.DataFrame, pl.LazyFrame)


def _distinct_groups(groups: FrameT) -> FrameT:
    """Each group's first row, by its hash: several times cheaper than comparing the
    GROUP_COLUMNS themselves (a struct's first occurrences), which a big file's groups, about
    half its rows, paid in every batch and merge (docs/performance.md). Two different
    combinations sharing the hash are found by `_colliding` before any is dropped."""
    return groups.filter(pl.col("group").is_first_distinct())


def _colliding() -> pl.Expr:
    """Whether two different combinations of GROUP_COLUMNS share `group`: they differ in
    `group_check`, a second hash with its own multiplier and seed, so the frame holds more
    distinct (group, group_check) pairs than groups. Pairs are counted by a wrapping
    multiply-add of the two; should two pairs share that sum, the count is lower, and the
    file is read the whole way for nothing. A collision goes unseen only if the check
    hash collides too, or two such sums cancel it (about 2^-64 for a pair of groups)."""
    pair = pl.col("group") * pl.lit(_FNV_PRIME, dtype=pl.UInt64) + pl.col("group_check")
    return pl.col("group").n_unique() != pair.n_unique()


def _unless_colliding(groups: pl.DataFrame) -> pl.DataFrame:
    """`groups`, or `HashCollision` when two of its groups share a hash (`_colliding`)."""
    if groups.select(_colliding()).item():
        raise HashCollision("two groups share a hash")
    return groups


_NULL_CODE = 1 << 40
"""A null's code in `_folded_hash`: above any date's or categorical's."""


_FNV_PRIME = 0x100000001B3
_CHECK_MULTIPLIER, _CHECK_SEED = 0x9E3779B97F4A7C15, 0x5DEECE66D
"""`group_check`'s fold: another odd multiplier (the golden ratio's), another seed."""


def _folded_hash(
    names: Sequence[str], schema: pl.Schema, multiplier: int = _FNV_PRIME, seed: int = 0
) -> pl.Expr:
    """A hash of a row's `names` columns: each as one integer (a text's own hash, a date's
    day number, a categorical's code, a flag), folded by a wrapping multiply-add, then
    hashed. About a third of the CPU of polars' hash of a struct of the same columns, and
    the texts' hashes are those `order` and `number` compute anyway. A hash all the same:
    two groups or keys that share one are told apart at the end (`HashCollision`)."""
    folded = pl.lit(0, dtype=pl.UInt64)
    for name in names:
        folded = folded * pl.lit(multiplier, dtype=pl.UInt64) + _code(name, schema[name])
    return folded.hash(seed)


def _code(name: str, dtype: pl.DataType) -> pl.Expr:
    """One column of `_folded_hash` as a UInt64."""
    column = pl.col(name)
    if dtype == pl.String:
        return column.hash()
    if dtype == pl.Date:
        days = column.to_physical().cast(pl.Int64) + (1 << 31)
        return days.cast(pl.UInt64).fill_null(_NULL_CODE)
    if dtype in (pl.Categorical, pl.Boolean):
        return column.to_physical().cast(pl.UInt64).fill_null(_NULL_CODE)
    raise TypeError(f"no code for {name} ({dtype})")  # a column added without its code


def _compact(frame: pl.DataFrame) -> pl.DataFrame:
    """A few rows that hold only their own text: a filtered frame keeps the whole batch's
    text buffers alive. Each text column is made anew (concatenated with nothing, which
    writes fresh buffers, nulls kept); the other columns are the filter's own copies.
    Through Python lists, as before, it cost several times as much (docs/performance.md)."""
    texts = [name for name, dtype in frame.schema.items() if dtype == pl.String]
    return frame.with_columns(pl.concat_str([pl.col(name), pl.lit("")]) for name in texts)


def _first_of_each_key(rows: pl.DataFrame) -> pl.Series:
    """True on the first row of each shipment key (`shipment_key`'s hash). Rows that share
    a key's hash are item rows of one order: their order's own hash says so, or two
    shipments collided (`HashCollision`)."""
    keys = rows.get_column("key")
    first = pl.Series(np.ones(len(keys), np.bool_))
    repeated = repeated_hashes(keys)
    if repeated.is_empty():
        return first
    sharing = keys.is_in(repeated.implode()).arg_true()
    keyed = rows.select("key", "order")[sharing]
    if keyed.group_by("key").agg(pl.col("order").n_unique() > 1).get_column("order").any():
        raise HashCollision("two shipments share a key hash")
    return first.scatter(sharing.filter(~keyed.get_column("key").is_first_distinct()), False)


_LATER_ROW = 255
"""The exemption code of a row that is not its shipment's first: it is not counted."""


def _shipment_groups(
    rows: pl.DataFrame,
    first: pl.Series,
    exempt: pl.DataFrame,
    warned: npt.NDArray[np.bool_],
    groups: pl.DataFrame,
    with_first: bool,
) -> pl.DataFrame:
    """The shipments (each key's first row) tallied by GROUP_COLUMNS, their exclusion
    including the value exemptions, and whether their letter is counted with a warning
    (LETTER_WARNED, `warned` per row): `n` shipments, and `with_first`, the first of them
    at row `first`."""
    reasons = sorted(set(exempt.get_column("value_exemption").to_list()))
    codes = np.zeros(rows.height, np.uint8)
    by_reason = {reason: code for code, reason in enumerate(reasons, start=1)}
    codes[exempt.get_column("row").to_numpy()] = (
        exempt.get_column("value_exemption").replace_strict(by_reason, return_dtype=pl.UInt8)
    ).to_numpy()
    codes[~first.to_numpy()] = _LATER_ROW
    tallied = [pl.len().alias("n"), *([pl.col("row").min().alias("first")] if with_first else [])]
    counted = (
        rows.lazy()
        .select("group", exemption=pl.lit(pl.Series(codes)), warned=pl.lit(pl.Series(warned)))
        .with_row_index("row")
        .group_by("group", "exemption", "warned")
        .agg(tallied)
        .filter(pl.col("exemption") != _LATER_ROW)
        .collect()
    )
    exemption = pl.col("exemption").replace_strict(
        dict(enumerate(reasons, start=1)), default=None, return_dtype=pl.String
    )
    return counted.join(groups, on="group").with_columns(
        excluded=pl.when(pl.col("excluded").is_null())
        .then(exemption.cast(pl.Categorical))
        .otherwise(pl.col("excluded"))
    )


def _as_of(
    shipments: pl.DataFrame, as_of: date | None, today: date | None
) -> tuple[date, AsOfSource]:
    """As `vtr.resolve_as_of`: the given date; else the latest ship date of a
    self-fulfilled shipment; else of any; else today."""
    if as_of is not None:
        return as_of, "given"
    dates = shipments.get_column("ship_date")
    shipped = dates.filter(shipments.get_column("excluded").is_null()).max() or dates.max()
    if isinstance(shipped, date):
        return shipped, "latest_ship_date"
    return today or date.today(), "today"


def _total(shipments: pl.DataFrame) -> int:
    return int(shipments.get_column("n").sum())


def _part_counts(shipments: pl.DataFrame, defective: pl.DataFrame, as_of: date) -> PartCounts:
    """As `vtr._count_part` of the shipments themselves."""
    open_ = pl.col("excluded").is_null()
    in_window = pl.col("ship_date").is_between(window_start(as_of), as_of)
    counts = (
        shipments.filter(open_ & in_window).group_by(KEY_COLUMNS).agg(shipments=pl.col("n").sum())
    )
    excluded = shipments.filter(~open_).group_by("excluded").agg(count=pl.col("n").sum())
    return PartCounts(
        counts=counts,
        defects=defects_of(defective, as_of),
        excluded=excluded,
        outside=_total(shipments.filter(open_ & ~in_window)),
        letters_warned=_total(shipments.filter(open_ & in_window & pl.col("warned"))),
    )
