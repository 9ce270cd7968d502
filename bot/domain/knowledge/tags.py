"""Question tags and rhetorical negatives said as the plain belief they test.

"The window is 30 days, isn't it?" and "Isn't the window 30 days?" both hold the belief
"the window is 30 days"; the n't of the tag or of the inverted verb negates nothing. Read
as they are written, that n't flipped the verdict ("Right" to a false belief). Chinese does
the same with "…，不是吗" and "难道…不是…吗" / "X不是Y吗". Each form is rewritten here to the
belief with the one tag the case reader knows (", right?" / "，对吧？"), so every later step
reads a negation only where the seller denies something ("Buy Shipping isn't free, is it?").
"""

from __future__ import annotations

import re

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'"})
_POSITIVE = {
    "isn't": "is", "aren't": "are", "doesn't": "does", "don't": "do", "won't": "will",
    "wouldn't": "would", "can't": "can", "couldn't": "could", "hasn't": "has",
    "haven't": "have", "wasn't": "was", "weren't": "were", "didn't": "did",
    "shouldn't": "should", "ain't": "is",
}  # fmt: skip
_NEGATIVE_AUX = "|".join(re.escape(word) for word in _POSITIVE)
_AUX = r"is|are|does|do|will|would|can|could|has|have|was|were|did|should|am"
_TAG_SUBJECT = r"it|they|there|that|this|we|i|you|he|she|these|those"
_END = r"\s*(?:[?？]+|$)"
_NEGATIVE_TAG = re.compile(
    rf"(?<=[a-z0-9%)])\s*,?\s+(?:{_NEGATIVE_AUX})\s+(?:{_TAG_SUBJECT})"
    rf"(?:\s+(?:right|true|correct|so|the case))?{_END}"
)
"""", isn't it?", "… doesn't it?", ", isn't that right?": a comma is often left out before a
negative tag, and the tag may name the verdict it asks for."""
_NEGATED_FRAME = re.compile(
    rf"(?:^|(?<=[.!?。！？]))(\s*)(?:{_NEGATIVE_AUX})\s+(?:it|that)\s+(?:true|the case|so|right|correct)"
    r"\s+(?:that\s+)?([^?？]+)[?？]"
)
""" "Isn't it true that X?", "isn't it the case that X?": the frame negates nothing, the belief
is X as the seller words it (X may hold its own negation)."""
_POSITIVE_TAG = re.compile(rf"\s*,\s*(?:{_AUX})(?:\s+not)?\s+(?:{_TAG_SUBJECT}){_END}")
"""", is it?", ", does it?" after a statement that denies something: only after a comma
("what is it?" is no tag)."""
_INVERTED = re.compile(rf"(?:^|(?<=[.!?。！？]))(\s*)({_NEGATIVE_AUX})\s+([^.!?。！？]+)[?？]")
"""A negative question ("Isn't the window 30 days?"): the belief is the question's positive."""
_ZH_TAG = re.compile(r"[,，]?\s*(?:不是吗|不是么|是不是|对不对|对不|是不|不对吗)\s*[?？]*\s*$")
_ZH_DOUBT = re.compile(
    r"[,，]?\s*(?:不会吧|不至于吧|不可能吧|不能吧|不是吧|真的假的|是真的吗|真的吗|真是这样吗|"
    r"没这么(?:夸张|严重)吧)\s*[?？!！]*\s*$"
)
"""A belief stated, then doubted ("我基本必输，不会吧？", "…，真的假的"): the doubt denies
nothing, the belief is what was stated before it. Read as a denial, it put '不对' before an
answer that went on to say the seller does lose."""
_EN_DOUBT = re.compile(
    r"(?<=[a-z0-9%)])\s*(?:,|—|-|–|\.\.\.|…)?\s*(?:surely not|that can't be (?:right|true)|"
    r"can(?:'|no)t be(?: right| true)?|no way|really)\s*[?？!]+\s*$"
)
"""", surely not?", "— that can't be right?", "… really?" after a statement: the belief stated."""
_ZH_WHY_NOT = re.compile(r"难道")
_ZH_WHY_NOT_FRAME = re.compile(r"难道(?:说)?(?:不是|不就是)(?:说)?(.+?)[吗么嘛]\s*[?？]*\s*$")
""" "难道不是X吗": "isn't it that X?", the belief X as worded (its own 不 kept), whatever
commas X holds."""
_ZH_WHY_NOT_VERB = re.compile(
    r"难道([^,，。?？!！]*?)(?:不|没有?)([^,，。?？!！]{1,30}?)[吗么]\s*[?？]*\s*$"
)
""" "难道不算吗": "doesn't it count?", the belief that it counts."""
_ZH_RHETORICAL = re.compile(r"(?<![是还])不是([^,，。?？!！]{1,30}?)[吗么]\s*[?？]*\s*$")
""" "X不是Y吗": "isn't X Y?", unless its last words ask of a condition ("单号不是CN结尾可以吗",
"不是平信算吗": is it fine when it is not)."""
_ASKS_OF_CONDITION = re.compile(
    r"(?<![也都还就])(?:可以|行|能用|能|有效|算|算数|影响|要紧|问题|ok|合格|达标|计入)$"
)
_CONDITION = re.compile(r"如果|要是|假如|假设|若|万一|的话")


_NO_APOSTROPHE = re.compile(
    r"\b(is|are|does|do|did|was|were|has|have|had|could|should|would|wo|ca|ai)nt\b"
)
"""A contraction typed without its apostrophe ("doesnt", "isnt", "cant")."""


_SOURCE_ZH = re.compile(
    r"(?:^|(?<=[,，。.!?！？;；]))\s*(?:我(?:们)?(?:的)?|我听)?"
    r"(?:货代|代理|物流商|物流公司|物流|快递|群里(?:的人|有人)?|朋友|同行|客服|别人|有人|老师|运营|同事|网上|大佬)"
    r"(?:跟我|和我|给我)?(?:说|讲|告诉我|说的是)(?:的)?(?:是)?\s*"
)
_SOURCE_EN = re.compile(
    r"(?:^|(?<=[,.!?;]))\s*(?:(?:my|our|the|a) )?(?:freight )?"
    r"(?:forwarder|agent|logistics (?:company|provider|guy)|carrier|courier|friend|colleague|"
    r"account manager|rep|supplier|teacher|mentor)s? (?:says?|said|told me|tells me|claims?|insists?)"
    r"(?: that)?\s+"
)
"""Who passed the belief on ("货代说…", "my forwarder says …"): the seller's source, not a
subject of the belief (a forwarder's number, a carrier), so it is read as plain hearsay."""


def plain_belief(text: str) -> str:
    """The folded question with its tag or rhetorical negative said as a plain belief, and
    the source it is passed on from said as plain hearsay."""
    text = _NO_APOSTROPHE.sub(r"\1n't", text.translate(_APOSTROPHES))
    text = _SOURCE_EN.sub(" i heard ", _SOURCE_ZH.sub("听说", text)).strip()
    text = _EN_DOUBT.sub(", right?", text)
    text = _NEGATIVE_TAG.sub(", right?", text)
    text = _POSITIVE_TAG.sub(", right?", text)
    text = _NEGATED_FRAME.sub(r"\1\2, right?", text)
    text = _INVERTED.sub(_positive_question, text)
    return _chinese_belief(text)


def _positive_question(match: re.Match[str]) -> str:
    space, verb, belief = match.groups()
    return f"{space}{_POSITIVE[verb]} {belief.rstrip(' ,')}, right?"


def _chinese_belief(text: str) -> str:
    text = _ZH_TAG.sub("，对吧？", _ZH_DOUBT.sub("，对吧？", text))
    text = _ZH_WHY_NOT_FRAME.sub(r"\1吧？", text)
    why_not = _ZH_WHY_NOT.search(text)
    rhetorical = _ZH_RHETORICAL.search(text)
    if rhetorical is None or _CONDITION.search(text[: rhetorical.start()]):
        return _ZH_WHY_NOT_VERB.sub(r"\1\2吧？", text) if why_not else text
    if _ASKS_OF_CONDITION.search(rhetorical.group(1)) and why_not is None:
        return text
    head = _ZH_WHY_NOT.sub("", text[: rhetorical.start()])
    said = rhetorical.group(1)
    return f"{head}{'' if said[0] in '也都还就' else '是'}{said}吧？"


_BELIEF_TAG = re.compile(
    r"[,，]?\s*(?:right|correct|true|yes|yeah|yep|yea|yup|no|am i right|is (?:that|this|it) (?:right|true|correct|so)|"
    r"i (?:think|believe|guess)|or not|accurate|legit|real)\s*[?？]+\s*$"
)


def without_tag(text: str) -> str:
    """The belief without the tag asking for a verdict (", right?", ", correct?"): the
    search looks for the subject, which "right" or "correct" is not."""
    return _BELIEF_TAG.sub("?", text)
