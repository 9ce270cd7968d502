"""The thirty-third held-out set (heldout_cases_33.yaml): 170 cases of every kind issue 21
names, written from /work/shared/domain.md and its seeds only, by someone who never read
knowledge/, the bot's code or its answers; never to be edited after results were seen.
Its must_not lists are wrong facts anywhere in the reply; its lead_not lists are wrong
verdicts in the first two sentences. Run `pytest -s tests/knowledge/test_heldout_cases_33.py`
for the figures per kind, every miss and every wrong fact with the reply's first line.

Every question goes through the chat's own path (Core.handle_text); the `own_data` ones in a
chat that uploaded the set's fixture (heldout_chat_data_33.xlsx: a 马帮-style package export,
one row per package, two Amazon order IDs in one cell for a combined package, ISO ship times
with their zones, currency and amount in one cell, two shops), the others in a chat with no
data.

Its single honest grading: graded once on main at 8c89aca, session 20, after that session's
engineers had landed and before anyone working on the bot read it: 80.0% right (136/170),
five wrong facts by the grader (heldout_cases_33.grading-8c89aca.txt). Four are the grader's
own: the must_not 'right:' found inside a correct "Not right:"; they are allowed by name
below (GRADER_FALSE_POSITIVES). The fifth was real ("under 5 bucks I can skip it" → "Right:");
mended (461b8fa), its reply opens "Not right:" and is the same false positive. The lead read
three wrong statements the grader did not catch, mended before the set was opened (6aaa2aa,
e88f988, and the small Japanese orders asked about answered first, cherry-picked from
branch `verdicts`).

The writer counted a combined package once (domain.md §1b, "the unit is the package"); the
bot counts each of its orders, as Amazon counts each order's shipment confirmation
(docs/decisions/017). The fixture's two combined packages turn the file to 214/225 against
the writer's 213/223, and 家居厨房/US to 58/61 (above) against 57/60 (below). The cases
whose expectation rests on that reading are named below with the grade decision 017 gives
them (ONE_SHIPMENT_PER_PACKAGE), so none passes or fails on it unseen. From then on it is
a development set: the floor below is what the branch measures with its own-data families
mended in other words (test_own_data_plan_asked.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.grading import grade_heldout_set

CASES_FILE = Path(__file__).parent / "heldout_cases_33.yaml"
# What the branch measures with its own-data families mended (test_own_data_plan_asked.py):
# 145/170, the grader's five false positives alone flagged (pytest -s -p no:xdist -m slow
# tests/knowledge/test_heldout_cases_33.py on s33 at 1377c47, load 20); 142/170 as it became
# a development set, with the small Japanese orders' commit; 136/170 at its single honest
# grading on 8c89aca.
MIN_RIGHT = 145 / 170
# The grader's false positives, by question and by the string it flagged: each reply opens
# "Not right:", the belief's correct verdict, and the must_not 'right:' is found inside it.
GRADER_FALSE_POSITIVES = {
    ("VTR is a rolling 90 day metric right?", "right:"),
    ("Buy Shipping is only available for US and UK from China, right?", "right:"),
    (
        "a category at 94.9% VTR is fine as long as my overall account VTR is above 95, yeah?",
        "right:",
    ),
    ("my VTR appeal will be reviewed in 7 days, that's Amazon's standard right?", "right:"),
    # Its one real wrong fact ("Right:") mended (461b8fa): the reply now opens "Not right:".
    ("I only need tracking for orders over $5 to the US; under 5 bucks I can skip it", "right:"),
}
MAX_WRONG_FACTS = len(GRADER_FALSE_POSITIVES)
"""What test_heldout_wrong_facts.py allows this set: the false positives above, no more."""

_COUNTED_EACH = "decision 017: a combined package's orders are a shipment each"
ONE_SHIPMENT_PER_PACKAGE = {
    # question: (right under decision 017, why the writer's expectation differs)
    "VTR counts orders, so a combined package with 2 orders = 2 shipments in the calc, right": (
        False,
        f"{_COUNTED_EACH}; the writer expects the belief denied",
    ),
    "我上传的表整体VTR多少": (False, f"{_COUNTED_EACH}: 214/225, the writer 213/223"),
    "so overall I'm fine right? nothing to worry about?": (
        False,
        f"{_COUNTED_EACH}: 214/225, the writer 213/223",
    ),
    "玩具类目现在多少": (False, f"{_COUNTED_EACH}: 18/21, the writer 18/20"),
    "Home & kitchen category — what's the number? dashboard-style rounding says 95 so I guess fine?": (
        False,
        f"{_COUNTED_EACH}: 58/61 = 95.08%, above; the writer 57/60 = 95.00%, below",
    ),
    "ok which of my categories are in danger right now": (
        False,
        f"{_COUNTED_EACH}: 家居厨房 is above, the writer counts it below",
    ),
    "一共要修几单才能让所有品类都过线": (
        True,
        f"{_COUNTED_EACH}: 4 fixes (家居厨房 needs none), the writer 5; its bare '5' is found in '95%'",
    ),
    "北美日本店这个店铺整体多少": (False, f"{_COUNTED_EACH}: 90/96, the writer 89/94"),
    "when will 家居厨房 be back above 95 if I don't fix anything": (
        True,
        f"{_COUNTED_EACH}: 家居厨房 is above already; the writer's date, its return above, is "
        "the day its oldest invalid package leaves the window, said after the verdict",
    ),
}
"""The cases whose expected figure or verdict counts a combined package once: each is held to
the grade it gets under decision 017, so a change of reading, or of the reply, shows here."""

# Over 0.3 s of CPU: a file analysed and 170 questions answered through the chat's path.
pytestmark = pytest.mark.slow


async def test_heldout_cases_33(tmp_path: Path, kb: KnowledgeBase) -> None:
    scores = await grade_heldout_set(CASES_FILE, tmp_path / "vtrbot.sqlite3", kb, chat_id=5301)
    wrong_facts = [fact for fact in scores.wrong_facts if fact not in GRADER_FALSE_POSITIVES]
    assert not wrong_facts, wrong_facts
    missed = {question for _, question, _ in scores.misses}
    graded = {q: q not in missed for q in ONE_SHIPMENT_PER_PACKAGE}
    assert graded == {q: right for q, (right, _) in ONE_SHIPMENT_PER_PACKAGE.items()}
    assert scores.share >= MIN_RIGHT, scores.misses
