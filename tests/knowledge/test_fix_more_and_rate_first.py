"""Issue 21: figures asked "would fixing N put me above 95%?" get Yes/No first, and a rate
written before the metric ("95% vtr enough") is the seller's own. Wordings written for these
tests; figures worked by hand against /work/shared/domain.md (strictly above 95%)."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line

pytestmark = pytest.mark.collection

CASES = [
    # 1,000 shipped, 940 valid: one more fixed is 941/1000 = 94.1%, not above 95%.
    ("1000 shipments and 940 valid. Would fixing one more put me above 95%?", "No —", "94.1%"),
    # 400 shipped, 378 valid: three more fixed is 381/400 = 95.25%, above 95%.
    ("shipped 400, 378 valid; if I fix 3 will that get us over 95%?", "Yes —", "95.25%"),
    # 95% written before the metric: exactly 95.0% is not above 95%.
    ("95% vtr enough", "No —", "95.0%"),
    ("vtr 95% ok?", "No —", "95.0%"),
    # 96% is above 95%.
    ("96% vtr good enough", "Yes —", "96%"),
]


@pytest.mark.parametrize(("question", "lead", "figure"), CASES)
def test_verdict_first(kb: KnowledgeBase, question: str, lead: str, figure: str) -> None:
    line = first_line(kb, question)
    assert line.startswith(lead), (question, line)
    assert figure in line, (question, line)
