"""Questions on the conditions that flip a rule, generated with the verdict domain.md gives.

The metamorphic twin of belief_forms.py, for the rules rather than the claims table: each
case is asked on both sides of one condition (an amount across its limit, a letter or a
tracked service, a route into or out of the EU/UK update, the carrier picked for a number,
Buy Shipping or not, a date inside or outside the 30 days, a rate at or above 95%), in both
languages and several frames (a plain question, '算不算', 'does it count', 'is it exempt',
'要不要管', a belief with 'right?'). The expected verdict comes from the small tables below,
written from /work/shared/domain.md alone, never from the bot's functions: a condition that
flips the rule must flip the verdict, and a frame never does.

`expected` None means domain.md leaves the case open, and the first line must say no verdict.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import product

from tests.knowledge.belief_forms import verdict_of

# --- The oracle: domain.md's facts as tables ------------------------------------------------

UPDATE_SCOPE = {"DE", "FR", "IT", "ES", "UK"}
"""Places whose cross-border shipments the EU/UK update covers (domain.md 1b; NL, PT, PL, AT
and SE too, not asked here): such an order under EUR 20 sent as a letter is exempt."""

BAR_FROM_CHINA = {"US", "UK", "DE", "FR", "IT", "ES", "JP", "SG", "AE", "SA", "AU"}
"""Where the 95% bar applies to shipments from China (domain.md §1)."""

BUY_SHIPPING_FROM_CHINA = {"US", "CA", "UK", "DE", "FR", "IT", "ES", "IN", "MX", "NL", "JP", "BR"}
"""The 12 marketplaces Buy Shipping serves from China (domain.md §2)."""

STRIKE_THROUGH = {"US", "CA", "UK", "DE", "FR", "ES", "IT", "IN", "MX"}
"""Where delivery-only negative feedback is struck through for on-time Buy Shipping orders
(domain.md §2)."""


def counts_by_value(origin: str, market: str, amount: float, letter: bool) -> bool | None:
    """Whether an order counts toward VTR (domain.md 1b), or None when domain.md does not say:
    Japan exempts orders under JPY 1,000 whatever the service; a cross-border order within the
    update's scope under EUR 20 sent as a letter is exempt; German domestic orders over
    EUR 15 count, a letter too (of those at or under it domain.md says nothing); no US order
    is exempt for its value."""
    if market == "JP":
        return amount >= 1000
    if market == "US":
        return True
    if origin == market == "DE":
        return True if amount > 15 else None
    if origin == market or market not in UPDATE_SCOPE:
        return None
    return amount >= 20 or not letter


def two_scans_needed(amount_usd: float) -> bool:
    """A US order shipped directly from China needs two scans from USD 5 (domain.md 1b)."""
    return amount_usd >= 5


def above_bar(valid: int, shipments: int) -> bool:
    """Strictly above 95%, in integers: 19 of 20 (95.0%) is below (domain.md §4.5)."""
    return 100 * valid > 95 * shipments


def rate_above_bar(tenths: int) -> bool:
    """A rate given in tenths of a percent: 950 (95.0%) is below."""
    return tenths > 950


def in_window(days_ago: int) -> bool:
    """The 30 days ending today, inclusive: 29 days ago is the first day (domain.md §4.3)."""
    return days_ago <= 29


# --- The questions ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Flip:
    """One generated question, its dimension and frame, and the verdict it must get."""

    dimension: str
    lang: str
    frame: str
    question: str
    expected: bool | None
    """The verdict the question's own yes or no must give; None: no verdict at all."""
    negates: bool = False
    """The question asks the rule's opposite (is it exempt? / will it be unconfirmed?): a
    first line worded with the rule's own word (计入, 算, 豁免) answers the rule, not the
    question, so it is read the other way round."""


@dataclass(frozen=True)
class _Frame:
    name: str
    template: str
    negates: bool
    """The frame asks the opposite of the proposition (is it exempt? / 是不是豁免): its yes
    says the proposition is false."""


def _frames(lang: str, spec: dict[str, list[tuple[str, str, bool]]], kind: str) -> list[_Frame]:
    return [_Frame(n, t, neg) for n, t, neg in spec[f"{kind}-{lang}"]]


_COUNT_FRAMES: dict[str, list[tuple[str, str, bool]]] = {
    "count-en": [
        ("plain", "{c}. Does it count toward VTR?", False),
        ("does-it-count", "{c} — does that count?", False),
        ("is-it-exempt", "{c}, is it exempt?", True),
        ("belief-counts", "{c}, so it counts toward VTR, right?", False),
        ("belief-exempt", "{c}, so it's exempt from VTR, right?", True),
    ],
    "count-zh": [
        ("plain", "{c}，计入VTR吗？", False),
        ("算不算", "{c}，算不算VTR？", False),
        ("要不要管", "{c}，这种VTR要不要管？", False),
        ("是不是豁免", "{c}，是不是豁免的？", True),
        ("belief-exempt", "{c}，这个不用算VTR，对吧？", True),
        ("belief-counts", "{c}，这个也要算进VTR吧？", False),
    ],
}

_PLACES = {
    "en": {
        "CN": "China",
        "DE": "Germany",
        "UK": "the UK",
        "US": "the US",
        "FR": "France",
        "IT": "Italy",
        "ES": "Spain",
        "JP": "Japan",
    },
    "zh": {
        "CN": "中国",
        "DE": "德国",
        "UK": "英国",
        "US": "美国",
        "FR": "法国",
        "IT": "意大利",
        "ES": "西班牙",
        "JP": "日本",
    },
}

_LETTERS = {
    "en": ["Letter", "Deutsche Post Brief", "La Poste Lettre", "a letter service"],
    "zh": ["平信", "Brief信件", "Lettre", "信件"],
}
"""Letter services, by the names sellers give them (domain.md §4.2's Letter/Brief/Lettre)."""

_PARCELS = {
    "en": ["a tracked parcel service", "DHL Paket", "registered mail", "UPS"],
    "zh": ["小包", "挂号小包", "带追踪的专线", "DHL Paket"],
}
"""Services that are not letters: the exemption needs a letter service (domain.md 1b). A
small packet (小包) is a parcel, not a letter."""

_AMOUNTS = {
    "EUR": [15, 19.99, 20, 25],
    "JPY": [800, 999, 1000, 1500],
    "USD": [3, 4.99, 5, 8],
}
"""Amounts on both sides of each limit, the limit itself among them (it is not 'under')."""

_MONEY = {
    "en": {"EUR": "EUR {a}", "JPY": "JPY {a}", "USD": "USD {a}"},
    "zh": {"EUR": "{a}欧元", "JPY": "{a}日元", "USD": "{a}美元"},
}

_ORDER = {
    "en": [
        "An order on Amazon {m} shipped from {o} by {s}, order total {x}",
        "A {x} order to {m}, sent from {o} with {s}",
    ],
    "zh": ["从{o}发{m}站，{s}，订单{x}", "{m}站的订单{x}，{o}发货，用{s}寄"],
}

_ROUTES = [
    (o, m)
    for o in ("CN", "DE", "UK", "US")
    for m in ("DE", "FR", "IT", "ES", "UK", "US", "JP")
    if not (o == m and m in ("UK", "FR", "IT", "ES")) and not (o in ("DE", "UK") and m == "US")
]
"""Each origin to each marketplace, but the routes domain.md says nothing of: a domestic order
in the UK, France, Italy or Spain, and an order from Europe to the US."""


def _amount_text(amount: float) -> str:
    return f"{amount:g}" if amount != 19.99 else "19.99"


def _currency(market: str) -> str:
    return {"JP": "JPY", "US": "USD"}.get(market, "EUR")


FRAMES_PER_CASE = 3
"""Frames each route and amount is asked in, taken in turn: every frame still meets every
route and limit over the amounts, with half the questions of them all (each is answered in
full, so the slow tier's time grows with their number)."""


def _value_flips() -> Iterator[Flip]:
    """Each route and amount in three frames, with a letter and with a parcel service, the
    frames and service names taken in turn so each is asked without the product of all."""
    turn = 0
    for lang, (origin, market) in product(("en", "zh"), _ROUTES):
        currency = _currency(market)
        frames = _frames(lang, _COUNT_FRAMES, "count")
        for i, amount in enumerate(_AMOUNTS[currency]):
            x = _MONEY[lang][currency].format(a=_amount_text(amount))
            for _ in range(FRAMES_PER_CASE):
                frame = frames[turn % len(frames)]
                turn += 1
                for names, letter in ((_LETTERS[lang], True), (_PARCELS[lang], False)):
                    counts = counts_by_value(origin, market, amount, letter)
                    service = names[turn % len(names)]
                    place = _PLACES[lang]
                    order = _ORDER[lang][(i + turn) % 2].format(
                        o=place[origin], m=place[market], s=service, x=x
                    )
                    expected = None if counts is None else counts != frame.negates
                    question = frame.template.format(c=order)
                    yield Flip("value", lang, frame.name, question, expected, frame.negates)


_SCAN_FRAMES = {
    "en": [
        (
            "plain",
            "A USD {a} order shipped from China to the US: does it need two carrier scans?",
            0,
        ),
        ("one-enough", "Shipping a USD {a} order from China to Amazon.com, is one scan enough?", 1),
        ("belief-two", "For a {a} dollar US order sent from China I need two scans, right?", 0),
        ("belief-one", "from China to the US, a ${a} order only needs one scan, correct?", 1),
    ],
    "zh": [
        ("plain", "中国发美国站，订单{a}美元，需要两次扫描吗？", 0),
        ("要不要", "美国站{a}美元的单子从中国直发，要不要两次扫描", 0),
        ("one-enough", "从中国发美国站{a}美元的订单，一次扫描就够了吧？", 1),
    ],
}


def _scan_flips() -> Iterator[Flip]:
    for lang, frames in _SCAN_FRAMES.items():
        for (name, template, negates), amount in product(frames, _AMOUNTS["USD"]):
            two = two_scans_needed(amount)
            question = template.format(a=_amount_text(amount))
            yield Flip("us-scans", lang, name, question, two != bool(negates), bool(negates))


def _check_digit_ups(body: str) -> str:
    values = [int(c) if c.isdigit() else (ord(c) - 63) % 10 for c in body]
    total = sum(v * (2 if i % 2 else 1) for i, v in enumerate(values))
    return str((10 - total % 10) % 10)


def _check_digit_usps(body: str) -> str:
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(body)))
    return str((10 - total % 10) % 10)


def _check_digit_s10(digits: str) -> str:
    total = sum(int(d) * w for d, w in zip(digits, (8, 6, 4, 2, 3, 5, 9, 7), strict=True))
    c = 11 - total % 11
    return {10: "0", 11: "5"}.get(c, str(c))


NUMBERS = {
    "UPS": ["1Z" + b + _check_digit_ups(b) for b in ("4E8R90W60318732",)]
    + ["1Z" + "999AA1012345678" + _check_digit_ups("999AA1012345678")],
    "USPS": [b + _check_digit_usps(b) for b in ("940011189922319742849", "920019010123456789012")],
    "DHL": [b + str(int(b) % 7) for b in ("123456789", "375021947")],
    "China Post": ["LX" + d + _check_digit_s10(d) + "CN" for d in ("12345678", "40317295")],
}
"""Numbers whose format and check digit fit their carrier (domain.md §6), worked out here."""

_WRONG_PICKS = {
    "UPS": ["USPS", "DHL"],
    "USPS": ["UPS", "DHL"],
    "DHL": ["UPS"],
    "China Post": ["UPS"],
}
"""A carrier picked that is not the number's own: the number shows as unconfirmed (§1b)."""

_CARRIER_FRAMES = {
    "en": [
        ("plain", "I confirmed shipment with carrier {c} and tracking {n}, is that valid?", 0, 1),
        ("ok", "Uploaded {n} under {c} as the carrier — is that OK for VTR?", 0, 0),
        ("unconfirmed", "I picked {c} for {n}; will it show as unconfirmed?", 1, 1),
        ("belief-fine", "I entered {n} with {c} selected, that's fine, right?", 0, 0),
    ],
    "zh": [
        ("plain", "确认发货选的承运商是{c}，单号{n}，算有效吗？", 0, 1),
        ("对得上吗", "单号{n}，承运商填的{c}，这样可以吗", 0, 0),
        ("未确认", "我选了{c}，单号是{n}，会显示未确认吗？", 1, 1),
    ],
}
"""(name, template, asks the opposite, asks the scan's verdict): whether a number is valid,
or will show unconfirmed, is the carrier's scan's to say (domain.md 1b), so a number right
for the carrier picked gets no verdict on it; a wrong carrier is not valid either way."""


def _carrier_flips() -> Iterator[Flip]:
    for lang, frames in _CARRIER_FRAMES.items():
        for carrier, numbers in NUMBERS.items():
            picks = [(carrier, True)] + [(p, False) for p in _WRONG_PICKS[carrier]]
            for (name, template, negates, scan), number, (pick, right) in product(
                frames, numbers, picks
            ):
                question = template.format(c=pick, n=number)
                expected = None if right and scan else right != bool(negates)
                yield Flip("carrier", lang, name, question, expected, bool(negates))


_STAMP_FRAMES = {
    "en": [
        ("plain", "UK orders sent with Royal Mail letter stamps {h}: are they exempt from VTR?", 1),
        ("count", "Royal Mail letter stamps {h} for Amazon.co.uk orders, do those count?", 0),
        ("belief", "untracked Royal Mail stamps {h} are exempt on the UK marketplace, right?", 1),
    ],
    "zh": [
        ("plain", "英国站用{h}的皇家邮政邮票寄平信，能豁免吗？", 1),
        ("算不算", "英国站订单贴{h}的皇家邮政邮票寄出，算不算VTR", 0),
    ],
}
"""Frames on whether such a letter counts; the 1 marks those asking whether it is exempt."""

_HOW_BOUGHT = {
    "en": [("bought through Buy Shipping", True), ("bought at the post office", False)],
    "zh": [("通过购买配送买", True), ("自己在邮局买", False)],
}


def _stamp_flips() -> Iterator[Flip]:
    for lang, frames in _STAMP_FRAMES.items():
        for (name, template, negates), (how, exempt) in product(frames, _HOW_BOUGHT[lang]):
            question = template.format(h=how)
            counts = not exempt
            yield Flip("buy-shipping", lang, name, question, counts != bool(negates), bool(negates))


_WINDOW_FRAMES = {
    "en": [
        (
            "plain",
            "An order whose promised delivery date was {d} days ago, is it still in my VTR?",
            0,
        ),
        (
            "belief-out",
            "a package promised for delivery {d} days ago has left the VTR window, right?",
            1,
        ),
    ],
    "zh": [
        ("plain", "承诺送达日期是{d}天前的订单，还算在VTR里吗？", 0),
        ("算不算", "{d}天前承诺送达的包裹，现在还算不算VTR", 0),
    ],
}


def _window_flips() -> Iterator[Flip]:
    for lang, frames in _WINDOW_FRAMES.items():
        for (name, template, negates), days in product(frames, (20, 28, 29, 31, 32, 40)):
            question = template.format(d=days)
            yield Flip(
                "window", lang, name, question, in_window(days) != bool(negates), bool(negates)
            )


_RATE_FRAMES = {
    "en": [
        ("plain", "My VTR is {r}%. Does that pass?", 0),
        ("enough", "VTR at {r}% — is it enough?", 0),
        ("restricted", "With a VTR of {r}% will my category be restricted?", 1),
        ("belief-fine", "{r}% VTR is fine, right?", 0),
    ],
    "zh": [
        ("plain", "VTR是{r}%，达标吗？", 0),
        ("算不算", "有效追踪率{r}%算不算达标", 0),
        ("会不会", "VTR {r}%会不会被限制？", 1),
        ("belief", "VTR {r}%应该没问题吧？", 0),
    ],
}

_RATES = (949, 950, 951, 955, 960)
"""Rates in tenths of a percent, said as 94.9, 95, 95.0, 95.1, 95.5 and 96."""

_COUNT_FRAMES_BAR = {
    "en": [
        ("plain", "{v} of my {n} packages have valid tracking, am I above the bar?", 0),
        ("invalid", "{n} shipments, {i} without valid tracking. Do I pass?", 0),
        ("belief", "{v} valid out of {n} is enough for VTR, right?", 0),
    ],
    "zh": [
        ("plain", "{n}个包裹里{v}个追踪有效，达标吗？", 0),
        ("invalid", "一共发了{n}单，{i}单追踪无效，算不算达标", 0),
        ("会不会", "{n}个包裹有{i}个无效，会不会被限制", 1),
    ],
}

_COUNTS = ((19, 20), (20, 21), (190, 200), (191, 200), (57, 60), (58, 60), (95, 100), (96, 100))


def _rate_text(tenths: int) -> list[str]:
    whole = f"{tenths // 10}.{tenths % 10}"
    return [whole, whole.removesuffix(".0")] if tenths % 10 == 0 else [whole]


def _bar_flips() -> Iterator[Flip]:
    for lang, frames in _RATE_FRAMES.items():
        for (name, template, negates), tenths in product(frames, _RATES):
            for said in _rate_text(tenths):
                question = template.format(r=said)
                above = rate_above_bar(tenths)
                yield Flip("rate", lang, name, question, above != bool(negates), bool(negates))
    for lang, frames in _COUNT_FRAMES_BAR.items():
        for (name, template, negates), (valid, total) in product(frames, _COUNTS):
            question = template.format(v=valid, n=total, i=total - valid)
            above = above_bar(valid, total)
            yield Flip("counts", lang, name, question, above != bool(negates), bool(negates))


_MARKET_NAMES = {
    "en": {
        "US": "the US",
        "UK": "the UK",
        "DE": "Germany",
        "FR": "France",
        "JP": "Japan",
        "AU": "Australia",
        "SG": "Singapore",
        "CA": "Canada",
        "NL": "the Netherlands",
        "MX": "Mexico",
        "AE": "the UAE",
    },
    "zh": {
        "US": "美国站",
        "UK": "英国站",
        "DE": "德国站",
        "FR": "法国站",
        "JP": "日本站",
        "AU": "澳洲站",
        "SG": "新加坡站",
        "CA": "加拿大站",
        "NL": "荷兰站",
        "MX": "墨西哥站",
        "AE": "阿联酋站",
    },
}


def _bar_applies(market: str) -> bool | None:
    return True if market in BAR_FROM_CHINA else None


def _served(market: str) -> bool:
    return market in BUY_SHIPPING_FROM_CHINA


def _struck(market: str) -> bool:
    return market in STRIKE_THROUGH


def _otdr_enforced(market: str) -> None:
    """'Not an enforced bar in most marketplaces' (§3): of one marketplace it says nothing."""
    return None


_MARKET_CLAIMS = {
    "bar": (
        _bar_applies,
        {
            "en": ["Does the 95% VTR bar apply in {m} to orders shipped from China?"],
            "zh": ["从中国发货，{m}的VTR也要高于95%吗？"],
        },
    ),
    "buy-shipping": (
        _served,
        {
            "en": ["Can I use Buy Shipping for {m} orders shipped from China?"],
            "zh": ["从中国发{m}的订单能用购买配送吗？"],
        },
    ),
    "strike-through": (
        _struck,
        {
            "en": ["In {m}, can Buy Shipping strike through late-delivery feedback?"],
            "zh": ["{m}用购买配送，物流差评能被划掉吗？"],
        },
    ),
    "otdr": (
        _otdr_enforced,
        {
            "en": ["Is OTDR enforced in {m}?", "is on-time delivery rate an enforced bar in {m}?"],
            "zh": ["{m}的准时交货率是强制考核的吗？", "{m}准时交货率不到90%会被处罚吗"],
        },
    ),
}


def _market_flips() -> Iterator[Flip]:
    for claim, (oracle, templates) in _MARKET_CLAIMS.items():
        for lang, forms in templates.items():
            for template, (market, name) in product(forms, _MARKET_NAMES[lang].items()):
                yield Flip(
                    f"market-{claim}", lang, "plain", template.format(m=name), oracle(market)
                )


def generated_flips() -> Iterator[Flip]:
    """Every dimension's questions, each with domain.md's verdict."""
    yield from _value_flips()
    yield from _scan_flips()
    yield from _carrier_flips()
    yield from _stamp_flips()
    yield from _window_flips()
    yield from _bar_flips()
    yield from _market_flips()


_ZH_RULE_WORD = re.compile(r"(不|没)?(?:计入|算|算进|豁免|有效|无效|达标)[。：:，,]")
"""A Chinese first line that opens with the rule's own word: 计入/算/有效/达标 say the rule
holds (不计入, 不算… that it does not), 豁免 and 无效 that it does not."""


_ZH_COMMA_HEAD = re.compile(r"^([^。：:，,\s]{1,4})，")


def read_verdict(flip: Flip, first_line: str) -> bool | None:
    """The first line's verdict on the question as a seller skims it: its yes or no, or the
    rule's own word turned to the question's sense."""
    ruled = _ZH_RULE_WORD.match(first_line)
    if ruled is None:
        # "可以，从中国发货到…": a short head before a comma is read as one before a full stop.
        return verdict_of(_ZH_COMMA_HEAD.sub(r"\1。", first_line, count=1))
    holds = (ruled.group(1) is None) != ("豁免" in ruled.group(0) or "无效" in ruled.group(0))
    return holds != flip.negates
