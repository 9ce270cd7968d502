"""The conversation core without Telegram: real store (temporary), real knowledge base and
engine, and fake uploads whose `fetch` the test controls."""

from __future__ import annotations

import asyncio
import io
from datetime import date
from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook

from bot.services.core import Core
from bot.services.dates import parse_date
from bot.services.replies import ChatRef, Reply, Upload
from bot.services.store import Store
from bot.services.text_split import split_html, units
from bot.services.upload_queue import UploadQueue
from tests.bot import samples
from tests.gated import GatedFetch
from tests.stored import stored_records

EN = ChatRef(10, "en-GB")
ZH = ChatRef(11, "zh-hans")
OTHER = ChatRef(12, "fr")


def upload_of(data: bytes, filename: str, caption: str | None = None) -> Upload:
    async def fetch(dest: Path) -> None:
        dest.write_bytes(data)

    return Upload(filename=filename, size=len(data), fetch=fetch, caption=caption)


async def test_language_comes_from_choice_then_client_then_default(core: Core) -> None:
    assert await core.lang_of(EN) == "en"
    assert await core.lang_of(ZH) == "zh"
    assert await core.lang_of(OTHER) == "zh"  # we do not speak French: the default
    [reply] = await core.handle_button(EN, "lang:zh")
    assert "中文" in reply.html
    assert await core.lang_of(EN) == "zh"


async def test_start_offers_three_questions_that_the_knowledge_base_answers(core: Core) -> None:
    for chat in (EN, ZH):
        [start] = await core.handle_command(chat, "start")
        assert len(start.buttons) == 3
        for (button,) in start.buttons:
            [answer, *_] = await core.handle_button(chat, button.data)
            assert "<i>" in answer.html, f"{button.label!r} was not answered"


async def test_unknown_commands_and_stale_buttons_are_explained(core: Core) -> None:
    [unknown] = await core.handle_command(EN, "frobnicate")
    assert "/help" in unknown.html
    [stale] = await core.handle_button(EN, "topic:no-such-entry")
    assert "no longer works" in stale.html
    assert await core.handle_text(EN, "   ") == []


async def test_as_of_is_stored_and_cleared(core: Core, sqlite_store: Store) -> None:
    [bad] = await core.handle_command(EN, "as_of", ["20/11/2026"])
    assert "YYYY-MM-DD" in bad.html
    await core.handle_command(EN, "as_of", ["2026-11-20"])
    assert await sqlite_store.get_as_of(EN.chat_id) == date(2026, 11, 20)
    [shown] = await core.handle_command(EN, "as_of")
    assert "Nov 20, 2026" in shown.html
    await core.handle_command(EN, "as_of", ["clear"])
    assert await sqlite_store.get_as_of(EN.chat_id) is None


def test_dates_are_read_from_captions() -> None:
    assert parse_date("report for 2026-11-20 please") == date(2026, 11, 20)
    assert parse_date("2026-02-30") is None
    assert parse_date(None) is None
    assert parse_date("0001-01-01") is None
    assert parse_date("9999-12-31") is None


async def test_upload_reports_merges_and_remembers(core: Core, sqlite_store: Store) -> None:
    shown: list[str] = []

    async def progress(text: str) -> None:
        shown.append(text)

    replies = await core.handle_upload(
        EN, upload_of(samples.gbk_csv(), "erp.csv", samples.AS_OF), progress
    )
    assert shown[0] == "Analysing erp.csv…"
    assert shown[-1] == "Done: erp.csv analysed."
    text = "\n".join(r.html for r in replies)
    assert "90.0%" in text
    assert "80.0%" in text
    document = replies[-1].document
    assert document is not None
    assert document.filename == "vtr-defects-2026-11-20.xlsx"
    sheet = CalamineWorkbook.from_filelike(io.BytesIO(document.data)).get_sheet_by_index(0)
    assert [row[0] for row in sheet.to_python()] == ["Order ID", "T09", "T10"]
    assert (
        len(await stored_records(sqlite_store, EN.chat_id)) == 21
    )  # 20 counted + 1 cancelled, kept
    last = await sqlite_store.last_report(EN.chat_id)
    assert last is not None
    assert last.overall.valid == 18
    again = await core.handle_command(EN, "vtr")
    assert "90.0%" in "\n".join(r.html for r in again)
    assert await stored_records(sqlite_store, ZH.chat_id) == []


async def test_the_replies_are_built_while_the_upload_is_merged(
    core: Core, sqlite_store: Store, monkeypatch
) -> None:
    """The report's messages and workbook need the analysis, not the merge: the merge
    waits here until they have begun, which only an upload doing both at once gets past."""
    replying = asyncio.Event()
    build, store_upload = core.uploads.reports.build, sqlite_store.store_upload

    async def build_noted(*args: object, **kwargs: object) -> list[Reply]:
        replying.set()
        return await build(*args, **kwargs)  # type: ignore[arg-type]

    async def store_once_replying(*args: object, **kwargs: object) -> int | None:
        await asyncio.wait_for(replying.wait(), timeout=30)
        return await store_upload(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(core.uploads.reports, "build", build_noted)
    monkeypatch.setattr(sqlite_store, "store_upload", store_once_replying)
    replies = await core.handle_upload(EN, upload_of(samples.gbk_csv(), "erp.csv", samples.AS_OF))
    assert "90.0%" in "\n".join(r.html for r in replies)
    assert replies[-1].document is not None
    assert len(await stored_records(sqlite_store, EN.chat_id)) == 21


async def test_an_upload_that_could_not_be_stored_sends_no_report_and_leaves_nothing(
    core: Core, sqlite_store: Store, monkeypatch
) -> None:
    """The merge fails while the replies are being built: the seller hears that nothing was
    saved, the replies are dropped (no report to show on /vtr, none of their files left in
    the scratch folder)."""
    import sqlite3

    replying, built = asyncio.Event(), asyncio.Event()
    build = core.uploads.reports.build

    async def build_noted(*args: object, **kwargs: object) -> list[Reply]:
        replying.set()
        try:
            return await build(*args, **kwargs)  # type: ignore[arg-type]
        finally:
            built.set()

    async def store_fails(*args: object, **kwargs: object) -> int | None:
        await asyncio.wait_for(replying.wait(), timeout=30)
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(core.uploads.reports, "build", build_noted)
    monkeypatch.setattr(sqlite_store, "store_upload", store_fails)
    replies = await core.handle_upload(EN, upload_of(samples.gbk_csv(), "erp.csv", samples.AS_OF))
    assert built.is_set()  # waited for, not left running
    assert "nothing was saved" in replies[0].html
    assert all(reply.document is None for reply in replies)
    [after] = await core.handle_command(EN, "vtr")
    assert "No report yet" in after.html
    scratch = sqlite_store.path.parent / "scratch"
    assert not [p for p in scratch.iterdir() if p.name.startswith("vtrbot-report-")]
    assert await stored_records(sqlite_store, EN.chat_id) == []


@pytest.mark.slow  # starts a worker process
async def test_a_huge_reports_replies_are_built_in_a_worker_as_they_are_here(
    core: Core, sqlite_store: Store, monkeypatch
) -> None:
    """Past `in_process_chars`, an upload's messages and workbook come from a worker, and
    are the same as built here, beside the merge."""
    from bot.services import report_replies

    in_worker: list[str] = []
    call_isolated = report_replies.call_isolated

    def noted(function, args, limits):  # type: ignore[no-untyped-def]
        in_worker.append(function.__name__)
        return call_isolated(function, args, limits)

    monkeypatch.setattr(report_replies, "call_isolated", noted)
    here = await core.handle_upload(EN, upload_of(samples.gbk_csv(), "erp.csv", samples.AS_OF))
    assert in_worker == []
    core.uploads.reports.in_process_chars = 0
    core.uploads.reports.forget(EN.chat_id)  # or the cached workbook is sent again
    there = await core.handle_upload(EN, upload_of(samples.gbk_csv(), "erp.csv", samples.AS_OF))
    assert in_worker == ["report_parts"]
    assert [r.html for r in there] == [r.html for r in here]
    sheets = [
        CalamineWorkbook.from_filelike(io.BytesIO(r.document.data))
        .get_sheet_by_index(0)
        .to_python()
        for r in (here[-1], there[-1])
        if r.document is not None
    ]
    assert len(sheets) == 2 and sheets[0] == sheets[1]


async def test_a_second_upload_waits_for_the_first(core: Core) -> None:
    data = samples.xlsx()
    fetch = GatedFetch(data)
    first = asyncio.create_task(
        core.handle_upload(EN, Upload("a.xlsx", len(data), fetch, samples.AS_OF))
    )
    await fetch.started.wait()  # the first upload holds the chat
    [busy] = await core.handle_upload(EN, upload_of(data, "b.xlsx"))
    assert "still analysing" in busy.html
    # Another chat is not held up by this one.
    other = await core.handle_upload(ZH, upload_of(data, "c.xlsx", samples.AS_OF))
    assert "95.0%" in "\n".join(r.html for r in other)
    fetch.release.set()
    assert "95.0%" in "\n".join(r.html for r in await first)
    # Once done, the chat may upload again.
    assert len(await core.handle_upload(EN, upload_of(data, "d.xlsx"))) >= 2


async def test_uploads_beyond_the_process_limit_wait_in_line_and_are_told_so(core: Core) -> None:
    """One upload at a time, one more in line: the second hears one file is ahead of it
    and is reported once the first is done; the third is turned away at once."""
    core.uploads.queue = UploadQueue(at_once=1, waiting=1)
    release, fetching, heard = asyncio.Event(), asyncio.Event(), asyncio.Event()
    data = samples.xlsx()

    async def slow_fetch(dest: Path) -> None:
        fetching.set()
        await release.wait()
        dest.write_bytes(data)

    told: list[str] = []

    async def status(text: str) -> None:
        told.append(text)
        heard.set()

    first = asyncio.create_task(
        core.handle_upload(EN, Upload("a.xlsx", len(data), slow_fetch, samples.AS_OF))
    )
    await asyncio.wait_for(fetching.wait(), 10)  # the first holds the one place
    second = asyncio.create_task(
        core.handle_upload(ZH, upload_of(data, "b.xlsx", samples.AS_OF), progress=status)
    )
    await asyncio.wait_for(heard.wait(), 10)  # the second is in line and was told so
    assert told == ["前面还有 1 个文件，轮到你的文件时我会立刻开始。"]
    [away] = await core.handle_upload(OTHER, upload_of(data, "c.xlsx"))
    assert "c.xlsx" in away.html and "几分钟后" in away.html
    release.set()
    assert "95.0%" in "\n".join(r.html for r in await first)
    assert "95.0%" in "\n".join(r.html for r in await second)


async def test_slow_analysis_keeps_the_status_message_moving(core: Core, monkeypatch) -> None:
    real = core.uploads.analyse

    def slow(*args, **kwargs):
        import time

        time.sleep(0.3)
        return real(*args, **kwargs)

    monkeypatch.setattr(core.uploads, "analyse", slow)
    shown: list[str] = []

    async def progress(text: str) -> None:
        shown.append(text)

    await core.handle_upload(EN, upload_of(samples.xlsx(), "big.xlsx"), progress)
    assert any(text.startswith("Still analysing big.xlsx") for text in shown)


async def test_bad_files_are_answered_and_nothing_is_stored(
    core: Core, sqlite_store: Store
) -> None:
    [wrong] = await core.handle_upload(EN, upload_of(b"GIF89a", "cat.gif"))
    assert "CSV" in wrong.html
    [garbage] = await core.handle_upload(EN, upload_of(b"\x00\x01\x02" * 100, "x.xlsx"))
    assert garbage.html
    big = Upload("big.csv", core.uploads.max_upload_bytes + 1, fetch=lambda dest: asyncio.sleep(0))
    [too_large] = await core.handle_upload(EN, big)
    assert "20" in too_large.html
    assert await stored_records(sqlite_store, EN.chat_id) == []
    assert await sqlite_store.last_report(EN.chat_id) is None


async def test_an_engine_crash_is_a_message_not_an_exception(core: Core, monkeypatch) -> None:
    def crash(*args, **kwargs):
        raise MemoryError("buyer Zhang San, 13800000000")

    monkeypatch.setattr(core.uploads, "analyse", crash)
    [reply] = await core.handle_upload(EN, upload_of(samples.gbk_csv(), "erp.csv"))
    assert "Export it again" in reply.html
    assert "Zhang" not in reply.html


def test_long_html_is_split_under_the_limit_with_balanced_tags() -> None:
    text = "\n".join(f"<b>line {n}</b> <i>{'很长的文字 ' * 20}</i>" for n in range(300))
    parts = split_html(text)
    assert len(parts) > 1
    for part in parts:
        assert units(part) <= 4096
        for tag in ("b", "i"):
            assert part.count(f"<{tag}>") == part.count(f"</{tag}>")
    one_long_line = "<code>" + "9" * 10_000 + "</code>"
    parts = split_html(one_long_line)
    assert all(units(p) <= 4096 and p.startswith("<code>") and p.endswith("</code>") for p in parts)
    assert "".join(p.removeprefix("<code>").removesuffix("</code>") for p in parts) == "9" * 10_000


async def test_a_failed_download_is_not_blamed_on_the_file(core) -> None:
    from bot.services.replies import ChatRef, Upload

    async def broken_fetch(dest) -> None:
        raise ConnectionError("network down")

    upload = Upload(filename="orders.csv", size=100, fetch=broken_fetch)
    replies = await core.handle_upload(ChatRef(77, "en"), upload)
    assert [r.html for r in replies] == ["I could not download orders.csv. Please send it again."]
    # …and the chat is not left marked busy.
    replies = await core.handle_upload(ChatRef(77, "en"), upload)
    assert "download" in replies[0].html


async def test_uploads_are_worked_on_beside_the_database_and_crash_leftovers_go(
    core: Core, sqlite_store: Store
) -> None:
    """Not in /tmp (a tmpfs there would hold a 2 GB upload in RAM); a folder a killed
    process left is removed once it is a day old, a fresh one (maybe in use) is kept."""
    import os
    import time

    scratch = sqlite_store.path.parent / "scratch"
    assert core.uploads.scratch_folder == scratch
    scratch.mkdir()
    old, fresh = scratch / "vtrbot-upload-old", scratch / "vtrbot-upload-fresh"
    for folder in (old, fresh):
        folder.mkdir()
        (folder / "upload.csv").write_text("order-id\n")
    day_and_a_bit = time.time() - 25 * 3600
    os.utime(old, (day_and_a_bit, day_and_a_bit))
    seen: list[Path] = []

    async def fetch(dest: Path) -> None:
        seen.append(dest)
        dest.write_bytes(samples.gbk_csv())

    upload = Upload(filename="erp.csv", size=None, fetch=fetch, caption=samples.AS_OF)
    await core.handle_upload(EN, upload)

    assert seen[0].parent.parent == scratch
    assert not seen[0].parent.exists()  # the upload's own folder is gone after it
    assert sorted(p.name for p in scratch.iterdir()) == ["vtrbot-upload-fresh"]


@pytest.mark.slow
async def test_a_big_upload_worked_on_in_parts_is_stored_whole(
    core: Core, sqlite_store: Store, tmp_path: Path, monkeypatch
) -> None:
    """Parts shrunk so a small file is spilled in 5: the stored shipments and the report
    are those of the file read in one piece, and no part is left on disk."""

    import polars as pl

    from bot.domain import spill
    from bot.domain.engine import analyse_file
    from bot.services.i18n import translator
    from bot.services.report_text import render_report
    from tests.generate import generate

    path = tmp_path / "big.csv"
    generate(path, rows=4000, seed=9)
    whole, table = analyse_file(path, as_of=date(2026, 11, 20))
    monkeypatch.setattr(spill, "PARTITION_SOURCE_BYTES", -(-path.stat().st_size // 5))
    monkeypatch.setattr(spill, "FLUSH_ROWS", 300)
    written: list[str] = []
    write_ipc = pl.DataFrame.write_ipc

    def counted_write(frame: pl.DataFrame, file: Path, **options: object) -> None:
        written.append(Path(file).name)
        write_ipc(frame, file, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(pl.DataFrame, "write_ipc", counted_write)

    replies = await core.handle_file(EN, path, "big.csv", caption="2026-11-20")

    assert sum(name.startswith("shipments-") for name in written) == 5

    # The engine hands the store its rows as stored: dates as ISO text.
    records = await stored_records(sqlite_store, EN.chat_id)
    stored = sorted(tuple(r.model_dump(mode="json").values()) for r in records)
    assert stored == sorted(r for batch in table.record_batches() for r in batch)
    assert replies[0].html == split_html(render_report(whole, translator("en"), html=True))[0]
    assert list((sqlite_store.path.parent / "scratch").iterdir()) == []
