"""Small seller files with VTR worked out by hand, for the bot's end-to-end tests.

GBK CSV (an ERP export from Excel on Chinese Windows), report date 2026-11-20:
- 玩具 (toys): 10 shipments by 云途 (YunExpress). 8 valid (YT + 16 digits), 1 without a
  tracking number, 1 with a carrier nobody knows ("张三物流").
  VTR 8/10 = 80.0%, below 95%; fixes needed = ceil(0.95 × 10) − 8 = 10 − 8 = 2.
- 家居 (home): 10 shipments, 9 by 云途 and 1 by UPS (1Z999AA10123456784, a valid check digit),
  all valid. VTR 10/10 = 100%.
- Overall 18/20 = 90.0%, fixes needed = ceil(19) − 18 = 1.
- One more 玩具 order was cancelled: excluded, not counted.
- The defect file therefore lists exactly 2 shipments: T09 (missing tracking), T10 (unknown
  carrier).

XLSX (English headers, no category column → one category "Uncategorized"), 20 shipments by
YunExpress, 19 valid and 1 with "YT123" (bad format): VTR 19/20 = 95.0%, not below the bar;
fixes needed 0; the defect file lists 1 shipment (X20).
"""

from __future__ import annotations

import io

import xlsxwriter

AS_OF = "2026-11-20"


def _yt(n: int) -> str:
    return f"YT{2611000000000000 + n:016d}"


def gbk_csv() -> bytes:
    rows = [["订单号", "发货日期", "物流商", "跟踪号", "品类", "站点", "订单状态"]]
    for n in range(1, 9):
        rows.append(
            [f"T{n:02d}", f"2026-11-{n + 1:02d}", "云途", _yt(n), "玩具", "美国站", "已发货"]
        )
    rows.append(["T09", "2026-11-10", "云途", "", "玩具", "美国站", "已发货"])
    rows.append(["T10", "2026-11-11", "张三物流", "ZS123456", "玩具", "美国站", "已发货"])
    rows.append(["T11", "2026-11-12", "云途", _yt(11), "玩具", "美国站", "已取消"])
    for n in range(1, 10):
        rows.append(
            [f"H{n:02d}", f"2026-11-{n + 5:02d}", "云途", _yt(100 + n), "家居", "美国站", "已发货"]
        )
    rows.append(["H10", "2026-11-19", "UPS", "1Z999AA10123456784", "家居", "美国站", "已发货"])
    return "\r\n".join(",".join(row) for row in rows).encode("gbk") + b"\r\n"


def xlsx() -> bytes:
    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, {"in_memory": True})
    sheet = workbook.add_worksheet("Shipments")
    sheet.write_row(0, 0, ["order-id", "ship-date", "carrier-name", "tracking-number"])
    for n in range(1, 20):
        sheet.write_row(n, 0, [f"X{n:02d}", f"2026-11-{n:02d}", "YunExpress", _yt(200 + n)])
    sheet.write_row(20, 0, ["X20", "2026-11-20", "YunExpress", "YT123"])
    workbook.close()
    return buffer.getvalue()
