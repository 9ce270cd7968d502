"""The deadline for adding tracking is the delivery (domain.md §1b: added or changed after
delivery is a defect; best within 24 hours of confirming): asked how soon it must be
uploaded ('发货后多久内必须上传单号', 'must be uploaded within how many days'), the reply leads
with it; only edits were read as asking a deadline. How long an upload takes to show keeps
its 72 hours. Wordings written here."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line

pytestmark = pytest.mark.collection


@pytest.mark.parametrize(
    "question",
    [
        "追踪号必须在几天内上传",
        "多久之内要补传单号",
        "how long do i have to upload tracking after shipping",
    ],
)
def test_the_upload_deadline_leads(kb: KnowledgeBase, question: str) -> None:
    first = first_line(kb, question)
    assert first.startswith(("包裹送达之前", "Until the package is delivered")), first
    assert "24" in first, first


def test_how_long_an_upload_takes_to_show_keeps_its_hours(kb: KnowledgeBase) -> None:
    assert "72" in first_line(kb, "上传单号后多久生效")
