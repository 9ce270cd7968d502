"""Refresh tokens are encrypted at rest, and no file, log line or error ever holds one."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from pydantic import SecretStr

from bot.services.amazon.client import RetryPolicy
from bot.services.amazon.repository import AmazonRepository
from bot.services.amazon.sync import AmazonSync, client_factory
from bot.services.amazon.vault import CredentialVault, VaultKeyMismatch
from bot.services.store import Store
from tests.amazon.conftest import US, us_order
from tests.amazon.fake_spapi import CLIENT_ID, CLIENT_SECRET, REFRESH_TOKEN, FakeSpApi

CHAT = 77


def every_byte_under(folder: Path) -> bytes:
    """The database files as they are on disk, WAL and journal included."""
    return b"".join(path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file())


def test_sealed_tokens_open_with_the_key_and_only_with_it(secret_key):
    vault = CredentialVault(SecretStr(secret_key))
    sealed = vault.seal(SecretStr(REFRESH_TOKEN))
    assert REFRESH_TOKEN.encode() not in sealed
    assert vault.open(sealed).get_secret_value() == REFRESH_TOKEN
    from cryptography.fernet import Fernet

    other = CredentialVault(SecretStr(Fernet.generate_key().decode()))
    with pytest.raises(VaultKeyMismatch) as caught:
        other.open(sealed)
    assert REFRESH_TOKEN not in str(caught.value)


async def test_no_file_log_or_error_holds_the_token(tmp_path, spapi: FakeSpApi, secret_key, caplog):
    caplog.set_level(logging.DEBUG)
    data = tmp_path / "data"
    vault = CredentialVault(SecretStr(secret_key))
    async with Store(data / "vtrbot.sqlite3") as store:
        repo = AmazonRepository(store)
        await repo.connect(CHAT, "NA", [US], vault.seal(SecretStr(REFRESH_TOKEN)))
        clients = client_factory(
            client_id=CLIENT_ID, client_secret=SecretStr(CLIENT_SECRET),
            token_url=spapi.lwa_url, endpoint=spapi.endpoint,
            retry=RetryPolicy(sleep=_no_wait, attempts=2),
        )  # fmt: skip
        sync = AmazonSync(repo, store, vault, clients)
        spapi.orders = [us_order(1, days_ago=2)]
        outcomes = [await sync.sync_chat(CHAT)]
        spapi.unavailable(10)
        outcomes.append(await sync.sync_chat(CHAT))
        spapi.revoke()
        await repo.connect(CHAT, "NA", [US], vault.seal(SecretStr(REFRESH_TOKEN)))
        outcomes.append(await sync.sync_chat(CHAT))
        connection = await repo.connection(CHAT)
        on_disk = every_byte_under(data)
    assert [o.status for o in outcomes] == ["ok", "unavailable", "revoked"]
    assert (data / "vtrbot.sqlite3").exists()  # the sealed token is in the store's file
    secrets = [REFRESH_TOKEN, CLIENT_SECRET, REFRESH_TOKEN.split("|", 1)[1]]
    for secret in secrets:
        assert secret.encode() not in on_disk
        assert secret not in caplog.text
        assert secret not in repr(outcomes) and secret not in repr(connection)
    assert "unavailable" in caplog.text  # the logs did speak: there was something to grep


async def _no_wait(_: float) -> None:
    return None
