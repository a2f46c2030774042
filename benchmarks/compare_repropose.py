"""How long one correction of the comparison takes end to end (target: < 300 ms for 100
items).

Into a throwaway SQLite database: the demo meeting, its groups drawn (three groups
drawn at random, the community's own group) and 100 factors written, all texts from
benchmarks/compare/tune/*.json (experts' items to groups 1-3, the community's to group
4). The comparison is proposed, then 20 corrections (moves, splits, merges, confirms)
go through the service functions, each timed whole: the decision stored, the
unconfirmed rest proposed again, the themes written back, the announcement queued.

    .venv/bin/python benchmarks/compare_repropose.py [--items 100] [--corrections 20]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TUNE = ROOT / "benchmarks" / "compare" / "tune"
TARGET_MS = 300.0
os.environ["SANAKSME_DATA_DIR"] = tempfile.mkdtemp(prefix="sanaksme-bench-repropose-")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sanaksme.config.settings.dev")
os.environ.pop("DATABASE_URL", None)

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402

from sanaksme.groups.models import Factor, GroupSet, Theme  # noqa: E402
from sanaksme.groups.services.comparison import (  # noqa: E402
    comparison_propose,
    factor_set_theme,
    theme_confirm,
    theme_merge,
)
from sanaksme.groups.services.formation import groups_draw  # noqa: E402
from sanaksme.groups.services.worksheets import factor_add  # noqa: E402
from sanaksme.programme.models import AgendaItem  # noqa: E402
from sanaksme.programme.tests.demo import demo_get_or_import  # noqa: E402


def texts_by_side(items: int) -> tuple[list[str], list[str]]:
    """`items` texts from the tuning cases: (experts', community's), in file order."""
    experts: list[str] = []
    community: list[str] = []
    for path in sorted(TUNE.glob("*.json")):
        for group in json.loads(path.read_text(encoding="utf-8"))["groups"]:
            side = community if group["kind"] == "community" else experts
            side.extend(item["text"] for item in group["items"])
    share = items // 4
    return experts[:items - share], community[:share]


def written(items: int) -> GroupSet:
    meeting = demo_get_or_import()
    item = AgendaItem.objects.get(day__meeting=meeting, method="group_work")
    group_set = groups_draw(item=item, seed=1)
    groups = list(group_set.groups.order_by("number"))
    experts, community = texts_by_side(items)
    for n, text in enumerate(experts):
        factor_add(group=groups[n % 3], text=text[:300], client_id=f"e{n}")
    for n, text in enumerate(community):
        factor_add(group=groups[3], text=text[:300], client_id=f"c{n}")
    return group_set


def correction(group_set: GroupSet, n: int, rng: random.Random) -> tuple[str, Callable[[], object]]:
    """The n-th correction: move, split, merge, confirm in turn, on unconfirmed themes."""
    open_ = list(Theme.objects.filter(group_set=group_set, confirmed=False)
                 .order_by("pk"))
    factors = list(Factor.objects.filter(theme__in=open_, hidden=False).order_by("pk"))
    kind = ("move", "split", "merge", "confirm")[n % 4]
    if kind == "move":
        factor = rng.choice(factors)
        target = rng.choice([t for t in open_ if t.pk != factor.theme_id])
        return kind, lambda: factor_set_theme(factor=factor, theme=target)
    if kind == "split":
        factor = rng.choice(factors)
        return kind, lambda: factor_set_theme(factor=factor, theme=None)
    if kind == "merge":
        theme, into = rng.sample(open_, 2)
        return kind, lambda: theme_merge(theme=theme, into=into)
    return kind, lambda: theme_confirm(theme=rng.choice(open_))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=100)
    parser.add_argument("--corrections", type=int, default=20)
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    group_set = written(args.items)
    count = Factor.objects.filter(group__group_set=group_set).count()
    t0 = time.perf_counter()
    comparison_propose(group_set=group_set)
    proposed_ms = (time.perf_counter() - t0) * 1000
    print(f"Python {sys.version.split()[0]}, {platform.platform()}, {os.cpu_count()} CPUs")
    print(f"{count} factors in 4 groups; first proposal {proposed_ms:.0f} ms, "
          f"{Theme.objects.filter(group_set=group_set).count()} themes")
    rng = random.Random(1)
    times: dict[str, list[float]] = {}
    every: list[float] = []
    for n in range(args.corrections):
        kind, run = correction(group_set, n, rng)
        t0 = time.perf_counter()
        run()
        ms = (time.perf_counter() - t0) * 1000
        times.setdefault(kind, []).append(ms)
        every.append(ms)
    for kind, values in times.items():
        print(f"  {kind:8} n={len(values):2}  median {statistics.median(values):6.1f} ms  "
              f"worst {max(values):6.1f} ms")
    median = statistics.median(every)
    p95 = statistics.quantiles(every, n=20, method="inclusive")[-1]
    print(f"{len(every)} corrections: median {median:.1f} ms, p95 {p95:.1f} ms")
    verdict = "PASS" if p95 < TARGET_MS else "FAIL"
    print(f"target < {TARGET_MS:.0f} ms for {count} items: {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
