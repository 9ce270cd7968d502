"""A marketplace written with its code in brackets, as 领星 writes its 站点 ('Amazon.com
(US)', 'Amazon.co.uk (UK)'), is that marketplace, one group with the same marketplace
written '美国站' or 'US'; a name and a code in brackets that disagree name no marketplace we
could choose between, and are kept as written."""

from __future__ import annotations

from datetime import date

import pytest

from bot.domain.engine import analyse_file, report_file
from bot.domain.values import marketplace_code
from tests.engine.conftest import UPS_OK, WriteFile

pytestmark = pytest.mark.collection


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("Amazon.com (US)", "US"),
        ("Amazon.co.uk (UK)", "UK"),
        ("amazon.de（DE）", "DE"),
        ("日本站 (JP)", "JP"),
        ("Amazon (FR)", "FR"),
        ("Amazon.co.jp [JP]", "JP"),
        ("Amazon.com (UK)", "Amazon.com (UK)"),
        ("Shop 3 (old)", "Shop 3 (old)"),
    ],
)
def test_a_marketplace_with_its_code_in_brackets(written: str, code: str) -> None:
    assert marketplace_code(written) == code


def test_one_group_per_marketplace_however_written(write_file: WriteFile) -> None:
    """By hand: two US rows (one valid, one missing) and two UK rows (both valid), each
    marketplace written two ways: US 1 of 2, UK 2 of 2."""
    lines = [
        "\ufeff店铺,站点,订单号,发货时间,物流商,跟踪号,品类",
        f"A店,Amazon.com (US),111-1,2026-11-20 10:00,UPS,{UPS_OK},Toys",
        "A店,美国站,111-2,2026-11-21 10:00,UPS,,Toys",
        "B店,Amazon.co.uk (UK),202-1,2026-11-22 10:00,Royal Mail,RR123456785GB,Toys",
        "B店,英国站,202-2,2026-11-23 10:00,Royal Mail,RR876543216GB,Toys",
    ]
    path = write_file(lines)
    as_of = date(2026, 11, 30)
    for report in (report_file(path, as_of=as_of), analyse_file(path, as_of=as_of)[0]):
        assert {g.name: (g.shipments, g.valid) for g in report.by_marketplace} == {
            "US": (2, 1),
            "UK": (2, 2),
        }
