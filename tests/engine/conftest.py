"""Helpers to write small seller files by hand."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

# Known-good numbers from jkeen/tracking_number_data's test sets and hand-computed S10s.
UPS_OK = "1Z5R89390357567127"
FEDEX_OK = "986578788855"
USPS_OK = "9400111201080805483016"
CHINA_POST_OK = "RR123456785CN"  # 1·8+2·6+3·4+4·2+5·3+6·5+7·9+8·7 = 204; 11 − 204 mod 11 = 5
YUN_OK = "YT1234567890123456"

SHIP_CONFIRM_HEADER = (
    "order-id,ship-date,carrier-code,carrier-name,tracking-number,product-category,sales-channel"
)

WriteFile = Callable[..., Path]


@pytest.fixture
def write_file(tmp_path: Path) -> WriteFile:
    """write_file(lines, name="f.csv", encoding="utf-8", sep=",") → path."""

    def write(
        lines: Sequence[str] | str,
        name: str = "orders.csv",
        encoding: str = "utf-8",
        newline: str = "\n",
    ) -> Path:
        text = lines if isinstance(lines, str) else newline.join(lines) + newline
        path = tmp_path / name
        path.write_bytes(text.encode(encoding))
        return path

    return write
