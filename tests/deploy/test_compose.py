"""compose.yaml is the common deployment of the image. podman-compose cannot run it here (the
one Debian packages mangles exec-form health checks and refuses host networking, which the
fake Bot API needs), so it is held to the Dockerfile, which test_image.py runs, as text."""

from __future__ import annotations

import json
import re
from pathlib import Path

import yaml

ROOT = Path(__file__).parents[2]
COMPOSE = yaml.safe_load((ROOT / "compose.yaml").read_text(encoding="utf-8"))
DOCKERFILE = re.sub(r"\\\n\s*", " ", (ROOT / "Dockerfile").read_text(encoding="utf-8"))


def service() -> dict:
    [(name, definition)] = COMPOSE["services"].items()
    assert name == "vtrbot"
    return definition


def dockerfile_healthcheck() -> tuple[dict[str, str], list[str]]:
    [line] = [line for line in DOCKERFILE.splitlines() if line.startswith("HEALTHCHECK ")]
    options, command = line.removeprefix("HEALTHCHECK ").split(" CMD ", 1)
    flags = dict(re.findall(r"--([\w-]+)=(\S+)", options))
    return flags, json.loads(command)


def test_the_service_builds_this_dockerfile_and_restarts_unless_stopped() -> None:
    bot = service()
    assert bot["build"] == "."
    assert bot["image"].endswith(":-vtrbot}")
    assert bot["restart"] == "unless-stopped"
    assert "command" not in bot and "entrypoint" not in bot and "user" not in bot


def test_data_lives_in_a_named_volume_at_the_images_data_folder() -> None:
    [mount] = service()["volumes"]
    name, target = mount.split(":")
    assert name in COMPOSE["volumes"]
    assert target == "/data"
    assert 'VOLUME ["/data"]' in DOCKERFILE and "VTRBOT_DATA_DIR=/data" in DOCKERFILE


def test_the_token_comes_from_the_env_file_only() -> None:
    bot = service()
    assert bot["env_file"] == ".env"
    assert "environment" not in bot
    assert "TELEGRAM_BOT_TOKEN=" in (ROOT / ".env.example").read_text()
    assert ".env" in (ROOT / ".gitignore").read_text().split()
    assert not re.search(r"TOKEN\s*[:=]", (ROOT / "compose.yaml").read_text())


def test_the_healthcheck_is_the_images() -> None:
    flags, command = dockerfile_healthcheck()
    check = service()["healthcheck"]
    assert check["test"] == ["CMD", *command]
    assert {key.replace("-", "_"): value for key, value in flags.items()} == {
        key: str(value) for key, value in check.items() if key != "test"
    }


def test_the_grace_period_is_the_one_the_image_tests_stop_within() -> None:
    source = (ROOT / "tests/deploy/test_image.py").read_text()
    assert service()["stop_grace_period"] == "10s"
    assert '"stop", "--time", "10"' in source
