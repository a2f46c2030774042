"""Settings for `make run` and local development (SANAKSME_ENV unset or development).

Base settings, nothing secret: the secret key lives in the data directory, created by
the `sanaksme` command when it starts (config/environment.py).
"""

from .base import *  # noqa: F403
