"""The languages the product speaks: one declaration for the domain and the services."""

from __future__ import annotations

from typing import Literal

Lang = Literal["zh", "en"]
SUPPORTED_LANGS: tuple[Lang, ...] = ("zh", "en")
