"""The typo repair's vocabulary took the claims table's regex text as words: `\\b` glued to a
word made junk words ('bpass', 'bfba'), a stem cut before its ending ('declin', 'relat',
'advertis') became a word that real ones were "corrected" into ('relate' → 'relat'), and a
word added to one pattern became a target ('worse' pulled 'worst', 'passed' pulled
'passes'). The vocabulary is now the knowledge base's own text plus a list of real English
words (`words` in knowledge/synonyms.yaml), known but never a target; typos of our terms are
still repaired. Words chosen for these tests, not taken from any set."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase

pytestmark = pytest.mark.collection


@pytest.mark.parametrize(
    "word", ["passes", "worst", "reset", "relate", "advertise", "decrease", "though", "calls"]
)
def test_real_words_stay_as_typed(kb: KnowledgeBase, word: str) -> None:
    analyzer = kb._analyzer
    assert analyzer.correct(word) == word


@pytest.mark.parametrize("junk", ["bpass", "bfba", "blsr", "declin", "relat", "advertis", "scann"])
def test_regex_fragments_are_no_words(kb: KnowledgeBase, junk: str) -> None:
    assert not kb._analyzer.knows(junk)


@pytest.mark.parametrize(
    ("typo", "meant"),
    [("trakcing", "tracking"), ("vaild", "valid"), ("shiping", "shipping"), ("carreir", "carrier")],
)
def test_typos_of_our_terms_still_repaired(kb: KnowledgeBase, typo: str, meant: str) -> None:
    assert kb._analyzer.correct(typo) == meant


def test_a_real_word_reads_as_itself_in_a_question(kb: KnowledgeBase) -> None:
    """'reset' read as 'rest' lost the calendar-month belief it states."""
    answer = kb.answer("does the valid tracking rate reset on the 1st of every month?")
    assert answer.matched == "vtr-window", answer.matched
