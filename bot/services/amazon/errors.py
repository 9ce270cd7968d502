"""What can go wrong in a call to Amazon, as the sync and /connect tell it apart.

`str()` of every one of these never holds a secret (a token, a pre-signed URL's query)."""

from __future__ import annotations


class SpApiError(Exception):
    """A call to Amazon that did not give what was asked; `str()` never holds a secret."""


class AuthorizationRevoked(SpApiError):
    """LWA answered invalid_grant: the seller revoked the app or the token expired.
    Only the seller can fix it, by connecting again."""


class AppCredentialsRejected(SpApiError):
    """LWA rejected the operator's client id or secret (rotated every 180 days)."""


class SpApiUnavailable(SpApiError):
    """Amazon was down, slow or kept throttling after every retry: try again later."""


class SpApiRequestError(SpApiError):
    """Amazon refused the request itself (4xx): retrying the same request will not help."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(f"HTTP {status} {code}: {message}")
        self.status = status
        self.code = code


class SpApiMalformed(SpApiError):
    """An answer that is not what Amazon's API describes (not JSON, a field missing or of
    the wrong type, too big, a page token repeated): nothing of it is used, and a sync
    keeps its cursor where it was."""

    def __init__(self, where: str, problem: str) -> None:
        super().__init__(f"{where}: {problem}"[:500])
        self.where = where


class ReportFailed(SpApiError):
    """The report ended FATAL or CANCELLED: Amazon made none this time."""

    def __init__(self, status: str) -> None:
        super().__init__(f"report ended {status}")
        self.status = status
