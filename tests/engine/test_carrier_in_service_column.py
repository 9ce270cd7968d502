"""A file with no column named for the carrier finds it where a seller's file puts it: of
two service-like columns (a 领星-style 物流渠道 '云途-欧洲专线挂号' beside 物流方式
'Standard'/'Letter', an English 'Shipping Method' beside 'Ship Service Level'), the one whose
values name a known carrier; the other keeps the service level the letter rule reads. And a
file whose (nearly) every tracked package has an unknown carrier is never a bare 0%: the
report says the carrier column was not found, which values were read, and what to send
(docs/decisions/019). Set 34's fixture was reported 0 of 177 valid."""

from __future__ import annotations

from datetime import date

from bot.domain.engine import analyse_file, report_file
from bot.domain.vtr import CARRIER_NOT_FOUND
from bot.services.i18n import Translator
from bot.services.report_text import render_report
from tests.engine.conftest import CHINA_POST_OK, UPS_OK, YUN_OK, WriteFile

AS_OF = date(2026, 12, 5)


def test_the_channel_naming_carriers_is_the_carrier(write_file: WriteFile) -> None:
    """By hand: five packages counted (the DE letter of EUR 12.50 is exempt, read from
    物流方式 'Letter'); YunExpress and China Post numbers valid, the 4PX one valid unverified,
    a short YT number a bad format, and a China Post line with a UPS number a bad format:
    3 valid of 5. On main every carrier was 'Standard' or 'Letter': 0 valid."""
    lines = [
        "平台单号,站点,商品金额,币种,发货时间,物流渠道,物流方式,跟踪号",
        f"302-1,Amazon.de,35.00,EUR,2026/11/20 10:00,云途-欧洲专线挂号,Standard,{YUN_OK}",
        f"302-2,Amazon.de,12.50,EUR,2026/11/21 10:00,中国邮政挂号小包,Letter,{CHINA_POST_OK}",
        f"111-3,Amazon.com,20.00,USD,2026/11/22 10:00,中国邮政挂号小包,Standard,{CHINA_POST_OK}",
        "111-4,Amazon.com,20.00,USD,2026/11/23 10:00,递四方 4PX,Standard,4PX3000123456789CN",
        "111-5,Amazon.com,20.00,USD,2026/11/24 10:00,云途-欧洲专线挂号,Standard,YT12345",
        f"111-6,Amazon.com,20.00,USD,2026/11/25 10:00,中国邮政挂号小包,Standard,{UPS_OK}",
    ]
    path = write_file(lines)
    report = report_file(path, as_of=AS_OF)
    assert (report.overall.shipments, report.overall.valid) == (5, 3)
    assert report.excluded["eu_letter_under_20"] == 1
    reasons = {d.order_id: d.reason for d in report.defects}
    assert reasons == {"111-5": "bad_format", "111-6": "bad_format"}
    uploaded, _ = analyse_file(path, as_of=AS_OF)
    assert (uploaded.overall.shipments, uploaded.overall.valid) == (5, 3)
    assert CARRIER_NOT_FOUND not in {w.code for w in report.warnings}


def test_an_english_method_naming_carriers_beside_a_level(write_file: WriteFile) -> None:
    """'Ship Service Level' (Standard/Expedited) is the earlier alias and was read as the
    carrier; 'Shipping Method' names UPS and USPS-less China Post: 2 valid of 2."""
    lines = [
        "order-id,ship-date,ship-service-level,shipping-method,tracking-number",
        f"111-1,2026-11-20,Standard,UPS Ground,{UPS_OK}",
        f"111-2,2026-11-21,Expedited,China Post Registered Air Mail,{CHINA_POST_OK}",
    ]
    report = report_file(write_file(lines), as_of=AS_OF)
    assert (report.overall.shipments, report.overall.valid) == (2, 2)


def test_no_column_naming_carriers_is_said_not_a_bare_zero(write_file: WriteFile) -> None:
    """Every tracked package's carrier read as 'Standard' or 'Letter': 0 of 4 valid, and
    the report's headline says the carrier was not found, the values read and what to do,
    in both languages; a missing number is no carrier read, so it does not dilute it."""
    lines = [
        "订单号,发货时间,物流方式,跟踪号,站点",
        f"111-1,2026-11-20,Standard,{YUN_OK},美国",
        f"111-2,2026-11-21,Standard,{CHINA_POST_OK},美国",
        f"111-3,2026-11-22,Letter,{UPS_OK},美国",
        "111-4,2026-11-23,Standard,,美国",
    ]
    report = report_file(write_file(lines), as_of=AS_OF)
    assert (report.overall.shipments, report.overall.valid) == (4, 0)
    warned = [w for w in report.warnings if w.code == CARRIER_NOT_FOUND]
    assert [(w.count, w.detail) for w in warned] == [(3, "Standard, Letter")]
    english = render_report(report, Translator("en")).split("\n\n")[0]
    assert "3 of 4 packages have a carrier I do not know (Standard, Letter)" in english
    assert "no carrier column" in english
    chinese = render_report(report, Translator("zh")).split("\n\n")[0]
    assert "4 个包裹中有 3 个的承运商我不认识" in chinese


def test_a_few_unknown_carriers_are_defects_not_a_misread_file(write_file: WriteFile) -> None:
    """One local courier among nine known packages (1 of 10, under the share): a defect,
    no warning."""
    rows = [f"111-{n},2026-11-{10 + n},UPS,{UPS_OK}" for n in range(9)]
    lines = ["order-id,ship-date,carrier,tracking-number", *rows]
    lines.append("111-9,2026-11-25,Kurier Kowalski,KK123456")
    report = report_file(write_file(lines), as_of=AS_OF)
    assert (report.overall.shipments, report.overall.valid) == (10, 9)
    assert CARRIER_NOT_FOUND not in {w.code for w in report.warnings}
