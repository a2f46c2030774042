"""JSON from outside, parsed with bounded nesting.

`json.loads` recurses once per nesting level, so a few kilobytes of `[[[[…` raise
RecursionError (or exhaust the stack) instead of a clean parse error. The depth is
counted by one linear scan first; only text within the bound reaches `json.loads`.
"""

from __future__ import annotations

import json
import re
from typing import Any

MAX_DEPTH = 32

# A JSON string (with escapes) or one bracket; everything else is skipped.
_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]', re.DOTALL)


class JsonTooDeepError(ValueError):
    """The document nests arrays/objects deeper than allowed."""


def json_depth(text: str | bytes) -> int:
    """The deepest nesting of arrays and objects in `text` (strings are skipped)."""
    if isinstance(text, bytes | bytearray):
        text = text.decode("utf-8", errors="replace")
    depth = deepest = 0
    for match in _TOKEN.finditer(text):
        token = match.group()
        if token in ("[", "{"):
            depth += 1
            deepest = max(deepest, depth)
        elif token in ("]", "}"):
            depth -= 1
    return deepest


def loads_bounded(text: str | bytes, *, max_depth: int = MAX_DEPTH) -> Any:
    """`json.loads`, refusing (JsonTooDeepError, a ValueError) nesting beyond
    `max_depth` before parsing; malformed JSON raises json.JSONDecodeError as usual."""
    if json_depth(text) > max_depth:
        raise JsonTooDeepError(f"JSON nested deeper than {max_depth} levels")
    return json.loads(text)
