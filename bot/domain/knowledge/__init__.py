"""Bilingual knowledge base: curated answers about VTR and the search that finds them.

kb = KnowledgeBase.load()
kb.answer("vtr掉到93%了咋办")      # -> Answer(kind="answer", matched="vtr-below-95", ...)
"""

from bot.domain.knowledge.base import KnowledgeBase
from bot.domain.knowledge.loader import KnowledgeError
from bot.domain.knowledge.schema import Answer, AnswerKind, Entry
from bot.domain.languages import Lang

__all__ = ["Answer", "AnswerKind", "Entry", "KnowledgeBase", "KnowledgeError", "Lang"]
