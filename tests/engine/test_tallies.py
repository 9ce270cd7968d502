"""The report made batch by batch (`engine.report_file`, tallies.py) against the one made
from the whole shipment table (`engine.analyse_file`): two ways of reaching one report,
each the other's independent check, on files that exercise every rule that needs the
whole file (item rows collapsed, value exemptions summed per order, reused numbers). The
same check on generated rows is tests/engine/test_properties.py's, in the full tier."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import numpy as np
import polars as pl
import pytest

from bot.domain import reading, tallies
from bot.domain.engine import analyse_file, report_file
from tests.engine.conftest import UPS_OK
from tests.generate import generate

AS_OF = date(2026, 11, 20)
HEADER = (
    "order-id,ship-date,sales-channel,product-category,fulfillment-channel,order-status,"
    "carrier-code,tracking-number,ship-service-level,item-price,shipping-price,currency,"
    "delivery-status"
)


def write_orders(path: Path, rows: list[tuple[object, ...]], carrier_column: bool = True) -> Path:
    """The rows as a CSV; without the carrier column, the carrier is read from the ship
    service (carrier_from_service), which quotes the first shipments' carriers."""
    carrier = HEADER.split(",").index("carrier-code")
    lines = []
    for cells in [HEADER.split(","), *map(_cells, rows)]:
        lines.append(",".join(c for i, c in enumerate(cells) if carrier_column or i != carrier))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _cells(row: tuple[object, ...]) -> list[str]:
    order, age, *rest = row
    day = "" if age == 40 else (AS_OF - timedelta(days=int(str(age)))).isoformat()
    return [f"O-{order}", day, *map(str, rest)]


# Over 0.3 s of CPU: a generated file analysed twice, in many small batches.
@pytest.mark.slow
def test_a_generated_file_in_many_batches(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The benchmark's kind of file (reused numbers, EU letters, FBA, cancellations)."""
    monkeypatch.setattr(reading, "CHUNK_BYTES", 16 << 10)
    path = tmp_path / "generated.csv"
    generate(path, 3000, seed=3)
    assert report_file(path) == analyse_file(path)[0]
    assert report_file(path, as_of=AS_OF) == analyse_file(path, as_of=AS_OF)[0]


def test_a_hash_collision_falls_back_to_the_whole_table(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_orders(tmp_path / "orders.csv", [(1, 3, "Amazon.com", "Toys", "Merchant", "Shipped",
                                             "UPS", UPS_OK, "Standard", "5.00", "0", "", "")])  # fmt: skip

    def collide(rows: object) -> object:
        raise tallies.HashCollision("forced")

    monkeypatch.setattr(tallies, "_first_of_each_key", collide)
    assert report_file(path, as_of=AS_OF) == analyse_file(path, as_of=AS_OF)[0]


def test_set_bits_sets_every_slot_however_many_share_a_byte() -> None:
    # Slots 0-7 share byte 0, 8 and 15 byte 1; 3 comes twice; an independent check by
    # unpacking the bytes into one flag per slot.
    slots = np.array([3, 0, 7, 3, 1, 2, 4, 5, 6, 8, 15, 40], dtype=np.uint64)
    bits = np.zeros(8, np.uint8)
    tallies._set_bits(bits, slots)
    flags = np.unpackbits(bits, bitorder="little").astype(bool)
    assert flags.nonzero()[0].tolist() == [0, 1, 2, 3, 4, 5, 6, 7, 8, 15, 40]
    assert bits[0] == 0xFF


def test_folded_hash_tells_apart_rows_that_differ_in_any_one_column() -> None:
    base = {"order_id": "A1", "ship_date": date(2026, 11, 1), "carrier": "UPS", "flag": True}
    changes = {
        "order_id": ["A2", None],
        "ship_date": [date(2026, 11, 2), date(1969, 12, 31), None],
        "carrier": ["DHL", None],
        "flag": [False, None],
    }
    rows = [base] + [{**base, name: value} for name, values in changes.items() for value in values]
    schema = {"order_id": pl.String, "ship_date": pl.Date, "carrier": pl.Categorical}
    frame = pl.DataFrame(rows, schema=schema | {"flag": pl.Boolean}, orient="row")
    hashes = frame.select(tallies._folded_hash(list(base), frame.schema)).to_series()
    assert hashes.n_unique() == len(rows)  # every change gives a hash of its own
    again = pl.concat([frame, frame.head(1)]).select(tallies._folded_hash(list(base), frame.schema))
    assert again.to_series()[-1] == hashes[0]  # the same row, the same hash


@pytest.mark.parametrize("chunk_bytes", [1 << 20, 200])
def test_groups_sharing_a_hash_fall_back_to_the_whole_table(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, chunk_bytes: int
) -> None:
    """Every group given one hash (the check hash left as it is): two categories, two
    carriers and a cancelled order would be counted as one group; the collision is seen,
    within one batch and across batches of a row or two, and the report is the whole
    table's. By hand: Toys 2 shipments, 1 valid (the UPS number); Home 1, valid."""
    rows = [
        (1, 3, "Amazon.com", "Toys", "Merchant", "Shipped", "UPS", UPS_OK, "Std", "5", "0", "", ""),
        (2, 4, "Amazon.com", "Toys", "Merchant", "Shipped", "DHL", "", "Std", "5", "0", "", ""),
        (3, 5, "Amazon.com", "Home", "Merchant", "Shipped", "UPS", UPS_OK, "Std", "5", "0", "", ""),
        (4, 5, "Amazon.com", "Home", "Merchant", "Cancelled", "UPS", "", "Std", "5", "0", "", ""),
    ]
    path = write_orders(tmp_path / "orders.csv", rows)
    monkeypatch.setattr(reading, "CHUNK_BYTES", chunk_bytes)
    folded_hash = tallies._folded_hash

    def one_hash_for_groups(names: list[str], schema: pl.Schema, *args: int) -> pl.Expr:
        if list(names) == tallies.GROUP_COLUMNS and not args:
            return pl.lit(7, dtype=pl.UInt64)
        return folded_hash(names, schema, *args)

    monkeypatch.setattr(tallies, "_folded_hash", one_hash_for_groups)
    report = report_file(path, as_of=AS_OF)
    assert report == analyse_file(path, as_of=AS_OF)[0]
    counts = {g.name: (g.shipments, g.valid) for g in report.by_category}
    assert counts == {"Toys": (2, 1), "Home": (1, 1)}
    assert report.excluded["cancelled"] == 1
