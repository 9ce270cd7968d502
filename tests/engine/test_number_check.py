"""One number checked for an answer (`check_numbers`) is judged as the report judges a row
(`check_tracking`, the same `classify`), under the carrier named and under every carrier.
Check digits by hand (domain.md §6): S10 12345678 → 1·8+2·6+3·4+4·2+5·3+6·5+7·9+8·7 = 204,
204 mod 11 = 6, 11 − 6 = 5; UPS 999AA1012345678 (A → 2) → 40 + 2·28 = 96 → 4."""

from __future__ import annotations

import pytest

from bot.domain.reference import carrier_by_id
from bot.domain.tracking import check_numbers, check_tracking

pytestmark = pytest.mark.collection

NUMBERS = ["LX123456785CN", "LX123456786CN", "1Z999AA10123456784", "YT2412345678901234"]


@pytest.mark.parametrize("carrier_id", ["china_post", "ups", "usps", "yunexpress", "4px"])
def test_a_number_under_a_carrier_gets_the_report_s_verdict(carrier_id: str) -> None:
    checks = check_numbers(NUMBERS, carrier_id)
    name = carrier_by_id()[carrier_id].name
    for number, check in zip(NUMBERS, checks, strict=True):
        row = check_tracking(name, number)
        assert (check.reason, check.unverified) == (row.reason, row.unverified), number


def test_under_no_carrier_the_owners_and_the_check_digit() -> None:
    right, wrong, ups = check_numbers(["lx 123456785 cn", "LX123456786CN", "1Z999AA10123456784"])
    assert right.number == "LX123456785CN" and right.reason is None
    assert set(right.owners) == {"china_post", "china_ems"}
    assert {"china_post", "china_ems"} <= set(right.accepting)
    assert wrong.accepting == () and "china_post" in wrong.bad_check and wrong.owners == ()
    assert ups.owners == ("ups",) and ups.accepting == ("ups",)


def test_another_carrier_s_number_under_the_one_named() -> None:
    (check,) = check_numbers(["1Z999AA10123456784"], "usps")
    assert check.reason == "bad_format" and check.owners == ("ups",)
