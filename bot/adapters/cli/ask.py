"""`vtrbot ask "QUESTION"`: answer one question from the knowledge base, no bot needed."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.domain.knowledge import KnowledgeBase, Lang


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("question", metavar="QUESTION", help="the question, in Chinese or English")
    parser.add_argument(
        "--lang",
        choices=("zh", "en"),
        help="reply language for questions mixing Chinese and English (default: majority script)",
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object")


def run(args: argparse.Namespace) -> int:
    from contextlib import nullcontext

    from bot.collector import kept_for_good
    from bot.services.knowledge_cache import cached_knowledge_base

    # Run as the program, the knowledge base lives as long as the process; called from a
    # program (`main([...])`), that program's objects are not this command's to freeze.
    start_up = kept_for_good() if getattr(args, "as_program", False) else nullcontext()
    try:
        # Built once and kept in the user's cache folder: building it is most of a question's
        # time. Read before the reply's modules are imported: it puts back the compiled
        # patterns their imports would otherwise compile.
        with start_up:
            kb = cached_knowledge_base()
    except Exception as exc:
        from bot.domain.knowledge import KnowledgeError

        if not isinstance(exc, KnowledgeError):
            raise
        print(f"vtrbot ask: {exc}", file=sys.stderr)
        return 2
    print(reply(kb, args.question, args.lang, as_json=args.json))
    return 0


def reply(kb: KnowledgeBase, question: str, lang: Lang | None, as_json: bool) -> str:
    """What `vtrbot ask` prints for the question: the reply as the chat words it (plain
    text, numbered topics when unsure), or one JSON object."""
    from bot.services.answers import render_answer, suggestion_titles
    from bot.services.i18n import translator

    answer = kb.answer(question, lang=lang)
    text = render_answer(answer, kb, translator(answer.lang), html=False)
    if answer.kind == "unsure":
        titles = suggestion_titles(answer, kb)
        text += "".join(f"\n{n}. {title}" for n, title in enumerate(titles, start=1))
    if not as_json:
        return text
    import json  # here, not at import: its patterns are then the prepared ones

    payload = {
        "lang": answer.lang,
        "matched": answer.matched,
        "confidence": answer.confidence,
        "answer": text,
        "suggestions": answer.suggestions,
    }
    return json.dumps(payload, ensure_ascii=False)
