"""Summarise pip-audit's JSON report (stdin): known vulnerabilities fail; unaudited packages are no pass.

Exit 1 when a vulnerability is known. When the advisory service could not be asked about some
packages, say so loudly and list them; exit 0 (an unreachable service must not fail CI) unless
AUDIT_STRICT=1, then exit 2. "No known vulnerabilities" is printed only for packages really checked.
"""
from __future__ import annotations

import json
import os
import sys


def summarise(report: dict | list) -> tuple[list[str], int]:
    """Give the lines to print and the exit status for a pip-audit JSON report."""
    deps = report.get("dependencies", []) if isinstance(report, dict) else report
    vulns = [f"pip-audit: {d['name']} {d.get('version', '?')}: {v['id']}" for d in deps for v in d.get("vulns", [])]
    skipped = [d for d in deps if d.get("skip_reason")]
    audited = len(deps) - len(skipped)
    lines = list(vulns)
    if not deps:
        lines.append("pip-audit: WARNING: the report lists no packages: NOTHING WAS AUDITED")
    elif audited:
        found = f"{len(vulns)} known vulnerabilities" if vulns else "no known vulnerabilities"
        lines.append(f"pip-audit: {audited} of {len(deps)} packages audited: {found}")
    if skipped:
        names = ", ".join(sorted(d["name"] for d in skipped))
        lines += [f"pip-audit: WARNING: {len(skipped)} of {len(deps)} packages were NOT AUDITED "
                  f"(the advisory service could not be asked): {names}",
                  f"pip-audit: reason given: {skipped[0]['skip_reason']}",
                  "pip-audit: this is NOT a pass for those packages; run scripts/audit where the "
                  "advisory service (PyPI's JSON API or OSV) can be reached"]
    status = 1 if vulns else (2 if (skipped or not deps) and os.environ.get("AUDIT_STRICT") == "1" else 0)
    return lines, status


def main() -> int:
    """Read the report from stdin, print the summary, give the exit status."""
    raw = sys.stdin.read()
    if not raw.strip():
        print("pip-audit: WARNING: pip-audit produced no report: NOTHING WAS AUDITED")
        return 2 if os.environ.get("AUDIT_STRICT") == "1" else 0
    lines, status = summarise(json.loads(raw))
    print("\n".join(lines))
    return status


if __name__ == "__main__":
    sys.exit(main())
