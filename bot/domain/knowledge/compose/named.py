"""The entry the question's own words name (a metric, an appeal, how-to) over the search's pick."""

from __future__ import annotations

from bot.domain.knowledge.case import Case
from bot.domain.knowledge.compose.found import Found
from bot.domain.knowledge.compose.restriction import (
    RESTRICTION_TIMING_ENTRY,
    asks_how_soon_restricted,
)
from bot.domain.knowledge.compose.state import ComposerBase
from bot.domain.knowledge.decide import METRIC_ENTRIES, decide
from bot.domain.knowledge.entities import Entities
from bot.domain.knowledge.patterns import lazy
from bot.domain.knowledge.schema import Answer, Decision, Fact

# An appeal named: its entry, or how long the review takes.
APPEAL_WORDS = frozenset({"appeal", "poa"})


APPEAL_ENTRY = "vtr-appeal"


APPEAL_TIME = "appeal-time"


# Metrics with their own entry; a question naming two or more gets the overview.
METRICS = frozenset({"vtr", "lsr", "odr", "otdr", "cancelrate"})


OVERVIEW = "metrics-overview"


VTR_FACETS = {
    "consequence": "vtr-consequences",
    "window": "vtr-window",
    "howlong": "vtr-window",
    "calculate": "vtr-formula",
    "where": "vtr-where-to-see",
    "threshold": "vtr-threshold",
    "whatis": "vtr-what",
}
"""VTR's entry for what is asked of it, when the search landed on another metric's entry."""


AFTER_DELIVERY = "tracking-after-delivery"


TRACKING_WHEN = frozenset({"trackingid", "delivered"})
"""Tracking and delivery named together: a question of when tracking was given (before or
after delivery), whatever the buyer's words around it reach."""


EXEMPT_ENTRY = "vtr-exempt-shipments"


ALERTS_ENTRY = "bot-alerts"


FROM_AMAZON = lazy(
    r"(?:amazon|亚马逊)[^.?!。？]{0,24}(?:e-?mail|mail|邮件|通知|站内信|sent|发了|发来|给我发)"
)


_WHICH_EXEMPT = lazy(
    r"(?:哪些|哪种|什么样的?|\bwhich\b|\bwhat\b)[^?？]{0,30}"
    r"(?:不计入|不算|不用算|豁免|exempt|excluded|don't count|do not count|aren't counted|not counted)"
)


# Subjects that, named beside one metric, make the question about them, not the metric.
OTHER_SUBJECTS = frozenset(
    {"buyshipping", "trackingid", "carrier", "feedback", "atoz", "scan", "invalid"}
)


_ABOUT_THE_BOT = lazy(
    r"\bbot\b|机器人|你(?:们)?的|your (?:report|figure|number|data|check)|报告|report|上传|upload|文件|\bfile|表格|"
    r"/vtr|你算|you (?:calculat|comput|count|got)|alert|提醒|订阅|subscribe|erp|自己算|"
    r"对不上|不一样|不同|差别|差异|differ|match|trail|lag|behind|滞后|延迟"
)
"""Words that make a question about this bot or its report, not Amazon's figures."""


_FIXED = lazy(
    r"\b(?:fix|fixed|add|added|upload|uploaded|edit|edited|correct|corrected|chang)|补|改|上传|加上|填上|"
    # A number entered wrong is one to fix: "the wrong tracking number, already delivered".
    r"\b(?:wrong|incorrect|mistyped|typo)\b|填错|写错|输错|录错|弄错"
)


TRACKING_FAMILY = frozenset({AFTER_DELIVERY, "tracking-edit", "tracking-unconfirmed"})


TRACKING_EDIT = "tracking-edit"


_TRACKING_HOW_TO = frozenset({"trackingid", "howto", "upload", "where"})
"""Tracking, a how-to and where: nothing else of the field named beside them."""


_HOW_TO_DO = lazy(r"怎么|怎样|如何|咋|\bhow (?:do|to|can|should|would)\b")


def tracking_how_to(found: Found, text: str) -> bool:
    """ "追踪那个东西怎么弄", "how do I do the tracking thing", "单号咋整": how to do tracking
    asked, however vaguely, with nothing else of the field named: how tracking is entered
    when confirming shipment and added or corrected later (not refused, not the steps for a
    low VTR that 怎么弄 reaches)."""
    named = "trackingid" in found.concepts and found.concepts <= _TRACKING_HOW_TO
    return named and bool(_HOW_TO_DO.search(text))


VALID_MEANING_ENTRY = "tracking-valid-meaning"


BUY_SHIPPING_WHAT = "buy-shipping-what"


_NOT_WHAT_IT_IS = frozenset({"benefit", "fee", "why", "howto"})
"""Asked beside "what is", these ask something else of Buy Shipping (its benefits, its cost)."""


_VALID_MEANING = lazy(
    r"['‘“\"「『]\s*(?:有效|valid)\s*['’”\"」』]|(?:有效|valid)(?:这个词|这两个字|两个字|二字)|"
    r"(?:^|[^率])有效(?:是指|指的是|到底指|到底是(?:什么|啥)意思|是(?:什么|啥)意思|什么意思|啥意思)|"
    r"\bwhat does (?:the word )?valid mean|\bwhat(?:'s| is) meant by valid|"
    r"\bvalid\W{0,3}(?:means?|meaning)\b|\bmeaning of (?:the word )?valid\b"
)
"""The word "valid" itself asked about, not the rate it names ("VTR是什么意思")."""


EDITS_SHOW_CLAIM = "edits-72-hours"


_SHOWS = lazy(
    r"生效|体现|显示|反映|看到|起作用|算上|\bshows?\b|show up|showing|reflect|take effect|"
    r"takes effect|kick in|kicks in|register|appear|counts?\b|updated?\b"
)
"""An edit's effect asked about (生效, "show up", "count"), not a deadline to make it."""


def _edit_delay_asked(found: Found, text: str) -> bool:
    """ "补传单号多久生效", "after I add a missing number, how long before it counts?": how
    long tracking added or edited takes to show (up to 72 hours, domain.md §1b), which the
    search takes for the after-delivery rule or the window."""
    named = found.concepts & {"trackingid", "upload"}
    when = "howlong" in found.concepts or bool(_SOON_EXPECTED.search(text))
    asked = when and bool(named) and bool(_FIXED.search(text))
    return asked and bool(_SHOWS.search(text))


_SOON_EXPECTED = lazy(
    r"\bby (?:lunch|lunchtime|noon|tonight|this (?:afternoon|evening)|end of (?:the )?day|eod|"
    r"tomorrow)\b|\bright away\b|\bstraight away\b|\bimmediately\b|\binstantly\b|"
    r"\bwithin (?:an|one|a few|the) hours?\b|\bin an hour\b|马上|立刻|立即|立马|当天|今天就|"
    r"中午(?:就|前)|下午就|晚上就|一会儿?就|很快就"
)
"""An edit's effect expected soon ("fixed them this morning, it should show by lunch?",
"刚补的单号，下午就能体现吧"): how long it takes, asked as a belief."""


def _fixed_around_delivery(found: Found, text: str) -> bool:
    """ "what if the buyer already got the parcel before I fixed the tracking?": tracking
    added or fixed and the delivery named: when it was done decides, the after-delivery rule."""
    timed = found.concepts >= TRACKING_WHEN and bool(_FIXED.search(text))
    # "the buyer already has it and the number was wrong": how to edit is past; when decides.
    past = found.best == TRACKING_EDIT and bool(_ALREADY_DELIVERED.search(text))
    return timed and found.answer.kind == "answer" and (found.best not in TRACKING_FAMILY or past)


_ALREADY_DELIVERED = lazy(r"\balready\b|已经|已签收|签收了|收到了|到了")


_REVIEW_TIME = lazy(
    r"(?<![\d.])\d+\s?(?:个)?(?:天|日|工作日|days?|business days|小时|hours?|weeks?|周)|答复|回复|回应|"
    r"\brepl(?:y|ies)\b|hear back|respon(?:d|se)|get back to"
)
"""An appeal's answer or days asked about ("10天之内会有答复吗"): the review time's entry."""


_REGAINED = lazy(
    r"恢复(?!到)|解封|解除|重新(?:开|上架|卖|销售)|拿回|\bget (?:it|them|that|this|(?:the|my) category) back\b|"
    r"reinstat|\bsell(?:ing)? (?:it |there )?again\b|\blifted\b|\bback (?:on|online)\b"
)
"""Selling won back ("多久能恢复", "when do I get it back"); "恢复到95%" is the rate's."""


def asks_what_is_exempt(case: Case) -> bool:
    """ "哪些订单不算VTR", "which shipments don't count toward VTR?": the list of exemptions,
    not one rule of one place."""
    bare = not (case.markets or case.carriers or case.amount is not None or case.letter)
    return bare and "vtr" in case.concepts and bool(_WHICH_EXEMPT.search(case.text))


DEFECT_REPORT_ENTRY = "vtr-defect-report"
_REPORT_ASKED = lazy(
    r"(?:哪个|什么|哪份|哪一个|哪种)报告|报告[^，,。?？]{0,10}(?:看到|查到|显示|列出|下载)|"
    r"\b(?:which|what) (?:amazon )?report\b|\breport (?:that )?(?:shows?|lists?|gives?)\b"
)
_ROWS_WITHOUT_VALID = lazy(
    r"无效|没有?有效|缺陷|问题|\bbad\b|invalid|defect|without (?:valid )?tracking|untracked|lack"
)
_THIS_BOTS_REPORT = lazy(
    r"上传|发给你|我的文件|我的表|表里|你的报告|你给的报告|\bupload|send you|my file|my sheet|"
    r"this bot|your report|\bvtr bot\b"
)


def asks_amazons_defect_report(case: Case) -> bool:
    """ "which report shows me the exact orders with bad tracking?", "哪个报告能看到具体哪些
    订单追踪无效": Amazon's VTR defect report (Request Report, domain.md §1), not this bot's
    report of an uploaded file, which is asked with the file named."""
    asked = _REPORT_ASKED.search(case.text) and _ROWS_WITHOUT_VALID.search(case.text)
    return bool(asked) and not _THIS_BOTS_REPORT.search(case.text)


def list_asked(case: Case) -> str | None:
    """The entry that lists what is asked for: Amazon's defect report (the orders without
    valid tracking), or the exemptions (what does not count)."""
    if asks_amazons_defect_report(case):
        return DEFECT_REPORT_ENTRY
    return EXEMPT_ENTRY if asks_what_is_exempt(case) else None


UNCONFIRMED_ENTRY = "tracking-unconfirmed"
BUY_SHIPPING_ATOZ = "buy-shipping-atoz"
BUY_SHIPPING_FEEDBACK = "buy-shipping-feedback"
_UNCONFIRMED_NEIGHBOURS = frozenset(
    {UNCONFIRMED_ENTRY, TRACKING_EDIT, AFTER_DELIVERY, "tracking-invalid-but-trackable"}
)
"""Entries that answer an unconfirmed number in their own way (edit it, when, a number the
carrier's site tracks): the search's pick among them stands, with the entry's related ones."""
_NOT_THE_STATUS = frozenset({"where", "whatis", "when", "howlong", "window", "delivered"})
"""Asked beside the status named, another question: where, what it is, by when."""


class NamedEntries(ComposerBase):
    """The entry the question's own words name over the search's pick."""

    def _entry_named(self, case: Case | None, found: Found, text: str) -> str | None:
        """The entry the question's own words name over the search's pick: one metric
        named, how to do tracking, or tracking fixed with the delivery named (when it was
        done decides); how soon a restriction follows, asked."""
        if case is not None and asks_how_soon_restricted(case):
            return RESTRICTION_TIMING_ENTRY  # "立刻就限制吗": no timeline is published
        if case is not None and (named := self._one_metric(case, found)) is not None:
            return named
        if tracking_how_to(found, text):
            return TRACKING_EDIT
        if {"buyshipping", "atoz"} <= found.concepts and BUY_SHIPPING_ATOZ in self._entries:
            # "买家说没收到货开了A-to-z，我用的购买配送，受保护吗": Buy Shipping's protection
            # is the question, whatever "never arrived" pulls to (tracking and A-to-z), and
            # what its "Claims Protected" means is that protection's, not Buy Shipping's own.
            return BUY_SHIPPING_ATOZ
        odr_or_feedback = found.concepts & {"odr", "feedback"}
        if (
            "buyshipping" in found.concepts
            and odr_or_feedback
            and BUY_SHIPPING_FEEDBACK in self._entries
        ):
            # "does using buy shipping lower my ODR", "差评删除线在哪些站点": what it does to
            # ODR is the feedback struck through (the A-to-z protection above), in its own
            # marketplaces, not its cost, its VTR or its twelve marketplaces.
            return BUY_SHIPPING_FEEDBACK
        if (meaning := self._what_is_named(found, text)) is not None:
            return meaning
        status = "unconfirmed" in found.concepts and not found.concepts & _NOT_THE_STATUS
        related = (
            self._entries[UNCONFIRMED_ENTRY].related if UNCONFIRMED_ENTRY in self._entries else []
        )
        if status and found.best not in _UNCONFIRMED_NEIGHBOURS | set(related):
            # "订单页面跟踪号后面标着未确认，我该怎么弄": the status named is the question, the
            # page it shows on no question of where to look.
            return UNCONFIRMED_ENTRY
        return AFTER_DELIVERY if _fixed_around_delivery(found, text) else None

    def _decide(self, case: Case | None, found: Found, text: str) -> Decision | None:
        """The first rule the case has facts for; else, an edit's delay asked, its fact."""
        decision = decide(case) if case is not None else None
        if decision is None and _edit_delay_asked(found, text):
            return self._edit_delay()
        return decision

    def _edit_delay(self) -> Decision:
        """How long an edit takes to show, the 72 hours' fact first (no yes or no), with
        the entry on adding and editing tracking."""
        claim = next(c for c in self._cards.claims if c.id == EDITS_SHOW_CLAIM)
        facts: dict[str, Fact] = {"zh": claim.says.zh, "en": claim.says.en}
        return Decision(code="claim", facts=facts, agrees=None, entry=TRACKING_EDIT)

    def _what_is_named(self, found: Found, text: str) -> str | None:
        """ "有效追踪的'有效'是啥意思": the word valid asked about is one carrier scan's entry;
        "someone said use buy shipping, what is it": Buy Shipping alone asked what it is gets
        what it is (labels bought and printed), not its benefits that "use" pulls to."""
        if _VALID_MEANING.search(text):
            return VALID_MEANING_ENTRY
        named = found.concepts & self._subjects
        what = "whatis" in found.concepts and not found.concepts & _NOT_WHAT_IT_IS
        return BUY_SHIPPING_WHAT if what and named == {"buyshipping"} else None

    def _by_metrics(
        self, question: str, text: str, found: Found, entities: Entities
    ) -> Answer | None:
        # "VTR 和 ODR 分别多少": several metrics at once get the overview; OTDR's entry is
        # the one that explains how it depends on VTR.
        if len(found.concepts & METRICS) >= 2 and found.best != "metric-on-time-delivery":
            return self._entry_answer(found.answer, OVERVIEW)
        return None

    def _by_appeal(
        self, question: str, text: str, found: Found, entities: Entities
    ) -> Answer | None:
        """ "VTR低被停了，申诉入口在哪", "where's the appeal button": an appeal named makes the
        question the appeal's, whatever the where/what around it would pick (VTR's own page);
        how long it takes is the review time's entry."""
        # "被限制了之后多久能恢复", "restricted, when do I get it back": the category won back
        # after a restriction is the appeal's, though no appeal is named.
        regained = "restrict" in found.concepts and _REGAINED.search(text)
        if not (found.concepts & APPEAL_WORDS or regained) or found.answer.kind == "off_topic":
            return None
        timed = found.concepts & {"howlong", "when"} or _REVIEW_TIME.search(text)
        entry = APPEAL_TIME if timed else APPEAL_ENTRY
        if found.best == entry or entry not in self._entries:
            return None
        return self._entry_answer(found.answer, entry)

    @staticmethod
    def _one_metric(case: Case, found: Found) -> str | None:
        """ "ODR", "订单缺陷率", "准时交货率": one metric named is that metric's entry, resolved
        before the words around it can pull the search to a neighbour's."""
        # "a category under the bar", "追踪号的要求": the bar named with no metric is VTR's.
        named = case.metrics or (("vtr",) if "vtr" in found.concepts else ())
        if len(named) != 1 or found.answer.kind == "off_topic":
            return None
        entry = METRIC_ENTRIES[named[0]]
        if named[0] == "vtr":
            facet = next((f for f in VTR_FACETS if f in found.concepts), None)
            entry = VTR_FACETS[facet] if facet else entry
        if found.answer.kind == "unsure" and named[0] == "vtr" and entry != METRIC_ENTRIES["vtr"]:
            return entry  # VTR and what is asked of it named, however long the story around
        if found.best == entry:
            return None
        on_a_neighbour = found.best in METRIC_ENTRIES.values() or found.best == OVERVIEW
        if (
            (found.best or "").startswith("bot-")
            and found.concepts & {"window", "howlong"}
            and not _ABOUT_THE_BOT.search(case.text)
        ):
            # "VTR看多少天的数据": VTR's window asked, not this bot's figures beside Amazon's.
            on_a_neighbour = True
        if (found.best or "").startswith("buy-shipping") and "buyshipping" not in found.concepts:
            # "能不能用一句话解释下有效追踪率": the words "能不能用" hit Buy Shipping's list, a
            # subject the question never names.
            on_a_neighbour = True
            if found.concepts >= TRACKING_WHEN:
                # "edited tracking … after delivery, which hurts VTR": when tracking was
                # given, not Buy Shipping's feedback the buyer's words reached.
                entry = AFTER_DELIVERY
        if named[0] == "vtr":
            # VTR has many entries; only a neighbour metric's entry is the wrong one.
            return entry if on_a_neighbour else None
        if found.concepts & OTHER_SUBJECTS and not on_a_neighbour:
            return None
        return entry
