"""The cyclic garbage collector kept off what a process makes once and keeps.

A command's start-up makes tens of thousands of objects that live as long as its process:
the engine's modules (polars, numpy, pydantic and the models) for an analysis, the prepared
knowledge base for `vtrbot ask`. With the collector on, every few hundred new objects set off
a pass over the young ones, and a full pass came once the start-up's objects had piled up:
CPU spent proving that nothing of a start-up is garbage. Made with the collector paused and
then frozen (`gc.freeze`: never examined again), they cost only their making. The figures
are in docs/performance.md ("the start-up without the collector").
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def kept_for_good() -> Iterator[None]:
    """Run the block with the collector paused, then freeze every object alive (they stay
    for the process's life; the few cycles the block left as garbage stay too), and give
    the collector back as it was. For a process's start-up only: never around work whose
    objects are to be freed."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()
