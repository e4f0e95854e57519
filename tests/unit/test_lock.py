"""The hashed lock files cover every pin of the requirements files (scripts/setup installs the lock)."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("name", ["requirements", "requirements-dev"])
def test_lock_is_in_step_with_its_requirements(name):
    done = subprocess.run([sys.executable, "scripts/lock_check.py", f"{name}.txt", f"{name}.lock"],
                          cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize("name", ["requirements", "requirements-dev"])
def test_every_locked_package_has_a_hash(name):
    entries = re.split(r"\n(?=\S)", (ROOT / f"{name}.lock").read_text())
    pinned = [e for e in entries if re.match(r"[A-Za-z0-9_.\-]+==", e)]
    assert len(pinned) > 30 and all("--hash=sha256:" in e for e in pinned)


def test_check_refuses_a_stale_lock(tmp_path):
    (tmp_path / "r.txt").write_text("flask==3.1.3\nnewthing==1.0\n")
    (tmp_path / "r.lock").write_text("flask==3.1.3 \\\n    --hash=sha256:00\n")
    done = subprocess.run([sys.executable, str(ROOT / "scripts/lock_check.py"), "r.txt", "r.lock"],
                          cwd=tmp_path, capture_output=True, text=True)
    assert done.returncode == 1 and "newthing==1.0 (lock: missing)" in done.stderr
