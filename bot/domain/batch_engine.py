"""Which polars engine runs the queries made per batch of a file (the row rules, the
lookups, `classify`, the tallies).

polars runs a lazy query on its streaming engine unless told otherwise. A batch is a few
tens of thousands of rows, and for queries that small the streaming engine's set-up is a
good part of the cost: run in memory, the same queries take less CPU, and two threads
asking at once (the reading thread and the caller, `shipments.reduced_batches`) share the
cores better. Same results either way; the figures are in docs/performance.md. Parsing a
chunk (`reading._parse_chunk`) is left to polars' choice.
"""

from __future__ import annotations

from typing import Literal


def batch_engine(rows: int) -> Literal["in-memory", "auto"]:
    """The engine for a query over `rows` rows of a batch. An empty batch stays on polars'
    default: there the in-memory engine gives `replace_strict` with an empty mapping its
    input's type, not the one asked for (polars 2.1: the row rules' query then fails on a
    file of headers alone), and nothing is to be gained."""
    return "in-memory" if rows else "auto"
