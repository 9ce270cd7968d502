"""The question flow: free text (or a pressed topic) in, the knowledge base's answer out,
with the closest topics as buttons when the question could mean several things."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

from bot.domain.knowledge import Answer, KnowledgeBase
from bot.domain.knowledge.case import Case
from bot.domain.knowledge.understand import detect_lang
from bot.domain.models import ReportJson, VtrReport, window_start
from bot.services import buttons
from bot.services.answers import render_answer
from bot.services.i18n import Lang, Translator, translator
from bot.services.lines import esc
from bot.services.own_data import (
    asks_about_own_data,
    asks_not_counted,
    asks_small_jp_orders,
    own_data_text,
    tracking_tokens,
)
from bot.services.own_data.orders import order_tokens
from bot.services.own_data.row import ROWS_POINTED
from bot.services.replies import Reply, pack
from bot.services.report_replies import within_bounds
from bot.services.store import Store
from bot.services.store.store import LeftOutRow, OrderRow, TrackedRow


def _may_ask_about_data(case: Case) -> bool:
    """Cheap test before the store is read: the question could be about the chat's data
    (figures told with "right?" may be its own figures, checked against its report)."""
    if asks_small_jp_orders(case):
        return True  # "日本站多少，1000日元以下的小单算了没": the amount is the exemption's
    if case.amount is not None and (ROWS_POINTED.search(case.text) or order_tokens(case)):
        # "英国站那单 8.99 英镑的 Letter", "order 113-… was only $4.50": an order of the
        # file, its amount told
        return True
    if asks_not_counted(case):
        return True  # "为什么报告里只有206个包裹": the file's rows, its figures no case to decide
    return case.amount is None and (case.counts is None or case.belief)


def example_questions(t: Translator) -> list[str]:
    """Three questions a new user can press on /start, in their language."""
    return [
        t._("What is Valid Tracking Rate?"),
        t._("Which carriers count as valid?"),
        t._("What is Buy Shipping?"),
    ]


def own_data_answer(
    report_json: str,
    case: Case,
    lang: Lang,
    tracked: list[TrackedRow] | None = None,
    left_out: Sequence[LeftOutRow] = (),
    ordered: list[OrderRow] | None = None,
) -> str | None:
    """The answer from the chat's stored report, or None when the question is not about its
    own figures; a huge report is parsed and read by a worker (`within_bounds`). `tracked`:
    the stored shipments of the tracking numbers the question names; `left_out`: the stored
    rows VTR does not count, tallied, when rows not counted are asked about; `ordered`: the
    stored shipments of the order IDs it names."""
    report = VtrReport.model_validate_json(report_json)
    if not asks_about_own_data(case, report):
        return None
    return own_data_text(case, report, translator(lang), tracked, left_out, ordered)


class QuestionService:
    """Answers from the knowledge base, in the language the question was asked in; a
    question about the chat's own shipments from its last report (the figures of /vtr)."""

    def __init__(self, kb: KnowledgeBase, store: Store | None = None) -> None:
        self.kb = kb
        self.store = store

    async def ask_in_chat(self, chat_id: int, question: str, t: Translator) -> list[Reply]:
        """A chat's free-text question: its own data when it asks about it, else the KB."""
        question = question.strip()
        if not question or self.store is None:
            return self.ask(question, t)
        case = self.kb.case(question)
        if not _may_ask_about_data(case):
            return self.ask(question, t)
        report_json = await self.store.last_report_json(chat_id)  # parsed where it is used
        if report_json is None:
            return self.ask(question, t)
        # The numbers a question names, looked up among the stored shipments: one not among
        # the invalid ones is then said plainly to be counted, left out, or not in the file.
        tracked = await self.store.shipments_tracked(chat_id, tracking_tokens(case))
        left_out: list[LeftOutRow] = []
        if asks_not_counted(case):  # "why weren't my German orders counted?": by group
            as_of = ReportJson.of(report_json).as_of
            left_out = await self.store.left_out_rows(chat_id, window_start(as_of), as_of)
        # The order IDs it names, through the store's order index: one that is no defect
        # is said for what the report did with it.
        ordered = await self.store.shipments_of_orders(chat_id, order_tokens(case))
        args = (case, detect_lang(question, t.lang), tracked, left_out, ordered)
        text = await asyncio.to_thread(within_bounds, own_data_answer, report_json, args)
        if text is None:
            return self.ask(question, t)
        return pack(esc(text), ())

    def ask(self, question: str, t: Translator) -> list[Reply]:
        question = question.strip()
        if not question:
            return []
        return self._replies(self.kb.answer(question, t.lang), t)

    def topic(self, entry_id: str, t: Translator) -> list[Reply] | None:
        """A topic button: that entry, answered as if asked; None for an id we don't have."""
        entry = self.kb.entries.get(entry_id)
        if entry is None:
            return None
        related = entry.related[: KnowledgeBase.MAX_SUGGESTIONS]
        answer = Answer(
            lang=t.lang, kind="answer", matched=entry_id, confidence=1.0, suggestions=related
        )
        return self._replies(answer, t)

    def example(self, index: int, t: Translator) -> list[Reply] | None:
        examples = example_questions(t)
        return self.ask(examples[index], t) if index < len(examples) else None

    def _replies(self, answer: Answer, chat_t: Translator) -> list[Reply]:
        # The one place the reply's language is chosen: the question's, else the chat's.
        t = chat_t if chat_t.lang == answer.lang else translator(answer.lang)
        body = render_answer(answer, self.kb, t, html=True)
        choices = tuple(
            (
                buttons.button(
                    self.kb.entries[entry_id].title_for(answer.lang), buttons.ShowTopic(entry_id)
                ),
            )
            for entry_id in answer.suggestions
            if entry_id in self.kb.entries
        )
        # The related topics are the buttons alone: a "Related topics:" line in the text read
        # as an empty heading wherever buttons are not shown (a preview, a forward, a
        # transcript), and titles written out in the text read as the answer's own claims.
        return pack(body, choices)
