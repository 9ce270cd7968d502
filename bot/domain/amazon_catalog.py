"""An ASIN's category as Amazon's VTR page names it, from a Catalog Items 2022-04-01 `Item`.

Amazon judges VTR per product category, and Seller Central's VTR page names the category
as the shop's top level does: "Toys & Games", "Spielzeug", "おもちゃ". In a catalog item
that is the top of the item's browse path (the last `parent` of its classification), which
Amazon also gives as the title of the item's display-group sales rank; the website display
group's own name ("Home Theater" for a television) is the last resort. Names are kept as
Amazon wrote them, in the marketplace's language: the same category is then spelled the
same way as in the seller's own order report from that marketplace.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

MAX_CATEGORY_CHARS = 120
"""A category name longer than this is cut: it is shown in chat lines and file cells."""
MAX_PARENT_DEPTH = 30
"""Browse trees are a dozen levels deep at most; a longer chain is malformed."""


def catalog_category(item: Mapping[str, Any], marketplace_id: str) -> str | None:
    """The category of the item in `marketplace_id`, or None when Amazon gives none."""
    for find in (_top_classification, _display_group_rank, _display_group_name):
        name = find(item, marketplace_id)
        if name:
            return name[:MAX_CATEGORY_CHARS]
    return None


def _of_marketplace(entries: object, marketplace_id: str) -> Mapping[str, Any]:
    """The entry of `marketplace_id` in one of the item's per-marketplace lists."""
    if not isinstance(entries, list):
        return {}
    return next(
        (e for e in entries if isinstance(e, Mapping) and e.get("marketplaceId") == marketplace_id),
        {},
    )


def _text(value: object) -> str:
    return value.strip() if isinstance(value, str) else ""


def _top_classification(item: Mapping[str, Any], marketplace_id: str) -> str:
    entry = _of_marketplace(item.get("classifications"), marketplace_id)
    for leaf in _nodes(entry.get("classifications")):
        if name := _text(_root(leaf).get("displayName")):
            return name
    return ""


def _root(node: Mapping[str, Any]) -> Mapping[str, Any]:
    """The top of a classification's `parent` chain."""
    for _ in range(MAX_PARENT_DEPTH):
        parent = node.get("parent")
        if not isinstance(parent, Mapping):
            break
        node = parent
    return node


def _nodes(value: object) -> Iterable[Mapping[str, Any]]:
    return [n for n in value if isinstance(n, Mapping)] if isinstance(value, list) else []


def _display_group_rank(item: Mapping[str, Any], marketplace_id: str) -> str:
    entry = _of_marketplace(item.get("salesRanks"), marketplace_id)
    return next((_text(r.get("title")) for r in _nodes(entry.get("displayGroupRanks"))), "")


def _display_group_name(item: Mapping[str, Any], marketplace_id: str) -> str:
    entry = _of_marketplace(item.get("summaries"), marketplace_id)
    return _text(entry.get("websiteDisplayGroupName"))
