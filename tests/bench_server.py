"""Load on a real classroom hub: N trainees log in at once, open a lesson, run its cells.

    python tests/bench_server.py              # N = 30 (this 2-core machine)
    python tests/bench_server.py --trainees 60 --calls 5

Needs root (real Unix accounts) and configurable-http-proxy (``.ci/ensure-server``).
Everything is on loopback: the hub's gateway forwards to the test suite's vendor server.
Each simulated trainee, in its own thread and all at the same moment: logs in through
the login form, starts a server (the hub's spawn limit makes the rest wait, as at 8:00),
opens lesson 00 through the contents API and runs its code cells in a kernel (the
``ask()`` cells go through the gateway), then makes ``--calls`` direct gateway calls.

Printed: spawn time p50/p95, cell round trip p50/p95 (all cells, and the ask() cells),
memory per trainee (USS of the trainee's processes), gateway overhead per call (median
through the gateway minus median straight to the vendor server, alternated, same
requests), failures (none allowed: exit code 1 otherwise), and the load average.
Stops by itself: accounts, processes and folders are removed at the end.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import pwd
import signal
import statistics
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import psutil  # noqa: E402
import requests  # noqa: E402

from tests.server.harness import hub_prerequisites, running_hub  # noqa: E402
from tests.server.hubclient import HubUser  # noqa: E402
from tests.vendor_server import VendorServer  # noqa: E402

LESSON = "khoa_hoc/00_bat_dau/00_bat_dau.ipynb"
GEMINI_PATH = "/gemini/v1beta/models/gemini-2.5-flash:generateContent"


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))
    return ordered[index]


def trainee_session(hub, name: str, calls: int, results: dict, failures: list) -> None:
    user = HubUser(hub.url, name, hub.passwords[name])
    record = results.setdefault(name, {"cells": [], "ask_cells": []})
    try:
        if user.login().status_code != 302:
            raise RuntimeError("login refused")
        user.make_token()
        record["spawn"] = user.start_server(timeout=600)
        notebook = user.user_api("GET", f"/api/contents/{LESSON}").json()["content"]
        cells = [c["source"] for c in notebook["cells"] if c["cell_type"] == "code"]
        kernel = user.start_kernel()
        for source in cells:
            if source.strip().startswith('ask("")'):
                continue  # the lesson's deliberate error cell
            result = user.run(kernel, source, timeout=300)
            if result.error is not None:
                raise RuntimeError(f"cell failed: {result.error.get('evalue')}")
            record["cells"].append(result.seconds)
            if "ask(" in source:
                record["ask_cells"].append(result.seconds)
        record["token"] = user.token
    except Exception as exc:  # counted, printed, and the run fails
        failures.append(f"{name}: {type(exc).__name__}: {exc}")


def memory_per_trainee(names: list[str]) -> list[float]:
    """MB of memory only this trainee's processes use (USS), per trainee."""
    sizes = []
    for name in names:
        uid = pwd.getpwnam(name).pw_uid
        total = 0
        for process in psutil.process_iter(["uids"]):
            if process.info["uids"] and process.info["uids"].real == uid:
                with contextlib.suppress(psutil.Error):
                    total += process.memory_full_info().uss
        sizes.append(total / 2**20)
    return sizes


def gateway_overhead(hub, vendor: VendorServer, token: str, repeats: int) -> tuple[float, float]:
    """Median seconds per call straight to the vendor server and through the gateway."""
    body = {"contents": [{"role": "user", "parts": [{"text": "Soạn thông báo họp"}]}]}
    gateway = f"http://127.0.0.1:{hub.settings.hub.gateway_port}/services/ai"
    routes = {
        "direct": (f"{vendor.url}/v1beta/models/gemini-2.5-flash:generateContent", "x"),
        "gateway": (f"{gateway}{GEMINI_PATH}", token),
    }
    timings: dict[str, list[float]] = {"direct": [], "gateway": []}
    order = ["direct", "gateway"]
    for index in range(repeats):
        for route in order if index % 2 == 0 else reversed(order):
            url, key = routes[route]
            started = time.perf_counter()
            answer = requests.post(url, json=body, headers={"x-goog-api-key": key}, timeout=60)
            timings[route].append(time.perf_counter() - started)
            if answer.status_code != 200:
                raise RuntimeError(f"{route}: {answer.status_code} {answer.text[:200]}")
    return statistics.median(timings["direct"]), statistics.median(timings["gateway"])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trainees", type=int, default=30)
    parser.add_argument("--calls", type=int, default=40, help="gateway overhead repeats")
    parser.add_argument("--spawn-limit", type=int, default=2 * (os.cpu_count() or 2))
    args = parser.parse_args()
    reason = hub_prerequisites()
    if reason:
        print(f"cannot run: {reason}")
        return 2
    signal.signal(signal.SIGTERM, signal.default_int_handler)  # clean up on kill, too
    names = {f"cdb-hv{i:03d}": f"Học viên Thử {i}" for i in range(1, args.trainees + 1)}
    vendor = VendorServer().start()
    print(f"load average before: {os.getloadavg()}  cores: {os.cpu_count()}")
    results: dict[str, dict] = {}
    failures: list[str] = []
    try:
        with running_hub(
            vendor.url,
            names,
            ("cdb-gv01", "Giảng viên Thử"),
            group="cdb-giangvien",
            grader="cdb-cham",
            budget_trainee_vnd=1e9,
            requests_per_minute=10_000,
            concurrent_spawns=args.spawn_limit,
        ) as hub:
            started = time.monotonic()
            threads = [
                threading.Thread(target=trainee_session, args=(hub, n, 0, results, failures))
                for n in names
            ]
            for thread in threads:
                thread.start()
            peak_load = os.getloadavg()
            for thread in threads:
                thread.join()
                peak_load = max(peak_load, os.getloadavg())
            wall = time.monotonic() - started
            memory = memory_per_trainee([n for n in names if "spawn" in results.get(n, {})])
            token = next((r["token"] for r in results.values() if "token" in r), "")
            direct, through = gateway_overhead(hub, vendor, token, args.calls) if token else (0, 0)
            report(args, results, failures, memory, wall, peak_load, direct, through)
    finally:
        vendor.stop()
    return 1 if failures else 0


def report(args, results, failures, memory, wall, peak_load, direct, through) -> None:
    spawns = [r["spawn"] for r in results.values() if "spawn" in r]
    cells = [s for r in results.values() for s in r["cells"]]
    asks = [s for r in results.values() for s in r["ask_cells"]]
    print(f"trainees: {args.trainees} at once, spawn limit {args.spawn_limit}, wall {wall:.1f} s")
    print(
        f"spawn time (s): p50 {percentile(spawns, 0.5):.1f}  p95 {percentile(spawns, 0.95):.1f}"
        f"  max {max(spawns, default=float('nan')):.1f}"
    )
    print(
        f"cell round trip (s), {len(cells)} cells: p50 {percentile(cells, 0.5):.3f}"
        f"  p95 {percentile(cells, 0.95):.3f}"
    )
    print(
        f"ask() cells (s), {len(asks)}: p50 {percentile(asks, 0.5):.3f}"
        f"  p95 {percentile(asks, 0.95):.3f}"
    )
    print(
        f"memory per trainee (MB, USS): median {statistics.median(memory):.0f}"
        f"  max {max(memory):.0f}  total {sum(memory):.0f}"
    )
    print(
        f"gateway overhead per call: {1000 * (through - direct):.1f} ms"
        f" (direct median {1000 * direct:.1f} ms, through the gateway {1000 * through:.1f} ms,"
        f" {args.calls} each, alternated)"
    )
    print(f"load average during the rush (peak 1-min): {peak_load[0]:.1f}; now {os.getloadavg()}")
    print(f"failures: {len(failures)}")
    for failure in failures:
        print(f"  {failure}")


if __name__ == "__main__":
    sys.exit(main())
