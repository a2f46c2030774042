"""Errors that services raise; their messages are safe to show to a user."""


class DomainError(Exception):
    """A rule was broken; `message` is translated and user-safe."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class ImportRejected(DomainError):  # noqa: N818 (a verdict, not a failure)
    """An import file had errors; nothing was written."""

    def __init__(self, errors: list[str]) -> None:
        super().__init__("; ".join(errors))
        self.errors = errors
