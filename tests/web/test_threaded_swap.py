"""Threaded workers: checks running while the registry file is swapped never fail (issue 16).

With gthread workers (gunicorn.conf.py) several requests of one process share one engine at once;
a registry swap reloads it under their feet, which must not fail any of them.
"""
from __future__ import annotations

import os
import shutil
import threading

from verifier.engine import Engine


def test_checks_in_threads_survive_registry_swaps(web_db, tmp_path):
    live, spare = tmp_path / "verifier.db", tmp_path / "spare.db"
    shutil.copyfile(web_db, live)
    engine = Engine(live)
    engine.check("Sana Sezim")
    errors: list[BaseException] = []
    stop = threading.Event()

    def hammer() -> None:
        while not stop.is_set():
            try:
                for q in ("Sana Sezim", "+63 2 8721 1144", "invented agency name"):
                    engine.check(q)
            except BaseException as error:  # noqa: BLE001 (every failure counts here)
                errors.append(error)
                return

    threads = [threading.Thread(target=hammer) for _ in range(4)]
    for thread in threads:
        thread.start()
    try:
        for _ in range(3):  # the scrapers' way: a full copy beside the live file, then one rename
            shutil.copyfile(web_db, spare)
            os.replace(spare, live)
            engine.check("Sana Sezim")  # this thread reloads; the others are mid-query
    finally:
        stop.set()
        for thread in threads:
            thread.join(timeout=60)
    assert errors == []
