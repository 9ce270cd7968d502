"""A seller's package figures, each read for the role the words around it give it.

"garden: shipped 88 orders, 84 had valid tracking", "480个包裹里有31个无效，其中12个在签收前改好了",
"150 valid of 160, if I fix 3 of the bad ones": every number of a message gets one role
(shipped, valid, invalid, fixed before delivery, a hypothetical fix or more invalid, a
daily volume) from the role words in its own clause, a word between two numbers going to
the one it fits best; then the roles are checked against each other (valid ≤ shipped,
valid + invalid = shipped, fixes ≤ invalid). Figures whose roles do not fit together are
`unclear`: the bot asks rather than working out a confident wrong figure. Everything here
reads the normalised question (folded, Simplified, Chinese numerals as digits).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from itertools import product

from bot.domain.bar import is_above
from bot.domain.knowledge.patterns import CLAUSE, SENTENCE, lazy

__all__ = [
    "ROLE_WORDS",
    "Counts",
    "Reading",
    "counts_at",
    "more_invalid",
    "new_invalid",
    "read_figures",
    "stated_limit",
    "supposes_new_packages",
    "without_exempt",
]

ROLE_WORDS = (
    "fix fixes fixed fixing corrected correcting repaired edited flagged defective untracked "
    "delivered shipped shipments parcels packages orders blank missing lacking bad ones failed "
    "failing rejected unconfirmed untracked"
)
"""English words the figures are read by: real words, never typos to repair ("fixes" is
not "files")."""


@dataclass(frozen=True, slots=True)
class Counts:
    """A seller's figures for one group: shipments and valid ones (invalid = the rest)."""

    shipments: int
    valid: int


@dataclass(frozen=True, slots=True)
class Reading:
    """The figures of one message (or one group's part of it), by role, and what they give."""

    roles: dict[str, int]
    now: Counts | None = None
    """The window as it stands (fixes made before delivery counted as valid)."""
    then: Counts | None = None
    """The window with the hypothetical applied ("if I fix 3", "再有2个变无效")."""
    unclear: bool = False
    """Figures were given but their roles do not fit together: ask, do not compute."""
    stated_rate: float | None = None
    """The rate the seller states, when the counts told in words disagree with it."""

    @property
    def counts(self) -> Counts | None:
        """The counts a verdict is given on: the hypothetical's when one is asked."""
        return self.then or self.now


_NOISE = r"defect report|缺陷报告|缺陷明细|有效追踪率|追踪率|跟踪率|valid tracking rate|tracking rate|order defect"
"""Words that hold a role word but name something else ("defect report" is no defect)."""
_NUMBER_NOUNS = r"tracking numbers?|单号|运单号|追踪号|跟踪号|号码"
"""The tracking number itself: its 单 is no package count (after "没单号" is read)."""
_ROLE_PATTERNS: tuple[tuple[str | None, str], ...] = (
    # What a VTR defect report lists are the invalid packages ("the defect report showed 50").
    # "Defect report: 150 packages, 139 valid" names what the figures come from: a label.
    ("invalid", r"(?:defect report|缺陷报告|缺陷明细|defects? list|缺陷列表)(?!\s*[:：])"),
    (None, _NOISE),
    # A fix one can still make is none made ("still in transit so I can still fix them").
    (
        None,
        r"\b(?:can|could|able to|may|might)\s+(?:still\s+|also\s+)?(?:fix|correct|edit|repair|update)\w*|"
        r"(?:还)?(?:能|可以|来得及)(?:再)?(?:修|改|补)",
    ),
    # A fix denied is none made: the package stays invalid ("if one goes unconfirmed and
    # never gets fixed", "3个没修好").
    (
        "invalid",
        r"(?:\bnever|\bnot|n't|\bno one)\s+(?:(?:been|be|get|gets|got|being|ever|yet)\s+)*"
        r"(?:fix|correct|repair|edit|update)\w*|"
        r"(?:没(?:有)?|未|不)(?:再)?(?:修|改|补救|补)(?:好|正|上|过|复)?",
    ),
    ("daily", r"per day|a day|/day|daily|each day|every day|每天|一天|日均|每日"),
    ("weekly", r"per week|a week|/week|weekly|each week|every week|每周|每星期|每礼拜|周均"),
    (
        "fix",
        r"\bfix(?:ed|ing|es)?\b|\bcorrect(?:ed|ing)?\b|\brepair(?:ed|ing)?\b|\bedit(?:ed|ing)?\b|"
        r"修好|修复|修正|改好|改正|更正|改对|补上|补好|补传|补录|修了|改了|补了|再修|再改|再补|重新上传|"
        r"(?<![没未不弥能以得])(?:修|改|补)(?=\s*\d)|"
        r"\badd(?:ed|ing)? (?:the |valid )?tracking\b|\bre-?upload(?:ed|ing)?\b|"
        r"\b(?:added|uploaded|entered) (?:it|them|the number|the tracking number)\b",
    ),
    (
        "invalid",
        r"no (?:valid )?tracking|without (?:a |valid |any )?(?:valid )?tracking|not (?:have )?valid|invalid|"
        r"(?:\bnot|n'?t|never) (?:been |get |got |being )?(?:tracked|scanned|trackable)|"
        r"missing|(?:\b(?:don|didn|doesn|haven|hasn)(?:'?t)?|do not|did not|does not|never) "
        r"(?:have|had|get|got|has) "
        r"(?:a |any )?(?:valid )?tracking|untracked|no number|defects?|defective|lack(?:ed|ing)?|flagged|"
        r"\bbad\b|\bwrong\b|incorrect|\bfail(?:ed|ing)?\b|blank|no scans?|unscanned|"
        r"(?:without|no|zero|not a single) (?:a single |a |any |one |single )?(?:carrier |pickup |physical )?scans?\b|"
        r"没有?(?:上传|填写?|传|录入|提供|添加|加|给)?(?:有效)?(?:的)?(?:追踪|跟踪|单号|物流)|"
        r"(?<=[个单件票])\s*(?:都)?没有(?=\s*(?:[,，。;；!！?？]|$))|"
        r"无(?:有效)?(?:追踪|单号)|无效|没传|没上传|没填|不合格|不算有效|没扫描|没有扫描|错|缺|空白|是空的|为空|空着|"
        r"坏|出问题|\brejected\b|\bunconfirmed\b|not accepted|被拒|未确认|不被认可|"
        r"有问题(?!吗)|有毛病|问题件|\bwith (?:problems?|issues?)\b|"
        r"忘了?(?:上传|填|传|录入?|加|给|贴)?(?:的)?(?:单号|追踪|跟踪|物流)|漏(?:传|填|上传|录)|"
        r"\bforg[oe]t(?:ten)? (?:to (?:add|upload|enter|put) )?(?:the |a )?(?:tracking|number)|"
        r"\ball but\b|\ball except\b|\bempty\b|"
        r"没(?:有)?(?:被)?扫|"
        # Not online or not found at the carrier ("8单没上网", "9个查不到物流"), told wrong
        # ("单号不对", not the tag 对不对).
        r"[没未]上网|(?:查|追踪|跟踪|追)不到|(?<![对是])不对(?![吗呢嘛])|"
        r"(?:can'?t|cannot|could ?n'?t|won'?t) be (?:tracked|traced|found)|not (?:showing|found)\b",
    ),
    (
        "valid",
        r"valid|(?:with|have|has|had) (?:a |valid )?tracking|tracked|scanned|(?<!not )\bgood\b|"
        r"有效|有追踪|有单号|有跟踪|合格|能追踪|可追踪",
    ),
    (None, _NUMBER_NOUNS),
    (
        "total",
        r"\bship(?:ped|ments?)?\b|\bsen[dt]\b|\b(?:dispatch|mail)(?:ed)?\b|"
        r"packages?|\bpkgs?\b|\bpcs\b|\borders?\b|parcels?|"
        r"\bboxes\b|\btotal\b|\bin all\b|altogether|发了|发货|包裹|订单|货件|(?<=\d)\s*[单件票笔]|"
        r"[个单件](?:包裹|订单|货件)|总共|一共|总计|总数|总量|合计|共|卖了|出了",
    ),
)
BAR_PERCENT = 95.0
WINDOW_DAYS = 30
"""VTR's window (metrics.yaml), keyed by Amazon on the promised delivery date; the engine's
own constant (models.WINDOW_DAYS) is not imported: `vtrbot ask` loads no engine."""
_ANY_DIGIT = lazy(r"\d")
_RATE_OF = lazy(r"(?<![\d.])(\d{1,3}(?:\.\d+)?)\s?%\s*of\s*(?:the |my |our )?\d")
_ASKED = lazy(
    r"how many(?:\s+[a-z']+){0,4}?\s+(?:lack|without|invalid|bad|untracked|missing|valid|fix)[a-z]*"
    r"(?: (?:valid )?tracking)?|"
    r"how many(?: more)?(?: (?:packages?|shipments?|orders?))?|"
    r"(?:多少|几)(?:个|单|件|票)?(?:包裹|订单)?(?:[^，,。？?\d]{0,6}?(?:有效|无效|没有?(?:追踪|单号)|不合格))?|"
    r"(?:max(?:imum)?|at most|\bmost\b|最多|至多)[^\d,.?，。？]{0,40}?"
    r"(?:bad|invalid|defects?|untracked|without (?:valid )?tracking|无效(?:追踪)?|没有?(?:追踪|单号))|"
    r"(?:need to|do i need to|to|should i) fix(?: any)?|fix(?:es)? needed|要修|需要修|还差|修几|"
    # "do I need 1 more valid or 2?": choices asked, not figures told.
    r"\b(?:do|would|will|should|shall) (?:i|we|it) (?:still )?need\s+\d+[^,.;?，。？\d]*?\bor\s+\d+|"
    r"\d+\s*[个单件]?还是(?:再)?(?:修|改|补)?\d+\s*[个单件]?|"
    # "which one is failing?", "哪个不达标": asked of the groups, not said of a figure.
    r"(?:(?<!of )(?<!among )(?<!in )\bwhich\b|哪个|哪些|哪几个)[^,.;?，。；？\d]*"
)
"""What is asked, not told ("how many valid do I need", "最多能有几个无效"): its role words
belong to no figure."""
_ALL_VALID = lazy(
    r"全都有|全部有|都有(?:有效)?(?:追踪|单号)|全都有效|全部有效|(?<=[个单件票\d])\s?全(?:是)?有效|all (?:of them )?(?:have|had|with) (?:valid )?tracking|"
    r"(?:all|both) (?:\d+ )?(?:of them )?(?:are |were |have |had )?(?:valid|tracked|scanned)|"
    r"none (?:are |is |were )?invalid|\bit(?:'s| is| was| has| had)(?: got)? (?:valid|tracked|tracking|scanned)|"
    r"没有一个无效|都(?:是)?有效"
)
_ROLE_WORDS = [(role, re.compile(p)) for role, p in _ROLE_PATTERNS]
_INVALID_WORDS = [pattern for role, pattern in _ROLE_WORDS if role == "invalid"][-1]
_ROLE_WORDS_BY = {role: pattern for role, pattern in _ROLE_WORDS if role is not None}
"""The words of invalid packages themselves (the last invalid pattern; the first is the
defect report that lists them)."""
_WEIGHT = {"fix": 3.0, "invalid": 2.0, "valid": 2.0, "daily": 3.0, "weekly": 3.0, "total": 1.0,
           "whole": 3.0}  # fmt: skip
"""How much a role says: a fix or a daily volume is specific, a package noun is not."""

_NUMBER = lazy(r"(?<![\d.\-])(\d{1,7})(?![\d\-]|\.\d|\s?%|[a-z]{1,2}(?![a-z]))")
"""A count: not a part of a name or a number typed against one or two letters ("4PX",
"1Z…")."""
_NOT_A_COUNT = lazy(
    r"\s?(?:天|日|号|days?|hours?|小时|月|年|周|weeks?|months?|years?|点|:\d|元|欧|美元|usd|eur|jpy|gbp|"
    # Money however it is written ("3美金", "8刀", "500円", "12镑", "5 bucks").
    r"美金|刀|円|英镑|镑|块钱|块|rmb|cny|pounds?\b|quid\b|bucks?\b|"
    # A scan counted ("一个揽收扫描", "1 pickup scan"): scans, not packages.
    r"次|遍|times?\b|(?:carrier |pickup |pick-up |acceptance |origin |first |delivery |transit |physical )?"
    r"scans?\b|条(?:扫描|物流)|(?:个|条)?(?:揽收|收件|入库|出库|物流|承运商|快递|上网|首次|首条|提货|妥投|派送|签收)?扫描|"
    r"categor(?:y|ies)\b|stores?\b|shops?\b|skus?\b|listings?\b|accounts?\b|marketplaces?\b|"
    r"warnings?\b|notices?\b|emails?\b|claims?\b|reviews?\b|feedbacks?\b|carriers?\b|"
    r"个?(?:警告|通知|邮件|差评|承运商|物流商)|"
    r"个?(?:类目|品类|分类|店铺|店|站点|站|账号|链接|sku)|"
    r"yen|dollars?|euros?|以上|以下|st\b|nd\b|rd\b|th\b)"
)
_BAR_BEFORE = lazy(
    r"(?:above|over|below|under|than|reach|at least|clear|beat|pass|hit|(?<![a-z])cross|top|"
    r"高于|低于|超过|大于|小于|掉到|跌到|跌破|保持在|到|(?<![发寄卖做出用])过|"
    r"last|past|最近|近|过去|within|day|第|#|no\.|(?:drop|fall|dip|slip|go|get|down)(?:s|ped)?\s+to|"
    r"round(?:s|ed|ing)?(?: it)?(?: up| off)?\s+to|四舍五入(?:成|为|是)?|约等于|≈)\s*$"
)
"""A number after these is the bar ("above 95") or a window ("last 30"), not a count."""
_NEAR_BEFORE = lazy(
    r"(?:basically|about|around|almost|nearly|practically|essentially|pretty much|like|call it|"
    r"same as|差不多|大约|约|接近|近似|算是|等于|相当于|就是)\s*$"
)
"""95 said as what a rate nearly is ("that's basically 95"): the bar's figure, not a count."""
_PEOPLE_BEFORE = lazy(r"\b(?:team|group|family|staff|crew) of\s*$")
"""People counted ("a team of 5"), not packages."""
_MONEY_BEFORE = lazy(r"(?:[€$£¥￥]|\beur|\busd|\bgbp|\bjpy|\brmb|\bcny)\s?$")
"""An amount written with its currency first ("a €12 order"): money, not a count."""
_MONTH_BEFORE = lazy(
    r"(?<![a-z])(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s*$"
)
"""A day of a month ("Oct 28", "up to Nov 3"): a date, not a count."""
_WHOLE_BEFORE = lazy(
    r"(?:out of|\bof|in total of|(?<![a-z])in)\s*(?:(?:my|our|the|all|these|those|total|a|an)\s+)?$|"
    r"^\s*/\s*$"
)
_WHOLE_AFTER = lazy(
    r"\s*(?:[个单件票笔])?(?:包裹|订单|货件|单|packages?|shipments?|orders?)?\s*(?:里|中|当中|里面|之中)"
)
"""A pair's whole: "57 out of 60", "57/60", "480个包裹里有31个无效"."""

_HYPOTHETICAL = lazy(
    r"\bif\b|what if|suppose|would|\bwill\b|\bshould\b|enough|\bthen\b|要是|如果|假如|假设|万一|"
    r"going to|gonna|about to|likely to|expected to|"
    r"after (?:fixing|correcting|i fix)|之后能|以后能|之后会|后能过|"
    r"再|够|的话|能不能|可不可以|\bmore\b|another|additional|extra|又有|多出|变成?无效|turns?|\bgo(?:es)? |"
    r"能过|会过|能达标|能高于|能回到|能不能过|会不会过"
)
_BEFORE_DELIVERY = lazy(
    r"before (?:the )?(?:delivery|buyers?|they|it was|it's|deliver)|in time|still in transit|"
    r"之前|前就|签收前|送达前|收货前|妥投前|没签收|未签收|还没收到|在途"
)
_LATE_IN_SENTENCE = lazy(
    r"already (?:been )?(?:received|delivered|got)|had (?:already )?(?:been )?(?:received|delivered)|"
    r"已经签收|已签收|早就签收|签收了|已经收到|已经送达|已送达|已妥投"
)
"""A fix made when the parcel was already delivered, said in the fix's sentence."""
_LATE = lazy(
    r"after (?:the )?(?:delivery|it was delivered|they were delivered|the buyers? (?:got|received))|"
    r"after (?:the |its )?(?:package|parcel|order|buyer|it|they)s? (?:was|were|had been|got|has been) delivered|"
    r"签收后|签收之后|送达后|送达之后|收货后|收到后|妥投后"
)
_WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip
_TEENS = {
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_MAGNITUDE = lazy(r"(?<![\d.])(\d{1,4}(?:\.\d{1,3})?)\s?(k|千|万)(?![a-z])")
"""Counts written with a magnitude ("1.2k", "2.5k", "3千", "1.5万")."""
_MAGNITUDES = {"k": 1000, "千": 1000, "万": 10000}


def _times_magnitude(match: re.Match[str]) -> str:
    value = float(match.group(1)) * _MAGNITUDES[match.group(2)]
    return str(int(value)) if value == int(value) else match.group()


_ZERO = lazy(
    r"\b(?:zero|none)\b(?=\s+(?:invalid|bad|untracked|without|missing|of them|defects?)\b)"
)
"""None of them said in words ("zero untracked out of 30"): a count of 0."""
_TEEN = lazy(r"\b(" + "|".join(_TEENS) + r")\b")
"""A teen is never an article: a count wherever it is written ("sixteen without tracking")."""
_WORD_NUMBER = lazy(
    r"(?<!the )(?<!this )(?<!that )(?<!no )(?<!any )(?<!each )(?<!every )(?<!which )"
    r"\b("
    + "|".join(_WORD_NUMBERS)
    + r")\b(?=\s+(?:more|of them|went|goes|go|turns?|becomes?|ends?|was|were|is|are|has|have|had|got|gets?|"
    r"invalid|bad|untracked|without|missing|lack|valid|tracked|fixed|corrected|"
    r"comes?|came|marked|flagged|unconfirmed|rejected|defective|fail(?:s|ed)?|slips?|"
    r"never|don't|didn't|doesn't|"
    r"(?:out of|in|of) (?:every|each))\b)"
)
_ANOTHER = lazy(
    # "another 15 go bad" counts its own number: "another" is one only without one.
    r"\banother(?: one)?\b(?!\s*\d)(?=[^.?!,;]{0,40}(?:invalid|bad|untracked|without|defect|fail))"
)
_A_SINGLE = lazy(
    r"\b(?:a single|just one|only one)\b(?=\s+(?:bad|invalid|untracked|missing|defective|package|"
    r"parcel|order|shipment|one)\b)"
)
"""One package said as "a single bad one", "just one order": a count of one."""
_ZH_ONE = lazy(
    r"(?<![\d一二两三四五六七八九十百千第])([一两二三四五六七八九十])(?=[个单件票笔]"
    r"(?!类目|品类|分类|站|月|问题|方面|原因|办法|人|地方|国家|小时|星期|礼拜|事))"
)
_WITHOUT = lazy(r"\bw/o(?:ut)?\s?")
_NEXT_ONE = lazy(
    r"\ba (?:\d+(?:st|nd|rd|th)|second|third|fourth|fifth|new) (?=one\b|package\b|parcel\b|shipment\b|order\b)"
)
"""One package supposed after the ones told ("if a 3rd one goes out untracked"): one more."""
_DOZEN = lazy(r"\b(half )?a dozen\b")
"""A dozen (12) or half a dozen (6) packages, as sellers round small counts."""
_ZH_DIGIT = {"一": 1, "两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
             "九": 9, "十": 10}  # fmt: skip
MAX_WORD_DISTANCE = 60
"""Characters between a figure and a role word of its clause, at most: "Account Health
flagged us last week and … shows 412 of 436" does not make the 412 flagged ones."""
MISFIT = 1.5
"""What a part larger than its whole costs a reading: more than a nearer word's gain."""
MAX_SEARCHED = 6
MAX_READINGS = 600
"""Combinations of roles tried at most: with many figures, only each one's nearest words."""
"""Numbers of one message whose roles are searched jointly; more are read one by one."""


@dataclass(frozen=True, slots=True)
class _Word:
    role: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class _Figure:
    value: int
    start: int
    end: int
    clause: str
    candidates: tuple[tuple[str, int, float], ...]
    sentence: str = ""
    """The figure's sentence, for what its clause leaves unsaid (whether a fix was late)."""
    clause_at: int = 0
    """Where its clause starts: two bare figures are one group's only within one clause."""
    """(role, word index, distance) for the role words of its clause."""
    before: str = ""
    """Its clause's words since the number before it, nearer to it than to that number:
    what is said of this figure rather than of its neighbour ("ship 1000 parcels and 50
    …": the ship is the 1000's)."""


_EVERY = lazy(r"(?<=\d)\s*(?:out of|in|of) (?:every|each)\s*(?=\d)")
_EVERY_ZH = lazy(
    r"每\s*(\d+)\s*([个单件]?(?:包裹|订单|货件)?)(?:里|中|当中)?(?:就|大概|差不多)?有\s*(?=\d)"
)
"""A share told as "1 in every 20", "每20个包裹就有1个": a part of a whole like "1 of 20"."""


def spell_digits(text: str) -> str:
    """Number words as digits where a count is told: before a word that says what the
    packages are or did ("one went out without tracking", "two more go bad", "一个没单号"),
    never as an article ("one order ships in 3 boxes")."""
    text = _ZH_ONE.sub(lambda m: str(_ZH_DIGIT[m.group(1)]), text)
    text = _WITHOUT.sub("without ", text)
    text = _NEXT_ONE.sub("1 more", text)
    text = _DOZEN.sub(lambda m: "6" if m.group(1) else "12", text)
    text = _ANOTHER.sub("1 more", text)
    text = _A_SINGLE.sub("1", text)
    text = _WORD_NUMBER.sub(lambda m: f"{_WORD_NUMBERS[m.group(1)]}", text)
    text = _TEEN.sub(lambda m: f"{_TEENS[m.group(1)]}", text)
    text = _ZERO.sub("0", text)
    text = _MAGNITUDE.sub(_times_magnitude, text)
    text = _EVERY_ZH.sub(lambda m: f"{m.group(1)}{m.group(2) or '个'}里有", text)
    return _EVERY.sub(" out of ", text)


_NEW_ALL_TRACKED = lazy(
    r"\b((?:ship|send|sell)\w*\s+(?:another\s+)?)(\d+)(?=\s+more\b[^.?!;]{0,30}?\ball\b[^.?!;]{0,12}?"
    r"\b(?:tracked|valid|with (?:valid )?tracking))|"
    r"((?:再发|多发|新发|再寄)\s*)(\d+)(?=\s*[单个件]?[^。？?]{0,6}(?:都有(?:追踪|单号)|全部有效|都有效|全部有追踪|都是有效))"
)


def _new_ones_valid(text: str) -> str:
    """ "if we send 250 more, all tracked", "再发300单都有追踪": the new packages told valid
    where the figure is, so they are read as new valid ones, not a total."""

    def valid(match: re.Match[str]) -> str:
        lead, number = (match.group(1), match.group(2)) if match.group(2) else match.group(3, 4)
        return f"{lead}{number} valid" if match.group(2) else f"{lead}{number}个有效"

    return _NEW_ALL_TRACKED.sub(valid, text)


_EXCEPT = r"(?:\bexcept(?: for)?|\bbut(?: for)?|\bapart from|\bother than|除了|除去|除)\s*(\d+)"
_ALL_BUT = lazy(
    r"(?:\ball\b|every (?:one|package|shipment|order)|everything|全部|全都|都)"
    r"[^,.;!?，。；！？\d]{0,40}?(?:valid|tracked|tracking|有效|追踪|跟踪|单号)[^,.;!?，。；！？\d]{0,12}?"
    + _EXCEPT
    + r"|"
    + _EXCEPT
    + r"(?=\s*[个单件]?\s*(?:包裹|订单|packages?|shipments?|orders?|parcels?)?\s*(?:以外|之外)?\s*[,，]?\s*"
    r"(?:其他|其余|剩下|the rest|all (?:the )?others?|everything else))"
)
"""The packages told as the exceptions to all valid ("all tracked except 4", "全部都有追踪
除了2单", "除了3单，其他都有效"): the invalid ones."""


def _all_but(text: str) -> str:
    return _ALL_BUT.sub(lambda m: f" {m.group(1) or m.group(2)} invalid ", text)


def read_figures(
    text: str, skip: frozenset[float] = frozenset(), rate: float | None = None
) -> Reading:
    """The figures of a normalised text by role, checked against each other; `skip` holds
    numbers that are something else (an order's amount), `rate` the seller's VTR."""
    text = _all_but(_new_ones_valid(spell_digits(text)))
    text = _ASKED.sub(lambda m: " " * len(m.group()), text)
    if not _ANY_DIGIT.search(text):
        return Reading({})  # nothing counted: the role words need not be looked for
    rate_of = _RATE_OF.search(text)
    said_of = CLAUSE.split(text[rate_of.end() :], 1)[0] if rate_of else ""
    told = bool(_INVALID_WORDS.search(said_of) or _ROLE_WORDS_BY["valid"].search(said_of))
    if rate is None and rate_of and (float(rate_of.group(1)) != BAR_PERCENT or told):
        # "97% of 100 shipments valid", "95% of 300 have tracking": the seller's (95% of a
        # total said of nothing is a sum to work out, "what's 95% of 400").
        rate = float(rate_of.group(1))
        if _INVALID_WORDS.search(said_of):
            rate = 100 - rate  # "5% of my 400 have no tracking": the valid share is the rest
    text, left_out = _left_out_part(text, skip)
    text = _without_back_references(text)
    words = _role_words(text)
    figures = _without_repeats([f for f in _figures(text, words) if f.value not in skip])
    roles = _assign(figures)
    if len(figures) == 1 and _ALL_VALID.search(text):  # "玩具60单全部有效"
        roles = {"total": figures[0].value, "valid": figures[0].value}
    if rate is None:
        roles = _all_told_alike(roles, text)
    rest_valid = bool(_REST_VALID.search(text))
    apart = bool(_APART.search(text))
    return _without_left_out(_counts_of(roles, rate), left_out, rest_valid, apart)


def _all_told_alike(roles: dict[str, int], text: str) -> dict[str, int]:
    """A total whose packages are told all alike in a clause of their own, beside a
    supposition ("3个包裹都有追踪，要是再来1个没追踪的", "only 1 package, no tracking"): all
    valid, or all invalid when they are all (or the one) said to have none."""
    told = [c for c in CLAUSE.split(text) if c.strip() and not _HYPOTHETICAL.search(c)]
    if set(roles) & {"valid", "total", "invalid"} == {"valid"} and any(
        _ALL_VALID.search(c) for c in told
    ):
        return roles | {"total": roles["valid"]}  # "3个包裹都有追踪": valid, all of them
    if set(roles) & {"valid", "total", "invalid"} == {"invalid"} and _ONLY_ONE.search(text):
        return roles | {"total": roles["invalid"]}  # "only 1 order, and it has no tracking"
    if "total" not in roles or {"valid", "invalid"} & set(roles):
        return roles
    if any(_ALL_VALID.search(c) for c in told):
        return roles | {"valid": roles["total"]}
    alike = [c for c in told if not _ANY_DIGIT.search(c) and _INVALID_WORDS.search(c)]
    one = roles["total"] == 1 and bool(_ONLY_ONE.search(text))
    every = one or any(_all_before_invalid(c) for c in alike)
    if alike and every and not any(_SOME.search(c) for c in alike):
        return roles | {"invalid": roles["total"]}
    return roles


def _all_before_invalid(clause: str) -> bool:
    """ "都没有追踪号", "none have tracking": all of them said to have none; "错的单号都还没签收"
    says all the wrong ones are something else."""
    every = _ALL_WORD.search(clause)
    invalid = _INVALID_WORDS.search(clause)
    return bool(every and invalid and every.start() < invalid.start())


_ONLY_ONE = lazy(
    r"(?:\bonly|\bjust|就|只有|只|才|仅)\s?(?:有|发[了过]?|(?:shipped|sent|had|have)\s)?\s?1(?!\d)"
)
"""One package and no more ("就1个包裹", "只发了1个", "only shipped 1 order"): the whole, not one among others."""
_ALL_WORD = lazy(r"都|全|\ball\b|\bboth\b|\bnone\b|\bany of them\b|\bneither\b")
_SOME = lazy(r"一些|有些|有的|部分|几个|少数|个别|\bsome\b|\bfew\b|\bseveral\b|\bmany\b|\bmost\b")
_UNDER = r"(?:under|below|less than|不到|低于|小于|不足)\s?"
_EXEMPT_WORDS = lazy(
    r"exempt|豁免|免除|" + _UNDER + r"(?:¥|jpy)|" + _UNDER + r"\d[\d,]*\s?(?:日元|日币|円|yen|jpy)|"
    r"(?<![\d,.])[1-9]\d{0,2}\s?(?:日元|日币|円|yen\b|jpy\b)|(?:¥|￥|jpy\s?)[1-9]\d{0,2}(?![\d,])|"
    r"\d[\d,]*\s?(?:日元|日币|円|yen|jpy)\s?(?:以下|以内|之内|or less)"
)
_EURO_UNDER = lazy(_UNDER + r"(?:€|eur)|" + _UNDER + r"\d+\s?(?:欧|euros?|eur)")
_LETTER = lazy(r"letters?|信件|平信|\bbrief\b")
"""A part of the packages the seller says is exempt: said so, JP orders under ¥1,000, EU
orders under €20 sent as letters (a parcel under €20 is not)."""
_NOT_COUNTED = lazy(
    r"cancel+(?:ed|ations?)|取消|(?<![a-z])(?:fba|afn)(?![a-z])|fulfilled by amazon|amazon[- ]fulfilled|亚马逊配送|"
    r"not (?:yet )?shipped|unshipped|未发货|没发货|还没发"
)
"""A part of the orders VTR never counts (domain.md: cancelled, Amazon-fulfilled, not
shipped): left out of the total like an exempt one, and said so by its own reason."""
_REST_VALID = lazy(
    r"all (?:the )?others? (?:are |were |have |had )?(?:valid|tracked|fine|ok)|the rest (?:are |were |have |had )?"
    r"(?:all )?(?:valid|tracked|fine)|其余(?:的)?(?:都|全)?(?:有效|有追踪|正常)|其他(?:的)?(?:都|全)(?:有效|有追踪|正常)|"
    r"剩下(?:的)?(?:都|全)(?:有效|有追踪|正常)"
)
"""Every package not told of is valid ("all others tracked", "其余都有效")."""
_UNSHIPPED = lazy(
    r"pending(?: shipment)?|awaiting shipment|not (?:yet )?shipped|unshipped|未发货|没发货|待发货|还没发"
)
"""Orders not shipped yet: never counted, and never among the packages told as shipped."""
_APART = lazy(
    r"另外|此外|除此之外|除了这些|其他还有|\bother\b|\banother\b|\bbesides\b|apart from|on top of|"
    r"in addition|plus"
)
"""Invalid packages told as others than the left-out ones ("另外还有3单单号无效")."""
_TURNING_INVALID = lazy(
    r"(?:end|turn|come)s? (?:up |out )?(?:invalid|bad|untracked)|go(?:es)? bad|become (?:invalid|bad)|"
    r"变成?无效|结果无效|最后无效"
)
"""Packages supposed to turn invalid ("if 3 more of the pending ones end up invalid"): in
the window, not orders left out."""
_BACK_REFERENCE = lazy(
    r"(?:of|among) (?:those|them|these|the|which)|其中|里有|中有|里面有|当中有|这些里|那些里"
)


@dataclass(frozen=True, slots=True)
class _LeftOut:
    """Packages a clause takes out of the window, why, and the figure they are a part of."""

    count: int
    role: str
    """ "exempt" (an exemption) or "left_out" (cancelled, FBA, not shipped)."""
    of: int | None
    """The figure told before that they are a part of (None: none was)."""
    untracked: bool = False
    """Their clause says they have no tracking ("10单是800日元的小件没有单号")."""
    reason: str = ""
    """Which exemption, when the clause says it: "jp" (under JPY 1,000), "eu_letter"."""

    @property
    def roles(self) -> dict[str, int]:
        """The roles it adds to a reading: its count, and its exemption's when known."""
        return {self.role: self.count} | (
            {f"exempt_{self.reason}": self.count} if self.reason else {}
        )


def _left_out_part(text: str, skip: frozenset[float]) -> tuple[str, _LeftOut | None]:
    """The packages a clause says are exempt or never counted, of figures told before ("4 of
    those 9 were EU letters under €20", "其中10单是取消的", "2 of the 3 bad were FBA"): the
    smallest count of that clause, taken out of the text, with the figure it is a part of
    (one the clause names again is blanked too)."""
    for clause in CLAUSE.split(text):
        role = _left_out_role(clause)
        if role is None:
            continue
        at = text.index(clause)
        counts = [m for m in _count_matches(clause) if int(m.group(1)) not in skip]
        if not counts:
            continue
        if role == "unshipped" and not _BACK_REFERENCE.search(clause):
            # "75 orders pending shipment": never among the shipped told, only not a total.
            part = counts[0]
            start, end = at + part.start(1), at + part.end(1)
            text = text[:start] + " " * (end - start) + text[end:]
            continue
        part = min(counts, key=lambda m: int(m.group(1)))
        told = [int(m.group(1)) for m in _count_matches(text[:at])]
        again = [m for m in counts if m is not part and int(m.group(1)) in told]
        nearest = [int(m.group(1)) for m in counts if m.start() < part.start()] or told
        of = int(again[0].group(1)) if again else (nearest[-1] if nearest else None)
        for m in again:
            start, end = at + m.start(1), at + m.end(1)
            text = text[:start] + " " * (end - start) + text[end:]
        # The part and its own words, up to the next figure ("其中有2单没追踪的是…": its
        # 没追踪 would otherwise go to another figure).
        later = [m.start() for m in counts if m.start() > part.start() and m not in again]
        start, end = at + part.start(1), at + (later[0] if later else len(clause))
        text = text[:start] + " " * (end - start) + text[end:]
        untracked = bool(_INVALID_WORDS.search(clause))
        return text, _LeftOut(int(part.group(1)), role, of, untracked, _exemption(clause, role))
    return text, None


def _counted_without(reading: Reading, left_out: _LeftOut, rest_valid: bool) -> Reading:
    """Figures that fit only once the left-out packages are out of the total ("20 packages:
    18 valid, 1 exempt letter, 1 untracked"), or a total whose other packages are all said
    valid ("1000 orders, 60 under 1000 yen untracked, all others tracked")."""
    roles, count = reading.roles, left_out.count
    total, valid, invalid = roles.get("total"), roles.get("valid"), roles.get("invalid")
    if total is None or count >= total:
        return reading
    if valid is not None and invalid is not None and valid + invalid + count == total:
        return Reading(roles | left_out.roles, now=Counts(total - count, valid))
    if rest_valid and valid is None and invalid is None:
        return Reading(roles | left_out.roles, now=Counts(total - count, total - count))
    return reading


def _exemption(clause: str, role: str) -> str:
    """Which exemption a clause of exempt packages names, if it names one."""
    if role != "exempt":
        return ""
    if _EURO_UNDER.search(clause) and _LETTER.search(clause):
        return "eu_letter"
    return "jp" if _YEN.search(clause) else ""


_YEN = lazy(r"日元|日币|円|\byen\b|\bjpy\b|¥|￥")


def _left_out_role(clause: str) -> str | None:
    if _EXEMPT_WORDS.search(clause) or (_EURO_UNDER.search(clause) and _LETTER.search(clause)):
        return "exempt"
    if _UNSHIPPED.search(clause) and not _TURNING_INVALID.search(clause):
        return "unshipped"
    return "left_out" if _NOT_COUNTED.search(clause) else None


def _without_left_out(
    reading: Reading, left_out: _LeftOut | None, rest_valid: bool = False, apart: bool = False
) -> Reading:
    """Exempt or uncounted packages left out of both sides: the total and the invalid ones
    they were counted among (260 shipped, 14 invalid of which 3 exempt: 246 of 257). Said of
    the total when only the invalid ones are told ("300 orders, 15 without tracking, 5 of
    the 300 cancelled"), whether they were among the invalid is unknown: asked, not guessed."""
    if left_out is None:
        return reading
    if reading.now is None:
        return _counted_without(reading, left_out, rest_valid)
    now, roles = reading.now, reading.roles
    if apart and left_out.untracked and "valid" not in roles and "invalid" in roles:
        # "10 of the 100 are exempt and untracked, another 3 invalid": the invalid ones told
        # are others; the exempt ones leave the total and the rest that was counted valid.
        if left_out.count > now.valid:
            return Reading(roles | left_out.roles, unclear=True)
        return replace(
            reading,
            roles=roles | left_out.roles,
            now=Counts(now.shipments - left_out.count, now.valid - left_out.count),
            then=None,
        )
    of_total = left_out.of is not None and left_out.of == roles.get("total")
    guessed = of_total and "valid" not in roles and left_out.of != roles.get("invalid")
    if left_out.count > now.shipments - now.valid or guessed:
        return Reading(roles | left_out.roles, unclear=True)
    then = reading.then
    return replace(
        reading,
        roles=roles | left_out.roles,
        now=Counts(now.shipments - left_out.count, now.valid),
        then=Counts(then.shipments - left_out.count, then.valid) if then else None,
    )


_BACK_FIGURE = lazy(
    r"(?:\bof|\bamong|out of) (?:the|those|these|them|that)\s+(\d{1,7})\b|(?:这|那)\s*(\d{1,7})\s*[个单件]?(?:里|中|当中)"
)
"""A figure told again to say what a part is of ("8 of the 20 were fixed"): no new whole."""


def _without_back_references(text: str) -> str:
    """The text with figures named again as a part's whole blanked, when told before."""
    for match in reversed(list(_BACK_FIGURE.finditer(text))):
        group = 1 if match.group(1) else 2
        told = [m.group(1) for m in _count_matches(text[: match.start()])]
        if match.group(group) in told:
            start, end = match.span(group)
            text = text[:start] + " " * (end - start) + text[end:]
    return text


_MOST = lazy(
    r"(?:at most|up to|no more than|max(?:imum)?(?: of)?(?: invalid| bad| untracked)?(?: is| are)?|"
    r"最多(?:只能|只)?(?:有|能有|可以有|允许)?|至多|不能超过|不超过)\s*(\d{1,7})"
)
_LEAST = lazy(
    r"(?:at least|minimum(?: of)?|no fewer than|至少(?:要|得|需要)?(?:有)?|最少(?:要|得)?(?:有)?)\s*(\d{1,7})"
)


def stated_limit(text: str) -> tuple[str, int] | None:
    """A limit the seller states for a total ("at most 9 without tracking", "至少要96个有效",
    "max invalid is 15"): ("invalid", 9) for the most invalid, ("valid", 96) for the fewest
    valid; None when none is stated."""
    text = spell_digits(text)
    most, least = _MOST.search(text), _LEAST.search(text)
    if most and not least:
        clause = CLAUSE.split(text[most.start() :], 1)[0]
        valid = _ROLE_WORDS_BY["valid"].search(clause) and not _INVALID_WORDS.search(clause)
        return ("valid" if valid else "invalid", int(most.group(1)))
    if least and not most:
        clause = CLAUSE.split(text[least.start() :], 1)[0]
        return ("invalid" if _INVALID_WORDS.search(clause) else "valid", int(least.group(1)))
    return None


def without_exempt(reading: Reading, count: int) -> Reading:
    """`count` of the reading's invalid packages found exempt, left out of both sides."""
    return _without_left_out(reading, _LeftOut(count, "exempt", None))


def more_invalid(text: str) -> int | None:
    """ "what if 1 more turns invalid?", "再有2个无效": the packages supposed to turn invalid."""
    text = _ASKED.sub(lambda m: " " * len(m.group()), spell_digits(text))
    return _assign(_figures(text, _role_words(text))).get("more_invalid")


def new_invalid(text: str) -> int | None:
    """ "再来一单无效", "if 2 more go out untracked": new packages supposed shipped invalid,
    added to the window (both sides' total, never the valid ones)."""
    text = _ASKED.sub(lambda m: " " * len(m.group()), spell_digits(text))
    return _assign(_figures(text, _role_words(text))).get("new_invalid")


def counts_at(rate: float | None, shipments: int | None) -> Counts | None:
    """A rate and a total as counts (96% of 75 = 72 valid), when the rate stands for a whole
    number of packages at its own precision (93.75% of 1,600 = 1,500)."""
    if rate is None or not shipments:
        return None
    valid = round(rate * shipments / 100)
    decimals = len(str(rate).split(".")[1].rstrip("0")) if "." in str(rate) else 0
    if abs(valid * 100 / shipments - rate) > 0.5 * 10**-decimals or not 0 <= valid <= shipments:
        return None
    return Counts(shipments, valid)


def _role_words(text: str) -> list[_Word]:
    """Every role word of the text, the earlier patterns first where two overlap
    ("don't have tracking" is invalid, not the "have tracking" inside it)."""
    taken: list[tuple[int, int]] = []
    found: list[_Word] = []
    for role, pattern in _ROLE_WORDS:
        for match in pattern.finditer(text):
            span = match.span()
            if span[0] == span[1] or any(span[0] < e and s < span[1] for s, e in taken):
                continue
            taken.append(span)
            if role is not None:
                found.append(_Word(role, *span))
    return sorted(found, key=lambda w: w.start)


def _figures(text: str, words: list[_Word]) -> list[_Figure]:
    """Each count of the text with the role words it may take: those of its clause, up to
    the numbers on either side (a word between two numbers is seen by both)."""
    numbers = _count_matches(text)
    bounds = [m.end() for m in CLAUSE.finditer(text)]
    figures: list[_Figure] = []
    for i, match in enumerate(numbers):
        start = max([b for b in bounds if b <= match.start()], default=0)
        end = min([b - 1 for b in bounds if b - 1 >= match.end()], default=len(text))
        low = max(start, numbers[i - 1].end() if i else 0)
        high = min(end, numbers[i + 1].start() if i + 1 < len(numbers) else len(text))
        candidates = [
            (w.role, k, distance)
            for k, w in enumerate(words)
            if w.start >= low
            and w.end <= high
            and (distance := float(max(w.start - match.end(), match.start() - w.end)))
            <= MAX_WORD_DISTANCE
        ]
        if _WHOLE_BEFORE.search(text[low : match.start()]) or _WHOLE_AFTER.match(text, match.end()):
            candidates.append(("whole", -1 - i, 0.0))
        if i and _WHOLE_BEFORE.search(text[numbers[i - 1].end() : match.start()]):
            # "3 out of 50 packages have no tracking": what follows the whole is said of the part.
            # A bracket right after the whole describes the whole ("2 of my 40 (all valid
            # now) get flagged"): its words are not the part's.
            bracket = _BRACKET_AFTER.match(text, match.end())
            told = [
                (r, k, d + 1.0)
                for r, k, d in candidates
                if k >= 0
                and words[k].start > match.end()
                and not (bracket and words[k].start < bracket.end())
            ]
            figures[-1] = replace(figures[-1], candidates=figures[-1].candidates + tuple(told))
        value, clause = int(match.group(1)), text[start:high]
        sentence = SENTENCE.split(text[match.start() :], 1)[0]
        sentence = SENTENCE.split(text[: match.start()])[-1] + sentence
        figure = _Figure(value, *match.span(), clause, tuple(candidates), sentence, start)
        figures.append(replace(figure, before=_said_before(text, start, low, match.start())))
    return _fixed_ones_described(figures, words)


def _said_before(text: str, clause_at: int, low: int, at: int) -> str:
    """The words before a figure said of it: back to its clause's start, or, with a number
    before it in its clause, the half of the words between them nearer to it."""
    before = text[low:at]
    return before[len(before) // 2 :] if low > clause_at else before


_BRACKET_AFTER = lazy(r"[^()（）\d]{0,12}[(（][^()（）]*[)）]")


def _fixed_ones_described(figures: list[_Figure], words: list[_Word]) -> list[_Figure]:
    """ "correct all 4 wrong tracking numbers": the invalid word right after a figure that a
    fix word comes just before describes the packages fixed; no other figure takes it."""
    claimed: dict[int, int] = {}
    for i, figure in enumerate(figures):
        roles = {(role, k): distance for role, k, distance in figure.candidates}
        fixed = any(
            r == "fix" and d <= 12 and words[k].end <= figure.start for (r, k), d in roles.items()
        )
        for (role, k), distance in roles.items():
            if not (fixed and role == "invalid" and distance <= 3 and words[k].start >= figure.end):
                continue
            if not any(figure.end <= f.start < words[k].start for f in figures):
                claimed[k] = i  # no other figure between them ("fix 2 of my 3 invalid")
    if not claimed:
        return figures
    return [
        replace(f, candidates=tuple(c for c in f.candidates if claimed.get(c[1], i) == i))
        for i, f in enumerate(figures)
    ]


_SLASH_DATE = lazy(
    r"(?:\bon|since|from|until|till|before|after|\bby|\bto|through|日期|发货日)\s*"
    r"(?:[01]?\d)/(?:[0-3]?\d)(?!\d|/\d)"
)
"""A date written with a slash ("shipped on 11/5"): not a pair of counts."""


_OVER_PACKAGES = lazy(r"over \d{1,7}\s(?:packages|shipments|orders|parcels)\b")
"""A whole the rate is measured over ("97.2% over 500 packages"), not a bar."""


def _count_matches(text: str) -> list[re.Match[str]]:
    """The numbers that may count packages: not days, dates, money, the bar or a list's
    numbering."""
    dates = [m.span() for m in _SLASH_DATE.finditer(text)]
    return [
        m
        for m in _NUMBER.finditer(text)
        if not any(start <= m.start() < end for start, end in dates)
        and not _NOT_A_COUNT.match(text, m.end())
        and (
            not _BAR_BEFORE.search(text[max(0, m.start() - 14) : m.start()])
            or bool(_OVER_PACKAGES.match(text, m.start() - 5))
        )
        and not _MONTH_BEFORE.search(text[max(0, m.start() - 10) : m.start()])
        and not _MONEY_BEFORE.search(text[max(0, m.start() - 5) : m.start()])
        and not _PEOPLE_BEFORE.search(text[max(0, m.start() - 12) : m.start()])
        and not (
            m.group(1) == "95" and _NEAR_BEFORE.search(text[max(0, m.start() - 14) : m.start()])
        )
        and not _enumerator(text, m)
    ]


def _enumerator(text: str, match: re.Match[str]) -> bool:
    """ "1. …？ 2. …？", "1) … 2) …", "(1) …": a list's numbering, not a count. A number
    closed by ")" or "、" numbers a list wherever a phrase starts; one closed by "." only
    after a sentence's end (else "98 valid out of 100. Safe?" would lose its 100)."""
    raw_before = text[: match.start()]
    before = raw_before.rstrip()
    after = text[match.end() : match.end() + 1]
    if not after:
        return False  # the text's last number ("toys 57 60") closes nothing
    if raw_before[-1:] in ("(", "（") and raw_before[:-1].rstrip()[-1:].isalnum():
        return False  # "a couple shipments this month (2)": the count said again, in brackets
    if after in ")）、" and (
        not raw_before or raw_before[-1] in " \t\n(（" or before[-1:] in "?？。!！;；,，"
    ):
        return True
    return (not before or before[-1] in "?？。!！;；:：") and after in ".、)"


def _assign(figures: list[_Figure]) -> dict[str, int]:
    """Each figure's role: the combination of candidates (each word and each role used
    once) that gives the most figures a specific, near role, the whole not smaller than
    its parts where the words allow it."""
    if len(figures) > MAX_SEARCHED:
        figures = figures[:MAX_SEARCHED]
    nearest = 1
    while nearest < 8 and (nearest + 2) ** len(figures) <= MAX_READINGS:
        nearest += 1
    options = [[None, *sorted(f.candidates, key=lambda c: c[2])[:nearest]] for f in figures]
    best: tuple[float, dict[str, int], tuple[object, ...]] = (float("-inf"), {}, ())
    for choice in product(*options):
        roles: dict[str, int] = {}
        used: set[int] = set()
        score = 0.0
        for figure, pick in zip(figures, choice, strict=True):
            if pick is None:
                score -= 1.0
                continue
            said, word, distance = pick
            role = _refined(said, figure)
            if role in roles or word in used:
                score = float("-inf")
                break
            roles[role] = figure.value
            used.add(word)
            score += _WEIGHT[said] - 0.02 * distance
        # A reading with a part over its whole is kept only when no other fits nearly as
        # well: then the figures contradict each other, and the reading says so.
        score -= 0 if _fits(roles) else MISFIT
        if score > best[0]:
            best = (score, roles, choice)
    open_figures = [f for f, pick in zip(figures, best[2], strict=False) if pick is None]
    roles, open_figures = _periods_told_alike(best[1], figures, open_figures)
    return _filled(_more_invalid_figures(roles, open_figures), open_figures)


_PERIOD_WORD = lazy(
    r"\b(?:weeks?|days?|months?|yesterday|today)\b|before that|earlier|周|星期|礼拜|天|日|月"
)


def _periods(clause: str) -> set[str]:
    """The kinds of period a clause names ("weeks" and "week" alike)."""
    return {m.group().rstrip("s") for m in _PERIOD_WORD.finditer(clause)}


def _periods_told_alike(
    roles: dict[str, int], figures: list[_Figure], open_figures: list[_Figure]
) -> tuple[dict[str, int], list[_Figure]]:
    """ "last week 3 bad, the week before 2", "上周3个无效，再上一周2个": a bare figure of the
    same kind of period, after a period's invalid figure, is that many more invalid ones
    ("2 bad today, the other 290 this month" is no such pair)."""
    invalid = roles.get("invalid")
    told = [f for f in figures if f.value == invalid and _periods(f.clause)]
    if invalid is None or not told:
        return roles, open_figures
    alike = [
        f
        for f in open_figures
        if not f.candidates
        and f.start > told[0].start
        and f.clause_at != told[0].clause_at
        and _periods(f.clause) & _periods(told[0].clause)
    ]
    if not alike:
        return roles, open_figures
    rest = [f for f in open_figures if f not in alike]
    return roles | {"invalid": invalid + sum(f.value for f in alike)}, rest


def _more_invalid_figures(roles: dict[str, int], open_figures: list[_Figure]) -> dict[str, int]:
    """Invalid packages told in parts ("3个单号填错了，2个没传"): the parts add up, unless
    they are a breakdown of the invalid figure already read ("12 invalid: 8 blank, 4 wrong")."""
    parts = [
        f.value
        for f in open_figures
        if any(r == "invalid" and _refined(r, f) == "invalid" for r, _, _ in f.candidates)
    ]
    if not parts or "invalid" not in roles:
        return roles
    told = [*parts, roles["invalid"]]
    # "10 invalid, 4 not fixed yet, 6 fixed before delivery": the 10 told apart, fixes too.
    fixes = roles.get("fixed", 0) + roles.get("late_fix", 0)
    if 2 * max(told) == sum(told) + fixes:
        return roles | {"invalid": max(told)}  # the largest is the others' sum
    return roles | {"invalid": sum(told)}


def _refined(role: str, figure: _Figure) -> str:
    """A fix or an invalid figure read with its clause: a fix supposed ("if I fix 3") or
    made before delivery ("改好了"), more packages supposed invalid ("再有2个变无效")."""
    if role == "whole":
        return "total"
    if role == "fix":
        if _HYPOTHETICAL.search(figure.clause):
            return "to_fix"
        return "late_fix" if _late(figure) else "fixed"
    if (
        role == "valid"
        and _NEW_SHIPPED.search(figure.clause)
        and _HYPOTHETICAL.search(figure.clause)
    ):
        return "new_valid"  # "if I ship 200 more valid packages": added to both sides
    if role == "invalid" and _HYPOTHETICAL.search(figure.clause):
        before = figure.clause[: max(0, figure.start - figure.clause_at)]
        if _PART_OF.search(before):
            return "invalid"  # "fix 4 of the 7 bad ones": the 7 are there already
        if _told_as_more(figure.clause):
            return "invalid"  # "and 1 more has no number": one more told, none supposed
        if _shipped_untracked(figure):
            return "new_invalid"  # "再来1个没追踪的": a package added, not one turned bad
        return "more_invalid"
    return role


_NEW_SHIPPED = lazy(
    r"\b(?:ship|send|sell|add)\w*\b[^,.;?]{0,24}\b(?:more|another|additional|extra|new)\b|"
    r"\b(?:more|new|additional|extra) (?:valid |good |tracked )?(?:packages|shipments|orders|parcels)\b|"
    r"再发|多发|新发|再寄|新增"
)
"""New packages supposed shipped, not packages told of the window."""
_SHIPPED_UNTRACKED = lazy(
    _NEW_SHIPPED.pattern + r"|再来|又来|再出|\bgo(?:es)? out\b|\bship(?:s|ped)?\b|\bsen[dt]s?\b|"
    r"\bcomes? in\b"
)
"""A package supposed shipped without tracking ("再来1个没追踪的", "if 1 more goes out
without tracking"): it joins the window as an invalid one."""


def _shipped_untracked(figure: _Figure) -> bool:
    """The figure is packages supposed shipped without tracking: the shipping said of it,
    after it or just before it ("if 1 more goes out untracked", "再来1个没追踪的"), not of the
    total before it ("if I ship 200 and 9 are invalid": 9 of the 200, the whole supposed)."""
    after = figure.clause[figure.end - figure.clause_at :]
    own = figure.before + after
    return bool(_SHIPPED_UNTRACKED.search(own)) and not _TURNING_INVALID.search(figure.clause)


def supposes_new_packages(text: str) -> bool:
    """The text supposes new packages shipped ("if we send 250 more"), not a group told."""
    return bool(_NEW_SHIPPED.search(text) and _HYPOTHETICAL.search(text))


_MORE_ONLY = lazy(r"\bmore\b|\banother\b|\badditional\b|\bextra\b")
_TOLD_VERB = lazy(r"\b(?:has|have|had|is|are|was|were)\b")


def _told_as_more(clause: str) -> bool:
    """ "1 more has no number", "another 2 were blank": more packages told in the present or
    past, with no word that supposes them ("what if 2 more go bad" does)."""
    if not _TOLD_VERB.search(clause):
        return False
    return not _HYPOTHETICAL.search(_MORE_ONLY.sub(" ", clause))


def _late(figure: _Figure) -> bool:
    """The fix came after delivery: said so in its clause, or in its sentence when its
    clause does not say it came before ("改了10个单号，但是买家已经签收了")."""
    if _LATE.search(figure.clause):
        return True
    return not _BEFORE_DELIVERY.search(figure.clause) and bool(
        _LATE_IN_SENTENCE.search(figure.sentence)
    )


def _fits(roles: dict[str, int]) -> bool:
    total = roles.get("total")
    parts = [roles[r] for r in ("valid", "invalid") if r in roles]
    return total is None or all(p <= total for p in parts)


def _filled(roles: dict[str, int], open_figures: list[_Figure]) -> dict[str, int]:
    """Roles the words leave open, from the others: the figure beside a whole is its valid
    part ("57/60"), the largest figure beside a part is the whole ("100个96个有效"); two
    bare figures after a name are its valid ones and its whole ("Toys 57 60")."""
    roles = dict(roles)
    bare = [f.value for f in open_figures if not f.candidates]
    together = len({f.clause_at for f in open_figures}) == 1  # "toys 57 60", not "toys 99, pets 96"
    together = together and not _ALTERNATIVES.search(_between(open_figures))  # not "45 or 60"
    if not roles and len(open_figures) == len(bare) == 2 and together:
        return _part_of({"total": max(bare)}, min(bare))  # "toys 57 60", "toys 120 113"
    larger = [
        f.value
        for f in open_figures
        if "total" in roles
        and f.value > roles["total"]
        and not _PREFIX_AFTER.match(f.clause, f.end - f.clause_at)
    ]
    if larger and not _YEAR.fullmatch(str(larger[0])):
        # "10 today, 2 untracked, the other 290 were fine": a figure left over that is larger
        # than the total read means the total is not the window's.
        return roles | {"other_total": larger[0]}
    if "total" in roles and any(_another_total(f, roles) for f in open_figures):
        return roles | {
            "other_total": next(f.value for f in open_figures if _another_total(f, roles))
        }
    if len(open_figures) != 1:
        return roles
    figure, value = open_figures[0], open_figures[0].value
    if figure.candidates and not ("total" not in roles and _words_taken(figure, roles)):
        return roles  # a figure whose words were read otherwise is not guessed at
    if "total" in roles and not {"valid", "invalid"} & set(roles) and value <= roles["total"]:
        return _part_of(roles, value)
    parts = [roles[r] for r in ("valid", "invalid") if r in roles]
    if "total" not in roles and parts and all(value >= p for p in parts):
        roles["total"] = value
    return roles


def _without_repeats(figures: list[_Figure]) -> list[_Figure]:
    """A figure said again in a later clause with no role of its own ("有1单没追踪……才1单
    而已"): the same packages, not another group."""
    kept: list[_Figure] = []
    for figure in figures:
        own = {role for role, _, distance in figure.candidates if distance <= 2}
        repeat = any(k.value == figure.value and k.clause_at != figure.clause_at for k in kept)
        if repeat and own <= {"total", "whole"}:
            continue
        kept.append(figure)
    return kept


def _another_total(figure: _Figure, roles: dict[str, int]) -> bool:
    """A figure left over whose own words make it a total too ("toys 40 orders, home 60
    orders, 5 invalid"): two wholes, and which one the parts belong to is unsaid."""
    own = [role for role, _, distance in figure.candidates if distance <= 2]
    if "total" not in own or not all(role in ("total", "whole") for role in own):
        return False  # "a team of 5": a whole by its "of" only is no second total
    total = roles["total"]
    rest = total - roles["valid"] if "valid" in roles else roles.get("invalid", 0)
    return figure.value != total and figure.value > rest  # "剩下3单" of 30 with 27 valid: the rest


_PART_OF = lazy(r"\d+\s*(?:out )?of (?:the|my|those|these|our)?\s*$|\d+\s*个?(?:里|中)的?\s*$")
"""A figure after "4 of the": the whole the part is taken from, not a supposition."""
_YEAR = lazy(r"20\d\d")
_PREFIX_AFTER = lazy(r"\s*(?:numbers?\b|号|开头|prefix|series|tracking)")
"""A number's first digits ("USPS 9400 numbers"): no count."""
_ALTERNATIVES = lazy(r"\bor\b|还是|或者|或")


def _between(figures: list[_Figure]) -> str:
    """The words between the first two figures (of one clause)."""
    if len(figures) < 2:
        return ""
    first, second = sorted(figures[:2], key=lambda f: f.start)
    start = second.start - second.clause_at
    return second.clause[:start][first.end - second.clause_at :] if start > 0 else ""


def _words_taken(figure: _Figure, roles: dict[str, int]) -> bool:
    """Every role the figure's words could give it is another's ("60个有效57": 有效 is the
    57's), so its own role is left to the others."""
    return all(_refined(role, figure) in roles for role, _, _ in figure.candidates)


def _part_of(roles: dict[str, int], value: int) -> dict[str, int]:
    """A part told without words ("57/60", "toys 57 60"): the valid ones when it is most of
    the whole; a small part ("3/60") could as well be the invalid ones, so it is not read."""
    if 2 * value >= roles["total"]:
        return roles | {"valid": value}
    return roles | {"unsure": value}


def _counts_of(told: dict[str, int], rate: float | None) -> Reading:
    """The window's counts from the roles, checked against each other; a hypothetical
    applied on top. Roles that contradict each other make the reading unclear."""
    roles = dict(told)
    if "unsure" in roles or "other_total" in roles:
        return Reading(roles, unclear=True)
    if "late_fix" in roles and not {"valid", "invalid"} & set(roles):
        # "50 shipped, one had its tracking added after delivery": the defects told.
        roles["invalid"] = roles["late_fix"]
    if "daily" in roles and "total" not in roles and {"valid", "invalid"} & set(roles):
        # "about 30 a day, 40 without tracking this month": the window holds 30 days of them.
        roles["total"] = roles["daily"] * WINDOW_DAYS
    if "weekly" in roles and "total" not in roles and {"valid", "invalid"} & set(roles):
        total = _window_of_weeks(roles["weekly"], roles)
        if total is None:
            return Reading(roles, unclear=True)
        roles["total"] = total
    based = {"valid", "invalid"} & set(roles) or rate is not None
    if "more_invalid" in roles and not based:
        roles["invalid"] = roles.pop("more_invalid")  # "if 12 of 200 have none": the case itself
    now = _window(roles) or (
        counts_at(rate, roles.get("total")) if not {"valid", "invalid"} & set(roles) else None
    )
    if now is None:
        parts = {"valid", "invalid", "fixed", "to_fix", "more_invalid"} & set(roles)
        return Reading(roles, unclear="total" in roles and bool(parts) and _conflicts(roles))
    fixed = roles.get("fixed", 0)
    if 0 < fixed - (now.shipments - now.valid) <= roles.get("more_invalid", 0):
        # "if 2 turn invalid but I fix 1": the fix is of the supposed ones, a supposition too.
        roles["to_fix"] = roles.get("to_fix", 0) + roles.pop("fixed")
        fixed = 0
    if fixed > now.shipments - now.valid:
        return Reading(roles, unclear=True)
    now = Counts(now.shipments, now.valid + fixed)
    change = roles.get("to_fix", 0) - roles.get("more_invalid", 0)
    added = roles.get("new_valid", 0)  # new packages, all valid: on both sides
    untracked = roles.get("new_invalid", 0)  # new packages without tracking: the total only
    if not change and not added and not untracked:
        return Reading(roles, now=now)
    valid = now.valid + change
    if not 0 <= valid <= now.shipments:
        return Reading(roles, now=now, unclear=True)
    return Reading(roles, now=now, then=Counts(now.shipments + added + untracked, valid + added))


def _window_of_weeks(weekly: int, roles: dict[str, int]) -> int | None:
    """The window's packages at `weekly` a week (30 days are 4 2/7 weeks): the nearest whole
    count, when the whole counts either side of it give the same verdict; else None (the
    estimate cannot decide, so the seller is asked)."""
    low = weekly * WINDOW_DAYS // 7
    verdicts = set()
    for total in (low, low + 1):
        counts = _window(roles | {"total": total})
        if counts is None:
            return None
        verdicts.add(is_above(counts.valid, counts.shipments))
    nearest = (2 * weekly * WINDOW_DAYS + 7) // 14
    return nearest if len(verdicts) == 1 else None


def _window(roles: dict[str, int]) -> Counts | None:
    total, valid, invalid = roles.get("total"), roles.get("valid"), roles.get("invalid")
    if total is not None and valid is not None and invalid is not None:
        return Counts(total, valid) if valid + invalid == total else None
    if total is not None and invalid is not None:
        return Counts(total, total - invalid) if invalid <= total and total else None
    if total is not None and valid is not None:
        return Counts(total, valid) if valid <= total and total else None
    if valid is not None and invalid is not None and valid + invalid:
        return Counts(valid + invalid, valid)
    return None


def _conflicts(roles: dict[str, int]) -> bool:
    """Figures told that cannot all hold: valid and invalid that do not make the total,
    or a part larger than the whole."""
    total, valid, invalid = roles.get("total"), roles.get("valid"), roles.get("invalid")
    if total is None:
        return False
    if valid is not None and invalid is not None:
        return valid + invalid != total
    return any(part is not None and part > total for part in (valid, invalid))
