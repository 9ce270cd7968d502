"""YAML files read by the tests with libyaml's loader, as bot/domain reads its own: the
pure-Python loader gives the same data far more slowly, and the tests read the claims table
(knowledge/cards.yaml) and the held-out sets several times a run, some while collecting."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(path: Path) -> Any:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
