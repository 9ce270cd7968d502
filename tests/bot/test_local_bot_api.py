"""A local Bot API server (--local mode): files over the public 20 MB cap are read from disk."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.domain.knowledge import KnowledgeBase
from bot.settings import BOT_API_FILE_CAP_MB, Settings, load_settings
from tests.bot.fake_bot_api import FakeBotApi
from tests.bot.harness import started
from tests.generate import generate

pytestmark = pytest.mark.slow


def test_local_mode_raises_the_upload_limit_unless_set() -> None:
    assert load_settings(None).max_upload_mb == BOT_API_FILE_CAP_MB
    assert load_settings(None, TELEGRAM_LOCAL_MODE="1").max_upload_mb == 2000
    assert (
        load_settings(None, TELEGRAM_LOCAL_MODE="1", VTRBOT_MAX_UPLOAD_MB="100").max_upload_mb
        == 100
    )


@pytest.fixture
async def local_api(tmp_path: Path) -> AsyncIterator[FakeBotApi]:
    server = FakeBotApi(local_dir=tmp_path / "bot-api-files")
    server.local_dir.mkdir()
    await server.start()
    yield server
    await server.stop()


async def test_a_25_mb_upload_through_a_local_server(
    tmp_path: Path, kb: KnowledgeBase, local_api: FakeBotApi
) -> None:
    from bot.adapters.telegram.app import build_application

    big = tmp_path / "big.csv"
    expected = generate(big, rows=20_000, seed=9)
    # Past the 20 MB cap with a long note on each row, as ERP exports carry: the point is
    # the file's size, and writing 170,000 generated rows instead took 4 s.
    header, *rows = big.read_text(encoding="utf-8").splitlines()
    note = "gift wrap, " * 100
    big.write_text(
        "\n".join([f"{header},gift-message", *(f'{row},"{note}"' for row in rows)]) + "\n",
        encoding="utf-8",
    )
    assert big.stat().st_size > 21 * 2**20
    settings = Settings(
        _env_file=None,  # type: ignore[call-arg]
        TELEGRAM_BOT_TOKEN=local_api.token,
        VTRBOT_DATA_DIR=tmp_path / "data",
        TELEGRAM_BASE_URL=local_api.base_url,
        TELEGRAM_BASE_FILE_URL=local_api.base_file_url,
        TELEGRAM_LOCAL_MODE=True,
    )
    async with started(build_application(settings, kb)) as application:
        local_api.user_sends_document(
            61, big.read_bytes(), "big.csv", caption="2026-11-20", lang="en"
        )
        await local_api.wait_for("sendDocument", chat_id=61, timeout=60)
        assert local_api.sent("download") == []  # read from the server's disk, not over HTTP
        report = await application.bot_data.services.store.last_report(61)
        assert report is not None
        assert (report.overall.shipments, report.overall.valid) == (
            expected.shipments,
            expected.valid,
        )
