"""axe-core in the browser tests: run it on a page, keep what is serious or critical.

axe-core comes from the npm registry (package.json, pinned by package-lock.json;
`make test` runs `npm ci`). Nothing is downloaded while the tests run: the script is
read from node_modules and handed to the page.

Injection under the strict Content-Security-Policy: `page.add_script_tag(content=…)`
adds an inline <script>, which the CSP refuses (no 'unsafe-inline'). `page.evaluate`
runs the source through the DevTools protocol instead, which the page's CSP does not
govern, so the page under test keeps its real CSP (no `bypass_csp` context): what axe
checks is exactly what a person's browser draws.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"

# WCAG 2.0 and 2.1, levels A and AA: the rules the issue asks for (2.1 AA).
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING = frozenset({"serious", "critical"})


@cache
def axe_source() -> str:
    """axe.min.js as installed by npm. Missing: a failure under CI=true, else a skip."""
    if not AXE_JS.exists():
        message = ("axe-core is not installed: run `npm ci --no-audit --no-fund` "
                   "(make test does)")
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)
    return AXE_JS.read_text(encoding="utf-8")


@dataclass(frozen=True)
class Violation:
    rule: str
    impact: str
    help: str
    url: str
    targets: list[str]
    summaries: list[str]

    def describe(self) -> str:
        lines = [f"  [{self.impact}] {self.rule}: {self.help} ({self.url})"]
        for target, summary in zip(self.targets, self.summaries, strict=True):
            first = summary.splitlines()[1].strip() if "\n" in summary else summary
            lines.append(f"      {target} — {first}")
        return "\n".join(lines)


def _violation(raw: dict[str, Any]) -> Violation:
    nodes = raw["nodes"]
    return Violation(
        rule=raw["id"], impact=raw["impact"], help=raw["help"], url=raw["helpUrl"],
        targets=[" ".join(str(part) for part in node["target"]) for node in nodes],
        summaries=[node.get("failureSummary") or "" for node in nodes],
    )


def _run(page: Any, run_only: dict[str, Any], exclude: list[str] | None) -> list[Any]:
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(axe_source())
    results = page.evaluate(
        """async ([runOnly, exclude]) => {
            const context = exclude.length ? {include: [document], exclude} : document;
            return axe.run(context, {runOnly, resultTypes: ["violations"]});
        }""",
        [run_only, [[selector] for selector in exclude or []]],
    )
    return list(results["violations"])


def _large_text_below(raw: dict[str, Any], ratio: float) -> dict[str, Any] | None:
    """The nodes of axe's enhanced (AAA) contrast rule whose contrast is under `ratio`:
    for large text that rule asks 4.5:1, where AA asks only 3:1."""
    nodes = [node for node in raw["nodes"]
             if any(check.get("data", {}).get("contrastRatio", ratio) < ratio
                    for check in node["any"])]
    if not nodes:
        return None
    return {**raw, "id": "contrast-4.5", "impact": "serious", "nodes": nodes,
            "help": f"Text (large text too) must have a contrast of at least {ratio}:1"}


def serious_violations(page: Any, exclude: list[str] | None = None) -> list[Violation]:
    """Run axe (WCAG 2.0/2.1 A and AA) on the page as drawn now; return the serious and
    critical violations. `exclude`: CSS selectors axe must not look into.

    The issue asks for a contrast of at least 4.5:1 everywhere; WCAG AA lets large text
    (the projector's) go down to 3:1, so large text is held to 4.5:1 by the 4.5:1 part
    of axe's enhanced rule."""
    found = [raw for raw in _run(page, {"type": "tag", "values": WCAG_TAGS}, exclude)
             if raw["impact"] in BLOCKING]
    enhanced = _run(page, {"type": "rule", "values": ["color-contrast-enhanced"]}, exclude)
    found += [raw for raw in (_large_text_below(r, 4.5) for r in enhanced) if raw]
    return [_violation(raw) for raw in found]


def report(where: str, violations: list[Violation]) -> str:
    """A readable failure: the screen, then each rule with the elements it found."""
    if not violations:
        return ""
    rules = "\n".join(violation.describe() for violation in violations)
    return f"{where}: {len(violations)} serious/critical axe violation(s)\n{rules}"


def assert_accessible(page: Any, where: str, exclude: list[str] | None = None) -> None:
    violations = serious_violations(page, exclude)
    assert not violations, report(where, violations)
