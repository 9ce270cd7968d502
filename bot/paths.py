"""Where the project's data folders (`knowledge/`, `locales/`) live.

They sit at the repository's top level (the product card fixes that layout). In a
checkout or editable install they are found beside the package; an installed copy
(the Docker image) may point at them with VTRBOT_RESOURCES_DIR.
"""

from __future__ import annotations

import os
from pathlib import Path


def resources_root() -> Path:
    configured = os.environ.get("VTRBOT_RESOURCES_DIR")
    if configured:
        return Path(configured)
    return Path(__file__).resolve().parent.parent


def locales_dir() -> Path:
    return resources_root() / "locales"


def knowledge_dir() -> Path:
    return resources_root() / "knowledge"
