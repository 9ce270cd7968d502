"""A wrong or missing carrier or number can be put right until delivery with Edit tracking
(domain.md §1, §1b): asked whether it still can ('上传了错误的承运商还能改吗'), the reply leads
with 能 / Yes, not with the bot's own help text (the alerts' '提醒时间能改吗' shares 能改), and
after delivery with 不能 / No. Wordings written here."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line

pytestmark = pytest.mark.collection


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        ("单号上传错了 能改吗", "能"),
        ("承运商填错了还可以修改吗", "可以"),
        ("運單號填錯了還能改嗎", "能"),
        ("追踪号忘记上传了，现在补还来得及吗", "来得及"),
        ("uploaded the wrong tracking no. can i still change it", "Yes"),
        ("i put the wrong carrier on an order, can it be fixed?", "Yes"),
        ("wrong carrier number entered, is it too late to correct?", "No"),
        ("买家已经签收了，承运商还能改吗", "不能"),
    ],
)
def test_whether_it_can_still_be_edited_is_decided(
    kb: KnowledgeBase, question: str, verdict: str
) -> None:
    first = first_line(kb, question)
    assert first.startswith(verdict), first
    assert "/subscribe" not in first and "订阅" not in first, first


@pytest.mark.parametrize(
    "question",
    ["物流商选错了 还能改吗", "选错物流商了，能改吗", "changed carrier, can i edit it"],
)
def test_a_question_about_carriers_gets_no_help_text(kb: KnowledgeBase, question: str) -> None:
    assert not (kb.answer(question).matched or "").startswith("bot-"), question


@pytest.mark.parametrize(
    ("question", "entry"),
    [("机器人的提醒时间能改吗", "bot-alerts"), ("能不能设置每日提醒", "bot-alerts")],
)
def test_a_question_about_the_bot_still_gets_its_help(
    kb: KnowledgeBase, question: str, entry: str
) -> None:
    assert kb.answer(question).matched == entry
