"""The categories of a sync's ASINs: the store's cache first, Amazon's catalog for the rest.

Each (marketplace, ASIN) is asked once (`AmazonRepository.catalog_categories` keeps the
answers across syncs and chats); the client paces the calls to Amazon's usage plan. A
catalog that fails (down, or refusing: the app lacks the Product Listing role) is not
asked again during the sync: its orders are still stored, with the seller's own category
if there is one, else "Uncategorized", and the report says how to supply it. Nothing failed
is cached, so the next sync asks again; nor is an answer that is not what Amazon's model
describes (that item alone is left without a category).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from bot.domain.amazon_catalog import catalog_category
from bot.domain.amazon_orders import CategoryBook, order_asins
from bot.services.amazon.client import (
    SpApiClient,
    SpApiMalformed,
    SpApiRequestError,
    SpApiUnavailable,
)
from bot.services.amazon.repository import AmazonRepository

log = logging.getLogger(__name__)

CatalogProblem = Literal["unavailable", "refused"]
NOT_IN_MARKETPLACE = 404
"""getCatalogItem's answer for an ASIN the marketplace does not list: no category, cached
like an item without classifications."""


@dataclass
class CatalogLookup:
    """One sync's lookups for one chat."""

    client: SpApiClient
    repo: AmazonRepository
    chat_id: int
    now: datetime
    problem: CatalogProblem | None = None
    asked: int = 0

    async def resolve(self, orders: Iterable[Mapping[str, Any]], book: CategoryBook) -> None:
        """Put the category of every ASIN of `orders` into `book.catalog`, as far as known."""
        keys = {key for order in orders for key in order_asins(order) if all(key)}
        keys -= book.catalog.keys()
        if not keys:
            return
        book.catalog.update(await self.repo.catalog_categories(keys, self.now))
        found = await self._ask(sorted(keys - book.catalog.keys()))
        await self.repo.save_catalog(self.chat_id, found, self.now)
        book.catalog.update(found)

    async def _ask(self, keys: list[tuple[str, str]]) -> dict[tuple[str, str], str | None]:
        found: dict[tuple[str, str], str | None] = {}
        for marketplace_id, asin in keys:
            if self.problem is not None:
                break
            try:
                self.asked += 1
                item = await self.client.catalog_item(marketplace_id, asin)
            except SpApiRequestError as error:
                if error.status == NOT_IN_MARKETPLACE:
                    found[(marketplace_id, asin)] = None
                    continue
                log.warning("chat %s: the catalog refused a lookup (%s)", self.chat_id, error)
                self.problem = "refused"
                break
            except SpApiUnavailable as error:
                log.warning("chat %s: the catalog is unavailable (%s)", self.chat_id, error)
                self.problem = "unavailable"
                break
            except SpApiMalformed as error:  # this item only; asked again next sync
                log.warning("chat %s: a catalog answer was malformed (%s)", self.chat_id, error)
                continue
            found[(marketplace_id, asin)] = catalog_category(item, marketplace_id)
        return found
