"""An answer and a decision are plain classes (schema.py) that check, as they are made,
what pydantic checked when they were models."""

from __future__ import annotations

import json

import pytest

from bot.domain.knowledge.schema import Answer, Decision


def test_an_answer_out_of_its_bounds_is_refused() -> None:
    with pytest.raises(ValueError, match="between 0 and 1"):
        Answer(lang="en", kind="answer", confidence=1.5)
    with pytest.raises(ValueError, match="more than 3 suggestions"):
        Answer(lang="en", kind="unsure", confidence=0.2, suggestions=["a", "b", "c", "d"])
    with pytest.raises(ValueError, match="unknown language"):
        Answer(lang="ja", kind="answer", confidence=0.5)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="unknown language or kind"):
        Answer(lang="zh", kind="maybe", confidence=0.5)  # type: ignore[arg-type]


def test_an_answer_holds_what_was_given_as_its_types() -> None:
    """A whole-number confidence is a float (the --json output says 1.0, as before); lists
    given as tuples are lists, so two equal answers compare equal however they were made."""
    answer = Answer(lang="en", kind="unsure", confidence=1, suggestions=("vtr-what",))  # type: ignore[arg-type]
    assert json.dumps(answer.confidence) == "1.0"
    assert answer == Answer(lang="en", kind="unsure", confidence=1.0, suggestions=["vtr-what"])
    copy = answer.model_copy(update={"suggestions": []})
    assert (copy.suggestions, answer.suggestions) == ([], ["vtr-what"])
    with pytest.raises(ValueError, match="between 0 and 1"):
        answer.model_copy(update={"confidence": -0.1})  # a copy is checked as a new one


def test_a_decision_keeps_its_own_facts() -> None:
    facts: dict[str, str | int | float | bool] = {"percent": 94.9}
    decision = Decision(code="vtr_rate", facts=facts, agrees=0)  # type: ignore[arg-type]
    facts["percent"] = 96.0  # the caller's dict changed afterwards
    assert decision.facts == {"percent": 94.9}
    assert decision.agrees is False
    assert decision.topic() != Decision(code="vtr_rate", facts=facts).topic()
    assert decision.topic() == Decision(code="vtr_rate", facts={"percent": 94.9}).topic()
