"""The words that ask when to edit tracking, now or later ("现在改还是等几天", "can I fix it
later"): one list for the claims table's edit-can-wait belief (cards.yaml names it as
`@edit_now_or_later`) and for the own-data answer's question about one order's timing
(`bot/services/own_data/order_timing.TIMING_ASKED`), so the two never drift apart."""

from __future__ import annotations

EDIT_NOW_OR_LATER = (
    r"(?:现在|马上|立刻|立即|今天|赶紧)[^，,。?？]{0,8}还是[^，,。?？]{0,6}(?:等|过|晚|以后|之后|明天|下周|回头)|"
    r"(?:等(?:等|一等|一下|几天|两天|一阵|一段时间|到)?|晚点|晚些|过几天|过两天|以后|回头|之后|下周|明天)"
    r"再(?:改|弄|处理|补|传|换|上传)|"
    r"\bnow or (?:later|wait)|(?:right away|immediately|now|today)\b[^,.?]{0,12}\bor\b[^,.?]{0,12}"
    r"\b(?:wait|later|hold off)|"
    r"\b(?:wait|hold off)\b[^,.?]{0,20}\b(?:before|until|to) (?:i |we )?(?:fix|edit|correct|chang|updat|upload|add)|"
    r"(?:fix|edit|correct|change|update|upload|add) (?:it |them |the (?:tracking|number)s? )?"
    r"(?:later|next week|in a few days)"
)
"""Editing now or later, asked: a choice of now against waiting, or an edit put off."""

NAMED_WORDS = {"@edit_now_or_later": EDIT_NOW_OR_LATER}
"""Word lists the claims table names instead of writing them out."""


def named_words(pattern: str) -> str:
    """The pattern a claim's `@name` stands for; any other pattern as written."""
    return NAMED_WORDS.get(pattern, pattern)
