"""The EU letter card's body agrees with decision 018 (docs/decisions/018-uk-letters-by-postage.md):
its first line said EU/UK letters under EUR 20 are left out, while an untracked UK letter with
Royal Mail postage is exempt only when that postage was bought through Buy Shipping."""

from __future__ import annotations

from bot.domain.knowledge import KnowledgeBase


def test_the_card_names_the_uk_letters_own_rule(kb: KnowledgeBase) -> None:
    entry = kb.entries["eu-letter-under-20"]
    assert "Buy Shipping" in entry.answers.en
    assert "Royal Mail" in entry.answers.en
    assert "购买配送" in entry.answers.zh
    assert "皇家邮政" in entry.answers.zh


def test_the_card_no_longer_exempts_every_uk_letter(kb: KnowledgeBase) -> None:
    entry = kb.entries["eu-letter-under-20"]
    assert "In the EU/UK, orders under EUR 20" not in entry.answers.en
    assert "在欧盟/英国，订单金额低于 20 欧元" not in entry.answers.zh
