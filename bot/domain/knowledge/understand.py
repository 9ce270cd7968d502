"""Reading a seller's question the way the seller meant it, before any search.

Each step is one small function with its own test, applied in this order:

1. full-width → half-width (ＶＴＲ９５％ → vtr95%), case folded;
2. Traditional → Simplified Chinese (有效追蹤率 → 有效追踪率), with OpenCC;
3. common typos and homophones (追中 → 追踪), from the lexicon's `typos` table;
4. Chinese numerals and percentages → digits (百分之九十五 → 95%, 九成五 → 95%, 三十天 → 30天);
5. the reply language, from the grammar words of the question, so a mixed question
   ("VTR 的 30 days window 是按 ship date 算") is answered in the language it is built in.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping
from decimal import Decimal
from functools import cache

from bot.domain.chinese_script import to_simplified
from bot.domain.knowledge.numerals import DIGITS, magnitudes_as_digits, numeral_value
from bot.domain.knowledge.patterns import lazy
from bot.domain.knowledge.tags import plain_belief
from bot.domain.languages import Lang


def to_half_width(text: str) -> str:
    """Full-width letters, digits and punctuation as ASCII, case folded (ＶＴＲ？ → vtr?);
    pinyin typed with its tones as plain pinyin ("zhuīzōng lǜ" → "zhuizong lv")."""
    return without_tones(unicodedata.normalize("NFKC", text).casefold())


_PINYIN_TONE = lazy(r"[āēīōūǎěǐǒǔǖǘǚǜ]")
"""Marks only pinyin writes (a macron or a caron): the text holds pinyin with its tones."""
_TONED_U = str.maketrans({"ǖ": "v", "ǘ": "v", "ǚ": "v", "ǜ": "v", "ü": "v"})


def without_tones(text: str) -> str:
    """Pinyin's tone marks dropped, ü written v as typed without them ("lǜ" → "lv"); a text
    with no pinyin-only mark keeps its accents (French, German words)."""
    if not _PINYIN_TONE.search(text):
        return text
    decomposed = unicodedata.normalize("NFD", text.translate(_TONED_U))
    plain = "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
    return unicodedata.normalize("NFC", plain)


def fix_typos(text: str, typos: Mapping[str, str]) -> str:
    """Known misspellings replaced, longest first (追中 → 追踪, 有效追综率 → 有效追踪率);
    Latin ones (pinyin, English shorthand: "youxiao zhuizong lv", "trk") only as whole
    words, their spaces optional ("zhuizonghao" is "zhuizong hao")."""
    for wrong in sorted(typos, key=len, reverse=True):
        if not wrong.isascii() and wrong in text:
            text = text.replace(wrong, typos[wrong])
    latin = tuple(sorted((w for w in typos if w.isascii()), key=len, reverse=True))
    if not latin or not _LATIN_LETTERS.search(text):
        return text
    by_key = {_SPACES.sub("", w): typos[w] for w in latin}
    return _latin_typos(latin).sub(lambda m: by_key[_SPACES.sub("", m.group())], text)


_LATIN_LETTERS = lazy(r"[a-z]")
_SPACES = lazy(r"\s+")


@cache
def _latin_typos(words: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern for the Latin misspellings, each a whole word, spaces inside optional."""
    spelled = [r"\s*".join(re.escape(part) for part in word.split()) for word in words]
    return re.compile(rf"(?<![a-z0-9])(?:{'|'.join(spelled)})(?![a-z0-9])")


_DIGIT = DIGITS
_NUMERAL = "零〇一二两三四五六七八九十百千万"
_PERCENT = lazy(f"百分之([{_NUMERAL}]+|[0-9.]+)")
_DECIMAL = lazy(f"([{_NUMERAL}]+|[0-9]+)点([零〇一二两三四五六七八九]+|[0-9]+)")
"""九十四点五 → 94.5, 94点8 → 94.8: a rate said with its decimal point."""
_TENTHS = lazy("([一二三四五六七八九])成([一二三四五六七八九])?")
# A lone numeral is a number only before a unit: "七天" is 7 days, "一个" and "一直" are words.
_RUN = lazy(f"(?<![几数好上])(?:[{_NUMERAL}]{{2,}}|[{_NUMERAL}](?=[天日次周月小时年美元欧刀块%]))")
"""A numeral run; after 几/数/好/上 ("几百日元", "数十单", "上千") it is a rough size, not a figure."""
_NOT_A_NUMBER = ("万一", "千万", "百万", "万")
"""Runs that are words, not counts: 万一 (in case), 千万 (by all means); a lone 万."""


def chinese_number(numeral: str) -> int | None:
    """The value of a Chinese numeral (九十五 → 95, 两千三 → 2,300: numerals.py), digit by
    digit when it has no unit (九五 → 95)."""
    if all(ch in _DIGIT for ch in numeral):  # digit by digit: 九五 → 95
        return int("".join(str(_DIGIT[ch]) for ch in numeral))
    if numeral.startswith(_NOT_A_NUMBER) or (numeral[0] not in _DIGIT and "万" in numeral):
        return None
    return numeral_value(numeral)


def _about(numeral: str) -> str | None:
    """Two numerals one apart are a rough size, not a figure: 两三天 is 2-3 days, 三四个 3-4
    (never 23 or 34); 九五 is still 95."""
    if len(numeral) != 2 or not all(ch in _DIGIT for ch in numeral):
        return None
    low, high = (_DIGIT[ch] for ch in numeral)
    return f"{low}-{high}" if high == low + 1 else None


def digits_from_chinese(text: str) -> str:
    """Chinese numerals and percentages as digits, so "百分之九十五" meets "95%"."""

    def percent(match: re.Match[str]) -> str:
        value = match.group(1)
        number = value if value[0].isdigit() else chinese_number(value)
        return f"{number}%" if number is not None else match.group()

    def tenths(match: re.Match[str]) -> str:
        return f"{_DIGIT[match.group(1)]}{_DIGIT.get(match.group(2) or '零', 0)}%"

    def decimal(match: re.Match[str]) -> str:
        whole = match.group(1)
        value = whole if whole.isdigit() else chinese_number(whole)
        tenths = "".join(str(_DIGIT.get(ch, ch)) for ch in match.group(2))
        return f"{value}.{tenths}" if value is not None else match.group()

    def number(match: re.Match[str]) -> str:
        if (about := _about(match.group())) is not None:
            return about
        value = chinese_number(match.group())
        return str(value) if value is not None else match.group()

    text = magnitudes_as_digits(_DECIMAL.sub(decimal, text))
    text = _PERCENT.sub(percent, text)
    text = _TENTHS.sub(tenths, text)
    return _RUN.sub(number, text)


_HAN = lazy(r"[\u3400-\u9fff]")
MOSTLY_HAN = 1
"""Chinese characters per Latin word from which a message without grammar words of either
language ("VTR仅限美国站？", "VTR看60天？") is Chinese: the Latin words are terms it borrows."""
_LATIN_WORD = lazy(r"[a-z]+")
_HYPHENED_TERM = lazy(r"(?<![a-z0-9])[a-z]+(?:-[a-z0-9]+)+")
# Words that build a sentence rather than name a thing: a question's language is the
# language of these, whatever terms ("VTR", "配送绩效") it borrows from the other.
_ZH_GRAMMAR = lazy(
    "吗|呢|吧|的|了|是|怎么|怎样|什么|啥|多少|多久|几|哪|还是|可以|能不能|会不会|要不要|"
    "算不算|有没有|是不是|如果|但是|因为|为什么|请问|我|你|和|跟|在|要|会|能|算|"
    r"([\u4e00-\u9fff])不\1"  # A-not-A questions: 收不收, 行不行
)
_EN_GRAMMAR = frozenset(
    [
        "a",
        "an",
        "the",
        "is",
        "are",
        "was",
        "were",
        "be",
        "do",
        "does",
        "did",
        "i",
        "my",
        "me",
        "we",
        "our",
        "you",
        "your",
        "it",
        "this",
        "that",
        "what",
        "which",
        "how",
        "why",
        "when",
        "where",
        "who",
        "can",
        "could",
        "should",
        "would",
        "will",
        "if",
        "and",
        "or",
        "but",
        "to",
        "of",
        "in",
        "on",
        "for",
        "with",
        "from",
        "at",
        "by",
        "not",
        "no",
        "yes",
        "any",
        "there",
        "here",
        "has",
        "have",
        "had",
        "need",
    ]
)


_LETTER_NAME = lazy(r"(?<![A-Za-z])[A-Za-z](?=[\u4e00-\u9fff])")
"""One Latin letter glued to the Chinese word it names ("A店", "B类")."""


def detect_lang(text: str, preferred: Lang | None = None) -> Lang:
    """The language the question is built in; ties go to the user's choice, then the first word.

    Only one script → that language. Mixed → grammar words decide: "Buy Shipping 要另外
    收 fee 吗" is Chinese, "Where do I find 配送绩效 in Seller Central?" English.
    """
    folded = to_half_width(text)
    han = bool(_HAN.search(folded))
    if han:
        folded = to_simplified(folded)  # 嗎, 會 are grammar words as 吗, 会 are
    # "A-to-z", "e-mail": a hyphened term is one borrowed name, its "to" no English grammar.
    # "A店", "B站": a letter glued to a Chinese word names it, no English "a".
    words = _LATIN_WORD.findall(_LETTER_NAME.sub(" ", _HYPHENED_TERM.sub(" term ", folded)))
    if han and not words:
        return "zh"
    if words and not han:
        return "en"
    zh = len(_ZH_GRAMMAR.findall(folded))
    en = sum(word in _EN_GRAMMAR for word in words)
    if zh != en:
        return "zh" if zh > en else "en"
    if preferred is not None:
        return preferred
    if len(_HAN.findall(folded)) >= MOSTLY_HAN * len(words):
        return "zh"  # "VTR仅限美国站？": a Chinese sentence around a borrowed term
    # The language of the first word; nothing to go by ("95%?"): Chinese, the usual audience.
    return "en" if _LATIN_WORD.match(folded.lstrip()) else "zh"


_KANA_HANGUL = lazy(r"[\u3040-\u30ff\uac00-\ud7af]")
_INVERTED_MARK = lazy(r"[¿¡]")
_FOREIGN_WORDS = frozenset(
    # Spanish, French, German, Portuguese and Italian grammar words that are no English word
    # and no marketplace code ("de", "es", "it", "la" of La Poste are left out).
    [
        "qué",
        "que",
        "cuál",
        "cual",
        "cómo",
        "como",
        "los",
        "las",
        "del",
        "para",
        "por",
        "mis",
        "tasa",
        "está",
        "tengo",
        "puedo",
        "hay",
        "una",
        "seguimiento",
        "envío",
        "envíos",
        "pedidos",
        "est",
        "les",
        "des",
        "du",
        "pour",
        "quel",
        "quelle",
        "c'est",
        "qu'est",
        "ce",
        "taux",
        "suivi",
        "mon",
        "je",
        "nous",
        "combien",
        "pourquoi",
        "comment",
        "ist",
        "die",
        "der",
        "das",
        "und",
        "wie",
        "ich",
        "mein",
        "meine",
        "nicht",
        "wird",
        "sind",
        "gültige",
        "warum",
        "wann",
        "qual",
        "é",
        "taxa",
        "rastreamento",
        "meu",
        "não",
        "minha",
        "porque",
        "è",
        "il",
        "tasso",
        "perché",
        "mio",
    ]
)
MIN_FOREIGN_WORDS = 2


def other_language(text: str) -> bool:
    """The message is in a language this bot does not answer in: Japanese kana, Korean
    hangul, Spanish ¿¡, or more grammar words of a European language than of English
    ("¿Cuál es el objetivo de VTR?", "Was ist die gültige Sendungsverfolgungsrate?")."""
    if _KANA_HANGUL.search(text) or _INVERTED_MARK.search(text):
        return True
    folded = to_half_width(text)
    if _HAN.search(folded):
        return False  # Chinese, whatever Latin words it borrows
    words = re.findall(r"[a-zà-ÿ']+", folded)
    foreign = sum(word in _FOREIGN_WORDS for word in words)
    english = sum(word in _EN_GRAMMAR for word in words)
    return foreign >= MIN_FOREIGN_WORDS and foreign > english


_SENTENCE_END = lazy(r"(?<=[。！？!?；;])|(?<=\.)\s+|\n+")
_ASKS_ZH = lazy(
    "吗|嗎|呢|怎么|怎样|咋|如何|多久|多少|哪|什么|为什么|为啥|啥|几|是否|能否|"
    "(?<!照样)(?<!照常)(?<!也)(?<!都)(?<!还)可以|(.)不\\1|(有|算|用|传|填|扫|到|过|改)没\\2|"
    # "有问题没", "上传了没": a sentence ending in 没 asks; "还没", "都没" state.
    "(?<=[\u4e00-\u9fff])(?<![还都也并])没[?？!！~～\\s]*$|"
    # A choice between two ("按店铺算还是按品类算"); 还是 opening a clause is "still".
    "(?<=[\u4e00-\u9fffA-Za-z0-9])还是(?!算|会|要|得|被|能|可以|有|计入)"
)
"""A question word; a 可以 after 照样/也/都/还 states what can be done ("照样可以算")."""
_ASKS_EN = lazy(
    r"^(what|which|who|when|where|why|how|is|are|does|do|can|could|should|will|would|did|am|must|shall|may|whether)\b|"
    r"(?:[.!?,;:]|\s[-–—])\s+(?:is|are|does|do|can|could|should|will|would|did|am|has|have)\b|"
    r"\b(?:what|which|when|where|why|how|whats|hows|wheres|whens|whys)\b(?! (?:i|you|we|it) (?:think|know|said|do it)\b)|"
    # "if tracking is added after delivery does it count": the condition, then the question.
    r"^(?:if|once|after|before)\b[^,.?!]{0,80}?\s(?:does|do|is|are|can|will|would|should) "
    r"(?:it|that|this|they|i|we)\b|"
    # "picked the wrong carrier can i still change it": the inversion asks, unpunctuated.
    r"\s(?:can|could|should|will|would|do|does|did|am|must) (?:i|we|my|our)\b(?! (?:think|know|guess)\b)|"
    r"\s(?:is|are) (?:that|this|mine|ours)\s(?!(?:is|was)\b)\w|"
    r"\s(?:does|will|would|can|could) (?:it|this|that) (?!(?:is|was|will|does)\b)"
)


_ASK_INTRO = lazy(
    r"我想知道|想知道|想问一?下|我想问|请问|问一下|我的问题是|"
    r"i (?:want|would like|'d like) to know|my question is|i wonder"
)
MIN_ASKED_AFTER_INTRO = 4


def sentences(text: str) -> list[str]:
    """The message's sentences (ended by 。！？!?；; a full stop and a space, or a line)."""
    return [s for s in _SENTENCE_END.split(text) if s and s.strip()]


def main_question(text: str) -> str | None:
    """The sentences of a longer message that ask something, when others only tell a story.

    "我做家居三年了。最近换了货代。VTR统计是按哪个日期？" → "VTR统计是按哪个日期？".
    None when the message is one sentence, or every sentence asks.
    """
    intro = _ASK_INTRO.search(text)
    if intro and len(text) - intro.end() >= MIN_ASKED_AFTER_INTRO:
        return text[intro.end() :].strip()  # "…，我想知道到底怎么计算的": what follows is asked
    said = [s.strip() for s in sentences(text)]
    if len(said) < 2:
        return None
    asking = [s for s in said if asks(s)]
    if not asking or len(asking) == len(said):
        return None
    return " ".join(asking)


_PIECE_END = lazy(
    r"(?<=[？?；;])|\n+|(?<=\S)\s+(?=\d[.、)）]\s*\S)|(?<=\S)\s*(?=[(（]\d{1,2}[)）])|"
    # "how do I fix it and by when …", "what is it and how to check it": a new question word
    # after "and" starts a new question.
    r"\s+and\s+(?=(?:by when|when|how|where|what|which|why|can|do|does|is|are|will|should|whether)\b)|"
    r"(?:\s+|[,，;；]\s*)(?=(?:btw|by the way)\b)|"
    r",\s+(?:and\s+|also\s+|plus\s+)?(?=(?:can|could|is|are|does|do|how|what|where|when|which|why|will|should|whether)\b)|"
    r"[,，]\s*(?=(?:还有|另外|以及|那|顺便问一?下)[^,，]{2,})|"
    # "VTR怎么算还有FBA受影响吗": the same words start a question without a comma too (not
    # 还有效, 还有多久: "still").
    r"(?<=[^\s,，])(?=(?:另外|顺便问一?下|还有(?![效多救几没什的])|以及)[^,，]{2,})|"
    r"\s+(?=(?:also|btw|plus|and also)\s+(?:how|what|where|when|which|why|is|are|do|does|can)\b)"
)
_TOLD_END = lazy(r"(?<=[。！!])|(?<=[^\s.]{2}\.)\s+")
"""The end of a sentence that may only tell ("My VTR is 93%. What happens, and how do I fix
it?"): the figures it tells are the story of every question after it. Not after "U.S." or a
list's "1."."""
MAX_PIECES = 4
_COMMA = lazy(r"[,，]")
_OPENS_ANOTHER = lazy(
    r"(?:and|also|plus)\s+(?:how|when|what|where|which|why|do|does|is|are|can|will)\b|"
    r"(?:另外|还有|以及)(?![效多救几没什的])"
)
"""A part after a comma opening another question ("…, and how long do edits take to show
up"): one asked of the first part's subject, which it need not name again."""
MIN_COMMA_PART = 6
"""A shorter part after a comma is a tag on the question before it ("…，是马上吗")."""
_ZH_SPACE = lazy(r"(?<=[^\s\d])\s+(?=[\u4e00-\u9fff]|[A-Za-z]{2,}[\u4e00-\u9fff])")
_LATIN_LETTER = lazy(r"[A-Za-z]")
_FIGURE_AGAIN = lazy(
    r"(?<=[吗嘛呢么])(?:\s+|\s*[,，、]\s*)"
    r"(?=(?:那|那么|如果是?|要是|换成)?\s?[$€£¥]?\d[\d.,]*[^\d,，。？?\s]{0,8}呢\s*[?？]?\s*$)"
)
"""A figure asked again after a question ("…算吗　1200日元的呢"): where that part starts."""


def asked_pieces(text: str, names_subject: Callable[[str], bool] | None = None) -> list[str]:
    """The questions of a message that asks several ("用了购买配送还会有VTR问题吗？要额外付费
    吗？"), each with the story before the first one; one piece when it asks one thing."""
    parts = [
        s.strip()
        for p in _PIECE_END.split(text)
        if p and p.strip()
        for s in _TOLD_END.split(p)
        if s.strip()
    ]
    if len(_HAN.findall(text)) > len(_LATIN_LETTER.findall(text)):
        # In a Chinese message a space before a Chinese phrase separates two phrases
        # ("在哪里看VTR 有缺陷明细吗"); in an English one it only sets off a term.
        parts = [q for p in parts for q in _ZH_SPACE.split(p) if q.strip()]
    # "…算吗　1200日元的呢", "…达标吗，96呢": a figure asked again after a question, set off
    # by a space (a full-width one too) or a comma, is a part of its own.
    parts = [q for p in parts for q in _FIGURE_AGAIN.split(p) if q.strip()]
    asking = [p for p in parts if asks(p)]
    if len(asking) < 2 and len(parts) == 1:
        # "VTR怎么算，FBA受影响吗": commas part questions only when every part asks, and at
        # some length ("我的是94%，达标吗" is one question with its figure).
        commas = [p.strip() for p in _COMMA.split(text) if p.strip()]
        named = names_subject or (lambda part: True)
        if len(commas) > 1 and all(
            asks(p) and len(p) >= MIN_COMMA_PART and (named(p) or _OPENS_ANOTHER.match(p))
            for p in commas
        ):
            return commas[:MAX_PIECES]
    if len(asking) < 2:
        return [text]
    story = " ".join(p for p in parts[: parts.index(asking[0])] if p not in asking)
    # A list's numbering ("1) vtr target?") is no figure of the part's.
    return [f"{story} {_LIST_MARK.sub('', piece)}".strip() for piece in asking[:MAX_PIECES]]


_LIST_MARK = lazy(r"^\s*(?:[(（]\d{1,2}[)）]|\d{1,2}[)）、]|\d{1,2}\.(?=\s)|[①-⑩])\s*")


def asks(sentence: str) -> bool:
    """The sentence asks something: a question mark, a question word of either language,
    or a tag asking for a verdict ("VTR目前96，ok吧，", "…, right")."""
    sentence = _LIST_MARK.sub("", _NOT_MUCH.sub(" ", sentence))  # "1) is it free": asks
    return sentence.endswith(("?", "？")) or bool(
        _ASKS_ZH.search(sentence)
        or _ASKS_EN.search(sentence.casefold())
        or _VERDICT_TAG.search(sentence.casefold())
    )


_NOT_MUCH = lazy(r"没(?:有)?(?:啥|什么)|啥都|什么都|不怎么")
"""Question words in a negation ("没啥关系", "什么都不用"): nothing is asked by them."""
_VERDICT_TAG = lazy(r"(?:吧|对吧|是吧|没错吧|\bright|\bcorrect|\bok|\bokay)\W*$")


_WORD_THEN_NUMBER = lazy(r"(?<![a-z0-9])([a-z]{2,})(\d{2,}(?:\.\d+)?%?|\d(?:\.\d+)?%)")
_NUMBER_THEN_WORD = lazy(r"(\d{2,}(?:\.\d+)?%?)([a-z]{2,})(?![a-z0-9])")


_PERCENT_WORD = lazy(r"(\d)\s*(?:percent|per cent|pct)\b")
# "vtr 95 exactly ok?", "有效追踪率是94", "我的追踪率现在94.8", "VTR sitting at 94.9": a rate
# written without its sign, a few words after the metric's name (two digits, not days or a
# count: "vtr 96 valid of 100" keeps its counts).
_RATE_WITHOUT_SIGN = lazy(
    r"((?:vtr|有效追踪率|追踪率|跟踪率|有效率|tracking rate|\brate\b|\bmine\b|\bours\b|我的是|我现在)"
    r"[^\d,，。;；?？!！/]{0,16}?)"
    r"([5-9]\d(?:\.\d+)?|100)(?![\d.%/]|\s*(?:天|日|days?|个|单|件|笔|票|条|包裹|packages?|orders?|"
    r"shipments?|parcels?|valid|invalid|有效|无效|of\b|out\b|in\b|from\b))"
)


_DECIMAL_COMMA = lazy(r"(?<![\d,.])(\d{1,3}),(\d{1,2})(?=\s?%)")
"""A rate written with a decimal comma ("94,5%", as in Germany and France): 94.5%, not 5%."""
_LONE_FIGURE = lazy(r"^([^\d]*?)(?<![\d.])([5-9]\d(?:\.\d+)?|100)(?![\d.%])([^\d]*)$")
_ASKING_WORDS = lazy(
    r"\b(?:it's|i'm|we're|is|it|its|that|this|my|mine|our|i|im|we|am|are|at|now|currently|still|"
    r"exactly|just|only|right|so|ok|okay|good|fine|safe|enough|pass|passing|problem|danger|"
    r"dangerous|risky|trouble|worried|too|low|high|not|a|hi|hey|bad|poor|terrible|awful|"
    r"concerning|alarming|great|decent)\b|"
    r"我的?|我们|现在|目前|还|是|算|有|了|吗|呢|吧|啊|不|没|安全|稳|要紧|打紧|危险|够|行|可以|"
    r"达标|合格|过|问题|事|低|高|严重|怎么样|如何|咋样|会|被|限制|好|刚好|正好|只有|差|糟|很|太|算"
)
"""The words of a bare rate asked about ("is 94.9 ok", "我95.3安全吗", "96 good?"): with
nothing else around it, the figure is the seller's VTR, the one rate this bot is about."""


def _lone_rate(text: str) -> str:
    """A figure in VTR's range asked about with nothing but asking words around it gets its
    % sign; a figure beside any other word (days, orders, a metric, a carrier) is left as is."""
    match = _LONE_FIGURE.match(text)
    if match is None:
        return text
    rest = _ASKING_WORDS.sub(" ", f"{match.group(1)} {match.group(3)}")
    if re.sub(r"[\W_]", "", rest):
        return text
    return f"{match.group(1)}{match.group(2)}%{match.group(3)}"


# "vtr 97 and lsr 4, fine?", "ODR 0.8 ok?": another metric's rate written without its sign,
# right after the metric's short name (not days, counts or a choice of two: "lsr 4 or 5?").
_METRIC_RATE_WITHOUT_SIGN = lazy(
    r"(\b(?:lsr|odr|pfcr|otdr)\s?(?:is|at|=|:)?\s?|(?:迟发率|订单缺陷率|取消率|准时送达率|准时交货率)(?:是|为|:)?\s?)"
    r"(\d{1,2}(?:\.\d+)?)(?![\d.%/]|\s?(?:(?:or|and|to)\s+\d|还是|或|天|日|days?|个|单|件|笔|票|条|包裹|"
    r"packages?|orders?|shipments?|parcels?|of\b|out\b|in\b|from\b))"
)


def separate_numbers(text: str) -> str:
    """A figure typed against a word stands apart from it ("vtr96%" → "vtr 96%", "lsr5%" →
    "lsr 5%": one digit only with its sign, never a tracking number's), and a
    percentage written out is a percentage ("95 percent" → "95%")."""
    text = _DECIMAL_COMMA.sub(r"\1.\2", text)
    text = _RATE_WITHOUT_SIGN.sub(r"\1\2%", _PERCENT_WORD.sub(r"\1%", text))
    text = _METRIC_RATE_WITHOUT_SIGN.sub(r"\1\2%", _lone_rate(text))
    return _NUMBER_THEN_WORD.sub(r"\1 \2", _WORD_THEN_NUMBER.sub(r"\1 \2", text))


_PERCENT_FIGURE = lazy(r"(?<![\d.])(\d{1,3}(?:\.\d+)?)\s?%")
_BAR = 95.0


def stated_figures(text: str) -> list[float]:
    """Percentages in a normalised question other than the bar itself ("掉到93%" → [93.0])."""
    return [v for v in map(float, _PERCENT_FIGURE.findall(text)) if v != _BAR and v <= 100]


_EN_UNITS = {
    w: i
    for i, w in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
        ]
    )
}
_EN_TENS = {w: 10 * i for i, w in enumerate(["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]) if i > 1}  # fmt: skip
_EN_WORD = "|".join([*_EN_UNITS, *_EN_TENS, "hundred", "thousand"])
_EN_NUMBER = lazy(rf"\b(?:{_EN_WORD})(?:[\s-]+(?:and[\s-]+)?(?:{_EN_WORD}))*\b")
_EN_LARGE = lazy("|".join([*_EN_TENS, "hundred", "thousand"]))


def digits_from_english(text: str) -> str:
    """English numbers of tens and more written out as digits ("ninety four percent" → 94
    percent, "two hundred parcels" → 200 parcels); a lone small word ("one order ships in
    two boxes") is left to the figures' own reading, where it may be an article."""

    def number(match: re.Match[str]) -> str:
        raw = re.split(r"[\s-]+", match.group())
        joined = [raw[i - 1] for i, w in enumerate(raw) if w == "and"]
        if not _EN_LARGE.search(match.group()) or set(joined) - {"hundred", "thousand"}:
            return match.group()  # "between twenty and thirty" is two numbers, not fifty
        words = [w for w in raw if w != "and"]
        total, current = 0, 0
        for word in words:
            if word == "hundred":
                current = (current or 1) * 100
            elif word == "thousand":
                total, current = total + (current or 1) * 1000, 0
            else:
                current += _EN_UNITS.get(word, 0) + _EN_TENS.get(word, 0)
        return str(total + current)

    return _EN_NUMBER.sub(number, text)


_BY_SHIPPING = lazy(
    r"(^|\b(?:does|do|did|is|are|use|used|using|the|about|with|via|through|of|for|can|"
    r"thru|and|or|vs|what's|whats|what is|is it)\s+)(?:by|bye|bi)\s+shipping\b"
)
"""Buy Shipping spelled as it sounds ("does by shipping cost extra", "use bye shipping"),
where "by shipping" cannot be the preposition ("paid by shipping on time" stays)."""


_FBA_SPELLED_OUT = lazy(
    r"\bfulfil(?:l)?(?:ment|ed)[\s-]+by[\s-]+amazon\b|\bamazon[\s-]+fulfil(?:l)?ed\b"
)
"""FBA by its full name, in either spelling ("fulfilment by Amazon", "Amazon-fulfilled"): the
rules and beliefs that name FBA read it as "fba"."""


def spoken_alike(text: str) -> str:
    """Our field's names typed as they sound, or spelled out, once the words are spelled
    right ("fullfilment by amazon" is FBA)."""
    return _FBA_SPELLED_OUT.sub("fba", _BY_SHIPPING.sub(r"\1buy shipping", text))


def normalize_question(text: str, typos: Mapping[str, str]) -> str:
    """Steps 1–4: the text the search and the entity finder read."""
    text = plain_belief(to_simplified(to_half_width(text)))
    text = digits_from_english(digits_from_chinese(fix_typos(text, typos)))
    return separate_numbers(fraction_rate_as_percent(text))


_FRACTION_RATE = re.compile(
    r"((?<![a-z])vtr(?![a-z])|valid tracking(?: rate)?|tracking rate|有效追踪率|追踪率|跟踪率)"
    r"(\s*(?:is|was|at|of|=|:|：|是|为|才|只有|现在)?\s*(?:(?:is|at|only|now|just)\s*)?)"
    r"(0\.\d{2,4})(?![\d%])",
    re.IGNORECASE,
)


def fraction_rate_as_percent(text: str) -> str:
    """ "vtr 0.951 够吗", "my tracking rate is 0.94": VTR told as a fraction, as Seller
    Central's reports give it, written as the percent every rule reads."""

    def percent(match: re.Match[str]) -> str:
        value = Decimal(match.group(3)) * 100
        return f"{match.group(1)}{match.group(2)}{value.normalize():f}%"

    return _FRACTION_RATE.sub(percent, text)
