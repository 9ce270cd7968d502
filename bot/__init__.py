"""VTR Bot: keeps Amazon self-fulfilled sellers' Valid Tracking Rate above the bar."""

import os

__version__ = "0.1.0"

ALLOCATOR_SETTINGS = "background_thread:true,dirty_decay_ms:10,muzzy_decay_ms:0"
"""polars allocates through its own jemalloc, which keeps freed pages for 10 s by default:
a million-row file then peaks at ~435 MB where ~280 MB are live. Handing pages back after
10 ms, from a background thread, peaks at ~335 MB for ~0.2 s (returning them at once
costs a full second). It is read once, when polars loads, so it is set here, before any
module imports polars; an operator's own _RJEM_MALLOC_CONF wins."""
os.environ.setdefault("_RJEM_MALLOC_CONF", ALLOCATOR_SETTINGS)
