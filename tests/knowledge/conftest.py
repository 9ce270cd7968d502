from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    """The real knowledge base, loaded once: loading is what the bot does at start-up."""
    return KnowledgeBase.load()
