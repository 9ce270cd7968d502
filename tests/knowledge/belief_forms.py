"""Seller beliefs generated from the claims table, in the forms sellers say them.

Each belief of `belief_wordings.yaml` (a claim of knowledge/cards.yaml, worded plainly, negated
and, for a restriction, with its rest) is put in several forms: tagged ("…, right?", "…对吗"),
hedged or passed on ("my forwarder says…", "群里说…", "好像…"), under a negated tag ("…,
isn't that right?", "难道不是…吗"). The verdict each form must get follows from the claim's
`truth` and the wording's polarity alone: a form never changes it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from bot.domain.knowledge.schema import Decision
from tests.yaml_files import read_yaml

WORDINGS = Path(__file__).with_name("belief_wordings.yaml")
CARDS = Path(__file__).parents[2] / "knowledge" / "cards.yaml"

_FORMS = {
    "zh": {
        "tag": ["{x}，对吗？", "{x}吧？", "{x}，是吧", "{x}对吧"],
        "prefix": [
            "群里说{x}，对吗？",
            "货代说{x}，是这样吗？",
            "听说{x}，是吧？",
            "我理解是{x}，没错吧？",
            "好像{x}，对吗",
            "应该是{x}吧？",
        ],
        "double": ["{x}，不是吗？", "难道不是{x}吗？"],
    },
    "en": {
        "tag": ["{x}, right?", "{x}, yes?", "{x}, correct?", "{x}. true?"],
        "prefix": [
            "my forwarder says {x}, right?",
            "someone in a seller group said {x}, is that true?",
            "I heard {x}, correct?",
            "I think {x}, right?",
            "pretty sure {x}, yes?",
            "it kind of seems {x}, right?",
        ],
        "double": ["{x}, isn't that right?", "isn't it true that {x}?"],
    },
}
"""The forms a belief is said in; `{x}` is the belief's wording."""


@dataclass(frozen=True)
class Belief:
    """One generated question: the claim it states, and the verdict it must get."""

    claim: str
    lang: str
    polarity: str
    """Which wording: "plain", "negated" or "complement"."""
    form: str
    question: str
    expected: bool
    """True: the first line confirms (Right, 对, Yes); False: it corrects."""


def claim_truths() -> dict[str, bool]:
    """Each claim's truth, as the claims table states it."""
    cards = read_yaml(CARDS)
    return {c["id"]: bool(c["truth"]) for c in cards["claims"]}


def generated_beliefs() -> Iterator[Belief]:
    """Every wording in every form, with the verdict the claim's truth gives it."""
    truths = claim_truths()
    data = read_yaml(WORDINGS)
    for item in data["beliefs"]:
        truth = truths[item["claim"]]
        for lang in ("zh", "en"):
            for polarity, wording in item[lang].items():
                expected = truth if polarity != "negated" else not truth
                for form, templates in _FORMS[lang].items():
                    for template in templates:
                        question = template.format(x=wording)
                        yield Belief(item["claim"], lang, polarity, form, question, expected)


_EN_YES = re.compile(r"(?:Right|Yes)\b")
_EN_NO = re.compile(r"(?:Not right|No)\b(?! need)")
_ZH_HEAD = re.compile(r"([^。：:，,\s]{1,4})[。：:]")
_ZH_YES_NO = re.compile(
    r"对|是的?|不对|不是|[不没]?(?:算|要|用|需要|会|能|可以|有|计入|行|影响|有影响)"
)


def verdict_of(first_line: str) -> bool | None:
    """The verdict a skimming seller reads in the first line: True for yes/right, False for
    no/not right, None when the line opens with no verdict word."""
    if first_line.startswith("No need"):
        return None  # "No need: …" agrees with "I don't have to …" and denies "I must …"
    if _EN_NO.match(first_line):
        return False
    if _EN_YES.match(first_line):
        return True
    head = _ZH_HEAD.match(first_line)
    if head is None or not _ZH_YES_NO.fullmatch(head.group(1)):
        return None
    return not head.group(1).startswith(("不", "没"))


def decision_verdict(decision: Decision | None) -> bool | None:
    """The decision's own answer to the belief, for a line worded without a verdict word."""
    return None if decision is None else decision.agrees
