"""Settings of the running bot, read from the environment or a `.env` file.

Nothing here is built at import time: the composition root (`vtrbot run`, `vtrbot chat`)
calls `load_settings()` once and passes the result down.
"""

from __future__ import annotations

import base64
import binascii
import ipaddress
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import platformdirs
from pydantic import Field, SecretStr, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from bot.domain.amazon_regions import amazon_regions
from bot.services.i18n import Lang

BOT_API_FILE_CAP_MB = 20
"""Largest file a bot may download through the public Bot API."""
LOCAL_BOT_API_FILE_CAP_MB = 2000
"""Largest file a local Bot API server (--local) hands to a bot."""
MIN_UPLOAD_MB = 1
"""Below this, a seller's smallest real export would be refused (a typo like 1e-9 is)."""
MIN_SYNC_MINUTES = 0.01
"""0.6 s: the pace of the end-to-end test; shorter is a busy loop against Amazon."""
MAX_SYNC_MINUTES = 7 * 24 * 60
_LOOPBACK_HOSTS = {"localhost"}


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir("vtrbot"))


@dataclass(frozen=True)
class TelegramSettings:
    """How the bot reaches Telegram and is reached by it (TELEGRAM_*, VTRBOT_WEBHOOK_*,
    VTRBOT_ALLOWED_CHATS)."""

    token: SecretStr | None
    base_url: str
    base_file_url: str
    local_mode: bool
    webhook_url: str | None
    webhook_listen: str
    webhook_port: int
    webhook_secret: SecretStr | None
    allowed_chats: frozenset[int]


@dataclass(frozen=True)
class AmazonSettings:
    """The operator's Selling Partner API app and the key sellers' tokens are sealed with
    (VTRBOT_SPAPI_*, VTRBOT_SECRET_KEY, VTRBOT_LWA_TOKEN_URL)."""

    client_id: str | None
    client_secret: SecretStr | None
    secret_key: SecretStr | None
    lwa_token_url: str
    endpoint: str | None
    sync_minutes: float
    write: bool = True
    """VTRBOT_AMAZON_WRITE: off, the connection only reads (no fix is ever sent)."""

    def missing(self) -> tuple[str, ...]:
        """The variables the operator must still set before sellers can connect."""
        wanted = (
            ("VTRBOT_SECRET_KEY", self.secret_key),
            ("VTRBOT_SPAPI_CLIENT_ID", self.client_id),
            ("VTRBOT_SPAPI_CLIENT_SECRET", self.client_secret),
        )
        return tuple(name for name, value in wanted if not value)


@dataclass(frozen=True)
class ScaleOutSettings:
    """What several bot processes share: one PostgreSQL (VTRBOT_DATABASE_URL), and how
    often each finishes the alerts another left undecided (VTRBOT_ALERT_SWEEP_SECONDS)."""

    database_url: SecretStr | None
    alert_sweep_seconds: float


class Settings(BaseSettings):
    """Everything the bot needs to start; validated as a whole before anything runs."""

    model_config = SettingsConfigDict(
        env_file=".env", env_file_encoding="utf-8", extra="ignore", populate_by_name=True
    )

    telegram_bot_token: SecretStr | None = Field(default=None, alias="TELEGRAM_BOT_TOKEN")
    data_dir: Path = Field(default_factory=default_data_dir, alias="VTRBOT_DATA_DIR")
    default_lang: Lang = Field(default="zh", alias="VTRBOT_DEFAULT_LANG")
    timezone: str = Field(default="Asia/Shanghai", alias="VTRBOT_TIMEZONE")
    max_upload_mb: float = Field(
        default=BOT_API_FILE_CAP_MB, ge=MIN_UPLOAD_MB, le=LOCAL_BOT_API_FILE_CAP_MB,
        allow_inf_nan=False, alias="VTRBOT_MAX_UPLOAD_MB",
    )  # fmt: skip
    base_url: str = Field(default="https://api.telegram.org/bot", alias="TELEGRAM_BASE_URL")
    base_file_url: str = Field(
        default="https://api.telegram.org/file/bot", alias="TELEGRAM_BASE_FILE_URL"
    )

    local_mode: bool = Field(default=False, alias="TELEGRAM_LOCAL_MODE")
    """A local Bot API server in --local mode: files up to 2 GB, read from its disk."""
    webhook_url: str | None = Field(default=None, alias="VTRBOT_WEBHOOK_URL")
    webhook_listen: str = Field(default="0.0.0.0", alias="VTRBOT_WEBHOOK_LISTEN")
    webhook_port: int = Field(default=8443, ge=1, le=65535, alias="VTRBOT_WEBHOOK_PORT")
    webhook_secret: SecretStr | None = Field(default=None, alias="VTRBOT_WEBHOOK_SECRET")
    # NoDecode: "123,456" is a plain list, not JSON.
    allowed_chats: Annotated[frozenset[int], NoDecode] = Field(
        default=frozenset(), alias="VTRBOT_ALLOWED_CHATS"
    )
    """Private deployments: only these chat IDs are served (empty: everyone)."""
    database_url: SecretStr | None = Field(default=None, alias="VTRBOT_DATABASE_URL")
    """postgresql://… to share one PostgreSQL between processes; unset: SQLite in data_dir."""
    alert_sweep_seconds: float = Field(
        default=300, gt=0, allow_inf_nan=False, alias="VTRBOT_ALERT_SWEEP_SECONDS"
    )
    """How often each process looks for chats whose alert time passed with the day
    undecided (a replica died mid-pass, a delivery failed) and finishes them."""

    # -- Amazon Selling Partner API (connected stores); docs/operating.md, "Connect Amazon" --
    spapi_client_id: str | None = Field(default=None, alias="VTRBOT_SPAPI_CLIENT_ID")
    """The operator's Login with Amazon app (client id and secret): one for every store."""
    spapi_client_secret: SecretStr | None = Field(default=None, alias="VTRBOT_SPAPI_CLIENT_SECRET")
    secret_key: SecretStr | None = Field(default=None, alias="VTRBOT_SECRET_KEY")
    """Fernet key that encrypts sellers' refresh tokens at rest; without it /connect is off."""
    lwa_token_url: str = Field(
        default_factory=lambda: amazon_regions().lwa_token_url, alias="VTRBOT_LWA_TOKEN_URL"
    )
    spapi_sync_minutes: float = Field(
        default=60, ge=MIN_SYNC_MINUTES, le=MAX_SYNC_MINUTES, allow_inf_nan=False,
        alias="VTRBOT_SPAPI_SYNC_MINUTES",
    )  # fmt: skip
    """How often connected stores are synced (incremental: one searchOrders call when
    nothing changed; Amazon's report is asked once a day)."""
    amazon_write: bool = Field(default=True, alias="VTRBOT_AMAZON_WRITE")
    """Whether sellers may send fixes to Amazon from the chat (confirmShipment); off: the
    connection only reads (alerts and reports), and /connect does not ask for the role."""
    spapi_endpoint: str | None = Field(default=None, alias="VTRBOT_SPAPI_ENDPOINT")
    """One endpoint for every region (Amazon's sandbox, a test server); unset: Amazon's
    endpoint of each store's region."""

    @field_validator("secret_key")
    @classmethod
    def _fernet_key(cls, value: SecretStr | None) -> SecretStr | None:
        if value is None or not value.get_secret_value().strip():
            return None
        key = value.get_secret_value().strip()
        try:
            # URL-safe alphabet only: a standard-base64 key ("+", "/") decodes here but
            # Fernet refuses it at start.
            valid = bool(re.fullmatch(r"[A-Za-z0-9_-]{43}=", key)) and (
                len(base64.urlsafe_b64decode(key.encode("ascii"))) == 32
            )
        except (ValueError, binascii.Error):
            valid = False
        if not valid:
            raise ValueError(
                "must be a Fernet key (32 bytes, URL-safe base64); make one with "
                "python -c 'from cryptography.fernet import Fernet; "
                "print(Fernet.generate_key().decode())'"
            )
        return SecretStr(key)

    @field_validator("lwa_token_url", "spapi_endpoint")
    @classmethod
    def _amazon_url(cls, value: str | None) -> str | None:
        """https:// with a host; plain http:// only to this machine (a test server):
        elsewhere it would carry refresh tokens and client secrets in clear text."""
        if not value:
            return None
        host = url_host(value, ("http", "https"))
        if host is None:
            raise ValueError(f"must be an http(s):// URL with a host, got {value[:80]!r}")
        if value.startswith("http://") and not is_loopback(host):
            raise ValueError("plain http:// only to this machine (127.0.0.1); use https://")
        return value.rstrip("/")

    # -- end of Amazon Selling Partner API settings --

    @field_validator("allowed_chats", mode="before")
    @classmethod
    def _chat_list(cls, value: object) -> object:
        """A list that names no chat ("," or " ") is a mistake, not "everyone": unset the
        variable to serve everyone."""
        if not isinstance(value, str):
            return value
        if not value.strip():
            return frozenset()
        parts = [part.strip() for part in value.replace(";", ",").split(",") if part.strip()]
        if not parts:
            raise ValueError("lists no chat ID; leave it unset to serve every chat")
        bad = [part for part in parts if not re.fullmatch(r"-?\d{1,20}", part)]
        if bad:
            raise ValueError(f"not chat IDs: {', '.join(bad[:5])[:200]}")
        return frozenset(int(part) for part in parts)

    @field_validator("data_dir", mode="before")
    @classmethod
    def _blank_data_dir_is_default(cls, value: object) -> object:
        """An empty VTRBOT_DATA_DIR means the default folder, not the current directory."""
        if isinstance(value, str) and not value.strip():
            return default_data_dir()
        return value

    @field_validator("webhook_listen")
    @classmethod
    def _listen_address(cls, value: str) -> str:
        if problem := listen_address_problem(value):
            raise ValueError(problem)
        return value

    @field_validator("webhook_url")
    @classmethod
    def _https_webhook(cls, value: str | None) -> str | None:
        return https_webhook(value) if value else None

    @field_validator("webhook_secret")
    @classmethod
    def _telegram_secret_alphabet(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and not re.fullmatch(
            r"[A-Za-z0-9_-]{1,256}", value.get_secret_value()
        ):
            raise ValueError("use 1-256 characters A-Z, a-z, 0-9, _ and - (Telegram's rule)")
        return value

    @field_validator("database_url")
    @classmethod
    def _postgres_url(cls, value: SecretStr | None) -> SecretStr | None:
        if value is None or not value.get_secret_value().strip():
            return None
        if not value.get_secret_value().startswith(("postgresql://", "postgres://")):
            raise ValueError("must start with postgresql:// (unset it to use SQLite)")
        return value

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(
                f"unknown time zone {value!r} (use an IANA name like Asia/Shanghai)"
            ) from None
        return value

    @field_validator("base_url", "base_file_url")
    @classmethod
    def _http_url(cls, value: str) -> str:
        if not value.startswith(("http://", "https://")):
            raise ValueError(f"must start with http:// or https://, got {value!r}")
        return value.rstrip("/")

    @field_validator("telegram_bot_token")
    @classmethod
    def _blank_is_missing(cls, value: SecretStr | None) -> SecretStr | None:
        if value is None or not value.get_secret_value().strip():
            return None
        return SecretStr(value.get_secret_value().strip())

    @model_validator(mode="after")
    def _local_server_takes_big_files(self) -> Settings:
        if self.local_mode and "max_upload_mb" not in self.model_fields_set:
            self.max_upload_mb = LOCAL_BOT_API_FILE_CAP_MB
        return self

    @property
    def max_upload_bytes(self) -> int:
        return int(self.max_upload_mb * 1024 * 1024)

    @property
    def database_path(self) -> Path:
        return self.data_dir / "vtrbot.sqlite3"

    # -- the settings by group: each variable keeps its flat name in the environment --------

    @property
    def telegram(self) -> TelegramSettings:
        return TelegramSettings(
            self.telegram_bot_token, self.base_url, self.base_file_url, self.local_mode,
            self.webhook_url, self.webhook_listen, self.webhook_port, self.webhook_secret,
            self.allowed_chats,
        )  # fmt: skip

    @property
    def amazon(self) -> AmazonSettings:
        return AmazonSettings(
            self.spapi_client_id, self.spapi_client_secret, self.secret_key,
            self.lwa_token_url, self.spapi_endpoint, self.spapi_sync_minutes, self.amazon_write,
        )  # fmt: skip

    @property
    def scale_out(self) -> ScaleOutSettings:
        return ScaleOutSettings(self.database_url, self.alert_sweep_seconds)


def url_host(url: str, schemes: tuple[str, ...]) -> str | None:
    """The URL's host when it has one of `schemes`, a host and no blanks; else None."""
    try:
        parts = urlsplit(url)
        host = parts.hostname
        parts.port  # noqa: B018  # raises on a port that is not a number
    except ValueError:
        return None
    if parts.scheme not in schemes or not host or any(c.isspace() for c in url):
        return None
    return host


def is_loopback(host: str) -> bool:
    if host in _LOOPBACK_HOSTS:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def listen_address_problem(address: str) -> str | None:
    """Why the webhook server could not listen on `address` (an IP or a host name)."""
    try:
        ipaddress.ip_address(address)
    except ValueError:
        if not re.fullmatch(r"(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?", address):
            return f"not an IP address or host name: {address[:80]!r}"
    return None


def data_dir_problem(folder: Path) -> str | None:
    """Why the bot could not keep its data in `folder` (None: it can), checked at start so
    the operator reads one line instead of a traceback from deep in the storage."""
    if folder.exists() and not folder.is_dir():
        return f"{folder} is a file, not a folder"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".write-test-"):
            pass
    except OSError as error:
        return f"{folder} cannot be written: {error.strerror or error}"
    return None


def https_webhook(url: str) -> str:
    """The webhook URL, if Telegram will call it: it only calls https:// addresses, and
    one without a host ("https://") would be registered and never called."""
    if url_host(url, ("https",)) is None:
        raise ValueError(f"Telegram only calls https:// webhooks with a host, got {url[:80]!r}")
    return url


class SettingsError(ValueError):
    """Settings that cannot start the bot; `str()` is one readable line per field."""


def load_settings(env_file: Path | str | None = ".env", **overrides: Any) -> Settings:
    """Read settings from the environment (and `env_file`), with readable errors."""
    try:
        return Settings(_env_file=env_file, **overrides)  # type: ignore[call-arg]  # BaseSettings' own argument
    except ValidationError as error:
        raise SettingsError(_describe(error)) from None


def _describe(error: ValidationError) -> str:
    aliases = {name: field.alias or name for name, field in Settings.model_fields.items()}
    lines = []
    for item in error.errors(include_url=False, include_input=False):
        field = str(item["loc"][0]) if item["loc"] else "settings"
        message = item["msg"].removeprefix("Value error, ")
        lines.append(f"{aliases.get(field, field)}: {message}")
    return "\n".join(lines)
