"""Fixtures for every test folder: the knowledge base, and the databases a store can live in.

`database` runs a test once per backend: SQLite in a temporary file, and PostgreSQL in a
fresh database on a server started once per session from the installed binaries. Where the
binaries are missing the PostgreSQL half skips, with the reason; with
VTRBOT_REQUIRE_POSTGRES=1 (as in CI) it fails instead.
"""

from __future__ import annotations

import asyncio
import gc
import itertools
import os
import re
import sys
from collections.abc import AsyncIterator, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

# The test processes run polars' queries on one thread. Their files are a few rows, where
# polars' pool (a thread per core) costs more in handing work out and waking threads than it
# saves, and under `-n 2` each core already runs a test process (measured in
# docs/performance.md, "The test tiers"). Set before anything imports polars; a value in the
# environment wins, and the benchmarks measure with the pool.
os.environ.setdefault("POLARS_MAX_THREADS", "1")

if TYPE_CHECKING:  # imported where used: xdist's controller loads this file and runs no test
    from bot.domain.knowledge import KnowledgeBase
    from bot.services.store import Store
    from tests.postgres_server import PostgresServer

_database_names = itertools.count(1)


@dataclass(frozen=True)
class Database:
    """Where a test's store lives: a SQLite file, or a PostgreSQL database (`url`)."""

    path: Path
    url: str | None = None

    @property
    def dialect(self) -> str:
        return "postgresql" if self.url else "sqlite"

    def store(self) -> Store:
        """A new, unopened store on this database (open several to act as several processes)."""
        from bot.services.store import Store

        return Store(self.path, database_url=self.url)


@pytest.fixture(scope="session", autouse=True)
def worker_server() -> None:
    """The analysis workers' server, started once per test process with the engine
    imported, as `vtrbot run` starts it (`isolation.warm_up`). Without it each worker a test
    starts imports the engine itself: most of a second of CPU, dozens of times a run."""
    from bot.services.isolation import warm_up

    warm_up()


PREPARED_DIR = Path(__file__).resolve().parent.parent / ".pytest_cache" / "vtrbot-prepared"
"""Where the test processes keep the prepared knowledge base (git ignores .pytest_cache/)."""


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    """The real knowledge base, once per test process, read from the prepared copy `vtrbot
    ask` reads (bot/services/knowledge_cache.py): reading it costs far less than loading
    the sources, which every xdist worker did, and its patterns come back compiled. The copy is
    prepared again whenever anything it is built from changes (the key), by the first
    process that needs it, without answering the entries' phrasings first: that warm-up
    only speeds up a later question, and would cost most of the build after every edit. Here the key
    covers all of bot/domain's code too, not only the knowledge package's, so no edit there
    leaves the tests answering from a base built by the code before it. The copy answers as
    the loaded base does (tests/knowledge/test_prepared_answers_alike.py); what a broken
    base does is tested in tests/knowledge/test_schema.py."""
    from bot.services import knowledge_cache

    domain = Path(knowledge_cache.__file__).resolve().parent.parent / "domain"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(knowledge_cache, "warm_up_questions", lambda kb: [])
        every_source = (*knowledge_cache._CODE_AND_DATA, (domain, "**/*.py"))
        patch.setattr(knowledge_cache, "_CODE_AND_DATA", every_source)
        return knowledge_cache.cached_knowledge_base(cache_dir=PREPARED_DIR)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    from tests.postgres_server import PostgresServer, server_binaries

    binaries = server_binaries()
    if binaries is None:
        reason = "PostgreSQL server binaries (initdb, pg_ctl) are not installed"
        if os.environ.get("VTRBOT_REQUIRE_POSTGRES") == "1":
            pytest.fail(f"{reason}, and VTRBOT_REQUIRE_POSTGRES=1")
        pytest.skip(reason)
    server = PostgresServer.start(binaries)
    yield server
    server.stop()


async def _on_server(server: PostgresServer, sql: str) -> None:
    import asyncpg

    connection = await asyncpg.connect(server.url())
    try:
        await connection.execute(sql)
    finally:
        await connection.close()


@contextmanager
def fresh_database(server: PostgresServer) -> Iterator[str]:
    """The URL of a new, empty database on `server`, dropped on leaving."""
    name = f"test_{os.getpid()}_{next(_database_names)}"
    asyncio.run(_on_server(server, f"CREATE DATABASE {name}"))
    try:
        yield server.url(name)
    finally:
        asyncio.run(_on_server(server, f"DROP DATABASE {name} WITH (FORCE)"))


@pytest.fixture
def postgres_url(postgres_server: PostgresServer) -> Iterator[str]:
    """A fresh, empty database on the session's server, dropped after the test."""
    with fresh_database(postgres_server) as url:
        yield url


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.slow)])
def database(request: pytest.FixtureRequest, tmp_path: Path) -> Database:
    path = tmp_path / "data" / "vtrbot.sqlite3"
    if request.param == "sqlite":
        return Database(path)
    return Database(path, request.getfixturevalue("postgres_url"))


@pytest.fixture
async def sqlite_store(tmp_path: Path) -> AsyncIterator[Store]:
    """An open store on a fresh SQLite file: SQLite only."""
    from bot.services.store import Store

    async with Store(tmp_path / "vtrbot.sqlite3") as opened:
        yield opened


@pytest.fixture
async def both_backends_store(database: Database) -> AsyncIterator[Store]:
    """An open store on each backend in turn: SQLite, then a throwaway PostgreSQL (that
    half in the full tier), through the `database` fixture."""
    async with database.store() as opened:
        yield opened


BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.slow)]


@pytest.fixture(scope="module")
def backend(request: pytest.FixtureRequest) -> str:
    """The store's backend for the running bot: SQLite, unless the test is marked
    `both_backends`, which runs it once on each (PostgreSQL in the full tier)."""
    return str(getattr(request, "param", "sqlite"))


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "backend" in metafunc.fixturenames and metafunc.definition.get_closest_marker(
        "both_backends"
    ):
        # Module scope: a module's tests share one bot per backend, SQLite's first.
        metafunc.parametrize("backend", BACKENDS, indirect=True, scope="module")


def pytest_collection_finish(session: pytest.Session) -> None:
    """What is loaded by now (the modules, the collected tests) lives to the end of the run:
    set apart from the garbage collector, so its passes, and pytest's own at the end of
    the session, do not walk it again and again."""
    gc.collect()
    gc.freeze()


@pytest.hookimpl(tryfirst=True)
def pytest_sessionfinish(session: pytest.Session) -> None:
    """Hypothesis's pytest plugin imports hypothesis for its end-of-run summary, whether or
    not a test used it: in xdist's controller, which runs no test, and in every run of the
    fast tier, whose tests never import it (the property tests are in modules of the full
    tier as a whole). Where no test imported hypothesis there is nothing to summarise, so
    the plugin is dropped before the summary."""
    plugin = session.config.pluginmanager.get_plugin("hypothesispytest")
    if plugin is not None and "hypothesis" not in sys.modules:
        session.config.pluginmanager.unregister(plugin)


OPT_IN_MARKERS = ("deploy", "scale", "sweep", "heldout")
"""Tiers that run only when a -m expression names them (`.ci/run` runs each as its own
step): building an image, running fleets of processes and asking every generated question
take minutes, which the README's test command and the fast tier `-m "not slow"` leave out
(the README's command asks a fixed sample of each sweep's questions). `heldout` runs too
whenever the command line names a path (`NAMED_PATH_RUNS`)."""

NAMED_PATH_RUNS = frozenset({"heldout"})
"""Opt-in tiers that also run when the command line names a path: the held-out question
sets graded whole against their floors are how answers are developed (`pytest -s
tests/knowledge/test_heldout_cases_29.py`, the answers' gate `pytest -m slow
tests/knowledge`); the README's command names none, and keeps every set's wrong-fact and
first-line checks (tests/knowledge/test_heldout_wrong_facts.py)."""

HELDOUT_SET = re.compile(r"test_heldout_cases(_\d+)?\.py")
"""A held-out question set's own module: in the `heldout` tier."""


SERVER_FIXTURES = frozenset({"bot_api", "running_bot", "spapi", "postgres_url"})
"""A test that starts a fake server, a whole bot or a database is in the full tier: the
fast tier (`-m "not slow"`) is the domain and the services, in seconds."""


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if SERVER_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)
    _collections_past_their_first_cases_are_slow(items)
    for item in items:
        if HELDOUT_SET.fullmatch(item.path.name):
            item.add_marker(pytest.mark.heldout)
    named = config.getoption("markexpr") or ""
    path_named = config.args_source is not pytest.Config.ArgsSource.TESTPATHS
    left_out = [
        m for m in OPT_IN_MARKERS if m not in named and not (path_named and m in NAMED_PATH_RUNS)
    ]
    deselected = [i for i in items if any(i.get_closest_marker(m) for m in left_out)]
    if deselected:
        config.hook.pytest_deselected(items=deselected)
        items[:] = [i for i in items if i not in deselected]


_WHOLE_MODULE_SLOW = re.compile(r"^pytestmark = \[?pytest\.mark\.slow\b", re.MULTILINE)
"""A module whose `pytestmark` starts with `slow`: every test of it is in the full tier."""


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    """With `-m "not slow"` (the fast tier), a module marked slow as a whole is not even
    imported: each xdist worker would import it, and build its cases, only to deselect them
    all. Read as text, so a module's own imports cost nothing. Other -m expressions, and a
    module named on the command line, are collected as usual."""
    if (
        collection_path.suffix == ".py"
        and collection_path.name.startswith("test_")
        and " ".join((config.getoption("markexpr") or "").split()) == "not slow"
    ):
        return bool(_WHOLE_MODULE_SLOW.search(collection_path.read_text(encoding="utf-8"))) or None
    return None


_LONG_MODULE = re.compile(r"^pytestmark = \[.*\bpytest\.mark\.long\b", re.MULTILINE)
"""A module marked `long` as a whole (`pytestmark = [pytest.mark.slow, pytest.mark.long]`)."""


@pytest.hookimpl(optionalhook=True)  # xdist's hook: unknown where xdist is off (-p no:xdist)
def pytest_xdist_make_scheduler(config: pytest.Config, log: Any) -> object | None:
    """Under `--dist loadscope` (the README's command), the modules marked `long` are started
    first. xdist deals modules out largest first by their count of tests, so a module of one
    or two tests that runs for a minute came last and ran alone on one worker while the
    other had finished. The controller sees only test ids, so the mark is read from the
    module's text, as `pytest_ignore_collect` reads `slow`."""
    if config.getoption("dist") != "loadscope":
        return None
    from xdist.scheduler import LoadScopeScheduling

    class LongModulesFirst(LoadScopeScheduling):
        _ordered = False

        def _assign_work_unit(self, node: Any) -> None:
            if not self._ordered:
                self._ordered = True
                long = [s for s in self.workqueue if _is_long(config.rootpath / s)]
                for scope in reversed(long):
                    self.workqueue.move_to_end(scope, last=False)
            super()._assign_work_unit(node)

    return LongModulesFirst(config, log)


def _is_long(module: Path) -> bool:
    return module.suffix == ".py" and bool(_LONG_MODULE.search(module.read_text("utf-8")))


_RULE_ROW = re.compile(r"(?P<rule>[a-z0-9_]+)-\d+")
"""A case id `rule-N` (the N-th row of a rule's table, as tests/knowledge/test_decisions.py
names them): its rule is a family of its own."""


def _collections_past_their_first_cases_are_slow(items: list[pytest.Item]) -> None:
    """In a module marked `collection` (many wordings or files for rules that each have a
    test of their own), the first case of each test, and of each rule named in a `rule-N`
    id, stays in the fast tier, so a broken rule still fails there, and so does a case
    marked `fast` (the only one of the fast tier to reach some line of bot/); the other
    cases are `slow`: the README's command runs them all."""
    seen: set[tuple[str, str, str]] = set()
    for item in items:
        if item.get_closest_marker("collection") is None:
            continue
        name = getattr(item, "originalname", item.name)
        case = item.name[len(name) + 1 : -1] if item.name != name else ""
        row = _RULE_ROW.fullmatch(case)
        family = (item.nodeid.split("::")[0], name, row["rule"] if row else "")
        if family in seen and item.get_closest_marker("fast") is None:
            item.add_marker(pytest.mark.slow)
        seen.add(family)
