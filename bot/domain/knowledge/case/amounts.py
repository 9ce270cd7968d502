"""An order's amount, whether it is a rule's limit, and whether it goes as a letter."""

from __future__ import annotations

import re

from bot.domain.knowledge.patterns import lazy
from bot.domain.reference import vocabulary

_CURRENCIES = (
    ("EUR", r"€|eur|euros?|欧元|欧"),
    ("USD", r"\$|usd|dollars?|bucks?|美元|美金|刀"),
    ("GBP", r"£|gbp|pounds?|quid|英镑|镑"),
    ("JPY", r"jpy|yen|日元|日圆|円|日币"),
)


_NUMBER = r"(\d+(?:\.\d+)?)"


_AMOUNT_AFTER = [
    (code, re.compile(rf"{_NUMBER}\s?(?:{words})(?![a-z])")) for code, words in _CURRENCIES
]


_AMOUNT_BEFORE = [(code, re.compile(rf"(?:{words})\s?{_NUMBER}")) for code, words in _CURRENCIES]


NOT_LETTER = lazy(
    r"not (?:a |as |by )?letters?|non-letter|(?:isn't|aren't|wasn't|weren't) (?:a |sent as (?:a )?)?letters?|"
    r"(?:不是|不算|算不上)(?:用)?(?:是|作|做)?(?:平信|信件|letter)|非信件|不是信"
)
"""A letter denied ("20欧元的包裹不算信件", "it isn't a letter"): another service, and the
denial says what the parcel is, not whether it counts."""


LETTER_ZH = lazy(r"寄(?:的)?信(?![息用号箱])|(?:一|这|那)封信|的信(?![息用号箱誉任心托赖念])")
"""A letter said in plain Chinese ("西班牙站用Correos寄的信", "寄到意大利的信 15欧", "19.99欧元的
信寄到法国"), not 信息, 信用卡, 信号, 信誉."""


PARCEL = lazy(r"\bparcels?\b|包裹也|普通包裹|小包|挂号|快递包裹|parcel service")


def letter_service(text: str) -> bool:
    """A letter service named the way files name it (Brief, Lettre …); not the whole-word
    "list", which in a question is the carrier list."""
    return any(word in text for word in vocabulary().letter_service_words)


_YEN_SIGN = lazy(r"[¥￥]\s?(\d+(?:\.\d+)?)(?!\s?(?:元|人民币|rmb|cny))")


_JAPAN = lazy(r"日本|japan|\bjp\b|amazon\.co\.jp|\.jp\b")


_SHIPPING_CHARGE = lazy(r"shipping|postage|delivery (?:fee|charge)|运费|邮费|快递费|配送费")


_SHIPPING_INCLUDED = lazy(
    r"(?:incl\.?|including|inclusive of) (?:the )?(?:[€$£]?\d+(?:\.\d+)?\s?(?:eur|euros?|€)?\s)?"
    r"(?:shipping|postage)|(?:shipping|postage) (?:included|incl)|"
    r"含运费|包含运费|包括运费|含邮费|包邮|免运费|free shipping"
)


def read_amount(text: str) -> tuple[float | None, str | None]:
    """The order's amount: an item's price and its shipping charge named apart ("€16 plus €6
    shipping", "商品18欧，运费4欧", "item 18 euro + 6 shipping") are summed, or their total
    taken as said ("= 24", "合计17欧"), since the EUR 20 and JPY 1,000 limits are the order
    total's, shipping included (domain.md §1b, §4.2)."""
    match, code = amount_match(text)
    if not match:
        return None, None
    amount = float(match.group(1))
    if code and _SHIPPING_CHARGE.search(text) and not _SHIPPING_INCLUDED.search(text):
        amount = _order_total(text, code, match) or amount
    return amount, code


_TOTAL_SAID = lazy(
    r"(?:(?<![<>!])=|\btotal(?:ling|s)?(?: of| is| was)?|\bin total\b|\baltogether\b|"
    r"\bcomes? (?:out )?to|\badds? up to|合计|总共|一共|总计|共计|加起来(?:是|共)?|总价|总额)"
    r"\s*(?:是|为|:|：)?\s*(?:[€$£¥￥]|eur|jpy)?\s*(\d+(?:\.\d+)?)(?![\d.%])"
)
"""An order's total said beside its parts ("18 + 6 = 24", "total 21", "合计17欧")."""


_SHIPPING_FIGURE = lazy(
    r"(?:shipping|postage|运费|邮费|快递费|配送费)\s*(?:fee|charge|cost|is|of|was|费|是|为|:|：)?\s*"
    r"(?:[€$£¥￥]|eur)?\s*(\d+(?:\.\d+)?)(?![\d.%])|"
    r"(?<![\d.])(\d+(?:\.\d+)?)\s*(?:[€$£¥￥]|eur(?:os?)?|jpy|yen|欧元?|日元|円)?\s*"
    r"(?:for |in |of )?(?:shipping|postage)"
)
"""The shipping charge's figure, its currency said or left to the item's ("+ 6 shipping")."""


def _order_total(text: str, code: str, item: re.Match[str]) -> float | None:
    """The total of an order told in parts: said as such, else the parts in the currency
    summed, else the item's price and a shipping figure told without its currency."""
    price = float(item.group(1))
    total = _TOTAL_SAID.search(text)
    if total and float(total.group(1)) > price:
        return float(total.group(1))
    parts = _order_amounts(text, code)
    if len(parts) >= 2:
        return sum(parts)
    shipping = _SHIPPING_FIGURE.search(text)
    if shipping is None:
        return None
    figure = 1 if shipping.group(1) is not None else 2
    if shipping.start(figure) == item.start(1):
        return None  # the item's own figure, said before "shipping"
    return price + float(shipping.group(figure))


def amounts_in(text: str, code: str) -> list[float]:
    """Every order amount in the currency, in order ("one at ¥980 and one at ¥1200")."""
    return _order_amounts(text, code)


def _order_amounts(text: str, code: str) -> list[float]:
    """Every amount in the currency, in order, that is not a rule's limit ("under €20")."""
    return [amount for _, amount in _order_amounts_at(text, code)]


def _order_amounts_at(text: str, code: str) -> list[tuple[int, float]]:
    found: dict[int, re.Match[str]] = {}
    patterns = [p for currency, p in _AMOUNT_AFTER + _AMOUNT_BEFORE if currency == code]
    if code == "JPY" and _JAPAN.search(text):
        patterns.append(_YEN_SIGN)  # "item ¥850 + ¥250 shipping": the sign is the yen's
    for pattern in patterns:
        for match in pattern.finditer(text):
            found.setdefault(match.start(1), match)
    return [
        (at, float(m.group(1)))
        for at, m in sorted(found.items())
        if _bound_at(text, at, m.end(1)) is None and not _LIMIT_AFTER.search(text[m.end(1) :])
    ]


def own_order_after_limit(text: str, code: str | None) -> tuple[float, int] | None:
    """ "EU letters under €20 are exempt, so my €35 Brief is fine too": a rule's limit told,
    then the seller's own order in the same currency; its amount and where it is said (the
    belief is the rule applied to that order, which the order's amount decides)."""
    limit, _ = amount_match(text)
    if limit is None or code is None:
        return None
    bound = float(limit.group(1))
    # "…不到20欧不算，这个20欧是含增值税的吧": the limit said again is no order of the seller's.
    later = [
        (at, amount)
        for at, amount in _order_amounts_at(text, code)
        if at > limit.start(1) and amount != bound
    ]
    return (later[0][1], later[0][0]) if later else None


def amount_match(text: str) -> tuple[re.Match[str] | None, str | None]:
    """The order's amount as written, and its currency."""
    for code, pattern in _AMOUNT_AFTER + _AMOUNT_BEFORE:
        match = pattern.search(text)
        if match:
            return match, code
    # "¥" is yen or yuan: yen when the question is about Japan ("amazon.co.jp order for ¥800").
    yen = _YEN_SIGN.search(text)
    if yen and _JAPAN.search(text):
        return yen, "JPY"
    if _JAPAN.search(text) and _YEN_WORD.search(text):
        # "几百日元（1000以下）的小单子": the bound's yen said once, before it.
        bound = _BARE_BOUND_AFTER.search(text) or _BARE_BOUND_BEFORE.search(text)
        if bound:
            return bound, "JPY"
    return None, None


_YEN_WORD = lazy(r"日元|日圆|円|\byen\b|\bjpy\b")
_BARE_BOUND_AFTER = lazy(r"(?<![\d.])(\d{3,6})(?![\d.])\s*(?:以下|以内|之下|or less)")
_BARE_BOUND_BEFORE = lazy(r"(?:under|below|less than|低于|不到|少于|小于)\s*(\d{3,6})(?![\d.])")
"""A bound written without its currency in a question on Japan whose yen is said elsewhere
("几百日元（1000以下）"): the yen amount the rule is asked of."""


_UNIT = r"(?:[a-z€$£¥]+|日元|日圆|欧元|美元|美金|英镑|円|元|欧|刀)?"


_UNDER_AFTER = lazy(rf"^\s*{_UNIT}\s*(?:以下|以内|之下|below|or less)")


_LIMIT_AFTER = lazy(
    rf"^\s*{_UNIT}\s*(?:letter\s+)?(?:(?:exemption|limit|line|threshold|cap|rule)\b|"
    r"门槛|限额|豁免|那条线|的线)"
)
"""A limit named by what it is ("the 20 euro exemption", "€20 line"): not an order's price."""


_EXEMPTION_NAMED_AFTER = lazy(
    rf"^\s*{_UNIT}\s*(?:的)?\s*(?:(?:letter|brief|信件|平信)\s*(?:rule|规则)|"
    r"(?:(?:letter|brief|信件|平信|小额|订单)\s*)?(?:exemption|豁免))"
)
"""A limit named as the exemption it is ("20欧信件豁免", "1000日元的豁免", "the 20 euro letter
exemption"): the rule's limit, not an order's amount."""


def limits_said(text: str, code: str) -> list[float]:
    """Every amount in the currency written as an "under" limit ("under ¥2000", "2000日元以下"),
    in order: a belief may carry a rule's true limit on to another."""
    patterns = [p for c, p in _AMOUNT_AFTER + _AMOUNT_BEFORE if c == code]
    if code == "JPY" and _JAPAN.search(text):
        patterns.append(_YEN_SIGN)
    found = {m.start(1): m for p in patterns for m in p.finditer(text)}
    return [
        float(m.group(1))
        for at, m in sorted(found.items())
        if _bound_at(text, at, m.end(1)) == "under"
    ]


_UNDER_BEFORE = lazy(
    r"(?:under|below|less than|\bsub-?|低于|不到|少于|小于|不满|未满|不足)\s*(?:the\s+)?(?:[a-z€$£¥]+)?\s*$"
)


_OVER_AFTER = lazy(rf"^\s*{_UNIT}\s*(?:以上|or more)")


_OVER_BEFORE = lazy(r"(?:over|above|more than|超过|高于|大于)\s*(?:[a-z€$£¥]+)?\s*$")


def read_bound(text: str, amount: float | None) -> str | None:
    if amount is None:
        return None
    number = f"{amount:g}"
    at = text.find(number)
    return None if at < 0 else _bound_at(text, at, at + len(number))


def _bound_at(text: str, start: int, end: int) -> str | None:
    """ "under"/"over" when the number at text[start:end] is written as a limit; a limit
    named by what it is ("20欧信件豁免", "the €20 letter exemption") is the exemption's,
    which holds under it."""
    before, after = text[max(0, start - 12) : start], text[end : end + 12]
    if _UNDER_AFTER.search(after) or _UNDER_BEFORE.search(before):
        return "under"
    if _EXEMPTION_NAMED_AFTER.search(text[end : end + 24]):
        return "under"
    if _OVER_AFTER.search(after) or _OVER_BEFORE.search(before):
        return "over"
    return None
