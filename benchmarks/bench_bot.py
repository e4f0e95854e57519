#!/usr/bin/env python
"""Benchmark of the Telegram bot's webhook path: updates POSTed to the webhook, answered through a
stand-in Bot API, on one core.

Everything runs in one process pinned to one CPU, in one event loop: the bot's webhook app
(verifier.bot.webhook), a minimal Bot API answering sendMessage on loopback, and the client that
POSTs each update and waits for the webhook's 200 (which comes after the answer was sent). The
time per update is that round trip: reading the update, the rate limiter, the check or the scan
(off the loop, as in production), rendering, splitting and sendMessage.

Checks: names and phones of real records taken evenly from the registry, plus INVENTED names that
are on no list. Offers: the INVENTED 2,000-character offer of bench_offer.py (5 phones, 3 names).
The registry is VERIFIER_DB when it exists, otherwise one built from data/sources in a temporary
directory. Goal (issue 26): p95 <= 60 ms for a check and <= 120 ms for a 2,000-character offer.

    .venv/bin/python benchmarks/bench_bot.py [--updates 1000]
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench_offer import offer_text, registry_path  # noqa: E402  (the same offer and registry)

RESULTS = ROOT / "benchmarks" / "results" / "bench_bot.json"
SECRET = "invented-benchmark-secret-0123456789"
PORT_API, PORT_HOOK = 18680, 18681
INVENTED_NAMES = ("ТОО Жасыл Көктем Invented", "Invented Skyline Manpower Agency", "ООО Ромашка-Инвент Трейд")


def check_queries(registry: Path, count: int = 120) -> list[str]:
    """Give names and phones of real records taken evenly through the registry, and invented names."""
    with sqlite3.connect(f"file:{registry}?mode=ro", uri=True) as db:
        names = [r[0] for r in db.execute("select name from agencies where removed_at is null order by id")]
        phones = [r[0] for r in db.execute("select raw from phones where e164 is not null order by agency_id")]
    step_n, step_p = max(1, len(names) // count), max(1, len(phones) // (count // 3))
    return names[::step_n][:count] + phones[::step_p][:count // 3] + list(INVENTED_NAMES)


def update(n: int, text: str) -> dict:
    """Give update number n: a private message from user n % 1000 (invented)."""
    user = {"id": 500_000 + n % 1000, "is_bot": False, "first_name": "Invented", "language_code": "ru"}
    return {"update_id": n, "message": {"message_id": n, "date": int(time.time()), "from": user,
                                        "chat": {"id": user["id"], "type": "private"}, "text": text}}


async def fake_api(sent: list[str]):
    """Start a minimal Bot API on loopback: getMe, sendMessage (its text kept) and true for the rest."""
    from aiohttp import web

    async def method(request: web.Request) -> web.Response:
        form, name = await request.post(), request.match_info["method"]
        if name == "getMe":
            return web.json_response({"ok": True, "result": {"id": 1, "is_bot": True, "first_name": "Bench",
                                                             "username": "invented_bench_bot"}})
        if name != "sendMessage":
            return web.json_response({"ok": True, "result": True})
        sent.append(form["text"])
        return web.json_response({"ok": True, "result": {
            "message_id": len(sent), "date": int(time.time()), "text": form["text"],
            "chat": {"id": int(form["chat_id"]), "type": "private"}}})

    app = web.Application()
    app.router.add_post("/bot{token}/{method}", method)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", PORT_API).start()
    return runner


async def serve_bot(registry: Path, app_db: Path):
    """Start the bot's webhook app on loopback with its real services (limits on, set very high)."""
    from aiohttp import web
    from verifier.bot import BotSettings, Services, make_bot, make_dispatcher
    from verifier.bot.__main__ import prepare
    from verifier.bot.limits import BotLimiter
    from verifier.bot.webhook import make_app
    from verifier.engine import Engine
    settings = BotSettings(token="123456:invented-benchmark", api_url=f"http://127.0.0.1:{PORT_API}",
                           public_url="https://check.example.org")
    limiter = BotLimiter("memory://", "100000/minute", "100000/second", salt=b"invented")
    services = Services(settings, Engine(registry, app_db, required=()), limiter)
    prepare(services)  # as the bot starts: the app database opened, the lists and the scan's rules loaded
    bot = make_bot(settings)
    runner = web.AppRunner(make_app(bot, make_dispatcher(services), SECRET), access_log=None)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", PORT_HOOK).start()
    return runner, bot


async def post_all(texts: list[str], first_id: int) -> tuple[list[float], list[float]]:
    """POST one update per text to the webhook, one after another; give each round trip's wall and
    CPU time in ms (the process's CPU: client, webhook, handler thread and stand-in API together)."""
    import aiohttp
    from verifier.bot.webhook import SECRET_HEADER, webhook_path
    url, wall, cpu = f"http://127.0.0.1:{PORT_HOOK}{webhook_path(SECRET)}", [], []
    async with aiohttp.ClientSession(headers={SECRET_HEADER: SECRET}) as client:
        for i, text in enumerate(texts):
            t0, c0 = time.perf_counter(), time.process_time()
            async with client.post(url, json=update(first_id + i, text)) as response:
                assert response.status == 200, response.status
            wall.append((time.perf_counter() - t0) * 1000)
            cpu.append((time.process_time() - c0) * 1000)
    return wall, cpu


def percentile(values: list[float], share: float) -> float:
    """Give the value below which `share` of the values fall, rounded to 0.01."""
    ordered = sorted(values)
    return round(ordered[max(0, int(share * len(ordered)) - 1)], 2)


def summary(wall: list[float], cpu: list[float], goal: float) -> dict:
    """Give p50/p95/max of the round trips' wall time and p50/p95 of their CPU time in ms, with the goal."""
    return {"updates": len(wall), "p50_ms": percentile(wall, 0.5), "p95_ms": percentile(wall, 0.95),
            "max_ms": round(max(wall), 2), "cpu_p50_ms": percentile(cpu, 0.5), "cpu_p95_ms": percentile(cpu, 0.95),
            "goal_p95_ms": goal}


async def run(n: int, registry: Path, app_db: Path) -> dict:
    """Warm up, then send n checks and n offers through the webhook; give the figures."""
    sent: list[str] = []
    api = await fake_api(sent)
    hook, bot = await serve_bot(registry, app_db)
    queries, offer = check_queries(registry), offer_text()
    await post_all(queries[:20] + [offer] * 5, 1)
    sent.clear()
    checks = await post_all([queries[i % len(queries)] for i in range(n)], 10_000)
    offers = await post_all([offer] * n, 100_000)
    await hook.cleanup()
    await bot.session.close()
    await api.cleanup()
    answered = [text for text in sent if text[:1] in "🔴🟡🟢"]  # a result, not an error or a refusal
    assert len(answered) >= 2 * n, (len(answered), len(sent), sent[:3])
    return {"check": {**summary(*checks, 60), "distinct_queries": len(queries)},
            "offer_2000_chars": {**summary(*offers, 120), "chars": len(offer)},
            "messages_sent": len(sent), "longest_message_chars": max(map(len, sent))}


def main(argv: list[str] | None = None) -> int:
    """Pin to one CPU, run the benchmark, print and save the figures."""
    parser = argparse.ArgumentParser(prog="bench_bot")
    parser.add_argument("--updates", type=int, default=1000, help="updates of each kind (checks, offers)")
    args = parser.parse_args(argv)
    cpu = min(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {cpu})
    with tempfile.TemporaryDirectory() as tmp:
        figures = asyncio.run(run(args.updates, registry_path(Path(tmp)), Path(tmp) / "app.db"))
    figures.update(cpu=cpu, load_average=[round(x, 2) for x in os.getloadavg()])
    print(json.dumps(figures, ensure_ascii=False))
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(figures, ensure_ascii=False, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
