"""A batch of no rows gets its learnt columns in the types a batch with rows gets
(row_rules.looked_up): with nothing learnt, polars' `replace_strict` typed the ship date's
blank flag and the few-valued words as text, and polars 2.2 then refused the row rules'
'&' of that text with a boolean (a file of headers alone failed with a SchemaError)."""

from __future__ import annotations

from datetime import date

import polars as pl
import pytest

from bot.domain.row_rules import Lookups, looked_up

COLUMNS = ("ship_date", "status", "ship_service", "marketplace", "category")


def _learnt(rows: list[tuple[str, ...]]) -> tuple[pl.DataFrame, Lookups]:
    frame = pl.DataFrame(rows, schema=dict.fromkeys(COLUMNS, pl.String), orient="row")
    lookups = Lookups()
    lookups.learn(frame)
    return frame, lookups


def _types(frame: pl.DataFrame, lookups: Lookups) -> dict[str, pl.DataType]:
    day, blank = lookups.ship_dates()
    words = {m: lookups.word(frame, m) for m in ("status", "ship_service", "marketplace")}
    return dict(frame.lazy().select(day=day, blank=blank, **words).collect().schema)


def test_no_rows_are_typed_as_rows_are() -> None:
    empty = _types(*_learnt([]))
    some = _types(*_learnt([("2026-11-02", "Shipped", "Royal Mail Large Letter", "UK", "Toys")]))
    assert empty == some
    assert empty == {
        "day": pl.Date,
        "blank": pl.Boolean,
        "status": pl.String,
        "ship_service": pl.Boolean,
        "marketplace": pl.String,
    }


def test_no_rows_give_a_flag_that_combines_with_a_boolean() -> None:
    frame, lookups = _learnt([])
    _, blank = lookups.ship_dates()
    out = frame.select(both=blank & pl.lit(True), letter=lookups.word(frame, "ship_service"))
    assert out.height == 0
    assert out.schema["both"] == pl.Boolean


def test_a_learnt_table_reads_its_texts_and_refuses_one_it_never_learnt() -> None:
    texts = pl.DataFrame({"t": ["a", "b", "a"]})
    read = texts.select(looked_up(pl.col("t"), {"a": date(2026, 1, 2), "b": None}, pl.Date))
    assert read.to_series().to_list() == [date(2026, 1, 2), None, date(2026, 1, 2)]
    with pytest.raises(pl.exceptions.InvalidOperationError):
        texts.select(looked_up(pl.col("t"), {"a": date(2026, 1, 2)}, pl.Date))


def test_nothing_learnt_over_no_rows_is_typed_and_empty() -> None:
    none = pl.DataFrame({"t": []}, schema={"t": pl.String})
    for dtype in (pl.Boolean, pl.Date, pl.Categorical):
        out = none.lazy().select(looked_up(pl.col("t"), {}, dtype)).collect()
        assert out.schema["t"] == dtype
        assert out.height == 0
