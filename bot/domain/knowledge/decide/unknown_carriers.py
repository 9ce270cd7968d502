"""A carrier the sources never name asked about ("does VTR apply if I ship with Aramex?",
"用极兔发货的单号VTR认不认"): what they state for every carrier, and that they say nothing of
this one, rather than a neighbouring entry's facts.
"""

from __future__ import annotations

import re
from functools import cache

from bot.domain.knowledge.case import Case
from bot.domain.knowledge.case.age import names_a_day
from bot.domain.knowledge.patterns import lazy
from bot.domain.knowledge.schema import Decision, Fact
from bot.domain.reference import carriers_the_sources_name, marketplaces

_LATIN_NAMED = lazy(
    r"\b(?:ship(?:s|ping|ped)?|send(?:s|ing)?|sent|mail(?:ing)?|us(?:e|es|ing|ed)|via|through|"
    r"(?:go|went|going) with|switch(?:ed|ing)? to)\s+(?:with\s+|via\s+|by\s+|through\s+)?"
    r"([A-Z][A-Za-z0-9&-]{2,}(?:\s[A-Z][A-Za-z0-9&-]{2,})?)|"
    # "is Landmark Global accepted", "does Aramex count": the name asked about itself.
    r"\b(?:[Ii]s|[Dd]oes|[Dd]o|[Aa]re)\s+([A-Z][A-Za-z0-9&-]{2,}(?:\s[A-Z][A-Za-z0-9&-]{2,})?)\s+"
    r"(?:accepted|ok|okay|fine|valid|allowed|supported|count|counted|work|acceptable)\b"
)
_HAN_NAMED = lazy(
    r"([\u4e00-\u9fff]{2,3}?)(?:物流|快递|速运|速递|专线|国际小包|小包)|"
    r"(?:用|走|通过)([\u4e00-\u9fff]{2,3}?)(?:发货|发的|寄|的单号|的追踪号|发往|发到|发去|"
    # "可以用申通发美国吗": the carrier, then where to.
    r"发(?=美国|英国|德国|法国|意大利|西班牙|日本|加拿大|澳|墨西哥|沙特|阿联酋|新加坡|荷兰|欧洲|欧盟))"
)
_SAID_BEFORE = lazy(r"^(?:用|走|是|选)")
"""A verb the Chinese name pattern can take in before a carrier's two-character name."""
_ASKS_IF_IT_COUNTS = lazy(
    r"算|认|有效|可以|能用|能不能用|行吗|行不行|接受|支持|\bcounts?\b|\bvalid\b|accept|\bok\b|"
    r"okay|\bfine\b|allowed|\bapply\b|\bwork\b|recogni[sz]|acceptable|\bcan (?:i|we) use\b"
)
_NOT_A_CARRIER = frozenset(
    {
        "amazon", "buy", "buy shipping", "fba", "fbm", "mfn", "vtr", "lsr", "odr", "otdr",
        "seller", "seller central", "letter", "brief", "china", "chinese", "europe", "prime",
        "premium", "other", "tracking", "the", "this", "that", "our", "my", "them", "it",
        "its", "excel", "erp", "bot", "dhl", "usps", "ups", "fedex", "ems",
        "自己", "海外", "国际", "中国", "平邮", "普通", "哪家", "什么", "这家", "那家", "其他",
        "其它", "别的", "第三方", "本地", "当地", "购买", "配送", "亚马逊", "国内", "跨境", "货代",
        "头程", "海运", "空运", "挂号", "经济", "标准", "这个", "那个", "哪个", "同一", "一家",
        "两家", "几家", "合作", "我们", "我的", "平台", "官方", "自发", "发货", "便宜", "自营",
        "商业", "快递", "物流", "邮政", "怎么", "如何", "哪种", "哪些", "这种", "那种", "平信",
        "信件", "挂号信", "包裹", "小包裹", "大包",
    }
)  # fmt: skip
"""Words the patterns catch that name no carrier (Amazon's own things, places, pronouns,
kinds of shipping)."""


def carrier_unnamed(case: Case) -> Decision | None:
    """A carrier no alias of carriers.yaml names, said as the one shipped with, and whether
    it counts asked: no decision of its own (the sources are silent on it), the rules for
    every carrier said."""
    if case.carriers or case.number_carrier or case.counts is not None:
        return None
    if case.letter or case.parcel or case.buy_shipping or case.metrics not in ((), ("vtr",)):
        return None  # a service (平信, Buy Shipping) or another metric: their own rules
    if not _ASKS_IF_IT_COUNTS.search(case.text):
        return None
    name = _unknown_name(case.raw or case.text)
    if name is None:
        return None
    facts: dict[str, Fact] = {"carrier": name}
    return Decision(code="carrier_unnamed", facts=facts, entry="carrier-choose")


def _unknown_name(raw: str) -> str | None:
    for match in (*_LATIN_NAMED.finditer(raw), *_HAN_NAMED.finditer(raw)):
        name = next(g for g in match.groups() if g)
        if len(name) > 2:
            name = _SAID_BEFORE.sub("", name)  # "用极兔快递", "用的是安骏物流": 极兔, 安骏
        if names_a_day(name.split(maxsplit=1)[0]):
            continue  # "shipped Nov 2", "sent Monday": the day it went, not with whom
        if name.casefold() not in _NOT_A_CARRIER and "的" not in name and not _known(name):
            return name
    return None


def _known(name: str) -> bool:
    """A name (or its first word) that is a carrier's or a marketplace's we know."""
    folded = re.sub(r"[\s.\-_]", "", name.casefold())
    first = name.split(maxsplit=1)[0].casefold()
    return folded in _known_names() or first in _known_names()


@cache
def _known_names() -> frozenset[str]:
    names = {a.casefold() for c in carriers_the_sources_name() for a in (c.name, *c.aliases)}
    places = {n.casefold() for m in marketplaces() for n in (m.code, m.zh, m.domain, *m.aliases)}
    return frozenset(names | places | {re.sub(r"\s", "", n) for n in names})
