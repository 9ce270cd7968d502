"""The decision's verdict put first: Right or Not right, Yes or No, or the Chinese verb echoed."""

from __future__ import annotations

from bot.domain.knowledge.schema import Decision
from bot.services.decision_text.table import WORDINGS
from bot.services.i18n import Translator
from bot.services.lines import sentence_gap


def decision_lead(decision: Decision, t: Translator, right: Decision | None = None) -> str:
    """The decision as the answer's first line(s), in `t`'s language; a wrong belief said
    with a `right` one beside it ("30 days, and exactly 95% passes") leads with both halves."""
    if right is not None and decision.belief and decision.agrees is False:
        return t._(
            "Not right, only in part. Right: {right} Wrong: {wrong}",
            right=_with_stop(WORDINGS[right.code](right, t), t),
            wrong=_verdict_text(decision, t),
        )
    text = _verdict_text(decision, t)
    if decision.agrees is None:
        return text
    if decision.belief:
        if decision.agrees:
            return t._("Right: {decision}", decision=text)
        return t._("Not right: {decision}", decision=text)
    if t.lang != "en":
        return _zh_yes_no(decision, text)
    return f"Yes — {text}" if decision.agrees else f"No — {text}"


def _verdict_text(decision: Decision, t: Translator) -> str:
    """The decision's own words, with what an untracked or any-provider case adds."""
    text = WORDINGS[decision.code](decision, t)
    if decision.facts.get("untracked"):
        # "…没有上传追踪号": counted and without tracking, it is an invalid package.
        invalid = t._("Without valid tracking it is an invalid package and lowers VTR.")
        text = sentence_gap(t).join((text, invalid))
    if decision.facts.get("any_provider"):
        # "…a local courier not integrated with Amazon": whoever carries it, it counts.
        anyone = t._("All shipping providers count, not only carriers integrated with Amazon.")
        text = sentence_gap(t).join((text, anyone))
    return text


def _with_stop(text: str, t: Translator) -> str:
    """A sentence closed with its language's full stop, to go before another."""
    stop = "。" if t.lang == "zh" else "."
    return text if text.endswith((".", "。", "!", "！", "?", "？")) else text + stop


_ZH_NO = {"有": "没有", "要": "不用", "需要": "不需要", "来得及": "来不及", "有效": "无效"}


_DOES_NOT_WORK = ("不行", "不可以", "不能")


_PASS_VERBS = frozenset({"算"})
"""The verb of "算达标吗": "达标：…" answers it ("合格。" still leads "合不合格")."""


_VERDICT_WORDS = ("是", "不", "没", "达标", "对", "可以", "算", "计入", "有影响")
"""Words a decision's Chinese text can open with that already say yes or no."""


def _zh_yes_no(decision: Decision, text: str) -> str:
    """A Chinese yes or no is the question's verb, or its negation (算 / 不算, 可以 / 不可以);
    a question asked without one gets 是的 / 不是, so the verdict still comes first."""
    verb = decision.verb
    if not verb:  # "仅限美国站？", "只能在欧洲站用吗": no verb to echo, the plain yes or no
        plain = "是的" if decision.agrees else "不是"
        return text if text.startswith(_VERDICT_WORDS) else f"{plain}。{text}"
    # A text opening with "it does not work" ("不行：…") answers "can I?"; "会有影响吗" decided
    # yes gets 会 before it. Other openers (不达标, 不算) are the verdict as worded.
    does_not_work = text.startswith(_DOES_NOT_WORK) and bool(decision.agrees)
    if text.startswith((verb, "不", "没")) and not does_not_work:
        return text
    if decision.agrees and verb in _PASS_VERBS and text.startswith("达标"):
        return text  # "96%算达标吗": "达标：…" says it, as "不达标：…" says a miss
    word = verb if decision.agrees else _ZH_NO.get(verb, "不" + verb)
    return f"{word}。{text}"
