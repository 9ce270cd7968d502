"""What repeats in a file: order IDs on several rows (item rows of one order), and tracking
numbers reused across orders (a warning, not a defect: docs/vtr-rules.md §4.4)."""

from __future__ import annotations

import polars as pl

from bot.domain.tracking import looks_scientific


def repeated_values(column: pl.Series) -> pl.Series:
    """True where a value may occur more than once: exact for the rows it calls unique,
    a superset (hash collisions) for the others, which callers compare exactly.

    A sorted copy of 8-byte hashes finds the repeats: on a million values this holds
    16 MB, where polars' own `is_duplicated` held 75 MB at the engine's peak."""
    hashes = column.hash()
    return hashes.is_in(repeated_hashes(hashes).implode())


def repeated_hashes(hashes: pl.Series) -> pl.Series:
    """The values of a column of hashes (no nulls) that occur more than once, from a sorted
    copy: a hash table of a million values held several times more, and polars sorts
    integers several times faster than it hashes them."""
    ordered = hashes.sort()
    later = ordered.slice(1)
    return later.filter(later == ordered.slice(0, len(later))).unique()


def counted_tracking(shipments: pl.DataFrame) -> pl.Series:
    """Counted shipments that have a tracking number: those whose numbers may be reused.
    A placeholder (待上传) or a number Excel destroyed (9.4E+21) on many orders is not a
    number reused: each has its own line in the report. `shipments` are classified
    (tracking.classify), whose missing_tracking on a non-empty cell is a placeholder."""
    return shipments.select(counted_number()).to_series()


def counted_number(scientific: pl.Expr | None = None) -> pl.Expr:
    """`counted_tracking` as an expression over classified shipments' columns; `scientific`,
    `looks_scientific` of the number when the caller has it already (a pattern per row)."""
    number = pl.col("tracking")
    return (
        pl.col("excluded").is_null()
        & (number != "")
        & (pl.col("reason") != "missing_tracking").fill_null(True)
        & ~(looks_scientific(number) if scientific is None else scientific)
    )


def tracking_pairs(shipments: pl.DataFrame) -> pl.DataFrame:
    """(tracking, order_id) of the counted shipments that have a tracking number."""
    return shipments.filter(counted_tracking(shipments)).select("tracking", "order_id")


def reused_tracking(pairs: pl.DataFrame, counted: pl.Series | bool = True) -> pl.DataFrame:
    """Tracking numbers on shipments of more than one order: suspicious, not invalid.

    `counted` masks the rows of `pairs` to look at. Only the rows whose number repeats are
    copied (a copy of every counted pair weighed ~20 MB on a million rows)."""
    repeated = pairs.select("tracking", "order_id").filter(
        counted & repeated_values(pairs.get_column("tracking"))
    )
    return (
        repeated.filter(repeated.get_column("tracking").is_duplicated())
        .group_by("tracking")
        .agg(pl.col("order_id").n_unique().alias("orders"))
        .filter(pl.col("orders") > 1)
    )
