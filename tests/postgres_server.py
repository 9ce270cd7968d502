"""A throwaway PostgreSQL server for the tests, started from the installed server binaries.

`initdb` and `pg_ctl` in a temporary folder, listening on 127.0.0.1 at a free port, with
durability off (a test database never needs to survive a power cut). PostgreSQL refuses to
run as root, so under root the server runs as an unprivileged system user.
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

UNPRIVILEGED_USERS = ("postgres", "vtrbot-test")
"""Tried in order when the tests run as root; the second is created when neither exists."""


def server_binaries() -> Path | None:
    """The folder holding initdb and pg_ctl: on PATH, else Debian's versioned folders."""
    on_path = shutil.which("pg_ctl")
    if on_path and shutil.which("initdb"):
        return Path(on_path).parent
    candidates = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"),
        key=lambda path: int(Path(path).parts[-3]) if Path(path).parts[-3].isdigit() else 0,
    )
    return Path(candidates[-1]).parent if candidates else None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _memory_folder() -> str | None:
    """/dev/shm where there is one: a test server's files never need a disk, and writing
    then deleting hundreds of MB on a busy disk took 15 s."""
    shm = Path("/dev/shm")
    return str(shm) if shm.is_dir() and os.access(shm, os.W_OK) else None


def _server_account() -> pwd.struct_passwd | None:
    """Who runs the server: None for the current user, unless that is root."""
    if os.geteuid() != 0:
        return None
    for name in UNPRIVILEGED_USERS:
        with contextlib.suppress(KeyError):
            return pwd.getpwnam(name)
    subprocess.run(
        ["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin",
         UNPRIVILEGED_USERS[-1]],
        check=True, capture_output=True,
    )  # fmt: skip
    return pwd.getpwnam(UNPRIVILEGED_USERS[-1])


@dataclass
class PostgresServer:
    """One running server; `url(database)` connects as the superuser `postgres`."""

    binaries: Path
    folder: Path
    port: int
    account: pwd.struct_passwd | None

    @classmethod
    def start(cls, binaries: Path, durable: bool = False) -> PostgresServer:
        """Initialise and start a server; `durable` keeps fsync on (benchmarks)."""
        account = _server_account()
        folder = Path(
            tempfile.mkdtemp(prefix="vtrbot-pg-", dir=None if durable else _memory_folder())
        )
        if account is not None:
            os.chown(folder, account.pw_uid, account.pw_gid)
        server = cls(binaries, folder, _free_port(), account)
        server._run("initdb", "-D", str(folder / "data"), "-U", "postgres", "--auth=trust",
                    "-E", "UTF8", "--locale=C", "--no-sync", "--no-instructions")  # fmt: skip
        options = (
            f"-p {server.port} -k {folder} -c listen_addresses=127.0.0.1 -c max_connections=200"
        )
        if not durable:
            options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        server._run("pg_ctl", "-D", str(folder / "data"), "-l", str(folder / "log"),
                    "-o", options, "-w", "-t", "60", "start")  # fmt: skip
        return server

    def _run(self, program: str, *args: str) -> None:
        account = self.account
        result = subprocess.run(
            [str(self.binaries / program), *args],
            capture_output=True,
            text=True,
            cwd=self.folder,
            user=account.pw_uid if account else None,
            group=account.pw_gid if account else None,
            extra_groups=[] if account else None,
            check=False,
        )
        if result.returncode != 0:
            log = self.folder / "log"
            detail = log.read_text()[-2000:] if log.exists() else ""
            raise RuntimeError(f"{program} failed: {result.stderr.strip()}\n{detail}")

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database}"

    def stop(self) -> None:
        with contextlib.suppress(RuntimeError):
            self._run("pg_ctl", "-D", str(self.folder / "data"), "-m", "immediate", "stop")
        shutil.rmtree(self.folder, ignore_errors=True)
