"""What the search concluded about a question, which every step of composing reads."""

from __future__ import annotations

from dataclasses import dataclass

from bot.domain.knowledge.schema import Answer


@dataclass(frozen=True, slots=True)
class Found:
    """What the search concluded, with what it saw of the question."""

    answer: Answer
    best: str | None
    concepts: frozenset[str]
    information: float = 0.0
    """How specific the match is (Assessment.information)."""
