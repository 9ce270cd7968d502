"""An analysis under a host's hard memory cap lower than the worker's own limit (`ulimit -v`,
a systemd unit's LimitAS=): the worker lowers its limits within the cap, never tries to
raise them, and the seller gets the right report."""

from __future__ import annotations

import resource
import subprocess
import sys
from pathlib import Path

import pytest

from bot.services.isolation import WORKER_ADDRESS_SPACE

HOST_CAP = 2 << 30
"""A hard address-space cap of 2 GiB on the whole bot process, below the worker's 3 GiB."""

ANALYSE = """
import sys
from pathlib import Path
from bot.services.isolation import analyse_file_isolated
from tests.bot import samples
path = Path(sys.argv[1])
path.write_bytes(samples.gbk_csv())
report, _ = analyse_file_isolated(path, spill_folder=path.parent)
print(report.overall.shipments, report.overall.valid)
"""


def _capped() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (HOST_CAP, HOST_CAP))


@pytest.mark.slow  # a bot process and its worker started under the cap (~2 s of CPU)
def test_an_analysis_runs_under_a_host_cap_below_the_workers_limit(tmp_path: Path) -> None:
    assert HOST_CAP < WORKER_ADDRESS_SPACE  # the case that failed every upload
    done = subprocess.run(
        [sys.executable, "-c", ANALYSE, str(tmp_path / "orders.csv")],
        preexec_fn=_capped, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    # The sample has 20 shipments (T11 is cancelled); T09 has no tracking, T10 an unknown carrier.
    assert done.stdout.split() == ["20", "18"]


CALL = """
import math
from bot.services.isolation import WORKER_ADDRESS_SPACE, call_isolated
print(call_isolated(math.factorial, (10,), (WORKER_ADDRESS_SPACE, 60)))
"""


@pytest.mark.slow  # a process and its worker started under the cap
def test_work_on_a_huge_report_runs_under_a_host_cap_too() -> None:
    """The defect-file worker (`call_isolated`) asked for the worker's own limit as its hard
    limit: under the host's lower cap it died before answering."""
    done = subprocess.run(
        [sys.executable, "-c", CALL],
        preexec_fn=_capped, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == ["3628800"]  # 10!
