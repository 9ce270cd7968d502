"""What Amazon's secrets look like, so that none is kept in a chat or taken for another.

A refresh token (`Atzr|…`), an access token (`Atza|…`) and an LWA client secret
(`amzn1.oa2-cs.v1.…`) are recognised wherever they appear in a message, in any letter case
(a phone's keyboard capitalises), so the adapter deletes the message and no reply quotes it.
"""

from __future__ import annotations

import re

MAX_REFRESH_TOKEN = 2048
"""Amazon's refresh tokens are a few hundred characters; this bounds a token file too."""
REFRESH_TOKEN = re.compile(r"Atzr\|[!-~]{20,2043}")
"""A refresh token as Seller Central shows it: `Atzr|`, then printable ASCII, no spaces."""
_SECRET = re.compile(r"(?i)(?:atz[ra]\||amzn1\.oa2-cs\.)[!-~]{8,}")


def is_refresh_token(text: str) -> bool:
    return REFRESH_TOKEN.fullmatch(text) is not None


def holds_secret(text: str) -> bool:
    """Whether `text` holds something shaped like an Amazon token or client secret."""
    return _SECRET.search(text) is not None


def without_secrets(text: str) -> tuple[str, list[str]]:
    """`text` with every secret-shaped word taken out, and those words in order."""
    found = _SECRET.findall(text)
    return _SECRET.sub(" ", text), found
