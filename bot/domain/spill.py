"""Hash partitions on disk, so that a file of any size is worked on one part at a time.

A big file's rows are split by the hash of a key (the order ID, so every row of an order
lands in the same part) into parts of about `PARTITION_SOURCE_BYTES` of the file each.
Rows are buffered in memory and written out as Arrow IPC files whenever `FLUSH_ROWS` are
waiting; a part is read back whole only when it is worked on. Memory then follows the part
size, which is fixed, instead of the file size. The files are uncompressed: lz4 made a
605 MiB file's check 20% slower (15.0 s against 12.2 s) to save disk that is freed as soon
as the upload is done.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from pathlib import Path

import polars as pl

PARTITION_SOURCE_BYTES = 256 << 20
"""File bytes per part. A file up to this size is one part and never touches the disk:
measured, a 151 MiB file peaks at 300 MiB in all (bench/bench_memory.py), so one part of
256 MiB stays under ~500 MiB."""
FLUSH_ROWS = 250_000
"""Rows buffered, over all parts, before they are written out: about 40 MB."""


def partition_count(source_bytes: int) -> int:
    return max(1, math.ceil(source_bytes / PARTITION_SOURCE_BYTES))


def split(frame: pl.DataFrame, key: str, parts: int) -> Iterator[tuple[int, pl.DataFrame]]:
    """(part, rows) for each part that has rows; the rows keep their order."""
    if parts == 1:
        yield 0, frame
        return
    numbered = frame.with_columns(_part=(pl.col(key).hash() % parts).cast(pl.UInt32))
    for (part,), rows in numbered.partition_by("_part", as_dict=True).items():
        yield int(part), rows.drop("_part")


class Partitions:
    """Frames added part by part, taken back part by part (in the order they were added).

    With one part, or no folder to write to, everything stays in memory: small files pay
    nothing for this."""

    def __init__(self, folder: Path | None, parts: int, name: str) -> None:
        self.folder, self.parts, self.name = folder, parts, name
        self._buffers: list[list[pl.DataFrame]] = [[] for _ in range(parts)]
        self._files: list[list[Path]] = [[] for _ in range(parts)]
        self._heights = [0] * parts
        self._buffered = 0

    def height(self, part: int) -> int:
        """Rows added to `part` so far: the position the next row added to it will have."""
        return self._heights[part]

    def add(self, part: int, frame: pl.DataFrame) -> None:
        """Empty frames are kept too: they carry the columns of a part that got no rows."""
        self._buffers[part].append(frame)
        self._heights[part] += frame.height
        self._buffered += frame.height
        if self._buffered >= FLUSH_ROWS:
            self.flush()

    @property
    def spills(self) -> bool:
        return self.folder is not None and self.parts > 1

    def take(self, part: int) -> pl.DataFrame:
        """The part's rows, removed from disk and memory (no columns if nothing was added)."""
        frames = [pl.read_ipc(path) for path in self._files[part]]
        frames += self._buffers[part]
        for path in self._files[part]:
            path.unlink()
        self._buffers[part], self._files[part] = [], []
        if not frames:
            return pl.DataFrame()
        return pl.concat(frames, rechunk=False) if len(frames) > 1 else frames[0]

    def flush(self) -> None:
        """Write out what is buffered (when spilling). Also frees what the buffered frames
        point into: a filtered frame keeps its source's text buffers alive."""
        if not self.spills:
            return
        assert self.folder is not None
        for part, frames in enumerate(self._buffers):
            if not frames:
                continue
            path = self.folder / f"{self.name}-{part}-{len(self._files[part])}.arrow"
            pl.concat(frames).write_ipc(path, compression="uncompressed")
            self._files[part].append(path)
            self._buffers[part] = []
        self._buffered = 0
