"""Another field's questions (returns, FBA's fees, other platforms), refused though in our words."""

from __future__ import annotations

from bot.domain.knowledge.case import Case
from bot.domain.knowledge.compose.found import Found
from bot.domain.knowledge.compose.state import ComposerBase
from bot.domain.knowledge.patterns import lazy
from bot.domain.reference import fold_key

_VAT_ITSELF = lazy(
    r"(?:(?<![a-z])vat(?![a-z])|增值税)[^。.!?？]{0,12}(?:注册|申报|税率|税号|号码|\brates?\b|registration|"
    r"\bnumber\b|filing|\breturns?\b)|(?:注册|申报|\bregist|\bfil(?:e|ing)\b)[^。.!?？]{0,12}(?:(?<![a-z])vat(?![a-z])|增值税)"
)
"""EU VAT itself asked (registering, rates, numbers, filing): a tax matter; Buy Shipping's
help with the EU VAT rules is ours, the tax is not."""
_FEE = lazy(r"费|fee|cost|price|charge|how much|多少钱|storage|仓储|库容|仓库")


_CARRIER_PRICE = lazy(
    r"运费|邮费|资费|报价|价格|价钱|多少钱|几块钱|一公斤|每公斤|公斤多少|首重|续重|便宜|"
    r"\bprices?\b|\bpricing\b|\bpriced\b|shipping costs?|postage costs?|\bcosts? to (?:ship|send)\b|"
    r"\bhow much (?:does|do|is|would|to)\b|\bper (?:kg|kilo|lb|pound)\b|\bquotes?\b|\bcheap"
)
"""A carrier's price asked (运费, 一公斤多少钱, "price to ship", "how much does … cost")."""


_TRANSIT_DAYS = lazy(
    r"(?:要|需要|得)?(?:几天|多少天|多久|多长时间)(?:才|能|才能|可以)?(?:到|送到|送达|妥投|签收)|"
    r"(?:寄|发|运|送|到)(?:到|往|去)?[^，,。?？]{0,12}(?:要|需要|得)(?:几天|多少天|多久)|"
    r"\bhow (?:many days|long) (?:does|do|will|would)\b[^?.!]{0,40}\btake\b|"
    r"\btake to (?:arrive|deliver)"
)
"""How long a parcel is on its way ("发美国要几天", "how many days does shipping to the US
take"): the carrier's transit time, another field's question."""
_CHANGE_SHOWN = lazy(
    r"改|修|更正|更新|补|上传|生效|显示|看到|反映|体现|变|vtr|追踪率|\bedit|\bfix|\bcorrect|"
    r"\bupdat|\bchang|\bshow|\breflect|\bupload|\badd(?:ed|ing)?\b"
)
"""A change to tracking, or the rate, named: how long until it shows is VTR's own question
(domain.md 1b: an edit takes up to 72 hours to show)."""
_POSTAGE_BILLED = lazy(
    r"(?:运费|邮费|邮资|快递费|物流费|面单费?)[^，,。?？]{0,12}(?:结算?|付给|交给|开票|发票|账单|月结|扣)|"
    r"(?:跟|和|与|向)(?:亚马逊|承运商|快递|物流商?)[^，,。?？]{0,6}(?:结|付|交)|月结|"
    r"\b(?:bills?|invoices?|invoiced|billed|charges?)\b[^?.!]{0,30}\b(?:postage|shipping|labels?)\b|"
    r"\b(?:postage|shipping|labels?)\b[^?.!]{0,30}\b(?:bills?|invoices?|invoiced|billed)\b|"
    r"\b(?:bill|invoice) (?:me|us)\b"
)
"""Who bills the postage, and how (the carrier or Amazon, monthly): the seller's account
with the carrier, another field's question unless Buy Shipping is named (domain.md §2 then
says who charges what)."""
_BUY_SHIPPING = lazy(r"buy ?shipping|购?买配送|购买运费|亚马逊(?:的)?面单")


_FBA_SPEED = lazy(
    r"时效|多久|几天|多长时间|多快|快不快|\bhow (?:long|fast|quick)|\bhow many days|"
    r"\b(?:delivery|transit|shipping) (?:times?|speed)|\bdelivers? in\b"
)
"""How fast FBA delivers ("亚马逊物流的配送时效一般多久"): Amazon's own service, not VTR's."""


def fba_fees(found: Found, text: str) -> bool:
    """ "FBA的运费怎么算", "FBA配送时效多久": FBA's own fees and delivery speed are another
    field, however close the words."""
    ours = {"buyshipping", "vtr", "trackingid", "mfn", "carrier", "label"}
    fees = "fee" in found.concepts or "calculate" in found.concepts or bool(_FEE.search(text))
    fees = fees or bool(_FBA_SPEED.search(text))
    return "fba" in found.concepts and fees and not found.concepts & ours


_SCOPE = lazy(
    r"\b(?:includ(?:e|es|ed|ing)|count(?:s|ed|ing)?|part of|in(?:to)? (?:the )?(?:vtr|valid tracking))\b|"
    r"算不算|算进|算在|计入|计算在|包括|包含|算入|"
    # Whether another field's thing moves our metric ("清关慢会影响VTR吗"): ours to answer.
    r"\b(?:affects?|hurts?|lowers?|drags?|impacts?)\b[^.?!,]{0,20}\b(?:vtr|valid tracking|tracking rate)|"
    r"(?:影响|拉低|拖累|降低)[^，,。?？]{0,8}(?:vtr|追踪率|跟踪率)"
)


_RETURNS = lazy(
    r"退货|退件|\breturn (?:labels?|shipments?|packages?|parcels?|tracking|orders?|requests?|postage)\b|"
    r"\b(?:buyer|customer)s?(?:'s?)? returns?\b|\breturns? (?:label|tracking)|"
    r"\b(?:the|a|my|our|these|those) returns\b|\breturned (?:items?|packages?|parcels?|orders?|goods)\b|"
    # Its cost or label ("who pays the return shipping label"), or a buyer wanting to send
    # the item back ("buyer wants to return", "买家想退 运费谁出"): not a refund (退款).
    r"\breturn (?:shipping|postage|mail(?:ing)?|freight|costs?|fees?)\b|"
    r"\b(?:buyer|customer)s?\b[^.?!,]{0,20}\b(?:wants?|wanted|asks?|asked|asking|would like|"
    r"requests?|requested|plans?|trying) (?:to )?(?:make a |a )?return\b|"
    r"(?:买家|客户|顾客)[^，,。？?]{0,6}(?:要|想|申请|要求)退(?!款)"
)
"""A buyer's return named: a package coming back, which is no self-fulfilled shipment."""


_OUTBOUND = lazy(
    r"原来|原先|原包裹|原订单|原单|发出去|发给买家|寄给买家|寄出去|我发的|\boutbound\b|"
    r"\boriginal (?:shipment|package|parcel|order)|\b(?:i|we) (?:had )?shipped\b|"
    r"\bshipped (?:it|them|to)\b|\bto sender\b|退回发件人|退回给我|派送失败|投递失败|undeliver"
)
"""The seller's own shipment to the buyer named beside a return: that shipment is VTR's."""


def about_returns_only(text: str) -> bool:
    """ "退货标签要不要上传追踪号", "return label tracking counts for VTR?": returns are not
    self-fulfilled shipments, so their tracking is outside VTR and outside what the sources
    here say: refused, rather than answered with an entry about shipping. A question about
    the shipment to the buyer ("买家退货了，我原来发出去的包裹还算VTR吗") stays ours."""
    return bool(_RETURNS.search(text)) and not _OUTBOUND.search(text)


def asks_metric_scope(found: Found, text: str) -> bool:
    """ "does VTR include FBA shipments?": whether another programme's packages are in our
    metric is our field's question, though it names that programme."""
    return "vtr" in found.concepts and bool(_SCOPE.search(text))


class FieldCheck(ComposerBase):
    """Whether a question is another field's: another platform, a programme, FBA's fees."""

    def another_field(self, text: str, found: Found) -> bool:
        """Another platform, FBA's fees or another programme of Amazon's: not ours."""
        return (
            self._elsewhere(text) or fba_fees(found, text) or self._from_another_field(text, found)
        )

    def _carrier_prices(self, case: Case | None, text: str, found: Found) -> bool:
        """ "云途专线运费一公斤多少钱", "USPS price to ship a 1 lb parcel?": a carrier's
        postage asked, nothing else of our field named: the carrier's price list, not VTR's
        (the scan rule that names the carrier is no answer to it)."""
        if case is None or not case.carriers or found.concepts & (self._core - {"carrier"}):
            return False
        return bool(_CARRIER_PRICE.search(text))

    def _on_a_platform(self, text: str) -> bool:
        """Another selling platform named (Temu, eBay, 虾皮 …)."""
        return self._platform_pattern is not None and bool(self._platform_pattern.search(text))

    def _elsewhere(self, text: str) -> bool:
        if _VAT_ITSELF.search(text) or transit_or_billing(text):
            return True
        return self._elsewhere_pattern is not None and bool(self._elsewhere_pattern.search(text))

    def _from_another_field(self, text: str, found: Found) -> bool:
        if found.concepts & self._core:
            return False
        folded = fold_key(text)
        if any(phrase in folded for phrase in self._outside_han):
            return True
        return self._outside_words is not None and bool(self._outside_words.search(text.casefold()))


def transit_or_billing(text: str) -> bool:
    """A parcel's days on its way asked with no change to tracking named, or who bills the
    postage with Buy Shipping unnamed: the carrier's business, not VTR's, whatever belief of
    ours its words hold ("can the carrier invoice me monthly" is no calendar-month window)."""
    folded = text.casefold()
    if _TRANSIT_DAYS.search(folded) and not _CHANGE_SHOWN.search(folded):
        return True
    return bool(_POSTAGE_BILLED.search(folded)) and not _BUY_SHIPPING.search(folded)
