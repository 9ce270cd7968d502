"""`vtrbot ask "QUESTION"`: answer one question from the knowledge base, no bot needed."""

from __future__ import annotations

import argparse
import json
import sys


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("question", metavar="QUESTION", help="the question, in Chinese or English")
    parser.add_argument(
        "--lang",
        choices=("zh", "en"),
        help="reply language for questions mixing Chinese and English (default: majority script)",
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object")


def run(args: argparse.Namespace) -> int:
    from bot.domain.knowledge import KnowledgeError
    from bot.services.answers import render_answer, suggestion_titles
    from bot.services.i18n import translator
    from bot.services.knowledge_cache import cached_knowledge_base

    try:
        # Built once and kept in the user's cache folder: building it is most of a question's time.
        kb = cached_knowledge_base()
    except KnowledgeError as exc:
        print(f"vtrbot ask: {exc}", file=sys.stderr)
        return 2
    answer = kb.answer(args.question, lang=args.lang)
    text = render_answer(answer, kb, translator(answer.lang), html=False)
    if answer.kind == "unsure":
        titles = suggestion_titles(answer, kb)
        text += "".join(f"\n{n}. {title}" for n, title in enumerate(titles, start=1))
    if args.json:
        payload = {
            "lang": answer.lang,
            "matched": answer.matched,
            "confidence": answer.confidence,
            "answer": text,
            "suggestions": answer.suggestions,
        }
        print(json.dumps(payload, ensure_ascii=False))
    else:
        print(text)
    return 0
