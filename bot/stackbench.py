"""`curieux bench-stack`: REST turn latency (p50/p95) over scripted sessions against the real
Rasa server and action server, and the memory of the running stack."""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
import uuid
from pathlib import Path

import requests
import yaml

from bot.config import PROJECT_ROOT, data_dir
from bot.serve import Stack, ensure_model


def _rss_mb(pid: int) -> float:
    """Resident memory of a process and its children, from /proc (Linux)."""
    total = 0
    pids = [pid]
    while pids:
        current = pids.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            children = Path(f"/proc/{current}/task/{current}/children").read_text().split()
        except OSError:
            continue
        total += next(
            int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:")
        )
        pids += [int(child) for child in children]
    return total / 1024


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def run_bench_stack(args: argparse.Namespace) -> int:
    scripts = yaml.safe_load((data_dir() / "trainees.yml").read_text(encoding="utf-8"))
    sessions = [lines for kind in scripts.values() for lines in kind.values()]
    with tempfile.TemporaryDirectory() as tmp:
        stack = Stack(
            model=ensure_model(PROJECT_ROOT / "models"),
            rasa_port=args.rasa_port,
            actions_port=args.actions_port,
            db_url=f"sqlite:///{tmp}/bench.db",
            log_dir=Path(tmp) / "logs",
        )
        started = time.monotonic()
        stack.start()
        print(f"stack ready in {time.monotonic() - started:.1f} s")
        url = f"http://localhost:{args.rasa_port}/webhooks/rest/webhook"
        latencies: list[float] = []
        try:
            for _ in range(args.rounds):
                for lines in sessions:
                    sender = f"bench-{uuid.uuid4().hex[:8]}"
                    for line in [*lines, "/end_session"]:
                        begin = time.perf_counter()
                        requests.post(
                            url, json={"sender": sender, "message": line}, timeout=60
                        ).raise_for_status()
                        latencies.append((time.perf_counter() - begin) * 1000)
            memory = {name: _rss_mb(p.pid) for name, p in stack.processes.items()}
        finally:
            stack.stop()
    print(f"turns: {len(latencies)} over {args.rounds * len(sessions)} sessions")
    print(
        f"latency ms: p50 {_percentile(latencies, 0.5):.0f}  p95 {_percentile(latencies, 0.95):.0f}"
        f"  mean {statistics.mean(latencies):.0f}  max {max(latencies):.0f}"
    )
    print(
        "memory MB (RSS): "
        + "  ".join(f"{k} {v:.0f}" for k, v in memory.items())
        + f"  total {sum(memory.values()):.0f}"
    )
    return 0
