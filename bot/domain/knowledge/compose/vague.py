"""A message that names no subject (an opener, a worry, a place alone): the topics to offer."""

from __future__ import annotations

from bot.domain.knowledge.case import Case
from bot.domain.knowledge.compose.found import Found
from bot.domain.knowledge.patterns import lazy

VAGUE_TOPICS = ("vtr-what", "vtr-below-95", "vtr-threshold")
"""Offered for a message in our field's words that names no subject."""


VAGUE_CONCEPTS = frozenset({"drop", "howto", "threshold", "whatis", "why", "metric"})
"""Concepts that say what is asked, not what about."""


_FIELD_WORDS = lazy(
    r"(?:个|这|那|啥|什么|^)(?:率|指标)|要求|绩效|(?:the|that|this|my|our|a) (?:rates?|metrics?)(?![a-z])"
)
"""A rate or a requirement with no name before it ("那个率", "the rate thing"): "汇率",
"the exchange rate" name another field's."""


_VAGUE_REFERENCE = lazy(
    r"这个|那个|这事|那事|这封|那封|这条|那条|这玩意|那玩意|它|又(?:红|黄|掉|降|变)|变红|变黄|飘红|标红|红了|黄了|"
    r"\bmine\b|\b(?:the|that|this|those|these|my) (?:[a-z]+ )?(?:thing|number|figure|one|stuff|issue|notice|message)s?\b|"
    r"\bsomething\b|"
    r"\b(?:it|this|that)(?:'s| is)? (?:red|yellow|orange)\b|turned (?:red|yellow)"
)


_WORRY = lazy(
    r"红|黄|担心|要紧|严重|咋整|咋办|怎么办|怎么弄|怎么搞|有事吗|没事吧|邮件|通知|警告|提醒|"
    r"\bok\b|okay|\bfine\b|\bbad\b|worr|concern|serious|problem|e-?mail|notice|warning|message|"
    r"\bred\b|\byellow\b"
)


OPENER_ONLY = lazy(
    r"^(?:\s*(?:hmm+|hm+|uh+|um+|er+|hello|hi|hey|ok|okay|help|question|quick question|a question|"
    # "quick q", "good morning", "got a question for you", "can I ask something?"
    r"quick (?:q|qn|one)|good (?:morning|afternoon|evening|day)|morning|"
    r"(?:i )?(?:got|have|had) (?:a |one |some )?(?:quick )?(?:q|qn|questions?)(?: for you)?|"
    r"(?:can|could|may) i ask(?: you)?(?: (?:something|sth|a (?:quick )?question|a thing))?|"
    r"(?:the |dear )?(?:bot|robot|chatbot)|there|机器人|小助手|"
    r"so|well|yeah|yes|alright|right|then|and|anyway|sir|teacher|bro|friend|"
    r"(?:老师|大佬|客服|老板|亲|朋友|大神|哥|姐|各位|大家|兄弟)们?|"
    # "在线吗", "有人吗", "anyone here?": whether someone answers, nothing asked yet.
    r"在线(?:吗|么|不|没)?|有人(?:在)?(?:吗|么|不|没)?|有没有人(?:在)?|"
    r"(?:is )?(?:anyone|anybody|someone|somebody) (?:here|around|online|home)|"
    r"(?:我)?(?:想|要)?(?:问(?:下|问)|请问下|咨询(?:一?下)?)|(?:我)?(?:有个?|有几个|几个)问题(?:想|要)?(?:问|请教|咨询)?(?:一?下)?|"
    r"you there|anyone there|are you there|got a minute|anyone|anybody|somebody|someone|yo|"
    # "sorry to bother", "morning, got something for you", "is this bot on": a seller
    # coming in, or checking the bot answers, before the question.
    r"(?:(?:so )?sorry|excuse me|pardon)(?: to (?:bother|disturb|trouble)(?: you)?)?|"
    r"(?:i )?(?:got|have) (?:something|sth|a thing|one) for you|"
    r"(?:is |are )?(?:this|the|you|u) (?:bot |thing |one )?(?:on|online|working|alive|awake|up)|"
    r"打扰(?:一?下|了|您了?|你了?)?|不好意思|麻烦(?:一?下|您|你)|"
    # "got a sec?", "you have a minute?": time asked for, nothing asked yet.
    r"(?:(?:have |do you have |you have |got )?(?:a )?(?:sec|second|min|minute|moment)(?: for me)?)|"
    # Asked on someone's behalf, the thing unsaid ("老板让我问问那个", "my boss asked me to ask").
    r"(?:我)?(?:老板|领导|主管|经理|同事|上司|客户)(?:让|叫|要|派)我(?:来)?(?:问|咨询|请教)(?:问|一下|下)?(?:那个|这个|个事|件事)?|"
    r"(?:my )?(?:boss|manager|colleague|team|client) (?:wants|asked|told|needs) me to ask(?: you)?"
    r"(?: (?:something|about something|about that|a question))?|"
    r"(?:can|could|would) you (?:please )?(?:check|help|look at|look into|do|help me with) "
    r"(?:something|sth|a thing|smth)(?: for me)?(?: please)?|(?:can|could) you help(?: me)?(?: please)?|"
    r"i need (?:some )?help|need (?:some )?help|"
    r"(?:能|可以)?帮(?:我|忙)?(?:查|看)(?:一下|个|下)?(?:东西|事|事情)?(?:吗|不)?|"
    r"你好|您好|在吗|在不在|在么|请问|问一下|我想问一下|想问一下|想问个问题|有个问题|问个问题|问(?:个|件)事儿?|"
    r"有个事|有件事|打扰一下|想?请教(?:一下)?|那个|嗯+|帮帮我|帮我一下|求助|求救|救命|"
    # "老师好", "大家好", "有事请教", "想咨询个问题": greeted, a question announced.
    r"(?:老师|大佬|老板|亲|大家|各位|朋友|大神|哥|姐|师傅|你们|早上|上午|下午|晚上)好|早|"
    r"有(?:个|件|点)?事(?:儿|情)?(?:想|要)?(?:请教|咨询|问)?(?:一?下)?|"
    r"(?:我)?(?:想|要)?(?:咨询|请教|问)(?:一?下|个|几个)?(?:问题|事儿?|事情)(?:一?下)?)"
    r"[呗呀啊哈嘛吧呢\s?？!！.。,，~～]*)+$"
)
"""A message that only opens a conversation ("hmm", "我想问一下", "hi bot"): nothing asked yet."""


_UNEASE = lazy(
    r"不太对劲|不对劲|出问题了|出了问题|有点问题|担心|着急|帮我看看|帮忙看看|帮我看一下|"
    r"\bi'?m worried\b|\bworried\b|something(?:'s| is) (?:off|wrong)|look into (?:it|my)|"
    r"(?:looks?|seems?|looking) (?:kinda |kind of |a bit |a little |pretty |really |so )?"
    r"(?:weird|odd|strange|off|wrong|funny)|看着不对|怪怪的|有点怪|好奇怪|不正常|"
    # Stuck, with nothing named ("弄了半天还是不行", "这种情况咋整才好").
    r"^\W*(?:弄|搞|试|折腾)了?(?:半天|好久|很久)?(?:还是|也|都)(?:不行|没用|不管用|搞不定)\W*$|"
    r"^\W*(?:这种情况|这情况|这个|这)?(?:该)?(?:咋整|怎么整|咋办|怎么办|咋搞|怎么搞|咋弄|怎么弄)(?:才好|呢)?"
    # ...said to whoever reads ("这个咋搞啊兄弟", "咋办啊各位").
    r"(?:[啊呀哈嘛呢]*\W*(?:兄弟们?|大哥|老哥|哥们|大佬|老师|亲|各位|大家|朋友们?))?[啊呀哈嘛呢]*\W*$|"
    r"(?:指标|账户|账号|店铺|数据|数字)[^，,。?？]{0,4}(?:有问题|不对|异常)|"
    # Help asked with nothing named: "帮忙瞅一眼", "is this normal?", "what should I do now".
    r"帮(?:忙|我)?(?:瞅|瞧|看)(?:一?眼|一下|瞅|瞧)|这正常吗|正常吗|"
    r"^\W*is (?:this|that|it) (?:normal|usual|expected)\W*$|"
    r"^\W*(?:so |ok |okay |hmm )?what (?:should|do|can|shall) (?:i|we) do(?: now| next| about it)?\W*$|"
    # Lost, with nothing named ("搞不懂", "看不懂", "啥意思", "I don't get it", "confused").
    r"^\W*(?:我|还是|真的|完全|有点|实在|还|也|都|就是)*(?:搞|看|听|弄|读)?"
    r"(?:不(?:太|是很|大|怎么)?(?:懂|明白|理解|清楚)|没(?:看|听|搞|弄|读)?(?:懂|明白))"
    r"(?:了|啊|呀|诶|欸|哎|呢)*\W*$|^\W*(?:这|这是|那是|这个|那个)?(?:啥|什么)意思(?:啊|呀|呢)?\W*$|"
    r"^\W*(?:sorry,? )?(?:i )?(?:still )?(?:don'?t|do not|didn'?t|can'?t|cannot) "
    r"(?:get|understand|follow)(?: (?:it|this|that|you|what you mean))?\W*$|"
    r"^\W*(?:i'?m |i am )?(?:so |really |a bit |totally |very )?(?:confused|confusing|lost)\W*$|"
    # The same trouble back, nothing named ("ugh, this again", "这玩意儿又来了").
    r"^\W*(?:(?:ugh+|argh+|sigh|man|oh|no|not)\W*)*(?:this|that|it)?\W*(?:again|(?:'s|s| is)? ?back)\W*$|"
    r"^\W*(?:唉|哎|又)?\W*(?:这|那)?(?:玩意儿?|东西|破事|事儿?|问题|情况)?\W*又(?:来了|出现了|出来了|来)\W*$"
)
"""Unease with nothing named ("我店铺最近不太对劲", "I'm worried", "帮我看看")."""


def vague_about_ours(case: Case) -> bool:
    """ "is mine ok or not", "这个咋整 又红了", "the thing amazon emailed", "我店铺最近不太对劲":
    a worry about something the seller does not name, in a short message: a seller's
    account matter (the topics to pick from), not another field's question."""
    if len(case.text) > SHORT_VAGUE_CHARS:
        return False
    vague = bool(_VAGUE_REFERENCE.search(case.text) and _WORRY.search(case.text))
    # "hmm my account thing": the seller's own account named vaguely, nothing asked.
    own = bool(_VAGUE_REFERENCE.search(case.text) and _OWN_PLACE.search(case.text))
    return vague or own or bool(_UNEASE.search(case.text))


_OWN_PLACE = lazy(
    r"\b(?:account|shop|store|seller central|listing|performance)\b|账号|账户|店铺|后台|绩效"
)
"""The seller's account or shop, named in a vague message."""


SHORT_VAGUE_CHARS = 60


def topics_to_pick(case: Case | None, found: Found, vague: bool, opening: bool) -> list[str] | None:
    """The topics to offer instead of an answer or a refusal: for a place and no subject
    ("只能在欧洲站用吗", "仅限欧洲？"), the lists of where VTR's bar, Buy Shipping and the EU
    update apply; for our field's words and no subject ("那个率又掉了咋办", "the rate thing
    again??"), the main topics, not "outside what I know"."""
    if only_places(case) and found.answer.kind != "answer":
        return list(PLACE_TOPICS)
    greeted = opening and (found.best is None or found.concepts <= _ADDRESSEE)
    # "hmm my account thing": the words matched an entry, but none names its subject.
    unnamed = found.answer.kind == "off_topic" or not found.concepts
    if vague and (unnamed or greeted):
        # A greeting among words that only refer ("在不在呀 大佬"), or to the bot by name
        # ("hello bot"), invites the question.
        return list(VAGUE_TOPICS)
    return None


_ADDRESSEE = frozenset({"bot"})
"""The bot greeted by name ("hi bot", "你好机器人"): a greeting, not a question about it."""


PLACE_TOPICS = ("vtr-marketplaces-china", "buy-shipping-marketplaces", "eu-cross-border")
"""Offered for a question that names a marketplace and nothing it asks about."""


def only_places(case: Case | None) -> bool:
    """Marketplaces named (or Europe), and no subject of our field beside them."""
    if case is None:
        return False
    places = bool(case.markets) or "eu" in case.concepts
    limited = "marketplace" in case.concepts or bool(LIMITING.search(case.text))
    return (
        places and limited and not case.concepts - {"eu", "marketplace", "china"} - VAGUE_CONCEPTS
    )


LIMITING = lazy(r"只|仅|\bonly\b|\bjust\b|limited")


def our_words_only(case: Case) -> bool:
    """A message with a word of our field's vocabulary (率, rate, 要求, 指标 …) and nothing
    that names a subject, ours or another field's."""
    return bool(_FIELD_WORDS.search(case.text)) and case.concepts <= VAGUE_CONCEPTS
