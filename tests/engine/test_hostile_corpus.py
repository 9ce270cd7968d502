"""Every file of the hostile corpus gets a clear answer, a report or a refusal, from a
worker held to 10 s of CPU, and uses at most 1 GiB of memory; the worker never dies.

The limits are the kernel's (RLIMIT_CPU in the worker), not timings taken by the test:
a file that needed more would kill its worker, and the test would see no answer."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.domain.engine import FileRejected
from bot.domain.models import VtrReport
from bot.services.isolation import WORKER_ADDRESS_SPACE, run_isolated
from tests.engine.hostile_files import HOSTILE_XLSX, OTHER_HOSTILE

pytestmark = pytest.mark.slow  # a worker process per file / a real `vtrbot run`
CORPUS = HOSTILE_XLSX | OTHER_HOSTILE
CPU_SECONDS = 10
MEMORY_BYTES = 1 << 30
UPLOAD_LIMIT = 20 << 20


def test_the_corpus_is_varied() -> None:
    assert len(CORPUS) >= 70
    assert {Path(name).suffix for name in CORPUS} == {".xlsx", ".csv"}


@pytest.mark.parametrize("name", sorted(CORPUS))
def test_every_hostile_file_gets_a_clear_answer(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(CORPUS[name]())
    limits = (WORKER_ADDRESS_SPACE, CPU_SECONDS)
    outcome, usage = run_isolated(path, None, UPLOAD_LIMIT, tmp_path, limits)
    if isinstance(outcome, Exception):
        assert isinstance(outcome, FileRejected), repr(outcome)
        assert outcome.code != "too_large"  # every file here is small
    else:
        report, shipments = outcome
        assert isinstance(report, VtrReport)
        stored = sum(len(batch) for batch in shipments.record_batches())
        assert stored >= report.overall.shipments
    assert usage.peak_rss_bytes <= MEMORY_BYTES
    assert usage.cpu_seconds <= CPU_SECONDS
