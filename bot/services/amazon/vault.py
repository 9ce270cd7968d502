"""Sellers' refresh tokens, encrypted at rest with Fernet (AES-128-CBC + HMAC-SHA256).

The key is the operator's VTRBOT_SECRET_KEY; it never touches the database. A token is
only ever decrypted in memory, just before a sync, and held as a `SecretStr` so that a
stray `repr()` or log line shows asterisks.
"""

from __future__ import annotations

from cryptography.fernet import Fernet, InvalidToken
from pydantic import SecretStr


class VaultKeyMismatch(Exception):
    """A stored token cannot be decrypted with this key: VTRBOT_SECRET_KEY changed, so the
    seller must connect again."""


class CredentialVault:
    def __init__(self, key: SecretStr) -> None:
        self._fernet = Fernet(key.get_secret_value().encode("ascii"))

    def seal(self, token: SecretStr) -> bytes:
        return self._fernet.encrypt(token.get_secret_value().encode("utf-8"))

    def open(self, sealed: bytes) -> SecretStr:
        try:
            return SecretStr(self._fernet.decrypt(sealed).decode("utf-8"))
        except InvalidToken:
            raise VaultKeyMismatch("stored token does not decrypt with VTRBOT_SECRET_KEY") from None
