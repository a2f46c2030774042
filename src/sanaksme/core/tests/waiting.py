"""Waiting for an outcome in tests that drive other threads or processes (job workers,
servers behind nginx): poll until it is there, fail with what was awaited after a bound.
The one polling loop of those tests; never a fixed sleep in a test."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import pytest


def wait_for(check: Callable[[], Any], *, seconds: float = 60.0, what: str = "",
             logs: Callable[[], str] = str) -> Any:
    """`check()`'s first truthy value; polled at 10 ms growing to 200 ms (a loaded
    machine gets time to answer), failing after `seconds` with `what` and `logs()`."""
    deadline = time.monotonic() + seconds
    pause = 0.01
    while True:
        value = check()
        if value:
            return value
        if time.monotonic() > deadline:
            pytest.fail(f"timed out after {seconds:.0f} s waiting for {what or check}\n"
                        f"{logs()}")
        time.sleep(pause)
        pause = min(pause * 2, 0.2)
