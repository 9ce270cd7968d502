"""Amazon's published SP-API models, read for fixtures and for validating the fake's answers.

Unmodified copies live in `spapi_models/` beside this file (see its NOTICE.md): the Orders
API 2026-01-01 (with its `x-amzn-api-sandbox` static examples), the Reports API 2021-06-30,
the Catalog Items API 2022-04-01, Orders v0 (`confirmShipment`) and the JSON schema of the seller performance report.
"""

from __future__ import annotations

import copy
import json
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema

MODELS_DIR = Path(__file__).resolve().parent / "spapi_models"
ORDERS = "orders_2026-01-01.json"
REPORTS = "reports_2021-06-30.json"
PERFORMANCE = "accountHealthReport-2020-11-18.json"
CATALOG = "catalogItems_2022-04-01.json"
ORDERS_V0 = "ordersV0.json"


@cache
def model(name: str) -> dict[str, Any]:
    return json.loads((MODELS_DIR / name).read_text(encoding="utf-8"))


def swagger_validator(name: str, definition: str) -> jsonschema.Draft4Validator:
    """A validator for one definition of a Swagger 2.0 model (its schemas are draft 4)."""
    schema = {"$ref": f"#/definitions/{definition}", "definitions": model(name)["definitions"]}
    return jsonschema.Draft4Validator(schema)


def catalog_example() -> dict[str, Any]:
    """Amazon's own `getCatalogItem` 200 example (an Item in ATVPDKIKX0DER)."""
    operation = model(CATALOG)["paths"]["/catalog/2022-04-01/items/{asin}"]["get"]
    return copy.deepcopy(operation["responses"]["200"]["examples"]["application/json"])


def performance_validator() -> jsonschema.Draft7Validator:
    return jsonschema.Draft7Validator(model(PERFORMANCE))


def sandbox_orders() -> list[dict[str, Any]]:
    """Every order in the static sandbox answers of `searchOrders` (fresh copies)."""
    operation = model(ORDERS)["paths"]["/orders/2026-01-01/orders"]["get"]
    static = operation["responses"]["200"]["x-amzn-api-sandbox"]["static"]
    return [copy.deepcopy(order) for case in static for order in case["response"]["orders"]]


def sandbox_merchant_order() -> dict[str, Any]:
    """The sandbox's merchant-fulfilled order that carries a package (Amazon.co.uk, DPD)."""
    return next(
        order
        for order in sandbox_orders()
        if order["fulfillment"].get("fulfilledBy") == "MERCHANT" and order.get("packages")
    )


def performance_metrics_template() -> dict[str, Any]:
    """One `performanceMetrics[]` entry that the schema accepts.

    Amazon's own example lacks five required properties (and its VTR counts are
    inconsistent), so the missing ones are filled from the schema's per-property examples."""
    schema = model(PERFORMANCE)
    item_schema = schema["properties"]["performanceMetrics"]["items"]
    entry = copy.deepcopy(schema["examples"][0]["performanceMetrics"][0])
    for name in item_schema["required"]:
        if name in entry:
            continue
        prop = item_schema["properties"][name]
        if "$ref" in prop:
            prop = schema["definitions"][prop["$ref"].rsplit("/", 1)[1]]
        entry[name] = copy.deepcopy(prop["examples"][0])
    return entry
