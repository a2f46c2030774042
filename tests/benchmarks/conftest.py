"""The benchmark scripts in benchmarks/ are not a package: they import each other by
module name (as `python benchmarks/<script>.py` does), so their folder goes on the path."""

import sys
from pathlib import Path

BENCHMARKS = str(Path(__file__).resolve().parents[2] / "benchmarks")
if BENCHMARKS not in sys.path:
    sys.path.insert(0, BENCHMARKS)
