"""A Korean seller's export (set F10's F05): Korean headers (columns.yaml, beside the Japanese
ones), Korean statuses and fulfilment words (vocabulary.yaml), dates as Korean Excel writes
them ('2026. 11. 20. 오후 3:32:00', '2026년 11월 21일'), Korea Post's S10 numbers, and the
file saved by Korean Windows in cp949, whose Hangul syllables outside EUC-KR ('똠', '뷁')
made the detector take it for GB18030."""

from __future__ import annotations

from datetime import date

import polars as pl

from bot.domain.encodings import detect_encoding
from bot.domain.engine import analyse_file, report_file
from bot.domain.values import parse_dates
from tests.engine.conftest import FEDEX_OK, UPS_OK, WriteFile

AS_OF = date(2026, 12, 5)
# S10 check digits by hand (weights 8,6,4,2,3,5,9,7; c = 11 − sum mod 11; 11 → 5):
# 12345678: 204, 204 mod 11 = 6, c = 5. 87654321: 192, 192 mod 11 = 5, c = 6. 11111111: 44,
# 44 mod 11 = 0, c = 11 → 5.
KOREA_POST_A, KOREA_POST_B, KOREA_POST_C = "RR123456785KR", "EE876543216KR", "CP111111115KR"
HEADER = (
    "주문 번호,마켓플레이스,출고방식,주문 상태,카테고리,출고일자,배송사,운송장번호,주문금액,통화"
)


def test_korean_excel_dates() -> None:
    texts = [
        "2026. 11. 20. 오후 3:32:00",
        "2026년 11월 21일",
        "2026-11-22 오전 9:05:00",
        "2026.11.23",
    ]
    parsed = parse_dates(pl.Series(texts)).dates.to_list()
    assert parsed == [date(2026, 11, d) for d in (20, 21, 22, 23)]


def test_cp949_is_read_as_cp949() -> None:
    rows = "".join(f"{i},똠얌 소스,뷁 쿠션\n" for i in range(30))
    assert detect_encoding(f"주문번호,카테고리,상품명\n{rows}".encode("cp949")) == "cp949"


def test_a_korean_sellers_file(write_file: WriteFile) -> None:
    """By hand: 똠얌 소스 on Amazon.com, A valid UPS, B valid FedEx, C '없음' (missing), D
    cancelled, E awaiting shipment (배송대기), F FBA; 뷁 쿠션 on Amazon.co.jp, G valid Korea
    Post at JPY 2,300, H at JPY 800 (exempt under JPY 1,000), I valid Korea Post at exactly
    JPY 1,000 (counted). Counted: A B C G I = 5, valid 4."""
    lines = [
        HEADER,
        f"A,Amazon.com,판매자배송,발송완료,똠얌 소스,2026. 11. 20. 오후 3:32:00,UPS,{UPS_OK},30.00,USD",
        f"B,Amazon.com,판매자배송,발송완료,똠얌 소스,2026년 11월 21일,FedEx,{FEDEX_OK},30.00,USD",
        "C,Amazon.com,판매자배송,발송완료,똠얌 소스,2026-11-22 오후 1:00:00,DHL,없음,30.00,USD",
        "D,Amazon.com,판매자배송,취소,똠얌 소스,,,,30.00,USD",
        "E,Amazon.com,판매자배송,배송대기,똠얌 소스,,,,30.00,USD",
        "F,Amazon.com,FBA,발송완료,똠얌 소스,2026-11-22 오후 1:00:00,,,30.00,USD",
        f"G,Amazon.co.jp,판매자배송,발송완료,뷁 쿠션,2026. 11. 24. 오전 10:00:00,우체국,{KOREA_POST_A},2300,JPY",
        f"H,Amazon.co.jp,판매자배송,발송완료,뷁 쿠션,2026. 11. 25. 오전 10:00:00,Korea Post,{KOREA_POST_B},800,JPY",
        f"I,Amazon.co.jp,판매자배송,발송완료,뷁 쿠션,2026. 11. 26. 오전 10:00:00,Korea Post,{KOREA_POST_C},1000,JPY",
    ]
    path = write_file(lines, encoding="cp949", newline="\r\n")
    for report in (report_file(path, as_of=AS_OF), analyse_file(path, as_of=AS_OF)[0]):
        assert (report.overall.shipments, report.overall.valid) == (5, 4)
        assert {g.name: (g.shipments, g.valid) for g in report.by_category} == {
            "똠얌 소스": (3, 2),
            "뷁 쿠션": (2, 2),
        }
        assert {g.name: g.shipments for g in report.by_marketplace} == {"US": 3, "JP": 2}
        excluded = {k: v for k, v in report.excluded.items() if v}
        assert excluded == {"fba": 1, "cancelled": 1, "not_shipped": 1, "jp_under_1000": 1}
        assert [(d.order_id, d.reason) for d in report.defects] == [("C", "missing_tracking")]
