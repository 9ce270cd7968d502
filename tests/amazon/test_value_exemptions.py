"""One rule for the value exemptions, whichever way the orders arrive: the same orders in an
uploaded file and from a connected store are exempt alike. The value is the order's total
with shipping and without VAT (docs/vtr-rules.md §2): a letter of EUR 21.00 with EUR 3.35 of
VAT is worth 17.65, under 20, so exempt; JP orders under JPY 1,000 are exempt."""

from __future__ import annotations

from datetime import timedelta

import pytest
from pydantic import SecretStr

from bot.domain.engine import analyse_file
from bot.domain.exemptions import order_value_exemption
from tests.amazon.conftest import NOW
from tests.amazon.fake_spapi import REFRESH_TOKEN, FakeOrder, FakePackage
from tests.amazon.test_sync import CHAT, sync  # noqa: F401  (the fixture; clock and repo are conftest.py's)
from tests.stored import stored_records

DE = "A1PA6795UKMFR9"
JP = "A1VC38T7YXB528"
# order, marketplace, total, VAT in it, currency, ship service, the exemption by hand
ORDERS = [
    ("302-0000001-0000001", "DE", "21.00", "3.35", "EUR", "Großbrief", "eu_letter_under_20"),
    ("302-0000002-0000001", "DE", "21.00", "0.00", "EUR", "Großbrief", None),  # 21 ≥ 20
    ("302-0000003-0000001", "DE", "12.50", "2.00", "EUR", "DHL Paket", None),  # not a letter
    ("302-0000004-0000001", "DE", "20.00", "0.00", "EUR", "Großbrief", None),  # not under 20
    ("503-0000005-0000001", "JP", "999", "0", "JPY", "Standard", "jp_under_1000"),
    ("503-0000006-0000001", "JP", "1090", "99", "JPY", "Standard", "jp_under_1000"),  # 991
    ("503-0000007-0000001", "JP", "1000", "0", "JPY", "Standard", None),
]
EXPECTED = {order: exemption for order, *_, exemption in ORDERS}


@pytest.mark.parametrize(
    ("marketplace", "currency", "value", "service", "exemption"),
    [
        ("DE", "EUR", 19.99, "Deutsche Post Brief", "eu_letter_under_20"),
        ("DE", "EUR", 19.99, "DHL Paket", None),
        ("US", "EUR", 5.0, "Letter", None),  # no letter rule on Amazon.com
        ("JP", "JPY", 999.0, "", "jp_under_1000"),
        ("JP", "USD", 9.0, "", None),
        ("DE", "EUR", -5.0, "Großbrief", None),  # a refund is not a low value
    ],
)
def test_the_rule_for_one_package(marketplace, currency, value, service, exemption):
    assert order_value_exemption(marketplace, currency, value, service) == exemption


def test_an_uploaded_file_takes_shipping_in_and_vat_out(tmp_path):
    header = "order-id\tship-date\tcarrier-code\ttracking-number\tsales-channel\t"
    header += "ship-service-level\titem-price\titem-tax\tshipping-price\tshipping-tax\tcurrency"
    channel = {"DE": "Amazon.de", "JP": "Amazon.co.jp"}
    rows = [
        "\t".join([order, "2026-11-28", "Deutsche Post", "", channel[market], service,
                   total, tax, "0", "0", currency])
        for order, market, total, tax, currency, service, _ in ORDERS
    ]  # fmt: skip
    path = tmp_path / "orders.txt"
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    report, table = analyse_file(path, as_of=NOW.date())
    assert report.excluded["eu_letter_under_20"] == 1 and report.excluded["jp_under_1000"] == 2
    excluded = dict(zip(table.frame["order_id"], table.frame["excluded"], strict=True))
    assert excluded == EXPECTED


async def test_a_connected_store_judges_the_same_orders_alike(spapi, sync, repo, sqlite_store):  # noqa: F811
    await repo.connect(CHAT, "EU", [DE], sync.vault.seal(SecretStr(REFRESH_TOKEN)))
    await repo.connect(CHAT + 1, "FE", [JP], sync.vault.seal(SecretStr(REFRESH_TOKEN)))
    shipped = NOW - timedelta(days=2)
    spapi.orders = [
        FakeOrder(order, DE if market == "DE" else JP, channel, shipped, shipped,
                  packages=[FakePackage("Deutsche Post", "", shipped, "SHIPPED", service)],
                  total=(total, currency), tax=tax)
        for order, market, total, tax, currency, service, _ in ORDERS
        for channel in ["Amazon.de" if market == "DE" else "Amazon.co.jp"]
    ]  # fmt: skip
    await sync.sync_chat(CHAT)
    await sync.sync_chat(CHAT + 1)
    stored = await stored_records(sqlite_store, CHAT) + await stored_records(sqlite_store, CHAT + 1)
    assert {s.order_id: s.excluded for s in stored} == EXPECTED
