"""compose.scale.yaml is the deployment tests/scale/test_proxy.py runs process by process: no
Docker engine runs the file here, so it is held to what that test starts. A change to one
that is not made to the other fails here."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from tests.scale import test_proxy

ROOT = Path(__file__).parents[2]
TEXT = (ROOT / "compose.scale.yaml").read_text(encoding="utf-8")
ENV_FILE = {
    "BOT_DOMAIN": urlsplit(test_proxy.PUBLIC_URL).hostname,
    "POSTGRES_PASSWORD": "pg-password",
    "VTRBOT_WEBHOOK_SECRET": test_proxy.SECRET,
}
"""What an operator's .env gives compose: the variables `${NAME:?...}` requires."""


def interpolated(text: str) -> str:
    """The file as compose reads it with ENV_FILE (a missing required variable is a KeyError)."""

    def value(match: re.Match[str]) -> str:
        name, default = match[1], match[2]
        if default is not None and default.startswith(":-"):
            return ENV_FILE.get(name, default[2:])
        return ENV_FILE[name]

    return re.sub(r"\$\{(\w+)(:[-?][^}]*)?\}", value, text)


SERVICES = yaml.safe_load(interpolated(TEXT))["services"]
RAW = yaml.safe_load(TEXT)["services"]
BOTS = ("bot1", "bot2", "bot3")


def caddyfile_mount() -> tuple[Path, str]:
    """The proxy's Caddyfile: the file in the repository, and where the container reads it."""
    [mount] = [m for m in SERVICES["proxy"]["volumes"] if "Caddyfile" in m]
    source, target, *_ = mount.split(":")
    return (ROOT / source).resolve(), target


def test_the_proxy_runs_the_caddyfile_the_test_runs() -> None:
    source, target = caddyfile_mount()
    assert source == test_proxy.CADDYFILE.resolve()
    # The caddy image's own command reads this path; nothing overrides it.
    assert target == "/etc/caddy/Caddyfile"
    assert "command" not in SERVICES["proxy"] and "entrypoint" not in SERVICES["proxy"]
    assert SERVICES["proxy"]["image"].startswith("caddy:")


def test_the_proxy_and_the_test_set_the_same_variables() -> None:
    assert set(SERVICES["proxy"]["environment"]) == set(test_proxy.proxy_settings(1, [2]))
    assert RAW["proxy"]["environment"]["BOT_DOMAIN"].startswith("${BOT_DOMAIN:?")


def test_the_proxy_spreads_over_every_replica_at_its_webhook_port() -> None:
    upstreams = SERVICES["proxy"]["environment"]["BOT_UPSTREAMS"].split()
    assert upstreams == [f"{bot}:{bot_env(bot)['VTRBOT_WEBHOOK_PORT']}" for bot in BOTS]
    assert set(SERVICES["proxy"]["depends_on"]) == set(BOTS)


def bot_env(name: str) -> dict[str, str]:
    return SERVICES[name]["environment"]


def test_the_three_bots_are_the_tested_replicas() -> None:
    bots = [SERVICES[name] for name in BOTS]
    assert bots[0] == bots[1] == bots[2]  # one definition: a shared database, URL and secret
    assert set(SERVICES) == {"postgres", "proxy", *BOTS}
    vtrbot = {key for key in bot_env("bot1") if key.startswith("VTRBOT_")}
    assert vtrbot == set(test_proxy.replica_settings("postgresql://", 1))
    assert bot_env("bot1")["VTRBOT_WEBHOOK_LISTEN"] == "0.0.0.0"  # reachable by the proxy


def test_the_database_url_points_at_the_postgres_service() -> None:
    url = urlsplit(bot_env("bot1")["VTRBOT_DATABASE_URL"])
    assert (url.scheme, url.hostname, url.port) == ("postgresql", "postgres", 5432)
    postgres = SERVICES["postgres"]["environment"]
    assert url.path == "/" + postgres["POSTGRES_DB"]
    assert url.username == postgres["POSTGRES_USER"]


def test_the_webhook_url_is_the_proxys_site_and_forwarded_path() -> None:
    # With the test's domain, the URL the replicas register is the one the test registers.
    assert bot_env("bot1")["VTRBOT_WEBHOOK_URL"] == test_proxy.PUBLIC_URL
    assert SERVICES["proxy"]["environment"]["BOT_DOMAIN"] == ENV_FILE["BOT_DOMAIN"]
    caddyfile = test_proxy.CADDYFILE.read_text(encoding="utf-8")
    assert re.findall(r"^\s*handle (/\S*) \{", caddyfile, re.MULTILINE) == [
        urlsplit(test_proxy.PUBLIC_URL).path
    ]


def test_the_webhook_secret_is_set_not_generated_per_start() -> None:
    # A secret generated per start would make each replica refuse the others' updates.
    raw = RAW["bot1"]["environment"]["VTRBOT_WEBHOOK_SECRET"]
    assert raw.startswith("${VTRBOT_WEBHOOK_SECRET:?")
    assert bot_env("bot1")["VTRBOT_WEBHOOK_SECRET"] == test_proxy.SECRET


def test_every_variable_the_file_requires_is_in_the_env_example() -> None:
    required = set(re.findall(r"\$\{(\w+):\?", TEXT))
    assert required == set(ENV_FILE)
    example = (ROOT / ".env.example").read_text(encoding="utf-8")
    assert {
        name for name in required if re.search(rf"^# {name}=", example, re.MULTILINE)
    } == required
