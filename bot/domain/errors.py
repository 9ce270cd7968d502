"""Why a file could not be read, in a form the adapters can translate."""

from __future__ import annotations

from typing import Literal

RejectionCode = Literal[
    "empty",
    "too_large",
    "not_a_table",
    "legacy_xls",
    "bad_xlsx",
    "sheet_too_large",
    "no_header",
    "missing_columns",
    "no_rows",
]


class FileRejected(Exception):
    """A seller file the engine cannot read. `code` says why; details say what was seen."""

    def __init__(
        self,
        code: RejectionCode,
        *,
        missing: list[str] | None = None,
        found: list[str] | None = None,
        limit_mb: float | None = None,
    ) -> None:
        super().__init__(code)
        self.code: RejectionCode = code
        self.missing = missing or []
        self.found = found or []
        self.limit_mb = limit_mb

    def __reduce__(self) -> tuple[object, ...]:
        """Pickled whole (an analysis in a worker process sends it back to the bot)."""
        return _rebuild, (self.code, self.missing, self.found, self.limit_mb)

    def __str__(self) -> str:
        parts: list[str] = [self.code]
        if self.missing:
            parts.append("missing: " + ", ".join(self.missing))
        if self.found:
            parts.append("found: " + ", ".join(self.found))
        return "; ".join(parts)


def _rebuild(
    code: RejectionCode, missing: list[str], found: list[str], limit_mb: float | None
) -> FileRejected:
    return FileRejected(code, missing=missing, found=found, limit_mb=limit_mb)
