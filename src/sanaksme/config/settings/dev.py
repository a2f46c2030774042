"""Settings for `make run` and local development: base settings, nothing secret."""

from .base import *  # noqa: F403
