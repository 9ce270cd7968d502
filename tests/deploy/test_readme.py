"""The README's two opening commands stay true: CI runs exactly the README's test command,
the install and the tests as two steps with the lint, format and type gates between them;
and a seller goes from the README to a guide that never mentions how the bot is operated."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).parents[2]


def readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.findall(r"```bash\n(.+?)\n```", text, flags=re.DOTALL)[:2]


GATES = [".venv/bin/ruff check .", ".venv/bin/ruff format --check .", ".venv/bin/mypy"]


def test_ci_runs_exactly_the_readme_test_command() -> None:
    _, test_command = readme_commands()
    install, tests = test_command.split(" && .venv/bin/python -m pytest")
    ci_lines = (ROOT / ".ci/run").read_text().splitlines()
    assert [line for line in ci_lines if line.startswith("python3")] == [install]
    assert [line for line in ci_lines if line.startswith(".venv/bin/python -m pytest -n")] == [
        ".venv/bin/python -m pytest" + tests
    ]
    order = [
        ci_lines.index(line) for line in [install, *GATES, ".venv/bin/python -m pytest" + tests]
    ]
    assert order == sorted(order), "the gates run after the install and before the tests"


def test_main_command_installs_and_starts_the_product() -> None:
    main_command, _ = readme_commands()
    assert "pip install -e ." in main_command
    assert main_command.endswith("vtrbot chat")
    assert (ROOT / "examples/erp_export_gbk.csv").is_file()


def test_a_seller_reaches_a_guide_without_operator_material() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for guide in ("docs/seller-guide.zh.md", "docs/seller-guide.en.md"):
        assert f"]({guide})" in readme
        text = (ROOT / guide).read_text(encoding="utf-8")
        for operator_word in ("replica", "PostgreSQL", "Caddy", "webhook", "VTRBOT_"):
            assert operator_word not in text, (guide, operator_word)
    for operator_word in ("replica", "Caddy", "VTRBOT_"):
        assert operator_word not in readme, operator_word
