"""The EU/UK letter exemption carried to a marketplace the update does not cover ("exempt in
Germany and in the US too, right?") is denied: it got "Right" (s25 found it), the US read as
no part of the belief. Wordings written here."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        ("Letters under 20 euros are exempt in Germany and in the US too, right?", "Not right"),
        ("letters under 20 eur are exempt in france and japan as well, correct?", "Not right"),
        ("日本站低于20欧的信件也豁免吧", "不对"),
        ("letters under 20 euros are exempt in France, right?", "Right"),
        ("欧盟和英国低于20欧的平信豁免，对吧", "对"),
    ],
)
def test_the_letter_exemption_stays_the_updates(
    kb: KnowledgeBase, question: str, lead: str
) -> None:
    line = first_line(kb, question)
    assert line.startswith(lead), line
