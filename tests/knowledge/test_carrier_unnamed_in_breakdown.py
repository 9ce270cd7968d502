"""Rows that named no carrier are a carrier group of their own, said as the report's carrier
list says it, "(none)": set 28's "which carrier has the most bad numbers" began " has the
most: 6 invalid packages of 6", the name empty (issue 21).

The upload, worked by hand (as of 2026-11-20, every row shipped 2026-11-18), all on FR:
10 La Poste parcels with a valid S10 number; one FedEx parcel whose number has 10 digits
(FedEx numbers have 12, 15, 20 or 22: not in the carrier's format); 3 rows with neither a
carrier nor tracking. So the rows without a carrier have the most defects, 3 of 3."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.chat_data import chat_after_upload

pytestmark = pytest.mark.slow  # a file analysed, then questions through the chat's path

HEADER = "订单号,站点,发货时间,承运商,跟踪号,品类"
DAY = "2026-11-18"
LA_POSTE_OK = "RR123456785FR"  # S10: weights 8,6,4,2,3,5,9,7 give 204; 11 − 204 mod 11 = 5


def upload() -> str:
    rows = [f"F{i},FR,{DAY},La Poste,{LA_POSTE_OK},Toys" for i in range(10)]
    rows.append(f"FX1,FR,{DAY},FedEx,6814033446,Toys")
    rows += [f"N{i},FR,{DAY},,,Toys" for i in range(3)]
    return "\n".join([HEADER, *rows]) + "\n"


async def test_a_carrier_unnamed_is_said_as_the_report_says_it(
    tmp_path: Path, kb: KnowledgeBase
) -> None:
    async with chat_after_upload(tmp_path, kb, upload(), 2883, "2026-11-20") as asking:
        en = (await asking("which carrier has the most bad numbers?")).splitlines()[0]
        assert en.startswith("(none) has the most: 3 invalid packages of 3."), en
        zh = (await asking("哪个物流商的无效单号最多")).splitlines()[0]
        assert zh.startswith("（无）"), zh
