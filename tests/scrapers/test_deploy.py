"""The systemd units in deploy/: each verified by `systemd-analyze verify`, with /srv/verifier
(where the docs install the project) pointed at this checkout, so every ExecStart must exist."""
from __future__ import annotations

import shutil
import subprocess

import pytest
from scraper_helpers import ROOT

DEPLOY = ROOT / "deploy"
UNITS = sorted(p.name for p in DEPLOY.glob("*.service")) + sorted(p.name for p in DEPLOY.glob("*.timer"))


def test_the_units_are_there():
    assert {"verifier-web.service", "verifier-refresh.service", "verifier-refresh.timer",
            "verifier-backup.service", "verifier-backup.timer"} <= set(UNITS)
    refresh = (DEPLOY / "verifier-refresh.service").read_text()
    assert "-m scrapers run --due" in refresh and "Type=oneshot" in refresh
    assert "-m verifier backup " in (DEPLOY / "verifier-backup.service").read_text()
    assert "--bind 127.0.0.1:" in (DEPLOY / "verifier-web.service").read_text()  # never facing the internet
    bot = (DEPLOY / "verifier-bot.service").read_text()
    assert "-m verifier.bot --polling" in bot and "VERIFIER_BOT_TOKEN_FILE=%d/" in bot  # the token never in env
    for timer in ("verifier-refresh.timer", "verifier-backup.timer"):
        assert "Persistent=true" in (DEPLOY / timer).read_text()


@pytest.mark.skipif(shutil.which("systemd-analyze") is None,
                    reason="systemd-analyze is not installed here (no systemd package); the other "
                           "checks of the unit files still ran")
def test_systemd_analyze_verify(tmp_path):
    for name in UNITS:
        (tmp_path / name).write_text((DEPLOY / name).read_text().replace("/srv/verifier", str(ROOT)))
    done = subprocess.run(["systemd-analyze", "verify", *(str(tmp_path / n) for n in UNITS)],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip() == "", done.stderr        # unknown keys are only warned about: none allowed
