"""The Docker image, built and run: podman (through the vtr-podman wrapper) builds it from a
clean clone, and `vtrbot run` in a container serves the fake Bot API on the host's loopback.

Hand-computed figures of the uploaded file are in tests/bot/samples.py.
"""

from __future__ import annotations

import io
import json
import re
import time
from collections.abc import Callable

import pytest
from python_calamine import CalamineWorkbook

from bot.healthcheck import STALE_AFTER_SECONDS
from tests.bot import samples
from tests.bot.fake_bot_api import FakeBotApi
from tests.deploy.podman import (
    FIGURES,
    ROOT,
    SIZE_TARGET_MB,
    Container,
    ok,
    podman,
    podman_sync,
)

pytestmark = pytest.mark.deploy

FIRST_ANSWER_TIMEOUT = 60
"""A failure guard only; the measured start-up time is printed, not asserted."""


def run_in_image(image: str, *command: str) -> str:
    return ok(podman_sync("run", "--rm", "--network", "host", image, *command))


def base_image() -> str:
    froms = re.findall(r"^FROM\s+(\S+)", (ROOT / "Dockerfile").read_text(), flags=re.MULTILINE)
    return froms[-1]


def bot_env(api: FakeBotApi) -> dict[str, str]:
    return {
        "TELEGRAM_BOT_TOKEN": api.token,
        "TELEGRAM_BASE_URL": api.base_url,
        "TELEGRAM_BASE_FILE_URL": api.base_file_url,
    }


async def started_bot(container: Container, api: FakeBotApi, volume: str, chat_id: int) -> float:
    """Start the container, say /start, and return the seconds until the bot answered."""
    await container.start(bot_env(api), volume)
    api.user_sends(chat_id, "/start", lang="en")
    [greeting] = await api.wait_for("sendMessage", chat_id=chat_id, timeout=FIRST_ANSWER_TIMEOUT)
    assert "Valid Tracking Rate above 95%" in greeting.text
    return time.monotonic() - container.started_at


async def upload_sample(api: FakeBotApi, chat_id: int) -> str:
    """Send the GBK sample with its report date; returns the report's text."""
    api.user_sends_document(chat_id, samples.gbk_csv(), "erp.csv", caption=samples.AS_OF, lang="en")
    [document] = await api.wait_for("sendDocument", chat_id=chat_id, timeout=60)
    workbook = CalamineWorkbook.from_filelike(io.BytesIO(document.files["document"][1]))
    rows = workbook.get_sheet_by_index(0).to_python()
    assert [row[0] for row in rows[1:]] == ["T09", "T10"]
    return "\n".join(call.text for call in api.sent("sendMessage", chat_id=chat_id))


def test_runs_as_a_non_root_user_and_vtrbot_help_works(image: str) -> None:
    assert run_in_image(image, "id", "-u").strip() == "10001"
    assert run_in_image(image, "id", "-un").strip() == "vtrbot"
    usage = run_in_image(image, "vtrbot", "--help")
    for command in ("run", "chat", "check", "ask", "alerts"):
        assert re.search(rf"\b{command}\b", usage), command


def test_the_image_adds_at_most_400_mb_to_its_base(image: str) -> None:
    base, built = (
        int(ok(podman_sync("image", "inspect", "--format", "{{.Size}}", name)))
        for name in (base_image(), image)
    )
    added_mb = (built - base) / 1e6
    venv_and_app = run_in_image(image, "du", "-s", "--block-size=1M", "/opt/venv", "/app")
    du = {path: int(size) for size, path in (line.split() for line in venv_and_app.splitlines())}
    FIGURES.append(
        f"image {built / 1e6:.0f} MB on a {base / 1e6:.0f} MB base: {added_mb:.0f} MB added "
        f"(du inside: /opt/venv {du['/opt/venv']} MiB, /app {du['/app']} MiB)"
    )
    assert added_mb <= SIZE_TARGET_MB
    # What docker/slim_venv.py removes stays removed.
    assert run_in_image(image, "find", "/opt/venv", "-type", "d", "-name", "tests") == ""
    no_pip = podman_sync("run", "--rm", image, "python", "-c", "import pip")
    assert no_pip.returncode != 0 and "No module named 'pip'" in no_pip.stderr


async def test_the_bot_answers_questions_and_analyses_an_upload(
    image: str, new_container: Callable[[], Container], volume: str, api: FakeBotApi
) -> None:
    container = new_container()
    startup = await started_bot(container, api, volume, chat_id=11)
    FIGURES.append(f"start-up: first answer {startup:.1f} s after `podman run` (goal: 10 s)")

    api.user_sends(11, "What is Buy Shipping?", lang="en")
    answers = await api.wait_for("sendMessage", chat_id=11, count=2, timeout=30)
    assert "Buy Shipping" in answers[1].text and "<i>Source:" in answers[1].text

    report = await upload_sample(api, chat_id=11)
    # Hand-computed in samples.py: overall 18/20, toys 8/10, home 10/10.
    for figure in ("90.0%", "80.0%", "100%", "玩具"):
        assert figure in report
    assert api.token not in await container.logs()


async def test_the_healthcheck_passes_while_the_bot_runs_and_fails_once_stale(
    image: str, new_container: Callable[[], Container], volume: str, api: FakeBotApi
) -> None:
    config = json.loads(
        ok(await podman("image", "inspect", "--format", "{{json .HealthCheck}}", image))
    )
    kind, *command = config["Test"]
    assert kind == "CMD"
    container = new_container()
    await started_bot(container, api, volume, chat_id=21)
    assert (await container.exec(*command)).returncode == 0
    assert (await podman("healthcheck", "run", container.name)).returncode == 0

    # A hung bot: frozen, so it stops beating, with its last beat older than the limit.
    ok(await podman("kill", "--signal", "STOP", container.name))
    stale = int(time.time()) - STALE_AFTER_SECONDS - 60
    ok(await container.exec("touch", "-d", f"@{stale}", "/data/heartbeat"))
    assert (await container.exec(*command)).returncode == 1
    unhealthy = await podman("healthcheck", "run", container.name)
    assert (unhealthy.returncode, unhealthy.stdout.strip()) == (1, "unhealthy")
    ok(await podman("kill", "--signal", "CONT", container.name))


async def test_sigterm_stops_the_bot_cleanly_within_10_seconds(
    image: str, new_container: Callable[[], Container], volume: str, api: FakeBotApi
) -> None:
    container = new_container()
    await started_bot(container, api, volume, chat_id=31)
    began = time.monotonic()
    # After 10 s podman would send SIGKILL, and the exit code would be 137, not 0.
    ok(await podman("stop", "--time", "10", container.name, timeout=60))
    FIGURES.append(f"podman stop (SIGTERM): exited after {time.monotonic() - began:.1f} s")
    state = ok(await podman("inspect", "--format", "{{.State.ExitCode}}", container.name))
    assert state.strip() == "0"


async def test_shipments_in_the_data_volume_outlive_the_container(
    image: str, new_container: Callable[[], Container], volume: str, api: FakeBotApi
) -> None:
    first = new_container()
    await started_bot(first, api, volume, chat_id=41)
    await upload_sample(api, chat_id=41)
    ok(await podman("stop", "--time", "10", first.name, timeout=60))
    await first.remove()

    second = new_container()
    await second.start(bot_env(api), volume)
    # /chart draws from the stored shipments; with none it would say "No report yet".
    api.user_sends(41, "/chart", lang="en")
    [photo] = await api.wait_for("sendPhoto", chat_id=41, timeout=FIRST_ANSWER_TIMEOUT)
    assert photo.files["photo"][1].startswith(b"\x89PNG")
    assert "30 days to Nov 20, 2026" in photo.text
