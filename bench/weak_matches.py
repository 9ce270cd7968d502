"""Firm answers by confidence on every development set, with and without the weak-match rule.

    PYTHONPATH=. python bench/weak_matches.py

Every question of tests/knowledge/heldout_cases*.yaml (own-data ones aside: they need the
chat's file) is answered twice: with `NAMED_HELD_FROM` at 0 (the rule off: `ANSWER_AT`
alone decides a firm answer) and as set. A firm answer is one the search gave (no rule
decided it); each is graded by the sets' own grading. Prints, per confidence band, the
firm answers before (right / not right) and how many of each became topics to pick from.
"""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

from bot.domain.knowledge import KnowledgeBase, base
from bot.services.answers import render_answer
from bot.services.i18n import translator
from tests.knowledge.grading import grade_case, read_cases

BANDS = (0.1, 0.2, 0.3, 0.4, 0.5, 1.01)
Graded = tuple[str, bool, float, bool]


def _answered(kb: KnowledgeBase, items: list[dict[str, object]]) -> list[Graded]:
    graded = []
    for item in items:
        answer = kb.answer(str(item["q"]))
        text = render_answer(answer, kb, translator(answer.lang), html=False)
        right = grade_case(item, text, kb).right
        graded.append((answer.kind, answer.decision is None, answer.confidence, right))
    return graded


def main() -> None:
    kb = KnowledgeBase.load()
    sets = sorted(Path("tests/knowledge").glob("heldout_cases*.yaml"))
    items = [i for s in sets for i in read_cases(s)["cases"] if i.get("kind") != "own_data"]
    held_from = base.NAMED_HELD_FROM
    base.NAMED_HELD_FROM = 0.0
    before = _answered(kb, items)
    base.NAMED_HELD_FROM = held_from
    after = _answered(kb, items)
    print(
        "| confidence | firm before: right / not right | to topics: right | to topics: not right |"
    )
    for low, high in pairwise(BANDS):
        band = [
            (old, new)
            for old, new in zip(before, after, strict=True)
            if old[0] == "answer" and old[1] and low <= old[2] < high
        ]
        right = sum(old[3] for old, _ in band)
        lost = sum(old[3] for old, new in band if new[0] != "answer")
        caught = sum(not old[3] for old, new in band if new[0] != "answer")
        print(
            f"| {low:.1f}–{min(high, 1.0):.1f} | {right} / {len(band) - right} | {lost} | {caught} |"
        )
    print(f"right, all {len(items)}: {sum(g[3] for g in before)} → {sum(g[3] for g in after)}")


if __name__ == "__main__":
    main()
