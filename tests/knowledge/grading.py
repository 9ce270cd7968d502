"""Grading an answer by what it says, as a seller would: the held-out set's rule.

Right = a real answer (not a shortlist or a refusal), in the expected language, whose
rendered text contains at least one alternative of every expected group, case-insensitive.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.domain.knowledge import KnowledgeBase
from bot.services.answers import render_answer
from bot.services.i18n import translator
from bot.services.replies import ChatRef, Reply
from bot.services.store import Store
from tests.bot.harness import core_for
from tests.yaml_files import read_yaml


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


# -- the held-out set of cases (heldout_cases.yaml): answers read as the seller reads them ----

_TAG = re.compile(r"<[^>]+>")
_SENTENCE = re.compile(r"(?<=[。！？!?；])|(?<=[.;])\s+|\n+")
_HAN = re.compile(r"[\u3400-\u9fff]")
_LATIN = re.compile(r"[A-Za-z]")


def plain_text(replies: list[Reply]) -> str:
    """What the seller reads: the replies' HTML without markup."""
    return "\n".join(html.unescape(_TAG.sub("", reply.html)) for reply in replies)


def first_sentences(text: str, count: int = 2) -> str:
    """The first `count` sentences: what a seller who skims reads, the decision's place."""
    sentences = [s for s in _SENTENCE.split(text) if s and s.strip()]
    return " ".join(sentences[:count])


def reply_kind(text: str, kb: KnowledgeBase) -> str:
    """answer, unsure (a shortlist) or off_topic (a refusal), in either language."""
    from bot.domain.knowledge import Answer

    for lang in ("zh", "en"):
        for kind, opening in (("unsure", False), ("unsure", True), ("off_topic", False)):
            answer = Answer(lang=lang, kind=kind, confidence=0.0, opening=opening)  # type: ignore[arg-type]
            if text.startswith(render_answer(answer, kb, translator(lang), html=False)):
                return kind
    return "answer"


def text_lang(text: str) -> str:
    han, latin = len(_HAN.findall(text)), len(_LATIN.findall(text))
    return "zh" if han and han >= latin / 4 else "en"


@dataclass
class CaseGrade:
    """One held-out case graded: right, and whether it stated a wrong fact (a must_not)."""

    right: bool
    wrong_fact: str | None
    why: str


def _wrong_fact(item: dict[str, Any], folded: str) -> str | None:
    """A must_not anywhere, or a lead_not (a wrong verdict such as "Yes" on a false belief)
    in the first two sentences, where a seller who skims reads it."""
    wrong = next((bad for bad in item.get("must_not", []) if str(bad).casefold() in folded), None)
    if wrong is not None:
        return wrong
    lead = first_sentences(folded)
    return next((bad for bad in item.get("lead_not", []) if str(bad).casefold() in lead), None)


def grade_case(item: dict[str, Any], text: str, kb: KnowledgeBase) -> CaseGrade:
    kind = reply_kind(text, kb)
    folded = text.casefold()
    if item.get("off_topic"):
        return CaseGrade(kind == "off_topic", None, kind)
    if item.get("expect_kind") == "unsure":
        return CaseGrade(kind == "unsure", None, kind)
    wrong = _wrong_fact(item, folded)
    if kind != "answer":
        return CaseGrade(False, wrong, kind)
    if text_lang(first_sentences(text, 3)) != item["lang"]:
        return CaseGrade(False, wrong, "language")
    lead = first_sentences(text).casefold()
    missing = [g for g in item.get("expect", []) if not any(str(a).casefold() in folded for a in g)]
    late = [g for g in item.get("lead", []) if not any(str(a).casefold() in lead for a in g)]
    why = f"missing {missing}" if missing else f"not in lead {late}" if late else "wrong fact"
    return CaseGrade(not missing and not late and wrong is None, wrong, why)


@dataclass
class KindScores:
    right: Counter[str] = field(default_factory=Counter)
    asked: Counter[str] = field(default_factory=Counter)
    wrong_facts: list[tuple[str, str]] = field(default_factory=list)
    misses: list[tuple[str, str, str]] = field(default_factory=list)
    opposite_verdicts: list[tuple[str, str]] = field(default_factory=list)

    def add(self, item: dict[str, Any], grade: CaseGrade) -> None:
        kind = item.get("kind", "plain")
        self.asked[kind] += 1
        self.right[kind] += grade.right
        if grade.wrong_fact is not None:
            self.wrong_facts.append((item["q"], grade.wrong_fact))
        if not grade.right:
            self.misses.append((kind, item["q"], grade.why))

    @property
    def share(self) -> float:
        total = sum(self.asked.values())
        return sum(self.right.values()) / total if total else 0.0

    def lines(self) -> list[str]:
        total, right = sum(self.asked.values()), sum(self.right.values())
        lines = [
            f"held-out cases: {self.share:.1%} right ({right}/{total}); wrong facts {len(self.wrong_facts)}"
        ]
        for kind in sorted(self.asked):
            lines.append(f"  {kind:20} {self.right[kind]:3}/{self.asked[kind]:3}")
        return lines


# -- running a held-out set through the chat's own path ----------------------------------------


def read_cases(path: Path) -> Any:
    return read_yaml(path)


def _first_line(text: str) -> str:
    return next((line.strip() for line in text.splitlines() if line.strip()), "")


def _miss_detail(item: dict[str, Any], grade: CaseGrade, text: str) -> str:
    wrong = f" WRONG FACT {grade.wrong_fact!r}" if grade.wrong_fact else ""
    return (
        f"- [{item.get('kind', 'plain')}] {item['q']}\n"
        f"    why: {grade.why}{wrong}\n    first line: {_first_line(text)}"
    )


OPPOSITE_OPENINGS = {
    "claim_true": (
        "Not right", "No —", "不对", "不是。", "不算。", "不用。", "不需要。", "不会。", "不能。",
    ),
    "claim_false": ("Right:", "Yes —", "对。", "是的", "是。", "算。", "可以。", "会。", "需要。", "能。"),
}  # fmt: skip
"""A first line opening so gives the opposite of the verdict a belief of that kind has."""


def opposite_first_line(item: dict[str, Any], text: str) -> bool:
    """The reply's first line alone gives the opposite verdict to the belief's kind: the
    graders look for a verdict word anywhere in the first two sentences, so a "Not right:"
    before a body that says the belief is right would be found right."""
    opposite = OPPOSITE_OPENINGS.get(item.get("kind", ""))
    return bool(opposite) and not item.get("off_topic") and _first_line(text).startswith(opposite)


def fails_whatever_the_floors(item: dict[str, Any]) -> bool:
    """A case whose reply can fail its set whatever the set's floors: one with wrong facts
    to look for (`must_not`, `lead_not`: `grade_case` finds a wrong fact only there), or a
    belief whose first line may give the opposite verdict (`opposite_first_line`)."""
    if item.get("off_topic"):
        return False
    belief = item.get("kind", "") in OPPOSITE_OPENINGS
    if item.get("expect_kind") == "unsure":  # graded by its kind alone: no wrong fact sought
        return belief
    return belief or bool(item.get("must_not") or item.get("lead_not"))


async def grade_heldout_set(
    cases_file: Path,
    database: Path,
    kb: KnowledgeBase,
    chat_id: int,
    only: Callable[[dict[str, Any]], bool] | None = None,
) -> KindScores:
    """Every case as a seller's message (Core.handle_text); `own_data` ones in chat
    `chat_id`, which first uploaded the set's fixture (if it names one and an `own_data`
    case is asked) through the upload path with the set's as-of date as the caption, the
    others in chat `chat_id + 1`, which has no data. Prints the figures per kind and every
    miss with the reply's first line. `only`: the cases to ask (all when None); each is a
    message of its own, so a case's reply does not depend on which others were asked.

    Fails when a belief's first line gives the opposite verdict (`opposite_first_line`):
    every set is held to that, whatever its floors, from the replies it is graded on, so no
    question of a set is answered twice for it."""
    cases = read_cases(cases_file)
    asked = [item for item in cases["cases"] if only is None or only(item)]
    data_chat, fresh_chat = ChatRef(chat_id, "zh"), ChatRef(chat_id + 1, "zh")
    scores, details = KindScores(), []
    async with Store(database) as store:
        core = core_for(store, kb, "zh")
        if "own_data_file" in cases and any(i.get("kind") == "own_data" for i in asked):
            fixture = cases_file.parent.parent.parent / cases["own_data_file"]
            await core.handle_file(data_chat, fixture, caption=cases["own_data_as_of"])
        for item in asked:
            chat = data_chat if item.get("kind") == "own_data" else fresh_chat
            text = plain_text(await core.handle_text(chat, item["q"]))
            grade = grade_case(item, text, kb)
            scores.add(item, grade)
            if opposite_first_line(item, text):
                scores.opposite_verdicts.append((item["q"], _first_line(text)))
            if not grade.right or grade.wrong_fact is not None:
                details.append(_miss_detail(item, grade, text))
    print("\n" + "\n".join(scores.lines()))
    print("misses and wrong facts:\n" + "\n".join(details))
    assert not scores.opposite_verdicts, scores.opposite_verdicts
    return scores
