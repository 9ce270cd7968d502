"""Amazon's order report with its headers translated by an ERP template (追踪编码, 承运人代码,
承运人名称, 销售渠道, 商品类别, 商品价格, 收货国家代码) was refused for want of a tracking
column; read, its sales channel holds 'Amazon', the platform, on every row, and only the
buyer's country says the marketplace (docs/decisions/011)."""

from __future__ import annotations

from datetime import date

from bot.domain.engine import analyse_file, report_file
from bot.domain.values import marketplace_code
from bot.services.i18n import Translator
from bot.services.report_text import render_report
from tests.engine.conftest import FEDEX_OK, UPS_OK, YUN_OK, WriteFile

AS_OF = date(2026, 12, 5)
HEADER = (
    "亚马逊订单号,发货日期,销售渠道,配送渠道,承运人代码,承运人名称,追踪编码,配送服务,商品类别,币种,"
    "商品价格,收货国家代码"
)


def test_translated_headers_and_the_buyers_country(write_file: WriteFile) -> None:
    """By hand: US 2 counted (1 valid, 1 missing); JP a JPY 800 order exempt and a JPY
    1,000 one counted (YunExpress under 'Other' + its name, valid); DE a EUR 8.90 letter
    exempt; one FBA row (AFN) out."""
    lines = [
        HEADER,
        f"111-1,2026-11-20T10:00:00+00:00,Amazon,MFN,UPS,,{UPS_OK},Standard,Toys,USD,20.00,US",
        "111-2,2026-11-21T10:00:00+00:00,Amazon,MFN,FedEx,,,Standard,Toys,USD,25.00,US",
        f"111-3,2026-11-21T10:00:00+00:00,Amazon,AFN,FedEx,,{FEDEX_OK},Standard,Toys,USD,25.00,US",
        f"503-1,2026-11-22T10:00:00+00:00,Amazon,MFN,Other,Yun Express,{YUN_OK},Standard,Toys,JPY,800,JP",
        f"503-2,2026-11-22T10:00:00+00:00,Amazon,MFN,Other,Yun Express,{YUN_OK},Standard,Toys,JPY,1000,JP",
        "302-1,2026-11-23T10:00:00+00:00,Amazon,MFN,Deutsche Post Brief,,,Brief,Toys,EUR,8.90,DE",
    ]
    path = write_file(lines)
    report = report_file(path, as_of=AS_OF)
    markets = {m.name: (m.shipments, m.valid) for m in report.by_marketplace}
    assert markets == {"US": (2, 1), "JP": (1, 1)}
    excluded = {k: v for k, v in report.excluded.items() if v}
    assert excluded == {"fba": 1, "jp_under_1000": 1, "eu_letter_under_20": 1}
    assert ("marketplace_by_address", 6) in [(w.code, w.count) for w in report.warnings]
    assert "No column names the marketplace of 6 rows" in render_report(report, Translator("en"))
    assert "6 行没有列写明站点" in render_report(report, Translator("zh"))
    uploaded, _ = analyse_file(path, as_of=AS_OF)
    assert uploaded.by_marketplace == report.by_marketplace


def test_amazon_alone_names_no_marketplace() -> None:
    assert marketplace_code("Amazon") == ""
    assert marketplace_code("亚马逊") == ""
    assert marketplace_code("Amazon.de") == "DE"
    assert marketplace_code("Amazon US") == "US"
    assert marketplace_code("Etsy") == "Etsy"
