"""Where Sanāksme keeps its data, and which settings module runs it.

Importing settings must not touch the disk. Everything here that writes
(`prepare_data_dir`) is called by the entry points (`sanaksme` in cli.py and
config/asgi.py) when a process *starts*, before Django reads its settings.

It imports nothing from Django that needs settings: it runs before they exist.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

# SANAKSME_ENV selects the settings: the one variable an operator sets.
SETTINGS_MODULES = {
    "development": "sanaksme.config.settings.dev",
    "production": "sanaksme.config.settings.production",
}
SQLITE_NAME = "sanaksme.sqlite3"
SECRET_KEY_NAME = "secret_key"  # noqa: S105 (a file name)


def environment() -> str:
    """The value of SANAKSME_ENV: development (the default) or production."""
    value = os.environ.get("SANAKSME_ENV", "").strip().lower() or "development"
    if value not in SETTINGS_MODULES:
        raise ImproperlyConfigured(
            f"SANAKSME_ENV must be one of {', '.join(SETTINGS_MODULES)}, not {value!r}."
        )
    return value


def settings_module() -> str:
    """The Django settings module that SANAKSME_ENV selects."""
    return SETTINGS_MODULES[environment()]


def data_dir() -> Path:
    """SANAKSME_DATA_DIR, else a per-user directory that does not depend on the cwd."""
    explicit = os.environ.get("SANAKSME_DATA_DIR")
    if explicit:
        return Path(explicit).expanduser().absolute()
    xdg = os.environ.get("XDG_DATA_HOME")
    base = Path(xdg) if xdg and Path(xdg).is_absolute() else Path.home() / ".local/share"
    return (base / "sanaksme").absolute()


def read_secret_key(directory: Path) -> str:
    """The development key kept in the data directory, or "" when there is none yet."""
    try:
        return (directory / SECRET_KEY_NAME).read_text(encoding="ascii").strip()
    except (FileNotFoundError, NotADirectoryError):
        return ""


def prepare_data_dir(*, generate_secret_key: bool) -> Path:
    """Make the data directory private before Django opens anything in it.

    The directory is 0700 and everything created in it afterwards is private to this
    user (umask 077: the SQLite file with its -wal and -shm files, media, reports).
    Files left by an older version are made 0600 too. In development a secret key is
    generated once and kept here; production refuses to start without SECRET_KEY.
    """
    os.umask(0o077)
    directory = data_dir()
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    directory.chmod(0o700)
    for name in (SQLITE_NAME, f"{SQLITE_NAME}-wal", f"{SQLITE_NAME}-shm",
                 SECRET_KEY_NAME, "facilitator-password.txt"):
        path = directory / name
        if path.exists():
            path.chmod(0o600)
    if generate_secret_key and not os.environ.get("SECRET_KEY"):
        _create_secret_key(directory / SECRET_KEY_NAME)
    return directory


def _create_secret_key(path: Path) -> None:
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(secrets.token_urlsafe(50))
