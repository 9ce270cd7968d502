"""One order sent in several packages, with fewer tracking numbers than packages.

"一个订单分两个包裹发，只上传了一个单号", "shipped one order in 3 boxes but only uploaded 1
tracking number": VTR's unit is the package, one tracking ID each (domain.md 1b), so each box
counts and each box without its own number is an invalid package. The numbers of such a
message are the order's packages and numbers, never a seller's totals for the window: read
here, before the figures' roles are, so "两个包裹" and "一个单号" are not taken for 2 shipped
and 1 valid of the last 30 days.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.domain.knowledge.numerals import SMALL_EN, SMALL_ZH
from bot.domain.knowledge.patterns import lazy

_SMALL = SMALL_ZH | SMALL_EN | {"a single": 1, "a": 1}
"""The counts _N reads (up to ten), in words or digits."""
_N = r"(\d{1,2}|[一两二三四五六七八九十]|a single|one|two|three|four|five|six|seven|eight|nine|ten)"
_N_OR_A = _N[:-1] + r"|a)"
_BOXES_ZH = r"(?:个|件)?(?:包裹|箱子?|个包|票|件)"
_BOXES_EN = r"(?:separate |different )?(?:boxes|packages|parcels|cartons|shipments)"
_NUMBER_ZH = r"(?:个|条)?(?:单号|追踪号|跟踪号|运单号|追踪编码|物流单号|号码)"
_NUMBER_EN = r"tracking(?: numbers?| ids?| codes?|#)?"

_ONE_ORDER = lazy(
    r"一个订单|一单|一笔订单|同一个?订单|同一单|一个单子|整个订单|整单|这单|这个订单|那个订单|"
    # An order named by its ID ("订单115-0487663-3012364拆了两个包裹", "order 114-… went out in").
    r"(?:订单|order)\s*(?:号|id|#|no\.?)?\s*[:：]?\s*\d{3}-\d{7}-\d{7}|"
    r"\b(?:the |an? )?(?:whole|entire) order\b|"
    r"\b(?:one|an?|a single|the same|same|single|1) (?:customer'?s? |buyer'?s? )?order\b"
)
_PACKAGES = lazy(
    rf"(?:分|拆|装|发|寄|打包)(?:成|为|开|了)?(?:了)?\s*{_N}\s*{_BOXES_ZH}|{_N}\s*个(?:包裹|箱子)|"
    rf"\b(?:in|into|as|across|over) {_N} {_BOXES_EN}\b|\b{_N} {_BOXES_EN}\b"
)
_TRACKED = lazy(
    rf"(?:只|仅|就)(?:有|上传|上|传|填|录|加|给|提供|用)?了?\s*{_N}\s*{_NUMBER_ZH}|"
    rf"(?:上传|传|填|录|加|给|提供)了?\s*{_N}\s*{_NUMBER_ZH}|"
    rf"{_NUMBER_ZH}(?:只|仅|就)(?:有|上传|传|填|录|加|给|提供)?了?\s*{_N}\s*(?:个|条)|"
    rf"(?:只|仅)(?:上传|传|填|录|加)了?\s*{_N}\s*(?:个|条)(?![包箱件])|"
    rf"\b(one|a single|1) {_NUMBER_EN} (?:to )?(?:for|on|cover|covers|covering) "
    rf"(?:the |an? |all |both |my )?(?:whole |entire )?(?:order|boxes|packages|parcels)\b|"
    rf"\b(?:only|just)?\s?(?:uploaded|added|entered|put in|put|gave|provided|used|have|had|has|got)\s+"
    rf"(?:only |just )?{_N_OR_A} {_NUMBER_EN}|\b(?:only|just) {_N_OR_A} {_NUMBER_EN}|"
    rf"\b{_NUMBER_EN} (?:for|on|to) (?:only |just )?{_N} of (?:them|the)\b|"
    rf"\b(?:put|added|uploaded|entered|gave) {_NUMBER_EN} (?:on|for|to) (?:only |just )?{_N}\b|"
    rf"\b(?:only|just) {_N} (?:of them |box |package |parcel |carton )?(?:has|had|have|got|with|came with) "
    rf"(?:a |its own )?tracking|"
    rf"(?:只有|仅有)\s*{_N}\s*{_BOXES_ZH}?有(?:单号|追踪号|跟踪号|追踪)"
)
_UNTRACKED = lazy(
    rf"(?:其中|另外|剩下|其余)(?:的)?\s*{_N}\s*{_BOXES_ZH}?(?:没有?|没填|没传|没上传)(?:单号|追踪号|跟踪号|追踪)|"
    # "…分两个包裹发，一个没单号", "…2 boxes, one has no tracking": a clause of its own.
    rf"[，,；;]\s*{_N}\s*{_BOXES_ZH}?(?:没有?|没填|没传|没上传)(?:单号|追踪号|跟踪号|追踪)|"
    rf"[,;]\s*{_N} (?:has|had|with|came with|went out with) no tracking|"
    rf"\b{_N} (?:of them|{_BOXES_EN}|boxes) (?:had|have|has|went out with|with) no tracking|"
    rf"\b{_N} (?:of them|{_BOXES_EN}) (?:without|untracked|missing) tracking"
)


@dataclass(frozen=True, slots=True)
class SplitOrder:
    """One order's packages and how many of them have their own tracking number."""

    packages: int
    tracked: int | None
    """None when the message asks how the boxes count without saying which have a number."""

    @property
    def untracked(self) -> int | None:
        return None if self.tracked is None else self.packages - self.tracked


_QUOTED_NUMBER = lazy(
    r"(?:单号|追踪号|跟踪号|运单号|追踪编码|tracking (?:number|no\.?|id|#))\s*(?:是|为|:|：|is|was|=)\s*[a-z0-9-]+"
)
_COUNT_ASKED = lazy(
    r"算几个|算多少个|算几票|算几单|几个(?:货件|包裹|shipments?)|how many (?:shipments|packages)|"
    r"count(?:s|ed)? as (?:one|two|how many)|几个缺陷|how many defects"
)
"""How an order's boxes are counted, asked ("这单算几个货件？", "how many shipments is that?")."""
_ORDER_ID = lazy(r"\d{3}-\d{7}-\d{7}")
_WINDOW_SIZED = lazy(r"\d{2,}|[十百千万]")
"""A number of ten or more: a window's figure, not one order's boxes or items."""


def one_order_only(text: str) -> bool:
    """ "一单两件分开发，第二件…", "one order, 3 items in 2 boxes": the numbers told are one
    order's items and boxes, with no figure of a window's size beside them."""
    # "其中一个单号是12345", an order's ID: numbers quoted, no figure of a window.
    said = _ORDER_ID.sub(" ", _QUOTED_NUMBER.sub(" ", text))
    return bool(_ONE_ORDER.search(said)) and not _WINDOW_SIZED.search(said)


def packages_told(text: str) -> int | None:
    """How many packages the text says something was sent in ("拆了两个包裹", "into 3
    boxes"), or None when it says none."""
    return _first_count(_PACKAGES, text)


def split_order(text: str) -> SplitOrder | None:
    """The order's packages and tracked ones, when one order is told as sent in more packages
    than it has tracking numbers; None otherwise (a window's totals, or nothing untracked)."""
    if not _ONE_ORDER.search(text):
        return None
    packages = packages_told(text)
    if packages is None or packages < 2:
        return None
    tracked = _first_count(_TRACKED, text)
    if tracked is None:
        untracked = _first_count(_UNTRACKED, text)
        tracked = packages - untracked if untracked is not None else None
    if tracked is None and _COUNT_ASKED.search(text):
        # "拆了两个包裹，这单算几个货件？": how the boxes count, none said to lack a number.
        return SplitOrder(packages=packages, tracked=None)
    if tracked is None or not 0 <= tracked < packages:
        return None
    return SplitOrder(packages=packages, tracked=tracked)


def _first_count(pattern: re.Pattern[str], text: str) -> int | None:
    match = pattern.search(text)
    if match is None:
        return None
    said = next((group for group in match.groups() if group is not None), None)
    if said is None:
        return None
    return int(said) if said.isdigit() else _SMALL[said]
