"""VTR Bot: keeps Amazon self-fulfilled sellers' Valid Tracking Rate above the bar."""

import os

__version__ = "0.1.0"

ALLOCATOR_SETTINGS = "background_thread:true,dirty_decay_ms:10,muzzy_decay_ms:0"
"""polars allocates through its own jemalloc and sets it to keep freed pages for about a
second: each phase of a big file then adds its leftovers to the peak. Handing pages back
after 10 ms, from a background thread, keeps the peak near what is live (the figures are in
docs/performance.md, "Memory"). polars reads this variable when it loads, so it is set here,
before any module imports polars: the one environment change made at import, and an
operator's own _RJEM_MALLOC_CONF is kept instead."""
os.environ.setdefault("_RJEM_MALLOC_CONF", ALLOCATOR_SETTINGS)
