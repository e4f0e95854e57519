"""Helpers shared by the web tests and the browser tests (ports, servers, screenshots)."""
from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from scrapers import BUNDLED_SOURCES

ROOT = Path(__file__).resolve().parents[2]
SOURCES = BUNDLED_SOURCES
ARTIFACTS = ROOT / "tests" / "artifacts"


def compile_catalogues() -> None:
    """Compile the .po catalogues to .mo (they are build output, not committed)."""
    subprocess.run([sys.executable, "-m", "babel.messages.frontend", "compile", "-f",
                    "-d", str(ROOT / "verifier" / "translations")], check=True, capture_output=True)


def free_port() -> int:
    """Give a free TCP port on loopback."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_up(url: str, process: subprocess.Popen, seconds: float = 30) -> None:
    """Wait until the URL answers 200, failing early if the server process died."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=1) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise TimeoutError(url)


def shot(page, name: str) -> None:
    """Save a full-page screenshot under tests/artifacts/."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
