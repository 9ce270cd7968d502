"""The engine in a worker process, so that no file can take the bot down with it.

A reader written in Rust (calamine, polars) aborts the whole process when an allocation
fails, and Python cannot catch that. So each analysis runs in a child process with a cap
on its address space and its CPU time: a file that asks for too much kills the child
only, and the seller is told the file could not be read (`AnalysisFailed`).

In a long-lived process (the bot), children are forked from a small server process
(multiprocessing's "forkserver"), so none of the bot's own state (database, sockets,
threads) is copied into them; the bot starts that server with the engine already imported
(`warm_up`), so an analysis starts in milliseconds. A process that never started it
runs each analysis in one fresh interpreter instead: the forkserver and the resource
tracker multiprocessing starts beside it would be two more processes for one analysis
(docs/performance.md). Either way the engine is imported by the worker alone (this module
imports it only there), never by the caller. `vtrbot check` run as a command has no other
work to protect: it is its own worker (`report_json_here`, under the same caps;
docs/decisions/013-check-in-its-own-process.md).

The worker sends back only what the caller asked for: the report (as JSON), and the
shipments only when they are to be stored (as Arrow files in the spill folder, never
pickled whole).
"""

from __future__ import annotations

import json
import os
import pickle
import resource
import socket
import subprocess
import sys
import threading
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, NoReturn, Protocol, TypeVar

from bot import ALLOCATOR_SETTINGS
from bot.domain.errors import FileRejected

if TYPE_CHECKING:
    from bot.domain.models import ReportJson, VtrReport
    from bot.domain.shipments import Shipments

WORKER_ADDRESS_SPACE = 3 << 30
"""Address space an analysis may map: room to spare over what the benchmarks' biggest files
map (docs/performance.md, "The analysis worker"; docs/decisions/003-analysis-worker.md)."""
WORKER_BASE_CPU_SECONDS = 60
WORKER_CPU_SECONDS_PER_MB = 1
"""CPU time an analysis may use: a minute plus a second per MB of file, several times what
the benchmark files take (docs/performance.md)."""
_PRELOAD = [
    "bot.services.worker_allocator",
    "bot.domain.engine",
    "bot.services.worker_script_tables",
    "charset_normalizer",
    "bot.services.report_replies",
]
"""Imported by the workers' server once, so no worker imports them again: the engine for
an analysis (and the encoding detector, which the engine imports only for a file not in
UTF-8), OpenCC's tables for Traditional Chinese (`worker_script_tables`), the report's
messages and workbook for a huge report's replies (`ReportReplies`,
about 0.05 s of CPU a worker otherwise). First, before polars loads, the workers' allocator
settings (`worker_allocator_settings`)."""
T = TypeVar("T")


class Usage(NamedTuple):
    """What one analysis cost its worker, for the log and the hostile-file tests. (Not a
    dataclass: `check` called from a program holds this module while its worker runs, and
    dataclasses imports inspect, which it would hold too.)"""

    cpu_seconds: float
    peak_rss_bytes: int


class AnalysisFailed(RuntimeError):
    """The worker died or ran out of memory or time: the file could not be read.

    Not a `FileRejected`: there is no one reason to give, only that this file is beyond
    what the bot reads (`str()` says what happened, for the log)."""


def analyse_file_isolated(
    path: Path,
    as_of: date | None = None,
    max_bytes: int | None = None,
    spill_folder: Path | None = None,
) -> tuple[VtrReport, Shipments]:
    """`bot.domain.engine.analyse_file` in a worker process; same arguments, same result,
    same `FileRejected`. Raises `AnalysisFailed` when the worker dies or hits a limit.

    With a spill folder, the shipments come back as files in it (`SpilledShipments`),
    not through the pipe."""
    report_json, shipments = _analyse_within_limits(
        path, as_of, max_bytes, spill_folder, shipments=True
    )
    assert shipments is not None
    return _report_of(report_json), shipments


def analyse_upload_isolated(
    path: Path,
    as_of: date | None = None,
    max_bytes: int | None = None,
    spill_folder: Path | None = None,
) -> tuple[ReportJson, Shipments]:
    """`analyse_file_isolated` for an upload, which stores the report and builds its
    replies in a worker: the report comes back as JSON, never parsed in this process."""
    report_json, shipments = _analyse_within_limits(
        path, as_of, max_bytes, spill_folder, shipments=True
    )
    from bot.domain.models import ReportJson  # here, as `_report_of`

    assert shipments is not None
    return ReportJson.of(report_json), shipments


def report_file_isolated(
    path: Path,
    as_of: date | None = None,
    max_bytes: int | None = None,
    spill_folder: Path | None = None,
) -> VtrReport:
    """The report alone, for callers that store nothing: the worker neither writes the
    shipments out nor sends them."""
    return _report_of(report_json_isolated(path, as_of, max_bytes, spill_folder))


def report_json_isolated(
    path: Path,
    as_of: date | None = None,
    max_bytes: int | None = None,
    spill_folder: Path | None = None,
) -> str:
    """The report as the worker wrote it (`VtrReport` as JSON), for a caller that only
    prints it (`vtrbot check --json`): no report object is built on this side."""
    return _analyse_within_limits(path, as_of, max_bytes, spill_folder, shipments=False)[0]


def report_json_here(
    path: Path,
    as_of: date | None = None,
    max_bytes: int | None = None,
    spill_folder: Path | None = None,
) -> str:
    """`report_json_isolated` in this process, for a process whose one job is this
    analysis (`vtrbot check` run as a command, docs/decisions/013-check-in-its-own-process.md):
    under the worker's caps and allocator settings, which hold for the rest of this
    process's life, so never call it from a process with other work (the bot, a test
    run). A second interpreter beside it would hold its own 15-odd MiB for nothing. Raises
    what `report_json_isolated` raises; a Rust abort ends this process, as it would end a
    worker. The allocator settings apply only if polars is not loaded yet."""
    if "polars" not in sys.modules and "_RJEM_MALLOC_CONF" in os.environ:
        os.environ["_RJEM_MALLOC_CONF"] = worker_allocator_settings(os.environ["_RJEM_MALLOC_CONF"])
    path = Path(path)
    _within_limits(_limits(path))
    outcome = _analysis(path, as_of, max_bytes, spill_folder, wanted=False)
    if isinstance(outcome, Exception):
        raise outcome
    return outcome[0]


def _report_of(report_json: str) -> VtrReport:
    from bot.domain.models import VtrReport  # here: `vtrbot check --json` needs no pydantic

    return VtrReport.model_validate_json(report_json)


def _analyse_within_limits(
    path: Path,
    as_of: date | None,
    max_bytes: int | None,
    spill_folder: Path | None,
    shipments: bool,
) -> tuple[str, Shipments | None]:
    path = Path(path)
    limits = _limits(path)
    outcome, usage = _run_in_worker(path, as_of, max_bytes, spill_folder, limits, shipments)
    import logging  # here: `check` from a program holds this module while its worker runs

    logging.getLogger(__name__).info(
        "analysis used %.1f s of CPU, %d MB at most",
        usage.cpu_seconds,
        usage.peak_rss_bytes >> 20,
    )
    if isinstance(outcome, Exception):
        raise outcome
    return outcome


def _limits(path: Path) -> tuple[int, int]:
    """(address space, CPU seconds) an analysis of `path` may use."""
    size = path.stat().st_size if path.is_file() else 0
    return WORKER_ADDRESS_SPACE, WORKER_BASE_CPU_SECONDS + WORKER_CPU_SECONDS_PER_MB * (size >> 20)


def run_isolated(
    path: Path,
    as_of: date | None,
    max_bytes: int | None,
    spill_folder: Path | None,
    limits: tuple[int, int],
    shipments: bool = True,
) -> tuple[tuple[VtrReport, Shipments | None] | Exception, Usage]:
    """The worker's round trip, with explicit (address space, CPU seconds) limits: its
    answer (the analysis, or the `FileRejected` or `OSError` it raised) and what it used;
    the shipments only if asked for. Raises `AnalysisFailed` when the worker died or hit
    a limit."""
    outcome, usage = _run_in_worker(path, as_of, max_bytes, spill_folder, limits, shipments)
    if isinstance(outcome, Exception):
        return outcome, usage
    return (_report_of(outcome[0]), outcome[1]), usage


def _run_in_worker(
    path: Path,
    as_of: date | None,
    max_bytes: int | None,
    spill_folder: Path | None,
    limits: tuple[int, int],
    shipments: bool,
) -> tuple[tuple[str, Shipments | None] | Exception, Usage]:
    """`run_isolated` with the report left as the worker's JSON."""
    payload, usage = _round_trip(
        _work, (path, as_of, max_bytes, spill_folder, limits, shipments), "vtrbot-analysis"
    )
    if isinstance(payload, AnalysisFailed):
        raise payload
    return payload, usage


def _round_trip(target: Callable[..., None], args: tuple[Any, ...], name: str) -> Any:
    """Start `target(sender, *args)` in a worker and return what it sent back. Raises
    `AnalysisFailed` when the worker died before answering."""
    if not _server_started.is_set():
        return _fresh_round_trip(target, args)
    context = _context()
    receiver, sender = context.Pipe(duplex=False)
    worker = context.Process(target=target, args=(sender, *args), name=name, daemon=True)
    worker.start()
    sender.close()  # or the pipe stays open after the worker dies, and recv never ends
    try:
        answer = receiver.recv()
    except EOFError:
        worker.join()
        raise AnalysisFailed(f"worker ended with exit code {worker.exitcode}") from None
    finally:
        receiver.close()
    _reap_in_background(worker)
    return answer


def _reap_in_background(worker: Any) -> None:
    """Wait for a worker that has answered to end, off the caller's way: its answer is all
    the caller needs, and its exit (the interpreter's shutdown, its memory handed back) took
    as long as the bot's next step on a busy machine (docs/performance.md)."""
    threading.Thread(target=worker.join, name="vtrbot-worker-reaper", daemon=True).start()


def warm_up() -> None:
    """Start the server workers are forked from, with the engine imported (about a
    second), so no upload waits for the import. For long-lived processes: without it each
    analysis is a fresh interpreter that imports the engine itself."""
    if sys.platform == "linux":
        from multiprocessing import forkserver

        _context().set_forkserver_preload(_PRELOAD)
        forkserver.ensure_running()
    _server_started.set()


_server_started = threading.Event()
"""Whether `warm_up` ran: workers then come from its server; else each is a fresh
interpreter (`_fresh_round_trip`)."""


def _fresh_round_trip(target: Callable[..., None], args: tuple[Any, ...]) -> Any:
    """`_round_trip` in a new interpreter of its own, spoken to over a socket pair, with
    no multiprocessing server or resource tracker beside it; nothing of this process is
    copied into it. `target` and `args` go over pickled, as multiprocessing's spawn sends
    them; the child looks for modules where this process does (`sys.path`)."""
    ours, theirs = socket.socketpair()
    child_fd = theirs.fileno()
    command = [sys.executable, "-c", _CHILD_MAIN, str(child_fd), json.dumps(sys.path)]
    child = subprocess.Popen(command, pass_fds=[child_fd], close_fds=True, env=_worker_env())
    theirs.close()  # or the socket stays open after the worker dies, and recv never ends
    try:
        with ours:
            _send_frame(ours, pickle.dumps((target, args)))
            answer = pickle.loads(_receive_frame(ours))
    except (EOFError, ConnectionError):
        child.wait()
        raise AnalysisFailed(f"worker ended with exit code {child.returncode}") from None
    except BaseException:  # interrupted here: the worker goes too
        child.kill()
        child.wait()
        raise
    child.wait()
    return answer


ONE_ARENA = "narenas:1"
"""Added to the bot's allocator settings (`bot.ALLOCATOR_SETTINGS`) for a worker:
polars' jemalloc then keeps one arena's freed pages, not one per core and thread: a lower
peak for no CPU measurable, where handing pages back at once (decay 0) cost CPU for little
more (the figures are in docs/performance.md, "`vtrbot check`'s process tree")."""


def _worker_env() -> dict[str, str]:
    """This process's environment, with the workers' allocator settings."""
    env = dict(os.environ)
    if "_RJEM_MALLOC_CONF" in env:
        env["_RJEM_MALLOC_CONF"] = worker_allocator_settings(env["_RJEM_MALLOC_CONF"])
    return env


def worker_allocator_settings(settings: str) -> str:
    """A worker's allocator settings: the bot's own with ONE_ARENA, for fresh workers and
    for the server the others are forked from (bot/services/worker_allocator.py); an
    operator's own _RJEM_MALLOC_CONF is left as it is."""
    return f"{settings},{ONE_ARENA}" if settings.endswith(ALLOCATOR_SETTINGS) else settings


_CHILD_MAIN = """
import json, sys
sys.path[:] = json.loads(sys.argv[2])
from bot.services.isolation import serve_one
serve_one(int(sys.argv[1]))
"""
"""A fresh worker's first lines (`_fresh_round_trip`)."""


def serve_one(fd: int) -> NoReturn:
    """A fresh worker interpreter's task: read it from the socket `fd`, run it; it answers
    on that socket. Then the worker ends at once, as multiprocessing's workers do: the
    interpreter's orderly shutdown (every module and object of an analysis torn down one by
    one, its memory handed back piece by piece) was what its caller waited for last, and
    nothing of it is needed once the answer is sent (docs/performance.md)."""
    connection = socket.socket(fileno=fd)
    target, args = pickle.loads(_receive_frame(connection))
    target(_SocketSender(connection), *args)
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)


class Sender(Protocol):
    """Where a worker sends its answer: a multiprocessing pipe or `_SocketSender`."""

    def send(self, obj: Any) -> None: ...

    def close(self) -> None: ...


class _SocketSender:
    def __init__(self, connection: socket.socket) -> None:
        self.connection = connection

    def send(self, obj: Any) -> None:
        _send_frame(self.connection, pickle.dumps(obj))

    def close(self) -> None:
        self.connection.close()


def _send_frame(connection: socket.socket, data: bytes) -> None:
    connection.sendall(len(data).to_bytes(8, "big"))
    connection.sendall(data)


def _receive_frame(connection: socket.socket) -> bytearray:
    """One frame `_send_frame` sent; EOFError when the other side closed before it."""
    size = int.from_bytes(_receive_exactly(connection, 8), "big")
    return _receive_exactly(connection, size)


def _receive_exactly(connection: socket.socket, size: int) -> bytearray:
    data = bytearray(size)
    view, done = memoryview(data), 0
    while done < size:
        got = connection.recv_into(view[done:])
        if not got:
            raise EOFError
        done += got
    return data


def _context() -> Any:
    import multiprocessing  # here: a one-off command never loads it (`_fresh_round_trip`)

    if sys.platform != "linux":
        return multiprocessing.get_context("spawn")
    return multiprocessing.get_context("forkserver")


def _work(
    sender: Sender,
    path: Path,
    as_of: date | None,
    max_bytes: int | None,
    spill_folder: Path | None,
    limits: tuple[int, int],
    wanted: bool,
) -> None:
    """The child: limits first, then the analysis; the answer or the error goes back."""
    _within_limits(limits)
    answer = _analysis(path, as_of, max_bytes, spill_folder, wanted)
    own = resource.getrusage(resource.RUSAGE_SELF)
    usage = Usage(own.ru_utime + own.ru_stime, own.ru_maxrss * 1024)
    sender.send((answer, usage))  # the analysis, or the exception that stands for it
    sender.close()


def _within_limits(limits: tuple[int, int]) -> None:
    """An analysis's process: its (address space, CPU seconds) caps, and glibc's large
    blocks handed back when freed (`_map_large_blocks_alone`)."""
    address_space, cpu_seconds = limits
    lower_limit(resource.RLIMIT_AS, address_space)
    lower_limit(resource.RLIMIT_CPU, cpu_seconds)
    _map_large_blocks_alone()


def _analysis(
    path: Path, as_of: date | None, max_bytes: int | None, spill_folder: Path | None, wanted: bool
) -> tuple[str, Shipments | None] | Exception:
    """(the report's JSON, the shipments if `wanted`), or the exception that stands for
    the analysis: a `FileRejected`, an `OSError`, or `AnalysisFailed`."""
    try:
        from bot.collector import kept_for_good

        with kept_for_good():  # the engine's modules, for the process's life
            from bot.domain.engine import analyse_file, report_file

        if wanted:
            report, shipments = analyse_file(path, as_of, max_bytes, spill_folder)
            sent = _portable(shipments, spill_folder)
        else:  # the report alone: never the shipments in memory (engine.report_file)
            report, sent = report_file(path, as_of, max_bytes, spill_folder), None
        # As JSON: pickling a report's tens of thousands of defects, and unpickling them,
        # took longer than writing and validating its JSON (docs/performance.md).
        return (report.model_dump_json(), sent)
    except FileRejected as error:
        return error
    except MemoryError:
        return AnalysisFailed("out of memory")
    except OSError as error:  # a full disk while spilling: the caller tells it apart
        return error
    except Exception as error:
        return AnalysisFailed(type(error).__name__)


_M_MMAP_THRESHOLD = -3
"""glibc's mallopt parameter (malloc.h): the size from which a block is mapped on its own."""


def _map_large_blocks_alone() -> None:
    """Have glibc map blocks of 256 KiB and more on their own, so they go back to the system
    when freed. Left to itself it raises that threshold to the size of the first such block
    freed, and the file's chunks (CHUNK_BYTES of bytes each) then stay in its heap, part of
    an analysis's peak (docs/performance.md). Not glibc: nothing to do."""
    import ctypes  # the worker's alone

    try:
        ctypes.CDLL(None).mallopt(_M_MMAP_THRESHOLD, 256 << 10)
    except (OSError, AttributeError):
        return


def lower_limit(which: int, wanted: int) -> int:
    """Set a limit to `wanted`, or to the host's hard limit when that is lower; the limit set.

    A process may lower its hard limit but never raise it: under a host's lower cap (`ulimit
    -v`, a systemd unit's LimitAS=) asking for ours failed every analysis. The host's cap
    then bounds the worker instead, and a file that needs more is refused as too big."""
    _, hard = resource.getrlimit(which)
    limit = wanted if hard == resource.RLIM_INFINITY else min(wanted, hard)
    resource.setrlimit(which, (limit, limit))
    return limit


def _portable(shipments: Shipments, spill_folder: Path | None) -> Shipments:
    """Shipments fit to cross the pipe: an in-memory table is written beside the spilled
    parts, when there is a folder for them, rather than pickled whole."""
    from bot.domain.shipments import ShipmentTable, SpilledShipments

    if spill_folder is None or not isinstance(shipments, ShipmentTable):
        return shipments
    target = spill_folder / "shipments-all.arrow"
    shipments.frame.write_ipc(target, compression="uncompressed")
    return SpilledShipments(
        [target],
        rows_read=shipments.rows_read,
        rows_skipped=shipments.rows_skipped,
        warnings=shipments.warnings,
    )


def call_isolated(function: Callable[..., T], args: tuple[Any, ...], limits: tuple[int, int]) -> T:
    """`function(*args)` in a worker with the analysis's kind of (address space, CPU
    seconds) limits: for work on a huge report (its defect workbook) that would otherwise
    grow the bot's own process. `function` must be importable by name (it is pickled).
    Raises `AnalysisFailed` when the worker died, hit a limit or raised."""
    answer = _round_trip(_call, (function, args, limits), "vtrbot-worker")
    if isinstance(answer, AnalysisFailed):
        raise answer
    return answer  # type: ignore[no-any-return]  # what `function` returned


def _call(
    sender: Sender,
    function: Callable[..., Any],
    args: tuple[Any, ...],
    limits: tuple[int, int],
) -> None:
    address_space, cpu_seconds = limits
    lower_limit(resource.RLIMIT_AS, address_space)  # within the host's cap, as `_work`
    lower_limit(resource.RLIMIT_CPU, cpu_seconds)
    try:
        answer: object = function(*args)
    except MemoryError:
        answer = AnalysisFailed("out of memory")
    except Exception as error:
        answer = AnalysisFailed(type(error).__name__)
    sender.send(answer)
    sender.close()
