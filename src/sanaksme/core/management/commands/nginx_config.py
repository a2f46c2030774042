"""`sanaksme nginx_config`: print the nginx site for N workers (docs/deploy.md)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from sanaksme.core.deploy import DEFAULT_UPSTREAMS, nginx_site


class Command(BaseCommand):
    help = ("Print the nginx site configuration for Sanāksme's workers "
            "(save it as /etc/nginx/sites-available/sanaksme).")

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        parser.add_argument(
            "--upstream", action="append", metavar="HOST:PORT",
            help="A `sanaksme serve` worker; repeat for each "
                 f"(default: {' and '.join(DEFAULT_UPSTREAMS)}).")
        parser.add_argument("--server-name", required=True,
                            help="The service's host name(s), e.g. sanaksme.example.lv.")
        parser.add_argument(
            "--static-root", type=Path,
            help="Where `sanaksme collectstatic` put the static files "
                 "(default: STATIC_ROOT, set by SANAKSME_STATIC_ROOT).")
        parser.add_argument("--listen", default=None,
                            help='What the server listens on (default "443 ssl", or "80" '
                                 "with --no-tls).")
        parser.add_argument("--certificate", type=Path,
                            help="The certificate chain (default: certbot's fullchain.pem "
                                 "for the first server name).")
        parser.add_argument("--certificate-key", type=Path,
                            help="Its private key (default: certbot's privkey.pem).")
        parser.add_argument("--no-tls", action="store_false", dest="tls",
                            help="Plain HTTP only (TLS ends somewhere in front of nginx).")

    def handle(self, *args: Any, **options: Any) -> None:
        static_root = options["static_root"] or settings.STATIC_ROOT
        if not static_root:
            raise CommandError("No static root: give --static-root or set "
                               "SANAKSME_STATIC_ROOT.")
        listen = options["listen"] or ("443 ssl" if options["tls"] else "80")
        try:
            text = nginx_site(options["upstream"] or list(DEFAULT_UPSTREAMS),
                              listen=listen, server_name=options["server_name"],
                              static_root=Path(static_root), tls=options["tls"],
                              certificate=options["certificate"],
                              certificate_key=options["certificate_key"])
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(text, ending="")
