"""The README's two opening commands stay true: CI runs exactly the README's test command."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).parents[2]


def readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.findall(r"```bash\n(.+?)\n```", text, flags=re.DOTALL)[:2]


def test_ci_runs_exactly_the_readme_test_command() -> None:
    _, test_command = readme_commands()
    ci_lines = [
        line for line in (ROOT / ".ci/run").read_text().splitlines() if line.startswith("python3")
    ]
    assert ci_lines == [test_command]


def test_main_command_installs_and_starts_the_product() -> None:
    main_command, _ = readme_commands()
    assert "pip install -e ." in main_command
    assert main_command.endswith("vtrbot chat")
    assert (ROOT / "examples/erp_export_gbk.csv").is_file()
