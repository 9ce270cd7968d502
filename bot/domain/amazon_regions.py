"""Selling Partner API regions and marketplace IDs, from `data/amazon_regions.yaml`.

Amazon names marketplaces by ID (ATVPDKIKX0DER); the engine by code (US). This is the one
table between them, and of which region's endpoint serves which marketplace.
"""

from __future__ import annotations

from functools import cache
from typing import Literal, get_args

import yaml
from pydantic import BaseModel

from bot.domain.reference import DATA_DIR

Region = Literal["NA", "EU", "FE"]
REGIONS: tuple[Region, ...] = get_args(Region)


class RegionInfo(BaseModel):
    endpoint: str
    marketplaces: dict[str, str]
    """marketplace ID → marketplace code."""


class AmazonRegions(BaseModel):
    lwa_token_url: str
    regions: dict[Region, RegionInfo]


@cache
def amazon_regions() -> AmazonRegions:
    with (DATA_DIR / "amazon_regions.yaml").open(encoding="utf-8") as handle:
        return AmazonRegions.model_validate(yaml.safe_load(handle))


def region_endpoint(region: Region) -> str:
    return amazon_regions().regions[region].endpoint


def marketplace_code_of(marketplace_id: str) -> str:
    """'ATVPDKIKX0DER' → 'US'; an ID we do not know is kept as it is."""
    for info in amazon_regions().regions.values():
        if marketplace_id in info.marketplaces:
            return info.marketplaces[marketplace_id]
    return marketplace_id


def marketplace_id_of(region: Region, text: str) -> str | None:
    """A marketplace of `region` named by its ID or its code ('UK', 'A1F83G8C2ARO7P'),
    as its ID; None when the region does not serve it."""
    wanted = text.strip()
    for marketplace_id, code in amazon_regions().regions[region].marketplaces.items():
        if wanted.upper() in (marketplace_id.upper(), code):
            return marketplace_id
    return None
