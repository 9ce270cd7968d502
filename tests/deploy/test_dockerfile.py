"""The Dockerfile's promises, read as text (fast); test_image.py builds and runs the image."""

from __future__ import annotations

import json
import re
from pathlib import Path

ROOT = Path(__file__).parents[2]
DOCKERFILE = (ROOT / "Dockerfile").read_text(encoding="utf-8")
INSTRUCTIONS = [
    line.strip()
    for line in re.sub(r"\\\n\s*", " ", DOCKERFILE).splitlines()
    if line.strip() and not line.lstrip().startswith("#")
]


def stages() -> list[list[str]]:
    result: list[list[str]] = []
    for line in INSTRUCTIONS:
        if line.upper().startswith("FROM "):
            result.append([])
        result[-1].append(line)
    return result


def test_multi_stage_on_a_slim_python() -> None:
    froms = [s[0] for s in stages()]
    assert len(froms) >= 2
    assert all(re.match(r"FROM python:3\.1[1-9]-slim", f) for f in froms)


def test_runtime_runs_as_a_non_root_user() -> None:
    runtime = stages()[-1]
    users = [line.split()[1] for line in runtime if line.upper().startswith("USER ")]
    assert users and users[-1] not in ("root", "0")
    assert runtime.index(next(line for line in runtime if line.startswith("USER "))) > 0


def test_exec_form_cmd_and_healthcheck() -> None:
    runtime = stages()[-1]
    (cmd,) = [line for line in runtime if line.startswith("CMD ")]
    assert json.loads(cmd.removeprefix("CMD ")) == ["vtrbot", "run"]
    (health,) = [line for line in runtime if line.startswith("HEALTHCHECK ")]
    assert json.loads(health.split("CMD", 1)[1]) == ["python", "-m", "bot.healthcheck"]
    assert "curl" not in health and "telegram" not in health.lower()


def test_no_secrets_baked_in() -> None:
    assert "TELEGRAM_BOT_TOKEN=" not in DOCKERFILE.replace("-e TELEGRAM_BOT_TOKEN=…", "")
    for line in INSTRUCTIONS:
        assert not re.match(r"(ENV|ARG)\b.*(TOKEN|SECRET|PASSWORD)", line, re.IGNORECASE), line
    assert not any(line.startswith("COPY .env") for line in INSTRUCTIONS)


def test_dependencies_layer_comes_before_the_source() -> None:
    build = stages()[0]
    deps = next(i for i, line in enumerate(build) if "pip install ." in line)
    source = next(i for i, line in enumerate(build) if line.startswith("COPY bot"))
    assert build[deps - 1].startswith("COPY pyproject.toml")
    assert deps < source


def test_data_volume_and_catalogs_compiled() -> None:
    assert any(line.startswith("VOLUME") and "/data" in line for line in INSTRUCTIONS)
    assert any("pybabel compile" in line for line in INSTRUCTIONS)


def test_dockerignore_is_an_allow_list() -> None:
    lines = [line.strip() for line in (ROOT / ".dockerignore").read_text().splitlines()]
    rules = [line for line in lines if line and not line.startswith("#")]
    assert rules[0] == "*"
    assert "!.env" not in rules and not any(".git" in r and r.startswith("!") for r in rules)
