"""A short message that only says what it will be about, so the bot can ask for the question."""

from __future__ import annotations

from bot.domain.knowledge.patterns import lazy
from bot.domain.knowledge.understand import asks

_ANNOUNCED = lazy(
    r"^(?:(?:hey|hi|hello|so|ok|okay|um+|uh+|quick|a|one|small|got a|i have a|i've got a|have a)[\s,]+)*"
    r"(?:q|qs|question|questions|query|thing|something|issue|issues|problem|problems|help|trouble)"
    r"(?:\s+(?:wrong|off|weird|odd|strange|funny|up|going on))?\s+"
    r"(?:about|on|re|regarding|with|concerning|around)\b|"
    r"^(?:关于|有关|说说|说一下|问下|问一下|请教一下|请教)?[^，,。?？!！]{1,12}"
    r"(?:的事|的事情|的事儿|的问题|这块|这件事|方面|(?:那|这)(?:个|件)?事)(?:儿)?[吧呢啊呀哈。.!！~～\s]*$|"
    # "问个事 关于购买配送": the announcing words first, the subject after.
    r"^(?:问个事|有个事|问件事|有件事|问个问题|有个问题)[\s,，:：]*(?:关于|有关)[^，,。?？!！]{1,12}$|"
    # A trouble named and nothing asked ("单号有问题", "tracking number problem").
    r"^[^，,。?？!！]{1,16}(?:有问题|出问题|出了问题|有点问题|不对劲)(?:了)?[吧呢啊呀哈。.!！~～\s]*$|"
    r"^[a-z0-9' ]{1,30}\s(?:problems?|issues?|trouble)[.!\s]*$"
)
"""A message that only says what it will be about ("question about my shipments", "追踪号
的事"): nothing is asked yet."""


ANNOUNCED_MAX_CHARS = 60


def announced_subject(text: str) -> str | None:
    """What a short message says it will be about, when it asks nothing yet ("question
    about my shipments" → "my shipments", "追踪号的事" → "追踪号"); None for a question."""
    text = _GREETING.sub("", text.strip())
    if len(text) > ANNOUNCED_MAX_CHARS or asks(text):
        return None
    found = _ANNOUNCED.search(text)
    if found is None:
        return None
    return _ANNOUNCING_WORDS.sub(" ", text).strip()


_GREETING = lazy(
    r"^(?:(?:在吗|在不在|在么|你好|您好|亲|hi|hello|hey)(?![a-z])[\s,，.。!！?？~～]*)+"
)
"""A greeting before the message ("在吗 问个自发货的事"): it asks nothing of the subject."""


_ANNOUNCING_WORDS = lazy(
    r"^.*?\b(?:about|on|re|regarding|with|concerning|around)\b|"
    r"问个事|有个事|问件事|有件事|问个问题|有个问题|"
    r"关于|有关|说说|说一下|问下|问一下|请教一下|请教|的事情|的事儿|的事|(?:那|这)(?:个|件)?事|的问题|这块|这件事|方面|"
    r"有问题|出问题|出了问题|有点问题|不对劲|\b(?:problems?|issues?|trouble)\b|[吧呢啊呀哈。.!！~～]"
)
