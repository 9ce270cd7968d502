"""A seller's question read as a case: the facts it states and what it asks about them.

Search finds the entry whose words fit; a seller's own case ("200 packages, 12 without
tracking", "a €15 letter from DE to FR") needs its facts first, so the rules can be
applied to them (decide/). Everything here reads the normalised question (folded,
Simplified, typos fixed, Chinese numerals as digits) with plain patterns; a fact the
patterns do not find stays None, and a case without the facts a rule needs is not decided.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from datetime import date

from bot.domain.knowledge.entities import Entities
from bot.domain.knowledge.figures import (
    BAR_PERCENT,
    Counts,
    Reading,
    more_invalid,
    new_invalid,
    read_figures,
    supposes_new_packages,
    without_exempt,
)
from bot.domain.knowledge.patterns import CLAUSE, lazy
from bot.domain.knowledge.schema import Lexicon
from bot.domain.knowledge.tables import Table, read_table
from bot.domain.reference import Carrier, Marketplace, vocabulary
from bot.domain.value_limits import value_exemption

__all__ = [
    "Case",
    "CaseReader",
    "Counts",
    "denies",
    "more_invalid",
    "new_invalid",
    "states_a_belief",
]

METRICS = ("vtr", "lsr", "cancelrate", "otdr", "odr")
"""The self-fulfilled metrics with their own targets (metrics.yaml), by lexicon concept."""

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

_SEGMENT = lazy(r"[；;。\n]|\.(?=\s)|(?<=\D)[，,](?=[^，,；;\d]{1,20}[:：])")
_FILLER = (
    r"(?:is|are|was|were|at|has|had|have|with|of|and|on|in|only|just|about|around|got|shows?)\b"
)
"""Words between a group's name and its figures ("toys is 190/200"): never a name."""
_NEXT_LABEL = lazy(rf"(?<=\d)\s+(?!{_FILLER})(?=[^\d\s,，:：/]+\s*[:：]?\s*\d)")
"""Between one group's figures and the next group's name ("Toys 57/60 Home 99/100")."""
_AND_NEXT = lazy(r"(?<=\d)\)?\s+(?:and|but|while|whereas|plus|vs\.?|versus)\s+(?=[^\d]{1,40}\d)")
"""Between two groups joined by a word ("toys is 190/200 and on amazon.co.uk toys …")."""
_SPACED_LABEL = lazy(rf"\s+(?!{_FILLER})(?=[^\d\s,，:：/]{{2,12}}\s+\d)")
"""Before a name written apart from its figures ("… 96单有效 欧洲站家居 100单 …")."""
_LEADING_WORDS = lazy(r"^\s*(?:但是|可是|而且|其中|但|and|but)?\s*([^\d:：]{1,40}?)\s*\d")
_LABEL = lazy(r"^\s*([^:：，,；;。]{1,40}?)\s*[:：]")
"""A group's name before its figures, a marketplace with it ("Kitchen on amazon.co.uk: …")."""
_THOUSANDS = lazy(r"(?<=\d),(?=\d{3}(?!\d))")
_RATE_RESTATED = lazy(
    r"((?:\bthat(?:'s| is|s)|\bwhich is|\bwhich makes|\bthat makes|\bso it'?s|(?<![a-z\u4e00-\u9fff])=|就是|等于|也就是|算下来(?:是)?)\s?)"
    r"(\d{1,2}(?:\.\d+)?|100)"
    r"(?![\d.%％/]|\s?(?:percent|pct|of\b|out\b|more|invalid|valid|bad|untracked|without|missing|"
    r"packages?|pkgs?|orders?|shipments?|parcels?|days?|个|单|件|票|包裹|订单|天|日|号|次|元|欧|美元|日元))"
)
"""A rate the seller works out and says without its % ("20 pkgs, 19 valid. thats 95 so ok?",
"…就是95"): a rate to check against the counts, not a second total."""
_INVALID = lazy(
    r"no (?:valid )?tracking|without (?:valid )?tracking|not (?:have )?valid|invalid|missing|"
    r"(?:don't|do not|didn't|did not|doesn't|does not|never) (?:have|had|get|got) (?:valid |any )?tracking|"
    r"untracked|no number|defect|lack|"
    r"没有?(?:上传|填写?|传|录入|提供|添加|加|给)?(?:有效)?(?:的)?(?:追踪|跟踪|单号|物流)|无(?:有效)?(?:追踪|单号)|无效|"
    r"缺|没传|没上传|没填|不合格|不算有效|没扫描|没有扫描|no scan|错|wrong|incorrect|bad|fail"
)
_PERCENT = lazy(r"(?<![\d.])(\d{1,3}(?:\.\d+)?)\s?%")
_PERCENT_OF = lazy(r"\s*(?:of|的)\s*(?:(?:my|our|the|all|these|those)\s+)?\d")
_BAR_TALK = lazy(
    r"要求|需要|门槛|标准|bar|threshold|require|minimum|target|at least|以上|必须|高于|超过|above|over 95|get to|reach"
)
_OWN_FIGURE = lazy(
    r"我|我的|我们|现在|目前|刚好|正好|只有|\bmy\b|\bi\b|\bwe\b|\bour\b|\bi'm\b|exactly|currently|\bat\b|\bis\b|got|"
    r"\bshows?\b|showing|\breads?\b|显示|页面上|后台|dashboard|"
    r"够不够|够吗|达标吗|达标没|过了吗|过线吗|合格吗|"
    # "95% vtr enough", "95% ok": a rate asked whether it passes is the seller's own.
    r"\benough\b|\bok\b|\bokay\b|\bfine\b|\bsafe\b|good enough"
)

_OWN_NEAR = lazy(
    r"我|我们|现在|目前|刚好|正好|只有|\bmy\b|\bour\b|\bi'm\b|\bwe're\b|\bi am\b|currently|exactly|\bgot\b"
)

_UNDER = lazy(r"below|under|less than|低于|跌破|不到|少于")
"""Said of the bar ("drops below 95%"), not of a rate the seller has."""

_BELIEF = lazy(
    r"对吗|对吧|对不对|对不[?？]*$|是吧|是真的吗|真的吗|没错吧|听说|据说|有人说|别人说|是不是真的|是这样吗|是这样的吗|"
    r"这样对吗|是吗[？?]|靠谱吗|可信吗|吧[？?]|吧$|吧[,，]|吧\s+(?=[\u4e00-\u9fff])|"
    r"right\?|correct\?|true\?|isn't it|is that (?:right|true|correct|so)|is it true|i heard|someone (?:said|told)|i was told|"
    r"is (?:that|this|it) (?:still )?(?:how it works|the case|the rule)|still (?:the case|true|valid|how it works)\?|"
    r",\s*(?:yes|yeah|yep|yea|yup)\?|doesn't it\?|don't they\?|aren't they\?|correct me if|i think\?|,? i (?:think|believe)[.?]?$|"
    # What the seller believes, said as theirs: 我觉得, 好像, "I think", "my understanding".
    r"我觉得|我认为|我理解的?是|我记得|我以为|好像|应该是|似乎|貌似|"
    r"\bi (?:think|believe|thought|assumed?|guess|reckon)\b|my understanding|as far as i know|\bafaik\b|"
    r"pretty sure|if i remember|"
    # Hearsay, however it is introduced: the seller passes on what someone else said.
    r"听人说|听别人|朋友说|同事说|同行说|网上说|群里说|货代说|客服说|传言|据称|"
    r"\bheard\b|someone\b[^.?!]{0,30}\b(?:said|says|told|claims?)|people (?:say|said)|they say|"
    r"(?:friend|colleague|agent|forwarder|seller(?! central)|guy)s? [^.?!]{0,20}(?:said|says|told|claims?)|"
    r"rumou?r|supposedly|apparently|allegedly|word is|read (?:somewhere|online)|"
    r"\b(?:saw|seen|found|read)(?: it| that)? (?:somewhere|online|on (?:a |the )?(?:forum|group|blog|facebook|reddit|youtube|wechat))|"
    # A verdict asked for by one word after the statement ("… times. accurate?", "，准确吗").
    r"(?:^|[.,;!。，；]\s*)(?:is (?:that|this|it) )?(?:accurate|legit|true|real|correct|right|so)\s*[?？]|"
    r"准确吗|属实吗|准不准|靠不靠谱|对么|是么|没错吧|没说错吧|真的假的|是真的吧|真是这样|"
    # "…, really?", "really? …", "is that really so": doubt about a statement is a belief tested.
    r"(?:^|[.,;!。，；]\s*)really\s*[?？,，]|\breally\s*[?？]\s*$|is (?:that|this) really\b|is it really (?:true|so|the case)|"
    r"[,，\s](?:right|correct)\W*$"
)
_HOW_MANY = lazy(
    r"多少个|几[个单件票笔包]|多少单|多少包裹|多少件|how many|要修几|还要修|还差|还需要|多少"
)
_WHEN = lazy(r"什么时候|何时|哪天|几号|when|by when|多久")
_WHAT_TO_DO = lazy(
    r"怎么办|咋办|怎么处理|怎么改|怎么修|补救|挽救|(?:怎么|如何|怎样)(?:提高|提升|恢复|拉回|拉高|解决|改善)|"
    r"what should|what do i do|what can i do|what now|now what|"
    r"how (?:do|can|should) (?:i|we) (?:fix|improve|raise|recover|solve|handle|get it)|"
    r"how to (?:fix|improve|raise|recover)|"
    # "多久能恢复", "when will it be back above 95%": getting back, the below-the-bar entry's
    r"(?:多久|多长时间|什么时候|几时|哪天)(?:才|能|会|可以)*(?:恢复|回到|回升|达标)|"
    r"(?:when|how long)[^.?!]{0,30}(?:recover|be back|get back|go back|back above)"
)
_NEGATION = lazy(
    r"不算|不计|不能算|不用|不需要|不影响|不受|没影响|豁免|免除|exempt|excluded|not count|doesn't count|don't count|"
    r"剔除|排除在|除外|\bexclud(?:e|es|ing)\b|\bleft out\b|"
    r"can't count|cannot count|never count|no need|not needed|not affected|"
    r"(?:doesn't|does not|won't|will not) (?:affect|hurt|matter)|不会影响|没有影响|"
    r"(?:doesn't|does not|won't|isn't|is not) (?:count as )?pass|(?<!算)不算达标|"
    r"(?:don't|do not) (?:affect|hurt|matter)|(?:isn't|aren't|is not|are not) (?:valid|counted|included)|"
    r"(?:isn't|aren't|is not|are not) (?:in|part of) (?:the )?(?:vtr|it)|"
    # "UK doesn't need VTR", "isn't required there": the rule said not to hold.
    r"(?:doesn't|does not|don't|do not|won't|will not) (?:need|require|apply)\b|"
    r"(?:isn't|aren't|is not|are not) (?:required|needed|checked|enforced|measured)\b|"
    # "they don't go into my VTR", "never make it into the rate": left out of it.
    r"(?:don't|doesn't|do not|does not|won't|will not|never) (?:go|get|come|feed|factor|make it)"
    r"(?: \w+)? (?:in|into|toward|towards)\b|left out of|(?:not|never) included"
)
NOT_EXEMPT = lazy(
    r"不豁免|不能豁免|不会豁免|不算豁免|没有豁免|不被豁免|(?:isn't|aren't|is not|are not|not|never|no longer) exempt"
)
"""An exemption denied ("aren't exempt", "不豁免"): it counts, though 豁免/exempt is said."""
NOT_OFFERED = lazy(
    r"用不了|不能用|没法用|不可以用|不支持|不适用|不开放|没开通|doesn't (?:support|work|serve|cover|apply)|"
    r"does not (?:support|work|serve|cover|apply)|(?:not|n't) (?:available|supported|offered|covered)|"
    r"can't (?:use|be used)|cannot (?:use|be used)"
)
"""Words saying a feature or rule does not reach a place ("用不了", "doesn't support")."""
_OWN_DATA = lazy(r"我|\bmy\b|\bour\b|\bi\b|\bwe\b|\bam i\b")
_NOT_LETTER = lazy(
    r"not (?:a |as |by )?letter|non-letter|不是(?:用)?(?:平信|信件|letter)|非信件|不是信"
)
_LETTER_ZH = lazy(r"寄(?:的)?信(?![息用号箱])|(?:一|这|那)封信|的信(?![息用号箱誉任心托赖念])")
"""A letter said in plain Chinese ("西班牙站用Correos寄的信", "寄到意大利的信 15欧", "19.99欧元的
信寄到法国"), not 信息, 信用卡, 信号, 信誉."""
_PARCEL = lazy(r"\bparcels?\b|包裹也|普通包裹|小包|挂号|快递包裹|parcel service")
_CHINA = lazy(r"中国|国内|直发|from china|china")
_FROM = lazy(r"(?:(?:从|由|自)(?:我的|我们的|我们|我)?|from(?: (?:my|our|a|an|the))?(?: own)?)\s*$")
_OTHER_COUNTRY = lazy(
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


_RAW_WORD = lazy(r"[A-Za-z][A-Za-z&'-]*")


@dataclass(frozen=True, slots=True)
class Case:
    """The facts a question states and the form of what it asks."""

    text: str
    raw: str = ""
    """The question as typed, for the names a seller writes ("Home & Kitchen")."""
    metrics: tuple[str, ...] = ()
    markets: tuple[Marketplace, ...] = ()
    origin: str | None = None
    """Code of the marketplace shipped from, or "CN"."""
    destination: Marketplace | None = None
    domestic: bool = False
    abroad: bool = False
    """Another European country named (Austria, Portugal …): the route crosses a border."""
    carriers: tuple[Carrier, ...] = ()
    number_carrier: str | None = None
    """The carrier the question's tracking number belongs to by its shape (entities.py)."""
    amount: float | None = None
    currency: str | None = None
    bound: str | None = None
    """ "1000日元以下", "under EUR 20": the amount is a rule's limit ("under"/"over"), not an order's."""
    letter: bool = False
    parcel: bool = False
    """A parcel service named ("普通包裹", "as a parcel"): not a letter."""
    buy_shipping: bool = False
    counts: Counts | None = None
    """The counts a verdict is given on (a hypothetical's, when one is supposed)."""
    reading: Reading | None = None
    """Every package figure by its role (figures/), the window now and as supposed."""
    one_figure: bool = False
    """One package figure given ("I shipped 200, am I ok?"): too few to decide the bar."""
    total: int | None = None
    """The packages shipped, when the question gives that figure."""
    rate_groups: tuple[tuple[str, float], ...] = ()
    """Several labelled groups' rates ("Home 95.2%, Toys 94.1%"), as written."""
    groups: tuple[tuple[str, Counts], ...] = ()
    """Several groups' figures in one question ("电子：100个，有效96；家居：50个，有效47"),
    each with the label written before it."""
    rate: float | None = None
    """A rate the seller states as theirs (percent), not the bar."""
    stated_windows: tuple[tuple[str, int], ...] = ()
    """Windows in days said of metrics, each given to the metric named before it ("VTR is a
    7-day metric" → ("vtr", 7)), or to every metric named when they are said to be alike
    ("VTR和迟发率一样都是看10天")."""
    metrics_at: tuple[tuple[int, str], ...] = ()
    """Where each metric is named in `text` (every time), for what a "not" denies."""
    metric_rates: tuple[tuple[str, float], ...] = ()
    """Each metric named with its own rate after it ("PFCR 2.4% and ODR 1.1%"), in order."""
    concepts: frozenset[str] = field(default_factory=frozenset)
    belief: bool = False
    negated: bool = False
    how_many: bool = False
    when: bool = False
    what_to_do: bool = False
    own: bool = False
    age_days: int | None = None
    """How long ago the package in question was shipped ("10天前发的", "shipped 3 months
    ago"), in days; None when the question gives no age."""
    verb: str | None = None
    """The verb a Chinese yes/no question asks with (算不算 → 算, 可以…吗 → 可以): the
    answer's first word, as a Chinese speaker answers yes or no."""

    @property
    def metric(self) -> str | None:
        return self.metrics[0] if self.metrics else None

    def as_written(self, folded: str) -> str:
        """A piece of the normalised text as the seller wrote it (case kept), if found."""
        at = self.raw.casefold().find(folded)
        if at >= 0 and folded:
            return self.raw[at : at + len(folded)]
        # A word the typo repair changed ("Shoes" read as "shows"): the seller's own spelling,
        # word by word in a longer name ("my shows category" → "my shoes category").
        words = {w.casefold(): w for w in _RAW_WORD.findall(self.raw)}
        if " " in folded:
            return " ".join(self.as_written(part) for part in folded.split())
        close = difflib.get_close_matches(folded, list(words), n=1, cutoff=0.75)
        return words[close[0]] if close else folded


class CaseReader:
    """Reads cases with the lexicon's concept spellings (one list for search and cases)."""

    def __init__(self, lexicon: Lexicon) -> None:
        spellings: dict[str, str] = {}
        for concept, phrases in {**lexicon.general, **lexicon.synonyms}.items():
            for phrase in [concept, *phrases]:
                spellings.setdefault(phrase.casefold(), concept)
        self._concept_of = spellings
        # Spellings by their first character, longest first: a scan of the question tries
        # only the few that can start at each place (a regex alternation of ~900 is slow).
        by_start: dict[str, list[str]] = {}
        for phrase in sorted(spellings, key=len, reverse=True):
            by_start.setdefault(phrase[:2], []).append(phrase)
        self._by_start = by_start

    def concepts(self, text: str) -> list[tuple[int, str]]:
        """(position, concept) of the concept spellings in the text, longest first at each
        place, not overlapping; Latin ones only as whole words ("eu" is not in "euro")."""
        found: list[tuple[int, str]] = []
        at = 0
        while at < len(text):
            if at and _word_char(text[at]) and _word_char(text[at - 1]):
                at += 1  # inside a Latin word: no spelling starts here
                continue
            candidates = [
                *self._by_start.get(text[at : at + 2], ()),
                *self._by_start.get(text[at], ()),
            ]
            phrase = next((p for p in candidates if _at(text, at, p)), None)
            if phrase is None:
                at += 1
                continue
            found.append((at, self._concept_of[phrase]))
            at += len(phrase)
        return found

    def read(self, text: str, entities: Entities, raw: str = "") -> Case:
        """The case a normalised question states; `entities` as the finder found them."""
        text = _THOUSANDS.sub("", text)
        if not _PERCENT.search(text):  # "94.98% 四舍五入就是95": the rate is the one with its %
            text = _RATE_RESTATED.sub(r"\1\2%", text)
        named = self.concepts(text)
        concepts = frozenset(c for _, c in named)
        metrics = tuple(dict.fromkeys(c for _, c in named if c in METRICS))
        amount, currency = _amount(text)
        origin, destination = route(text, entities.markets_at)
        rate = _rate(text, len(metrics))
        table = read_table(text)
        letter = "letter" in concepts or _letter_service(text) or bool(_LETTER_ZH.search(text))
        letter = letter and not _NOT_LETTER.search(text)
        order = (entities.marketplaces, amount, currency, letter)
        vtr_rate = _one_rate(text) and metrics[:1] in ((), ("vtr",))  # not LSR's 3%
        reading = _reading(text, rate if vtr_rate else None, table, order)
        return Case(
            text=text,
            raw=raw,
            metrics=metrics,
            markets=entities.marketplaces,
            origin=origin,
            destination=destination,
            domestic=_domestic(text, origin, entities.markets_at),
            abroad=bool(_OTHER_COUNTRY.search(text)),
            carriers=entities.carriers,
            number_carrier=entities.number_carrier.name if entities.number_carrier else None,
            amount=amount,
            currency=currency,
            bound=_bound(text, amount),
            letter=letter,
            parcel=bool(_PARCEL.search(text)),
            buy_shipping="buyshipping" in concepts,
            counts=reading.counts,
            reading=reading,
            one_figure=len(reading.roles) == 1,
            total=reading.roles.get("total"),
            groups=table.groups if len(table.groups) > 1 else _groups(text, amount),
            rate_groups=_rate_groups(text),
            rate=rate,
            metrics_at=tuple((at, c) for at, c in named if c in METRICS),
            metric_rates=_metric_rates(text, [(at, c) for at, c in named if c in METRICS]),
            stated_windows=_stated_windows(text, [(at, c) for at, c in named if c in METRICS]),
            concepts=concepts,
            belief=bool(_BELIEF.search(text)),
            negated=bool(_NEGATION.search(_A_NOT_A.sub("", text))),
            how_many=bool(_HOW_MANY.search(text)),
            when=bool(_WHEN.search(text)),
            what_to_do=bool(_WHAT_TO_DO.search(text)),
            own=bool(_OWN_DATA.search(text)),
            verb=_verb(text),
            age_days=shipment_age(text),
        )


_AGE_NUMBER = (
    r"(?<![a-z一二两三四五六七八九十百])(\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|"
    r"nine|ten|eleven|twelve|一|两|二|三|四|五|六|七|八|九|十|半)"
)
_AGE = lazy(
    _AGE_NUMBER
    + r"\s?(?:个)?\s?(多|and a half|or so)?\s?(?:个)?\s?(天|日|days?|周|星期|礼拜|weeks?|月|months?)\s?(?:前|之前|以前|ago|earlier)"
)
_SHIPPED_NEAR = lazy(
    r"发|寄|出|ship|sent|mail|dispatch|post|parcel|package|包裹|\borders?\b|订单|[一那这的]单(?!号)"
)
_AGE_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
              "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
              "一": 1, "两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
              "九": 9, "十": 10}  # fmt: skip
_UNIT_DAYS = {"天": 1, "日": 1, "d": 1, "周": 7, "星": 7, "礼": 7, "w": 7, "月": 30, "m": 30}


def shipment_age(text: str) -> int | None:
    """Days since the package was shipped, when the question says so next to a shipping
    verb ("10天前发的", "shipped about 3 months ago", "两周前寄出"; 半个月 is 15 days), or
    names the day it shipped and today ("shipped on October 20 … today is November 25")."""
    dated = _age_between_dates(text)
    if dated is not None:
        return dated
    for match in _AGE.finditer(text):
        near = text[max(0, match.start() - 40) : match.end() + 10]
        if not _SHIPPED_NEAR.search(near):
            continue
        number, more, unit = match.groups()
        count = 0.5 if number == "半" else _AGE_WORDS.get(number) or int(number)
        count += 0.5 if more else 0  # "一个多月前": over a month, about a month and a half
        return round(count * _UNIT_DAYS[unit[0]])
    return None


_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_DAY_EN = lazy(
    r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b|"
    r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b"
)
_DAY_ZH = lazy(r"(?<!\d)(\d{1,2})月(\d{1,2})[日号]")
_TODAY_BEFORE = lazy(r"(?:today|今天|今日|现在|now)(?:\s+is|是)?[\s,，:：]*$")


def _age_between_dates(text: str) -> int | None:
    """Days from the ship day to the day called today, both named ("10月15号发的…今天11月20
    号"); a today earlier in the year than the ship day is in the next year."""
    days = [(m.start(), *_month_day(m)) for m in _DAY_EN.finditer(text)]
    days += [(m.start(), int(m.group(1)), int(m.group(2))) for m in _DAY_ZH.finditer(text)]
    today = [d for d in days if _TODAY_BEFORE.search(text[max(0, d[0] - 12) : d[0]])]
    others = [d for d in days if d not in today]
    if len(today) != 1 or len(others) != 1:
        return None
    (_, month, day), (_, now_month, now_day) = others[0], today[0]
    try:
        shipped, now = date(2001, month, day), date(2001, now_month, now_day)
    except ValueError:
        return None
    if now < shipped:
        now = now.replace(year=2002)
    return (now - shipped).days


def _month_day(match: re.Match[str]) -> tuple[int, int]:
    if match.group(1):
        return _MONTHS.index(match.group(1)) + 1, int(match.group(2))
    return _MONTHS.index(match.group(4)) + 1, int(match.group(3))


def denies(text: str) -> bool:
    """ "…用不了", "doesn't support …", "不算吧": the question says something does not hold,
    so a registry's plain "yes, it does" cannot be its first word. The UK's being outside
    the EU is a premise ("英国又不在欧盟里"), no denial of a rule."""
    said = _OUTSIDE_THE_EU.sub(" ", _A_NOT_A.sub("", text))
    return bool(_NEGATION.search(said) or NOT_OFFERED.search(said))


_OUTSIDE_THE_EU = lazy(
    r"(?:又|也|并|已经|早就)?(?:不是|不属于|不在|没在|非)(?:欧盟|欧洲联盟)(?:里|里面|内|的|国家|成员国?)*|"
    r"脱欧(?:了)?|brexit|(?:is ?n[o']t|is not|not|no longer)(?: in| part of| a member of)? (?:the )?eu\b|"
    r"left the eu|outside (?:of )?the eu|non-eu"
)


def states_a_belief(text: str) -> bool:
    """ "…对吧", "right?", "I heard …": the question tests a belief (normalised text)."""
    return bool(_BELIEF.search(text))


_A_NOT_A = lazy(r"(可以|需要|[\u4e00-\u9fff])不\1|(有|算|用|传|填|扫|到|过|改)没\2")
# The 是 of "我是FBA卖家…" describes the seller; the verb asked is a later one ("…需要关心VTR吗").
_VERB_ASKED = lazy(
    r"(?<![不没只么何])(来得及|可以|需要|计入|有效(?=吗|么|不)|能|会|算|(?<![但可就还要我们咱果])是|有(?!效)|要(?!求)|够|行)"
    r"(?=[^,，。?？\d]{0,14}(?:吗|(?<![还都也并])没[?？!！~～\s]*$))"
)


_TWO_CHARACTER_VERBS = frozenset({"合格", "达标", "及格", "有效", "符合", "需要"})
"""Words asked as A不AB ("合不合格", "需不需要"): the answer echoes the whole word, not its first
half."""


def _verb(text: str) -> str | None:
    """算不算 → 算; 可以选Other吗 → 可以; the first verb that is not negated ("单号不是CN结尾
    可以吗" → 可以, not the 是 of 不是); None when the question is not built that way."""
    match = _A_NOT_A.search(text)
    if match:
        verb = match.group(1) or match.group(2)
        word = verb + text[match.end() : match.end() + 1]
        return word if word in _TWO_CHARACTER_VERBS else verb  # 合不合格 → 合格
    # "再修3个能到95%以上吗": the bar's figure between the verb and 吗 is no figure of the case.
    said = _BAR_FIGURE.sub("", text)
    verb = _VERB_ASKED.search(said) or _VERB_NOT_AT_END.search(said)
    return verb.group(1) if verb else None


_VERB_NOT_AT_END = lazy(r"(可以|需要|能|行|算|会|要|有)不[?？!！~～\s]*$")
"""A question closed by 不 ("手填SF Express，可以不"): its verb, answered 可以 / 不可以."""
_BAR_FIGURE = lazy(r"(?<![\d.])95(?:\.0+)?\s?%")


def _word_char(char: str) -> bool:
    return char.isascii() and char.isalnum()


def _at(text: str, at: int, phrase: str) -> bool:
    """The spelling stands at `at`, Latin edges on word boundaries."""
    if not text.startswith(phrase, at):
        return False
    end = at + len(phrase)
    if _word_char(phrase[0]) and at and _word_char(text[at - 1]):
        return False
    if "." in phrase and _DOMAIN_GOES_ON.match(text, end):
        return False  # "amazon.com" is not "amazon.com.br": a domain named in full is one name
    return not (_word_char(phrase[-1]) and end < len(text) and _word_char(text[end]))


_DOMAIN_GOES_ON = lazy(r"\.[a-z]")


def _letter_service(text: str) -> bool:
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


def _amount(text: str) -> tuple[float | None, str | None]:
    """The order's amount: an item's price and its shipping charge named apart ("€16 plus €6
    shipping", "商品18欧，运费4欧") are summed, since the EUR 20 limit includes shipping."""
    match, code = _amount_match(text)
    if not match:
        return None, None
    amount = float(match.group(1))
    if code and _SHIPPING_CHARGE.search(text) and not _SHIPPING_INCLUDED.search(text):
        parts = _order_amounts(text, code)
        amount = sum(parts) if len(parts) >= 2 else amount
    return amount, code


def _order_amounts(text: str, code: str) -> list[float]:
    """Every amount in the currency, in order, that is not a rule's limit ("under €20")."""
    found: dict[int, re.Match[str]] = {}
    for currency, pattern in _AMOUNT_AFTER + _AMOUNT_BEFORE:
        if currency == code:
            for match in pattern.finditer(text):
                found.setdefault(match.start(1), match)
    return [
        float(m.group(1))
        for at, m in sorted(found.items())
        if _bound_at(text, at, m.end(1)) is None and not _LIMIT_AFTER.search(text[m.end(1) :])
    ]


def _amount_match(text: str) -> tuple[re.Match[str] | None, str | None]:
    """The order's amount as written, and its currency."""
    for code, pattern in _AMOUNT_AFTER + _AMOUNT_BEFORE:
        match = pattern.search(text)
        if match:
            return match, code
    # "¥" is yen or yuan: yen when the question is about Japan ("amazon.co.jp order for ¥800").
    yen = _YEN_SIGN.search(text)
    if yen and _JAPAN.search(text):
        return yen, "JPY"
    return None, None


_UNIT = r"(?:[a-z€$£¥]+|日元|日圆|欧元|美元|美金|英镑|円|元|欧|刀)?"
_UNDER_AFTER = lazy(rf"^\s*{_UNIT}\s*(?:以下|以内|之下|below|or less)")
_LIMIT_AFTER = lazy(
    rf"^\s*{_UNIT}\s*(?:letter\s+)?(?:(?:exemption|limit|line|threshold|cap|rule)\b|"
    r"门槛|限额|豁免|那条线|的线)"
)
"""A limit named by what it is ("the 20 euro exemption", "€20 line"): not an order's price."""
_UNDER_BEFORE = lazy(
    r"(?:under|below|less than|\bsub-?|低于|不到|少于|小于)\s*(?:the\s+)?(?:[a-z€$£¥]+)?\s*$"
)
_OVER_AFTER = lazy(rf"^\s*{_UNIT}\s*(?:以上|or more)")
_OVER_BEFORE = lazy(r"(?:over|above|more than|超过|高于|大于)\s*(?:[a-z€$£¥]+)?\s*$")


def _bound(text: str, amount: float | None) -> str | None:
    if amount is None:
        return None
    number = f"{amount:g}"
    at = text.find(number)
    return None if at < 0 else _bound_at(text, at, at + len(number))


def _bound_at(text: str, start: int, end: int) -> str | None:
    """ "under"/"over" when the number at text[start:end] is written as a limit."""
    before, after = text[max(0, start - 12) : start], text[end : end + 12]
    if _UNDER_AFTER.search(after) or _UNDER_BEFORE.search(before):
        return "under"
    if _OVER_AFTER.search(after) or _OVER_BEFORE.search(before):
        return "over"
    return None


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
    if origin is None and _CHINA.search(text):
        origin = "CN"
    return origin, destination


def _domestic(
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


_THAT_ORDER = lazy(
    r"\bthe (?:other|remaining|last|rest|\d+(?:st|nd|rd|th))\b|\bthat (?:one|order|package|parcel)\b|"
    r"\bthe (?:one|order|package|parcel)s? (?:without|with no|that|which)|\bthose\b|\bthem\b|\bboth\b|"
    r"\bthey (?:were|are|all)\b|"
    r"剩下|另外|其余|其他|没有?(?:上传)?(?:追踪|单号)的|无效的|那单|那个|那一单|那几单|那些|这单|这个|这几单"
)
"""A clause said of the packages already told ("the other one was a €12 letter")."""
_STATED_COUNT = lazy(
    r"(?<![\d.€$£¥￥])(\d{1,4})\s*(?:单|个|件|封|orders?\b|packages?\b|parcels?\b|letters?\b|"
    r"of (?:them|those|these)\b)"
)
"""A count of packages in a clause, not an amount ("the other 3 orders", not "a €10 order")."""
_ALL_OF_THEM = lazy(r"\bboth\b|\ball\b|\bthose\b|\bthem\b|\bthey\b|都|全|那些|这些|几单")


def _exempt_remainder(
    reading: Reading,
    text: str,
    order: tuple[tuple[Marketplace, ...], float | None, str | None, bool],
) -> Reading:
    """Invalid packages the seller says are an exempt order ("the 12th was a €12 Brief",
    "没追踪那单只有800日元"): out of the total, by the rule orders are judged by
    (value_exemption), when the amount's clause speaks of those packages. `order` is the
    question's marketplace, amount, currency and whether a letter service is named."""
    now = reading.now
    markets, amount, currency, letter = order
    market = markets[0] if len(markets) == 1 else None
    if now is None or reading.then is not None or market is None or amount is None:
        return reading
    if {"exempt", "left_out"} & set(reading.roles) or currency is None:
        return reading
    if value_exemption(market.code, currency, amount, letter) is None:
        return reading
    match, _ = _amount_match(text)
    clause = _clause_at(text, match.start() if match else 0)
    if not _THAT_ORDER.search(clause) and not _INVALID.search(clause):
        return reading
    invalid = now.shipments - now.valid
    stated = [int(n) for n in _STATED_COUNT.findall(clause)]
    count = stated[0] if stated else (invalid if _ALL_OF_THEM.search(clause) else 1)
    return without_exempt(reading, count)


def _clause_at(text: str, at: int) -> str:
    """The clause (between commas or sentence ends) holding position `at`."""
    starts = [m.end() for m in CLAUSE.finditer(text) if m.end() <= at]
    ends = [m.start() for m in CLAUSE.finditer(text) if m.start() >= at]
    return text[max(starts, default=0) : min(ends, default=len(text))]


def _reading(
    text: str,
    rate: float | None,
    table: Table,
    order: tuple[tuple[Marketplace, ...], float | None, str | None, bool],
) -> Reading:
    """The message's package figures: told in words (checked against the one rate stated)
    or as a pasted table's one row, less an untracked order the seller says is exempt."""
    reading = _tabled(table) or _checked(read_figures(text, rate=rate), rate, text)
    return _exempt_remainder(reading, text, order)


def _tabled(table: Table) -> Reading | None:
    """A pasted table's one row as the message's figures, or the row it cannot read as an
    unclear part of a whole; None when the table has several rows (each a group) or none."""
    if table.unclear is not None:
        _, part, whole = table.unclear
        return Reading({"total": whole, "unsure": part}, unclear=True)
    if len(table.groups) != 1:
        return None
    counts = table.groups[0][1]
    return Reading({"total": counts.shipments, "valid": counts.valid}, now=counts)


def _not_counts(amount: float | None) -> frozenset[float]:
    """Figures that are no package counts: an order's amount ("a 15 EUR letter")."""
    return frozenset() if amount is None else frozenset({amount})


def _groups(text: str, amount: float | None) -> tuple[tuple[str, Counts], ...]:
    """Figures per labelled group, when a question gives two or more groups: split at
    sentences and labels first ("Kitchen: 73 shipments, 70 valid. Beauty: …"), else at
    every comma ("整体100单97单有效，家居40单只有37单有效，玩具60单全部有效")."""
    best: list[tuple[str, Counts]] = []
    text = _pairs_as_declared(text)
    for splitter in (_SEGMENT, CLAUSE, _AND_NEXT, _NEXT_LABEL, _SPACED_LABEL):
        found: list[tuple[str, Counts]] = []
        for segment in splitter.split(text):
            reading = (
                read_figures(segment, _not_counts(amount), _rate(segment)) if segment else None
            )
            counts = reading.now if reading else None
            # "…, if we send 250 more, all tracked": new packages supposed, no group of its own
            supposed = reading is not None and (
                "new_valid" in reading.roles or supposes_new_packages(segment)
            )
            if counts is not None and not supposed:
                found.append((_group_label(segment), counts))
        # The finest split that still reads a group from each piece: sentences can hold
        # several groups apart by commas ("Toys 12 shipments 11 valid, Garden 43 …").
        if len(found) > max(len(best), 1):
            best = found
    return tuple(best)


_TOTAL_THEN_VALID = lazy(
    r"\d+\s*(?:shipped|shipments?|packages?|parcels?|orders?|sent|个包裹|个|单|发了?)\s*/\s*"
    r"(?:有效\s*)?\d+\s*[个单件]?\s*(?:valid|tracked|有效)"
)
_BARE_PAIR = lazy(r"(?<![\d./])(\d+)\s*/\s*(\d+)(?!\d|\.\d|\s*[/%])")


def _pairs_as_declared(text: str) -> str:
    """ "Toys 120 shipped / 117 valid, Garden 40 / 38": the first group names its figures
    total first, so a bare pair after it is total / valid too, written valid/total as the
    reader takes a bare pair ("38/40"); only a pair whose first figure is the larger."""
    declared = _TOTAL_THEN_VALID.search(text)
    if declared is None:
        return text
    head, tail = text[: declared.end()], text[declared.end() :]

    def swapped(pair: re.Match[str]) -> str:
        total, valid = int(pair.group(1)), int(pair.group(2))
        return f"{valid}/{total}" if total > valid else pair.group()

    return head + _BARE_PAIR.sub(swapped, tail)


def _rate_groups(text: str) -> tuple[tuple[str, float], ...]:
    """Rates per labelled group, when a question gives two or more ("玩具94%，家居96%"): a
    clause with one percentage and a name before it is a group."""
    for splitter in (_SEGMENT, CLAUSE, _CONTRAST, _RATE_SPACED):
        found: list[tuple[str, float]] = []
        for segment in splitter.split(text):
            rates = _PERCENT.findall(segment)
            label = _LABEL_HEAD.sub("", _LABEL_TAIL.sub("", _group_label(segment)))
            if _RULE_OR_JOIN.search(label):
                label = ""  # "VTR must be above 95%, so 95% is enough": the bar, no group
            if len(rates) == 1 and label and float(rates[0]) <= 100:
                found.append((label, float(rates[0])))
        if len(found) >= 2:
            return tuple(found)
    return _bare_rate_groups(text) or _shared_rate_groups(text)


_RULE_OR_JOIN = lazy(
    r"\b(?:must|ha(?:s|ve) to|needs? to|should|required|requirement|target|threshold|bar|rule)\b|"
    r"必须|要求|需要|应该|标准|门槛|考核线|规定|"
    # A rate to get back to ("多久能回到95%", "how long to get back above 95%"): a goal.
    r"回到|恢复到|回升到|拉回|拉到|升到|达到|\bback (?:to|above|over)\b|\breach\b|\bget to\b|"
    r"^(?:so|then|thus|hence|and|but|also|which means|所以|那|那么|因此|也就是说?)$"
)
"""Words before a rate that state a rule ("VTR must be above"), a goal ("回到95%"), or only join
it to what came before ("so"): the bar, or a rate of no group."""


_BOTH_AT = lazy(
    r"(?:^|[,，;；.。]\s*)([^\d,，;；.。]{1,24}?)\s*(?:\band\b|和|跟|与|&)\s*([^\d,，;；.。]{1,24}?)\s*"
    r"(?:\bboth\b|都|均)\s*(?:at|are|is|were|是|为|在|have)?\s*(\d{1,3}(?:\.\d+)?)\s?%"
)
"""Two groups told one rate ("UK and DE both at 95.0%", "玩具和家居都是94%")."""


def _shared_rate_groups(text: str) -> tuple[tuple[str, float], ...]:
    """Each of two groups with the one rate said of both."""
    found = _BOTH_AT.search(text)
    if found is None or float(found.group(3)) > 100:
        return ()
    rate = float(found.group(3))
    return ((_bare_label(found.group(1)), rate), (_bare_label(found.group(2)), rate))


_CATEGORY_WORD = lazy(r"类目|品类|分类|categor")
_BARE_GROUP = lazy(
    r"([^\d\s,，:：;；%.]{1,12})\s*[:：]?\s*((?:[5-9]\d|100)(?:\.\d+)?)"
    r"(?![\d%]|\s*(?:单|个|件|票|笔|包裹|天|日|orders?|packages?|shipments?|parcels?|days?|valid|"
    r"invalid|有效|无效|of\b|/))"
)


def _bare_rate_groups(text: str) -> tuple[tuple[str, float], ...]:
    """ "三个类目 玩具九十六 家居九十四": categories' rates written without a % sign, read as
    rates only where categories are spoken of, no % is written at all and every figure is a
    plausible rate (50–100) with no count or day word after it."""
    if "%" in text or not _CATEGORY_WORD.search(text):
        return ()
    found = [(m.group(1).strip(), float(m.group(2))) for m in _BARE_GROUP.finditer(text)]
    labels = [label for label, _ in found if not _CATEGORY_WORD.search(label)]
    numbers = _INTEGER_LIKE.findall(_GROUPS_COUNTED.sub(" ", text))
    if len(found) < 2 or len(labels) != len(found) or len(numbers) != len(found):
        return ()
    return tuple(found)


_GROUPS_COUNTED = lazy(
    r"\d+\s*(?:个)?(?:categor(?:y|ies)|marketplaces?|sites?|类目|品类|分类|站点?)"
)
"""How many groups the seller has ("I got 3 categories"): no rate."""
_INTEGER_LIKE = lazy(r"(?<![\d.])\d+(?:\.\d+)?")


_CONTRAST = lazy(r"[；;。\n，,]|\.(?=\s)|\s(?:but|while|whereas|however|and)\s|但是?|不过|而")
"""Clauses set against each other without a comma ("overall 97% but shoes 93%")."""
_RATE_SPACED = lazy(r"(?<=%)\s*(?=[^\d\s,，:：%]{1,12}\s*[:：]?\s*\d)")
"""Between one group's rate and the next group's name ("玩具95.5% 家居94.9%")."""
_LABEL_HEAD = lazy(r"^(?:my|our|the|我的|我们的?)\s*")
_LABEL_TAIL = lazy(r"(?:只有|才|是|为|有|的|vtr|at|is|was|\s)+$")


_FIGURE_WORDS = lazy(
    r"(?:有效|无效|总共|一共|共|总数|总量|合计|发了|发货|valid|invalid|total|shipped|sent|orders?|packages?)"
    r"[^\w]*(?:的|是|为|有|:|：)?"
)


def _group_label(segment: str) -> str:
    """The group's name before its figures, without the words that join it to them ("A
    with 100 packages" → "A", "on amazon.co.uk toys is 98/100" → "amazon.co.uk toys")."""
    label = _LABEL.match(segment)
    if label:  # "我有三个类目：A类100个…": a name after the colon is the group's own
        after = _LEADING_WORDS.match(segment[label.end() :])
        own = after.group(1).strip() if after else ""
        if _FIGURE_WORDS.fullmatch(own):
            own = ""  # "家居：有效 190": the words after the colon name the figure, not a group
        return _bare_label(own or label.group(1))
    label = _LEADING_WORDS.match(segment)
    return _bare_label(label.group(1)) if label else ""


_JOINING_HEAD = lazy(r"^(?:(?:on|in|for|and|but|my|our|the|then|also|而|还有|另外)\s+|[(（])+")
_JOINING_END = lazy(rf"(?:\s+{_FILLER}|\s*[(（]|\s*[-—–]|\s*(?:发了|发货|一共|总共|共))+$")


def _bare_label(label: str) -> str:
    label = label.strip().lstrip("、,，;；/|-—–·*•").rstrip("=:：")
    return _JOINING_END.sub("", _JOINING_HEAD.sub("", label.strip())).strip()


_OTHER_DEFECT = lazy(r"订单缺陷|order defect|\bodr\b|迟发|late|取消|cancel")


def _invalid_share(text: str, match: re.Match[str]) -> bool:
    """The percentage is of the packages without valid tracking ("5% of my packages have no
    tracking", "无效率2%"), not the VTR; another metric's defects are not."""
    # The words of this figure only: up to the clause's end or the next figure.
    after = re.split(r"\d", CLAUSE.split(text[match.end() : match.end() + 44])[0])[0]
    before = re.split(r"\d", CLAUSE.split(text[max(0, match.start() - 24) : match.start()])[-1])[-1]
    near = f"{before} {after}"
    if float(match.group(1)) >= 50 and not _INVALID.search(after):
        return False  # "10单没追踪刚好95%": a rate told after the invalid count is the VTR
    return bool(_INVALID.search(near)) and not _OTHER_DEFECT.search(near)


_BAR_AFTER = lazy(r"^\s*(?:以上|以下|之上|or (?:more|above|higher))")
_BAR_BEFORE = lazy(
    r"(?:above|over|below|under|beat|clear|higher than|greater than|more than|高于|低于|超过|大于|过|达到|回到|"
    r"保持在|维持在|掉到|跌到|跌破|get to|reach|stay|"
    r"(?<![a-z])含|包含|包括|including|incl\.?)\s*$"
)


def _the_bar(text: str, match: re.Match[str]) -> bool:
    """95% said as the line to stay above or fall below, not as a rate measured."""
    if float(match.group(1)) != 95 or "." in match.group(1):
        return False
    before = text[max(0, match.start() - 12) : match.start()]
    return bool(_BAR_AFTER.match(text, match.end()) or _BAR_BEFORE.search(before))


_RATE_AFTER_METRIC = lazy(r"[^\d%,，;；。?？]{0,14}?(\d{1,3}(?:\.\d+)?)\s?%")


def _metric_rates(text: str, named: list[tuple[int, str]]) -> tuple[tuple[str, float], ...]:
    """ "OTDR 91%, VTR 96%, LSR 4.5%", "迟发率5%，取消率2%": each metric with the percentage
    written right after its name (before the next metric's), when at least two are."""
    pairs: list[tuple[str, float]] = []
    for i, (at, metric) in enumerate(named):
        end = named[i + 1][0] if i + 1 < len(named) else len(text)
        found = _RATE_AFTER_METRIC.match(text, _metric_end(text, at), end)
        if found and metric not in dict(pairs):
            pairs.append((metric, float(found.group(1))))
    return tuple(pairs) if len(pairs) >= 2 else ()


_WINDOW_DAYS = lazy(r"(?<![\d.])(\d{1,3})\s?-?\s?(?:天|日|days?)(?!\s?(?:前|之前|以前|ago))")


_ALIKE = lazy(r"一样|都是|都按|都看|相同|\bboth\b|just like|\blike\b|same as|as well|\btoo\b")


def _stated_windows(text: str, named: list[tuple[int, str]]) -> tuple[tuple[str, int], ...]:
    """The days a question says metrics are measured over: each figure given to the metric
    named last before it (its subject), or to the first one named; said to be alike, every
    metric named gets it."""
    pairs: list[tuple[str, int]] = []
    for days in _WINDOW_DAYS.finditer(text):
        if not named:
            break
        before = [metric for at, metric in named if at < days.start()]
        if _ALIKE.search(text) and len({m for _, m in named}) > 1:
            pairs += [(metric, int(days.group(1))) for metric in dict.fromkeys(m for _, m in named)]
        else:
            pairs.append((before[-1] if before else named[0][1], int(days.group(1))))
    return tuple(dict.fromkeys(pairs))


def _metric_end(text: str, at: int) -> int:
    """Where the metric's name that starts at `at` ends (its letters or Han characters)."""
    end = at
    while end < len(text) and (text[end].isalpha() or "\u4e00" <= text[end] <= "\u9fff"):
        end += 1
    # A name spelled out ("late shipment rate", "valid tracking rate"): its further words.
    while (more := _NAME_WORD.match(text, end)) is not None:
        end = more.end()
    return end


_NAME_WORD = lazy(
    r"[\s-](?:shipments?|rate|tracking|defect|delivery|time|cancel(?:lation)?|fulfil{1,2}ment|order)(?![a-z])"
)
"""The further words of a metric's name spelled out."""


_WHOLE_SHOP = lazy(
    r"整体|店铺|全店|整店|整个店|整个账号|总体|overall|\bshop\b|\bstore\b|account|whole"
)


def _checked(reading: Reading, rate: float | None, text: str) -> Reading:
    """Counts told in words against the one rate the seller states for them ("12 went
    untracked out of 400 … now at 94%": 388/400 is 97%): when they disagree, neither is
    worked out."""
    now = reading.now
    told = {"valid", "invalid"} & set(reading.roles)
    if now is None or rate is None or not told or reading.then is not None:
        return reading
    if _WHOLE_SHOP.search(text) or rate == BAR_PERCENT:
        return reading  # "shop overall 97%, Toys 37 of 40": the rate is another group's
    decimals = len(f"{rate:g}".split(".")[1]) if "." in f"{rate:g}" else 0
    if abs(now.valid * 100 / now.shipments - rate) <= 0.5 * 10**-decimals:
        return reading
    return Reading(reading.roles, unclear=True, stated_rate=rate)


def _one_rate(text: str) -> bool:
    """One rate of the seller's in the message: only then is it the rate of the message's
    total ("Toys 94% (200) and Home 97% (100)" is two groups, not 94% of 100)."""
    return sum(_own_rate(text, m) is not None for m in _PERCENT.finditer(text)) == 1


def _rate(text: str, metrics: int = 1) -> float | None:
    """The seller's own rate: a percentage other than the bar, or 95% said of themselves
    ("我的VTR刚好95%"), not "VTR要求95%". Of several for one metric ("店铺97%，但玩具只有
    90%"), the lowest: the one that decides whether something fails; with several metrics
    named ("VTR 93%, ODR 0.8%"), the first metric's, written first."""
    rates = [r for m in _PERCENT.finditer(text) if (r := _own_rate(text, m)) is not None]
    if not rates:
        return None
    return rates[0] if metrics > 1 else min(rates)


_PROMISED = lazy(
    r"(?:一定|肯定|保证|必然|总是|就会|会变成|会是|能到|能达到|guarantee[sd]?|always|will (?:be|get|hit|stay)|"
    r"would be|means)\s*(?:是|有|达到|到|at|be)?\s*(?:vtr\s*)?$"
)
_REQUIRED_BEFORE = lazy(
    r"(?:要求|需要|必须|至少要|门槛是?|标准是?|\bneeds? (?:to be |to reach |to hit |to stay above )?|"
    r"\bmust be|\bha(?:s|ve) to be|\brequired|\brequirement is|\bminimum (?:is )?)\s*(?:(?:at least|above|over|高于|超过)\s*)?$"
)
_REQUIRED_AFTER = lazy(
    r"\s*(?:(?:tracking|vtr)\s*)?(?:以上|及以上)?\s*(?:才(?:算|能|可以|行)|(?:is |are )?(?:needed|required)\b|"
    r"(?:is |are )?(?:the )?(?:minimum|requirement|bar|threshold)\b|to pass\b)"
)
"""A figure said as what is required ("要98%以上才算达标", "98% tracking is needed to pass"):
a bar the seller believes in, not their rate."""
_WAS_RATE = lazy(r"(?:from|从|由)\s*$")
_USED_TO_BE = lazy(
    r"(?:\bwas|used to be|had been|曾经是?|以前是?|原来是?|之前是?|上周是?|上个月是?)\s*(?:vtr\s*)?$"
)
_AGO = lazy(
    r"\s*(?:\d+\s*(?:days?|weeks?|months?|天|周|个月)\s*)?(?:ago|before|earlier|前|之前|以前)"
)
_NOW_RATE = lazy(r"\s*(?:to|->|→|到|掉到|降到|跌到|变成|变为)")


_SHARE_SHIPPED_WITH = lazy(
    r"\s?(?:of\s+(?:my |our |the |all )?(?:orders|packages|shipments|parcels)\s+)?"
    r"(?:(?:are|were|is|go|goes|went|get|got)\s+)?(?:shipped |sent |delivered )?"
    r"(?:with|via|through|using|by)\s+(?![\d,]|(?:[a-z]+ ){1,3}\d|(?:a |any |no |valid |proper |the |my |our |only |just )*"
    r"(?:\d|valid|packages?|orders?|shipments?|parcels?|tracking|tracked|scan|number|report|"
    r"seller central|dashboard|account health|amazon))|"
    r"的?(?:订单|包裹|货)?(?:都|全)?(?:用|走|通过|使用)(?!.{0,2}(?:追踪|跟踪|单号|报告|后台))"
)
"""A share of orders shipped some way ("100% of orders with Buy Shipping", "90%的订单走云途"):
how they ship, not the seller's VTR."""


def _own_rate(text: str, match: re.Match[str]) -> float | None:
    value = float(match.group(1))
    if value > 100 or _PERCENT_OF.match(text, match.end()):
        return None  # "95% of 120" is a sum to work out, not a rate
    if _SHARE_SHIPPED_WITH.match(text, match.end()):
        return None  # "100% of orders via Buy Shipping": a way of shipping, not a rate
    if _the_bar(text, match):
        return None  # "保持在95%以上", "still above 95%": the bar, whatever is said near it
    if _REQUIRED_BEFORE.search(text[max(0, match.start() - 16) : match.start()]) or (
        _REQUIRED_AFTER.match(text, match.end())
    ):
        return None  # "追踪率要98%以上才算达标", "98% is needed to pass": a bar stated
    if _PROMISED.search(text[max(0, match.start() - 12) : match.start()]):
        return None  # "用了购买配送VTR就一定是100%": a rate promised, not the seller's
    if _WAS_RATE.search(text[max(0, match.start() - 8) : match.start()]) and _NOW_RATE.match(
        text, match.end()
    ):
        return None  # "dropped from 97% to 94%": the rate it was, not the rate it is
    if _USED_TO_BE.search(text[max(0, match.start() - 16) : match.start()]) or _AGO.match(
        text, match.end()
    ):
        return None  # "was 96% 2 weeks ago, now 93%": the rate it was
    if _invalid_share(text, match):
        return round(100 - value, 6)  # "3%的包裹没有追踪号": the valid share is the rest
    if value != 95 or "." in match.group(1):
        return value  # a figure other than the bar, or one measured ("95.0%")
    # 95% is the bar's own figure: the seller's only when said of themselves, in the words
    # just before it ("my VTR is 95%, is that above the bar?") or in the whole question
    # when it never speaks of the bar ("我的VTR刚好95%").
    before = CLAUSE.split(text[max(0, match.start() - 24) : match.start()])[-1]
    if _OWN_NEAR.search(before) and not _BAR_TALK.search(before) and not _UNDER.search(before):
        return value
    if _OWN_FIGURE.search(text) and not _BAR_TALK.search(text) and not _UNDER.search(text):
        return value
    return None
