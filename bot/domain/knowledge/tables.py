"""A table of groups' figures pasted into a message, read by its columns.

Sellers paste what their spreadsheet or ERP shows: a row per category or marketplace, its
figures apart by tabs, bars, commas or spaces, often under a header ("category  shipped
valid", "品类 发货 有效"). Each row's figures take the roles its header names, in order;
without a header, two figures are a whole and (the larger part of it) its valid ones, and
three are a whole and two parts that make it, the larger the valid ones. A row that cannot
be read so makes the table unclear: the bot asks rather than guessing a column's meaning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.domain.knowledge.figures import Counts
from bot.domain.knowledge.patterns import lazy

__all__ = ["Table", "read_table"]

_ROW = lazy(r"^\s*([^\d\n]*?)[\s|,，:：/\t]*((?:\d{1,7}[\s|,，/\t]*){2,3})$")
"""A label then two or three bare figures, nothing but separators between them."""
_SEPARATOR = lazy(r"[\s|,，/\t]+")
_COLUMN = lazy(
    r"(?P<invalid>invalid|untracked|no (?:valid )?tracking|without(?: valid)?(?: tracking)?|missing|"
    r"\bbad\b|defects?|failed|无效|没有?(?:有效)?(?:追踪|跟踪|单号)|不合格)|"
    r"(?P<valid>valid|tracked|有效|合格)|"
    r"(?P<total>ship(?:ped|ments?)?|total|orders?|packages?|parcels?|\bsent\b|发货|发了|订单|包裹|"
    r"总数|总计|合计|单量|件数)"
)
"""A header's word for each figure's column, the more specific first ("invalid" holds
"valid", "不合格" holds "合格")."""


@dataclass(frozen=True, slots=True)
class Table:
    """The groups of a pasted table, each with its counts, or unclear ones."""

    groups: tuple[tuple[str, Counts], ...] = ()
    unclear: tuple[str, int, int] | None = None
    """A row whose figures cannot be told apart: its label, its part and its whole."""


def read_table(text: str) -> Table:
    """The groups of a table of two or more rows (or one under a header); an empty table
    when the text holds none."""
    lines = [line for line in text.split("\n") if line.strip()]
    rows = [(i, m) for i, line in enumerate(lines) if (m := _ROW.match(line))]
    if not rows:
        return Table()
    first = rows[0][0]
    header = _header_roles(lines[first - 1]) if first else None
    if len(rows) < 2 and header is None:
        return Table()
    groups: list[tuple[str, Counts]] = []
    for _, row in rows:
        label = row.group(1).strip(" \t|,，:：=-*•·")  # "- Toys:", "Toys =": the name
        figures = [int(n) for n in _SEPARATOR.split(row.group(2).strip(" \t|,，/")) if n]
        counts = _row_counts(figures, header)
        if counts is None:
            part, whole = sorted(figures)[0], max(figures)
            return Table(unclear=(label, part, whole))
        groups.append((label, counts))
    return Table(groups=tuple(groups))


def _header_roles(line: str) -> tuple[str, ...] | None:
    """The figures' roles a header line names in order ("category shipped valid" → total,
    valid); None when the line is no header (a figure in it, or a column not understood)."""
    if re.search(r"\d", line):
        return None
    roles = tuple(dict.fromkeys(m.lastgroup or "" for m in _COLUMN.finditer(line.casefold())))
    return roles if len(roles) >= 2 else None


def _row_counts(figures: list[int], header: tuple[str, ...] | None) -> Counts | None:
    """One row's counts, by the header's roles when it names one for each figure."""
    if header is not None and len(header) == len(figures):
        roles = dict(zip(header, figures, strict=True))
        return _checked(roles.get("total"), roles.get("valid"), roles.get("invalid"))
    whole = max(figures)
    parts = sorted(figures)[:-1]
    if len(figures) == 2 and 2 * parts[0] >= whole:
        return _checked(whole, parts[0], None)  # "Toys 120 113": most of the whole is valid
    if len(figures) == 3 and sum(parts) == whole and parts[0] != parts[1]:
        return _checked(whole, parts[1], parts[0])
    return None


def _checked(total: int | None, valid: int | None, invalid: int | None) -> Counts | None:
    """The counts the roles give when they fit together (valid + invalid = total)."""
    if total is None and valid is not None and invalid is not None:
        total = valid + invalid
    if not total or total < max(valid or 0, invalid or 0):
        return None
    if valid is not None and invalid is not None and valid + invalid != total:
        return None
    if valid is None:
        valid = total - invalid if invalid is not None else None
    return Counts(total, valid) if valid is not None else None
