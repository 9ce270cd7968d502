"""A process for the crash tests to kill: `python -m tests.faults.worker MODE DB [OUTBOX]`.

- `merge`: replaces chat 1's shipments with a large new upload, saying "merging" first.
- `alert`: runs the daily pass; each part delivered (chart or text) is appended to OUTBOX;
  with `alert-hang` the first one then hangs (as a send stuck on the network would) so the
  test can kill the process there.
"""

from __future__ import annotations

import asyncio
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.domain.models import ShipmentRecord
from bot.services.alerting import AlertService
from bot.services.replies import Reply
from bot.services.store import Store
from tests.stored import merge_records

NEW_UPLOAD_ROWS = 300_000


def upload(rows: int, tracking: str) -> list[ShipmentRecord]:
    day = datetime.now(UTC).date() - timedelta(days=1)
    return [
        ShipmentRecord(order_id=f"O{i}", ship_date=day, carrier="云途", tracking=tracking)
        for i in range(rows)
    ]


async def merge(database: Path) -> None:
    records = upload(NEW_UPLOAD_ROWS, "YT0000000000000002")
    async with Store(database) as store:
        print("merging", flush=True)
        await merge_records(store, 1, records)
        print("merged", flush=True)


async def alert(database: Path, outbox: Path, hang: bool) -> None:
    async def deliver(chat_id: int, part: Reply) -> None:
        with outbox.open("a") as handle:
            handle.write(f"sent {chat_id} {'chart' if part.image else 'text'}\n")
        print("delivered", flush=True)
        if hang:
            await asyncio.sleep(120)

    async with Store(database) as store:
        outcomes = await AlertService(store, "zh").run_pass(deliver)
        print(f"outcomes {outcomes}", flush=True)


if __name__ == "__main__":
    mode, database = sys.argv[1], Path(sys.argv[2])
    if mode == "merge":
        asyncio.run(merge(database))
    else:
        asyncio.run(alert(database, Path(sys.argv[3]), hang=mode == "alert-hang"))
