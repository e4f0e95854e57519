"""Refuse a lock file that is out of step with its requirements file (a pin added or changed).

Usage: python scripts/lock_check.py requirements-dev.txt requirements-dev.lock
Every `name==version` in the requirements file (and the files it includes with -r) must be in the
lock with the same version; otherwise print what differs and exit 1 (run scripts/lock).
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

PIN = re.compile(r"^\s*([A-Za-z0-9_.\-]+)(?:\[[^\]]*\])?\s*==\s*([^\s;#\\]+)")


def name(raw: str) -> str:
    """Give a package name in PyPI's normal form (lower case, runs of -_. as one -)."""
    return re.sub(r"[-_.]+", "-", raw).lower()


def pins(path: Path) -> dict[str, str]:
    """Give {name: version} of the pins in a requirements or lock file, following -r includes."""
    found: dict[str, str] = {}
    for line in path.read_text().splitlines():
        if line.strip().startswith(("-r ", "--requirement ")):
            found.update(pins(path.parent / line.split(maxsplit=1)[1].strip()))
        elif match := PIN.match(line):
            found[name(match.group(1))] = match.group(2)
    return found


def main(requirements: str, lock: str) -> int:
    """Print each pin the lock lacks or pins differently; give 1 if there is any."""
    wanted, locked = pins(Path(requirements)), pins(Path(lock))
    stale = [f"{n}=={v} (lock: {locked.get(n, 'missing')})" for n, v in wanted.items() if locked.get(n) != v]
    for item in stale:
        print(f"{lock} is out of date for {item}: run scripts/lock", file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
