"""Grading an answer by what it says, as a seller would: the held-out set's rule.

Right = a real answer (not a shortlist or a refusal), in the expected language, whose
rendered text contains at least one alternative of every expected group, case-insensitive.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from bot.domain.knowledge import KnowledgeBase
from bot.services.answers import render_answer
from bot.services.i18n import translator


@dataclass
class Score:
    right: int = 0
    asked: int = 0
    refused: int = 0
    off_topic: int = 0
    misses: list[tuple[str, str]] = field(default_factory=list)
    kinds: Counter[str] = field(default_factory=Counter)

    @property
    def share(self) -> float:
        return self.right / self.asked if self.asked else 0.0

    def line(self, name: str) -> str:
        return (
            f"{name}: {self.share:.1%} right ({self.right}/{self.asked}; wrong answer "
            f"{self.kinds['answer']}, shortlist {self.kinds['unsure']}, refused "
            f"{self.kinds['off_topic']}); off-topic refused {self.refused}/{self.off_topic}"
        )


def is_right(kb: KnowledgeBase, item: dict[str, Any]) -> tuple[bool, str]:
    answer = kb.answer(item["q"])
    if answer.kind != "answer" or answer.lang != item["lang"]:
        return False, answer.kind
    text = render_answer(answer, kb, translator(answer.lang), html=False).casefold()
    groups = item["expect"]
    return all(any(str(alt).casefold() in text for alt in group) for group in groups), "answer"


def grade(kb: KnowledgeBase, items: list[dict[str, Any]]) -> Score:
    score = Score()
    for item in items:
        if item.get("off_topic"):
            score.off_topic += 1
            if kb.answer(item["q"]).kind == "off_topic":
                score.refused += 1
            else:
                score.misses.append((item["q"], "not refused"))
            continue
        score.asked += 1
        right, kind = is_right(kb, item)
        if right:
            score.right += 1
        else:
            score.kinds[kind] += 1
            score.misses.append((item["q"], kind))
    return score
