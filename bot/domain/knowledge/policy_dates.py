"""A date a seller states for one of Amazon's VTR rules, checked against when it took effect.

"The EU rule kicked in on 15 January 2025, right?", "欧盟新规是2024年1月开始的吧": the rule is
named by its words (policy_dates.yaml's `about`), the date read at the precision written (a
year, a month, a day), and compared with the dates the sources give (domain.md 1b). A date
said only of something else (an order's, a shipment's) names no start, so the question must
say the rule started ("生效", "took effect", "since").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.domain.knowledge.case import Case
from bot.domain.knowledge.patterns import lazy
from bot.domain.knowledge.schema import Decision, Fact
from bot.domain.reference import PolicyDate, policy_dates

_STARTED = lazy(
    r"生效|开始|(?<!一)起(?!来)|实施|执行|施行|上线|推出|出台|改的|变的|"
    r"take effect|took effect|taking effect|effective|start|began|begin|since|kick(?:ed|s)? (?:in|off)|"
    r"came in|come in|introduc|launch|in force|roll(?:ed)? out|went live|go live|\bas of\b"
)
_ASKS_WHY_OR_HOW = lazy(r"\b(?:why|how)\b|为什么|为啥|怎么|咋")
_ISO = lazy(r"(?<!\d)(20\d\d)\s?[-/.年]\s?(\d{1,2})(?:\s?[-/.月]\s?(\d{1,2}))?")
_YEAR = lazy(r"(?<![\d.])(20\d\d)(?![\d.%])")
_MONTH_ZH = lazy(r"(?<![\d.])(\d{1,2})\s?月(?:份)?(?:\s?(\d{1,2})\s?[日号])?")
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH_EN = lazy(
    r"(?<![\d.])(?:(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?)?"
    r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)(?:uary|ruary|ch|il|e|y|ust|t|tember|"
    r"ober|ember)?\b\.?(?:\s+(\d{1,2})(?:st|nd|rd|th)?(?![\d.]))?"
)


@dataclass(frozen=True)
class StatedDate:
    """A date as written: the parts a seller leaves out are None."""

    year: int | None
    month: int | None
    day: int | None

    def agrees_with(self, iso: str) -> bool:
        """Each part written is the rule's ("2025", "Jan 2025" and "15 January" all agree
        with 2025-01-15); a part the rule's date lacks (a day of "2023-03") is not checked."""
        parts = [int(p) for p in iso.split("-")]
        rule = (*parts, None, None)[:3]
        return all(
            said is None or known is None or said == known
            for said, known in zip((self.year, self.month, self.day), rule, strict=True)
        )


def stated_date(text: str) -> StatedDate | None:
    """The one date the text names ("2025年1月15日", "January 15, 2025", "2024", "1月"), or
    None when it names none."""
    iso = _ISO.search(text)
    if iso:
        day = int(iso.group(3)) if iso.group(3) else None
        return StatedDate(int(iso.group(1)), int(iso.group(2)), day)
    year_match = _YEAR.search(text)
    year = int(year_match.group(1)) if year_match else None
    month, day = _month_and_day(text)
    if year is None and month is None:
        return None
    return StatedDate(year, month, day)


def _month_and_day(text: str) -> tuple[int | None, int | None]:
    zh = _MONTH_ZH.search(text)
    if zh and 1 <= int(zh.group(1)) <= 12:
        return int(zh.group(1)), int(zh.group(2)) if zh.group(2) else None
    en = next((m for m in _MONTH_EN.finditer(text) if _a_month(m, text)), None)
    if en is None:
        return None, None
    day = en.group(1) or en.group(3)
    return _MONTHS.index(en.group(2)) + 1, int(day) if day and int(day) <= 31 else None


def _a_month(match: re.Match[str], text: str) -> bool:
    """ "may" is a month only beside a day or a year ("May 2024", "3 May"), not "it may"."""
    if match.group(2) != "may" or match.group(1) or match.group(3):
        return True
    return bool(re.match(r"\s*,?\s*20\d\d", text[match.end() :]))


def _rule_named(text: str) -> PolicyDate | None:
    return next((p for p in policy_dates() if all(re.search(a, text) for a in p.about)), None)


def policy_date(case: Case) -> Decision | None:
    """A start date stated for a rule, right or wrong; the reply says the rule's own. A
    seller's figures ("since March, 190 of 200 valid") are their own case, no rule's date."""
    figures = case.counts or case.groups or case.rate_groups or case.rate is not None
    if figures or case.age_days is not None or not _STARTED.search(case.text):
        return None
    if _ASKS_WHY_OR_HOW.search(case.text):
        return None  # "since January my EU orders dropped, why?": no date believed
    said = stated_date(case.text)
    rule = _rule_named(case.text) if said is not None else None
    if said is None or rule is None:
        return None
    agrees = any(said.agrees_with(d) for d in rule.dates)
    facts: dict[str, Fact] = {
        "rule_en": rule.en,
        "rule_zh": rule.zh,
        "said_en": rule.said["en"],
        "said_zh": rule.said["zh"],
    }
    return Decision(code="policy_date", facts=facts, agrees=agrees, entry=rule.entry)
