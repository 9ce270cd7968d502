"""A window's figures the seller told (shipped, valid, invalid) worked out into a decision.

The report's bar and fewest-fixes rule applied to counts read from a question: the rate,
the fixes needed, the room left, a hypothetical's change, the volume a total came from;
and figures whose roles contradict each other, which get no confident figure.
"""

from __future__ import annotations

from bot.domain.bar import fixes_needed, is_above, new_valid_needed
from bot.domain.knowledge.case import Case
from bot.domain.knowledge.decide.percent import percent_text
from bot.domain.knowledge.decide.verdict import (
    FAIL_WORDS,
    asked_of_the_figures,
    asks_pass_or_fail,
    passes_asked,
)
from bot.domain.knowledge.figures import WINDOW_DAYS
from bot.domain.knowledge.patterns import QUESTION_SENTENCE, lazy
from bot.domain.knowledge.schema import Decision, Fact
from bot.domain.knowledge.split_orders import one_order_only

_LABEL = lazy(r"^\s*([^:：，,；;。?？\d]{1,40}?)\s*[:：]")
_ASKING = lazy(
    r"\b(?:how|what|which|why|when|do|does|did|can|could|should|need|question|quick)\b|"
    r"多少|几|哪|吗|怎么|请问|问一下|问题|求助"
)
"""Words of a question, not of a name: "how many do I have to fix: 340 shipped …" gives no
group a name."""


def vtr_facts(shipments: int, valid: int, label: str, key: str = "") -> dict[str, Fact]:
    """One group's VTR decided by the report's bar and fewest-fixes rule."""
    return {
        f"label{key}": label,
        f"valid{key}": valid,
        f"shipments{key}": shipments,
        f"invalid{key}": shipments - valid,
        f"percent{key}": percent_text(valid, shipments),
        f"above{key}": is_above(valid, shipments),
        f"needed{key}": fixes_needed(shipments, valid),
    }


def vtr_counts(case: Case) -> Decision | None:
    if case.counts is None or not _about_vtr(case) or _value_rule_asked(case):
        return None
    shipments, valid = case.counts.shipments, case.counts.valid
    above = is_above(valid, shipments)
    label = _LABEL.match(case.text)
    name = _name(label.group(1)) if label else ""
    facts = vtr_facts(shipments, valid, case.as_written(name) if name else "")
    facts.update(_supposed(case))
    facts.update(volume_told(case, shipments))
    if case.reading is not None and "late_fix" in case.reading.roles:
        facts["late_fix"] = case.reading.roles["late_fix"]  # fixed after delivery: still invalid
    if case.reading is not None and "late_to_fix" in case.reading.roles:
        facts["late_to_fix"] = case.reading.roles["late_to_fix"]  # supposed so: it cannot count
    for left_out in ("exempt", "left_out"):  # out of both counts already
        if case.reading is not None and left_out in case.reading.roles:
            facts[left_out] = case.reading.roles[left_out]
    for reason in ("jp", "eu_letter"):  # the exemption named, so the reply can say which
        if case.reading is not None and f"exempt_{reason}" in case.reading.roles:
            facts["exempt_reason"] = reason
    if case.reading is not None and "kept" in case.reading.roles:
        # "2 of the invalid were parcels under €20": still counted, and the reply says why.
        facts["kept"] = case.reading.roles["kept"]
        facts["kept_parcel"] = "kept_eu_parcel" in case.reading.roles
    if above and _MARGIN.search(case.text):
        facts["margin"] = valid - fixes_needed(shipments, 0)  # more invalid it can still take
    if _asks_invalid_count(case.text) and case.reading and "invalid" not in case.reading.roles:
        facts["invalid_asked"] = True  # "96.5% of 200: how many invalid is that?"
    if not above and _NEW_SHIPMENTS.search(case.text) and "change" not in facts:
        facts["new_valid"] = new_valid_needed(shipments, valid)  # without fixing old ones
    entry = "vtr-below-95" if not above and case.what_to_do else "vtr-threshold"
    if "late_to_fix" in facts:
        entry = "tracking-after-delivery"  # why the fix leaves the figure, with its source
    return Decision(code="vtr_counts", facts=facts, agrees=_count_verdict(case, facts), entry=entry)


_EXEMPT_OR_COUNTED = lazy(
    r"exempt|excluded|\bcount(?:s|ed)?\s*[?？]|does (?:it|that|this|they|it all) count|do (?:they|these|those) count|"
    r"豁免|算不算|算[^，,。?？]{0,6}吗|计入[^，,。?？]{0,6}吗|计不计入|要不要算|算进|不算吧"
)
_FEW = 5
"""At most this many packages told with an order's amount: the orders the rule is asked of."""


def _value_rule_asked(case: Case) -> bool:
    """ "2 orders of €15 each sent by letter to France, both untracked, exempt?": a few
    packages told with an amount, asked whether they are exempt or counted, ask the value
    rule of those orders; their VTR (0 of 2) answers nothing asked."""
    if case.counts is None or case.amount is None or case.currency is None:
        return False
    if case.counts.shipments > _FEW or asks_pass_or_fail(case.text):
        return False
    return bool(_EXEMPT_OR_COUNTED.search(case.text))


def volume_told(case: Case, shipments: int) -> dict[str, Fact]:
    """The daily or weekly volume the window's total was worked out from, when it was."""
    roles = case.reading.roles if case.reading is not None else {}
    if roles.get("daily", 0) * WINDOW_DAYS == shipments:
        return {"daily": roles["daily"]}
    weekly = roles.get("weekly", 0)
    if weekly and abs(7 * shipments - weekly * WINDOW_DAYS) < 7:
        return {"weekly": weekly}
    return {}


_TRACKING_WORDS = lazy(r"track|追踪|跟踪|追蹤|单号|運單|运单|scan|扫描")


def _about_vtr(case: Case) -> bool:
    """Package figures are VTR's when no other metric is named first, or when VTR is named or
    tracking is what they count ("LSR is 3%, I shipped 500, 20 without tracking")."""
    if case.metric in (None, "vtr") or "vtr" in case.metrics:
        return True
    return bool(_TRACKING_WORDS.search(case.text))


_INVALID_ASKED = lazy(
    r"how many (?:(?!more\b)[a-z]+ ){0,3}?(?:invalid|bad|untracked|missing|defects?|without|lack|failed)|"
    r"(?:多少|几)[个单件]?(?:包裹|订单)?(?:是)?(?:无效|不合格|有问题|没有?(?:有效)?(?:追踪|单号))|"
    r"无效的?(?:有|是)?(?:多少|几)"
)
"""The invalid packages counted, asked of a rate and a total ("how many bad ones is that?")."""
_MORE_BEFORE = lazy(r"再|还能|还可以|最多|多")


def _asks_invalid_count(text: str) -> bool:
    """The invalid ones there are, not how many more it can take ("还能再有几个无效")."""
    return any(
        not _MORE_BEFORE.search(text[max(0, m.start() - 4) : m.start()])
        for m in _INVALID_ASKED.finditer(text)
    )


_MARGIN = lazy(
    r"how many more (?:invalid|bad|untracked|defects?|can|could|before)|"
    r"before (?:i|it|we) (?:drop|fall|go)|no longer above|"
    r"(?:drop|fall|go) below|还能(?:再)?(?:有|错|丢|坏)几|最多还能|再(?:有|多|来|出)?几[个单件].{0,8}(?:掉|不达标|低于|跌)|"
    r"how many (?:more )?(?:can|could) (?:i|we|it) (?:still )?(?:lose|miss|afford|take|spare)|"
    r"\b(?:room|slack|margin|buffer|headroom|leeway)\b|余量|还能(?:再)?(?:丢|错|坏|漏)(?:多少|几)|"
    r"再(?:坏|错|丢|有|漏)(?:多少|几)[个单件]?(?:就|会|才)"
)
"""How many more invalid packages a passing group can take ("how many more before I drop
below?", "还能再有几个无效")."""
_NEW_SHIPMENTS = lazy(
    r"\bnew (?:valid |good |tracked )?(?:shipments|packages|orders|parcels|ones)|"
    r"\b(?:ship|send|sell) (?:more|another|extra)|(?:more|extra) (?:valid |good )?(?:shipments|packages|orders|parcels) "
    r"(?:do|would|should|must) (?:i|we) (?:ship|send)|"
    r"(?:再|还要|还得|需要|要)(?:再)?(?:发|寄|出)(?:多少|几)|多发(?:多少|几)|新(?:发的?)?(?:有效)?(?:包裹|订单|单)|"
    r"(?:不改|不修|不动)(?:旧|之前|以前|老)|without (?:fixing|correcting|touching) (?:the )?(?:old|existing|past)|"
    # "how many more all-valid shipments", "再来多少个全是有效的", "if I don't fix anything".
    r"\bmore (?:all[- ]valid|fully valid|clean|perfect|tracked|valid) (?:shipments|packages|orders|parcels|ones)\b|"
    r"\b(?:don't|do not|won't|will not|never) (?:fix|correct|touch) (?:anything|any of them|them|the old ones)\b|"
    r"(?:一个都不|一单都不|都不|什么都不)(?:修|改|补)[^，,。？?]{0,12}(?:发|寄|出|来)(?:多少|几)"
)
"""Asked how many new valid packages lift the rate, the old ones left as they are."""
_STATED_FIXES = lazy(
    r"(?:fix|修好?|补|改)\s*(\d+)|(\d+)\s*(?:packages? |个|单|件)?(?:to fix|要修|需要修|待修|要补)"
)
_EFFECT = lazy(r"影响|affect")
"""Asked whether something affects VTR: the verdict line answers, a yes or no would not
say which way."""


_NO_NAME = lazy(
    r"^(?:my|our|the|我的|我们的?)?\s*(?:numbers?|figures?|stats?|data|situation|status|"
    r"数据|情况|状况|数字|(?:vtr )?defect report|(?:vtr ?)?缺陷报告|缺陷明细|update|更新)$"
)
_FIGURE_TAIL = lazy(r"\s*(?:shipped|sent|total|valid|invalid|发货|发了|总数|有效|无效)$")


def _name(label: str) -> str:
    """A group's name from the words before a colon: none from a question ("how many do I
    have to fix:") or a word for figures ("my numbers:"); a role word it ends with is the
    figure's ("toys shipped: 75" names "toys")."""
    label = _FIGURE_TAIL.sub("", label.strip())
    if _ASKING.search(label) or _NO_NAME.match(label):
        return ""
    return label


SUSPENSION = lazy(r"封|关店|suspend|\bban|deactivat|shut down|closed?\b")
"""A suspension asked ("will Amazon suspend me?"): VTR restricts a category, never the account."""


def _count_verdict(case: Case, facts: dict[str, Fact]) -> bool | None:
    """The yes or no on counts: a fix count the seller states is checked against the
    fewest-fixes rule ("still 4 to fix, right?"); otherwise pass or fail as asked."""
    if "margin" in facts:
        return None  # "how many more can it take?": the room left is the answer, no yes or no
    if "change" in facts and len(QUESTION_SENTENCE.findall(case.text)) > 1:
        return None  # "现在达标吗？如果再坏2个呢？": now and then asked apart, both figures said
    if SUSPENSION.search(case.text):
        return None  # "will Amazon suspend me?": VTR restricts a category, never the account
    stated = _STATED_FIXES.search(case.text) if case.belief else None
    if stated and "change" not in facts:
        return int(next(g for g in stated.groups() if g)) == facts["needed"]
    guessed = _guess_verdict(case, facts)
    if guessed is not None:
        return guessed
    if _EFFECT.search(case.text) and not FAIL_WORDS.search(case.text):
        return None
    if not asked_of_the_figures(case.text):
        return None  # "190 of 200, will my other categories be restricted?": asked of others
    return passes_asked(case, bool(facts["above"]))


_RATE_GUESSED = lazy(
    r"(?:vtr|追踪率|有效率|tracking rate)\s*(?:是不是|会不会是|就是|会是|是|为|=|is|was|would be|"
    r"will be)\s*(?:就|只有|只|才|only|just)?\s*(\d{1,3}(?:\.\d+)?|zero|零)\s*(?:%|％)?"
    r"(?!\s?(?:/|\d|of\b|out\b|个|单|件|包裹|packages?|shipments?|orders?))"
)
"""The rate the seller believes the figures make ("VTR是不是0", "so my VTR would be 0%")."""


def _rate_guessed(text: str) -> float | None:
    match = _RATE_GUESSED.search(text)
    if match is None or float(match.group(1).replace("zero", "0").replace("零", "0")) == 95:
        return None  # 95 is the bar's figure, said of the bar more often than of the rate
    return float(match.group(1).replace("zero", "0").replace("零", "0"))


def _guess_verdict(case: Case, facts: dict[str, Fact]) -> bool | None:
    """A rate guessed for the figures: wrong is "not right"; right, and no pass or fail asked
    beside it ("VTR是不是0？" of 0 of 1), is "right"; else the bar decides."""
    guessed = _rate_guessed(case.text) if case.belief else None
    if guessed is None:
        return None
    if not _same_rate(guessed, int(facts["valid"]), int(facts["shipments"])):
        return False
    return True if not asks_pass_or_fail(case.text) else None


def _same_rate(rate: float, valid: int, shipments: int) -> bool:
    """The rate as said, at its own precision, is the one the counts make."""
    decimals = len(f"{rate:g}".split(".")[1]) if "." in f"{rate:g}" else 0
    tolerance: float = max(0.5 * 10**-decimals, 0.05)
    return abs(valid * 100 / shipments - rate) <= tolerance


def counts_unclear(case: Case) -> Decision | None:
    """ "200 shipped, 190 valid and 15 invalid": figures whose roles contradict each other
    are not worked out into a confident figure; the reply says what does not fit and what
    is needed instead."""
    reading = case.reading
    if reading is None or not reading.unclear or case.counts is not None:
        return None
    if case.metric not in (None, "vtr") or one_order_only(case.text):
        return None  # "一单两件分开发": one order's items and boxes, no window's totals
    facts: dict[str, Fact] = {role: value for role, value in reading.roles.items()}
    if reading.stated_rate is not None:
        facts["stated_rate"] = f"{reading.stated_rate:g}"
    return Decision(code="counts_unclear", facts=facts, entry="vtr-formula")


def _supposed(case: Case) -> dict[str, Fact]:
    """A hypothetical's change ("if I fix 3", "再有2个变无效") and the window as it is now:
    the verdict is on the supposed counts, the figures now follow it."""
    reading = case.reading
    if reading is None or reading.then is None or reading.now is None:
        return {}
    added = reading.then.shipments - reading.now.shipments
    change = reading.then.valid - reading.now.valid - added
    now: dict[str, Fact] = {
        "now_valid": reading.now.valid,
        "now_shipments": reading.now.shipments,
        "now_percent": percent_text(reading.now.valid, reading.now.shipments),
    }
    if added and not change:  # "if I ship 200 more valid ones": new packages, all valid
        return {"change": "new", "count": added, **now}
    if added and change == -added:  # "再来1个没追踪的": new packages, none of them valid
        return {"change": "new_invalid", "count": added, **now}
    worse, fixed = reading.roles.get("more_invalid", 0), reading.roles.get("to_fix", 0)
    if worse and fixed and not added:
        # "if 2 more go bad and I fix 1": both changes said, each with its sign, not the net.
        return {"change": "both", "count": worse, "fixed_count": fixed, **now}
    return {"change": "fix" if change > 0 else "invalid", "count": abs(change), **now}
