"""How long each report of a full two-day meeting takes (target: under 5 s).

Replays the recorded Daugavpils meeting (src/sanaksme/examples/daugavpils-2017-record.yaml: about 40
participants, 300 notes, replies, turns, four groups' worksheets, themes, feedback)
into a throwaway SQLite database, then times every format of `report_produce` (and
the attendance sheets) over several runs. Run with `make bench`.
"""

from __future__ import annotations

import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
os.environ["SANAKSME_DATA_DIR"] = tempfile.mkdtemp(prefix="sanaksme-bench-report-")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sanaksme.config.settings.dev")
os.environ.pop("DATABASE_URL", None)

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402

from sanaksme.boards.models import Note, Reply  # noqa: E402
from sanaksme.replay.run import replay_record  # noqa: E402
from sanaksme.reports.produce import FORMATS, report_produce  # noqa: E402

RECORD = ROOT / "src" / "sanaksme" / "examples" / "daugavpils-2017-record.yaml"
RUNS = 5


def main() -> int:
    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    meeting = replay_record(RECORD.read_text(encoding="utf-8"))
    replayed = time.perf_counter() - started
    print(f"Python {sys.version.split()[0]}, {platform.platform()}, "
          f"{os.cpu_count()} CPUs; replayed the record in {replayed:.2f} s")
    print(f"meeting: {meeting.participants.count()} participants, "
          f"{Note.objects.filter(meeting=meeting).count()} notes, "
          f"{Reply.objects.filter(meeting=meeting).count()} replies")
    print(f"{'format':12} {'median s':>9} {'worst s':>8} {'size KB':>8}")
    for fmt in FORMATS:
        times, size = [], 0
        for _ in range(RUNS):
            t0 = time.perf_counter()
            output = report_produce(meeting, fmt=fmt)
            times.append(time.perf_counter() - t0)
            size = len(output.content)
        print(f"{fmt:12} {statistics.median(times):9.2f} {max(times):8.2f} {size / 1024:8.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
