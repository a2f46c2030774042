"""Benchmarks of the foundation: importing and printing a programme, opening the designer.

Run with `make bench`. Uses a throwaway SQLite database in a temporary directory;
prints a table of median and worst times over several runs. Figures go into
docs/performance.md by hand, with the machine they were measured on.
"""

from __future__ import annotations

import os
import platform
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = tempfile.mkdtemp(prefix="sanaksme-bench-")
os.environ["SANAKSME_DATA_DIR"] = DATA
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sanaksme.config.settings.dev")
os.environ.pop("DATABASE_URL", None)

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402

from sanaksme.programme.exports import export_programme  # noqa: E402
from sanaksme.programme.services import programme_import  # noqa: E402

DEMO = (ROOT / "src" / "sanaksme" / "examples" / "daugavpils-2017.yaml").read_text(encoding="utf-8")


def measure(name: str, action: Callable[[], object], runs: int) -> tuple[str, float, float]:
    action()  # warm up: templates, fonts, imports
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return name, statistics.median(times), max(times)


def main() -> None:
    call_command("migrate", verbosity=0)
    meeting = programme_import(text=DEMO)
    user = get_user_model().objects.create_superuser("bench", password="bench-pass-123")
    client = Client()
    client.force_login(user)
    url = f"/console/m/{meeting.slug}/"
    rows = [
        measure("import demo YAML (replace)", lambda: programme_import(text=DEMO, replace=True), 10),
        measure("export YAML", lambda: export_programme(meeting, "yaml"), 20),
        measure("export PDF (facilitation programme)", lambda: export_programme(meeting, "pdf"), 5),
        measure("export DOCX", lambda: export_programme(meeting, "docx"), 10),
        measure("designer meeting page (GET)", lambda: client.get(url), 20),
    ]
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    print(f"{'operation':40} {'median ms':>10} {'worst ms':>10}")
    for name, median, worst in rows:
        print(f"{name:40} {median:10.1f} {worst:10.1f}")
    sizes = {fmt: len(export_programme(meeting, fmt).content) for fmt in ("yaml", "pdf", "docx")}
    print("sizes (bytes): " + ", ".join(f"{k} {v}" for k, v in sizes.items()))


if __name__ == "__main__":
    main()
