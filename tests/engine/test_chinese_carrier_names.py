"""Carriers as Chinese ERPs write them (马帮, 店小秘, 通途): 日本邮便 (the Japanese post's name
with a Simplified 邮) went unknown, so each Japan Post package counted as a defect; and every
other post named in Chinese (加拿大邮政, 澳洲邮政, 英国邮政) was taken for China Post, the
alias 邮政 being inside its name, so a Canada Post number was called another carrier's."""

from __future__ import annotations

from datetime import date

import pytest

from bot.domain.engine import report_file
from bot.domain.tracking import resolve_carrier
from tests.engine.conftest import CHINA_POST_OK, YUN_OK, WriteFile

pytestmark = pytest.mark.collection

AS_OF = date(2026, 12, 5)


@pytest.mark.parametrize(
    ("written", "carrier_id"),
    [
        ("日本邮便", "japan_post"),
        ("日本郵便小包", "japan_post"),
        ("日本郵政", "japan_post"),
        ("加拿大邮政", "other_post"),
        ("澳大利亞郵政", "other_post"),
        ("英国邮政", "royal_mail"),
        ("英國皇家郵政", "royal_mail"),
        ("中國郵政", "china_post"),
        ("邮政小包", "china_post"),
        ("纵腾", "yunexpress"),
        ("云途专线挂号", "yunexpress"),
        ("燕文", "yanwen"),
        pytest.param("递四方/4PX", "4px", marks=pytest.mark.fast),
        ("顺丰国际", "sf_express"),
        ("美國郵政", "usps"),
        # An overseas warehouse ships with the destination's carriers: not a carrier.
        ("万邑通", None),
    ],
)
def test_chinese_carrier_names(written: str, carrier_id: str | None) -> None:
    assert resolve_carrier(written) == carrier_id


def test_posts_named_in_chinese_are_judged_as_theirs(write_file: WriteFile) -> None:
    """By hand: RR123456785CA is an S10 (digits 12345678, weights 8,6,4,2,3,5,9,7: sum 204,
    11 - 204 mod 11 = 5) of Canada's post: valid under 加拿大邮政. 123456789013 is one of Japan
    Post's 12-digit numbers (12345678901 = 7 × 1763668414 + 3, its check digit 3): valid
    under 日本邮便. China Post's own number under 中國郵政 and a
    YunExpress one under 纵腾 are valid; the number under 万邑通 counts against an unknown
    carrier. 4 of 5 valid."""
    lines = [
        "订单编号,发货时间,物流商,跟踪号,一级类目",
        "702-1,2026年11月20日 10:30,加拿大邮政,RR123456785CA,玩具",
        "250-1,2026年11月21日 09:00,日本邮便,123456789013,玩具",
        f"111-1,2026年11月22日 09:00,中國郵政,{CHINA_POST_OK},玩具",
        f"111-2,2026年11月23日 09:00,纵腾,{YUN_OK},玩具",
        "111-3,2026年11月24日 09:00,万邑通,9400111201080805483016,玩具",
    ]
    report = report_file(write_file(lines, encoding="gbk"), as_of=AS_OF)
    assert (report.overall.shipments, report.overall.valid) == (5, 4)
    assert [(d.order_id, d.reason) for d in report.defects] == [("111-3", "unknown_carrier")]
