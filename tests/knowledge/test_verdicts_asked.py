"""Issue 21: the verdict first is the one the question asks for, not a sentence's own opener.

- A typed Chinese carrier name asked about as a problem ('…会有影响吗', "is that a problem?")
  is a yes (Amazon treats it as invalid), not the "No — it does not work" of "can I?"; and
  '写的是yun express' types no Han name (的是 is no carrier's name).
- Tracking uploaded late but before delivery is no defect (domain.md §1b: editable until
  delivery), however the adding is said (uploaded, added, 补传), not only "corrected".
- A number entered under another carrier "by mistake" is the mismatch (unconfirmed).
- '…有效吗' is answered 有效 / 无效.
Wordings written for these tests."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line

pytestmark = pytest.mark.collection

CASES = [
    ("承运商那栏手打了中文名字，这个会影响VTR吗", "会。", ("中文",)),
    ("we typed the carrier in chinese characters, will that be an issue?", "Yes", ("Chinese",)),
    ("承运商选其他，名称写的是4px，单号有效吗", "无效。", ("列表",)),
    (
        "tracking went in 2 days late but the parcel was still in transit, does that count as a defect?",
        "No",
        ("before",),
    ),
    ("晚了两天才上传单号，包裹还在路上没签收，会算缺陷吗", "不会", ("送达",)),
    ("I accidentally entered the UPS number under USPS, is it valid?", "No", ("unconfirmed",)),
]


@pytest.mark.parametrize(("question", "lead", "words"), CASES)
def test_the_verdict_asked_for_comes_first(
    kb: KnowledgeBase, question: str, lead: str, words: tuple[str, ...]
) -> None:
    line = first_line(kb, question)
    assert line.startswith(lead), (question, line)
    assert all(word in line for word in words), (question, line)
