"""Helpers shared by the web tests and the browser tests (ports, servers, screenshots)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from scrapers import BUNDLED_SOURCES
from tests.live import free_port, wait_until_up  # noqa: F401 (the helpers web tests import from here)

ROOT = Path(__file__).resolve().parents[2]
SOURCES = BUNDLED_SOURCES
ARTIFACTS = ROOT / "tests" / "artifacts"


def compile_catalogues() -> None:
    """Compile the .po catalogues to .mo (they are build output, not committed)."""
    subprocess.run([sys.executable, "-m", "babel.messages.frontend", "compile", "-f",
                    "-d", str(ROOT / "verifier" / "translations")], check=True, capture_output=True)


def shot(page, name: str) -> None:
    """Save a full-page screenshot under tests/artifacts/."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
