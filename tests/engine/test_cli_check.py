"""`vtrbot check` as a seller runs it: exit codes, one-line errors, JSON, defect file."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli import main
from bot.domain.errors import FileRejected
from tests.engine.conftest import FEDEX_OK, UPS_OK, WriteFile

LINES = [
    "order-id,ship-date,carrier-code,tracking-number,product-category,buyer-name",
    f"C1,2026-11-20,UPS,{UPS_OK},Toys,Ann",
    "C2,2026-11-20,UPS,,Toys,Ben",
    "=cmd|'/c calc'!A1,2026-11-19,Pigeon Post,=1+2,Toys,Eve",
    f"C4,2026-11-18,FedEx,{FEDEX_OK},Home,Dan",
]


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["check", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_json_follows_the_contract(
    write_file: WriteFile, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run_cli(capsys, str(write_file(LINES)), "--as-of", "2026-11-20", "--json")
    assert (code, err) == (0, "")
    report = json.loads(out)
    assert report["as_of"] == "2026-11-20"
    assert report["window"] == {"start": "2026-10-22", "end": "2026-11-20"}
    assert report["threshold"] == 0.95
    assert report["overall"] == {
        "name": "overall", "shipments": 4, "valid": 2, "vtr": 0.5, "below_threshold": True,
        "needed": 2, "at_risk": False, "recovery_date": None,
    }  # fmt: skip
    toys = next(c for c in report["by_category"] if c["name"] == "Toys")
    assert (toys["shipments"], toys["valid"], toys["needed"]) == (3, 1, 2)
    assert set(report["excluded"]) >= {
        "fba",
        "cancelled",
        "not_shipped",
        "eu_letter_under_20",
        "outside_window",
    }
    assert {(d["order_id"], d["reason"]) for d in report["defects"]} == {
        ("C2", "missing_tracking"),
        ("=cmd|'/c calc'!A1", "unknown_carrier"),
    }
    for key in ("by_carrier", "by_marketplace", "warnings", "suggestions"):
        assert isinstance(report[key], list)


def test_defect_file_is_xlsx_only_with_a_clear_message(
    write_file: WriteFile, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A CSV loses long numbers in Excel and WPS (9.40056E+21): the tool refuses to write
    one, says why and names the XLSX to ask for instead (issue 22)."""
    out_file = tmp_path / "defects.csv"
    code, out, err = run_cli(
        capsys, str(write_file(LINES)), "--as-of", "2026-11-20", "--defects", str(out_file),
        "--lang", "en",
    )  # fmt: skip
    assert (code, out) == (2, "")
    assert "XLSX only" in err and "9.40056E+21" in err
    assert str(tmp_path / "defects.xlsx") in err
    assert not out_file.exists()
    xlsx = tmp_path / "defects.xlsx"
    code, _, _ = run_cli(capsys, str(write_file(LINES)), "--as-of", "2026-11-20", "--defects", str(xlsx))  # fmt: skip
    assert code == 0 and xlsx.stat().st_size > 0


def test_human_report_in_both_languages(
    write_file: WriteFile, capsys: pytest.CaptureFixture[str]
) -> None:
    path = str(write_file(LINES))
    _, chinese, _ = run_cli(capsys, path, "--as-of", "2026-11-20")
    _, english, _ = run_cli(capsys, path, "--as-of", "2026-11-20", "--lang", "en")
    # Toys 1 of 3 (below), Home 1 of 1: Amazon's verdict first, the pooled 2 of 4 after it.
    assert "\n❌ 2 个品类中有 1 个未高于亚马逊要求的 95%：亚马逊按品类分别考核。\n" in chinese
    assert "全部包裹合计：50.0%（4 个包裹中 2 个有效），仅供参考" in chinese
    assert "2026年11月20日" in chinese
    assert "缺少追踪号" in chinese
    assert "\n❌ 1 of 2 categories is not above 95%, Amazon's bar: it judges each" in english
    assert "All packages together: 50.0% (2 of 4 packages valid), for context only" in english
    assert "Nov 20, 2026" in english
    assert "no tracking number" in english


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        (b"", "empty"),
        (bytes(range(256)) * 40, "table"),
        (b"order-id,purchase-date\n1,2\n", "ship date"),
    ],
)
def test_bad_input_gives_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, needle: str
) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    code, out, err = run_cli(capsys, str(path), "--lang", "en")
    assert code == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 1
    assert needle in err
    assert "Traceback" not in err


@pytest.mark.slow
def test_missing_file_and_bad_date_argument(tmp_path: Path) -> None:
    """Run as a real process: argparse errors and missing files exit 2 without a traceback."""
    for args in (
        ["check", str(tmp_path / "nope.csv")],
        ["check", "x.csv", "--as-of", "20/11/2026"],
    ):
        result = subprocess.run(
            [sys.executable, "-m", "bot", *args], capture_output=True, text=True, check=False
        )
        assert result.returncode == 2
        assert "Traceback" not in result.stderr


@pytest.mark.slow  # a worker process that imports the engine itself (over 0.3 s of CPU)
def test_check_asks_the_worker_for_the_report_alone(write_file: WriteFile, tmp_path: Path) -> None:
    """The worker sends back the report only: no shipments written to the spill folder
    for a caller that stores nothing, and the same report as the engine in this process."""
    from datetime import date

    from bot.domain.engine import analyse_file
    from bot.services.isolation import analyse_file_isolated, report_file_isolated

    path, as_of = write_file(LINES), date(2026, 11, 20)
    spill = tmp_path / "spill"
    spill.mkdir()
    report = report_file_isolated(path, as_of=as_of, spill_folder=spill)
    assert report == analyse_file(path, as_of=as_of)[0]
    assert list(spill.iterdir()) == []
    _, shipments = analyse_file_isolated(path, as_of=as_of, spill_folder=spill)
    assert sum(len(batch) for batch in shipments.record_batches()) == 4
    assert [p.name for p in spill.iterdir()] == ["shipments-all.arrow"]


@pytest.mark.slow  # starts Python processes that import the engine
def test_the_command_analyses_in_its_own_process_under_the_worker_caps(tmp_path: Path) -> None:
    """Run as the program (`vtrbot check`, no argv given), the command is its own worker
    (decision 013): no process started (Popen is taken away, and the analysis still answers),
    the worker's address-space cap and allocator arena set on it, the process ended at once
    with its exit code once it has printed, and the same JSON as the worker's, asked by a
    program calling `main([...])`."""
    path = tmp_path / "orders.csv"
    path.write_text("\n".join(LINES) + "\n")
    facts = (
        "print(code, resource.getrlimit(resource.RLIMIT_AS)[0] >> 30, "
        "os.environ['_RJEM_MALLOC_CONF'].split(',')[-1], file=sys.stderr)"
    )
    probe = (  # the command ends by os._exit once it has printed: the facts are told there
        "import os, resource, subprocess, sys, bot.cli; subprocess.Popen = None; "
        f"sys.argv = ['vtrbot', 'check', {str(path)!r}, '--json', '--as-of', '2026-11-20']; "
        f"end = os._exit; os._exit = lambda code: ({facts}, sys.stderr.flush(), end(code)); "
        "bot.cli.main(); print('not ended', file=sys.stderr)"
    )
    alone = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    assert alone.stderr.strip().splitlines()[-1] == "0 3 narenas:1"
    called = (
        f"import bot.cli; bot.cli.main(['check', {str(path)!r}, '--json', '--as-of', '2026-11-20'])"
    )
    by_worker = subprocess.run(
        [sys.executable, "-c", called], capture_output=True, text=True, check=True
    )
    assert json.loads(alone.stdout)["overall"]["shipments"] == 4  # hand-counted from LINES
    assert alone.stdout == by_worker.stdout


@pytest.mark.slow  # starts a Python process
def test_check_called_by_a_program_leaves_the_engine_to_its_worker(tmp_path: Path) -> None:
    """`check` called as a function (`main([...])`) never imports polars into its caller:
    the engine's memory is the worker's alone, not the worker's and its caller's. Nor does
    it start multiprocessing's forkserver or resource tracker: its one worker is the only
    other process."""
    path = tmp_path / "orders.csv"
    path.write_text(f"order-id,ship-date,carrier-code,tracking-number\n1,2026-11-20,UPS,{UPS_OK}\n")
    probe = (
        "import sys, bot.cli; "
        f"code = bot.cli.main(['check', {str(path)!r}, '--json']); "
        "from multiprocessing import forkserver, resource_tracker; "
        "servers = [forkserver._forkserver._forkserver_pid, resource_tracker._resource_tracker._pid]; "
        "print(servers, sorted({'polars', 'numpy'} & set(sys.modules)), file=sys.stderr)"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert json.loads(done.stdout)["overall"]["shipments"] == 1  # the command did run
    assert done.stderr.strip().splitlines()[-1] == "[None, None] []"


@pytest.mark.slow  # fresh interpreters that import the engine (over 0.3 s of CPU each)
def test_a_fresh_worker_answers_and_dies_alone(
    write_file: WriteFile, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without the workers' server (a one-off command), each analysis is a fresh
    interpreter under the same limits: one that runs out of memory fails alone."""
    import threading
    from datetime import date

    from bot.domain.engine import analyse_file
    from bot.services import isolation

    monkeypatch.setattr(isolation, "_server_started", threading.Event())
    path, as_of = write_file(LINES), date(2026, 11, 20)
    assert isolation.report_file_isolated(path, as_of=as_of) == analyse_file(path, as_of=as_of)[0]
    with pytest.raises(isolation.AnalysisFailed):
        isolation.run_isolated(path, as_of, None, tmp_path, limits=(64 << 20, 60))  # too little
    empty = tmp_path / "empty.csv"
    empty.touch()
    with pytest.raises(FileRejected):
        isolation.report_file_isolated(empty)
