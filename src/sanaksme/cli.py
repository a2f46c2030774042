"""The `sanaksme` console script: Django's manage.py for this project.

SANAKSME_ENV (development or production) selects the settings module unless
DJANGO_SETTINGS_MODULE is set. Before Django starts, the data directory is made
private (0700, umask 077) and, in development, given a secret key.
"""

import os
import sys

from django.core.exceptions import ImproperlyConfigured

from sanaksme.config.environment import environment, prepare_data_dir, settings_module


def main() -> None:
    try:
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", settings_module())
        prepare_data_dir(generate_secret_key=environment() != "production")
    except (ImproperlyConfigured, OSError) as exc:
        sys.exit(f"sanaksme: {exc}")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
