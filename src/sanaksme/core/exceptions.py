"""Errors that services raise; their messages are safe to show to a user."""


class DomainError(Exception):
    """A rule was broken; `message` is translated and user-safe.

    By default the refusal is permanent: sending the same request again gets the same
    answer, so a client drops it and shows the message.
    """

    retry = False
    retry_after: float | None = None

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class Retryable(DomainError):  # noqa: N818 (a verdict, not a failure)
    """Refused for now, not for good: a client keeps the request and sends it again,
    after `retry_after` seconds if given (e.g. a rate limit, a busy database)."""

    retry = True

    def __init__(self, message: str, *, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class RateLimited(Retryable):
    """Too many requests from one person in a short time; try again after the window."""


class ImportRejected(DomainError):  # noqa: N818 (a verdict, not a failure)
    """An import file had errors; nothing was written."""

    def __init__(self, errors: list[str]) -> None:
        super().__init__("; ".join(errors))
        self.errors = errors
