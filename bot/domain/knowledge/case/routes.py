"""Where a shipment goes from and to, and whether it stays within one country."""

from __future__ import annotations

import re

from bot.domain.knowledge.patterns import lazy
from bot.domain.reference import Marketplace

_CHINA = lazy(r"中国|国内|直发|from china|china")


_FROM = lazy(r"(?:(?:从|由|自)(?:我的|我们的|我们|我)?|from(?: (?:my|our|a|an|the))?(?: own)?)\s*$")


OTHER_COUNTRY = lazy(
    r"奥地利|葡萄牙|瑞士|丹麦|捷克|匈牙利|罗马尼亚|希腊|芬兰|挪威|斯洛伐克|克罗地亚|保加利亚|卢森堡|"
    r"\b(?:austria|portugal|switzerland|denmark|czechia|czech republic|hungary|romania|greece|"
    r"finland|norway|slovakia|croatia|bulgaria|luxembourg)\b"
)
"""European countries without an Amazon marketplace of their own (Austria and Portugal are
in the EU/UK update's list): a route to one is cross-border, never domestic."""


_DOMESTIC = lazy(
    r"本土|境内|本地|domestic|德国内|"
    r"\b(?:within|inside) (?:the )?(?:uk|united kingdom|britain|england|germany|france|italy|"
    r"spain|japan|netherlands|poland|sweden|us|usa|united states)\b|"
    r"(?:德国站?|germany)[^，,。?？从由自]{0,3}(?<![从由自])国内(?!直发|直邮|发出|寄出)"
)
"""Shipped within the country. A Chinese seller's 国内 after 从/由/自 or before 直发 is China
("德国站从国内直发": shipped from China, cross-border), not Germany's own."""


def route(
    text: str, markets_at: tuple[tuple[int, Marketplace], ...]
) -> tuple[str | None, Marketplace | None]:
    """Where from and where to: "从德国发到法国" → (DE, FR); "from China to the US" → (CN, US)."""
    origin: str | None = None
    destination: Marketplace | None = None
    for start, market in markets_at:
        from_here = _FROM.search(text[max(0, start - 14) : start])
        if origin is None and (from_here or _warehouse_in(text, start, market)):
            origin = market.code
        elif destination is None:
            destination = market
    if origin is None and len(markets_at) == 2 and _SENT_TO.search(_between(text, markets_at)):
        # "荷兰站发比利时的货", "DE to FR": the first place sends to the second.
        return markets_at[0][1].code, markets_at[1][1]
    if origin is None and len(markets_at) == 1 and _sent_from_again(text, *markets_at[0]):
        origin = markets_at[0][1].code  # "an order to Germany, sent from Germany"
    if origin is None and _CHINA.search(text):
        origin = "CN"
    return origin, destination


def _sent_from_again(text: str, start: int, market: Marketplace) -> bool:
    """The marketplace's country named again as where the goods leave ("an order on Amazon
    Germany, shipped from Germany", "德国站的订单，德国发货"): the finder names each place
    once, so the second naming is looked for here."""
    end = _naming_end(text, start, market)
    rest = text[end:]
    for name in _names(market):
        word = re.escape(name) if not name.isascii() else rf"(?<![a-z.]){re.escape(name)}(?![a-z])"
        for found in re.finditer(word, rest):
            at = end + found.start()
            after = rest[found.end() :]
            if _FROM.search(text[max(0, at - 14) : at]) or _SHIPS_OUT.match(after):
                return True
            if _STOCK_AFTER.match(after):
                return True  # "德国仓发货", "a German warehouse": the goods are kept there
    return False


_SHIPS_OUT = lazy(r"(?:站)?(?:本地|本土)?(?:发货|发出|寄出|出货)")
"""A place followed by 发货 is where the goods leave from ("德国发货", "德国本地发货")."""


def is_domestic(
    text: str, origin: str | None, markets_at: tuple[tuple[int, Marketplace], ...]
) -> bool:
    """Shipped within one country: said so ("本土", "within the UK"), or sent from a country
    to its own marketplace ("从德国海外仓发德国站", "from my UK warehouse to UK buyers", "UK to
    UK"): the place named again after it is sent from (the finder names each place once)."""
    if _DOMESTIC.search(text):
        return True
    for start, market in markets_at:
        end = _naming_end(text, start, market)
        sends = market.code == origin or bool(_SENT_TO.match(text[end:]))
        if sends and _named_again(text[end:], market):
            return True
    return False


def _names(market: Marketplace) -> list[str]:
    return [n.casefold() for n in (market.zh, market.domain, *market.aliases) if len(n) > 1]


def _naming_end(text: str, start: int, market: Marketplace) -> int:
    """Where the marketplace's naming at `start` ends (its longest name written there)."""
    return start + max((len(n) for n in _names(market) if text.startswith(n, start)), default=1)


def _named_again(rest: str, market: Marketplace) -> bool:
    """The marketplace named in `rest`: a Chinese name as written, a Latin one as a word."""
    return any(
        (n in rest)
        if not n.isascii()
        else bool(re.search(rf"(?<![a-z.]){re.escape(n)}(?![a-z])", rest))
        for n in _names(market)
    )


def _warehouse_in(text: str, start: int, market: Marketplace) -> bool:
    """The place is where the goods are kept ("德国海外仓", "在德国有仓库", "my UK warehouse",
    "a warehouse in Germany"): what ships from there ships from that country."""
    after = text[_naming_end(text, start, market) :]
    return bool(_STOCK_AFTER.match(after) or _STOCK_BEFORE.search(text[max(0, start - 24) : start]))


_STOCK_AFTER = lazy(r"(?:的)?(?:有)?(?:海外仓|本地仓|本土仓|仓库|仓|\s?(?:warehouse|3pl|fulfil))")


_STOCK_BEFORE = lazy(r"(?:warehouse|3pl|仓库?)s?\s?(?:is |are )?(?:in|at|在)\s*$")


_SENT_TO = lazy(r"^\W*(?:站)?\s*(?:发|寄|运|直发|发货|发往|寄往|寄到|发到|到|→|->|\bto\b)")


def _between(text: str, markets_at: tuple[tuple[int, Marketplace], ...]) -> str:
    """The words after the first place named, up to the second."""
    (first, market), (second, _) = markets_at[0], markets_at[1]
    names = [n.casefold() for n in (market.zh, market.code, *market.aliases)]
    ends = [first + len(n) for n in names if text.startswith(n, first)]
    return text[max(ends, default=first) : second]
