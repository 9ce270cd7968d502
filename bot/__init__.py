"""VTR Bot: keeps Amazon self-fulfilled sellers' Valid Tracking Rate above the bar."""

import os

__version__ = "0.1.0"

ALLOCATOR_SETTINGS = "background_thread:true,dirty_decay_ms:10,muzzy_decay_ms:0"
"""polars allocates through its own jemalloc and sets it to keep freed pages 0.5-1 s: each
phase of a million-row file then adds its leftovers, peaking at ~435 MB where ~280 MB are
live. Handing pages back after 10 ms, from a background thread, peaks at ~300-320 MB for
~0.2 s (at once: the live peak, but a second slower). polars appends this variable to its
own settings when it loads, so it is set here, before any module imports polars; an
operator's own _RJEM_MALLOC_CONF is kept instead."""
os.environ.setdefault("_RJEM_MALLOC_CONF", ALLOCATOR_SETTINGS)
